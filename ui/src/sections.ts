// The app's top-level sections, in navigation order. Alt+1…Alt+5 jump to them.
import type { MessageKey } from "./i18n";

export type SectionId = "organisations" | "applications" | "dashboard" | "calendar" | "settings";

export const sections: { id: SectionId; label: MessageKey }[] = [
  { id: "organisations", label: "nav-organisations" },
  { id: "applications", label: "nav-applications" },
  { id: "dashboard", label: "nav-dashboard" },
  { id: "calendar", label: "nav-calendar" },
  { id: "settings", label: "nav-settings" },
];

/** The section an Alt+digit shortcut selects, if any. */
export function sectionForShortcut(key: string, altKey: boolean): SectionId | undefined {
  if (!altKey) return undefined;
  const index = Number(key) - 1;
  return Number.isInteger(index) ? sections[index]?.id : undefined;
}
