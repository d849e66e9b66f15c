//! The operator's base address, as typed in Settings: https only, except on this computer
//! (loopback), where the sandbox runs over plain http.

use std::net::IpAddr;

use reqwest::Url;

use crate::SyncError;

/// Checks and normalises a base URL (no trailing slash). Plain http is accepted only for
/// `localhost` and loopback addresses, so a token never crosses a network unencrypted.
pub fn check_base_url(text: &str) -> Result<Url, SyncError> {
    let trimmed = text.trim().trim_end_matches('/');
    // «api.nces.by», as people copy an address from a letter: say what is missing.
    if !trimmed.is_empty() && !trimmed.contains("://") && !trimmed.contains(char::is_whitespace) && trimmed.contains('.') {
        return Err(SyncError::NoScheme(trimmed.to_string()));
    }
    let url = Url::parse(trimmed).map_err(|_| SyncError::BadUrl(trimmed.to_string()))?;
    if url.cannot_be_a_base() || url.host_str().is_none_or(str::is_empty) || !url.username().is_empty() || url.password().is_some() || url.query().is_some() || url.fragment().is_some() {
        return Err(SyncError::BadUrl(trimmed.to_string()));
    }
    match url.scheme() {
        "https" => Ok(url),
        "http" if is_loopback(&url) => Ok(url),
        "http" => Err(SyncError::NotHttps(trimmed.to_string())),
        _ => Err(SyncError::BadUrl(trimmed.to_string())),
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(a)) => IpAddr::V4(a).is_loopback(),
        Some(url::Host::Ipv6(a)) => IpAddr::V6(a).is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_anywhere_http_only_on_loopback() {
        assert!(check_base_url("https://api.nces.by/zayava").is_ok());
        assert!(check_base_url("http://127.0.0.1:8787").is_ok());
        assert!(check_base_url("http://localhost:8787/").is_ok());
        assert!(check_base_url("http://[::1]:8787").is_ok());
        assert!(matches!(check_base_url("http://api.nces.by"), Err(SyncError::NotHttps(_))));
        assert!(matches!(check_base_url("http://10.0.0.1"), Err(SyncError::NotHttps(_))));
        assert!(matches!(check_base_url("http://localhost.evil.example"), Err(SyncError::NotHttps(_))));
    }

    #[test]
    fn refuses_what_is_not_a_plain_base_address() {
        assert!(matches!(check_base_url("api.nces.by/zayava"), Err(SyncError::NoScheme(a)) if a == "api.nces.by/zayava"));
        for bad in ["", "api.nces.by", "ftp://api.nces.by", "https://user:pw@api.nces.by", "https://api.nces.by/?x=1", "file:///etc/passwd", "mailto:a@b.by"] {
            assert!(check_base_url(bad).is_err(), "{bad} was accepted");
        }
    }

    #[test]
    fn trailing_slash_is_dropped() {
        assert_eq!(check_base_url("https://api.nces.by/v/").unwrap().as_str(), "https://api.nces.by/v");
    }
}
