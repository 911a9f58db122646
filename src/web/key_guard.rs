//! Wrong facilitator keys (bearer keys and the log-in form), throttled per
//! address: past ten wrong keys from one address in a minute, each further
//! wrong key is answered only after a pause, and refused. The right key is
//! never held up: a facilitator behind the same venue address as a guesser
//! (or their own typos) logs in at once. The key is 256 random bits, so
//! letting the right one through tells a guesser nothing they could use.

use super::auth::bearer;
use super::client_ip::ClientIp;
use super::error::ApiError;
use super::AppState;
use crate::error_code::ErrorCode;
use axum::extract::{FromRequestParts, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

/// Wrong keys per address per minute before each further one is slowed.
const WRONG_KEYS_PER_MINUTE: u32 = 10;
/// How long a wrong key over the allowance waits for its answer.
const SLOWED: Duration = Duration::from_secs(1);

/// Counts wrong keys and slows addresses that guess.
pub struct KeyGuard {
    wrong: DefaultKeyedRateLimiter<IpAddr>,
}

impl Default for KeyGuard {
    fn default() -> Self {
        let n = NonZeroU32::new(WRONG_KEYS_PER_MINUTE).expect("not zero");
        // The tenth wrong key within the minute is the first one slowed.
        let burst = NonZeroU32::new(WRONG_KEYS_PER_MINUTE - 1).expect("not zero");
        KeyGuard {
            wrong: RateLimiter::keyed(Quota::per_minute(n).allow_burst(burst)),
        }
    }
}

impl KeyGuard {
    /// A key presented from `ip`: the right one always passes; a wrong one is
    /// counted, and past the minute's allowance answered after a pause with
    /// `Err` (the caller answers a wrong key within it as wrong).
    pub async fn presented(&self, ip: IpAddr, right: bool) -> Result<(), ApiError> {
        if right || self.wrong.check_key(&ip).is_ok() {
            return Ok(());
        }
        self.wrong.retain_recent();
        tokio::time::sleep(SLOWED).await;
        Err(too_many())
    }
}

fn too_many() -> ApiError {
    ApiError::new(
        ErrorCode::RateLimited,
        "too many wrong facilitator keys from this address; check the key (the right one still works) or wait a minute",
    )
}

/// Every request that presents a facilitator key: a wrong key is counted and,
/// past the allowance, slowed and refused (within it the route answers 401).
pub async fn guard_keys(State(app): State<AppState>, request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    // Only a key can be guessed: the console's cookie names a login by 256
    // random bits, which the route itself checks.
    let presented = bearer(&parts.headers).map(str::to_owned);
    if let Some(key) = presented {
        let Ok(ClientIp(ip)) = ClientIp::from_request_parts(&mut parts, &app).await;
        let right =
            super::auth::is_the_key(&key, secrecy::ExposeSecret::expose_secret(&app.admin_key));
        if let Err(e) = app.key_guard.presented(ip, right).await {
            return e.into_response();
        }
    }
    next.run(Request::from_parts(parts, body)).await
}
