// The exchange with the Operator as the user sees it: a status line with "Sync now" under the
// navigation (pending counts, last exchange, progress), and the Settings panel (address,
// token in the OS keyring, what was refused, conflicts to settle).
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "../api";
import { ConfirmButton } from "./Confirm";
import type { FormSchema, IpcError, Lang, SyncConflict, SyncIdentity, SyncOverview, SyncProgress } from "../bindings";
import { applicationsChanged, keys, syncChanged, useSchemas } from "../queries";
import { formatDateTime } from "../format";
import { has, type MessageKey, type Translate, useI18n, useWords } from "../i18n";

/** The overview from the one cache: read every 15 s by whichever screens show it (once,
 * however many), and at once when a run ends (see `followSyncStatus`). */
export function useSyncOverview(): [SyncOverview | null, () => void] {
  const q = useQuery({ queryKey: keys.sync, queryFn: api.syncOverview, refetchInterval: 15_000 });
  return [q.data ?? null, syncChanged];
}

function phaseText(p: SyncProgress, t: Translate): string {
  if (p.phase === "push") return t("sync-phase-push", { done: p.done, total: p.total });
  if (p.phase === "pull") return t("sync-phase-pull", { received: p.received });
  return t("sync-phase-data");
}

/** Who the server says the user is, when they may only read (a reader's desktop refuses every
 * change): the screens lock their forms and say so. */
export function useReadOnly(): SyncIdentity | null {
  const [overview] = useSyncOverview();
  const who = overview?.state.identity;
  return who && who.role === "reader" ? who : null;
}

/** At the top of every screen of a reader's desktop: why nothing can be changed here. */
export function ReadOnlyNotice() {
  const { t } = useI18n();
  const reader = useReadOnly();
  if (!reader) return null;
  return (
    <p className="warn-box read-only" role="note" data-testid="read-only">
      {t("sync-readOnly-notice", { account: reader.account })}
    </p>
  );
}

/** How long the words of a finished run stay under the button: the app also syncs by itself,
 * so an old «sent 0, received 0» would soon say less than the last exchange's time above. */
const DONE_SHOWN_MS = 10_000;

/** Under the navigation: where the exchange is, and "Sync now". A conflict count opens the
 * first application in conflict, where it is settled. */
export function SyncStatus({ onOpenApplication }: { onOpenApplication?: (id: string) => void } = {}) {
  const { t } = useI18n();
  const [overview, reload] = useSyncOverview();
  const [error, setError] = useWords<IpcError>();
  const [done, setDone] = useWords<string>();
  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => setDone(null), DONE_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [done, setDone]);
  if (!overview) return null;
  const run = overview.run;
  const counts = overview.state.counts;
  const syncNow = () => {
    setError(null);
    setDone(null);
    api.syncNow().then(
      (r) => (setDone(t("sync-done", { pushed: r.pushed, pulled: r.pulled })), reload(), applicationsChanged()),
      (e: IpcError) => (setError(e), reload()),
    );
  };
  const progress = run.progress;
  const shownError = error ?? run.last_error;
  return (
    <section className="sync-status" aria-label={t("sync-title")} data-testid="sync-status">
      <h2>{t("sync-title")}</h2>
      {!overview.url ? (
        <p className="small">{t("sync-off")}</p>
      ) : (
        <>
          <dl>
            <dt>{t("sync-pending")}</dt>
            <dd data-testid="sync-pending">{counts.pending}</dd>
            {counts.rejected > 0 && (
              <>
                <dt>{t("sync-rejected")}</dt>
                <dd>{counts.rejected}</dd>
              </>
            )}
            {counts.conflicts > 0 && (
              <>
                <dt>{t("sync-conflicts")}</dt>
                <dd>
                  {onOpenApplication && overview.conflicts.length > 0 ? (
                    <button type="button" className="link" data-testid="sync-conflicts-open" title={t("sync-conflict-open")} aria-label={`${t("sync-conflict-open")}: ${counts.conflicts}`} onClick={() => onOpenApplication(overview.conflicts[0].application_id)}>
                      {counts.conflicts}
                    </button>
                  ) : (
                    counts.conflicts
                  )}
                </dd>
              </>
            )}
            {overview.state.identity && <Identity who={overview.state.identity} />}
            <dt className="wide">{t("sync-last")}</dt>
            <dd className="wide" data-testid="sync-last">{overview.state.last_success ? formatDateTime(overview.state.last_success) : t("sync-never")}</dd>
          </dl>
          {run.running && (
            <div role="status" className="small">
              {progress ? phaseText(progress, t) : t("sync-running")}
              {progress?.phase === "push" && progress.total > 0 ? (
                <progress max={progress.total} value={progress.done} />
              ) : (
                <progress />
              )}
            </div>
          )}
          <button type="button" data-testid="sync-now" disabled={run.running} onClick={syncNow}>
            {run.running ? t("sync-running") : t("sync-now")}
          </button>
          {done && !run.running && (
            <p className="small" role="status" data-testid="sync-done">
              {done}
            </p>
          )}
          {shownError && !run.running && (
            <p className="small sync-error" role="alert" data-testid="sync-error">
              {shownError.message}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function fieldLabel(schemas: FormSchema[], id: string, lang: Lang): string {
  for (const s of schemas) {
    const f = s.fields.find((x) => x.id === id);
    if (f) return f.label[lang];
  }
  return id;
}

/** The words for what an issue concerns, when it is not an application («calendar/transfers»). */
const subjectKey = (subject: string) => `sync-subject-${subject.replace(/\//g, "-")}`;

/** A value as the form shows it: a choice by its label, yes/no in words, a list by its length. */
function show(schemas: FormSchema[], id: string, v: unknown, lang: Lang, t: Translate): string {
  if (v === undefined || v === null || v === "") return "—";
  const field = schemas.flatMap((s) => s.fields).find((f) => f.id === id);
  if (typeof v === "boolean") return t(v ? "common-yes" : "common-no");
  if (typeof v === "string") return field?.options.find((o) => o.value === v)?.label[lang] ?? v;
  if (Array.isArray(v)) return t("sync-conflict-items", { count: v.length });
  return JSON.stringify(v);
}

export type Resolution = "keep_mine" | "take_server";

/** The words after a conflict is settled (its box is gone): what became of the two versions. */
export function settledText(r: Resolution, t: Translate): string {
  return t(r === "keep_mine" ? "sync-conflict-keptMine" : "sync-conflict-tookTheirs");
}

export function Conflict({ c, schemas, onSettled }: { c: SyncConflict; schemas: FormSchema[]; onSettled: (r: Resolution) => void }) {
  const { lang, t } = useI18n();
  const [error, setError] = useWords<string>();
  const keys = [...new Set([...Object.keys(c.local_values), ...Object.keys(c.server_values)])].filter(
    (k) => JSON.stringify(c.local_values[k]) !== JSON.stringify(c.server_values[k]),
  );
  const settle = (resolution: Resolution) =>
    api.resolveSyncConflict(c.application_id, resolution).then(() => onSettled(resolution), (e: IpcError) => setError(e.message));
  // The other version is a colleague's (named) or the Operator's.
  const colleague = c.changed_by ?? null;
  return (
    <div className="conflict" data-testid="sync-conflict">
      <h3>{colleague ? t("sync-conflict-title-colleague", { name: colleague }) : t("sync-conflict-title")}</h3>
      <p className="muted small">
        {t("sync-conflict-application", { number: c.number })} ·{" "}
        <span data-testid="sync-conflict-when">{t("sync-conflict-their-time", { at: formatDateTime(c.at) })}</span>
      </p>
      <table>
        <thead>
          <tr>
            <th>{t("sync-conflict-field")}</th>
            <th>{t("sync-conflict-mine")}</th>
            <th data-testid="sync-conflict-theirs">{colleague ?? t("sync-conflict-theirs")}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k}>
              <td>{fieldLabel(schemas, k, lang)}</td>
              <td>{show(schemas, k, c.local_values[k], lang, t)}</td>
              <td>{show(schemas, k, c.server_values[k], lang, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" data-testid="sync-keep-mine" onClick={() => settle("keep_mine")}>
          {t("sync-conflict-keepMine")}
        </button>
        <button type="button" data-testid="sync-take-theirs" onClick={() => settle("take_server")}>
          {colleague ? t("sync-conflict-takeColleague", { name: colleague }) : t("sync-conflict-takeTheirs")}
        </button>
      </div>
      {error && <p className="error">{error}</p>}
    </div>
  );
}

/** The Settings panel for the exchange. */
/** The account, the person and their role as the server last said (under the navigation and in Settings). */
export function Identity({ who }: { who: SyncIdentity }) {
  const { t } = useI18n();
  const role = ["reader", "editor", "admin"].includes(who.role) ? t(`sync-role-${who.role}` as MessageKey) : who.role;
  return (
    <>
      <dt className="wide">{t("sync-account")}</dt>
      <dd className="wide" data-testid="sync-account">{who.account}</dd>
      <dt className="wide">{t("sync-user")}</dt>
      <dd className="wide" data-testid="sync-user">
        {who.user} · {role}
      </dd>
    </>
  );
}

export function SyncSettings() {
  const { t } = useI18n();
  const [overview, reload] = useSyncOverview();
  const [url, setUrl] = useState<string | null>(null);
  const [token, setToken] = useState("");
  const [urlError, setUrlError] = useWords<string>();
  const [tokenError, setTokenError] = useWords<string>();
  const [saved, setSaved] = useState<"url" | "token" | null>(null);
  const [settled, setSettled] = useState<string | null>(null);
  const schemas = useSchemas().data ?? [];
  useEffect(() => {
    if (overview && url === null) setUrl(overview.url ?? "");
  }, [overview, url]);
  if (!overview) return null;
  const saveUrl = () =>
    api.saveSyncUrl(url ?? "").then(
      (normal) => (setUrl(normal), setUrlError(null), setSaved("url"), reload()),
      (e: IpcError) => (setUrlError(e.message), setSaved(null)),
    );
  const saveToken = () =>
    api.saveSyncToken(token).then(
      () => (setToken(""), setTokenError(null), setSaved("token"), reload()),
      (e: IpcError) => (setTokenError(e.message), setSaved(null)),
    );
  const issueText = (code: string) => {
    const key = `sync-issue-${code.replaceAll(".", "-")}`;
    return has(key) ? t(key as MessageKey) : code;
  };
  return (
    <section className="sync-settings" data-testid="sync-settings">
      <h2>{t("sync-title")}</h2>
      {overview.state.identity && (
        <dl className="identity">
          <Identity who={overview.state.identity} />
        </dl>
      )}
      <form className={`field${urlError ? " invalid" : ""}`} onSubmit={(e) => (e.preventDefault(), saveUrl())}>
        <label htmlFor="sync-url">{t("sync-url")}</label>
        <div className="inline">
          <input id="sync-url" className="wide" data-testid="sync-url" value={url ?? ""} aria-invalid={urlError ? true : undefined} onChange={(e) => (setUrl(e.target.value), setSaved(null))} placeholder="https://" />
          <button type="submit" className="primary" data-testid="sync-url-save">
            {t("common-save")}
          </button>
          {saved === "url" && <span className="ok" role="status">✓ {t("common-saved")}</span>}
        </div>
        {urlError ? <span className="field-error" data-testid="sync-url-error">{urlError}</span> : <span className="muted small">{t("sync-urlHint")}</span>}
      </form>
      <form className={`field${tokenError ? " invalid" : ""}`} onSubmit={(e) => (e.preventDefault(), saveToken())}>
        <label htmlFor="sync-token">{t("sync-token")}</label>
        <div className="inline">
          <input id="sync-token" className="wide" type="password" autoComplete="off" data-testid="sync-token" value={token} onChange={(e) => (setToken(e.target.value), setSaved(null))} />
          <button type="submit" className="primary" data-testid="sync-token-save" disabled={!token.trim()}>
            {t("common-save")}
          </button>
          {overview.token_saved && (
            <ConfirmButton label={t("sync-tokenForget")} question={t("sync-tokenForgetConfirm")} yes={t("sync-tokenForgetYes")} onConfirm={() => api.forgetSyncToken().then(reload, (e: IpcError) => setTokenError(e.message))} testId="sync-token-forget" />
          )}
        </div>
        {tokenError ? (
          <span className="field-error" data-testid="sync-token-error">{tokenError}</span>
        ) : overview.keyring_problem ? (
          <span className="field-error" role="alert" data-testid="sync-keyring-problem">{overview.keyring_problem}</span>
        ) : (
          <span className="muted small">
            <span data-testid="sync-token-state">{overview.token_saved ? `✓ ${t("sync-tokenSaved")}` : t("sync-tokenMissing")}</span>. {t("sync-tokenHint")}
          </span>
        )}
      </form>
      {overview.conflicts.map((c) => (
        <Conflict key={c.application_id} c={c} schemas={schemas} onSettled={(r) => (setSettled(settledText(r, t)), reload(), applicationsChanged(c.application_id))} />
      ))}
      {settled && (
        <p className="ok" role="status" data-testid="sync-conflict-settled">
          ✓ {settled}
        </p>
      )}
      {(overview.issues.length > 0 || overview.state.counts.rejected > 0) && (
        <div className="sync-issues">
          <h3>{t("sync-issues")}</h3>
          <ul data-testid="sync-issues">
            {overview.issues.map((i) => (
              <li key={i.id}>
                <span className="muted small">{formatDateTime(i.at)}</span> {issueText(i.code)}
                {i.number ? (
                  <span className="muted small"> · {t("sync-conflict-application", { number: i.number })}</span>
                ) : (
                  has(subjectKey(i.subject)) && <span className="muted small"> · {t(subjectKey(i.subject) as MessageKey)}</span>
                )}
                {/* What the server sent, kept as it came: for whoever looks into it. */}
                {i.detail && (
                  <details className="small">
                    <summary>{t("sync-issueDetail")}</summary>
                    <code>{i.detail}</code>
                  </details>
                )}
              </li>
            ))}
          </ul>
          <div className="actions">
            {overview.issues.length > 0 && (
              <button type="button" onClick={() => api.dismissSyncIssues().then(reload)}>
                {t("sync-issuesDismiss")}
              </button>
            )}
            {overview.state.counts.rejected > 0 && (
              <button type="button" onClick={() => api.retryRefusedItems().then(reload)}>
                {t("sync-retryRefused")}
              </button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
