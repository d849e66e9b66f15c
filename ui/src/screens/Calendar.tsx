// The working-day calendar: a month with holidays, transfers and provisional years marked,
// and the year's transfers, which the user can add or correct (saved in Rust, used at once
// by every date Zayava works out).
import { useEffect, useState } from "react";
import { api } from "../api";
import type { DayClass, DayView, IpcError, Transfer } from "../bindings";
import { formatDate, parseDate } from "../format";
import { useI18n, type MessageKey } from "../i18n";
import { calendarChanged, useCalendarYears, useMonth } from "../queries";

const legend: { cls: DayClass; key: MessageKey }[] = [
  { cls: "working", key: "calendar-legend-working" },
  { cls: "weekend", key: "calendar-legend-weekend" },
  { cls: "holiday", key: "calendar-legend-holiday" },
  { cls: "transfer_day_off", key: "calendar-legend-transferOff" },
  { cls: "transfer_workday", key: "calendar-legend-transferWork" },
];

/** Monday-first column (0–6) of an ISO date. */
export function mondayColumn(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

export function shiftMonth(year: number, month: number, by: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function Calendar() {
  const { t } = useI18n();
  const now = new Date();
  const [at, setAt] = useState({ year: now.getFullYear(), month: now.getMonth() + 1 });
  const month = useMonth(at.year, at.month);
  const view = month.data ?? null;
  const error = month.error ?? null;
  const [picked, setPicked] = useState<DayView | null>(null);

  // A day picked in another month is no longer on screen.
  useEffect(() => {
    setPicked((p) => (p && p.date.startsWith(`${at.year}-${String(at.month).padStart(2, "0")}`) ? p : null));
  }, [at]);

  const go = (by: number) => {
    setPicked(null);
    // Functional update: quick repeated clicks each move one month, not one in total.
    setAt((a) => shiftMonth(a.year, a.month, by));
  };

  const months = t("month-names").split(",");
  const weekdays = t("weekday-short").split(",");
  const blanks = view && view.days.length > 0 ? mondayColumn(view.days[0].date) : 0;

  return (
    <section>
      <h1>{t("calendar-title")}</h1>
      <div className="month-nav">
        <button type="button" onClick={() => go(-1)} aria-label={t("calendar-prev")} data-testid="calendar-prev">
          ◀
        </button>
        <select
          aria-label={t("calendar-month")}
          data-testid="calendar-month"
          value={at.month}
          onChange={(e) => setAt((a) => ({ ...a, month: Number(e.target.value) }))}
        >
          {months.map((name, i) => (
            <option key={name} value={i + 1}>
              {name}
            </option>
          ))}
        </select>
        <YearInput year={at.year} onYear={(year) => setAt((a) => ({ ...a, year }))} />
        <button type="button" onClick={() => go(1)} aria-label={t("calendar-next")} data-testid="calendar-next">
          ▶
        </button>
        <button type="button" onClick={() => setAt({ year: now.getFullYear(), month: now.getMonth() + 1 })}>
          {t("calendar-today")}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      {view?.provisional && (
        <p className="warning" role="note" data-testid="calendar-provisional">
          ⚠ {t("calendar-provisional")}
        </p>
      )}
      {view && (
        <div className="month-grid" role="grid" aria-label={`${months[at.month - 1]} ${at.year}`}>
          {weekdays.map((w) => (
            <div className="weekday" role="columnheader" key={w}>
              {w}
            </div>
          ))}
          {Array.from({ length: blanks }, (_, i) => (
            <div key={`blank-${i}`} />
          ))}
          {view.days.map((d) => (
            <button
              type="button"
              role="gridcell"
              key={d.date}
              className={`day ${d.class}${picked?.date === d.date ? " picked" : ""}`}
              title={d.note || undefined}
              data-testid={`day-${d.date}`}
              data-class={d.class}
              onClick={() => setPicked(d)}
            >
              {Number(d.date.slice(8))}
            </button>
          ))}
        </div>
      )}
      <ul className="legend">
        {legend.map((l) => (
          <li key={l.cls}>
            <span className={`swatch day ${l.cls}`} aria-hidden="true" /> {t(l.key)}
          </li>
        ))}
      </ul>
      {picked && (
        <p className="day-detail" data-testid="day-detail">
          <strong>{formatDate(picked.date)}</strong> — {picked.note || legendName(t, picked.class)}
          {picked.source && <span className="muted"> ({picked.source})</span>}
        </p>
      )}
      {view && view.source && (
        <p className="muted">
          {t("calendar-source")}: {view.source}
        </p>
      )}
      <TransfersEditor year={at.year} onSaved={calendarChanged} />
    </section>
  );
}

/** A year field that lets the user type freely and moves the calendar once the year is whole. */
function YearInput({ year, onYear }: { year: number; onYear: (year: number) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(String(year));
  useEffect(() => setText(String(year)), [year]);
  return (
    <input
      className="year"
      inputMode="numeric"
      aria-label={t("calendar-year")}
      data-testid="calendar-year"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const y = Number(e.target.value);
        if (/^\d{4}$/.test(e.target.value) && y >= 1990 && y <= 2150) onYear(y);
      }}
    />
  );
}

function legendName(t: (k: MessageKey) => string, cls: DayClass): string {
  return t(legend.find((l) => l.cls === cls)!.key);
}

interface Row {
  dayOff: string;
  workingDay: string;
}

function TransfersEditor({ year, onSaved }: { year: number; onSaved: () => void }) {
  const { t } = useI18n();
  const years = useCalendarYears();
  const held = years.data?.find((x) => x.year === year) ?? null;
  const [source, setSource] = useState("");
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  // What is held for the year fills the editor: when it comes, and again after a save.
  useEffect(() => {
    setSource(held?.source ?? "");
    setRows((held?.moves ?? []).map((m) => ({ dayOff: formatDate(m.day_off), workingDay: formatDate(m.working_day) })));
    setError(null);
  }, [held]);
  useEffect(() => setSaved(false), [year]);
  useEffect(() => {
    if (years.error) setError(years.error.message);
  }, [years.error]);

  const save = async () => {
    const moves: Transfer[] = [];
    for (const [i, r] of rows.entries()) {
      const dayOff = parseDate(r.dayOff);
      const workingDay = parseDate(r.workingDay);
      if (!dayOff || !workingDay) {
        setError(t("calendar-badDate", { line: i + 1 }));
        return;
      }
      moves.push({ day_off: dayOff, working_day: workingDay });
    }
    setSaving(true);
    try {
      await api.saveCalendarYear({ year, source, moves, origin: "user" });
      setError(null);
      setSaved(true);
      onSaved();
    } catch (e) {
      setError((e as IpcError).message);
    } finally {
      setSaving(false);
    }
  };

  const reset = async () => {
    await api.resetCalendarYear(year).catch((e: IpcError) => setError(e.message));
    onSaved();
  };

  const setRow = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <form className="form-pane transfers" onSubmit={(e) => (e.preventDefault(), save())} data-testid="transfers-form">
      <h2>{t("calendar-transfersFor", { year: String(year) })}</h2>
      {held && <p className="muted">{t(`calendar-origin-${held.origin}` as MessageKey)}</p>}
      <div className="field">
        <label htmlFor="transfer-source">{t("calendar-source")}</label>
        <input id="transfer-source" data-testid="transfer-source" placeholder={t("calendar-sourceHint")} value={source} onChange={(e) => setSource(e.target.value)} />
      </div>
      {rows.length === 0 && <p className="muted">{t("calendar-noMoves")}</p>}
      {rows.map((r, i) => (
        <div className="transfer-row" key={i}>
          <label>
            {t("calendar-dayOff")}
            <input value={r.dayOff} placeholder={t("deadlines-datePlaceholder")} data-testid={`transfer-off-${i}`} onChange={(e) => setRow(i, { dayOff: e.target.value })} />
          </label>
          <label>
            {t("calendar-workingDay")}
            <input value={r.workingDay} placeholder={t("deadlines-datePlaceholder")} data-testid={`transfer-work-${i}`} onChange={(e) => setRow(i, { workingDay: e.target.value })} />
          </label>
          <button type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            {t("calendar-removeMove")}
          </button>
        </div>
      ))}
      {error && (
        <p className="error" role="alert" data-testid="transfers-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => setRows([...rows, { dayOff: "", workingDay: "" }])} data-testid="transfer-add">
          + {t("calendar-addMove")}
        </button>
        <button type="submit" className="primary" disabled={saving} data-testid="transfers-save">
          {saving ? t("common-saving") : t("common-save")}
        </button>
        {held?.origin === "user" && (
          <button type="button" onClick={reset}>
            {t("calendar-reset")}
          </button>
        )}
        {saved && (
          <span className="ok" role="status">
            ✓ {t("common-saved")}
          </span>
        )}
      </div>
    </form>
  );
}
