//! The languages Zayava speaks and the one catalogue of what it says outside the window:
//! Fluent messages in `locales/<lang>/messages.ftl` (the window reads `ui.ftl` beside it, in
//! the same format). A sentence in code is a `Text`, the id of its message; it is put into
//! words in the user's language here, with its placeholders and CLDR plurals. Data (rules,
//! forms, the lifecycle) carries its own `Words` in every language.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A language the user can choose. Stored by its code (`ru`, `be`, `en`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Ru,
    Be,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Ru, Lang::Be, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::Be => "be",
            Lang::En => "en",
        }
    }

    /// Parses a language code; anything unknown is `None` so callers decide the fallback.
    pub fn parse(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The catalogue's text, embedded at build time.
    fn source(self) -> &'static str {
        match self {
            Lang::Ru => include_str!("../../../locales/ru/messages.ftl"),
            Lang::Be => include_str!("../../../locales/be/messages.ftl"),
            Lang::En => include_str!("../../../locales/en/messages.ftl"),
        }
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: OnceLock<[Bundle; 3]> = OnceLock::new();
    let all = BUNDLES.get_or_init(|| {
        Lang::ALL.map(|l| {
            let mut b = FluentBundle::new_concurrent(vec![l.code().parse().expect("a language tag")]);
            // Isolation marks would show as stray characters in files, terminals and PDFs.
            b.set_use_isolating(false);
            // A catalogue that does not parse fails the catalogue test; here the readable
            // part is used rather than failing at a user's desk.
            let resource = FluentResource::try_new(l.source().to_string()).unwrap_or_else(|(partial, _)| partial);
            b.add_resource(resource).unwrap_or_else(|_| ());
            b
        })
    });
    &all[Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)]
}

/// A value for a placeholder: whole numbers as numbers (so plurals can select on them),
/// anything else as the text it is.
fn value(text: &str) -> FluentValue<'_> {
    let number = !text.is_empty() && text.len() <= 15 && text.bytes().all(|b| b.is_ascii_digit()) && (text == "0" || !text.starts_with('0'));
    match text.parse::<f64>() {
        Ok(n) if number => FluentValue::from(n),
        _ => FluentValue::from(text),
    }
}

/// The message `id` in `lang`, with `args`; Russian if `lang` lacks it, the id if no
/// catalogue has it (the catalogue test keeps that from happening).
fn format(lang: Lang, id: &str, args: &[(&str, &str)]) -> String {
    let fluent_args = (!args.is_empty()).then(|| {
        let mut a = FluentArgs::new();
        for (k, v) in args {
            a.set(*k, value(v));
        }
        a
    });
    for b in [bundle(lang), bundle(Lang::Ru)] {
        if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
            let mut errors = vec![];
            return b.format_pattern(pattern, fluent_args.as_ref(), &mut errors).into_owned();
        }
    }
    id.to_string()
}

/// A sentence of the catalogue, by its message id. Constants of these are how code says
/// anything a person reads; the words themselves live in `locales/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Text(&'static str);

impl Text {
    pub const fn id(id: &'static str) -> Text {
        Text(id)
    }

    /// The message's id in the catalogue.
    pub fn key(self) -> &'static str {
        self.0
    }

    /// The sentence in `lang` (for a message without placeholders).
    pub fn get(self, lang: Lang) -> &'static str {
        // Each sentence is formatted once per language and kept: the catalogue is small and
        // fixed, and callers keep `&'static str` as the literals it replaced were.
        static CACHE: OnceLock<Mutex<HashMap<(Lang, &'static str), &'static str>>> = OnceLock::new();
        let mut cache = CACHE.get_or_init(Default::default).lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        cache.entry((lang, self.0)).or_insert_with(|| Box::leak(format(lang, self.0, &[]).into_boxed_str()))
    }

    /// The sentence in `lang` with its placeholders filled (`{ $name }` in the catalogue).
    pub fn fill(self, lang: Lang, args: &[(&str, &str)]) -> String {
        format(lang, self.0, args)
    }
}

/// A text in every language that comes from data (a rulebook, a form schema), not code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub struct Words {
    pub ru: String,
    pub be: String,
    pub en: String,
}

impl Words {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ru => &self.ru,
            Lang::Be => &self.be,
            Lang::En => &self.en,
        }
    }
}

impl From<Text> for Words {
    fn from(t: Text) -> Words {
        Words { ru: t.get(Lang::Ru).to_string(), be: t.get(Lang::Be).to_string(), en: t.get(Lang::En).to_string() }
    }
}

/// Fills `{name}` placeholders in a template that comes from data (a notice the rulebook
/// drafts), not from the catalogue.
pub fn fill_template(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_round_trip_and_unknown_codes_are_refused() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.code()), Some(lang));
        }
        assert_eq!(Lang::parse(" EN "), Some(Lang::En));
        assert_eq!(Lang::parse("by"), None);
        assert_eq!(Lang::default(), Lang::Ru);
    }

    #[test]
    fn plurals_follow_each_languages_rules() {
        let days = |lang, n: u64| Text::id("core-lifecycle-days").fill(lang, &[("n", &n.to_string())]);
        assert_eq!([1, 2, 5, 11, 12, 21, 22, 25, 111].map(|n| days(Lang::Ru, n)), ["1 день", "2 дня", "5 дней", "11 дней", "12 дней", "21 день", "22 дня", "25 дней", "111 дней"]);
        assert_eq!([1, 2, 5, 21].map(|n| days(Lang::Be, n)), ["1 дзень", "2 дні", "5 дзён", "21 дзень"]);
        assert_eq!([1, 2].map(|n| days(Lang::En, n)), ["1 day", "2 days"]);
    }

    #[test]
    fn a_placeholder_keeps_the_text_it_is_given() {
        // Only plain whole numbers become numbers: a phone, a clause or a padded code stays as typed.
        for text in ["+375291234567", "4.1", "007", "03.12.2026", "З-0042"] {
            assert_eq!(Text::id("app-error-file").fill(Lang::En, &[("detail", text)]), format!("Could not process the file: {text}"));
        }
    }

    #[test]
    fn fill_template_replaces_every_named_placeholder() {
        assert_eq!(fill_template("{a} и {b}, снова {a}", &[("a", "1"), ("b", "2")]), "1 и 2, снова 1");
    }
}

/// Every catalogue (the window's `ui.ftl` and this one, `messages.ftl`) in every language is
/// read by the strict Fluent parser and has the same messages with the same placeholders:
/// a sentence missing in Belarusian, or a `{ $date }` lost in English, fails here.
#[cfg(test)]
mod catalogue {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

    use super::Lang;

    const FILES: [&str; 2] = ["messages.ftl", "ui.ftl"];

    fn dir() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales")
    }

    fn variables(pattern: &Pattern<String>, out: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let PatternElement::Placeable { expression } = element {
                expression_variables(expression, out);
            }
        }
    }

    fn expression_variables(e: &Expression<String>, out: &mut BTreeSet<String>) {
        match e {
            Expression::Inline(i) => inline_variables(i, out),
            Expression::Select { selector, variants } => {
                inline_variables(selector, out);
                for v in variants {
                    variables(&v.value, out);
                }
            }
        }
    }

    fn inline_variables(i: &InlineExpression<String>, out: &mut BTreeSet<String>) {
        match i {
            InlineExpression::VariableReference { id } => {
                out.insert(id.name.clone());
            }
            InlineExpression::Placeable { expression } => expression_variables(expression, out),
            _ => {}
        }
    }

    /// Each message of a catalogue with its placeholders; a line the parser cannot read fails.
    fn read(lang: Lang, file: &str) -> BTreeMap<String, BTreeSet<String>> {
        let path = dir().join(lang.code()).join(file);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let resource = fluent_syntax::parser::parse(text).unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
        let mut out = BTreeMap::new();
        for entry in resource.body {
            if let Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                let value = m.value.unwrap_or_else(|| panic!("{}: {} has no value", path.display(), m.id.name));
                variables(&value, &mut vars);
                assert!(out.insert(m.id.name.clone(), vars).is_none(), "{}: {} twice", path.display(), m.id.name);
            }
        }
        out
    }

    #[test]
    fn every_language_has_every_message_with_the_same_placeholders() {
        for file in FILES {
            let russian = read(Lang::Ru, file);
            assert!(russian.len() > 100, "{file}");
            for lang in [Lang::Be, Lang::En] {
                let other = read(lang, file);
                let missing: Vec<_> = russian.keys().filter(|k| !other.contains_key(*k)).collect();
                let extra: Vec<_> = other.keys().filter(|k| !russian.contains_key(*k)).collect();
                assert!(missing.is_empty() && extra.is_empty(), "{}/{file}: missing {missing:?}, not in Russian {extra:?}", lang.code());
                for (id, vars) in &russian {
                    assert_eq!(&other[id], vars, "{}/{file}: {id} has other placeholders than the Russian", lang.code());
                }
            }
        }
    }

    /// Every message code names is in the catalogue (a mistyped id would print itself).
    #[test]
    fn every_id_the_code_names_is_in_the_catalogue() {
        let known = read(Lang::Ru, "messages.ftl");
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut stack = vec![root];
        let mut missing = vec![];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|x| x == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for part in text.split("Text::id(\"").skip(1) {
                        let id = part.split('"').next().unwrap();
                        if !known.contains_key(id) {
                            missing.push(format!("{}: {id}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(missing.is_empty(), "{missing:#?}");
    }

    #[test]
    fn data_has_every_language_too() {
        use crate::forms;
        for schema in forms::schemas() {
            for f in &schema.fields {
                assert!(!f.label.be.is_empty() && !f.label.en.is_empty(), "{}: {}", schema.version, f.id);
            }
        }
        for s in &crate::rules::Rulebook::shared().services {
            assert!(!s.name.be.is_empty() && !s.source.be.is_empty(), "{}", s.id);
            for r in &s.rules {
                assert!(!r.title.be.is_empty(), "{}", r.id);
            }
        }
    }
}
