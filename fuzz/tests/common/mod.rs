//! The corpus and the input strategies shared by the fuzz targets.
#![allow(dead_code)]

use proptest::prelude::*;

/// Every file of `corpus/<target>/`, as text: replayed before the random cases, so a finding
/// once kept there is checked on every run.
pub fn corpus(target: &str) -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus").join(target);
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| (e.file_name().to_string_lossy().to_string(), String::from_utf8_lossy(&std::fs::read(e.path()).unwrap()).to_string()))
        .collect();
    out.sort();
    assert!(!out.is_empty(), "the corpus of {target} is empty");
    out
}

/// Cases per target: 256 in CI, more by hand (`PROPTEST_CASES=100000 cargo test -p zayava-fuzz`).
pub fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// Text that breaks things: control characters, bidi marks, combining marks, Cyrillic,
/// quotes, very long runs, nothing at all.
pub fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\\x00-\\x1f\\u{202a}-\\u{202e}\\u{200b}-\\u{200f}\\u{0300}-\\u{036f}а-яёўіА-ЯЁЎІ\"'\\\\{}\\[\\]:,0-9 -]{0,200}",
        prop::collection::vec(prop_oneof![Just("ж"), Just("\u{202e}"), Just("\t"), Just("w"), Just(" ")], 0..12_000).prop_map(|v| v.concat()),
    ]
}

/// Dates as people and servers get them wrong: typed on a Russian layout («1ю2ю2025», where
/// «.» is «ю»), padded, 10 bytes but not 10 characters, impossible, timed, or just odd.
pub fn odd_date() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("1ю2ю2025".to_string()),
        Just(" 2026-11-20".to_string()),
        Just("2026-11-20 ".to_string()),
        Just("2025-02-30".to_string()),
        Just("2026-11-2ю".to_string()),
        Just("ююююю".to_string()),
        Just("2026-11-20T25:61".to_string()),
        Just("2026-11-20T10:00".to_string()),
        Just("2026-11".to_string()),
        Just("".to_string()),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        "[0-9ю.,/ -]{0,12}",
        "[0-9]{1,2}[.ю][0-9]{1,2}[.ю][0-9]{2,4}",
        short_hostile_text(),
    ]
}

/// Like [`hostile_text`] without the very long runs: for structures with many fields.
pub fn short_hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[\\x00-\\x1f\\u{202a}-\\u{202e}а-яёўі\"'\\\\{}:,0-9 -]{0,40}"]
}

/// A JSON document mutated at random: a corpus item with bytes changed, cut or repeated.
pub fn mutated(seeds: Vec<String>) -> impl Strategy<Value = String> {
    (prop::sample::select(seeds), any::<u64>(), 0usize..6).prop_map(|(seed, r, op)| {
        let bytes = seed.into_bytes();
        if bytes.is_empty() {
            return String::new();
        }
        let i = (r as usize) % bytes.len();
        let mut b = bytes.clone();
        match op {
            0 => b.truncate(i),
            1 => b[i] = (r >> 8) as u8,
            2 => b.insert(i, b'"'),
            3 => b.splice(i..i, bytes[..i].iter().copied()).for_each(drop),
            4 => b.remove(i).to_string().clear(),
            _ => b.extend_from_slice(b",null]}"),
        }
        String::from_utf8_lossy(&b).to_string()
    })
}

/// The embedded calendar, built once: building it takes longer than a case of the printing
/// targets, and no case changes it.
pub fn calendar() -> &'static zayava_core::calendar::Calendar {
    static CAL: std::sync::OnceLock<zayava_core::calendar::Calendar> = std::sync::OnceLock::new();
    CAL.get_or_init(zayava_core::calendar::Calendar::embedded)
}
