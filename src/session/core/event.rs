//! What happened: the events a transcript records, one per line.

use super::{Actor, ParticipantId};
use crate::activity::notes::NoteKind;
use crate::activity::own::KindEvent;
use crate::activity::Ballot;
use crate::workshop::{Group, OptionSpec};
use serde::{Deserialize, Serialize};

/// A fact about the session. State is the fold of these.
///
/// Serde writes the session's own events (`remote = "Self"` keeps the
/// derived code for the impls below); a kind's own are written and read
/// by the kind, each by its `type`, so a wrong one is named exactly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", remote = "Self")]
pub enum Event {
    /// Someone joined.
    ParticipantJoined {
        /// Their id.
        participant: ParticipantId,
        /// Name as typed.
        name: String,
        /// Their group.
        group: Group,
        /// Optional job title.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        job_title: Option<String>,
        /// SHA-256 of their token, so the transcript never holds a usable secret.
        token_hash: String,
        /// Whether they went straight in (no lobby, nothing to check).
        admitted: bool,
        /// The roster person they claimed, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        person: Option<uuid::Uuid>,
        /// Why they wait for the facilitator even without a lobby.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        held: Option<HoldReason>,
        /// They came with their personal invitation.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        invited: bool,
    },
    /// The series' roster as this session now uses it (set when the session
    /// starts and whenever the facilitator changes it).
    RosterUpdated {
        /// The people expected.
        people: Vec<crate::series::Person>,
    },
    /// A person asked to be erased: from here on the participant is shown as
    /// `label`, with no job title. Their ballots stay counted. The session
    /// task then rewrites the lines before this one the same way (see
    /// `session::core::erasure`), so the name is nowhere in the file.
    ParticipantErased {
        /// Who.
        participant: ParticipantId,
        /// What they are called from now on: "Participant N".
        label: String,
    },
    /// Someone erased is taken off this session's copy of the roster (and,
    /// once the file is rewritten, off every earlier copy in it).
    RosterPersonErased {
        /// The roster person's id.
        person: uuid::Uuid,
    },
    /// Someone let in is held again for the facilitator: the person they
    /// claimed arrived with their own invitation. Their ballots are set
    /// aside (not counted) until the facilitator admits them again.
    ParticipantHeld {
        /// Who.
        participant: ParticipantId,
        /// Why.
        reason: HoldReason,
    },
    /// Whether joins are by invitation only in this session (the series'
    /// setting, recorded so a replay says why a join was held).
    InvitationsOnly {
        /// On or off.
        on: bool,
    },
    /// The facilitator said who a participant is: from here on they are this
    /// roster person, with the roster's name, team and job title.
    ParticipantIdentified {
        /// Who.
        participant: ParticipantId,
        /// The roster person.
        person: uuid::Uuid,
    },
    /// The facilitator let a removed participant back in.
    ParticipantRestored {
        /// Who.
        participant: ParticipantId,
    },
    /// The facilitator let them in from the lobby.
    ParticipantAdmitted {
        /// Who.
        participant: ParticipantId,
    },
    /// The facilitator removed them.
    ParticipantRemoved {
        /// Who.
        participant: ParticipantId,
    },
    /// The current step changed.
    MovedTo {
        /// Activity id.
        activity: String,
    },
    /// Voting opened.
    ActivityOpened {
        /// Activity id.
        activity: String,
    },
    /// Voting closed.
    ActivityClosed {
        /// Activity id.
        activity: String,
    },
    /// Results shown to the room.
    ResultsRevealed {
        /// Activity id.
        activity: String,
    },
    /// Revealed results taken off the room's screens again.
    ResultsHidden {
        /// Activity id.
        activity: String,
    },
    /// The projector turned to a page of revealed results.
    SlidePaged {
        /// Activity id.
        activity: String,
        /// The page, from 1.
        page: u32,
    },
    /// A ballot was cast: it replaces the voter's earlier ballot, or for
    /// item-by-item kinds updates the items it answers.
    BallotCast {
        /// Activity id.
        activity: String,
        /// The voter: their participant id, or in an anonymous activity a
        /// per-session pseudonym that the transcript cannot link to a name.
        voter: ParticipantId,
        /// The voter's team. Left out in an anonymous activity: the session
        /// works it out from the pseudonym with the session's secret, so the
        /// transcript alone never says which team a lone member's ballot came from.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        group: Option<Group>,
        /// The validated ballot.
        ballot: Ballot,
    },
    /// Options carried in from an earlier activity when this one opened.
    OptionsSet {
        /// Activity id.
        activity: String,
        /// The options, carried ones first.
        options: Vec<OptionSpec>,
    },
    /// The facilitator wrote a note, decision or action.
    NoteAdded {
        /// The note's id.
        note: String,
        /// Note, decision or action.
        kind: NoteKind,
        /// The text.
        text: String,
        /// Who will do it (actions).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        owner: Option<String>,
        /// By when (actions).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due: Option<String>,
        /// The activity in progress.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        activity: Option<String>,
    },
    /// The countdown started.
    TimerStarted {
        /// Activity id.
        activity: String,
        /// Seconds on the clock at the start.
        seconds_left: u32,
        /// When it started.
        at: jiff::Timestamp,
    },
    /// The countdown paused.
    TimerPaused {
        /// Activity id.
        activity: String,
        /// Seconds left.
        seconds_left: u32,
    },
    /// The countdown went back to the script's length.
    TimerReset {
        /// Activity id.
        activity: String,
        /// Seconds on the clock.
        seconds_left: u32,
    },
    /// The facilitator replaced the script: activities not yet opened may
    /// have changed, moved, come or gone; opened ones are as they were.
    ScriptEdited {
        /// The whole new script.
        workshop: Box<crate::workshop::Workshop>,
    },
    /// The session has a new title.
    SessionRenamed {
        /// The title (a string, or `{"en","cy"}` with its Welsh).
        title: crate::language::Text,
    },
    /// The room's language changed (the projector's and the outcome pack's).
    LanguageSet {
        /// English, Welsh, or both.
        language: crate::language::SessionLanguage,
    },
    /// The session was archived (hidden from the console's lists) or brought back.
    SessionArchived {
        /// Archived now.
        archived: bool,
    },
    /// The session is over.
    SessionEnded,
    /// Something of a kind's own (an idea offered, a statement amended),
    /// recorded as the kind wrote it: `{"type":"idea_added",…}`.
    #[serde(skip)]
    Kind(KindEvent),
}

impl Serialize for Event {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Event::Kind(event) => event.serialize(serializer),
            session => Event::serialize(session, serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Event, D::Error> {
        use serde::de::Error;
        // Read as written, then by its type: one parse, as before the kinds
        // had events of their own (a restart reads every live transcript).
        let event = <&'de serde_json::value::RawValue>::deserialize(deserializer)?;
        let event = event.get();
        let kind = crate::activity::own::type_of(event).map_err(D::Error::custom)?;
        match KindEvent::parse(&kind, event) {
            Some(read) => read.map(Event::Kind).map_err(D::Error::custom),
            None => Event::deserialize(&mut serde_json::Deserializer::from_str(event))
                .map_err(D::Error::custom),
        }
    }
}

/// Why a joiner waits for the facilitator, even in a session without a lobby:
/// each is a way one phone could vote as somebody else, or twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HoldReason {
    /// Claims a roster person someone in the session has already claimed.
    AlreadyClaimed,
    /// The series has a roster and the name is not on it.
    NotOnRoster,
    /// No roster, and the name is that of someone already in the session.
    NameTaken,
    /// The person they claimed arrived with their own invitation.
    InvitedPersonArrived,
    /// Came with their invitation, then used it again on another phone:
    /// this entry is set aside for the newer one.
    CardUsedAgain,
    /// Still waiting to be let in when a second phone claimed the same
    /// person: which of the two is them is the facilitator's call, so
    /// "Admit all" lets in neither.
    ClaimedTwice,
    /// The series takes joins by invitation only, and this one had none.
    InvitationRequired,
}

impl HoldReason {
    /// The reason as a reader of `language` reads it.
    pub fn name(self, language: crate::language::Language) -> String {
        crate::language::text(
            language,
            match self {
                HoldReason::AlreadyClaimed => "hold-already-claimed",
                HoldReason::NotOnRoster => "hold-not-on-roster",
                HoldReason::NameTaken => "hold-name-taken",
                HoldReason::InvitedPersonArrived => "hold-invited-arrived",
                HoldReason::InvitationRequired => "hold-invitation-required",
                HoldReason::ClaimedTwice => "hold-claimed-twice",
                HoldReason::CardUsedAgain => "hold-card-used-again",
            },
        )
    }

    /// The reason in words, for the console.
    pub fn label(self) -> &'static str {
        match self {
            HoldReason::AlreadyClaimed => "claims a name someone has already joined as",
            HoldReason::NotOnRoster => "not on the roster",
            HoldReason::NameTaken => "same name as someone already here",
            HoldReason::InvitedPersonArrived => {
                "claimed a name whose owner then arrived with their invitation; their answers are set aside"
            }
            HoldReason::InvitationRequired => "joined without an invitation (this series is by invitation only)",
            HoldReason::ClaimedTwice => "another phone claims the same name; let in the right one",
            HoldReason::CardUsedAgain => "used their invitation again on another phone, which takes their place",
        }
    }
}

/// One line of a transcript after the header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// 1, 2, 3, … with no gaps.
    pub seq: u64,
    /// When it was made durable.
    pub at: jiff::Timestamp,
    /// Who caused it.
    pub actor: Actor,
    /// The client's id for the command, so a resend is recognised after a restart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// What happened.
    pub event: Event,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines as servers before the kinds owned their events wrote them
    /// (from `tests/fixtures/transcripts/w2-before-kinds`).
    const WRITTEN_BEFORE: [&str; 5] = [
        r#"{"type":"idea_added","activity":"hopes","idea":"i22","author":"a719fde1-ba11-44b0-834b-83e83b7b65d6","group":"cabinet","text":"Fewer surprises."}"#,
        r#"{"type":"idea_edited","activity":"hopes","idea":"i22","text":"No surprises."}"#,
        r#"{"type":"idea_hidden","activity":"hopes","idea":"i23","hidden":true}"#,
        r#"{"type":"ideas_merged","activity":"hopes","idea":"i24","into":"i22"}"#,
        r#"{"type":"statement_amended","activity":"vision","item":"s1","text":"We lead together.","fields":{}}"#,
    ];

    #[test]
    fn a_kind_s_events_read_as_its_own_and_are_written_byte_for_byte_as_before() {
        for line in WRITTEN_BEFORE {
            let event: Event = serde_json::from_str(line).unwrap();
            assert!(matches!(event, Event::Kind(_)), "{line}");
            assert_eq!(serde_json::to_string(&event).unwrap(), line);
        }
        // A line edited by hand, its type not first, still reads.
        let edited = r#"{"activity":"hopes","idea":"i1","type":"idea_hidden","hidden":false}"#;
        let edited: Event = serde_json::from_str(edited).unwrap();
        assert!(matches!(edited, Event::Kind(_)));
        let session = r#"{"type":"moved_to","activity":"hopes"}"#;
        let event: Event = serde_json::from_str(session).unwrap();
        assert_eq!(serde_json::to_string(&event).unwrap(), session);
    }

    #[test]
    fn a_wrong_event_is_named_exactly() {
        let unknown = serde_json::from_str::<Event>(r#"{"type":"launched_rocket"}"#);
        let unknown = unknown.unwrap_err().to_string();
        assert!(
            unknown.contains("unknown variant `launched_rocket`"),
            "{unknown}"
        );
        let torn = r#"{"type":"idea_added","activity":"hopes","idea":"i1"}"#;
        let torn = serde_json::from_str::<Event>(torn).unwrap_err().to_string();
        assert!(torn.contains("missing field `author`"), "{torn}");
    }
}
