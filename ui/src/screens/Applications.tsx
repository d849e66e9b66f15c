// Applications: search and filter on the left; on the right the chosen application's form,
// rendered from its service's schema and saved as the user types (nothing is lost on close
// or crash), the pre-flight check, and ready / duplicate / archive.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { api } from "../api";
import type { ApplicationFilter, ApplicationStatus, ApplicationView, Finding, FormSchema, IpcError, Organisation, Outgoing, Preflight } from "../bindings";
import { ExcelExport } from "../components/ExcelExport";
import { MailButton } from "../components/Mail";
import { PrintButtons } from "../components/Print";
import { SchemaForm, pathId, useLeftFields, type Values } from "../components/SchemaForm";
import { Conflict, settledText, useReadOnly, useSyncOverview } from "../components/Sync";
import { TimelinePanel } from "../components/TimelinePanel";
import { formatDate, formatDateTime, formatNumber, toIso } from "../format";
import { useI18n, type MessageKey, useWords } from "../i18n";
import { applicationsChanged, syncChanged, useApplications, useDebounced, useOrganisations, useSchemas, useServices } from "../queries";

const statusKey = (s: ApplicationStatus): MessageKey => `app-status-${s}` as MessageKey;

/** How many applications the list shows at first, and adds on "Показать ещё": thousands of
 * buttons at once would keep the window busy for seconds. */
const PAGE = 100;

/** Waits this long after the last keystroke before saving a draft. */
const SAVE_DELAY_MS = 300;

/** The list's stages (lifecycle.json), in the order an application passes them. */
const STAGES = ["draft", "ready", "with_operator", "awaiting_signature", "concluded", "active", "expiring", "suspended", "ended", "not_concluded"] as const;

export function Applications({ openId }: { openId?: string | null } = {}) {
  const { lang, t } = useI18n();
  const allSchemas = useSchemas();
  const schemas = useMemo(() => (allSchemas.data ?? []).filter((s) => s.kind === "application"), [allSchemas.data]);
  const orgs = useOrganisations().data ?? [];
  const [filter, setFilter] = useState<ApplicationFilter>({ organisation_id: null, service: null, status: null, stage: null, text: null, archived: false });
  // A new application is for one of the organisations still worked with.
  const activeOrgs = orgs.filter((o) => !o.archived);
  const [newOrg, setNewOrg] = useState<number | null>(null);
  const newOrgId = activeOrgs.find((o) => o.id === (newOrg ?? filter.organisation_id))?.id ?? activeOrgs[0]?.id ?? null;
  // What is typed in the search box reaches the filter once typing pauses.
  const [search, setSearch] = useState("");
  const text = useDebounced(search.trim());
  const query = useMemo(() => ({ ...filter, text: text || null }), [filter, text]);
  const [shown, setShown] = useState(PAGE);
  // A new filter starts the list from the top.
  useEffect(() => setShown(PAGE), [query]);
  const applications = useApplications(query, shown);
  const list = applications.data;
  const [newService, setNewService] = useState("one-window");
  const [current, setCurrent] = useState<ApplicationView | null>(null);
  const [ownError, setError] = useWords<IpcError>();
  const error = ownError ?? allSchemas.error ?? applications.error ?? null;

  // Opened from elsewhere (a row of Сроки): show that application.
  useEffect(() => {
    if (openId) api.getApplication(openId).then(setCurrent, setError);
  }, [openId]);

  // What changed an application may change its timeline too (marking it ready offers
  // «sent»), so its own queries are read again, not only the lists.
  const refresh = useCallback((id?: string) => applicationsChanged(id), []);
  // Menus offer each service once, with its current form; older versions stay in
  // `schemas` for applications stored under them.
  const services = schemas.filter((s) => !s.superseded_by);
  const title = (service: string) => schemas.find((s) => s.id === service)?.title[lang] ?? service;
  // Menus name a service briefly («Подключение к ПК «Одно окно»»): the form's full title
  // does not fit a menu's width.
  const serviceNames = useServices().data;
  const shortName = (service: string) => serviceNames?.find((s) => s.id === service)?.name[lang] ?? title(service);

  // A reader's desktop creates nothing; an application in conflict is marked in the list.
  const readOnly = useReadOnly() !== null;
  const [syncOverview] = useSyncOverview();
  const inConflict = useMemo(() => new Set((syncOverview?.conflicts ?? []).map((c) => c.application_id)), [syncOverview]);

  const create = async () => {
    try {
      const app = await api.createApplication(newService, newOrgId);
      setCurrent(app);
      refresh();
    } catch (e) {
      setError(e as IpcError);
    }
  };

  return (
    <section className={`split wide${current ? " has-current" : ""}`}>
      <div className="list-pane">
        <h1>{t("nav-applications")}</h1>
        <div className="new-app">
          <select aria-label={t("app-service")} title={title(newService)} data-testid="app-new-service" value={newService} onChange={(e) => setNewService(e.target.value)}>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {shortName(s.id)}
              </option>
            ))}
          </select>
          {activeOrgs.length > 1 && (
            <select aria-label={t("app-newFor")} data-testid="app-new-organisation" value={newOrgId ?? ""} onChange={(e) => setNewOrg(Number(e.target.value))}>
              {activeOrgs.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
          <button type="button" className="primary" data-testid="app-new" disabled={newOrgId === null || readOnly} onClick={create}>
            + {t("app-new")}
          </button>
        </div>
        {activeOrgs.length === 0 && <p className="warning small">{t("app-noOrganisations")}</p>}
        <div className="filters">
          <input
            type="search"
            placeholder={t("app-filter-search")}
            title={t("app-filter-searchHint")}
            aria-label={t("app-filter-search")}
            data-testid="app-search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <select aria-label={t("app-organisation")} value={filter.organisation_id ?? ""} onChange={(e) => setFilter({ ...filter, organisation_id: e.target.value ? Number(e.target.value) : null })}>
            <option value="">{t("app-filter-allOrganisations")}</option>
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <select aria-label={t("app-service")} value={filter.service ?? ""} onChange={(e) => setFilter({ ...filter, service: e.target.value || null })}>
            <option value="">{t("app-filter-allServices")}</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {shortName(s.id)}
              </option>
            ))}
          </select>
          <select aria-label={t("app-filter-stage")} data-testid="app-filter-stage" value={filter.stage ?? ""} onChange={(e) => setFilter({ ...filter, stage: e.target.value || null })}>
            <option value="">{t("app-filter-allStages")}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`stage-${s}` as MessageKey)}
              </option>
            ))}
          </select>
          <label className="check-inline">
            <input type="checkbox" checked={filter.archived} onChange={(e) => setFilter({ ...filter, archived: e.target.checked })} /> {t("app-filter-archived")}
          </label>
        </div>
        {error && !current && (
          <p className="error" role="alert">
            {error.message}
          </p>
        )}
        {applications.isPending && (
          <p className="muted" role="status" data-testid="app-list-loading">
            {t("common-loading")}
          </p>
        )}
        {list && list.total > 0 && <ExcelExport registry="applications" label={t("xlsx-applications")} filter={query} testId="app-xlsx" />}
        {list && list.total === 0 && <p className="muted">{query.text || query.service || query.organisation_id || query.stage ? t("app-none") : t("app-empty")}</p>}
        <ul className="item-list" data-testid="app-list">
          {list?.items.map((a) => (
            <li key={a.id}>
              <button type="button" data-testid="app-item" aria-current={current?.application.id === a.id ? "true" : undefined} onClick={() => api.getApplication(a.id).then(setCurrent, setError)}>
                <span className="item-title">
                  <span className="app-number">{a.number}</span> {title(a.service)}
                </span>
                <span className="item-sub">
                  {a.organisation_name ?? t("app-noOrganisation")} · <span className={`status stage-${a.stage}`} data-testid="app-item-stage">{a.stage_label}</span> · {formatDateTime(a.updated_at)}
                  {inConflict.has(a.id) && (
                    <>
                      {" "}
                      · <span className="status conflict-mark" data-testid="app-item-conflict">{t("sync-conflict-mark")}</span>
                    </>
                  )}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {list && list.total > list.items.length && (
          <p className="list-more">
            <span className="muted small" data-testid="app-list-count">
              {t("app-shown", { shown: formatNumber(list.items.length), total: formatNumber(list.total) })}
            </span>{" "}
            <button type="button" data-testid="app-list-more" onClick={() => setShown((n) => n + PAGE)}>
              {t("app-more")}
            </button>
          </p>
        )}
      </div>
      {current ? (
        <Editor key={current.application.id} initial={current} schemas={schemas} orgs={orgs} onChanged={refresh} onOpen={setCurrent} onClose={() => setCurrent(null)} />
      ) : (
        <p className="muted">{t("app-pick")}</p>
      )}
    </section>
  );
}

function Editor({ initial, schemas, orgs, onChanged, onOpen, onClose }: { initial: ApplicationView; schemas: FormSchema[]; orgs: Organisation[]; onChanged: (id?: string) => void; onOpen: (v: ApplicationView) => void; onClose: () => void }) {
  const { lang, t } = useI18n();
  const serviceInputs = useServices().data?.find((x) => x.id === initial.application.service);
  const eventLabels = useMemo(() => Object.fromEntries((serviceInputs?.events ?? []).map((e) => [e.id, e.label[lang]])), [serviceInputs, lang]);
  const operatorEvents = useMemo(() => new Set((serviceInputs?.events ?? []).filter((e) => e.by_operator).map((e) => e.id)), [serviceInputs]);
  const [view, setView] = useState(initial);
  const [values, setValues] = useState<Values>(initial.application.values as Values);
  const [orgId, setOrgId] = useState<number | null>(initial.application.organisation_id);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [check, setCheck] = useState<Preflight | null>(null);
  const [checked, setChecked] = useState(false);
  const [error, setError] = useWords<IpcError>();
  const [amending, setAmending] = useState(false);
  const [settled, setSettled] = useState<string | null>(null);
  const left = useLeftFields();
  // A reader may look, not change: the form is locked and the changing actions are not offered.
  const readOnly = useReadOnly() !== null;
  const [syncOverview] = useSyncOverview();
  const conflict = syncOverview?.conflicts.find((c) => c.application_id === initial.application.id) ?? null;
  // What Rust said of the form (its findings, the stage) is said again in a new language.
  const shownLang = useRef(lang);
  useEffect(() => {
    if (lang === shownLang.current) return;
    shownLang.current = lang;
    void api.getApplication(initial.application.id).then(setView, setError);
  }, [lang, initial.application.id, setError]);
  const pending = useRef<{ values: Values; orgId: number | null } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const app = view.application;
  const schema = schemas.find((s) => s.version === app.schema_version) ?? schemas.find((s) => s.id === app.service);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const next = pending.current;
    if (!next) return;
    pending.current = null;
    setSaving(true);
    try {
      const saved = await api.saveApplication(app.id, next.orgId, next.values);
      setView(saved);
      setSavedAt(new Date().toISOString());
      setError(null);
      onChanged(app.id);
    } catch (e) {
      setError(e as IpcError);
    } finally {
      setSaving(false);
    }
  }, [app.id, onChanged]);

  // Save what is pending when the editor closes or the window is closed.
  useEffect(() => {
    const onLeave = () => void flush();
    window.addEventListener("beforeunload", onLeave);
    return () => {
      window.removeEventListener("beforeunload", onLeave);
      void flush();
    };
  }, [flush]);

  const change = (nextValues: Values, nextOrg: number | null) => {
    setValues(nextValues);
    setOrgId(nextOrg);
    setCheck(null);
    pending.current = { values: nextValues, orgId: nextOrg };
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  };

  const run = async (action: () => Promise<ApplicationView>) => {
    await flush();
    try {
      const v = await action();
      setView(v);
      setValues(v.application.values as Values);
      setError(null);
      onChanged(v.application.id);
      return v;
    } catch (e) {
      setError(e as IpcError);
    }
  };

  const preflight = async () => {
    setChecked(true);
    await flush();
    api.preflightApplication(app.id).then(setCheck, setError);
  };

  const markReady = async () => {
    setChecked(true);
    await flush();
    const result = await api.preflightApplication(app.id).catch((e: IpcError) => (setError(e), null));
    if (!result) return;
    setCheck(result);
    // Once ready, the check has done its work: its panel goes.
    if (result.clean && (await run(() => api.markApplicationReady(app.id)))) setCheck(null);
  };

  // As in the organisation form: a field's problems show once it is left, and all of them
  // once the user asks for the check (or tries to mark the application ready).
  const errors = left.shownOf(view.issues, checked);
  // A field left is checked once what was typed in it is saved: findings from before the
  // edit would flash up and shift the form under the user's pointer.
  const leaveField = (e: React.FocusEvent<HTMLFormElement>) => {
    const id = e.target.id;
    void flush().then(() => left.markLeft(id));
  };

  // Another organisation: saved at once, and the form takes what the new one fills in
  // (the consumer's name…) in place of what the old one did.
  const changeOrganisation = (next: number) => {
    setOrgId(next);
    void flush().then(() => run(() => api.saveApplication(app.id, next, values)));
  };

  return (
    <div className="editor" data-testid="app-editor">
      {/* In a narrow window the list gives way to the open application; this brings it back. */}
      <button type="button" className="back-to-list" data-testid="app-back" onClick={() => void flush().then(onClose)}>
        ← {t("app-backToList")}
      </button>
      <div className="editor-head">
        <h2>
          <span className="app-number" data-testid="app-number">{view.number}</span> {schema?.title[lang] ?? app.service}
        </h2>
        {view.sent ? (
          <span className={`status stage-${view.stage}`} data-testid="app-stage">
            {view.stage_label}
          </span>
        ) : (
          <span className={`status ${app.status}`} data-testid="app-status">
            {t(statusKey(app.status))}
          </span>
        )}
        {app.archived && <span className="status archived">{t("app-archived")}</span>}
        <span className="muted small" role="status" data-testid="app-saved">
          {saving ? t("app-saving") : savedAt ? t("app-savedAt", { time: formatDateTime(savedAt).slice(11) }) : ""}
        </span>
      </div>
      {/* Changed here and elsewhere: settled where the user works on it. The form shows this
          desktop's version until then. */}
      {conflict && (
        <Conflict
          c={conflict}
          schemas={schemas}
          onSettled={(r) => {
            setSettled(settledText(r, t));
            syncChanged();
            onChanged(app.id);
            void api.getApplication(app.id).then((v) => (setView(v), setValues(v.application.values as Values)), setError);
          }}
        />
      )}
      {settled && !conflict && (
        <p className="ok" role="status" data-testid="app-conflict-settled">
          ✓ {settled}
        </p>
      )}
      {/* What is typed here is stored too: a reader's desktop shows it and takes none. */}
      <fieldset className="plain" disabled={readOnly}>
        {/* The Operator's numbers: typed by hand from its letters, or brought by sync. */}
        {view.sent && (
          <div className="inline wrap operator-numbers" data-testid="app-operator-numbers">
            {(["registration_number", "contract_number"] as const).map((k) => (
              <OperatorNumber key={`${app.id}-${k}`} label={t(`app-operator-${k}` as MessageKey)} value={String(view.operator_fields[k] ?? "")} testId={`app-${k}`} onSave={(v) => run(() => api.setOperatorNumber(app.id, k, v))} />
            ))}
          </div>
        )}
        {view.operator_fields.remarks !== undefined && (
          <dl className="facts operator-fields" data-testid="app-operator-fields">
            <dt>{t("app-operator-remarks")}</dt>
            <dd>{String(view.operator_fields.remarks)}</dd>
          </dl>
        )}
        <OutgoingNumber
          key={`${app.id}-outgoing`}
          outgoing={app.outgoing ?? null}
          canCount={app.organisation_id !== null}
          onSave={(number, date) => run(() => api.setOutgoing(app.id, number, date))}
        />
      </fieldset>
      <PrintButtons id={app.id} beforePrint={flush} />
      {view.inbox && !readOnly && (app.status === "ready" || view.sent) && (
        <div className="inline wrap mail-row">
          <MailButton key={app.id} id={app.id} letter={{ kind: "application" }} to={view.inbox} done={view.sent} beforeMail={flush} onRecorded={() => void api.getApplication(app.id).then(setView)} />
          {!view.sent && <span className="muted small">{t("mail-applicationHint", { to: view.inbox })}</span>}
        </div>
      )}
      {view.locked && !readOnly && (
        <div className="warn-box" data-testid="app-locked">
          <p>{t("app-locked")}</p>
          {amending ? (
            <>
              <p>{t("app-amendConfirm")}</p>
              <button type="button" className="primary" data-testid="app-amend-yes" onClick={() => run(() => api.amendApplication(app.id)).then(() => (setAmending(false), applicationsChanged(app.id)))}>
                {t("app-amendYes")}
              </button>{" "}
              <button type="button" onClick={() => setAmending(false)}>
                {t("common-cancel")}
              </button>
            </>
          ) : (
            <button type="button" data-testid="app-amend" onClick={() => setAmending(true)}>
              {t("app-amend")}
            </button>
          )}
        </div>
      )}
      <fieldset className="plain" disabled={view.locked || readOnly}>
      <div className="field">
        <label htmlFor="app-organisation">{t("app-organisation")}</label>
        <select id="app-organisation" data-testid="app-organisation" value={orgId ?? ""} onChange={(e) => e.target.value && changeOrganisation(Number(e.target.value))}>
          {orgId === null && <option value="">{t("app-noOrganisation")}</option>}
          {orgs.filter((o) => !o.archived || o.id === orgId).map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} ({o.unp})
            </option>
          ))}
        </select>
      </div>
      {schema && (
        <form className="form-pane" onSubmit={(e) => e.preventDefault()} onBlur={leaveField} noValidate aria-label={t("app-form")}>
          <SchemaForm fields={schema.fields} values={values} errors={errors} onChange={(v) => change(v, orgId)} />
        </form>
      )}
      </fieldset>
      {error && (
        <p className="error" role="alert" data-testid="app-error">
          {error.message}
        </p>
      )}
      {check && !view.sent && app.status !== "ready" && (
        <div className={`preflight ${check.clean ? "clean" : ""}`} data-testid="app-preflight" role="region" aria-label={t("app-preflightTitle")}>
          <h3>{t("app-preflightTitle")}</h3>
          {check.clean ? (
            <p className="ok">✓ {t("app-preflightClean")}</p>
          ) : (
            // One group per ground of the seed: its words and clause once, then each
            // finding once, as a link to its field.
            groupByGround(check.findings).map(([ground, findings]) => (
              <div key={ground} className="preflight-ground">
                <p>
                  <strong>{t("form-clause", { clause: findings[0].clause })}</strong> — {findings[0].ground_text}:
                </p>
                <ul>
                  {findings.map((f, i) => (
                    <li key={i} data-testid="preflight-finding" data-clause={f.clause}>
                      {f.field ? (
                        <button type="button" className="link" onClick={() => document.getElementById(`field-${pathId(f.field ?? "")}`)?.focus()}>
                          {f.detail}
                        </button>
                      ) : (
                        f.detail
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            ))
          )}
        </div>
      )}
      {/* One panel per application, kept while its status changes: the cache refreshes what it
          shows (remounting it replaced the very controls a user, or a test driver, was using). */}
      <TimelinePanel
        key={app.id}
        applicationId={app.id}
        service={serviceInputs}
        labels={(e) => eventLabels[e] ?? e}
        byOperator={(e) => operatorEvents.has(e)}
        onChanged={() => {
          onChanged();
          // A recorded event may lock the form again (it was sent, or the amendment is over).
          api.getApplication(app.id).then(setView, setError);
        }}
        onStartNew={() => run(() => api.duplicateApplication(app.id)).then((v) => v && onOpen(v))}
      />
      <div className="actions sticky-actions">
        {/* Checking and marking ready are for before sending. */}
        {!view.sent && !readOnly && (
          <>
            <button type="button" data-testid="app-check" onClick={preflight}>
              {t("app-check")}
            </button>
            {/* Not while a conflict waits: which version goes is the user's choice first. */}
            {app.status !== "ready" && !conflict && (
              <button type="button" className="primary" data-testid="app-ready" onClick={markReady}>
                {t("app-markReady")}
              </button>
            )}
          </>
        )}
        {/* The rarer actions sit in a menu, so the bar stays one row at any window size. */}
        {!readOnly && (
          <details className="more" data-testid="app-more">
            <summary>{t("app-moreActions")}</summary>
            <div className="menu">
              <button type="button" data-testid="app-duplicate" onClick={() => run(() => api.duplicateApplication(app.id)).then((v) => v && onOpen(v))}>
                {t("app-duplicate")}
              </button>
              <button type="button" data-testid="app-archive" onClick={() => run(() => api.archiveApplication(app.id, !app.archived))}>
                {app.archived ? t("app-unarchive") : t("app-archive")}
              </button>
            </div>
          </details>
        )}
      </div>
    </div>
  );
}

/** Findings in the order found, gathered under their ground. */
function groupByGround(findings: Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.ground, [...(groups.get(f.ground) ?? []), f]);
  return [...groups.entries()];
}

/** The letters' outgoing number and date: typed as the office registers it, or the next of
 * the organisation's own count. Printed on the covering letter and the application. */
function OutgoingNumber({ outgoing, canCount, onSave }: { outgoing: Outgoing | null; canCount: boolean; onSave: (number: string | null, date: string | null) => Promise<unknown> }) {
  const { t } = useI18n();
  const [number, setNumber] = useState(outgoing?.number ?? "");
  const [date, setDate] = useState(outgoing ? formatDate(outgoing.date) : "");
  useEffect(() => {
    setNumber(outgoing?.number ?? "");
    setDate(outgoing ? formatDate(outgoing.date) : "");
  }, [outgoing?.number, outgoing?.date]);
  const typedDate = () => (date.trim() === "" ? null : toIso(date));
  const save = () => {
    const changed = number.trim() !== (outgoing?.number ?? "") || (outgoing !== null && date.trim() !== formatDate(outgoing.date));
    if (changed && number.trim() !== "") void onSave(number, typedDate());
  };
  return (
    <fieldset className="inline wrap outgoing" data-testid="app-outgoing">
      <legend>{t("app-outgoing-legend")}</legend>
      <label>
        {t("app-outgoing-number")}
        <input data-testid="app-outgoing-number" value={number} maxLength={40} size={12} onChange={(e) => setNumber(e.target.value)} onBlur={save} onKeyDown={(e) => e.key === "Enter" && save()} />
      </label>
      <label>
        {t("app-outgoing-date-label")}
        <input data-testid="app-outgoing-date" value={date} size={10} placeholder={t("deadlines-datePlaceholder")} onChange={(e) => setDate(e.target.value)} onBlur={save} onKeyDown={(e) => e.key === "Enter" && save()} />
      </label>
      <button type="button" data-testid="app-outgoing-next" disabled={!canCount} title={canCount ? undefined : t("app-outgoing-needs-organisation")} onClick={() => void onSave(null, typedDate())}>
        {t("app-outgoing-next")}
      </button>
      <span className="muted small">{canCount ? t("app-outgoing-hint") : t("app-outgoing-needs-organisation")}</span>
    </fieldset>
  );
}

/** One of the Operator's numbers: saved when the field is left, if it changed. */
function OperatorNumber({ label, value, testId, onSave }: { label: string; value: string; testId: string; onSave: (v: string) => Promise<unknown> }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <label>
      {label}
      <input data-testid={testId} value={text} maxLength={64} onChange={(e) => setText(e.target.value)} onBlur={() => text.trim() !== value && void onSave(text)} />
    </label>
  );
}
