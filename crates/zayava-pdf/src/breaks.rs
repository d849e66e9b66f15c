//! Where a line of printed text may end: between words; inside a word only where the
//! language's hyphenation patterns allow (Russian, Belarusian, English, from the
//! `hyphenation` crate's TeX patterns), with a hyphen; never inside a date, a number, an
//! e-mail address or an identifier, which are copied out of a PDF whole. Only a token wider
//! than the whole line is broken anyway, after a `/`, `.`, `@`, `-` or `_` if it has one.

use std::sync::OnceLock;

use hyphenation::{Hyphenator, Language, Load, Standard};
use zayava_core::i18n::Lang;

/// What a token is, for breaking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters only (with punctuation around them): may be hyphenated.
    Word,
    /// Anything with a digit, `@`, or a letter-joined `.`, `_`, `/`, `:`: kept whole.
    Whole,
}

/// A word is letters with, at most, punctuation before and after («(договора),»); a token
/// with a digit, an `@` or joining punctuation inside is a date, number, e-mail, address
/// or identifier.
pub fn kind(token: &str) -> Kind {
    let core = token.trim_matches(|c: char| !c.is_alphanumeric());
    if !core.is_empty() && core.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’' || c == '\u{AD}') {
        Kind::Word
    } else {
        Kind::Whole
    }
}

fn dictionary(language: Language) -> Option<&'static Standard> {
    static RU: OnceLock<Option<Standard>> = OnceLock::new();
    static BE: OnceLock<Option<Standard>> = OnceLock::new();
    static EN: OnceLock<Option<Standard>> = OnceLock::new();
    let cell = match language {
        Language::Belarusian => &BE,
        Language::EnglishUS => &EN,
        _ => &RU,
    };
    cell.get_or_init(|| Standard::from_embedded(language).ok()).as_ref()
}

/// The patterns for a word: Latin letters are English; Cyrillic is Belarusian when the
/// word has a letter only Belarusian uses (ў, і) or the document is in Belarusian, else
/// Russian.
fn language_of(word: &str, lang: Lang) -> Language {
    if word.chars().any(|c| c.is_ascii_alphabetic()) {
        Language::EnglishUS
    } else if lang == Lang::Be || word.chars().any(|c| matches!(c, 'ў' | 'Ў' | 'і' | 'І')) {
        Language::Belarusian
    } else {
        Language::Russian
    }
}

/// The byte offsets inside `token` where a line may end with a hyphen added: none for what
/// must stay whole. A hyphen already in the word is a break too (then no hyphen is added:
/// see [`hyphen_after`]).
pub fn hyphenation_points(token: &str, lang: Lang) -> Vec<usize> {
    if kind(token) != Kind::Word {
        return Vec::new();
    }
    let start = token.len() - token.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
    let core = token[start..].trim_end_matches(|c: char| !c.is_alphanumeric());
    let mut points: Vec<usize> = Vec::new();
    // Each hyphen-joined part is hyphenated on its own; the joining hyphen is a break itself.
    let mut offset = start;
    for part in core.split('-') {
        if offset > start {
            points.push(offset);
        }
        if let Some(dict) = dictionary(language_of(part, lang)) {
            // Patterns are lower case; lowering keeps the count of characters, so a break
            // after the n-th character of the lowered word is after the n-th of the word.
            let lower = part.to_lowercase();
            if lower.chars().count() == part.chars().count() {
                let byte_of: Vec<usize> = part.char_indices().map(|(i, _)| i).collect();
                for b in dict.hyphenate(&lower).breaks {
                    let n = lower[..b].chars().count();
                    if let Some(i) = byte_of.get(n) {
                        points.push(offset + i);
                    }
                }
            }
        }
        offset += part.len() + 1;
    }
    points.sort_unstable();
    points.dedup();
    points.retain(|&p| p > 0 && p < token.len());
    points
}

/// Whether a line broken at `point` of `token` needs a hyphen drawn: not after a hyphen
/// already there.
pub fn hyphen_after(token: &str, point: usize) -> bool {
    !token[..point].ends_with('-')
}

/// Where a token too wide for any line may be broken: after `/`, `.`, `@`, `-`, `_`, `,` or
/// `;` (no hyphen is drawn, so the pieces copy back into the token).
pub fn emergency_points(token: &str) -> Vec<usize> {
    token.char_indices().filter(|(_, c)| matches!(c, '/' | '.' | '@' | '-' | '_' | ',' | ';')).map(|(i, c)| i + c.len_utf8()).filter(|&p| p < token.len()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(token: &str, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        let mut from = 0;
        for p in hyphenation_points(token, lang) {
            out.push(token[from..p].to_string());
            from = p;
        }
        out.push(token[from..].to_string());
        out
    }

    #[test]
    fn dates_numbers_addresses_and_identifiers_stay_whole() {
        for token in ["16.11.2026", "school12.by", "ivanova@school12.by", "1.1.5", "+375 29", "BY20AKBB30120000000000000000", "one-window.sign_contract", "190000001", "З-0042", "https://nces.by/a"] {
            assert_eq!(kind(token), Kind::Whole, "{token}");
            assert!(hyphenation_points(token, Lang::Ru).is_empty(), "{token}");
        }
    }

    #[test]
    fn russian_and_belarusian_words_break_by_their_patterns() {
        let ru = pieces("Биометрический", Lang::Ru);
        assert!(ru.len() >= 3, "{ru:?}");
        assert_eq!(ru.concat(), "Биометрический");
        // No piece is a lone letter, and none ends on a letter the patterns forbid (ь, й go with the syllable before).
        assert!(ru.iter().all(|p| p.chars().count() >= 2), "{ru:?}");
        assert!(pieces("потребитель", Lang::Ru).iter().all(|p| !p.starts_with('ь')));
        let be = pieces("дзяржаўнай", Lang::Be);
        assert!(be.len() >= 2, "{be:?}");
        assert!(be.iter().all(|p| !p.starts_with('ў')), "{be:?}");
        assert!(pieces("hyphenation", Lang::En).len() >= 3);
    }

    #[test]
    fn punctuation_around_a_word_stays_with_it() {
        let p = pieces("«обслуживания»,", Lang::Ru);
        assert!(p[0].starts_with("«об") && p.last().unwrap().ends_with("»,"), "{p:?}");
    }

    #[test]
    fn a_joined_word_breaks_at_its_own_hyphen_without_a_second_one() {
        let token = "юридическо-правовой";
        let points = hyphenation_points(token, Lang::Ru);
        let at = token.find('-').unwrap() + 1;
        assert!(points.contains(&at));
        assert!(!hyphen_after(token, at));
    }

    #[test]
    fn an_overlong_token_breaks_only_after_joining_punctuation() {
        let t = "https://example.by/very/long/path";
        let points = emergency_points(t);
        assert!(points.iter().all(|&p| matches!(t[..p].chars().last(), Some('/' | '.' | '@' | '-' | '_' | ',' | ';'))));
        assert!(points.contains(&"https://".len()));
    }
}
