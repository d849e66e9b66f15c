//! Writes a benchmark database: `cargo run --release -p zayava-store --example seed -- PATH
//! [APPLICATIONS]` (default 10,000 applications, ten events each on average). Used by
//! scripts/bench-startup.sh.

#[path = "../benches/seed_data.rs"]
mod seed_data;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut args = std::env::args().skip(1);
    let path = std::path::PathBuf::from(args.next().expect("PATH"));
    let applications: usize = args.next().map(|a| a.parse().expect("APPLICATIONS is a number")).unwrap_or(10_000);
    if path.exists() {
        eprintln!("{} exists; not overwritten", path.display());
        std::process::exit(2);
    }
    let db = seed_data::build(&path, applications, applications * 10).await;
    db.close().await;
}
