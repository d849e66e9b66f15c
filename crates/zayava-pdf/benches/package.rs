//! A 10-page contract package: time and size (targets: ≤ 100 ms, ≤ 200 KB). Run with
//! `cargo bench -p zayava-pdf --bench package`; `scripts/bench-pdf.sh` sets it against
//! LibreOffice converting the same content. The figures go in the README.

use criterion::{criterion_group, criterion_main, Criterion};
use zayava_core::calendar::Calendar;
use zayava_core::deadlines::WorkingWindow;
use zayava_core::forms;
use zayava_core::i18n::Lang;
use zayava_core::lifecycle::{self, NoticeContext, RecordedEvent, Recorder};
use zayava_core::rules::Rulebook;
use zayava_pdf::{render, sample, Kind, Subject};

fn bench(c: &mut Criterion) {
    let (org, values) = (sample::organisation(), sample::one_window(95));
    let schema = forms::current("one-window").unwrap();
    let events: Vec<RecordedEvent> = [("application_sent", "2025-03-03"), ("application_received", "2025-03-04"), ("draft_contract_received", "2025-03-06"), ("signed_contract_received", "2025-03-14")]
        .iter()
        .enumerate()
        .map(|(i, (e, at))| RecordedEvent { id: i as i64 + 1, event: e.to_string(), at: at.to_string(), recorded_at: String::new(), recorded_by: Recorder::User, corrects: None, note: String::new() })
        .collect();
    let now = chrono::NaiveDate::from_ymd_opt(2025, 3, 20).unwrap().and_hms_opt(9, 0, 0).unwrap();
    let timeline = lifecycle::timeline(Rulebook::shared(), &Calendar::embedded(), WorkingWindow::default(), "one-window", true, &events, lifecycle::facts(Some(schema), &values, Some(&org)), now, &NoticeContext::default(), Lang::Ru).unwrap();
    let subject = Subject { id: "6f1c1f5e-8a55-4c41-9a55-3c1f1e0c0a01", number: Some("З-0042"), operator_numbers: Vec::new(), schema, values: &values, organisation: Some(&org), timeline: &timeline, outgoing: Some(("17".into(), "04.12.2026".into())), created: chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap().and_hms_opt(9, 0, 0).unwrap() };
    let pdf = render(Kind::Package, &subject, Lang::Ru);
    println!("package: {} pages, {} bytes", pdf.pages, pdf.bytes.len());
    if let Ok(path) = std::env::var("ZAYAVA_BENCH_PDF") {
        std::fs::write(path, &pdf.bytes).unwrap();
    }
    assert_eq!(pdf.pages, 10, "the benchmark measures a 10-page package");
    let mut group = c.benchmark_group("pdf");
    group.sample_size(20);
    group.bench_function("package_10_pages", |b| b.iter(|| render(Kind::Package, &subject, Lang::Ru)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
