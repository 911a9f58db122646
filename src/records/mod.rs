//! The council's records taken away on request, total or not at all:
//! erasing a person from a series ([`erasure`]), deleting a session or a
//! series ([`deletion`]), and retention's purge of old series. The web layer
//! and the command line both call these; each change goes through the live
//! sessions, the series book and the audit log, and none happens while a
//! transcript it might touch cannot be read.

pub mod deletion;
pub mod erasure;

use crate::audit::AuditLog;
use crate::erasures::Journal;
use crate::error_code::ErrorCode;
use crate::live::registry::Sessions;
use crate::live::SessionError;
use crate::series::SeriesBook;

/// What erasing, deleting and retention reach.
#[derive(Clone, Copy)]
pub struct Records<'a> {
    /// The live sessions (every transcript replayed).
    pub sessions: &'a Sessions,
    /// The series and their rosters (shared with the blocking tasks that
    /// rewrite their files).
    pub series: &'a std::sync::Arc<SeriesBook>,
    /// Erasures begun and not finished.
    pub erasures: &'a Journal,
    /// What was deleted or erased, when and by whom.
    pub audit: &'a AuditLog,
    /// One of these at a time: each reads a series as the last one left it,
    /// and making a session in a series takes it too, so none is missed.
    pub lock: &'a tokio::sync::Mutex<()>,
}

/// Why an erasure or deletion did not happen, and that nothing changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordsError {
    /// The stable code clients match on.
    pub code: ErrorCode,
    /// What happened and what to do, for people.
    pub message: String,
}

impl RecordsError {
    /// An error with this code and message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> RecordsError {
        RecordsError {
            code,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for RecordsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<SessionError> for RecordsError {
    fn from(e: SessionError) -> RecordsError {
        match e {
            SessionError::Rejected(r) => RecordsError::new(r.code(), r.to_string()),
            e => RecordsError::new(e.code(), e.to_string()),
        }
    }
}
