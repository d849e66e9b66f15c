// The window's frame: navigation on the left, the chosen section on the right. Later
// screens slot into `screens`.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { listen } from "@tauri-apps/api/event";
import { api } from "./api";
import type { AppInfo, IpcError, Lang } from "./bindings";
import { type Args, I18nContext, type MessageKey, translate } from "./i18n";
import { followSyncStatus, queryClient } from "./queries";
import { sectionForShortcut, sections, type SectionId } from "./sections";
import { Deadlines } from "./screens/Deadlines";

// The first screen (Сроки) comes with the page; the others are loaded when first opened, so
// the script parsed at start-up is smaller (issue 19: start-up and memory).
const Applications = lazy(() => import("./screens/Applications").then((m) => ({ default: m.Applications })));
const Calendar = lazy(() => import("./screens/Calendar").then((m) => ({ default: m.Calendar })));
const Organisations = lazy(() => import("./screens/Organisations").then((m) => ({ default: m.Organisations })));
const Settings = lazy(() => import("./screens/Settings").then((m) => ({ default: m.Settings })));
import { ReadOnlyNotice, SyncStatus } from "./components/Sync";
import { RecoveryScreen } from "./components/Backups";

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [startupError, setStartupError] = useState<IpcError | null>(null);
  const [lang, setLang] = useState<Lang>("ru");
  const [section, setShown] = useState<SectionId>("organisations");
  // Once the user has chosen a section, the start-up default no longer moves them.
  const navigated = useRef(false);
  const setSection = useCallback((id: SectionId) => {
    navigated.current = true;
    setShown(id);
  }, []);

  // The sync runner's status, followed once for every screen that shows it.
  useEffect(() => followSyncStatus(), []);

  // The integrity check runs while the window comes up; a damaged database replaces
  // whatever is on screen with the recovery screen.
  useEffect(() => {
    const off = listen<IpcError>("database-damaged", (e) => setStartupError(e.payload));
    // Asked again once listening, in case the check ended before the listener was in place.
    off.then(() => api.appInfo().then(() => undefined, setStartupError), () => undefined);
    return () => void off.then((u) => u(), () => undefined);
  }, []);

  useEffect(() => {
    api
      .appInfo()
      .then((i) => {
        setInfo(i);
        setLang(i.language);
        // What is due comes first once there is something to be due; a new user starts with
        // their organisation.
        if (i.organisations > 0 && !navigated.current) setShown("dashboard");
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

  const i18n = useMemo(() => ({ lang, t: (key: MessageKey, args?: Args) => translate(lang, key, args) }), [lang]);

  const changeLanguage = useCallback(async (next: Lang) => {
    await api.setLanguage(next);
    setLang(next);
    // Whatever Rust put into words is read again in the new language.
    void queryClient.invalidateQueries();
  }, []);

  // A row of Сроки opens its application in Заявки.
  const [openApp, setOpenApp] = useState<string | null>(null);
  const openApplication = useCallback(
    (id: string) => {
      setOpenApp(id);
      setSection("applications");
    },
    [setSection],
  );

  let content;
  if (startupError) {
    content = <RecoveryScreen error={startupError} />;
  } else if (!info) {
    content = <p className="muted">{i18n.t("common-loading")}</p>;
  } else if (section === "organisations") {
    content = <Organisations />;
  } else if (section === "applications") {
    content = <Applications openId={openApp} />;
  } else if (section === "calendar") {
    content = <Calendar />;
  } else if (section === "dashboard") {
    content = <Deadlines onOpenApplication={openApplication} />;
  } else {
    content = <Settings info={info} onLanguage={changeLanguage} />;
  }

  return (
    <I18nContext.Provider value={i18n}>
      <div className="frame">
        <nav className="sidebar" aria-label={i18n.t("nav-label")}>
          <div className="brand">
            <strong>{i18n.t("app-title")}</strong>
            <span>{i18n.t("app-subtitle")}</span>
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
          {info && <SyncStatus onOpenApplication={openApplication} />}
        </nav>
        <main className="content">
          {info && !startupError && <ReadOnlyNotice />}
          <Suspense fallback={<p className="muted">{i18n.t("common-loading")}</p>}>{content}</Suspense>
        </main>
      </div>
    </I18nContext.Provider>
  );
}
