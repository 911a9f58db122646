//! Reading a transcript back: header, records, a torn last line, gaps.

use super::{Header, FORMAT_VERSION};
use crate::session::{Pseudonyms, Record, SessionState};

/// A transcript read from bytes.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The header line.
    pub header: Header,
    /// Every whole record, in order.
    pub records: Vec<Record>,
    /// Byte length up to the end of the last whole line.
    pub good_len: u64,
    /// Why the tail after `good_len` was cut off, if it was (a crash mid-write).
    pub torn: Option<String>,
}

/// Why a transcript cannot be replayed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReplayError {
    /// The file could not be read at all.
    #[error("cannot read the file: {0}")]
    Unreadable(String),
    /// Its records parsed but replaying them panicked: a bug, never the
    /// file's fault, so the file is left untouched and the others go on.
    #[error("replaying its records failed (a bug in topteam; the file is kept as it is)")]
    ReplayPanicked,
    /// The file is empty or its header is unreadable.
    #[error("line 1: not a topteam transcript header: {0}")]
    BadHeader(String),
    /// Written by a newer format.
    #[error("line 1: transcript format {0} is newer than this build reads ({FORMAT_VERSION})")]
    NewerFormat(u32),
    /// A line before the last is not a record.
    #[error("line {line}: not a record: {reason}")]
    CorruptLine {
        /// 1-based line number.
        line: usize,
        /// What the parser said.
        reason: String,
    },
    /// A record's seq is not one more than the one before.
    #[error("line {line}: seq {found} where {expected} was expected")]
    SeqGap {
        /// 1-based line number.
        line: usize,
        /// The seq that should be there.
        expected: u64,
        /// The seq found.
        found: u64,
    },
}

/// Parses a transcript. A bad *last* line is a torn write and is reported in
/// [`Parsed::torn`], never an error; anything wrong earlier is an error.
pub fn parse(bytes: &[u8]) -> Result<Parsed, ReplayError> {
    let mut lines = split_lines(bytes);
    let (first, first_end, first_whole) = lines
        .next()
        .ok_or_else(|| ReplayError::BadHeader("the file is empty".into()))?;
    if !first_whole {
        return Err(ReplayError::BadHeader(
            "the header line is incomplete".into(),
        ));
    }
    let header: Header =
        serde_json::from_slice(first).map_err(|e| ReplayError::BadHeader(e.to_string()))?;
    if header.topteam_transcript > FORMAT_VERSION {
        return Err(ReplayError::NewerFormat(header.topteam_transcript));
    }
    let mut records = Vec::new();
    let mut good_len = first_end as u64;
    let mut torn = None;
    let mut lines = lines.enumerate().peekable();
    while let Some((i, (line, end, whole))) = lines.next() {
        let line_no = i + 2;
        let is_last = lines.peek().is_none();
        let parsed = if whole {
            serde_json::from_slice::<Record>(line).map_err(|e| e.to_string())
        } else {
            Err("the line has no end (a write was cut short)".to_string())
        };
        match parsed {
            Ok(record) => {
                let expected = records.last().map_or(1, |r: &Record| r.seq + 1);
                if record.seq != expected {
                    return Err(ReplayError::SeqGap {
                        line: line_no,
                        expected,
                        found: record.seq,
                    });
                }
                records.push(record);
                good_len = end as u64;
            }
            Err(reason) if is_last => torn = Some(format!("line {line_no}: {reason}")),
            Err(reason) => {
                return Err(ReplayError::CorruptLine {
                    line: line_no,
                    reason,
                })
            }
        }
    }
    Ok(Parsed {
        header,
        records,
        good_len,
        torn,
    })
}

/// Rebuilds a session's state from its parsed transcript: the same fold as live play.
pub fn replay(
    parsed: &Parsed,
    remembered_client_ids: usize,
    pseudonyms: Pseudonyms,
) -> SessionState {
    let mut state = SessionState::new(parsed.header.session.clone(), remembered_client_ids)
        .with_pseudonyms(pseudonyms);
    for record in &parsed.records {
        state.apply(record);
    }
    state
}

/// Lines with the offset just past each and whether it ended in `\n`.
fn split_lines(bytes: &[u8]) -> impl Iterator<Item = (&[u8], usize, bool)> {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let rest = &bytes[start..];
        let (line, end, whole) = match rest.iter().position(|&b| b == b'\n') {
            Some(n) => (&rest[..n], start + n + 1, true),
            None => (rest, bytes.len(), false),
        };
        start = end;
        Some((line, end, whole))
    })
}
