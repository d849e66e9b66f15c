//! `zayava-server`: serve the operator API v1 (`serve`), manage an account's members
//! (`users`), and play the operator (`admin`), either on a running sandbox over HTTP or
//! straight on the database.

use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use serde_json::{json, Map, Value};
use zayava_server::desk::{act, ActError, OperatorAct};
use zayava_server::{LogFormat, Role, Server, Store, StoreError};

#[derive(Parser)]
#[command(name = "zayava-server", version, about = "The Zayava server: the operator API v1 for an account's desktops, on PostgreSQL or SQLite")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args)]
struct Database {
    /// The database: postgres://user:password@host/name, or sqlite://PATH (created if missing).
    #[arg(long, env = "ZAYAVA_SERVER_DATABASE")]
    database: String,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API; the schema is created or brought up to date first.
    Serve {
        #[command(flatten)]
        db: Database,
        /// The address and port to listen on.
        #[arg(long, default_value = "127.0.0.1:8787", env = "ZAYAVA_SERVER_BIND")]
        bind: String,
        /// How log lines are written to stderr.
        #[arg(long, value_enum, default_value = "text", env = "ZAYAVA_SERVER_LOG_FORMAT")]
        log_format: LogFormat,
        /// Rehearsal only: this token acts in the sandbox account, and the operator's desk
        /// (/admin) and fault injection are served. Never on a deployment.
        #[arg(long, env = "ZAYAVA_SERVER_SANDBOX_TOKEN")]
        sandbox_token: Option<String>,
    },
    /// Manage the people of an account.
    Users {
        #[command(subcommand)]
        act: UsersAct,
    },
    /// Play the operator: on a running sandbox (--url, --token) or on the database (--database, --account).
    Admin {
        #[arg(long, conflicts_with_all = ["database", "account"], requires = "token")]
        url: Option<String>,
        #[arg(long, env = "ZAYAVA_SERVER_SANDBOX_TOKEN")]
        token: Option<String>,
        #[arg(long, env = "ZAYAVA_SERVER_DATABASE", requires = "account")]
        database: Option<String>,
        /// The account's name (with --database).
        #[arg(long)]
        account: Option<String>,
        #[command(subcommand)]
        act: Act,
    },
}

#[derive(Subcommand)]
enum UsersAct {
    /// Add a member (the account is created if needed) and print their token on the last
    /// line. A member already there gets a new token, which replaces the old.
    Add {
        #[command(flatten)]
        db: Database,
        #[arg(long)]
        account: String,
        #[arg(long)]
        user: String,
        /// reader: reads only; editor: also changes; admin: also manages members.
        #[arg(long, value_parser = ["reader", "editor", "admin"])]
        role: String,
        /// The token stops working after this many days.
        #[arg(long)]
        expires_in_days: Option<u32>,
    },
    /// The members of an account.
    List {
        #[command(flatten)]
        db: Database,
        #[arg(long)]
        account: String,
    },
    /// Revoke a member's token at once.
    Revoke {
        #[command(flatten)]
        db: Database,
        #[arg(long)]
        account: String,
        #[arg(long)]
        user: String,
    },
}

#[derive(Subcommand)]
enum Act {
    /// The applications received from the account's desktops.
    List,
    /// Register the application as received (with a registration number).
    Receive { application: String, #[arg(long)] number: Option<String>, #[arg(long)] at: Option<String> },
    /// Send remarks on the application.
    Remarks { application: String, text: String, #[arg(long)] at: Option<String> },
    /// Issue the draft contract.
    DraftContract { application: String, #[arg(long)] number: Option<String>, #[arg(long)] at: Option<String> },
    /// Confirm the signed contract was received.
    ContractReceived { application: String, #[arg(long)] at: Option<String> },
    /// Activate the service (its placement date).
    Activate { application: String, #[arg(long)] at: Option<String> },
    /// Change a field of the application on the operator's side (to rehearse a conflict).
    Amend { application: String, field: String, value: String },
    /// Counts of what the account holds.
    Stats,
}

#[tokio::main]
async fn main() -> ExitCode {
    match run(Cli::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("zayava-server: {e}");
            ExitCode::FAILURE
        }
    }
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

async fn open(url: &str) -> Result<Store, String> {
    Store::open(url).await.map_err(|e| e.to_string())
}

async fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Serve { db, bind, log_format, sandbox_token } => serve(&db.database, &bind, log_format, sandbox_token).await,
        Command::Users { act: UsersAct::Add { db, account, user, role, expires_in_days } } => {
            let role = Role::parse(&role).ok_or("--role: reader, editor or admin")?;
            let expires = expires_in_days.map(|d| (chrono::Utc::now() + chrono::Duration::days(d.into())).to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
            let (member, token) = open(&db.database).await?.add_member(&account, &user, role, expires.as_deref(), &now()).await.map_err(|e| e.to_string())?;
            println!("{} is a member of «{}» as {}{}. Their token, shown only now:", member.name, member.account, member.role.as_str(), expires.map(|e| format!(" until {e}")).unwrap_or_default());
            println!("{token}");
            Ok(())
        }
        Command::Users { act: UsersAct::List { db, account } } => {
            let members = open(&db.database).await?.members(&account).await.map_err(|e| e.to_string())?;
            println!("{}", serde_json::to_string_pretty(&members).unwrap_or_default());
            Ok(())
        }
        Command::Users { act: UsersAct::Revoke { db, account, user } } => {
            if open(&db.database).await?.revoke_member(&account, &user, &now()).await.map_err(|e| e.to_string())? {
                println!("{user}'s token no longer works.");
                Ok(())
            } else {
                Err(format!("«{account}» has no member {user}"))
            }
        }
        Command::Admin { url: Some(url), token, act, .. } => admin_http(&url, token.as_deref().unwrap_or_default(), act).await,
        Command::Admin { database: Some(database), account: Some(account), act, .. } => admin_database(&database, &account, act).await,
        Command::Admin { .. } => Err("admin needs --url and --token (a sandbox), or --database and --account".into()),
    }
}

async fn serve(database: &str, bind: &str, log: LogFormat, sandbox_token: Option<String>) -> Result<(), String> {
    let store = Store::connect_lazy(database).map_err(|e| e.to_string())?;
    let server = match &sandbox_token {
        Some(t) => Server::sandbox(store.clone(), t),
        None => Server::new(store.clone()),
    }
    .log_format(log)
    .starting();
    let listener = tokio::net::TcpListener::bind(bind).await.map_err(|e| format!("cannot listen on {bind}: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    // The schema first; while the database is away the API answers 503 and this retries.
    let migrating = server.clone();
    let schema = tokio::spawn(async move {
        loop {
            match store.migrate().await {
                Ok(()) => {
                    migrating.mark_ready();
                    migrating.log("info", "the database's schema is in place; serving");
                    return Ok(());
                }
                Err(e @ StoreError::Unavailable(_)) => {
                    migrating.log("warn", &format!("{e}; trying again in 2 s (the API answers 503 meanwhile)"));
                    tokio::time::sleep(Duration::from_secs(2)).await;
                }
                Err(e) => return Err(e.to_string()),
            }
        }
    });
    server.log("info", &format!("listening on http://{addr}{}", if sandbox_token.is_some() { " as a sandbox (operator's desk and faults served)" } else { "" }));
    let serving = axum::serve(listener, server.router()).with_graceful_shutdown(shutdown());
    tokio::select! {
        r = serving => r.map_err(|e| e.to_string()),
        Ok(Err(e)) = schema => Err(e),
    }
}

/// Ctrl-C or SIGTERM: finish the requests under way, then stop.
async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}

/// An act as the operator's desk takes it.
fn operator_act(act: &Act) -> Option<(String, OperatorAct)> {
    let mk = |event: &str, at: &Option<String>, note: String, fields: Value| OperatorAct { event: event.into(), at: at.clone(), note, fields: fields.as_object().cloned().unwrap_or_default(), unchecked: false };
    Some(match act {
        Act::Receive { application, number, at } => (application.clone(), mk("application_received", at, String::new(), number.as_ref().map(|n| json!({ "registration_number": n })).unwrap_or(json!({})))),
        Act::Remarks { application, text, at } => (application.clone(), mk("remarks_received", at, text.clone(), json!({ "remarks": text }))),
        Act::DraftContract { application, number, at } => (application.clone(), mk("draft_contract_received", at, String::new(), number.as_ref().map(|n| json!({ "contract_number": n })).unwrap_or(json!({})))),
        Act::ContractReceived { application, at } => (application.clone(), mk("signed_contract_received", at, String::new(), json!({}))),
        Act::Activate { application, at } => (application.clone(), mk("placement_date", at, String::new(), json!({}))),
        Act::List | Act::Stats | Act::Amend { .. } => return None,
    })
}

fn print(v: &impl serde::Serialize) {
    println!("{}", serde_json::to_string_pretty(v).unwrap_or_default());
}

async fn admin_database(database: &str, account: &str, a: Act) -> Result<(), String> {
    let store = open(database).await?;
    let id = store.account_id(account).await.map_err(|e| e.to_string())?.ok_or_else(|| format!("no account «{account}»"))?;
    let account = store.account(&id);
    let failed = |e: StoreError| e.to_string();
    if let Some((application, operator)) = operator_act(&a) {
        let event = act(&account, &application, operator).await.map_err(|e: ActError| e.to_string())?;
        print(&event);
        return Ok(());
    }
    match a {
        Act::List => print(&account.list().await.map_err(failed)?),
        Act::Stats => print(&account.stats().await.map_err(failed)?),
        Act::Amend { application, field, value } => {
            let values: Map<String, Value> = [(field, Value::String(value))].into_iter().collect();
            let revision = account.amend(&application, &values, &now()).await.map_err(failed)?.ok_or_else(|| format!("no application {application} in this account"))?;
            print(&json!({ "revision": revision }));
        }
        _ => {}
    }
    Ok(())
}

async fn admin_http(url: &str, token: &str, a: Act) -> Result<(), String> {
    let http = reqwest::Client::new();
    let base = url.trim_end_matches('/');
    let (post, target, body) = match (&a, operator_act(&a)) {
        (_, Some((application, o))) => (true, format!("{base}/admin/applications/{application}/events"), json!({ "event": o.event, "at": o.at, "note": o.note, "fields": o.fields })),
        (Act::List, _) => (false, format!("{base}/admin/applications"), Value::Null),
        (Act::Stats, _) => (false, format!("{base}/admin/stats"), Value::Null),
        (Act::Amend { application, field, value }, _) => (true, format!("{base}/admin/applications/{application}/amend"), json!({ field: value })),
        _ => return Ok(()),
    };
    let req = if post { http.post(&target).json(&body) } else { http.get(&target) };
    let resp = req.bearer_auth(token).send().await.map_err(|e| format!("{target}: {e}"))?;
    let status = resp.status();
    let text = resp.text().await.map_err(|e| e.to_string())?;
    let pretty = serde_json::from_str::<Value>(&text).ok().and_then(|v| serde_json::to_string_pretty(&v).ok()).unwrap_or(text);
    if status.is_success() {
        println!("{pretty}");
        Ok(())
    } else {
        Err(format!("{status}: {pretty}"))
    }
}
