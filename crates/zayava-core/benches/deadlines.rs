//! Rule evaluations per second over 100k random scenarios: the interpreter (target
//! ≥ 1,000,000 on one core) and the compiled plan (target ≥ 10,000,000). Run with `cargo bench -p zayava-core --bench deadlines`; the figure goes in the
//! README's performance section.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use serde_json::json;
use zayava_core::calendar::Calendar;
use zayava_core::deadlines::report::report;
use zayava_core::deadlines::plan::Plan;
use zayava_core::deadlines::{evaluate, Query, WorkingWindow};
use zayava_core::i18n::Lang;
use zayava_core::rules::{EventKind, Rulebook};

const SCENARIOS: usize = 100_000;

/// A small deterministic generator, so every run measures the same scenarios.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

fn scenarios(book: &Rulebook) -> Vec<Query<'_>> {
    let mut rng = Lcg(20251124);
    let start = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    (0..SCENARIOS)
        .map(|_| {
            let service = &book.services[rng.next(book.services.len() as u64) as usize];
            let n_events = 1 + rng.next(3) as usize;
            let mut events = Vec::new();
            for _ in 0..n_events {
                let e = &service.events[rng.next(service.events.len() as u64) as usize];
                if events.iter().any(|(id, _): &(String, String)| id == &e.id) {
                    continue;
                }
                let day = start + chrono::Duration::days(rng.next(365 * 7) as i64);
                let value = match e.kind {
                    EventKind::Date => day.to_string(),
                    EventKind::Time => format!("{day}T{:02}:{:02}", rng.next(24), rng.next(60)),
                };
                events.push((e.id.clone(), value));
            }
            let facts = vec![
                ("software_count".to_string(), json!(1 + rng.next(40))),
                ("org_kind".to_string(), json!(if rng.next(2) == 0 { "budget" } else { "commercial" })),
            ];
            Query::build(book, &service.id, events, facts, None).expect("generated scenarios are valid")
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let book = Rulebook::embedded();
    let cal = Calendar::embedded();
    let window = WorkingWindow::default();
    let queries = scenarios(&book);
    let evaluations: usize = queries.iter().map(|q| evaluate(q, &cal, window).unwrap().len()).sum();
    println!("{SCENARIOS} scenarios, {evaluations} rule evaluations per pass");

    let mut group = c.benchmark_group("deadlines");
    group.sample_size(10);
    group.throughput(Throughput::Elements(evaluations as u64));
    group.bench_function("evaluate_100k_scenarios", |b| {
        b.iter(|| {
            for q in &queries {
                black_box(evaluate(black_box(q), &cal, window).unwrap());
            }
        })
    });
    // The compiled plan: the same scenarios, each read into the plan's input once (as the
    // batch does when it parses a line); one row buffer for all.
    let plan = Plan::compile(&book).expect("the rulebook fits the plan");
    let inputs: Vec<_> = queries.iter().map(|q| (plan.service(&q.service.id).unwrap(), plan.service(&q.service.id).unwrap().input(&book, q).unwrap())).collect();
    let mut rows = Vec::with_capacity(32);
    group.bench_function("evaluate_compiled_100k_scenarios", |b| {
        b.iter(|| {
            for (service, input) in &inputs {
                black_box(service.evaluate(&book, black_box(input), &cal, window, &mut rows).unwrap());
                black_box(&rows);
            }
        })
    });
    group.bench_function("evaluate_and_explain_100k_scenarios", |b| {
        b.iter(|| {
            for q in &queries {
                let outcomes = evaluate(q, &cal, window).unwrap();
                black_box(report(q, &outcomes, &cal, Lang::Ru));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
