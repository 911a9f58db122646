//! What `decide` may know beyond the state: the time, and how to make pseudonyms.
//!
//! Both are given, never fetched, so deciding stays pure and testable.

use super::{ParticipantId, Rejection};
use crate::secrets::SessionSecret;
use std::time::SystemTime;
use uuid::Uuid;

/// The world as `decide` sees it for one batch.
#[derive(Debug, Clone)]
pub struct Context {
    /// Now.
    pub now: SystemTime,
    /// Makes anonymous voters' pseudonyms.
    pub pseudonyms: Pseudonyms,
    /// Most participants (not counting people removed) the session takes.
    pub max_participants: usize,
}

impl Context {
    /// A context at `now` with this session's pseudonym secret and no cap.
    pub fn new(now: SystemTime, pseudonyms: Pseudonyms) -> Context {
        Context {
            now,
            pseudonyms,
            max_participants: usize::MAX,
        }
    }

    /// The same, taking at most `max` participants.
    pub fn with_max_participants(mut self, max: usize) -> Context {
        self.max_participants = max;
        self
    }

    /// Now, to the millisecond.
    pub fn timestamp(&self) -> jiff::Timestamp {
        crate::time::from_system(self.now)
    }
}

/// Turns a participant id into a stable per-session pseudonym.
///
/// The secret lives beside the transcript, never in it, so the transcript of
/// an anonymous activity links ballots to pseudonyms that nobody holding only
/// the transcript can turn back into names.
#[derive(Clone)]
pub struct Pseudonyms {
    /// `None` when the secret file is missing or unreadable: anonymous
    /// ballots are then refused, never filed under fresh pseudonyms (which
    /// would count every earlier voter twice).
    secret: Option<SessionSecret>,
    /// Why there is no secret, for the console and the log.
    missing: Option<std::sync::Arc<str>>,
}

impl std::fmt::Debug for Pseudonyms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.secret.is_some() {
            "Pseudonyms(..)"
        } else {
            "Pseudonyms(unavailable)"
        })
    }
}

/// Two are equal when they make the same pseudonyms (for comparing states).
impl PartialEq for Pseudonyms {
    fn eq(&self, other: &Pseudonyms) -> bool {
        self.secret == other.secret
    }
}

impl Pseudonyms {
    /// From a session's secret (of whichever scheme it began with).
    pub fn new(secret: SessionSecret) -> Pseudonyms {
        Pseudonyms {
            secret: Some(secret),
            missing: None,
        }
    }

    /// For a session whose secret is lost (`why` names the file): anonymous
    /// ballots are refused.
    pub fn unavailable(why: impl Into<std::sync::Arc<str>>) -> Pseudonyms {
        Pseudonyms {
            secret: None,
            missing: Some(why.into()),
        }
    }

    /// Why pseudonyms cannot be made, if they cannot.
    pub fn missing(&self) -> Option<&str> {
        self.missing.as_deref()
    }

    /// A short id for an anonymous entry such as an idea (`a` and 12 hex
    /// digits), a keyed hash of its author's pseudonym and how many entries
    /// they had given before: stable on replay, and saying nothing of the
    /// order entries came in (a seq-numbered id would, next to the console's
    /// clock). Keyed as "idea", the one kind with entries, when this began.
    pub fn entry_id(
        &self,
        activity: &str,
        author: ParticipantId,
        nth: usize,
    ) -> Result<String, Rejection> {
        let secret = self
            .secret
            .as_ref()
            .ok_or(Rejection::AnonymityUnavailable)?;
        let digest = secret.digest(
            b"idea",
            &[activity.as_bytes(), author.as_bytes(), &nth.to_le_bytes()],
        );
        let hex: String = digest[..6].iter().map(|b| format!("{b:02x}")).collect();
        Ok(format!("a{hex}"))
    }

    /// The participant's pseudonym in this session.
    pub fn of(&self, participant: ParticipantId) -> Result<ParticipantId, Rejection> {
        let secret = self
            .secret
            .as_ref()
            .ok_or(Rejection::AnonymityUnavailable)?;
        let digest = secret.digest(b"", &[participant.as_bytes()]);
        let mut bytes = [0u8; 16];
        bytes.copy_from_slice(&digest[..16]);
        Ok(Uuid::from_bytes(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudonyms_are_stable_per_session_and_differ_between_sessions() {
        let p = Uuid::new_v4();
        let a = Pseudonyms::new(SessionSecret::generate());
        let b = Pseudonyms::new(SessionSecret::generate());
        assert_eq!(a.of(p), a.of(p));
        assert_ne!(a.of(p), b.of(p));
        assert_ne!(a.of(p), Ok(p));
        assert_eq!(
            Pseudonyms::unavailable("gone").of(p),
            Err(Rejection::AnonymityUnavailable)
        );
    }

    #[test]
    fn a_session_made_before_hmac_keeps_its_pseudonyms() {
        use crate::secrets::PseudonymScheme;
        let p: Uuid = "00000000-0000-4000-8000-000000000001".parse().unwrap();
        // Computed by the code that made the first sessions: SHA-256 of the
        // secret and the participant id.
        let old = Pseudonyms::new(SessionSecret::new(PseudonymScheme::Sha256Prefix, [1; 32]));
        assert_eq!(
            old.of(p).unwrap().to_string(),
            "eb20d3fc-fe53-22a3-c135-8c3666530cda"
        );
        assert_eq!(old.entry_id("hopes", p, 2).unwrap(), "a9fe56955c0bf");
        let new = Pseudonyms::new(SessionSecret::new(PseudonymScheme::HmacSha256, [1; 32]));
        assert_ne!(new.of(p), old.of(p));
        assert_ne!(new.entry_id("hopes", p, 2), old.entry_id("hopes", p, 2));
    }
}
