// Settings: the interface language (remembered by the Rust side) and where the data lives.
import { useState } from "react";
import type { AppInfo, IpcError, Lang } from "../bindings";
import { languages, useI18n } from "../i18n";

export function Settings({ info, onLanguage }: { info: AppInfo; onLanguage: (lang: Lang) => Promise<void> }) {
  const { lang, t } = useI18n();
  const [error, setError] = useState<IpcError | null>(null);
  return (
    <section>
      <h1>{t("nav.settings")}</h1>
      <div className="field">
        <label htmlFor="language">{t("settings.language")}</label>
        <select
          id="language"
          data-testid="settings-language"
          value={lang}
          onChange={(e) => onLanguage(e.target.value as Lang).then(() => setError(null), setError)}
        >
          {languages.map((l) => (
            <option key={l.lang} value={l.lang}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      <dl className="facts">
        <dt>{t("settings.database")}</dt>
        <dd data-testid="settings-database">{info.database_path}</dd>
        <dt>{t("settings.version")}</dt>
        <dd>{info.version}</dd>
      </dl>
    </section>
  );
}
