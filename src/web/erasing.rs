//! The `erase` command: a person's name and job title taken out of their
//! series (every session they joined, every roster that lists them, and the
//! files behind them), their ballots kept and counted as "Participant N".
//!
//! The other sessions and the roster go first and the asked-for session
//! last: if anything fails part-way, the person still shows in the console
//! under their name, and asking again finishes the job.

use super::{ApiError, AppState};
use crate::audit::Entry;
use crate::error_code::ErrorCode;
use crate::series::name_key;
use crate::session::{Actor, Command, Participant, ParticipantId, SessionHandle};
use uuid::Uuid;

/// Runs a command from the console or the JSON API: `erase` across the
/// series, everything else in its session alone.
pub async fn run_command(
    app: &AppState,
    handle: &SessionHandle,
    actor: Actor,
    client_id: Option<String>,
    command: Command,
) -> Result<u64, ApiError> {
    match (actor, command) {
        (Actor::Facilitator, Command::Erase { participant }) => {
            erase(app, handle, client_id, participant).await
        }
        (actor, command) => Ok(handle.command(actor, client_id, command).await?),
    }
}

async fn erase(
    app: &AppState,
    handle: &SessionHandle,
    client_id: Option<String>,
    participant: ParticipantId,
) -> Result<u64, ApiError> {
    let state = handle.state();
    let erase_here = Command::Erase { participant };
    let Some(who) = state.participant(&participant).filter(|p| !p.erased) else {
        // Unknown, already erased, or a resend: the session answers.
        return Ok(handle
            .command(Actor::Facilitator, client_id, erase_here)
            .await?);
    };
    let key = name_key(&who.name);
    let same_person = |person: Option<Uuid>, name: &str| {
        (who.person.is_some() && person == who.person) || name_key(name) == key
    };
    let series = state.info.series;
    let mut sessions = 0;
    let mut roster_people: Vec<Uuid> = Vec::new();
    for other in app.sessions.list() {
        if other.info().series != series {
            continue;
        }
        let other_state = other.state();
        let mut commands: Vec<Command> = other_state
            .roster
            .iter()
            .filter(|p| same_person(Some(p.id), &p.name))
            .map(|p| {
                roster_people.push(p.id);
                Command::EraseFromRoster(p.id)
            })
            .collect();
        let is_here = other.info().id == state.info.id;
        // The same person on a second phone, or in another workshop.
        let joined =
            |p: &&Participant| p.id != participant && !p.erased && same_person(p.person, &p.name);
        commands.extend(
            other_state
                .participants
                .iter()
                .filter(joined)
                .map(|p| Command::Erase { participant: p.id }),
        );
        sessions += usize::from(is_here || !commands.is_empty());
        for command in commands {
            other.command(Actor::Facilitator, None, command).await?;
        }
    }
    if let Some(on_file) = app.series.get(&series) {
        roster_people.extend(
            on_file
                .roster
                .iter()
                .filter(|p| same_person(Some(p.id), &p.name))
                .map(|p| p.id),
        );
        roster_people.sort();
        roster_people.dedup();
        if !roster_people.is_empty() {
            let book = app.series.clone();
            let people = roster_people.clone();
            tokio::task::spawn_blocking(move || book.erase_people(series, &people))
                .await
                .map_err(|_| not_finished())?
                .unwrap_or(Ok(()))
                .map_err(|e| {
                    tracing::error!(series = %series, error = %e, "roster not rewritten");
                    not_finished()
                })?;
        }
    }
    let seq = handle
        .command(Actor::Facilitator, client_id, erase_here)
        .await?;
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
        id: participant.to_string(),
        removed: &removed,
    };
    app.audit.record(&entry).map_err(|e| {
        tracing::error!(error = %e, "audit log not written");
        not_finished()
    })?;
    Ok(seq)
}

fn not_finished() -> ApiError {
    ApiError::new(
        ErrorCode::StorageFailed,
        "the name could not be erased everywhere; try again, and check the data folder if it fails again",
    )
}
