// Settings: the interface language (remembered by the Rust side), the support hours for
// working-hour deadlines, reminder lead times, the exchange with the Operator, and where the
// data lives.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "../api";
import type { AppInfo, IpcError, Lang } from "../bindings";
import { languages, useI18n, type MessageKey, useWords } from "../i18n";
import { SyncSettings } from "../components/Sync";
import { BackupPanel } from "../components/Backups";
import { keys, queryClient } from "../queries";

/** One text setting: loaded from Rust, saved to Rust, refused with Rust's sentence. A saved
 * setting can move any date, so everything shown is read again. */
function TextSetting({ id, label, hint, load, store }: { id: string; label: MessageKey; hint: MessageKey; load: () => Promise<string>; store: (v: string) => Promise<void> }) {
  const { t } = useI18n();
  const [text, setText] = useState("");
  const [error, setError] = useWords<string>();
  const [saved, setSaved] = useState(false);
  const held = useQuery({ queryKey: [...keys.settings, id], queryFn: load });
  useEffect(() => {
    if (held.data !== undefined) setText(held.data);
  }, [held.data]);
  useEffect(() => {
    if (held.error) setError(held.error.message);
  }, [held.error]);
  const save = () =>
    store(text).then(
      () => (setError(null), setSaved(true), void queryClient.invalidateQueries()),
      (e: IpcError) => (setError(e.message), setSaved(false)),
    );
  return (
    <form className={`field${error ? " invalid" : ""}`} onSubmit={(e) => (e.preventDefault(), save())}>
      <label htmlFor={id}>{t(label)}</label>
      <div className="inline">
        <input id={id} data-testid={`settings-${id}`} value={text} aria-invalid={error ? true : undefined} aria-describedby={`${id}-hint`} onChange={(e) => (setText(e.target.value), setSaved(false))} />
        <button type="submit" className="primary" data-testid={`settings-${id}-save`}>
          {t("common-save")}
        </button>
        {saved && (
          <span className="ok" role="status">
            ✓ {t("common-saved")}
          </span>
        )}
      </div>
      {error ? (
        <span className="field-error" data-testid={`settings-${id}-error`}>
          {error}
        </span>
      ) : (
        <span className="muted small" id={`${id}-hint`}>
          {t(hint)}
        </span>
      )}
    </form>
  );
}

export function Settings({ info, onLanguage }: { info: AppInfo; onLanguage: (lang: Lang) => Promise<void> }) {
  const { lang, t } = useI18n();
  const [error, setError] = useWords<IpcError>();
  return (
    <section>
      <h1>{t("nav-settings")}</h1>
      <div className="field">
        <label htmlFor="language">{t("settings-language")}</label>
        <select id="language" data-testid="settings-language" value={lang} onChange={(e) => onLanguage(e.target.value as Lang).then(() => setError(null), setError)}>
          {languages.map((l) => (
            <option key={l.lang} value={l.lang}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <TextSetting id="window" label="settings-window" hint="settings-windowHint" load={api.workingWindow} store={api.setWorkingWindow} />
      <TextSetting id="leads" label="settings-leads" hint="settings-leadsHint" load={api.reminderLeads} store={api.setReminderLeads} />
      <TextSetting id="term-leads" label="settings-termLeads" hint="settings-termLeadsHint" load={api.termReminderLeads} store={api.setTermReminderLeads} />
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      <SyncSettings />
      <BackupPanel />
      <dl className="facts">
        <dt>{t("settings-database")}</dt>
        <dd data-testid="settings-database">{info.database_path}</dd>
        <dt>{t("settings-version")}</dt>
        <dd>{info.version}</dd>
      </dl>
    </section>
  );
}
