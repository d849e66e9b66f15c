// The "Сроки" section: for now the deadline calculator. Pick a service, type event dates
// (dd.mm.yyyy, or with a time for minute and hour rules) and facts; the dates are worked
// out in Rust as you type, each with its explanation one click away.
import { Fragment, useEffect, useMemo, useState } from "react";
import type { Calculation } from "../bindings";
import { partyKey } from "../components/TimelinePanel";
import { Dashboard } from "../components/Dashboard";
import { DateButton, ExplanationPanel, waitingFor } from "../components/ExplainedDate";
import { toIso } from "../format";
import { useI18n } from "../i18n";
import { useCalculation, useServices } from "../queries";


export function Deadlines({ onOpenApplication }: { onOpenApplication?: (id: string) => void } = {}) {
  const { lang, t } = useI18n();
  const known = useServices();
  const services = useMemo(() => known.data ?? [], [known.data]);
  const [chosen, setServiceId] = useState("");
  const serviceId = chosen || services[0]?.id || "";
  const [events, setEvents] = useState<Record<string, string>>({});
  const [facts, setFacts] = useState<Record<string, string>>({});
  const [opened, setOpened] = useState<string | null>(null);

  const service = useMemo(() => services.find((s) => s.id === serviceId), [services, serviceId]);

  // Dates go to Rust as ISO; what is typed stays as typed. Rust answers once typing pauses.
  const given = useMemo(() => Object.fromEntries(Object.entries(events).map(([k, v]) => [k, toIso(v)]).filter(([, v]) => v !== "")), [events]);
  const calculation = useCalculation(service?.id, given, facts);
  const busy = calculation.isFetching;
  // A refused input keeps the last answer on screen beside the field's message.
  const [answer, setAnswer] = useState<Calculation | null>(null);
  useEffect(() => {
    if (calculation.data && !calculation.isPlaceholderData) setAnswer(calculation.data);
  }, [calculation.data, calculation.isPlaceholderData]);
  const report = answer?.report ?? null;
  const verdicts = answer?.verdicts ?? [];
  const error = calculation.error ?? known.error ?? null;

  const chooseService = (id: string) => {
    setServiceId(id);
    setEvents({});
    setFacts({});
    setAnswer(null);
  };

  const fieldError = (key: string) => error?.fields.find((f) => f.field === key);

  return (
    <>
    <Dashboard serviceTitle={(id) => services.find((s) => s.id === id)?.name[lang] ?? id} onOpenApplication={onOpenApplication} />
    <section className="calculator-section">
      <h1>{t("deadlines-title")}</h1>
      <p className="muted">{t("deadlines-intro")}</p>
      <div className="calculator">
        <form className="form-pane" onSubmit={(e) => e.preventDefault()} data-testid="deadlines-form">
          <div className="field">
            <label htmlFor="deadline-service">{t("deadlines-service")}</label>
            <select id="deadline-service" data-testid="deadline-service" value={serviceId} onChange={(e) => chooseService(e.target.value)}>
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name[lang]}
                </option>
              ))}
            </select>
          </div>
          {service && (
            <fieldset>
              <legend>{t("deadlines-events")}</legend>
              {service.events.map((ev) => {
                const err = fieldError(ev.id);
                const id = `event-${ev.id}`;
                return (
                  <div className={`field${err ? " invalid" : ""}`} key={ev.id}>
                    <label htmlFor={id}>{ev.label[lang]}</label>
                    <input
                      id={id}
                      data-testid={id}
                      inputMode="numeric"
                      placeholder={t(ev.kind === "time" ? "deadlines-timePlaceholder" : "deadlines-datePlaceholder")}
                      value={events[ev.id] ?? ""}
                      aria-invalid={err ? true : undefined}
                      aria-describedby={err ? `${id}-error` : undefined}
                      onChange={(e) => setEvents({ ...events, [ev.id]: e.target.value })}
                    />
                    {err && (
                      <span className="field-error" id={`${id}-error`} data-testid={`${id}-error`}>
                        {err.message}
                      </span>
                    )}
                  </div>
                );
              })}
            </fieldset>
          )}
          {service && service.facts.length > 0 && (
            <fieldset>
              <legend>{t("deadlines-facts")}</legend>
              {service.facts.map((f) => {
                const err = fieldError(f.id);
                const id = `fact-${f.id}`;
                const set = (v: string) => setFacts({ ...facts, [f.id]: v });
                return (
                  <div className={`field${err ? " invalid" : ""}`} key={f.id}>
                    <label htmlFor={id}>{f.label[lang]}</label>
                    {f.type === "positive_integer" ? (
                      <input id={id} data-testid={id} inputMode="numeric" value={facts[f.id] ?? ""} onChange={(e) => set(e.target.value)} />
                    ) : (
                      <select id={id} data-testid={id} value={facts[f.id] ?? ""} onChange={(e) => set(e.target.value)}>
                        <option value="">{t("deadlines-choose")}</option>
                        {f.type.one_of.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label[lang]}
                          </option>
                        ))}
                      </select>
                    )}
                    {err && (
                      <span className="field-error" data-testid={`${id}-error`}>
                        {err.message}
                      </span>
                    )}
                  </div>
                );
              })}
            </fieldset>
          )}
        </form>
        <div className="results" aria-live="polite">
          <h2>
            {t("deadlines-results")} {busy && <span className="muted small">{t("deadlines-computing")}</span>}
          </h2>
          {error && error.fields.length === 0 && (
            <p className="error" role="alert">
              {error.message}
            </p>
          )}
          {report && report.items.length === 0 && <p className="muted">{t("deadlines-none")}</p>}
          {report && report.items.length > 0 && (
            <table className="deadlines" data-testid="deadline-results">
              <thead>
                <tr>
                  <th>{t("deadlines-col-due")}</th>
                  <th>{t("deadlines-col-what")}</th>
                  <th>{t("deadlines-col-who")}</th>
                  <th>{t("deadlines-col-clause")}</th>
                </tr>
              </thead>
              <tbody>
                {report.items.map((item) => {
                  const verdict = verdicts.find((v) => v.rule === item.rule);
                  return (
                  <Fragment key={item.rule}>
                    <tr data-testid={`deadline-${item.rule}`}>
                      <td>
                        {item.due === null ? (
                          <span className="muted">
                            {t("deadlines-waiting")}: {waitingFor(service, item, lang)}
                          </span>
                        ) : (
                          <DateButton
                            item={item}
                            open={opened === item.rule}
                            onToggle={() => setOpened(opened === item.rule ? null : item.rule)}
                            testId={`due-${item.rule}`}
                          />
                        )}
                      </td>
                      <td>
                        {item.explanation.title}
                        {/* What the dates typed in mean: in time, late, or a void contract. */}
                        {verdict && (
                          <span className={`block small ${verdict.voids ? "verdict-void" : verdict.status === "met_late" ? "verdict-late" : "verdict-ok"}`} data-testid={`verdict-${item.rule}`}>
                            {verdict.text}
                          </span>
                        )}
                      </td>
                      <td>{t(partyKey(item.party))}</td>
                      <td>{item.clause}</td>
                    </tr>
                    {opened === item.rule && (
                      <tr className="explanation-row">
                        <td colSpan={4}>
                          <ExplanationPanel item={item} testId={`due-${item.rule}-explanation`} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                  );
                })}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </section>
    </>
  );
}
