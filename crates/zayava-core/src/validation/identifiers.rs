//! Checks of single identifiers: УНП, a Belarusian IBAN, BIC, e-mail, a +375 phone number,
//! a postcode and an administrative-procedure code. Each is one function from what the
//! user typed to the normalised value, or the reason it is wrong. `KINDS` lists them by
//! name, for forms and for `zayava validate`.

use crate::i18n::Text;

use super::IssueCode;

/// Why a value was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Problem {
    pub code: IssueCode,
    pub hint: Text,
}

const fn malformed(hint: Text) -> Problem {
    Problem { code: IssueCode::Malformed, hint }
}

type Check = fn(&str) -> Result<String, Problem>;

/// A kind of identifier: its name in forms and the CLI, its label, its check.
pub struct Kind {
    pub id: &'static str,
    pub label: Text,
    pub check: Check,
}

pub const KINDS: &[Kind] = &[
    Kind { id: "unp", label: Text::id("core-validation-identifiers-unp"), check: unp },
    Kind { id: "iban", label: Text::id("core-validation-identifiers-account-iban"), check: iban },
    Kind { id: "bic", label: Text::id("core-validation-identifiers-bank-bic"), check: bic },
    Kind { id: "email", label: Text::id("core-validation-identifiers-e-mail"), check: email },
    Kind { id: "phone", label: Text::id("core-validation-identifiers-phone"), check: phone },
    Kind { id: "postcode", label: Text::id("core-validation-identifiers-postcode"), check: postcode },
    Kind { id: "ap_code", label: Text::id("core-validation-identifiers-administrative-procedure-code"), check: ap_code },
];

pub fn kind(id: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.id == id)
}

/// Cyrillic letters that look like Latin ones, as people type them in УНП and IBANs.
fn latinise(c: char) -> char {
    match c {
        'А' => 'A', 'В' => 'B', 'С' => 'C', 'Е' => 'E', 'Н' => 'H', 'К' => 'K', 'М' => 'M', 'О' => 'O', 'Р' => 'P', 'Т' => 'T', 'Х' => 'X',
        other => other,
    }
}

fn compact(raw: &str) -> String {
    raw.chars().filter(|c| !c.is_whitespace() && *c != '-').flat_map(char::to_uppercase).map(latinise).collect()
}

/// УНП: 9 characters; the last is a check digit: Σ(dᵢ·wᵢ) mod 11 over the first eight with
/// weights 29, 23, 19, 17, 13, 7, 5, 3 (a remainder of 10 means the number cannot exist).
/// An organisation's starts with its region, 1–7; an individual's starts with two letters:
/// the first (A B C E H K M) counts its base-36 value, the second (A B C E H K M O P T) its
/// place in that list. Cyrillic look-alike letters are read as Latin.
pub fn unp(raw: &str) -> Result<String, Problem> {
    const WEIGHTS: [u32; 8] = [29, 23, 19, 17, 13, 7, 5, 3];
    const FIRST: &str = "ABCEHKM";
    const SECOND: &str = "ABCEHKMOPT";
    let upper = raw.trim().to_uppercase();
    let bare = ["УНП", "UNP"].iter().find_map(|p| upper.strip_prefix(p)).unwrap_or(&upper);
    let value = compact(bare);
    let shape = malformed(Text::id("core-validation-identifiers-a-unp-is-9-digits"));
    let c: Vec<char> = value.chars().collect();
    if c.len() != 9 || !c[2..].iter().all(|x| x.is_ascii_digit()) {
        return Err(shape);
    }
    let (first, second) = if c[0].is_ascii_digit() && c[1].is_ascii_digit() {
        if !('1'..='7').contains(&c[0]) {
            return Err(shape);
        }
        (c[0].to_digit(10).unwrap(), c[1].to_digit(10).unwrap())
    } else if FIRST.contains(c[0]) && SECOND.contains(c[1]) {
        (c[0].to_digit(36).unwrap(), SECOND.find(c[1]).unwrap() as u32)
    } else {
        return Err(shape);
    };
    let digits: Vec<u32> = [first, second].into_iter().chain(c[2..8].iter().map(|x| x.to_digit(10).unwrap())).collect();
    let sum: u32 = WEIGHTS.iter().zip(&digits).map(|(w, d)| w * d).sum();
    if sum % 11 != c[8].to_digit(10).unwrap() {
        return Err(Problem {
            code: IssueCode::Checksum,
            hint: Text::id("core-validation-identifiers-the-unps-check-digit-does"),
        });
    }
    Ok(value)
}

/// ISO 7064 MOD 97-10 over an IBAN: the first four characters moved to the end, letters
/// as 10…35; valid when the remainder is 1.
fn mod97(value: &str) -> Option<u32> {
    let rotated = value.chars().skip(4).chain(value.chars().take(4));
    let mut rem = 0u32;
    for c in rotated {
        let n = c.to_digit(36)?;
        rem = if n >= 10 { (rem * 100 + n) % 97 } else { (rem * 10 + n) % 97 };
    }
    Some(rem)
}

/// A Belarusian IBAN: `BY`, 2 check digits, a 4-letter bank code, a 4-digit balance
/// account, 16 letters or digits — 28 in all — passing the mod-97 check.
pub fn iban(raw: &str) -> Result<String, Problem> {
    let value = compact(raw);
    let chars: Vec<char> = value.chars().collect();
    let shape_ok = chars.len() == 28
        && value.starts_with("BY")
        && chars[2..4].iter().all(|c| c.is_ascii_digit())
        && chars[4..8].iter().all(|c| c.is_ascii_uppercase())
        && chars[8..12].iter().all(|c| c.is_ascii_digit())
        && chars[12..].iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    if !shape_ok {
        return Err(malformed(Text::id("core-validation-identifiers-an-iban-by-2-digits")));
    }
    if mod97(&value) != Some(1) {
        return Err(Problem {
            code: IssueCode::Checksum,
            hint: Text::id("core-validation-identifiers-the-ibans-check-digits-do"),
        });
    }
    Ok(value)
}

/// BIC (SWIFT): 4 letters of the bank, 2 of the country, 2 letters or digits of the place,
/// and optionally 3 of the branch — 8 or 11 characters.
pub fn bic(raw: &str) -> Result<String, Problem> {
    let value = compact(raw);
    let c: Vec<char> = value.chars().collect();
    let ok = (c.len() == 8 || c.len() == 11)
        && c[..6].iter().all(|x| x.is_ascii_uppercase())
        && c[6..].iter().all(|x| x.is_ascii_uppercase() || x.is_ascii_digit());
    if ok {
        Ok(value)
    } else {
        Err(malformed(Text::id("core-validation-identifiers-a-bic-is-8-or")))
    }
}

/// An e-mail address: one `@`, a local part, and a domain of at least two labels.
pub fn email(raw: &str) -> Result<String, Problem> {
    let value = raw.trim();
    let bad = malformed(Text::id("core-validation-identifiers-an-address-like-name-example"));
    let (local, domain) = value.split_once('@').ok_or(bad)?;
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(|c| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && domain.len() <= 253
        && labels.iter().all(|l| !l.is_empty() && l.len() <= 63 && !l.starts_with('-') && !l.ends_with('-') && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && labels.last().is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic));
    if local_ok && domain_ok && value.len() <= 254 {
        Ok(value.to_string())
    } else {
        Err(bad)
    }
}

/// Codes that may follow +375: mobile operators (25 as 255–259 but not 258, 29 as 291–299,
/// 33, 44) and the regions' landline codes (15x Grodno, 16x Brest, 17 Minsk, 21x Vitebsk,
/// 22x Mogilev, 23x Gomel), as in the national numbering plan.
fn phone_code_known(number: &str) -> bool {
    let b = number.as_bytes();
    match (b[0], b[1], b[2]) {
        (b'2', b'5', c) => matches!(c, b'5' | b'6' | b'7' | b'9'),
        (b'2', b'9', c) => c != b'0',
        (b'3', b'3', _) | (b'4', b'4', _) => true,
        (b'1', b'5' | b'6' | b'7', _) | (b'2', b'1' | b'2' | b'3', _) => true,
        _ => false,
    }
}

/// A Belarusian phone as people write it: «+375 29 123-45-67», «375291234567», the national
/// «8 029 123-45-67» or «80291234567», «(029) 123-45-67», or just «29 123-45-67». Spaces,
/// dashes, dots and brackets are dropped. Stored in E.164: +375, then the operator or area
/// code and the number, 9 digits in all. Hand-written rather than the `phonenumber` crate:
/// only Belarus is accepted, and these few prefixes are the whole national plan's dialling
/// rule, where the crate brings every country's metadata and a regex engine with it.
pub fn phone(raw: &str) -> Result<String, Problem> {
    let digits: String = raw.chars().filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '.' | '\u{a0}')).collect();
    let rest = match digits.strip_prefix('+') {
        Some(international) => international.strip_prefix("375").ok_or(malformed(Text::id("core-validation-identifiers-a-number-in-375-xx")))?,
        None if digits.len() == 12 && digits.starts_with("375") => &digits[3..],
        None if digits.len() == 11 && digits.starts_with("80") => &digits[2..],
        None if digits.len() == 10 && digits.starts_with('0') => &digits[1..],
        None if digits.len() == 9 => &digits,
        None => return Err(malformed(Text::id("core-validation-identifiers-a-number-in-375-xx"))),
    };
    if rest.len() != 9 || !rest.chars().all(|c| c.is_ascii_digit()) {
        return Err(malformed(Text::id("core-validation-identifiers-375-must-be-followed-by")));
    }
    if !phone_code_known(rest) {
        return Err(malformed(Text::id("core-validation-identifiers-unknown-operator-or-area-code")));
    }
    Ok(format!("+375{rest}"))
}

/// A stored phone as people write it, kept on one line by no-break spaces:
/// «+375 29 123-45-67» (a two-digit code: mobile operators and Minsk), «+375 162 12-34-56»
/// (a three-digit area code). Anything else is shown as stored.
pub fn phone_display(stored: &str) -> String {
    let Some(rest) = stored.strip_prefix("+375").filter(|r| r.len() == 9 && r.bytes().all(|b| b.is_ascii_digit())) else {
        return stored.to_string();
    };
    let code_len = if matches!(&rest[..2], "17" | "25" | "29" | "33" | "44") { 2 } else { 3 };
    let (code, n) = rest.split_at(code_len);
    let nb = '\u{a0}';
    match n.len() {
        7 => format!("+375{nb}{code}{nb}{}-{}-{}", &n[..3], &n[3..5], &n[5..]),
        _ => format!("+375{nb}{code}{nb}{}-{}-{}", &n[..2], &n[2..4], &n[4..]),
    }
}

/// A postcode: 6 digits.
pub fn postcode(raw: &str) -> Result<String, Problem> {
    let value = raw.trim();
    if value.len() == 6 && value.chars().all(|c| c.is_ascii_digit()) {
        Ok(value.to_string())
    } else {
        Err(malformed(Text::id("core-validation-identifiers-a-postcode-is-6-digits")))
    }
}

/// An administrative procedure's code from the unified list: numbers separated by dots,
/// two to five of them (`1.1.5`, `18.7`), optionally with a `-N` suffix (`1.1.5-1`).
pub fn ap_code(raw: &str) -> Result<String, Problem> {
    let value = raw.trim();
    let bad = malformed(Text::id("core-validation-identifiers-a-procedure-code-from-the"));
    let (main, suffix) = match value.split_once('-') {
        Some((m, s)) => (m, Some(s)),
        None => (value, None),
    };
    let parts: Vec<&str> = main.split('.').collect();
    let number = |p: &&str| !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit()) && !(p.len() > 1 && p.starts_with('0'));
    if !(2..=5).contains(&parts.len()) || !parts.iter().all(number) || parts[0] == "0" {
        return Err(bad);
    }
    if let Some(s) = suffix {
        if !number(&s) {
            return Err(bad);
        }
    }
    Ok(value.to_string())
}

#[cfg(test)]
mod tests;
