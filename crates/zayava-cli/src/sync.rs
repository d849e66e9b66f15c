//! `zayava sync`: one sync run with the operator's API from a terminal, and its status.
//! The token comes from ZAYAVA_OPERATOR_TOKEN or, failing that, the OS keyring.

use zayava_app::sync::{self, Access};
use zayava_app::Now;
use zayava_core::i18n::Lang;
use zayava_store::Database;
use zayava_sync::{credentials, Options, SyncProgress};

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
    let mut show = |p: SyncProgress| match (p, lang) {
        (SyncProgress::Push { done, total }, Lang::Ru) => eprintln!("отправлено: {done} из {total}"),
        (SyncProgress::Push { done, total }, Lang::En) => eprintln!("push: {done}/{total}"),
        (SyncProgress::Pull { received }, Lang::Ru) => eprintln!("получено: {received}"),
        (SyncProgress::Pull { received }, Lang::En) => eprintln!("pull: {received}"),
        (SyncProgress::Data, Lang::Ru) => eprintln!("календарь и правила"),
        (SyncProgress::Data, Lang::En) => eprintln!("calendar and rules"),
    };
    let r = sync::run_once(db, &api, options, Now::read(), &mut show).await?;
    match lang {
        Lang::Ru => println!(
            "отправлено {}, отклонено {}, конфликтов {}, получено {}, повторов пропущено {}, не принято {}, ждут {}",
            r.pushed, r.rejected, r.conflicts, r.pulled, r.duplicates, r.refused, r.parked
        ),
        Lang::En => println!(
            "sent {}, rejected {}, conflicts {}, received {}, duplicates skipped {}, refused {}, waiting {}",
            r.pushed, r.rejected, r.conflicts, r.pulled, r.duplicates, r.refused, r.parked
        ),
    }
    Ok(())
}

async fn status(db: &Database, lang: Lang) -> Result<(), Failure> {
    let s = db.sync_state().await?;
    let url = db.operator_url().await?;
    match lang {
        Lang::Ru => {
            println!("Адрес: {}", url.unwrap_or_else(|| "(не задан)".into()));
            println!("Ждут отправки: {}, отклонено: {}, конфликтов: {}", s.counts.pending, s.counts.rejected, s.counts.conflicts);
            println!("Последняя синхронизация: {}", s.last_success.unwrap_or_else(|| "не было".into()));
        }
        Lang::En => {
            println!("address: {}", url.unwrap_or_else(|| "(not set)".into()));
            println!("pending: {}, rejected: {}, conflicts: {}", s.counts.pending, s.counts.rejected, s.counts.conflicts);
            println!("last sync: {}", s.last_success.unwrap_or_else(|| "never".into()));
        }
    }
    for i in db.sync_issues(20).await? {
        println!("{}  {}  {}  {}", i.at, i.code, i.subject, i.detail);
    }
    Ok(())
}
