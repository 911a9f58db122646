//! Erasing a person at their request: their name and job title replaced by
//! "Participant N", their ballots kept and counted. Pure.
//!
//! A transcript is append-only, so erasing takes two steps. First an event
//! (`participant_erased`, `roster_person_erased`) is appended like any other:
//! from then on the state, and so every view and export, shows the label.
//! Then the session task rewrites the file: [`scrub`] makes the lines before
//! the event say what the state now says, the copy is replayed and must
//! rebuild exactly the live state, and only then does it replace the
//! original (`TranscriptWriter::scrub`). A crash between the two steps leaves
//! the event on disk, and start-up scrubs again.

use super::{Event, ParticipantId, Record, Rejection, SessionState};
use crate::series::name_key;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use uuid::Uuid;

/// `erase`: the participant's new label, numbered in the order people were
/// erased in this session (not the order they joined, which the room saw).
pub(super) fn decide_erase(
    state: &SessionState,
    participant: ParticipantId,
) -> Result<Vec<Event>, Rejection> {
    let who = state
        .participant(&participant)
        .ok_or_else(|| Rejection::UnknownParticipant(participant.to_string()))?;
    if who.erased {
        return Err(Rejection::AlreadyErased);
    }
    let erased_before = state.participants.iter().filter(|p| p.erased).count();
    Ok(vec![Event::ParticipantErased {
        participant,
        label: format!("Participant {}", erased_before + 1),
    }])
}

/// Taking an erased person off this session's roster.
pub(super) fn decide_roster_erase(
    state: &SessionState,
    person: Uuid,
) -> Result<Vec<Event>, Rejection> {
    if !state.roster.iter().any(|p| p.id == person) {
        return Err(Rejection::UnknownPerson);
    }
    Ok(vec![Event::RosterPersonErased { person }])
}

impl SessionState {
    /// Applies `participant_erased`. Actions the facilitator gave them (owner
    /// typed as their name) are relabelled too: the owner is a person's name.
    pub(super) fn erase_participant(&mut self, participant: &ParticipantId, label: &str) {
        let Some(who) = self.participant_mut(participant) else {
            return;
        };
        let name = std::mem::replace(&mut who.name, label.to_string());
        who.job_title = None;
        who.person = None;
        who.erased = true;
        let key = name_key(&name);
        let owned = |owner: &Option<String>| owner.as_deref().is_some_and(|o| name_key(o) == key);
        if self.notes.iter().any(|n| owned(&n.owner)) {
            for note in Arc::make_mut(&mut self.notes) {
                if owned(&note.owner) {
                    note.owner = Some(label.to_string());
                }
            }
        }
    }

    /// Applies `roster_person_erased`.
    pub(super) fn erase_roster_person(&mut self, person: &Uuid) {
        Arc::make_mut(&mut self.roster).retain(|p| p.id != *person);
        let claims: Vec<ParticipantId> = self
            .participants
            .iter()
            .filter(|p| p.person == Some(*person))
            .map(|p| p.id)
            .collect();
        for id in claims {
            if let Some(p) = self.participant_mut(&id) {
                p.person = None;
            }
        }
    }
}

/// Whether a transcript's records erase anyone (so start-up checks its file).
pub fn erases_anyone(records: &[Record]) -> bool {
    records.iter().any(|r| {
        matches!(
            r.event,
            Event::ParticipantErased { .. } | Event::RosterPersonErased { .. }
        )
    })
}

/// Makes the records before each erasure say what replaying them with it
/// says: the joins of erased participants carry their label, no job title and
/// no roster person; actions owned by them before they were erased carry the
/// label; erased roster people are in no copy of the roster. Returns whether
/// anything changed.
pub fn scrub(records: &mut [Record]) -> bool {
    let mut labels: HashMap<ParticipantId, (String, u64)> = HashMap::new();
    let mut people: HashSet<Uuid> = HashSet::new();
    for record in records.iter() {
        match &record.event {
            Event::ParticipantErased { participant, label } => {
                labels.insert(*participant, (label.clone(), record.seq));
            }
            Event::RosterPersonErased { person } => {
                people.insert(*person);
            }
            _ => {}
        }
    }
    if labels.is_empty() && people.is_empty() {
        return false;
    }
    // The names as joined (name key, label, seq erased), for action owners.
    let mut owners: Vec<(String, String, u64)> = Vec::new();
    let mut changed = false;
    for record in records.iter_mut() {
        if let Event::ParticipantJoined {
            participant,
            name,
            job_title,
            person,
            ..
        } = &mut record.event
        {
            if let Some((label, seq)) = labels.get(participant) {
                owners.push((name_key(name), label.clone(), *seq));
                changed |= *name != *label || job_title.is_some() || person.is_some();
                *name = label.clone();
                *job_title = None;
                *person = None;
            } else if person.is_some_and(|p| people.contains(&p)) {
                *person = None;
                changed = true;
            }
        }
    }
    for record in records.iter_mut() {
        let seq = record.seq;
        match &mut record.event {
            Event::RosterUpdated { people: roster } => {
                let before = roster.len();
                roster.retain(|p| !people.contains(&p.id));
                changed |= roster.len() != before;
            }
            Event::NoteAdded {
                owner: Some(owner), ..
            } => {
                let key = name_key(owner);
                let erased = owners.iter().find(|(k, _, at)| *k == key && seq < *at);
                if let Some((_, label, _)) = erased {
                    changed |= owner != label;
                    *owner = label.clone();
                }
            }
            _ => {}
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activity::notes::NoteKind;
    use crate::session::core::Actor;
    use crate::workshop::Group;

    fn record(seq: u64, event: Event) -> Record {
        Record {
            seq,
            at: "2026-12-02T10:00:00Z".parse().unwrap(),
            actor: Actor::Facilitator,
            client_id: None,
            event,
        }
    }

    fn action(note: &str, owner: &str) -> Event {
        Event::NoteAdded {
            note: note.into(),
            kind: NoteKind::Action,
            text: "Brief the team".into(),
            owner: Some(owner.into()),
            due: None,
            activity: None,
        }
    }

    #[test]
    fn scrubbing_relabels_the_join_and_earlier_actions_only_and_is_done_once() {
        let zed = Uuid::from_u128(7);
        let mut records = vec![
            record(
                1,
                Event::ParticipantJoined {
                    participant: zed,
                    name: "Zed Quill".into(),
                    group: Group::Cabinet,
                    job_title: Some("Lead for Parks".into()),
                    token_hash: "h".into(),
                    admitted: true,
                    person: None,
                    held: None,
                    invited: false,
                },
            ),
            record(2, action("n1", "zed  QUILL")),
            record(
                3,
                Event::ParticipantErased {
                    participant: zed,
                    label: "Participant 1".into(),
                },
            ),
            // Written after the erasure: the live state keeps it as typed.
            record(4, action("n2", "Zed Quill")),
        ];
        assert!(scrub(&mut records));
        let text = serde_json::to_string(&records).unwrap();
        assert!(!text.contains("Parks") && text.contains("\"owner\":\"Participant 1\""));
        assert!(
            matches!(&records[3].event, Event::NoteAdded { owner: Some(o), .. } if o == "Zed Quill")
        );
        assert!(
            !scrub(&mut records),
            "a second scrub finds nothing to change"
        );
    }
}
