// Backups and restore as the user sees them: in Settings, a copy to a file, the automatic
// copies, and restore (from a listed copy or a file), applied by restarting; at start, the
// recovery screen when the database is damaged or from a newer version.
import { useEffect, useState } from "react";
import { api } from "../api";
import { ConfirmButton } from "./Confirm";
import type { BackupKind, IpcError, StagedRestore } from "../bindings";
import { formatDateTime } from "../format";
import { useI18n, type MessageKey, useWords } from "../i18n";
import { useBackups } from "../queries";

/** Each kind's words (the type is Rust's `BackupKind`: a new kind does not compile here until named). */
const KIND_KEY: Record<BackupKind, MessageKey> = {
  daily: "backup-kind-daily",
  before_migration: "backup-kind-migration",
  before_restore: "backup-kind-restore",
  damaged: "backup-kind-damaged",
  other: "backup-kind-other",
};

/** The list of automatic copies, each with "Restore". */
function BackupList({ onStaged, onError }: { onStaged: (s: StagedRestore) => void; onError: (e: IpcError) => void }) {
  const { t } = useI18n();
  const backups = useBackups();
  const list = backups.data;
  useEffect(() => {
    if (backups.error) onError(backups.error);
  }, [backups.error, onError]);
  if (!list) return null;
  if (list.length === 0) return <p className="muted small">{t("backup-none")}</p>;
  return (
    <table className="backups" data-testid="backup-list">
      <tbody>
        {list.map((b) => (
          <tr key={b.path}>
            <td>{formatDateTime(b.made_at)}</td>
            <td>{t(KIND_KEY[b.kind])}</td>
            <td className="muted small">{t("common-sizeKb", { kb: Math.max(1, Math.round(b.bytes / 1024)) })}</td>
            <td>
              <button type="button" data-testid="backup-restore" aria-label={t("backup-restoreOf", { date: formatDateTime(b.made_at) })} onClick={() => api.restoreBackup(b.path).then(onStaged, onError)}>
                {t("backup-restore")}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A restore checked and waiting: restart now, or cancel. */
function Staged({ staged, onCancel }: { staged: StagedRestore; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div className="staged" role="alert" data-testid="restore-staged">
      <p>
        {t("backup-staged")} <strong>{staged.file}</strong>
      </p>
      <p className="small">{t("backup-stagedHint")}</p>
      <div className="actions">
        <button type="button" className="primary" data-testid="restore-restart" onClick={() => api.restartApp()}>
          {t("backup-restart")}
        </button>
        <button type="button" onClick={() => api.cancelRestore().then(onCancel)}>
          {t("common-cancel")}
        </button>
      </div>
    </div>
  );
}

/** Settings → Резервные копии. */
export function BackupPanel() {
  const { t } = useI18n();
  const [error, setError] = useWords<IpcError>();
  const [saved, setSaved] = useWords<string>();
  const [staged, setStaged] = useState<StagedRestore | null>(null);
  const [busy, setBusy] = useState(false);
  const saveCopy = () => {
    setBusy(true);
    setError(null);
    api.backupDatabase().then(
      (path) => (setSaved(path), setBusy(false)),
      (e: IpcError) => (setError(e), setBusy(false)),
    );
  };
  return (
    <section className="backup-panel" data-testid="backup-panel">
      <h2>{t("backup-title")}</h2>
      <p className="muted small">{t("backup-hint")}</p>
      <div className="actions">
        <button type="button" data-testid="backup-save" disabled={busy} onClick={saveCopy}>
          {busy ? t("common-saving") : t("backup-save")}
        </button>
        <button type="button" data-testid="backup-from-file" onClick={() => api.restoreFromFile().then((s) => s && setStaged(s), setError)}>
          {t("backup-fromFile")}
        </button>
      </div>
      {saved && (
        <p className="ok small" role="status" data-testid="backup-saved">
          ✓ {saved}
        </p>
      )}
      {error && (
        <p className="error" role="alert" data-testid="backup-error">
          {error.message}
        </p>
      )}
      {staged ? <Staged staged={staged} onCancel={() => setStaged(null)} /> : <BackupList onStaged={setStaged} onError={setError} />}
    </section>
  );
}

/** Instead of the app, when the database could not be opened. */
export function RecoveryScreen({ error }: { error: IpcError }) {
  const { t } = useI18n();
  const [problem, setProblem] = useWords<IpcError>();
  const [staged, setStaged] = useState<StagedRestore | null>(null);
  const recoverable = error.code === "store.damaged" || error.code === "store.newer_version";
  return (
    <div className="startup-error" role="alert" data-testid="startup-error">
      <h1>{t(error.code === "store.damaged" ? "recovery-damaged" : "startup-failed")}</h1>
      <p data-testid="startup-error-message">{error.message}</p>
      {recoverable && (
        <section className="recovery" data-testid="recovery">
          <h2>{t("recovery-fromBackup")}</h2>
          {staged ? <Staged staged={staged} onCancel={() => setStaged(null)} /> : <BackupList onStaged={setStaged} onError={setProblem} />}
          <div className="actions">
            <button type="button" onClick={() => api.restoreFromFile().then((s) => s && setStaged(s), setProblem)}>
              {t("backup-fromFile")}
            </button>
          </div>
          {error.code === "store.damaged" && (
            <ConfirmButton label={t("recovery-fresh")} question={t("recovery-freshConfirm")} yes={t("recovery-freshYes")} onConfirm={() => api.startWithNewDatabase().catch(setProblem)} testId="recovery-fresh" />
          )}
          {problem && <p className="error">{problem.message}</p>}
        </section>
      )}
    </div>
  );
}
