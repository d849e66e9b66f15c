//! Who is calling: the bearer token names a member of one account, with a role. Every route
//! behind this middleware reads and writes that account's data only, so a token can reach
//! no other account's rows, whatever ids it sends.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

use crate::store::{Account, By, Member, Role, Store, SANDBOX_ACCOUNT};
use crate::{now, problem, Server};

/// The header a desktop names itself by (a UUID it made once); optional.
pub const DEVICE_HEADER: &str = "zayava-device";

/// The member behind this request, and the desktop they said they use.
#[derive(Debug, Clone)]
pub struct Caller {
    pub member: Member,
    pub device: Option<String>,
}

impl Caller {
    pub fn account(&self, store: &Store) -> Account {
        store.account(&self.member.account_id)
    }

    pub fn by(&self) -> By {
        By { member: self.member.name.clone(), device: self.device.clone() }
    }

    /// A reader's change is refused whole, before anything is read.
    pub fn refuse_edit(&self) -> Option<Response> {
        (!self.member.role.may_edit()).then(|| problem(StatusCode::FORBIDDEN, "Read only", "this user may read the account's data but not change it; an admin can give them the editor role"))
    }
}

/// The token of an `Authorization: Bearer …` header; the scheme's name is case-insensitive
/// (RFC 9110, 11.1), and one or more spaces may follow it.
pub fn bearer(value: &str) -> Option<&str> {
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim_start_matches(' '))
}

/// The device id sent, if any: 1 to 64 printable ASCII characters, or `Err` (refused).
fn device(req: &Request) -> Result<Option<String>, ()> {
    let Some(v) = req.headers().get(DEVICE_HEADER) else { return Ok(None) };
    let v = v.as_bytes();
    if v.is_empty() || v.len() > 64 || !v.iter().all(u8::is_ascii_graphic) {
        return Err(());
    }
    Ok(Some(String::from_utf8_lossy(v).into_owned()))
}

pub async fn authorised(State(server): State<Server>, mut req: Request, next: Next) -> Response {
    let given = req.headers().get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(bearer).filter(|t| !t.is_empty());
    let member = match given {
        None => None,
        Some(t) if server.sandbox_token.as_deref() == Some(t) => Some(Member { account_id: SANDBOX_ACCOUNT.into(), account: SANDBOX_ACCOUNT.into(), name: "sandbox".into(), role: Role::Admin }),
        Some(t) => match server.store.member_by_token(t, &now()).await {
            Ok(m) => m,
            Err(e) => return server.storage_failed(e),
        },
    };
    let Some(member) = member else {
        let mut r = problem(StatusCode::UNAUTHORIZED, "Unauthorized", "a valid bearer token is required: this one is unknown, revoked or expired");
        r.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        return r;
    };
    let Ok(device) = device(&req) else {
        return problem(StatusCode::BAD_REQUEST, "Bad device id", "Zayava-Device: 1 to 64 printable ASCII characters, no spaces");
    };
    req.extensions_mut().insert(Caller { member, device });
    next.run(req).await
}
