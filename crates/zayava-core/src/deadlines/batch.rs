//! One line of `zayava deadlines --batch`: a JSON object `{"service", "events", "facts",
//! "rules"?}` in, `{"service", "items": [{"rule", "kind", "party", "due", "clause",
//! "provisional"}…]}` or `{"error": {"code", "message"}}` out; each item's `explanation`
//! only when asked for (`--explain`), since a script reads dates and a person reads
//! explanations. Kept here, pure, so the parser can be tested and fuzzed without a process.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::i18n::Lang;
use crate::rules::{EventKind, FactType, Party, RuleKind, Rulebook};

use super::explain::{explain, Explanation};
use chrono::{Datelike, NaiveDate, Timelike};

use super::plan::{Input, Outcome, Plan, Row};
use super::{evaluate, Due, Query, QueryError, State, WorkingWindow};

/// The longest line accepted; anything longer is refused before parsing.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    service: String,
    #[serde(default)]
    events: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    facts: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    rules: Option<Vec<String>>,
}

#[derive(Debug, Serialize)]
pub struct ErrorBody {
    pub code: &'static str,
    pub message: String,
}

/// One rule's answer: the fields of the single query's report item, in the same order,
/// with the explanation only when asked for. Names and clauses are borrowed from the
/// rulebook, the date written as it is serialised: nothing is copied to be printed.
#[derive(Debug, Serialize)]
pub struct Item<'b> {
    pub rule: &'b str,
    pub kind: RuleKind,
    pub party: Option<Party>,
    pub due: Option<Due>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waiting_for: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needs_facts: Option<Vec<String>>,
    pub clause: &'b str,
    pub provisional: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Explanation>,
}

/// What one batch line answers.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Answer<'b> {
    Report { service: &'b str, items: Vec<Item<'b>> },
    Error { error: ErrorBody },
}

impl Answer<'_> {
    pub fn from_error(e: &QueryError, lang: Lang) -> Answer<'static> {
        Answer::Error { error: ErrorBody { code: e.code().local(), message: e.message(lang) } }
    }
}

/// A line as the fast way reads it: strings borrowed from the line, events and facts in
/// small fixed arrays.
struct Plain<'a> {
    service: &'a str,
    events: Pairs<'a, &'a str, 16>,
    facts: Pairs<'a, PlainFact<'a>, 4>,
}

#[derive(Clone, Copy, Default)]
enum PlainFact<'a> {
    Count(u64),
    #[default]
    None,
    Word(&'a str),
}

/// Up to N pairs of a JSON object, in order (small: 16 events, 4 facts).
struct Pairs<'a, V, const N: usize> {
    items: [(&'a str, V); N],
    len: usize,
}

impl<'a, V: Copy + Default, const N: usize> Pairs<'a, V, N> {
    fn new() -> Self {
        Pairs { items: [("", V::default()); N], len: 0 }
    }

    fn as_slice(&self) -> &[(&'a str, V)] {
        &self.items[..self.len]
    }

    /// False when full. A name given twice is kept twice here: setting it in the plan's
    /// input then fails (`Input::set_packed`, `set_fact`), and the general way answers (JSON
    /// keeps the last; it does the same and says so).
    fn push(&mut self, name: &'a str, value: V) -> bool {
        if self.len == N {
            return false;
        }
        self.items[self.len] = (name, value);
        self.len += 1;
        true
    }
}

/// Reads the one shape a well-formed line has — `{"service": "…", "events": {"name":
/// "value", …}, "facts": {"name": 5 or "word", …}}`, keys in any order, events and facts
/// optional, whitespace anywhere JSON allows — and nothing else. Anything it does not take
/// (escapes or control characters in a string, other numbers, other keys, a key twice,
/// trailing text) is for serde_json and the general way, which accept or refuse it as JSON
/// does: so this never answers a line the general way would answer differently (a test
/// holds them equal).
///
/// It reads into `plain` in place (a line's pairs are some hundreds of bytes: moving them
/// cost more than reading them).
fn scan<'a>(text: &'a str, plain: &mut Plain<'a>) -> Option<()> {
    let mut r = Reader { b: text.as_bytes(), at: 0, text };
    let (mut service, mut events, mut facts) = (false, false, false);
    r.byte(b'{')?;
    if !r.peek_is(b'}') {
        loop {
            match r.string()? {
                "service" if !service => {
                    r.byte(b':')?;
                    plain.service = r.string()?;
                    service = true;
                }
                "events" if !events => {
                    r.byte(b':')?;
                    let pairs = &mut plain.events;
                    r.object(|r, name| {
                        let value = r.string()?;
                        pairs.push(name, value).then_some(())
                    })?;
                    events = true;
                }
                "facts" if !facts => {
                    r.byte(b':')?;
                    let pairs = &mut plain.facts;
                    r.object(|r, name| {
                        let value = if r.peek_is(b'"') { PlainFact::Word(r.string()?) } else { PlainFact::Count(r.count()?) };
                        pairs.push(name, value).then_some(())
                    })?;
                    facts = true;
                }
                _ => return None,
            }
            if !r.comma_or(b'}')? {
                break;
            }
        }
    } else {
        r.byte(b'}')?;
    }
    r.space();
    (r.at == r.b.len() && service).then_some(())
}

/// Where a string's content ends: the first quote, backslash or control character. Eight
/// bytes at a time (the bit tricks find the first such byte exactly: a borrow only ever
/// marks bytes above a true find).
fn string_end(b: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    let mut at = 0;
    while at + 8 <= b.len() {
        let x = u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"));
        let found = zero_byte(x ^ (ONES * b'"' as u64)) | zero_byte(x ^ (ONES * b'\\' as u64)) | (x.wrapping_sub(ONES * 0x20) & !x & HIGHS);
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    b[at..].iter().position(|&c| c == b'"' || c == b'\\' || c < 0x20).map(|p| at + p)
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
    text: &'a str,
}

impl<'a> Reader<'a> {
    #[inline(always)]
    fn space(&mut self) {
        // Most calls find none: one test, then the loop.
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(self.at) {
            self.at += 1;
        }
    }

    fn peek_is(&mut self, c: u8) -> bool {
        self.space();
        self.b.get(self.at) == Some(&c)
    }

    fn byte(&mut self, c: u8) -> Option<()> {
        self.peek_is(c).then(|| self.at += 1)
    }

    /// After a member: true on a comma (another member follows), false on `close`.
    fn comma_or(&mut self, close: u8) -> Option<bool> {
        self.space();
        let c = *self.b.get(self.at)?;
        self.at += 1;
        match c {
            b',' => Some(true),
            c if c == close => Some(false),
            _ => None,
        }
    }

    /// A string with no escape and no control character, borrowed.
    fn string(&mut self) -> Option<&'a str> {
        self.byte(b'"')?;
        let start = self.at;
        let len = string_end(&self.b[start..])?;
        (self.b[start + len] == b'"').then_some(())?;
        self.at = start + len + 1;
        // The line is valid UTF-8 and the quotes are ASCII, so this is a char boundary.
        Some(&self.text[start..start + len])
    }

    /// A positive integer as JSON writes one (no sign, no leading zero, no fraction), up to
    /// 18 digits.
    fn count(&mut self) -> Option<u64> {
        self.space();
        let start = self.at;
        while self.at < self.b.len() && self.b[self.at].is_ascii_digit() {
            self.at += 1;
        }
        let digits = &self.b[start..self.at];
        if digits.is_empty() || digits.len() > 18 || digits[0] == b'0' || matches!(self.b.get(self.at), Some(b'.' | b'e' | b'E')) {
            return None;
        }
        Some(digits.iter().fold(0, |n, d| n * 10 + (d - b'0') as u64))
    }

    /// `{ "name": value, … }`, each value read by `member`.
    fn object(&mut self, mut member: impl FnMut(&mut Self, &'a str) -> Option<()>) -> Option<()> {
        self.byte(b'{')?;
        if self.peek_is(b'}') {
            self.at += 1;
            return Some(());
        }
        loop {
            let name = self.string()?;
            self.byte(b':')?;
            member(self, name)?;
            if !self.comma_or(b'}')? {
                return Some(());
            }
        }
    }
}

/// `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` for a timed event (a dated one given a time counts
/// by its day), exactly, as the plan packs it (see `plan::pack`); anything else (spaces, a
/// date-only time event, an impossible date, a moment the plan cannot pack) is for the
/// general way, which names what is wrong. The day is counted here, not by chrono: a
/// line's dates are most of what it holds (a test holds this equal to chrono and `pack`).
fn plain_key(text: &str, kind: EventKind) -> Option<u32> {
    let b = text.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> { b[r].iter().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + (c - b'0') as u32)) };
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    const LENGTHS: [u32; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&month) || day == 0 || day > LENGTHS[month as usize - 1] + u32::from(month == 2 && leap) {
        return None;
    }
    let minute = match (b.len(), kind) {
        (10, EventKind::Date) => None,
        (16, _) if b[10] == b'T' && b[13] == b':' => {
            let (hour, minute) = (num(11..13)?, num(14..16)?);
            (hour < 24 && minute < 60).then_some(())?;
            match kind {
                EventKind::Date => None,
                EventKind::Time => Some(hour * 60 + minute),
            }
        }
        _ => return None,
    };
    // Before 1900 nothing is packed (the general way answers).
    (year >= 1900).then_some(())?;
    super::plan::pack_day(days_from_civil(year, month, day) - DAYS_1900_FROM_1970, minute)
}

/// 1900-01-01 as days since 1970-01-01.
const DAYS_1900_FROM_1970: i64 = -25_567;

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`),
/// for a year from 1900 on (earlier ones are not packed): unsigned, so the divisions by
/// constants are multiplications.
fn days_from_civil(year: u32, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let (era, yoe) = (y / 400, y % 400);
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era as i64 * 146_097 + doe as i64 - 719_468
}

/// A due date as `Due`'s Display writes it (`2025-03-24`, `2025-03-24T10:00`, `2025-03`).
fn write_due(out: &mut Vec<u8>, due: Due) {
    fn digits(out: &mut Vec<u8>, n: u32, width: usize) {
        let mut buf = [b'0'; 4];
        let mut n = n;
        for i in (0..width).rev() {
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
        }
        out.extend_from_slice(&buf[..width]);
    }
    let date = |out: &mut Vec<u8>, d: NaiveDate| {
        digits(out, d.year() as u32, 4);
        out.push(b'-');
        digits(out, d.month(), 2);
        out.push(b'-');
        digits(out, d.day(), 2);
    };
    match due {
        Due::Date(d) => date(out, d),
        Due::Time(t) => {
            date(out, t.date());
            out.push(b'T');
            digits(out, t.hour(), 2);
            out.push(b':');
            digits(out, t.minute(), 2);
        }
        Due::Month { year, month } => {
            digits(out, year as u32, 4);
            out.push(b'-');
            digits(out, month, 2);
        }
    }
}

/// `["a","b"]` from names kept as JSON.
fn list(out: &mut Vec<u8>, items: &[u8], names: &[Vec<u8>]) {
    out.push(b'[');
    for (k, i) in items.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        out.extend_from_slice(&names[*i as usize]);
    }
    out.push(b']');
}

fn parse(text: &str) -> Result<Line, QueryError> {
    if text.len() > MAX_LINE_BYTES {
        return Err(QueryError::MalformedInput { detail: format!("the line is longer than {MAX_LINE_BYTES} bytes") });
    }
    serde_json::from_str(text).map_err(|e| QueryError::MalformedInput { detail: e.to_string() })
}

/// Answers batch lines: with the compiled plan, or with the interpreter when the
/// explanations are asked for (only it builds them) or the plan cannot take a case.
pub struct Batch<'b> {
    book: &'b Rulebook,
    plan: Option<Plan<'b>>,
    printed: Vec<Printed>,
    /// Each fact's name as JSON.
    fact_names: Vec<Vec<u8>>,
    services: Names,
    facts: Names,
}

/// Names to look up, kept together: a name is compared only with the names as long as
/// it, in one buffer, instead of walking the rulebook's large structs (a cache miss each).
struct Names {
    /// By length: the range of `entries` holding the names that long.
    by_length: Vec<(u32, u32)>,
    /// `(offset in bytes, index in the list)`, grouped by length.
    entries: Vec<(u32, u32)>,
    bytes: Vec<u8>,
}

impl Names {
    fn new<'n>(names: impl Iterator<Item = &'n str>) -> Names {
        let mut listed: Vec<(usize, &str)> = names.enumerate().collect();
        // By length, and in the list's order within a length, so the first of a name
        // given twice is found.
        listed.sort_by_key(|(i, name)| (name.len(), *i));
        let longest = listed.last().map_or(0, |(_, n)| n.len());
        let (mut by_length, mut entries, mut bytes) = (vec![(0, 0); longest + 1], Vec::new(), Vec::new());
        for (i, name) in listed {
            let range = &mut by_length[name.len()];
            if range.0 == range.1 {
                *range = (entries.len() as u32, entries.len() as u32);
            }
            range.1 += 1;
            entries.push((bytes.len() as u32, i as u32));
            bytes.extend_from_slice(name.as_bytes());
        }
        Names { by_length, entries, bytes }
    }

    /// The index of `name` in the list (the first, if it is there twice).
    #[inline]
    fn find(&self, name: &str) -> Option<usize> {
        let &(from, to) = self.by_length.get(name.len())?;
        let name = name.as_bytes();
        self.entries[from as usize..to as usize].iter().find(|(at, _)| &self.bytes[*at as usize..*at as usize + name.len()] == name).map(|(_, i)| *i as usize)
    }
}

/// One service's answer as JSON, in the pieces that never change, written once so that an
/// answer is these pieces and the dates between them (see `Batch::write`).
struct Printed {
    /// `{"service":"…","items":[`
    head: Vec<u8>,
    /// Per rule: `{"rule":…,"kind":…,"party":…,"due":` and `,"clause":…,"provisional":`.
    rules: Vec<(Vec<u8>, Vec<u8>)>,
    /// Each event's name as JSON.
    events: Vec<Vec<u8>>,
    /// The events' names, to find one, and their kinds in the same order.
    event_names: Names,
    event_kinds: Vec<EventKind>,
}

fn json(value: &impl Serialize) -> Vec<u8> {
    serde_json::to_vec(value).expect("rulebook values serialise")
}

impl<'b> Batch<'b> {
    pub fn new(book: &'b Rulebook) -> Batch<'b> {
        let printed = book
            .services
            .iter()
            .map(|s| Printed {
                head: [&b"{\"service\":"[..], &json(&s.id), b",\"items\":["].concat(),
                rules: s
                    .rules
                    .iter()
                    .map(|r| {
                        let head = [&b"{\"rule\":"[..], &json(&r.id), b",\"kind\":", &json(&r.kind), b",\"party\":", &json(&r.party), b",\"due\":"].concat();
                        let tail = [&b",\"clause\":"[..], &json(&r.clause), b",\"provisional\":"].concat();
                        (head, tail)
                    })
                    .collect(),
                events: s.events.iter().map(|e| json(&e.id)).collect(),
                event_names: Names::new(s.events.iter().map(|e| e.id.as_str())),
                event_kinds: s.events.iter().map(|e| e.kind).collect(),
            })
            .collect();
        Batch {
            book,
            plan: Plan::compile(book),
            printed,
            fact_names: book.facts.iter().map(|f| json(&f.id)).collect(),
            services: Names::new(book.services.iter().map(|s| s.id.as_str())),
            facts: Names::new(book.facts.iter().map(|f| f.id.as_str())),
        }
    }

    /// Writes the answer to one line, and a newline, into `out`: byte for byte what
    /// serialising `answer` gives. A well-formed line is parsed in place (its strings
    /// borrowed, its events and facts in fixed arrays), evaluated by the compiled plan and
    /// written from the pieces kept in `printed`, with nothing allocated; anything else (an
    /// error to report, escapes in a string, a rule filter, `--explain`) goes the general way.
    pub fn write(&self, out: &mut Vec<u8>, cal: &Calendar, window: WorkingWindow, text: &str, lang: Lang, explain_items: bool, rows: &mut Vec<Row<'b>>) {
        if explain_items || !self.write_plain(out, cal, window, text, rows) {
            serde_json::to_writer(&mut *out, &self.answer(cal, window, text, lang, explain_items)).expect("writing to memory cannot fail");
        }
        out.push(b'\n');
    }

    /// The fast way; false (and nothing written) where the general way is to answer.
    fn write_plain(&self, out: &mut Vec<u8>, cal: &Calendar, window: WorkingWindow, text: &str, rows: &mut Vec<Row<'b>>) -> bool {
        let Some(plan) = &self.plan else { return false };
        if text.len() > MAX_LINE_BYTES {
            return false;
        }
        let mut line = Plain { service: "", events: Pairs::new(), facts: Pairs::new() };
        if scan(text, &mut line).is_none() {
            return false;
        }
        let Some(at) = self.services.find(line.service) else { return false };
        let printed = &self.printed[at];
        let service = plan.service_at(at);
        let mut input = Input::default();
        for (name, value) in line.events.as_slice() {
            let Some(i) = printed.event_names.find(name) else { return false };
            let Some(at) = plain_key(value, printed.event_kinds[i]) else { return false };
            if !input.set_packed(i, at) {
                return false;
            }
        }
        for (name, value) in line.facts.as_slice() {
            let Some(i) = self.facts.find(name) else { return false };
            let value = match (&self.book.facts[i].fact_type, value) {
                (FactType::PositiveInteger, PlainFact::Count(n)) => *n,
                (FactType::OneOf(options), PlainFact::Word(w)) => match options.iter().position(|o| o.value == *w) {
                    Some(o) => o as u64,
                    None => return false,
                },
                _ => return false,
            };
            if !input.set_fact(i, value) {
                return false;
            }
        }
        if !matches!(service.evaluate(self.book, &input, cal, window, rows), Ok(true)) {
            return false;
        }
        out.extend_from_slice(&printed.head);
        for (k, row) in rows.iter().enumerate() {
            if k > 0 {
                out.push(b',');
            }
            let (head, tail) = &printed.rules[row.index as usize];
            out.extend_from_slice(head);
            let provisional = match row.outcome {
                Outcome::Due { due, provisional } => {
                    out.push(b'"');
                    write_due(out, due);
                    out.push(b'"');
                    provisional
                }
                Outcome::Waiting { events, facts } => {
                    out.extend_from_slice(b"null,\"waiting_for\":");
                    list(out, events.as_slice(), &printed.events);
                    if !facts.is_empty() {
                        out.extend_from_slice(b",\"needs_facts\":");
                        list(out, facts.as_slice(), &self.fact_names);
                    }
                    false
                }
            };
            out.extend_from_slice(tail);
            out.extend_from_slice(if provisional { b"true}" } else { b"false}" });
        }
        out.extend_from_slice(b"]}");
        true
    }

    /// Answers one input line; `explain_items` adds each item's explanation in `lang`.
    pub fn answer(&self, cal: &Calendar, window: WorkingWindow, text: &str, lang: Lang, explain_items: bool) -> Answer<'b> {
        let run = || -> Result<Answer<'b>, QueryError> {
            let line = parse(text)?;
            let mut events = Vec::with_capacity(line.events.len());
            for (name, value) in line.events {
                match value {
                    serde_json::Value::String(s) => events.push((name, s)),
                    other => return Err(QueryError::MalformedMoment { event: name, value: other.to_string() }),
                }
            }
            let query = Query::build(self.book, &line.service, events, line.facts, line.rules)?;
            if !explain_items {
                if let Some(items) = self.compiled(&query, cal, window)? {
                    return Ok(Answer::Report { service: &query.service.id, items });
                }
            }
            let outcomes = evaluate(&query, cal, window)?;
            let items = outcomes
                .into_iter()
                .map(|o| {
                    let explanation = explain_items.then(|| explain(query.service, &o, cal, lang));
                    let rule = o.rule;
                    let (due, waiting_for, needs_facts, provisional) = match o.state {
                        // The same test as the explanation's: a count through a year whose
                        // calendar is not yet published.
                        State::Due { landing, provisional_years, .. } => (Some(landing.due), None, None, !provisional_years.is_empty()),
                        State::Waiting { events, facts, .. } => (None, Some(events), (!facts.is_empty()).then_some(facts), false),
                    };
                    Item { rule: &rule.id, kind: rule.kind, party: rule.party, due, waiting_for, needs_facts, clause: &rule.clause, provisional, explanation }
                })
                .collect();
            Ok(Answer::Report { service: &query.service.id, items })
        };
        run().unwrap_or_else(|e| Answer::from_error(&e, lang))
    }

    /// The items from the compiled plan; None where it cannot take the case.
    fn compiled(&self, query: &Query<'b>, cal: &Calendar, window: WorkingWindow) -> Result<Option<Vec<Item<'b>>>, QueryError> {
        let Some(service) = self.plan.as_ref().and_then(|p| p.service(&query.service.id)) else { return Ok(None) };
        let Some(input) = service.input(self.book, query) else { return Ok(None) };
        let mut rows = Vec::with_capacity(query.service.rules.len());
        if !service.evaluate(self.book, &input, cal, window, &mut rows)? {
            return Ok(None);
        }
        let names = |list: &[u8], all: &dyn Fn(usize) -> String| list.iter().map(|i| all(*i as usize)).collect::<Vec<_>>();
        let items = rows
            .iter()
            .filter(|r| query.only_rules.as_ref().is_none_or(|only| only.contains(&r.rule.id)))
            .map(|r| {
                let (due, waiting_for, needs_facts, provisional) = match r.outcome {
                    Outcome::Due { due, provisional } => (Some(due), None, None, provisional),
                    Outcome::Waiting { events, facts } => (
                        None,
                        Some(names(events.as_slice(), &|i| query.service.events[i].id.clone())),
                        (!facts.is_empty()).then(|| names(facts.as_slice(), &|i| self.book.facts[i].id.clone())),
                        false,
                    ),
                };
                Item { rule: &r.rule.id, kind: r.rule.kind, party: r.rule.party, due, waiting_for, needs_facts, clause: &r.rule.clause, provisional, explanation: None }
            })
            .collect();
        Ok(Some(items))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deadlines::Moment;

    fn line(text: &str) -> serde_json::Value {
        explained(text, true)
    }

    fn explained(text: &str, explain: bool) -> serde_json::Value {
        let book = Rulebook::embedded();
        let answer = Batch::new(&book).answer(&Calendar::embedded(), WorkingWindow::default(), text, Lang::En, explain);
        serde_json::to_value(answer).unwrap()
    }

    /// The moment a line's date means, read by chrono: what `plain_key` counts by hand.
    fn by_chrono(text: &str, kind: EventKind) -> Option<u32> {
        let date = |t: &str| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok().filter(|_| t.len() == 10 && t.bytes().all(|c| c.is_ascii_digit() || c == b'-'));
        let moment = match (text.len(), kind) {
            (10, EventKind::Date) => Moment::Date(date(text)?),
            (16, _) if &text[10..11] == "T" && &text[13..14] == ":" && text[11..16].bytes().filter(|c| c.is_ascii_digit()).count() == 4 => {
                let time = date(&text[..10])?.and_hms_opt(text[11..13].parse().ok()?, text[14..16].parse().ok()?, 0)?;
                match kind {
                    EventKind::Date => Moment::Date(time.date()),
                    EventKind::Time => Moment::Time(time),
                }
            }
            _ => return None,
        };
        super::super::plan::pack(moment)
    }

    /// Every day from 1890 to 2110 and past the packable range, the impossible ones (the
    /// 29th of February of a year that is no leap year, the 31st of a short month, month
    /// 0 and 13, day 0) and odd times pack as chrono and `pack` make them, or not at all.
    #[test]
    fn a_date_counted_by_hand_is_chronos() {
        let mut texts = Vec::new();
        for year in (1890..=2110).chain([1600, 2000, 2400, 5983, 5984, 9999, 0]) {
            for month in 0..=13 {
                for day in 0..=32 {
                    texts.push(format!("{year:04}-{month:02}-{day:02}"));
                }
            }
            for time in ["00:00", "23:59", "24:00", "12:60", "09:5x", "1x:00"] {
                texts.push(format!("{year:04}-02-28T{time}"));
                texts.push(format!("{year:04}-02-29T{time}"));
            }
        }
        texts.extend(["2025-3-07", "2025-03-07 ", "2025/03/07", "+025-03-07", "2025-03-07T10-00", "2025-03-07X10:00", ""].map(String::from));
        let mut packed = 0;
        for text in &texts {
            for kind in [EventKind::Date, EventKind::Time] {
                let want = by_chrono(text, kind);
                assert_eq!(plain_key(text, kind), want, "{text} as {kind:?}");
                packed += usize::from(want.is_some());
            }
        }
        assert!(packed > 75_000, "the dates tried are mostly real: {packed}");
    }

    /// Without `--explain` (the compiled plan) an item carries the same fields as with it
    /// (the interpreter), but no explanation; `provisional` still says whether the count
    /// ran through an unpublished calendar, and a rule filter filters the same.
    #[test]
    fn a_plain_answer_is_the_explained_one_without_explanations() {
        let lines = [
            r#"{"service":"constructor","events":{"draft_contract_received":"2025-03-07"},"facts":{}}"#,
            r#"{"service":"constructor","events":{"draft_contract_received":"2099-03-07"},"facts":{}}"#,
            r#"{"service":"one-window","events":{"signed_contract_received":"2025-03-03"},"facts":{"org_kind":"commercial"}}"#,
            r#"{"service":"kvp","events":{"failure_reported":"2025-01-10T15:00"}}"#,
            r#"{"service":"one-window","events":{"signed_contract_received":"2025-03-03"},"facts":{"org_kind":"commercial"},"rules":["one-window.connection"]}"#,
        ];
        let mut provisional = 0;
        for text in lines {
            let (plain, mut full) = (explained(text, false), explained(text, true));
            for item in full["items"].as_array_mut().unwrap() {
                assert!(item["explanation"].is_object(), "{text}");
                provisional += item["provisional"].as_bool().unwrap() as u32;
                item.as_object_mut().unwrap().remove("explanation");
            }
            assert_eq!(plain, full, "{text}");
        }
        assert!(provisional > 0, "a count through 2099 is provisional");
    }

    #[test]
    fn a_good_line_gives_the_report_shape() {
        let v = line(r#"{"service":"constructor","events":{"draft_contract_received":"2025-03-07"},"facts":{}}"#);
        assert_eq!(v["service"], "constructor");
        let item = &v["items"][0];
        assert_eq!(item["rule"], "constructor.sign_contract");
        assert_eq!(item["kind"], "deadline");
        assert_eq!(item["party"], "consumer");
        assert_eq!(item["due"], "2025-03-24");
        assert_eq!(item["clause"], "3.9");
        assert_eq!(item["provisional"], false);
        assert!(item.get("waiting_for").is_none());
        assert_eq!(item["explanation"]["rolled_forward_from"], "2025-03-22");
    }

    #[test]
    fn facts_may_be_numbers_or_strings_and_dates_have_a_null_party() {
        let a = line(r#"{"service":"hosting","events":{"signed_contract_received":"2025-03-03"},"facts":{"software_count":5}}"#);
        let b = line(r#"{"service":"hosting","events":{"signed_contract_received":"2025-03-03"},"facts":{"software_count":"5"}}"#);
        assert_eq!(a["items"][0]["due"], "2025-03-17");
        assert_eq!(a, b);
        let c = line(r#"{"service":"kvp","events":{"activation_notice_sent":"2025-03-31"}}"#);
        assert_eq!(c["items"][0]["party"], serde_json::Value::Null);
        assert_eq!(c["items"][1]["due"], "2025-03");
    }

    #[test]
    fn a_waiting_rule_has_a_null_due_and_says_what_it_waits_for() {
        let v = line(r#"{"service":"one-window","events":{"signed_contract_received":"2025-03-03"},"facts":{"org_kind":"commercial"}}"#);
        let item = v["items"].as_array().unwrap().iter().find(|i| i["rule"] == "one-window.connection").unwrap();
        assert_eq!(item["due"], serde_json::Value::Null);
        assert_eq!(item["waiting_for"], serde_json::json!(["prepayment_made"]));
    }

    #[test]
    fn every_kind_of_bad_line_becomes_an_error_object_with_a_code() {
        let cases = [
            ("not json", "malformed_input"),
            (r#"{"service":"hosting","event":{}}"#, "malformed_input"),
            (r#"{"events":{}}"#, "malformed_input"),
            (r#"{"service":"nope"}"#, "unknown_service"),
            (r#"{"service":"hosting","events":{"x":"2025-01-01"}}"#, "unknown_event"),
            (r#"{"service":"hosting","events":{"application_received":20250101}}"#, "malformed_date"),
            (r#"{"service":"hosting","events":{"application_received":"2025-02-30"}}"#, "impossible_date"),
            (r#"{"service":"hosting","facts":{"software_count":0}}"#, "invalid_fact"),
            (r#"{"service":"hosting","facts":{"colour":"red"}}"#, "unknown_fact"),
            (r#"{"service":"hosting","rules":["kvp.sign_contract"]}"#, "unknown_rule"),
        ];
        for (text, code) in cases {
            let v = line(text);
            assert_eq!(v["error"]["code"], code, "{text}");
            assert!(!v["error"]["message"].as_str().unwrap().is_empty());
        }
        let long = format!(r#"{{"service":"{}"}}"#, "x".repeat(MAX_LINE_BYTES));
        assert_eq!(line(&long)["error"]["code"], "malformed_input");
    }

    /// The fast way writes byte for byte what serialising the general answer writes, on
    /// lines good and bad: odd dates, times for dated events and dates for timed ones,
    /// facts as numbers, words, floats, zero, strings of digits, unknown names, escapes,
    /// a rule filter, an unknown field. And it does take the well-formed lines.
    #[test]
    fn the_fast_way_writes_what_the_general_way_writes() {
        use proptest::prelude::*;
        use proptest::strategy::ValueTree;
        let book = Rulebook::embedded();
        let batch = Batch::new(&book);
        let cal = Calendar::embedded();
        let services: Vec<String> = book.services.iter().map(|s| s.id.clone()).chain(["nope".to_string(), "host\\u0069ng".to_string()]).collect();
        let events: Vec<String> = book.services.iter().flat_map(|s| s.events.iter().map(|e| e.id.clone())).chain(["x".to_string()]).collect();
        let moment = prop_oneof![
            (2019i32..2031, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("\"{y:04}-{m:02}-{d:02}\"")),
            (2019i32..2031, 1u32..13, 1u32..29, 0u32..24, 0u32..60).prop_map(|(y, m, d, h, mi)| format!("\"{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}\"")),
            Just("\"2025-02-30\"".to_string()),
            Just("\"2025-01-10 10:00\"".to_string()),
            Just("\"2025-01-10T25:00\"".to_string()),
            Just("\" 2025-01-10\"".to_string()),
            Just("\"1ю2ю2025\"".to_string()),
            Just("20250110".to_string()),
            Just("\"1989-12-31\"".to_string()),
        ];
        let fact = prop_oneof![
            (0u64..50).prop_map(|n| format!("\"software_count\":{n}")),
            Just("\"software_count\":5.0".to_string()),
            Just("\"software_count\":\"7\"".to_string()),
            Just("\"software_count\":-3".to_string()),
            Just("\"software_count\":null".to_string()),
            Just("\"org_kind\":\"budget\"".to_string()),
            Just("\"org_kind\":\"commercial\"".to_string()),
            Just("\"org_kind\":\" budget\"".to_string()),
            Just("\"org_kind\":\"other\"".to_string()),
            Just("\"colour\":\"red\"".to_string()),
        ];
        let extra = prop_oneof![Just(String::new()), Just(String::new()), Just(String::new()), Just(",\"rules\":[\"hosting.placement\"]".to_string()), Just(",\"other\":1".to_string())];
        // Mostly the service's own events, sometimes another's or an unknown one.
        let per_service: Vec<Vec<String>> = services.iter().map(|id| book.service(id).map(|s| s.events.iter().map(|e| e.id.clone()).collect()).unwrap_or_default()).collect();
        let service_and_events = (0..services.len()).prop_flat_map(move |i| {
            let own = if per_service[i].is_empty() { events.clone() } else { per_service[i].clone() };
            let name = prop_oneof![8 => prop::sample::select(own), 1 => prop::sample::select(events.clone())];
            (Just(services[i].clone()), prop::collection::vec((name, moment.clone()), 0..5))
        });
        let line = (service_and_events, prop::collection::vec(fact, 0..3), extra, 0..12usize).prop_map(|((service, events), facts, extra, variant)| {
            let events: Vec<String> = events.into_iter().map(|(e, m)| format!("\"{e}\":{m}")).collect();
            let line = format!("{{\"service\":\"{service}\",\"events\":{{{}}},\"facts\":{{{}}}{extra}}}", events.join(","), facts.join(","));
            // The same line written otherwise: some as JSON allows, some as it does not.
            match variant {
                0 => line.replace(':', " : ").replace(',', " ,\t"),
                1 => format!("  {line}  "),
                2 => line.replacen('}', ",}", 1),
                3 => format!("{line}x"),
                4 => line.replacen("\"facts\"", "\"f\\u0061cts\"", 1),
                5 => line.replace(":5", ":05").replace(":1", ":1.0"),
                6 => line.replacen("\"events\":{", "\"events\":{\"a\":\"b\",\"a\":\"c\",", 1),
                7 => line.replacen("{", "{\"service\":\"kvp\",", 1),
                8 => line.replace(":{}", ":null"),
                9 => line.replacen("2025", "2\u{1}25", 1),
                _ => line,
            }
        });
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let (mut rows, mut fast) = (Vec::new(), 0);
        for _ in 0..4000 {
            let text = line.new_tree(&mut runner).unwrap().current();
            let mut written = Vec::new();
            batch.write(&mut written, &cal, WorkingWindow::default(), &text, Lang::Ru, false, &mut rows);
            let mut general = serde_json::to_vec(&batch.answer(&cal, WorkingWindow::default(), &text, Lang::Ru, false)).unwrap();
            general.push(b'\n');
            assert_eq!(String::from_utf8(written).unwrap(), String::from_utf8(general).unwrap(), "{text}");
            let mut probe = Vec::new();
            fast += batch.write_plain(&mut probe, &cal, WorkingWindow::default(), &text, &mut rows) as u32;
        }
        assert!(fast > 100, "the fast way took {fast} lines of 4000");
    }

    /// The eight-at-a-time search finds what the plain search finds, wherever it lies.
    #[test]
    fn a_string_ends_where_it_ends() {
        let plain = |b: &[u8]| b.iter().position(|&c| c == b'"' || c == b'\\' || c < 0x20);
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        use proptest::prelude::*;
        use proptest::strategy::ValueTree;
        let bytes = proptest::collection::vec(prop_oneof![8 => 0x20u8..0x7f, 1 => Just(b'"'), 1 => Just(b'\\'), 1 => 0u8..0x20, 1 => 0x80u8..=0xff], 0..40);
        for _ in 0..20_000 {
            let b = bytes.new_tree(&mut runner).unwrap().current();
            assert_eq!(string_end(&b), plain(&b), "{b:?}");
        }
    }
}
