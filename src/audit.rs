//! `DATA_DIR/audit.log`: what was deleted, when and by whom, one JSON line
//! each, kept so a council can show its processor deleted what it asked. It
//! holds ids and kinds of things only, never a name or anything said.

use serde::Serialize;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The audit log of one data folder.
#[derive(Debug)]
pub struct AuditLog {
    path: PathBuf,
    writing: Mutex<()>,
}

/// One line of the log.
#[derive(Debug, Serialize)]
pub struct Entry<'a> {
    /// When.
    pub at: jiff::Timestamp,
    /// Who: `facilitator` (the key's holder), or `retention` for automatic deletion.
    pub by: &'a str,
    /// What was done: `deleted`.
    pub action: &'a str,
    /// What kind of thing: `session`, `series`.
    pub what: &'a str,
    /// Its id.
    pub id: String,
    /// What went with it, in words (`transcript and pseudonym secret`).
    pub removed: &'a str,
}

impl AuditLog {
    /// The log in `data_dir` (made on the first entry).
    pub fn new(data_dir: &Path) -> AuditLog {
        AuditLog {
            path: data_dir.join("audit.log"),
            writing: Mutex::new(()),
        }
    }

    /// Appends an entry, durably.
    pub fn record(&self, entry: &Entry) -> io::Result<()> {
        let _one_writer = self.writing.lock().unwrap_or_else(|p| p.into_inner());
        let line = serde_json::to_vec(entry).map_err(io::Error::other)?;
        crate::durable::append_line(&self.path, &line, true)
    }
}
