// An application's life: its state, the audit trail of events (corrections are new events,
// never edits), recording the next event, and every deadline with its status and, one
// click away, how it was worked out.
import { Fragment, useEffect, useState } from "react";
import { api } from "../api";
import type { DeadlineStatus, IpcError, Party, ServiceInputs } from "../bindings";
import { formatDateTime, formatDue, toIso } from "../format";
import { useI18n, type MessageKey, useWords } from "../i18n";
import { applicationsChanged, useTimeline } from "../queries";
import { DateButton, ExplanationPanel, waitingFor } from "./ExplainedDate";
import { MailButton } from "./Mail";
import { useReadOnly } from "./Sync";

export const statusKey = (s: DeadlineStatus): MessageKey => `status-${s}` as MessageKey;
export const partyKey = (p: Party | null): MessageKey => (p ? (`party-${p}` as MessageKey) : "party-none");

export function TimelinePanel({
  applicationId,
  service,
  labels,
  byOperator,
  onChanged,
  onStartNew,
}: {
  applicationId: string;
  /** The application's service: names what a waiting deadline waits for. */
  service?: ServiceInputs;
  labels: (event: string) => string;
  /** The Operator's own step (the rulebook's `by_operator`): it comes by sync. */
  byOperator?: (event: string) => boolean;
  onChanged?: () => void;
  /** A new application from this one's form: offered when the contract is void, and when
   *  the seed asks for a new application to change a concluded one (hosting 3.3). */
  onStartNew?: () => void;
}) {
  const { lang, t } = useI18n();
  // A reader's desktop records and corrects nothing: the trail and the dates are there to read.
  const readOnly = useReadOnly() !== null;
  const timeline = useTimeline(applicationId);
  const line = timeline.data ?? null;
  const [event, setEvent] = useState("");
  /** The user chose the event (not the panel, offering the first that may come next). */
  const [picked, setPicked] = useState(false);
  const [date, setDate] = useState("");
  const [note, setNote] = useState("");
  const [corrects, setCorrects] = useState<number | null>(null);
  const [ownError, setError] = useWords<IpcError>();
  const error = ownError ?? timeline.error ?? null;
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState<string | null>(null);
  const [exported, setExported] = useWords<string>();

  // The event offered keeps the user's choice while it can still come next.
  useEffect(() => {
    if (line) setEvent((e) => (corrects !== null || (picked && line.next_events.includes(e)) ? e : (line.next_events[0] ?? "")));
  }, [line, corrects, picked]);

  const record = async () => {
    setBusy(true);
    try {
      await api.recordEvent(applicationId, { event, at: toIso(date), corrects, note });
      setDate("");
      setNote("");
      setCorrects(null);
      setPicked(false);
      setError(null);
      applicationsChanged(applicationId);
      onChanged?.();
    } catch (e) {
      setError(e as IpcError);
    } finally {
      setBusy(false);
    }
  };

  const exportIcs = async () => {
    api.exportIcs(applicationId).then((r) => r && setExported(t("life-exported", { events: r.events })), setError);
  };

  if (!line) return null;
  const choices = corrects !== null ? [line.events.find((e) => e.event.id === corrects)!.event.event] : line.next_events;

  return (
    <section className="timeline" aria-label={t("life-title")} data-testid="timeline">
      <h3>
        {t("life-title")}: <span className={`status state-${line.state}`} data-testid="life-state">{line.state_label}</span>
      </h3>
      {line.void && (
        <div className="void-banner" role="alert" data-testid="life-void">
          <strong>{t("life-void-title")}</strong>
          <p>{line.void.message}</p>
          {onStartNew && !readOnly && (
            <button type="button" className="primary" data-testid="life-start-new" onClick={onStartNew}>
              {t("life-void-startNew")}
            </button>
          )}
        </div>
      )}
      {line.gaps.length > 0 && (
        <div className="warn-box" data-testid="life-gaps">
          <p>{t("life-gaps")}</p>
          <ul>
            {line.gaps.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        </div>
      )}
      {onStartNew && !readOnly && !line.void && line.next_events.includes("procedures_change_filed") && (
        <div className="info-box" data-testid="life-new-application">
          <p>{t("life-newApplication-text")}</p>
          <button type="button" data-testid="life-new-application-start" onClick={onStartNew}>
            {t("life-newApplication-start")}
          </button>
        </div>
      )}
      {line.unplaced.length > 0 && (
        <div className="warn-box" data-testid="life-unplaced">
          <p>{t("life-unplaced")}</p>
          <ul>
            {line.unplaced.map((u) => (
              <li key={u.id}>
                <strong>{u.label}</strong> — {u.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <h4>{t("life-events")}</h4>
      {line.events.length === 0 ? (
        <p className="muted small">{t("life-noEvents")}</p>
      ) : (
        <ol className="events">
          {line.events.map((e) => (
            <li key={e.event.id} className={e.corrected ? "corrected" : ""} data-testid="life-event">
              <strong>{formatDue(e.event.at)}</strong> — {e.label}
              {e.corrected && <span className="badge">{t("life-corrected")}</span>}
              {e.event.corrects !== null && (
                <span className="muted small">
                  {" "}
                  ({t("life-correctionOf", { date: formatDue(line.events.find((o) => o.event.id === e.event.corrects)?.event.at ?? "") })})
                </span>
              )}
              {e.event.note && <span className="muted"> · {e.event.note}</span>}
              <span className="muted small">
                {" "}
                ·{" "}
                {e.author
                  ? t("life-recordedBy", { name: e.author, at: formatDateTime(e.event.recorded_at) })
                  : t("life-recorded", { who: e.event.recorded_by, at: formatDateTime(e.event.recorded_at) })}
              </span>
              {/* The record in force can be corrected, a correction too (a slip in it). */}
              {!e.corrected && !readOnly && (
                <button type="button" className="link small" onClick={() => (setCorrects(e.event.id), setEvent(e.event.event))}>
                  {t("life-correct")}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {!readOnly && (
        <form
          className="record"
          onSubmit={(e) => {
            e.preventDefault();
            record();
          }}
          data-testid="life-form"
        >
          <h4>{corrects !== null ? t("life-correct") : t("life-record")}</h4>
          {choices.length === 0 ? (
            <p className="muted small">{t("life-noNext")}</p>
          ) : (
            <div className="inline wrap">
              <label>
                {t("life-event")}
                <select data-testid="life-event-kind" value={event} onChange={(e) => (setEvent(e.target.value), setPicked(true))} disabled={corrects !== null}>
                  {choices.map((c) => (
                    <option key={c} value={c}>
                      {labels(c)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t("life-date")}
                <input data-testid="life-event-date" placeholder={t("deadlines-datePlaceholder")} value={date} onChange={(e) => setDate(e.target.value)} />
              </label>
              <label>
                {t("life-note")}
                <input value={note} onChange={(e) => setNote(e.target.value)} />
              </label>
              {byOperator?.(event) && corrects === null && (
                <p className="muted small" data-testid="life-by-operator">
                  {t("life-byOperator")}
                </p>
              )}
              <button type="submit" className="primary" disabled={busy || !date.trim()} data-testid="life-event-save">
                {t("life-save")}
              </button>
              {corrects !== null && (
                <button type="button" onClick={() => setCorrects(null)}>
                  {t("common-cancel")}
                </button>
              )}
            </div>
          )}
          {error && (
            <p className="error" role="alert" data-testid="life-error">
              {error.message}
            </p>
          )}
        </form>
      )}
      <h4>{t("life-deadlines")}</h4>
      <table className="deadlines" data-testid="life-deadlines">
        <tbody>
          {line.deadlines.map((d) => {
            // A deadline has a row per round; the first round keeps the plain test id.
            const key = d.round > 1 ? `${d.item.rule}-${d.round}` : d.item.rule;
            return (
            <Fragment key={key}>
              <tr data-testid={`life-deadline-${key}`} className={`st-${d.status}`}>
                <td>
                  {d.item.due ? (
                    <DateButton item={d.item} open={opened === key} onToggle={() => setOpened(opened === key ? null : key)} testId={`life-due-${key}`} />
                  ) : (
                    <span className="muted">…</span>
                  )}
                </td>
                <td>
                  {d.item.explanation.title}
                  {d.round_label && <span className="badge">{d.round_label}</span>}
                </td>
                <td>{t(partyKey(d.item.party))}</td>
                <td>
                  <span className={`status st-${d.status}`}>{d.status === "waiting" && waitingFor(service, d.item, lang) ? t("life-waitingFor", { what: waitingFor(service, d.item, lang) }) : t(statusKey(d.status))}</span>
                  {d.met_on && <span className="muted small"> {formatDue(d.met_on)}</span>}
                </td>
              </tr>
              {d.consequence && (
                <tr className="consequence-row">
                  <td colSpan={4} data-testid={`life-consequence-${key}`}>
                    {d.consequence}
                  </td>
                </tr>
              )}
              {opened === key && (
                <tr className="explanation-row">
                  <td colSpan={4}>
                    <ExplanationPanel item={d.item} testId={`life-due-${key}-explanation`} />
                  </td>
                </tr>
              )}
              {d.notice && (
                <tr className="notice-row">
                  <td colSpan={4}>
                    <details data-testid={`life-notice-${key}`}>
                      <summary>
                        {t("life-notice")}
                        {d.notice.to && ` · ${t("life-noticeTo", { to: d.notice.to })}`}
                      </summary>
                      <pre className="notice">{d.notice.text}</pre>
                      <CopyButton text={d.notice.text} />
                      {d.notice.to && !readOnly && <MailButton key={key} id={applicationId} done={d.settled} letter={{ kind: "notice", rule: d.item.rule, round: d.round }} to={d.notice.to} testId={`life-mail-${key}`} onRecorded={onChanged} />}
                    </details>
                  </td>
                </tr>
              )}
            </Fragment>
            );
          })}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={exportIcs}>
          {t("life-exportIcs")}
        </button>
        {exported && <span className="ok">{exported}</span>}
      </div>
    </section>
  );
}

function CopyButton({ text }: { text: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <button type="button" onClick={() => navigator.clipboard.writeText(text).then(() => setCopied(true))}>
      {copied ? `✓ ${t("life-copied")}` : t("life-copy")}
    </button>
  );
}
