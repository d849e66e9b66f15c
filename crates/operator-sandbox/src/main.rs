//! `operator-sandbox`: serve the operator API v1 on this computer, and play the operator
//! against a running sandbox (`operator-sandbox admin …`).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use operator_sandbox::{Sandbox, Store};
use serde_json::{json, Value};

#[derive(Parser)]
#[command(name = "operator-sandbox", version, about = "Reference server for the Zayava operator API v1 (rehearsal and tests)")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API (the default).
    Serve {
        /// Loopback address and port.
        #[arg(long, default_value = "127.0.0.1:8787")]
        listen: String,
        /// The database file; in memory if not given.
        #[arg(long)]
        db: Option<PathBuf>,
        /// The bearer token clients (and the admin) must send.
        #[arg(long, default_value = "sandbox-token", env = "OPERATOR_SANDBOX_TOKEN")]
        token: String,
    },
    /// Play the operator on a running sandbox.
    Admin {
        #[arg(long, default_value = "http://127.0.0.1:8787")]
        url: String,
        #[arg(long, default_value = "sandbox-token", env = "OPERATOR_SANDBOX_TOKEN")]
        token: String,
        #[command(subcommand)]
        act: Act,
    },
}

#[derive(Subcommand)]
enum Act {
    /// The applications received from clients.
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
    /// Counts of what the sandbox holds.
    Stats,
}

#[tokio::main]
async fn main() -> ExitCode {
    match run(Cli::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("operator-sandbox: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), String> {
    match cli.command.unwrap_or(Command::Serve { listen: "127.0.0.1:8787".into(), db: None, token: "sandbox-token".into() }) {
        Command::Serve { listen, db, token } => {
            let store = Store::open(db.as_deref()).await.map_err(|e| e.to_string())?;
            let listener = tokio::net::TcpListener::bind(&listen).await.map_err(|e| format!("cannot listen on {listen}: {e}"))?;
            eprintln!("operator-sandbox: serving the operator API v1 on http://{} (token: as given by --token)", listener.local_addr().map_err(|e| e.to_string())?);
            Sandbox::new(store, &token).serve(listener).await.map_err(|e| e.to_string())
        }
        Command::Admin { url, token, act } => admin(&url, &token, act).await,
    }
}

async fn admin(url: &str, token: &str, act: Act) -> Result<(), String> {
    let http = reqwest::Client::new();
    let base = url.trim_end_matches('/');
    let event = |application: String, event: &str, at: Option<String>, note: String, fields: Value| {
        (format!("{base}/admin/applications/{application}/events"), json!({ "event": event, "at": at, "note": note, "fields": fields }))
    };
    let (method_post, target, body) = match act {
        Act::List => (false, format!("{base}/admin/applications"), Value::Null),
        Act::Stats => (false, format!("{base}/admin/stats"), Value::Null),
        Act::Receive { application, number, at } => {
            let (u, b) = event(application, "application_received", at, String::new(), number.map(|n| json!({ "registration_number": n })).unwrap_or(json!({})));
            (true, u, b)
        }
        Act::Remarks { application, text, at } => {
            let (u, b) = event(application, "remarks_received", at, text.clone(), json!({ "remarks": text }));
            (true, u, b)
        }
        Act::DraftContract { application, number, at } => {
            let (u, b) = event(application, "draft_contract_received", at, String::new(), number.map(|n| json!({ "contract_number": n })).unwrap_or(json!({})));
            (true, u, b)
        }
        Act::ContractReceived { application, at } => {
            let (u, b) = event(application, "signed_contract_received", at, String::new(), json!({}));
            (true, u, b)
        }
        Act::Activate { application, at } => {
            let (u, b) = event(application, "placement_date", at, String::new(), json!({}));
            (true, u, b)
        }
        Act::Amend { application, field, value } => (true, format!("{base}/admin/applications/{application}/amend"), json!({ field: value })),
    };
    let req = if method_post { http.post(&target).json(&body) } else { http.get(&target) };
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
