// Settings: the interface language (remembered by the Rust side) and where the data lives.
import { useEffect, useState } from "react";
import { api } from "../api";
import type { AppInfo, IpcError, Lang } from "../bindings";
import { languages, useI18n } from "../i18n";

export function Settings({ info, onLanguage }: { info: AppInfo; onLanguage: (lang: Lang) => Promise<void> }) {
  const { lang, t } = useI18n();
  const [error, setError] = useState<IpcError | null>(null);
  const [windowText, setWindowText] = useState("");
  const [windowError, setWindowError] = useState<string | null>(null);
  const [windowSaved, setWindowSaved] = useState(false);
  useEffect(() => {
    api.workingWindow().then(setWindowText, setError);
  }, []);
  const saveWindow = () =>
    api.setWorkingWindow(windowText).then(
      () => {
        setWindowError(null);
        setWindowSaved(true);
      },
      (e: IpcError) => {
        setWindowError(e.message);
        setWindowSaved(false);
      },
    );
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
      <form
        className={`field${windowError ? " invalid" : ""}`}
        onSubmit={(e) => {
          e.preventDefault();
          saveWindow();
        }}
      >
        <label htmlFor="working-window">{t("settings.window")}</label>
        <div className="inline">
          <input
            id="working-window"
            data-testid="settings-window"
            value={windowText}
            aria-invalid={windowError ? true : undefined}
            aria-describedby="working-window-hint"
            onChange={(e) => {
              setWindowText(e.target.value);
              setWindowSaved(false);
            }}
          />
          <button type="submit" className="primary" data-testid="settings-window-save">
            {t("common.save")}
          </button>
          {windowSaved && (
            <span className="ok" role="status">
              ✓ {t("common.saved")}
            </span>
          )}
        </div>
        {windowError ? (
          <span className="field-error" data-testid="settings-window-error">
            {windowError}
          </span>
        ) : (
          <span className="muted small" id="working-window-hint">
            {t("settings.windowHint")}
          </span>
        )}
      </form>
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
