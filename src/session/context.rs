//! What `decide` may know beyond the state: the time, and how to make pseudonyms.
//!
//! Both are given, never fetched, so deciding stays pure and testable.

use super::ParticipantId;
use sha2::{Digest, Sha256};
use std::time::SystemTime;
use uuid::Uuid;

/// The world as `decide` sees it for one batch.
#[derive(Debug, Clone)]
pub struct Context {
    /// Now.
    pub now: SystemTime,
    /// Makes anonymous voters' pseudonyms.
    pub pseudonyms: Pseudonyms,
}

impl Context {
    /// A context at `now` with this session's pseudonym secret.
    pub fn new(now: SystemTime, pseudonyms: Pseudonyms) -> Context {
        Context { now, pseudonyms }
    }

    /// Now, as RFC 3339 with milliseconds.
    pub fn now_rfc3339(&self) -> String {
        humantime::format_rfc3339_millis(self.now).to_string()
    }
}

/// Turns a participant id into a stable per-session pseudonym.
///
/// The secret lives beside the transcript, never in it, so the transcript of
/// an anonymous activity links ballots to pseudonyms that nobody holding only
/// the transcript can turn back into names.
#[derive(Clone)]
pub struct Pseudonyms {
    secret: [u8; 32],
}

impl std::fmt::Debug for Pseudonyms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pseudonyms(..)")
    }
}

impl Pseudonyms {
    /// From a session's secret.
    pub fn new(secret: [u8; 32]) -> Pseudonyms {
        Pseudonyms { secret }
    }

    /// The participant's pseudonym in this session.
    pub fn of(&self, participant: ParticipantId) -> ParticipantId {
        let mut hash = Sha256::new();
        hash.update(self.secret);
        hash.update(participant.as_bytes());
        let digest = hash.finalize();
        let mut bytes = [0u8; 16];
        bytes.copy_from_slice(&digest[..16]);
        Uuid::from_bytes(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudonyms_are_stable_per_session_and_differ_between_sessions() {
        let p = Uuid::new_v4();
        let a = Pseudonyms::new([1; 32]);
        let b = Pseudonyms::new([2; 32]);
        assert_eq!(a.of(p), a.of(p));
        assert_ne!(a.of(p), b.of(p));
        assert_ne!(a.of(p), p);
    }
}
