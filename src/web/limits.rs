//! Guards against guessing and flooding: wrong join codes per address, joins
//! per address and session, messages per socket.

use super::error::ApiError;
pub use crate::config::JoinPolicy;
use crate::error_code::ErrorCode;
use dashmap::DashMap;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU32, Ordering};
use tokio::time::Instant;
use uuid::Uuid;

#[derive(Debug, Clone, Copy)]
struct Record {
    since: Instant,
    failures: u32,
    blocked_until: Option<Instant>,
}

/// Wrong join codes per address. Only failures count, so a whole room joining
/// through one wifi address is never slowed; guessing is.
#[derive(Debug, Default)]
pub struct JoinGuard {
    policy: JoinPolicy,
    records: DashMap<IpAddr, Record>,
}

impl JoinGuard {
    /// A guard with this policy.
    pub fn new(policy: JoinPolicy) -> JoinGuard {
        JoinGuard {
            policy,
            records: DashMap::new(),
        }
    }

    /// Before a join: refuses a blocked address, and slows a suspicious one.
    pub async fn admit(&self, ip: IpAddr) -> Result<(), ApiError> {
        let now = Instant::now();
        let (failures, blocked) = match self.records.get(&ip).map(|r| *r) {
            Some(r)
                if now.duration_since(r.since) <= self.policy.window
                    || r.blocked_until.is_some_and(|b| b > now) =>
            {
                (r.failures, r.blocked_until.filter(|b| *b > now))
            }
            _ => (0, None),
        };
        if let Some(until) = blocked {
            let minutes = until.duration_since(now).as_secs().div_ceil(60);
            return Err(ApiError::new(
                ErrorCode::RateLimited,
                format!("too many wrong codes from this address; try again in {minutes} minutes"),
            ));
        }
        if failures >= self.policy.slow_after {
            tokio::time::sleep(self.policy.delay).await;
        }
        Ok(())
    }

    /// After a wrong code.
    pub fn failed(&self, ip: IpAddr) {
        let now = Instant::now();
        let mut entry = self.records.entry(ip).or_insert(Record {
            since: now,
            failures: 0,
            blocked_until: None,
        });
        if now.duration_since(entry.since) > self.policy.window
            && entry.blocked_until.is_none_or(|b| b <= now)
        {
            *entry = Record {
                since: now,
                failures: 0,
                blocked_until: None,
            };
        }
        entry.failures += 1;
        if entry.failures >= self.policy.block_after {
            entry.blocked_until = Some(now + self.policy.block);
        }
    }
}

/// How many people one address may bring into one session: a full room of
/// phones on the venue's wifi joins well within it; a script cannot fill the
/// session with made-up people.
pub struct JoinBudget {
    limiter: DefaultKeyedRateLimiter<(IpAddr, Uuid)>,
    /// Joins since the limiter last forgot addresses that went quiet.
    since_pruned: AtomicU32,
}

impl JoinBudget {
    /// `per_minute` joins per address and session, all of them at once if need be.
    pub fn new(per_minute: u32) -> JoinBudget {
        let n = NonZeroU32::new(per_minute.max(1)).expect("at least one");
        JoinBudget {
            limiter: RateLimiter::keyed(Quota::per_minute(n)),
            since_pruned: AtomicU32::new(0),
        }
    }

    /// Takes one join from the address's budget for the session, or says to wait.
    pub fn take(&self, ip: IpAddr, session: Uuid) -> Result<(), ApiError> {
        // Forget keys whose budget is full again now and then, so the map
        // holds only addresses that joined in the last minute.
        if self.since_pruned.fetch_add(1, Ordering::Relaxed) >= 1024 {
            self.since_pruned.store(0, Ordering::Relaxed);
            self.limiter.retain_recent();
        }
        self.limiter.check_key(&(ip, session)).map_err(|_| {
            ApiError::new(
                ErrorCode::RateLimited,
                "too many people have joined from this address in the last minute; wait a minute and try again",
            )
        })
    }
}

/// A token bucket for one socket's messages.
#[derive(Debug)]
pub struct MessageBucket {
    tokens: f64,
    capacity: f64,
    per_second: f64,
    last: Instant,
}

impl MessageBucket {
    /// Allows `per_second` on average and bursts up to `burst`.
    pub fn new(per_second: f64, burst: f64) -> MessageBucket {
        MessageBucket {
            tokens: burst,
            capacity: burst,
            per_second,
            last: Instant::now(),
        }
    }

    /// Takes a token if there is one.
    pub fn take(&mut self) -> bool {
        let now = Instant::now();
        let refill = now.duration_since(self.last).as_secs_f64() * self.per_second;
        self.tokens = (self.tokens + refill).min(self.capacity);
        self.last = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test(start_paused = true)]
    async fn guessing_is_slowed_then_refused_and_forgiven_later() {
        let guard = JoinGuard::new(JoinPolicy {
            window: Duration::from_secs(60),
            slow_after: 2,
            delay: Duration::from_secs(1),
            block_after: 4,
            block: Duration::from_secs(300),
        });
        let ip: IpAddr = "10.0.0.7".parse().unwrap();
        let other: IpAddr = "10.0.0.8".parse().unwrap();
        for _ in 0..2 {
            guard.admit(ip).await.unwrap();
            guard.failed(ip);
        }
        let before = Instant::now();
        guard.admit(ip).await.unwrap();
        assert!(
            Instant::now() - before >= Duration::from_secs(1),
            "slowed after 2 failures"
        );
        guard.failed(ip);
        guard.failed(ip);
        assert_eq!(guard.admit(ip).await.unwrap_err().code, "rate_limited");
        guard.admit(other).await.unwrap();
        tokio::time::advance(Duration::from_secs(301)).await;
        guard.admit(ip).await.unwrap();
    }

    #[test]
    fn a_join_budget_is_per_address_and_session() {
        let budget = JoinBudget::new(3);
        let (ip, other_ip): (IpAddr, IpAddr) =
            ("10.0.0.7".parse().unwrap(), "10.0.0.8".parse().unwrap());
        let (s, t) = (Uuid::new_v4(), Uuid::new_v4());
        assert!((0..3).all(|_| budget.take(ip, s).is_ok()));
        assert_eq!(budget.take(ip, s).unwrap_err().code, "rate_limited");
        assert!(
            budget.take(ip, t).is_ok(),
            "another session has its own budget"
        );
        assert!(budget.take(other_ip, s).is_ok(), "another address too");
    }

    #[tokio::test(start_paused = true)]
    async fn a_bucket_allows_a_burst_then_the_rate() {
        let mut bucket = MessageBucket::new(10.0, 5.0);
        assert_eq!((0..8).filter(|_| bucket.take()).count(), 5);
        tokio::time::advance(Duration::from_millis(300)).await;
        assert_eq!((0..8).filter(|_| bucket.take()).count(), 3);
    }
}
