//! Deleting: a session's transcript and secret, or a series with all its
//! sessions, gone from the data folder, its sockets closed, and the deletion
//! in the audit log; and retention, which deletes series long ended.

use super::{Records, RecordsError};
use crate::audit::Entry;
use crate::error_code::ErrorCode;
use uuid::Uuid;

/// Deletes every session of the series, then the series' file, each with
/// its audit line. The sessions are listed with the lock held that making a
/// session in a series takes, so one made meanwhile goes too.
pub async fn delete_series_and_sessions(
    records: Records<'_>,
    series: Uuid,
    by: &str,
) -> Result<(), RecordsError> {
    let _series_held = records.lock.lock().await;
    refuse_if_unreadable(records, series)?;
    let sessions: Vec<Uuid> = records
        .sessions
        .list()
        .iter()
        .filter(|h| h.info().series == series)
        .map(|h| h.info().id)
        .collect();
    for session in sessions {
        delete_one(records, session, by).await?;
    }
    let book = records.series.clone();
    tokio::task::spawn_blocking(move || book.delete(series))
        .await
        .map_err(|_| failed())?
        .map_err(|e| {
            tracing::error!(error = %e, "series not deleted");
            failed()
        })?;
    audit(records, by, "series", series, "the series' name and roster")
}

/// What retention did.
#[derive(Debug, Default)]
pub struct Purged {
    /// Series deleted.
    pub deleted: usize,
    /// Series due for deletion but kept whole, each with why.
    pub kept: Vec<(Uuid, String)>,
}

/// Retention: deletes every series whose sessions have all ended, the last
/// of them before `cutoff` (a series with no session, made before it).
pub async fn purge(
    records: Records<'_>,
    cutoff: jiff::Timestamp,
    by: &str,
) -> Result<Purged, RecordsError> {
    let sessions = records.sessions.list();
    let mut purged = Purged::default();
    for series in records.series.list() {
        let mine: Vec<_> = sessions
            .iter()
            .filter(|h| h.info().series == series.id)
            .collect();
        let last_end = if mine.is_empty() {
            Some(series.created_at)
        } else {
            mine.iter()
                .map(|h| h.summary().ended_at)
                .collect::<Option<Vec<_>>>()
                .and_then(|ends| ends.into_iter().max())
        };
        if last_end.is_some_and(|end| end < cutoff) {
            match delete_series_and_sessions(records, series.id, by).await {
                Ok(()) => purged.deleted += 1,
                // Kept whole until its damaged transcript is dealt with;
                // the others go.
                Err(e) if e.code == ErrorCode::UnreadableTranscript => {
                    tracing::error!(series = %series.id, error = %e, "series kept");
                    purged.kept.push((series.id, e.message));
                }
                Err(e) => return Err(e),
            }
        }
    }
    Ok(purged)
}

/// Deletes one session.
pub async fn delete_one(records: Records<'_>, id: Uuid, by: &str) -> Result<(), RecordsError> {
    match records.sessions.delete(&id).await {
        None => match records.sessions.unreadable(id) {
            Some(damaged) => Err(unreadable(&damaged)),
            None => Err(RecordsError::new(
                ErrorCode::UnknownSession,
                "there is no such session",
            )),
        },
        Some(Err(e)) => {
            tracing::error!(session = %id, error = %e, "session not deleted");
            Err(failed())
        }
        Some(Ok(())) => audit(
            records,
            by,
            "session",
            id,
            "transcript and pseudonym secret",
        ),
    }
}

fn audit(
    records: Records<'_>,
    by: &str,
    what: &str,
    id: Uuid,
    removed: &str,
) -> Result<(), RecordsError> {
    let entry = Entry {
        at: crate::time::now(),
        by,
        action: "deleted",
        what,
        id: id.to_string(),
        removed,
    };
    records.audit.record(&entry).map_err(|e| {
        tracing::error!(error = %e, "audit log not written");
        failed()
    })
}

/// Erasing or deleting in `series` must be total: refused, changing
/// nothing, while a transcript that may be in it cannot be read. Its
/// dormant sessions are read first, so a damaged one is found now.
pub(crate) fn refuse_if_unreadable(records: Records<'_>, series: Uuid) -> Result<(), RecordsError> {
    records.sessions.of_series(series);
    match records.sessions.unreadable_in(series).into_iter().next() {
        Some(damaged) => Err(unreadable(&damaged)),
        None => Ok(()),
    }
}

/// What to do about a transcript that cannot be read.
fn unreadable(damaged: &crate::live::registry::Unreadable) -> RecordsError {
    let file = format!("sessions/{}.jsonl", damaged.id);
    RecordsError::new(
        ErrorCode::UnreadableTranscript,
        format!(
            "nothing was changed: the transcript {file} in the data folder cannot be read ({}), and it may hold what this would remove. Run `topteam verify DATA_DIR/{file}`, then restore it from a backup, or move it out of the data folder, and restart",
            damaged.why
        ),
    )
}

fn failed() -> RecordsError {
    RecordsError::new(
        ErrorCode::StorageFailed,
        "it could not be deleted completely; check the data folder and try again",
    )
}
