//! Sync with the operator's API (v1, `docs/operator-api.yaml`, its types in `zayava-api`): the
//! HTTP client and its failure classes, the retry schedule, one sync run, and the token in the
//! OS keyring. The outbox and cursor themselves live in `zayava-store` (module `sync`).
//!
//! Must not: decide what an Operator's event means for an application (the store applies
//! it through the domain's lifecycle), schedule runs (`zayava-app`'s `sync::schedule`), or
//! put a failure into words (it returns classes; `zayava-app` words them).

pub mod client;
pub mod credentials;
pub mod endpoint;
pub mod engine;
mod error;
pub mod retry;

pub use client::Api;
pub use engine::{sync_once, Options, SyncProgress, SyncReport};
pub use error::SyncError;
