// The working-day calendar: a month with holidays, transfers and provisional years marked,
// today and the user's own deadlines on their days, and the year's transfers, which the
// user can add or correct (saved in Rust, used at once by every date Zayava works out).
// The month is a real grid: rows of weeks, arrow keys move between days (and on into the
// next or previous month), each day named with what it is.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { api } from "../api";
import { ConfirmButton } from "../components/Confirm";
import { listen } from "@tauri-apps/api/event";
import type { DayClass, DayView, DueEntry, IpcError, Recomputing, Transfer } from "../bindings";
import { formatDate, formatNumber, parseDate } from "../format";
import { useI18n, type MessageKey, useWords } from "../i18n";
import { calendarChanged, useCalendarYears, useDashboard, useMonth } from "../queries";

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

/** The ISO date `days` after `iso` (before, when negative). */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Today in Minsk, as an ISO date (from the parts: how a locale joins them varies). */
export function todayIso(now = new Date()): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en", { timeZone: "Europe/Minsk", year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The month's days as weeks of seven, Monday first; `null` pads the first and last week. */
export function weeks(days: DayView[]): (DayView | null)[][] {
  if (days.length === 0) return [];
  const cells: (DayView | null)[] = [...Array(mondayColumn(days[0].date)).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

/** How far a key moves the focused day: arrows by a day or a week, Home/End to the week's ends. */
function keyStep(key: string, iso: string): number | null {
  switch (key) {
    case "ArrowLeft":
      return -1;
    case "ArrowRight":
      return 1;
    case "ArrowUp":
      return -7;
    case "ArrowDown":
      return 7;
    case "Home":
      return -mondayColumn(iso);
    case "End":
      return 6 - mondayColumn(iso);
    default:
      return null;
  }
}

export function Calendar() {
  const { t } = useI18n();
  const today = todayIso();
  const [at, setAt] = useState({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) });
  const month = useMonth(at.year, at.month);
  const view = month.data ?? null;
  const error = month.error ?? null;
  const [picked, setPicked] = useState<DayView | null>(null);
  // The one day reached by Tab (the others by the arrows), and whether to move focus to it.
  const [focusDate, setFocusDate] = useState<string>(today);
  const moveFocus = useRef(false);
  // The user's own open deadlines, overdue ones included, by day.
  const due = useDashboard({ working_days: 400, party: null, limit: 2000 }).data;
  const dueByDay = useMemo(() => {
    const map = new Map<string, DueEntry[]>();
    for (const d of due ?? []) map.set(d.due.slice(0, 10), [...(map.get(d.due.slice(0, 10)) ?? []), d]);
    return map;
  }, [due]);

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
  const monthPrefix = `${at.year}-${String(at.month).padStart(2, "0")}`;
  // The day Tab reaches: the one last focused if on screen, else today, else the 1st.
  const tabDay = view?.days.find((d) => d.date === focusDate)?.date ?? view?.days.find((d) => d.date === today)?.date ?? view?.days[0]?.date;

  // After an arrow key (and the month it led to has come), the focus goes to its day.
  useEffect(() => {
    if (!moveFocus.current || !view) return;
    const el = document.querySelector<HTMLButtonElement>(`[data-testid="day-${focusDate}"]`);
    if (el) {
      el.focus();
      moveFocus.current = false;
    }
  }, [focusDate, view]);

  const onKey = (e: KeyboardEvent<HTMLButtonElement>, d: DayView) => {
    let target: string | null = null;
    const step = keyStep(e.key, d.date);
    if (step !== null) target = addDays(d.date, step);
    else if (e.key === "PageUp" || e.key === "PageDown") {
      const m = shiftMonth(Number(d.date.slice(0, 4)), Number(d.date.slice(5, 7)), e.key === "PageUp" ? -1 : 1);
      target = `${m.year}-${String(m.month).padStart(2, "0")}-01`;
    }
    if (target === null) return;
    e.preventDefault();
    moveFocus.current = true;
    setFocusDate(target);
    if (!target.startsWith(monthPrefix)) setAt({ year: Number(target.slice(0, 4)), month: Number(target.slice(5, 7)) });
  };

  /** A day as a screen reader says it: its date, what kind of day, the holiday, the deadlines. */
  const dayName = (d: DayView): string => {
    const parts = [formatDate(d.date), legendName(t, d.class)];
    if (d.note) parts.push(d.note);
    if (d.date === today) parts.push(t("calendar-today"));
    const deadlines = dueByDay.get(d.date) ?? [];
    if (deadlines.length) parts.push(t("calendar-deadlines", { list: deadlines.map((x) => `${x.number} ${x.title}`).join("; ") }));
    return parts.join(", ");
  };

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
        <button type="button" onClick={() => setAt({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) })}>
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
        <div className="month-grid" role="grid" aria-label={`${months[at.month - 1]} ${at.year}`} data-testid="calendar-grid">
          <div role="row" className="week">
            {weekdays.map((w) => (
              <div className="weekday" role="columnheader" key={w}>
                {w}
              </div>
            ))}
          </div>
          {weeks(view.days).map((week, i) => (
            <div role="row" className="week" key={i}>
              {week.map((d, j) =>
                d === null ? (
                  <div role="gridcell" key={`blank-${j}`} />
                ) : (
                  <button
                    type="button"
                    role="gridcell"
                    key={d.date}
                    className={`day ${d.class}${picked?.date === d.date ? " picked" : ""}${d.date === today ? " today" : ""}${dueByDay.has(d.date) ? " has-due" : ""}`}
                    title={d.note || undefined}
                    aria-current={d.date === today ? "date" : undefined}
                    aria-selected={picked?.date === d.date}
                    tabIndex={d.date === tabDay ? 0 : -1}
                    data-testid={`day-${d.date}`}
                    data-class={d.class}
                    onClick={() => (setPicked(d), setFocusDate(d.date))}
                    onKeyDown={(e) => onKey(e, d)}
                  >
                    {Number(d.date.slice(8))}
                    {/* Read out after the number shown: the date, the kind of day, the holiday, the deadlines. */}
                    <span className="sr-only"> ({dayName(d)})</span>
                    {dueByDay.has(d.date) && <span className="due-dot" aria-hidden="true" />}
                  </button>
                ),
              )}
            </div>
          ))}
        </div>
      )}
      <ul className="legend">
        {legend.map((l) => (
          <li key={l.cls}>
            <span className={`swatch day ${l.cls}`} aria-hidden="true" /> {t(l.key)}
          </li>
        ))}
        <li>
          <span className="swatch day today" aria-hidden="true" /> {t("calendar-today")}
        </li>
        <li>
          <span className="swatch day has-due" aria-hidden="true">
            <span className="due-dot" />
          </span>{" "}
          {t("calendar-legend-deadline")}
        </li>
      </ul>
      {picked && (
        <div className="day-detail" data-testid="day-detail">
          <p>
            <strong>{formatDate(picked.date)}</strong> — {picked.note || legendName(t, picked.class)}
            {picked.source && <span className="muted"> ({picked.source})</span>}
          </p>
          {(dueByDay.get(picked.date) ?? []).length > 0 && (
            <ul className="day-deadlines" data-testid="day-deadlines">
              {(dueByDay.get(picked.date) ?? []).map((x) => (
                <li key={`${x.application_id}-${x.rule}-${x.round}`}>
                  <span className="app-number">{x.number}</span> {x.title}
                  {x.organisation_name && <span className="muted"> · {x.organisation_name}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
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
  const [error, setError] = useWords<string>();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  // While a save recomputes the dates counted through the year: how far it has gone.
  const [recomputing, setRecomputing] = useState<Recomputing | null>(null);

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
    const unlisten = await listen<Recomputing>("recompute-progress", (e) => setRecomputing(e.payload)).catch(() => undefined);
    try {
      await api.saveCalendarYear({ year, source, moves, origin: "user" });
      setError(null);
      setSaved(true);
      onSaved();
    } catch (e) {
      setError((e as IpcError).message);
    } finally {
      unlisten?.();
      setRecomputing(null);
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
        {saving && recomputing && recomputing.of > 0 && (
          <span className="recomputing" role="status" data-testid="transfers-recomputing">
            <progress max={recomputing.of} value={recomputing.done} />
            {t("calendar-recomputing", { done: formatNumber(recomputing.done), of: formatNumber(recomputing.of) })}
          </span>
        )}
        {held?.origin === "user" && (
          <ConfirmButton label={t("calendar-reset")} question={t("calendar-resetConfirm", { year })} yes={t("calendar-resetYes")} onConfirm={reset} testId="calendar-reset" />
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
