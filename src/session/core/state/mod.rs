//! Session state and `apply`: the fold of events that live play and replay share.

use super::shared_map::SharedMap;
use super::{ActivityState, ActivityStatus, Actor, HoldReason, ParticipantId, Pseudonyms, Record};
use crate::activity::notes::Note;
use crate::language::SessionLanguage;
use crate::series::Person;
use crate::workshop::{Group, Workshop};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use uuid::Uuid;

mod apply;

/// What a session is, fixed when it is created (the transcript header holds it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionInfo {
    /// Session id (also the transcript's file name).
    pub id: Uuid,
    /// Short join code people type on their phones.
    pub code: String,
    /// Title shown to everyone: the script's own (with its Welsh), or the
    /// facilitator's, with Welsh when they gave it.
    pub title: crate::language::Text,
    /// The council's run of workshops this session belongs to.
    pub series: Uuid,
    /// When it was created.
    pub created_at: jiff::Timestamp,
    /// A snapshot of the script, so later edits to `workshops/` never change it.
    pub workshop: Workshop,
    /// The language of the projector and the outcome pack (unsaid: English).
    #[serde(default, skip_serializing_if = "SessionLanguage::is_english")]
    pub language: SessionLanguage,
}

impl SessionInfo {
    /// The title as a reader of `language` reads it: its own Welsh when it
    /// has one, else (a title left as the script's) the script's.
    pub fn title_in(&self, language: crate::language::Language) -> &str {
        if self.title.welsh().is_none() && *self.title == *self.workshop.title {
            self.workshop.title.read_in(language)
        } else {
            self.title.read_in(language)
        }
    }
}

/// Whether the session still takes commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionStatus {
    /// Running.
    Live,
    /// Ended by the facilitator; read-only.
    Ended,
}

/// Where a participant stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Participant {
    /// Id.
    pub id: ParticipantId,
    /// Name as typed.
    pub name: String,
    /// Group.
    pub group: Group,
    /// Optional job title.
    pub job_title: Option<String>,
    /// Let in (no lobby, or admitted from it).
    pub admitted: bool,
    /// Removed by the facilitator.
    pub removed: bool,
    /// Erased at their request: `name` is "Participant N" and there is no job title.
    pub erased: bool,
    /// The roster person they claimed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<Uuid>,
    /// Why they were held for the facilitator, if they were.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held: Option<HoldReason>,
    /// They came with their personal invitation.
    pub invited: bool,
    #[serde(skip)]
    pub(crate) token_hash: String,
}

impl Participant {
    /// In the room and counted against the session's places (not removed).
    pub fn present(&self) -> bool {
        !self.removed
    }
}

impl Participant {
    /// Whether this participant's token hashes to the one recorded at join.
    pub fn token_matches(&self, token_hash: &str) -> bool {
        crate::secrets::same(self.token_hash.as_bytes(), token_hash.as_bytes())
    }
}

/// One actor's latest `client_id`s, each with the seq its command ended at.
type RecentIds = Arc<VecDeque<(Arc<str>, u64)>>;

/// Everything about a session, rebuilt exactly by replaying its transcript.
///
/// The session task copies the state for every batch (so a failed write can
/// drop the copy), and readers hold snapshots. The parts sit behind `Arc`s, so
/// a copy costs a few reference counts and a batch clones only what it
/// changes (`Arc::make_mut`): one activity for a ballot.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionState {
    /// Fixed facts.
    pub info: Arc<SessionInfo>,
    /// Hidden from the console's lists (review keeps it).
    pub archived: bool,
    /// Live or ended.
    pub status: SessionStatus,
    /// When it ended, once it has.
    pub ended_at: Option<jiff::Timestamp>,
    /// Index of the current activity in the agenda.
    pub current: Option<usize>,
    /// Participants in the order they joined.
    pub participants: Arc<Vec<Participant>>,
    index: Arc<HashMap<ParticipantId, usize>>,
    /// Activities in agenda order.
    pub activities: Vec<Arc<ActivityState>>,
    /// The facilitator's notes, decisions and actions, in order.
    pub notes: Arc<Vec<Note>>,
    /// The series' roster as this session uses it (empty: no roster).
    pub roster: Arc<Vec<Person>>,
    /// Joins by invitation only: a name typed or picked waits for the facilitator.
    pub invitations_only: bool,
    /// Seq of the last event applied (0 before any).
    pub seq: u64,
    /// Recent `client_id`s per actor with the seq their command ended at, so a
    /// resent command is answered, not applied twice. Bounded per actor.
    recent: SharedMap<Actor, RecentIds>,
    remembered: usize,
    /// Makes pseudonyms, to know an anonymous ballot's team without the
    /// transcript saying it.
    pseudonyms: Pseudonyms,
    /// Whose each pseudonym is, filled as people join: the session alone can
    /// tell an anonymous ballot's team, and leave out a removed person's.
    pseudonym_owners: Arc<HashMap<ParticipantId, ParticipantId>>,
}

impl SessionState {
    /// A fresh session, before any event. `remembered` bounds the idempotency memory.
    pub fn new(info: SessionInfo, remembered: usize) -> SessionState {
        let activities = info
            .workshop
            .activities
            .iter()
            .map(|spec| Arc::new(ActivityState::new(spec.clone())))
            .collect();
        SessionState {
            info: Arc::new(info),
            archived: false,
            status: SessionStatus::Live,
            ended_at: None,
            current: None,
            participants: Default::default(),
            index: Default::default(),
            activities,
            notes: Default::default(),
            roster: Default::default(),
            invitations_only: false,
            seq: 0,
            recent: SharedMap::default(),
            remembered: remembered.max(1),
            pseudonyms: Pseudonyms::unavailable("not given"),
            pseudonym_owners: Default::default(),
        }
    }

    /// The same state, able to tell the team of an anonymous ballot (its
    /// pseudonym's). Give it before applying any event. Without it an
    /// anonymous ballot's team is unknown, and results show only the room.
    pub fn with_pseudonyms(mut self, pseudonyms: Pseudonyms) -> SessionState {
        self.pseudonyms = pseudonyms;
        self
    }

    /// The team of a ballot or idea: as recorded, or for an anonymous one
    /// its pseudonym's; `Observer` (never a voter) when it cannot be known.
    fn team_of(&self, recorded: Option<Group>, voter: &ParticipantId) -> Group {
        recorded
            .or_else(|| {
                let owner = self.pseudonym_owners.get(voter)?;
                self.participant(owner).map(|p| p.group)
            })
            .unwrap_or(Group::Observer)
    }

    /// The participant a ballot's key (an id, or a pseudonym) belongs to.
    pub fn owner_of(&self, voter: &ParticipantId) -> Option<&Participant> {
        let id = self.pseudonym_owners.get(voter).unwrap_or(voter);
        self.participant(id)
    }

    /// Whether the ballots filed under `voter` (a participant id, or in an
    /// anonymous activity a pseudonym) count: the person is admitted and
    /// still in the room. Someone removed, or held again because the invited
    /// person arrived, is left out; a voter the session cannot trace (a lost
    /// secret) is counted.
    pub fn counts_voter(&self, voter: &ParticipantId) -> bool {
        let id = self.pseudonym_owners.get(voter).unwrap_or(voter);
        self.participant(id)
            .is_none_or(|p| p.present() && p.admitted)
    }

    /// Whom a participant's ballots are filed under in an activity: their id,
    /// or in an anonymous one their pseudonym (`None` without the secret).
    pub fn voter_key(&self, anonymous: bool, participant: ParticipantId) -> Option<ParticipantId> {
        if anonymous {
            self.pseudonyms.of(participant).ok()
        } else {
            Some(participant)
        }
    }

    /// The workshop script this session runs.
    pub fn workshop(&self) -> &Workshop {
        &self.info.workshop
    }

    /// A participant by id.
    pub fn participant(&self, id: &ParticipantId) -> Option<&Participant> {
        self.index.get(id).map(|&i| &self.participants[i])
    }

    /// An activity and its index by id.
    pub fn activity(&self, id: &str) -> Option<(usize, &ActivityState)> {
        self.activities
            .iter()
            .enumerate()
            .find(|(_, a)| a.spec.id == id)
            .map(|(i, a)| (i, &**a))
    }

    /// The current activity.
    pub fn current_activity(&self) -> Option<&ActivityState> {
        self.current
            .and_then(|i| self.activities.get(i))
            .map(|a| &**a)
    }

    /// The participant (not removed) who claimed this roster person.
    pub fn claimant(&self, person: &Uuid) -> Option<&Participant> {
        self.participants
            .iter()
            .find(|p| p.present() && p.person.as_ref() == Some(person))
    }

    /// Participants counted against the session's places: everyone not removed.
    pub fn places_taken(&self) -> usize {
        self.participants.iter().filter(|p| p.present()).count()
    }

    /// The seq a command with this `client_id` from this actor already ended at.
    pub fn already_done(&self, actor: &Actor, client_id: &str) -> Option<u64> {
        self.recent
            .get(actor)?
            .iter()
            .find(|(id, _)| &**id == client_id)
            .map(|(_, seq)| *seq)
    }

    /// Folds one recorded event into the state. Records must come in seq order;
    /// the caller (`decide`, replay) guarantees events are valid for the state.
    pub fn apply(&mut self, record: &Record) {
        self.seq = record.seq;
        if let Some(client_id) = &record.client_id {
            let seen = Arc::make_mut(
                self.recent
                    .get_or_insert_with(record.actor, Default::default),
            );
            match seen.iter_mut().find(|(id, _)| **id == **client_id) {
                Some(entry) => entry.1 = record.seq,
                None => {
                    if seen.len() == self.remembered {
                        seen.pop_front();
                    }
                    seen.push_back((client_id.as_str().into(), record.seq));
                }
            }
        }
        self.apply_event(&record.event, record.at);
    }

    pub(in crate::session::core) fn participant_mut(
        &mut self,
        id: &ParticipantId,
    ) -> Option<&mut Participant> {
        let i = *self.index.get(id)?;
        Arc::make_mut(&mut self.participants).get_mut(i)
    }

    fn activity_mut(&mut self, id: &str) -> Option<&mut ActivityState> {
        self.activities
            .iter_mut()
            .find(|a| a.spec.id == id)
            .map(Arc::make_mut)
    }

    fn set_status(&mut self, activity: &str, status: ActivityStatus) {
        if let Some(a) = self.activity_mut(activity) {
            a.status = status;
        }
    }
}
