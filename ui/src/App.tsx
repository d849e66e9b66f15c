// The window's frame: navigation on the left, the chosen section on the right. Later
// screens slot into `screens`.
import { useCallback, useEffect, useMemo, useState } from "react";
import { api } from "./api";
import type { AppInfo, IpcError, Lang } from "./bindings";
import { I18nContext, translate } from "./i18n";
import { sectionForShortcut, sections, type SectionId } from "./sections";
import { Applications } from "./screens/Applications";
import { Calendar } from "./screens/Calendar";
import { Deadlines } from "./screens/Deadlines";
import { Organisations } from "./screens/Organisations";
import { Settings } from "./screens/Settings";
import { SyncStatus } from "./components/Sync";
import { RecoveryScreen } from "./components/Backups";

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [startupError, setStartupError] = useState<IpcError | null>(null);
  const [lang, setLang] = useState<Lang>("ru");
  const [section, setSection] = useState<SectionId>("organisations");

  useEffect(() => {
    api
      .appInfo()
      .then((i) => {
        setInfo(i);
        setLang(i.language);
      })
      .catch(setStartupError);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = sectionForShortcut(e.key, e.altKey);
      if (target) {
        e.preventDefault();
        setSection(target);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const i18n = useMemo(() => ({ lang, t: (key: Parameters<typeof translate>[1]) => translate(lang, key) }), [lang]);

  const changeLanguage = useCallback(async (next: Lang) => {
    await api.setLanguage(next);
    setLang(next);
  }, []);

  let content;
  if (startupError) {
    content = <RecoveryScreen error={startupError} />;
  } else if (!info) {
    content = <p className="muted">{i18n.t("common.loading")}</p>;
  } else if (section === "organisations") {
    content = <Organisations />;
  } else if (section === "applications") {
    content = <Applications />;
  } else if (section === "calendar") {
    content = <Calendar />;
  } else if (section === "dashboard") {
    content = <Deadlines />;
  } else {
    content = <Settings info={info} onLanguage={changeLanguage} />;
  }

  return (
    <I18nContext.Provider value={i18n}>
      <div className="frame">
        <nav className="sidebar" aria-label={i18n.t("nav.label")}>
          <div className="brand">
            <strong>{i18n.t("app.title")}</strong>
            <span>{i18n.t("app.subtitle")}</span>
          </div>
          <ul>
            {sections.map((s, index) => (
              <li key={s.id}>
                <button
                  type="button"
                  data-testid={`nav-${s.id}`}
                  aria-current={section === s.id ? "page" : undefined}
                  title={`Alt+${index + 1}`}
                  onClick={() => setSection(s.id)}
                >
                  {i18n.t(s.label)}
                </button>
              </li>
            ))}
          </ul>
          {info && <SyncStatus />}
        </nav>
        <main className="content">{content}</main>
      </div>
    </I18nContext.Provider>
  );
}
