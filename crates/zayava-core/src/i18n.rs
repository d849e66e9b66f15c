//! The languages Zayava speaks and the one catalogue of the domain's user-facing sentences.
//! Russian is the default; every message has a Russian and an English text.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A language the user can choose. Stored by its code (`ru`, `en`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Ru,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// Parses a language code; anything unknown is `None` so callers decide the fallback.
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "ru" => Some(Lang::Ru),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A sentence in both languages. Catalogues are tables of these, never scattered literals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub ru: &'static str,
    pub en: &'static str,
}

impl Text {
    pub const fn new(ru: &'static str, en: &'static str) -> Text {
        Text { ru, en }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ru => self.ru,
            Lang::En => self.en,
        }
    }
}

/// A text in both languages that comes from data (a rulebook, a form schema), not code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub struct Words {
    pub ru: String,
    pub en: String,
}

impl Words {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ru => &self.ru,
            Lang::En => &self.en,
        }
    }
}

impl From<Text> for Words {
    fn from(t: Text) -> Words {
        Words { ru: t.ru.to_string(), en: t.en.to_string() }
    }
}

/// Fills `{name}` placeholders in a catalogue sentence.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Russian plural forms: 1 день, 2 дня, 5 дней, 21 день, 11 дней.
pub fn ru_plural<'a>(n: u64, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    let (tens, units) = (n % 100, n % 10);
    if (11..=14).contains(&tens) {
        many
    } else if units == 1 {
        one
    } else if (2..=4).contains(&units) {
        few
    } else {
        many
    }
}

/// English plural: `day`/`days`.
pub fn en_plural<'a>(n: u64, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_round_trip_and_unknown_codes_are_refused() {
        for lang in [Lang::Ru, Lang::En] {
            assert_eq!(Lang::parse(lang.code()), Some(lang));
        }
        assert_eq!(Lang::parse(" EN "), Some(Lang::En));
        assert_eq!(Lang::parse("by"), None);
        assert_eq!(Lang::default(), Lang::Ru);
    }

    #[test]
    fn russian_plurals_follow_the_last_digits() {
        let f = |n| ru_plural(n, "день", "дня", "дней");
        assert_eq!([f(1), f(2), f(5), f(11), f(12), f(21), f(22), f(25), f(111)], ["день", "дня", "дней", "дней", "дней", "день", "дня", "дней", "дней"]);
    }

    #[test]
    fn fill_replaces_every_named_placeholder() {
        assert_eq!(fill("{a} и {b}, снова {a}", &[("a", "1"), ("b", "2")]), "1 и 2, снова 1");
    }
}
