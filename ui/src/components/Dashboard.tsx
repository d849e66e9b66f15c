// What is due across every application and organisation in the next N working days,
// soonest first, overdue first of all. Our deadlines and the Operator's are kept apart; the
// Operator's overdue actions stand out. Each date opens to how it was worked out.
import { Fragment, useEffect, useState } from "react";
import { ExcelExport } from "./ExcelExport";
import { PrintButtons } from "./Print";
import { api } from "../api";
import type { DueEntry, IpcError, Item, Party } from "../bindings";
import { formatDue } from "../format";
import { useI18n, useWords } from "../i18n";
import { useDashboard, useExpiring } from "../queries";
import { ExplanationPanel } from "./ExplainedDate";
import { partyKey, statusKey } from "./TimelinePanel";

const HORIZONS = [5, 10, 20, 60];
/** How far ahead «Договоры, которые заканчиваются» looks, in calendar days. */
const EXPIRING_DAYS = 92;

/** Told to Rust once, when the first dashboard with its data has been painted (start-up benchmark). */
let firstPaintReported = false;

export function Dashboard({ serviceTitle, onOpenApplication }: { serviceTitle: (id: string) => string; onOpenApplication?: (id: string) => void }) {
  const { t } = useI18n();
  const [days, setDays] = useState(10);
  const [party, setParty] = useState<Party | null>(null);
  const due = useDashboard({ working_days: days, party, limit: 200 });
  const entries = due.data ?? null;
  const [ownError, setError] = useWords<IpcError>();
  const [opened, setOpened] = useState<{ key: string; item: Item | null } | null>(null);
  const [exported, setExported] = useWords<string>();

  // Contracts ending within three months that are not renewed yet.
  const expiring = useExpiring(EXPIRING_DAYS);
  const ending = expiring.data ?? null;
  const error = ownError ?? due.error ?? expiring.error ?? null;

  useEffect(() => {
    if (entries && !firstPaintReported) {
      firstPaintReported = true;
      // Two frames: the first is laid out, the second is on screen.
      requestAnimationFrame(() => requestAnimationFrame(() => void api.firstPaint().catch(() => undefined)));
    }
  }, [entries]);

  const open = async (e: DueEntry) => {
    const key = `${e.application_id}/${e.rule}/${e.round}`;
    if (opened?.key === key) return setOpened(null);
    setOpened({ key, item: await api.deadlineDetail(e.application_id, e.rule, e.round).catch(() => null) });
  };

  const exportAll = async () => {
    api.exportIcs(null).then((r) => r && setExported(t("life-exported", { events: r.events })), setError);
  };


  const ours = entries?.filter((e) => e.party !== "operator") ?? [];
  const theirs = entries?.filter((e) => e.party === "operator") ?? [];

  const table = (list: DueEntry[], testId: string) =>
    list.length === 0 ? (
      <p className="muted">{t("dash-nothing")}</p>
    ) : (
      <table className="deadlines" data-testid={testId}>
        <thead>
          <tr>
            <th>{t("deadlines-col-due")}</th>
            <th>{t("deadlines-col-what")}</th>
            <th>{t("dash-col-app")}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((e) => {
            const key = `${e.application_id}/${e.rule}/${e.round}`;
            return (
              <Fragment key={key}>
                <tr className={`st-${e.status}${e.party === "operator" && e.status === "overdue" ? " operator-overdue" : ""}`} data-testid={`dash-${e.rule}`}>
                  <td>
                    <button type="button" className="date-button" aria-expanded={opened?.key === key} data-testid={`dash-due-${e.rule}`} onClick={() => open(e)}>
                      {formatDue(e.due)}
                    </button>
                    <span className={`status st-${e.status}`}>{t(statusKey(e.status))}</span>
                  </td>
                  <td>
                    {e.title} <span className="muted small">· {t("form-clause", { clause: e.clause })}</span>
                    {e.round > 1 && <span className="badge">{e.round_label}</span>}
                    {/* What is at stake in a window that voids the contract. */}
                    {e.stake && (
                      <span className={`stake block${e.status === "due_today" ? " urgent" : ""}`} data-testid="dash-stake">
                        {e.stake}
                      </span>
                    )}
                    {/* Each table is one side's; a step both sides take says so. */}
                    {e.party === "both" && <span className="muted small block">{t(partyKey(e.party))}</span>}
                  </td>
                  <td>
                    {onOpenApplication ? (
                      <button type="button" className="link" data-testid="dash-open" aria-label={t("dash-openAppLabel", { organisation: e.organisation_name ?? "—", service: serviceTitle(e.service) })} onClick={() => onOpenApplication(e.application_id)}>
                        {e.organisation_name ?? "—"}
                      </button>
                    ) : (
                      (e.organisation_name ?? "—")
                    )}
                    <br />
                    <span className="muted small">
                      {e.number} · {serviceTitle(e.service)}
                    </span>
                  </td>
                </tr>
                {opened?.key === key && opened.item && (
                  <tr className="explanation-row">
                    <td colSpan={3}>
                      <ExplanationPanel item={opened.item} testId={`dash-due-${e.rule}-explanation`} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    );

  return (
    <section className="dashboard" data-testid="dashboard">
      <h1>{t("dash-title")}</h1>
      <div className="inline wrap">
        <label>
          {t("dash-days")}{" "}
          <select data-testid="dash-days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {HORIZONS.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("dash-party")}{" "}
          <select data-testid="dash-party" value={party ?? ""} onChange={(e) => setParty((e.target.value || null) as Party | null)}>
            <option value="">{t("dash-party-all")}</option>
            <option value="consumer">{t("party-consumer")}</option>
            <option value="operator">{t("party-operator")}</option>
            <option value="both">{t("party-both")}</option>
          </select>
        </label>
      </div>
      {/* What leaves the window: files to keep or share, and the printed schedule. */}
      <div className="dash-actions">
        <div className="inline wrap">
          <span className="muted">{t("dash-save")}</span>
          <button type="button" onClick={exportAll}>
            {t("dash-exportAll")}
          </button>
          <ExcelExport registry="due" label={t("xlsx-due")} query={{ working_days: days, party, limit: 500 }} testId="dash-xlsx" />
          <ExcelExport registry="dates" label={t("xlsx-dates")} testId="dash-xlsx-dates" />
          {exported && <span className="ok">{exported}</span>}
        </div>
        <div className="inline wrap">
          <span className="muted">{t("dash-printAll")}</span>
          <PrintButtons id="all" kinds={["schedule"]} testId="dash-print" />
        </div>
      </div>
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      {entries && (
        <div className="dash-columns">
          <div>
            <h2>{t("dash-ours")}</h2>
            {table(ours, "dash-ours")}
          </div>
          <div>
            <h2>{t("dash-theirs")}</h2>
            {table(theirs, "dash-theirs")}
          </div>
        </div>
      )}
      {ending && (
        <div className="dash-ending" data-testid="dash-ending">
          <h2>{t("dash-ending")}</h2>
          {ending.length === 0 ? <p className="muted">{t("dash-endingNone")}</p> : table(ending, "dash-ending-table")}
        </div>
      )}
    </section>
  );
}
