//! `zayava sync`: one sync run with the operator's API from a terminal, and its status.
//! The token comes from ZAYAVA_OPERATOR_TOKEN or, failing that, the OS keyring.

use zayava_app::sync::{self, Access};
use zayava_app::Now;
use zayava_core::i18n::Lang;
use zayava_store::Database;
use zayava_sync::{credentials, Options, SyncProgress};

use crate::table::{say, say_with};
use crate::Failure;

#[derive(clap::Args)]
pub struct SyncArgs {
    /// The API's base address for this run (default: the one saved in Settings).
    #[arg(long)]
    url: Option<String>,
    /// Save --url as the address in Settings.
    #[arg(long, requires = "url")]
    save_url: bool,
    /// Print what waits and what went wrong, without syncing.
    #[arg(long)]
    status: bool,
    /// Outbox items per request.
    #[arg(long, default_value_t = 500, hide = true)]
    batch: u32,
    /// Operator events per page.
    #[arg(long, default_value_t = 1000, hide = true)]
    page: u32,
}

pub async fn run(args: SyncArgs, db: &Database, lang: Lang) -> Result<(), Failure> {
    if args.status {
        return status(db, lang).await;
    }
    let token = std::env::var("ZAYAVA_OPERATOR_TOKEN").ok().filter(|t| !t.is_empty());
    if token.is_none() {
        credentials::use_platform_store()?;
    }
    let api = sync::connect(db, Access { url: args.url.clone(), token }).await?;
    if args.save_url {
        sync::save_url(db, api.base().as_str()).await?;
    }
    let options = Options { batch: args.batch.clamp(1, 1000), page: args.page.clamp(1, 1000), ..Options::default() };
    let mut show = |p: SyncProgress| match p {
        SyncProgress::Push { done, total } => eprintln!("{}", say_with(lang, "cli-sync-push", &[("done", &done.to_string()), ("total", &total.to_string())])),
        SyncProgress::Pull { received } => eprintln!("{}", say_with(lang, "cli-sync-pull", &[("received", &received.to_string())])),
        SyncProgress::Data => eprintln!("{}", say(lang, "cli-sync-data")),
    };
    let r = sync::run_once(db, &api, options, Now::read(), &mut show).await?;
    let n = |v: u64| v.to_string();
    println!(
        "{}",
        say_with(lang, "cli-sync-report", &[("sent", &n(r.pushed as u64)), ("rejected", &n(r.rejected as u64)), ("conflicts", &n(r.conflicts as u64)), ("received", &n(r.pulled as u64)), ("duplicates", &n(r.duplicates as u64)), ("refused", &n(r.refused as u64)), ("waiting", &n(r.parked as u64))])
    );
    Ok(())
}

async fn status(db: &Database, lang: Lang) -> Result<(), Failure> {
    let s = db.sync_state().await?;
    let url = db.operator_url().await?;
    println!("{}", say_with(lang, "cli-sync-address", &[("url", &url.unwrap_or_else(|| say(lang, "cli-sync-not-set").to_string()))]));
    println!("{}", say_with(lang, "cli-sync-counts", &[("pending", &s.counts.pending.to_string()), ("rejected", &s.counts.rejected.to_string()), ("conflicts", &s.counts.conflicts.to_string())]));
    println!("{}", say_with(lang, "cli-sync-last", &[("at", &s.last_success.unwrap_or_else(|| say(lang, "cli-sync-never").to_string()))]));
    for i in db.sync_issues(20, lang).await? {
        println!("{}  {}  {}  {}", i.at, i.code, i.subject, i.detail);
    }
    Ok(())
}
