//! Wrong facilitator keys (bearer keys and the log-in form), throttled per address: ten wrong keys from one
//! address in a minute and that address may not present a key at all for a
//! minute, right or wrong, so the key cannot be guessed at speed. (A
//! facilitator behind the same venue address waits that minute too.)

use super::auth::bearer;
use super::client_ip::ClientIp;
use super::error::ApiError;
use super::AppState;
use crate::error_code::ErrorCode;
use axum::extract::{FromRequestParts, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use dashmap::DashMap;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::{Duration, Instant};

/// Wrong keys per address per minute before the address is shut out.
const WRONG_KEYS_PER_MINUTE: u32 = 10;
/// How long an address that used them up is shut out.
const SHUT_OUT: Duration = Duration::from_secs(60);

/// Counts wrong keys and shuts out addresses that guess.
pub struct KeyGuard {
    wrong: DefaultKeyedRateLimiter<IpAddr>,
    shut_out: DashMap<IpAddr, Instant>,
}

impl Default for KeyGuard {
    fn default() -> Self {
        let n = NonZeroU32::new(WRONG_KEYS_PER_MINUTE).expect("not zero");
        // The tenth wrong key within the minute is the one that shuts out.
        let burst = NonZeroU32::new(WRONG_KEYS_PER_MINUTE - 1).expect("not zero");
        KeyGuard {
            wrong: RateLimiter::keyed(Quota::per_minute(n).allow_burst(burst)),
            shut_out: DashMap::new(),
        }
    }
}

impl KeyGuard {
    /// Whether `ip` may present a key now.
    pub fn admits(&self, ip: IpAddr) -> Result<(), ApiError> {
        match self.shut_out.get(&ip).map(|until| *until) {
            Some(until) if until > Instant::now() => Err(too_many()),
            Some(_) => {
                self.shut_out.remove(&ip);
                Ok(())
            }
            None => Ok(()),
        }
    }

    /// A wrong key from `ip`: counted, and the address shut out once it has
    /// used up its minute's allowance (`Err` then).
    pub fn wrong_key(&self, ip: IpAddr) -> Result<(), ApiError> {
        if self.wrong.check_key(&ip).is_ok() {
            return Ok(());
        }
        self.shut_out.insert(ip, Instant::now() + SHUT_OUT);
        self.shut_out.retain(|_, until| *until > Instant::now());
        self.wrong.retain_recent();
        Err(too_many())
    }
}

fn too_many() -> ApiError {
    ApiError::new(
        ErrorCode::RateLimited,
        "too many wrong facilitator keys from this address; wait a minute and try again",
    )
}

/// Every request that presents a facilitator key: refused while its address
/// is shut out; a wrong key is counted (the route itself answers 401).
pub async fn guard_keys(State(app): State<AppState>, request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    // Only a key can be guessed: the console's cookie names a login by 256
    // random bits, which the route itself checks.
    let presented = bearer(&parts.headers).map(str::to_owned);
    if let Some(key) = presented {
        let Ok(ClientIp(ip)) = ClientIp::from_request_parts(&mut parts, &app).await;
        if let Err(e) = app.key_guard.admits(ip) {
            return e.into_response();
        }
        if !super::auth::is_the_key(&key, &app.admin_key) {
            if let Err(e) = app.key_guard.wrong_key(ip) {
                return e.into_response();
            }
        }
    }
    next.run(Request::from_parts(parts, body)).await
}
