// The one i18n layer: every UI string goes through `translate`. The language is chosen in
// Settings and remembered by the Rust side; React components read it from `I18nContext`.
import { createContext, useContext } from "react";
import type { Lang } from "../bindings";
import { en } from "./en";
import { ru, type MessageKey } from "./ru";

export type { MessageKey };

const catalogues: Record<Lang, Record<MessageKey, string>> = { ru, en };

export const languages: { lang: Lang; name: string }[] = [
  { lang: "ru", name: "Русский" },
  { lang: "en", name: "English" },
];

export function translate(lang: Lang, key: MessageKey): string {
  return catalogues[lang][key] ?? ru[key];
}

export interface I18n {
  lang: Lang;
  t: (key: MessageKey) => string;
}

export const I18nContext = createContext<I18n>({ lang: "ru", t: (key) => translate("ru", key) });

export function useI18n(): I18n {
  return useContext(I18nContext);
}
