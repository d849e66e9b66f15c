//! `zayava sync`: one sync run with the operator's API from a terminal, and its status.
//! The token comes from ZAYAVA_OPERATOR_TOKEN or, failing that, the OS keyring.

use std::time::Duration;

use zayava_core::i18n::Lang;
use zayava_store::Database;
use zayava_sync::{credentials, sync_once, Api, Options, SyncProgress, SyncError};

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

fn failure(e: SyncError, lang: Lang) -> Failure {
    let exit = if matches!(e, SyncError::BadUrl(_) | SyncError::NotHttps(_) | SyncError::NotConfigured | SyncError::NoToken) { 2 } else { 1 };
    Failure { message: format!("{} [{}]", e.message(lang), e.code()), exit }
}

pub async fn run(args: SyncArgs, db: &Database, lang: Lang) -> Result<(), Failure> {
    if args.status {
        return status(db).await;
    }
    let url = match args.url {
        Some(u) => u,
        None => db.operator_url().await?.ok_or_else(|| failure(SyncError::NotConfigured, lang))?,
    };
    let token = match std::env::var("ZAYAVA_OPERATOR_TOKEN") {
        Ok(t) if !t.is_empty() => t,
        _ => {
            credentials::use_platform_store().map_err(|e| failure(e, lang))?;
            credentials::token().map_err(|e| failure(e, lang))?.ok_or_else(|| failure(SyncError::NoToken, lang))?
        }
    };
    let api = Api::new(&url, &token, Duration::from_secs(30)).map_err(|e| failure(e, lang))?;
    if args.save_url {
        db.set_operator_url(api.base().as_str()).await?;
    }
    let opts = Options { batch: args.batch.clamp(1, 1000), page: args.page.clamp(1, 1000), ..Options::default() };
    let mut show = |p: SyncProgress| match p {
        SyncProgress::Push { done, total } => eprintln!("push: {done}/{total}"),
        SyncProgress::Pull { received } => eprintln!("pull: {received}"),
        SyncProgress::Data => eprintln!("calendar and rules"),
    };
    let report = sync_once(db, &api, opts, chrono::Utc::now(), chrono::Local::now().date_naive(), &mut show).await.map_err(|e| failure(e, lang))?;
    println!(
        "sent {}, rejected {}, conflicts {}, received {}, duplicates skipped {}, refused {}, waiting {}",
        report.pushed, report.rejected, report.conflicts, report.pulled, report.duplicates, report.refused, report.parked
    );
    Ok(())
}

async fn status(db: &Database) -> Result<(), Failure> {
    let s = db.sync_state().await?;
    println!("address: {}", db.operator_url().await?.unwrap_or_else(|| "(not set)".into()));
    println!("pending: {}, rejected: {}, conflicts: {}", s.counts.pending, s.counts.rejected, s.counts.conflicts);
    println!("last sync: {}", s.last_success.unwrap_or_else(|| "never".into()));
    for i in db.sync_issues(20).await? {
        println!("{}  {}  {}  {}", i.at, i.code, i.subject, i.detail);
    }
    Ok(())
}
