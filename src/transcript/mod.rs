//! Transcripts: every session as an append-only JSONL file, and its replay.
//!
//! `DATA_DIR/sessions/<uuid>.jsonl` holds a header line, then one [`Record`]
//! per line. The file is the storage: state is rebuilt by folding its records.

mod file;
mod group_sync;
mod parse;

pub use file::{read_secret, FileStore};
pub use group_sync::Pending;
pub use parse::{parse, replay, Parsed, ReplayError};

use crate::session::{Record, SessionInfo};
use serde::{Deserialize, Serialize};
use std::io;
use uuid::Uuid;

/// The transcript format this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// The first line of every transcript.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// Format version, so a future build can read old files.
    pub topteam_transcript: u32,
    /// The session, including a snapshot of its workshop script.
    pub session: SessionInfo,
}

/// The series a transcript's first line names, however damaged the rest.
pub fn series_of(bytes: &[u8]) -> Option<Uuid> {
    let first = bytes.split(|&b| b == b'\n').next()?;
    serde_json::from_slice::<Header>(first)
        .ok()
        .map(|h| h.session.series)
}

/// A transcript found on disk at start-up.
#[derive(Debug)]
pub struct Found {
    /// Which session file it is.
    pub id: Uuid,
    /// Its parsed contents, or why it cannot be used.
    pub parsed: Result<Parsed, ReplayError>,
}

/// Where transcripts live. Behind a trait so a database backend can follow.
/// Calls block (run them on the blocking pool), except a writer's
/// `append`, which hands its work to the store's own thread.
pub trait TranscriptStore: Send + Sync + 'static {
    /// Starts a new transcript with its header, durably.
    fn create(&self, info: &SessionInfo) -> io::Result<Box<dyn TranscriptWriter>>;
    /// Reopens an existing transcript for appending after replay; `good_len` is
    /// where its last whole line ends (anything after is cut off).
    fn reopen(&self, id: Uuid, good_len: u64) -> io::Result<Box<dyn TranscriptWriter>>;
    /// Every stored session, in id order.
    fn list(&self) -> io::Result<Vec<Uuid>>;
    /// Reads and parses one transcript.
    fn load(&self, id: Uuid) -> Found;
    /// The raw bytes of one transcript.
    fn read_raw(&self, id: Uuid) -> io::Result<Vec<u8>>;
    /// Deletes a session's transcript and secret, durably (the folder synced).
    fn delete(&self, id: Uuid) -> io::Result<()>;
    /// Makes a new session's pseudonym secret, durably. It is kept apart from
    /// the transcript so that exporting a transcript never exports it.
    fn create_secret(&self, id: Uuid) -> io::Result<crate::secrets::SessionSecret>;
    /// Reads a session's pseudonym secret. A missing or damaged secret is an
    /// error naming the file, never silently replaced: new pseudonyms would
    /// count every earlier anonymous voter again.
    fn secret(&self, id: Uuid) -> io::Result<crate::secrets::SessionSecret>;
    /// Syncs made so far and the appends they made durable, for `/metrics`.
    fn sync_counts(&self) -> (u64, u64) {
        (0, 0)
    }
    /// The transcript's length and when it last changed.
    fn stamp(&self, id: Uuid) -> io::Result<Stamp>;
    /// The summary kept beside a transcript, and the stamp the transcript
    /// had when it was made; `None` when there is none or it cannot be read.
    fn read_summary(&self, id: Uuid) -> Option<(Stamp, crate::session::SessionSummary)>;
    /// Keeps `summary` beside the transcript, made when it had `stamp`. A
    /// cache: written whole or not at all, never synced (a lost one is made
    /// again from the transcript).
    fn write_summary(
        &self,
        id: Uuid,
        stamp: Stamp,
        summary: &crate::session::SessionSummary,
    ) -> io::Result<()>;
}

/// A transcript's length and the time it last changed: a summary made from
/// it holds while both are the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    /// Its length in bytes.
    pub bytes: u64,
    /// When it last changed, in seconds since 1970.
    pub modified_s: u64,
    /// And nanoseconds past that second.
    pub modified_ns: u32,
}

/// Appends records to one transcript.
pub trait TranscriptWriter: Send {
    /// Starts appending the records; the answer comes once they are durable
    /// (synced), with the bytes written. On error nothing of this batch
    /// remains in the file. Called from the session's task, so it must not
    /// block: a store that syncs hands the work to a thread of its own.
    fn append(&mut self, records: &[Record]) -> Pending;

    /// Rewrites the transcript after an erasure so that no line before it
    /// names the person (`session::core::erasure::scrub`). The copy is kept
    /// only if `check` accepts it as read back (the session task replays it
    /// against the live state); it then replaces the file in one rename.
    /// Returns whether anything had to change.
    fn scrub(&mut self, check: &dyn Fn(&Parsed) -> Result<(), String>) -> io::Result<bool> {
        let _ = check;
        Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "this store cannot rewrite a transcript",
        ))
    }
}

/// An append's answer, already known.
pub fn answered(outcome: io::Result<u64>) -> Pending {
    let (done, pending) = tokio::sync::oneshot::channel();
    let _ = done.send(outcome);
    pending
}

/// Encodes records as JSONL, one line each.
pub fn encode(records: &[Record]) -> Vec<u8> {
    let mut out = Vec::with_capacity(records.len() * 256);
    for record in records {
        // Serialising our own types into memory cannot fail.
        serde_json::to_writer(&mut out, record).expect("records serialise");
        out.push(b'\n');
    }
    out
}
