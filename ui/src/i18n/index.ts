// The one i18n layer: every UI sentence is a Fluent message in locales/<lang>/ui.ftl (the
// catalogue format the Rust side reads too), with its placeholders and CLDR plurals; none
// is glued from pieces. The language is chosen in Settings and remembered by the Rust side;
// components read `t` from `I18nContext`. Numbers in messages go through Intl (Fluent
// formats them in the bundle's locale).
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { createContext, useContext, useEffect, useState, type Dispatch, type SetStateAction } from "react";
import type { Lang } from "../bindings";
import be from "../../../locales/be/ui.ftl?raw";
import en from "../../../locales/en/ui.ftl?raw";
import ru from "../../../locales/ru/ui.ftl?raw";
import type { MessageKey } from "./keys";

export type { MessageKey };

export const sources: Record<Lang, string> = { ru, en, be };

function bundle(lang: Lang): FluentBundle {
  // Isolation marks would show as stray characters in inputs and copied text.
  const b = new FluentBundle(lang, { useIsolating: false });
  const errors = b.addResource(new FluentResource(sources[lang]));
  if (errors.length) console.error(`locales/${lang}/ui.ftl`, errors);
  return b;
}

const bundles: Record<Lang, FluentBundle> = { ru: bundle("ru"), en: bundle("en"), be: bundle("be") };

export const languages: { lang: Lang; name: string }[] = [
  { lang: "ru", name: "Русский" },
  { lang: "be", name: "Беларуская" },
  { lang: "en", name: "English" },
];

export type Args = Record<string, FluentVariable>;
export type Translate = (key: MessageKey, args?: Args) => string;

/** The message in `lang` (Russian if that language lacks it; the key if no language has it). */
export function translate(lang: Lang, key: MessageKey, args?: Args): string {
  for (const b of [bundles[lang], bundles.ru]) {
    const message = b.getMessage(key);
    if (message?.value) {
      // Errors (a missing placeholder) are collected, not thrown: a sentence with a gap
      // beats a screen that fails to render. The catalogue tests keep them from happening.
      const errors: Error[] = [];
      const text = b.formatPattern(message.value, args, errors);
      if (errors.length) console.error(key, errors);
      return text;
    }
  }
  return key;
}

/** Whether a message exists (for keys made from data, like an issue code). */
export function has(key: string): boolean {
  return bundles.ru.hasMessage(key);
}

export interface I18n {
  lang: Lang;
  t: Translate;
}

export const I18nContext = createContext<I18n>({ lang: "ru", t: (key, args) => translate("ru", key, args) });

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/**
 * State that holds words already put together in one language (an error from Rust, a
 * «Сохранено…» line): emptied when the language changes, so nothing on screen stays in
 * the language left behind. What can be asked again is, by the query cache.
 */
export function useWords<T>(): [T | null, Dispatch<SetStateAction<T | null>>] {
  const { lang } = useI18n();
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => setValue(null), [lang]);
  return [value, setValue];
}
