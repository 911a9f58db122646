//! Erasing a person: their name and job title taken out of their
//! series (every session they joined, every roster that lists them, and the
//! files behind them), their ballots kept and counted as "Participant N".
//!
//! One erasure runs at a time. It is journalled (`crate::erasures`) before
//! its first change and the entry deleted after its last, so a crash
//! part-way is finished at the next start, and asking again in any session
//! where it was begun finishes it too. The asked-for session goes last.

use super::{Records, RecordsError};
use crate::audit::Entry;
use crate::erasures::Pending;
use crate::error_code::ErrorCode;
use crate::live::SessionHandle;
use crate::series::name_key;
use crate::session::{Actor, Command, Participant, ParticipantId};
use uuid::Uuid;

/// Erases `participant` across their series, or finishes an erasure of
/// them begun before; returns the asked-for session's seq.
pub async fn erase(
    records: Records<'_>,
    handle: &SessionHandle,
    client_id: Option<String>,
    participant: ParticipantId,
) -> Result<u64, RecordsError> {
    let _one_at_a_time = records.lock.lock().await;
    let state = handle.state();
    super::deletion::refuse_if_unreadable(records, state.info.series)?;
    let begun = records.erasures.get(participant);
    let pending = match (state.participant(&participant), begun) {
        // Begun and cut short: finish it, whatever this session shows.
        (Some(_), Some(pending)) => pending,
        (Some(who), None) if !who.erased => {
            let pending = Pending {
                series: state.info.series,
                session: state.info.id,
                participant,
                name: who.name.clone(),
                person: who.person,
            };
            records.erasures.begin(&pending).map_err(|e| {
                tracing::error!(error = %e, "erasure not journalled");
                not_finished()
            })?;
            pending
        }
        // Unknown, or erased already: the session says which.
        _ => {
            let refused = Command::Erase { participant };
            return Ok(handle
                .command(Actor::Facilitator, client_id, refused)
                .await?);
        }
    };
    let seq = carry_out(records, &pending, client_id).await?;
    records.erasures.finish(participant).map_err(|e| {
        tracing::error!(error = %e, "erasure journal entry not removed");
        not_finished()
    })?;
    Ok(seq)
}

/// Finishes every erasure a crash cut short (at start-up).
pub async fn finish_pending(records: Records<'_>) {
    let _one_at_a_time = records.lock.lock().await;
    for pending in records.erasures.all() {
        // A transcript of the series that cannot be read may still hold the
        // name: the erasure stays journalled until it can be finished there.
        if let Err(e) = super::deletion::refuse_if_unreadable(records, pending.series) {
            tracing::error!(participant = %pending.participant, error = %e, "an erasure waits for a transcript that cannot be read");
            continue;
        }
        let done = carry_out(records, &pending, None).await;
        match done.and_then(|_| {
            records
                .erasures
                .finish(pending.participant)
                .map_err(|_| not_finished())
        }) {
            Ok(()) => {
                tracing::info!(participant = %pending.participant, "finished an erasure cut short")
            }
            Err(e) => {
                tracing::error!(participant = %pending.participant, error = %e, "an erasure is still unfinished")
            }
        }
    }
}

/// Does everything an erasure needs that is not done yet, so that running it
/// again after a crash finishes the job; returns the asked-for session's seq.
async fn carry_out(
    records: Records<'_>,
    pending: &Pending,
    client_id: Option<String>,
) -> Result<u64, RecordsError> {
    let key = name_key(&pending.name);
    let same_person = |person: Option<Uuid>, name: &str| {
        (pending.person.is_some() && person == pending.person) || name_key(name) == key
    };
    let mut sessions = 0;
    let mut roster_people: Vec<Uuid> = Vec::new();
    let mut asked = None;
    for session in records.sessions.of_series(pending.series) {
        if session.info().id == pending.session {
            asked = Some(session.clone());
        }
        let state = session.state();
        let mut commands: Vec<Command> = state
            .roster
            .iter()
            .filter(|p| same_person(Some(p.id), &p.name))
            .map(|p| {
                roster_people.push(p.id);
                Command::EraseFromRoster(p.id)
            })
            .collect();
        // The same person on a second phone, or in another workshop; the
        // asked-for participant last of all.
        let joined = |p: &&Participant| {
            p.id != pending.participant && !p.erased && same_person(p.person, &p.name)
        };
        commands.extend(
            state
                .participants
                .iter()
                .filter(joined)
                .map(|p| Command::Erase { participant: p.id }),
        );
        sessions += usize::from(!commands.is_empty());
        for command in commands {
            session.command(Actor::Facilitator, None, command).await?;
        }
    }
    if let Some(on_file) = records.series.get(&pending.series) {
        roster_people.extend(
            on_file
                .roster
                .iter()
                .filter(|p| same_person(Some(p.id), &p.name))
                .map(|p| p.id),
        );
    }
    roster_people.sort();
    roster_people.dedup();
    if !roster_people.is_empty() {
        let (book, series, people) = (
            records.series.clone(),
            pending.series,
            roster_people.clone(),
        );
        tokio::task::spawn_blocking(move || book.erase_people(series, &people))
            .await
            .map_err(|_| not_finished())?
            .unwrap_or(Ok(()))
            .map_err(|e| {
                tracing::error!(series = %pending.series, error = %e, "roster not rewritten");
                not_finished()
            })?;
    }
    let seq = match asked {
        Some(session) => {
            let erased = session
                .state()
                .participant(&pending.participant)
                .is_none_or(|p| p.erased);
            if erased {
                session.state().seq
            } else {
                sessions += 1;
                let command = Command::Erase {
                    participant: pending.participant,
                };
                session
                    .command(Actor::Facilitator, client_id, command)
                    .await?
            }
        }
        // The session was deleted meanwhile: nothing of it is left to erase.
        None => 0,
    };
    let removed = format!(
        "name and job title, from {sessions} session(s) and {} roster entr{}; their ballots stay counted",
        roster_people.len(),
        if roster_people.len() == 1 { "y" } else { "ies" }
    );
    let entry = Entry {
        at: crate::time::now(),
        by: "facilitator",
        action: "erased",
        what: "participant",
        id: pending.participant.to_string(),
        removed: &removed,
    };
    records.audit.record(&entry).map_err(|e| {
        tracing::error!(error = %e, "audit log not written");
        not_finished()
    })?;
    Ok(seq)
}

fn not_finished() -> RecordsError {
    RecordsError::new(
        ErrorCode::StorageFailed,
        "the name could not be erased everywhere; try again, and check the data folder if it fails again",
    )
}
