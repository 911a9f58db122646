//! Who is asking: the facilitator key, participant tokens, and the Origin check.

use super::error::ApiError;
use crate::error_code::ErrorCode;
use axum::http::{header, HeaderMap};
use axum_extra::extract::cookie::{Cookie, SameSite};

use sha2::{Digest, Sha256};
use uuid::Uuid;

/// Cookie that carries the facilitator key (HttpOnly, set by the console login).
pub const ADMIN_COOKIE: &str = "topteam_admin";

/// The participant cookie for one session, so a phone can be in two sessions.
pub fn participant_cookie(session: Uuid) -> String {
    format!("tt_{}", session.simple())
}

/// A value from the `Cookie` header.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    cookies(headers).find(|(k, _)| *k == name).map(|(_, v)| v)
}

/// Every `name=value` pair of the `Cookie` headers, borrowed from them.
/// (axum-extra's `CookieJar` makes the cookies this server sets; reading
/// needs only this, and borrowing lets a token be checked without a copy.)
fn cookies(headers: &HeaderMap) -> impl Iterator<Item = (&str, &str)> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
}

/// The console's cookie: the key, for 12 hours, never sent cross-site.
pub fn admin_cookie(login: &str, secure: bool) -> Cookie<'static> {
    Cookie::build((ADMIN_COOKIE, login.to_string()))
        .path("/")
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Strict)
        .max_age(cookie::time::Duration::hours(12))
        .build()
}

/// The console's cookie, cleared.
pub fn admin_cookie_cleared() -> Cookie<'static> {
    let mut cookie = admin_cookie("", false);
    cookie.make_removal();
    cookie
}

/// A participant's cookie for one session: their token, for a day.
pub fn participant_cookie_of(session: Uuid, token: &str) -> Cookie<'static> {
    Cookie::build((participant_cookie(session), token.to_string()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .max_age(cookie::time::Duration::days(1))
        .build()
}

/// The bearer token of the `Authorization` header.
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

/// Checks for the facilitator: the key in `Authorization: Bearer` (programs),
/// or the console's cookie naming an open login (browsers; see `logins`).
pub fn require_facilitator(headers: &HeaderMap, app: &super::AppState) -> Result<(), ApiError> {
    if let Some(key) = bearer(headers) {
        return if is_the_key(key, secrecy::ExposeSecret::expose_secret(&app.admin_key)) {
            Ok(())
        } else {
            Err(ApiError::unauthorized())
        };
    }
    match cookie(headers, ADMIN_COOKIE) {
        Some(login) if app.logins.check(login) => Ok(()),
        _ => Err(ApiError::unauthorized()),
    }
}

/// The facilitator, proved by the key (`Authorization: Bearer`) or the
/// console's login cookie: a handler that takes it answers anyone else 401
/// `unauthorized` before it runs.
pub struct Facilitator;

impl axum::extract::FromRequestParts<super::AppState> for Facilitator {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        app: &super::AppState,
    ) -> Result<Facilitator, ApiError> {
        require_facilitator(&parts.headers, app).map(|()| Facilitator)
    }
}

/// Whether `presented` is the facilitator key (in constant time).
pub fn is_the_key(presented: &str, key: &str) -> bool {
    crate::secrets::same(presented.trim().as_bytes(), key.as_bytes())
}

/// A new participant token, `<participant id>.<secret>`, and the hash kept in the transcript.
pub fn new_participant_token(participant: Uuid) -> (String, String) {
    let secret = crate::secrets::hex_secret::<32>();
    let token = format!("{participant}.{secret}");
    let hash = hash_token(&token);
    (token, hash)
}

/// SHA-256 of a token, hex.
pub fn hash_token(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The participant a token claims to be, and its hash to check.
pub fn parse_participant_token(token: &str) -> Option<(Uuid, String)> {
    let (id, secret) = token.split_once('.')?;
    if secret.is_empty() || token.len() > 200 {
        return None;
    }
    Some((id.parse().ok()?, hash_token(token)))
}

/// The participant this browser's cookie proves to be in the session, as the
/// session stands now (never someone removed), with the token itself. The
/// phone page and joining again both ask this; sockets are checked inside
/// the session task, against the same token hash.
pub fn participant_by_cookie(
    handle: &crate::live::SessionHandle,
    headers: &HeaderMap,
) -> Option<(crate::session::Participant, String)> {
    let token = cookie(headers, &participant_cookie(handle.info().id))?;
    let (id, hash) = parse_participant_token(token)?;
    let me = handle
        .state()
        .participant(&id)
        .filter(|p| p.present() && p.token_matches(&hash))?
        .clone();
    Some((me, token.to_string()))
}

/// A random facilitator key: 64 hex digits, 256 bits.
pub fn new_admin_key() -> String {
    crate::secrets::hex_secret::<32>()
}

/// When a browser sends an `Origin`, it must name this server's own host, so a
/// page elsewhere cannot open sockets with a participant's cookie.
pub fn check_origin(headers: &HeaderMap) -> Result<(), ApiError> {
    match headers.get(header::ORIGIN) {
        None => Ok(()),
        Some(origin) => same_host(headers, origin.to_str().ok()),
    }
}

/// A state-changing request that a cookie authenticates must show where it
/// came from: its `Origin` (or, failing that, its `Referer`) must be this
/// server. A page on another site, even another port of this host, cannot
/// make the facilitator's browser end a session.
pub fn check_cookie_request_origin(headers: &HeaderMap) -> Result<(), ApiError> {
    let named = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .and_then(|v| v.to_str().ok());
    match named {
        None => Err(bad_origin()),
        Some(url) => same_host(headers, Some(url)),
    }
}

/// Whether the request carries a cookie this server authenticates with: the
/// console's, or a participant's.
pub fn has_auth_cookie(headers: &HeaderMap) -> bool {
    cookies(headers).any(|(k, _)| k == ADMIN_COOKIE || k.starts_with("tt_"))
}

/// `url` (an Origin or Referer) names the host the request was sent to.
fn same_host(headers: &HeaderMap, url: Option<&str>) -> Result<(), ApiError> {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let url_host = url
        .and_then(|o| o.split_once("://"))
        .map(|(_, rest)| rest.split('/').next().unwrap_or(rest));
    match (url_host, host) {
        (Some(o), Some(h)) if o.eq_ignore_ascii_case(h) => Ok(()),
        _ => Err(bad_origin()),
    }
}

fn bad_origin() -> ApiError {
    ApiError::new(
        ErrorCode::BadOrigin,
        "this request must come from topteam's own pages, not another site",
    )
}

/// The cookie a review link sets.
pub const REVIEW_COOKIE: &str = "topteam_review";

/// Who may read review pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// The facilitator: every series.
    Facilitator,
    /// A review link's holder: this series only.
    Series(Uuid),
}

impl Reader {
    /// Whether this reader may read `series`.
    pub fn may_read(self, series: Uuid) -> bool {
        match self {
            Reader::Facilitator => true,
            Reader::Series(s) => s == series,
        }
    }
}

/// A handler that takes a `Reader` answers anyone else 401 `unauthorized`
/// before it runs (the exports); one that takes `Option<Reader>` decides
/// itself (the review pages send them to log in).
impl axum::extract::FromRequestParts<super::AppState> for Reader {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        app: &super::AppState,
    ) -> Result<Reader, ApiError> {
        reader(&parts.headers, app).ok_or_else(ApiError::unauthorized)
    }
}

impl axum::extract::OptionalFromRequestParts<super::AppState> for Reader {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        app: &super::AppState,
    ) -> Result<Option<Reader>, std::convert::Infallible> {
        Ok(reader(&parts.headers, app))
    }
}

/// The reader a request comes from, if any.
fn reader(headers: &HeaderMap, app: &super::AppState) -> Option<Reader> {
    if require_facilitator(headers, app).is_ok() {
        return Some(Reader::Facilitator);
    }
    let token = cookie(headers, REVIEW_COOKIE)?;
    app.series
        .series_for_token(token, crate::time::now())
        .map(Reader::Series)
}
