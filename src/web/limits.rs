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
use std::sync::Arc;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;
use uuid::Uuid;

#[derive(Debug, Clone)]
struct Record {
    since: Instant,
    failures: u32,
    /// Once slowed, the address's attempts take this one turn at a time.
    turn: Arc<Semaphore>,
}

/// Wrong join codes (and invitation tokens) per address. Only failures
/// count, so a whole room joining through one wifi address is never slowed
/// by its own joins. Once an address has given `slow_after` wrong codes in
/// the window, its attempts take turns, one looked up at a time, and a wrong
/// one keeps the turn for `delay`: guessing runs at one code per `delay`,
/// while a right code, waiting at most for the turn, always gets in. Nothing
/// is ever refused outright, so twenty typos in a room never lock the room
/// out of the right code.
#[derive(Debug, Default)]
pub struct JoinGuard {
    policy: JoinPolicy,
    records: DashMap<IpAddr, Record>,
}

/// An attempt's turn: held while its code is looked up; a wrong code keeps
/// it (and so holds up the address's next guess) for the delay.
pub struct Turn {
    permit: Option<OwnedSemaphorePermit>,
    delay: std::time::Duration,
}

impl Turn {
    /// The code was wrong: keep the turn for the delay, if slowed.
    pub async fn wrong(self) {
        if self.permit.is_some() {
            tokio::time::sleep(self.delay).await;
        }
    }
}

impl JoinGuard {
    /// A guard with this policy.
    pub fn new(policy: JoinPolicy) -> JoinGuard {
        JoinGuard {
            policy,
            records: DashMap::new(),
        }
    }

    /// Before looking up a code: an address that has guessed waits its turn.
    pub async fn turn(&self, ip: IpAddr) -> Turn {
        let now = Instant::now();
        let gate = self
            .records
            .get(&ip)
            .filter(|r| {
                now.duration_since(r.since) <= self.policy.window
                    && r.failures >= self.policy.slow_after
            })
            .map(|r| r.turn.clone());
        let permit = match gate {
            Some(gate) => gate.acquire_owned().await.ok(),
            None => None,
        };
        Turn {
            permit,
            delay: self.policy.delay,
        }
    }

    /// After a wrong code.
    pub fn failed(&self, ip: IpAddr) {
        let now = Instant::now();
        let fresh = || Record {
            since: now,
            failures: 0,
            turn: Arc::new(Semaphore::new(1)),
        };
        let mut entry = self.records.entry(ip).or_insert_with(fresh);
        if now.duration_since(entry.since) > self.policy.window {
            // A new window, the same turn: attempts waiting keep their places.
            entry.since = now;
            entry.failures = 0;
        }
        entry.failures += 1;
    }
}

/// Phones' websockets open from each address, capped: a council's whole
/// room behind one venue address fits well within the cap; one machine
/// cannot take every connection the server has.
#[derive(Debug, Default)]
pub struct AddressSockets {
    open: dashmap::DashMap<IpAddr, usize>,
}

/// One socket counted against its address until dropped.
#[derive(Debug)]
pub struct AddressSlot {
    sockets: std::sync::Arc<AddressSockets>,
    address: IpAddr,
}

impl AddressSockets {
    /// A slot for one more socket from `address`, if it has fewer than `max`.
    pub fn take(
        sockets: &std::sync::Arc<AddressSockets>,
        address: IpAddr,
        max: usize,
    ) -> Option<AddressSlot> {
        let mut open = sockets.open.entry(address).or_insert(0);
        if *open >= max {
            return None;
        }
        *open += 1;
        Some(AddressSlot {
            sockets: sockets.clone(),
            address,
        })
    }

    /// The most sockets any one address has open now (for `/metrics`).
    pub fn busiest(&self) -> usize {
        self.open.iter().map(|e| *e.value()).max().unwrap_or(0)
    }
}

impl Drop for AddressSlot {
    fn drop(&mut self) {
        // Gone at zero, so addresses seen once are not kept for ever.
        self.sockets.open.remove_if_mut(&self.address, |_, open| {
            *open -= 1;
            *open == 0
        });
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

    /// One attempt from `ip` with a wrong code; returns when it is answered.
    async fn wrong_attempt(guard: &JoinGuard, ip: IpAddr) -> Instant {
        let turn = guard.turn(ip).await;
        guard.failed(ip);
        turn.wrong().await;
        Instant::now()
    }

    #[tokio::test(start_paused = true)]
    async fn wrong_codes_take_turns_and_are_slowed_but_the_right_one_is_never_refused() {
        let guard = JoinGuard::new(JoinPolicy {
            window: Duration::from_secs(60),
            slow_after: 2,
            delay: Duration::from_secs(1),
        });
        let ip: IpAddr = "10.0.0.7".parse().unwrap();
        let other: IpAddr = "10.0.0.8".parse().unwrap();
        let start = Instant::now();
        for _ in 0..2 {
            wrong_attempt(&guard, ip).await;
        }
        assert_eq!(Instant::now(), start, "the first two are not slowed");
        // Slowed: two wrong codes at once are answered a delay apart.
        let (a, b) = tokio::join!(wrong_attempt(&guard, ip), wrong_attempt(&guard, ip));
        assert_eq!(a.max(b) - start, Duration::from_secs(2), "one at a time");
        // A right code waits only for the turn, and is never refused.
        let before = Instant::now();
        let right = async {
            tokio::task::yield_now().await;
            let _turn = guard.turn(ip).await;
            Instant::now()
        };
        let (wrong, right) = tokio::join!(wrong_attempt(&guard, ip), right);
        assert_eq!(right, wrong, "after the wrong one's turn, at once");
        assert_eq!(right - before, Duration::from_secs(1));
        let elsewhere = Instant::now();
        let _turn = guard.turn(other).await;
        assert_eq!(Instant::now(), elsewhere, "another address is not slowed");
        // A new window forgives.
        tokio::time::advance(Duration::from_secs(61)).await;
        let fresh = Instant::now();
        wrong_attempt(&guard, ip).await;
        assert_eq!(Instant::now(), fresh);
    }

    #[test]
    fn sockets_are_capped_per_address_and_given_back_when_closed() {
        let sockets = std::sync::Arc::new(AddressSockets::default());
        let venue: IpAddr = [10, 0, 0, 1].into();
        let other: IpAddr = [10, 0, 0, 2].into();
        let held: Vec<_> = (0..3)
            .map(|_| AddressSockets::take(&sockets, venue, 3).expect("within the cap"))
            .collect();
        assert!(
            AddressSockets::take(&sockets, venue, 3).is_none(),
            "a fourth"
        );
        assert!(
            AddressSockets::take(&sockets, other, 3).is_some(),
            "per address"
        );
        assert_eq!(sockets.busiest(), 3);
        drop(held);
        assert_eq!(sockets.busiest(), 0);
        assert!(sockets.open.is_empty(), "nothing kept for a quiet address");
        assert!(AddressSockets::take(&sockets, venue, 3).is_some());
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
