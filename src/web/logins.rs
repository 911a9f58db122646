//! Facilitator log-ins: logging in with the key starts a login session on
//! the server, and the console's cookie carries only its random id, never the
//! key. A login ends at logout, after 12 hours without use, or when the
//! server restarts (the facilitator logs in again).

use dashmap::DashMap;
use std::time::{Duration, Instant};

/// How long a login lasts without use.
pub const IDLE: Duration = Duration::from_secs(12 * 60 * 60);

/// The logins open now, by id, with when each was last used.
#[derive(Debug, Default)]
pub struct Logins {
    open: DashMap<String, Instant>,
}

impl Logins {
    /// Starts a login; returns its id for the cookie (256 random bits).
    pub fn start(&self) -> String {
        let now = Instant::now();
        self.open.retain(|_, last| now.duration_since(*last) < IDLE);
        let id = format!(
            "{}{}",
            uuid::Uuid::new_v4().simple(),
            uuid::Uuid::new_v4().simple()
        );
        self.open.insert(id.clone(), now);
        id
    }

    /// Whether `id` is an open login; using it keeps it open.
    pub fn check(&self, id: &str) -> bool {
        let now = Instant::now();
        match self.open.get_mut(id) {
            Some(mut last) if now.duration_since(*last) < IDLE => {
                *last = now;
                true
            }
            Some(_) => {
                self.open.remove(id);
                false
            }
            None => false,
        }
    }

    /// Ends a login.
    pub fn end(&self, id: &str) {
        self.open.remove(id);
    }
}
