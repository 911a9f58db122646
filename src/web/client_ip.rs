//! Who is asking, for rate limits and logs: the connection's address, or
//! behind a reverse proxy that the operator trusts (`--trust-proxy`), the
//! address the proxy saw, which it appends to `X-Forwarded-For`.

use super::AppState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};

/// The client's address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, Infallible> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::from([0, 0, 0, 0]), |c| c.0.ip());
        if !app.trust_proxy {
            return Ok(ClientIp(peer));
        }
        Ok(ClientIp(forwarded_for(&parts.headers).unwrap_or(peer)))
    }
}

/// The last address in `X-Forwarded-For`: the one our own proxy appended
/// (anything before it came from the client and proves nothing).
fn forwarded_for(headers: &axum::http::HeaderMap) -> Option<IpAddr> {
    let all = headers.get_all("x-forwarded-for");
    let last_header = all.iter().next_back()?.to_str().ok()?;
    last_header.rsplit(',').next()?.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::forwarded_for;
    use axum::http::{HeaderMap, HeaderValue};

    #[test]
    fn the_proxy_s_own_entry_is_the_last_one() {
        let mut headers = HeaderMap::new();
        assert_eq!(forwarded_for(&headers), None);
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("6.6.6.6, 203.0.113.9"),
        );
        assert_eq!(
            forwarded_for(&headers),
            Some("203.0.113.9".parse().unwrap())
        );
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("not an address"),
        );
        assert_eq!(forwarded_for(&headers), None);
    }
}
