//! What people ask a session to do, and who is asking.

use super::ParticipantId;
use crate::activity::notes::NoteKind;
use crate::activity::own::KindCommand;
use crate::activity::Ballot;
use crate::workshop::Group;
use serde::{Deserialize, Serialize};

/// Who caused an event; recorded with every event in the transcript.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// The person at the console (anyone holding the facilitator key).
    Facilitator,
    /// A participant on their phone.
    Participant(ParticipantId),
}

/// A request to change the session. Arrives from the JSON API or a websocket
/// as `{"type":"open","activity":"priorities"}`.
///
/// Serde reads the session's own commands (`remote = "Self"` keeps the
/// derived code for the impls below); a kind's own are read by the kind,
/// each by its `type`, so a mistake in any command is named exactly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "snake_case",
    deny_unknown_fields,
    remote = "Self"
)]
pub enum Command {
    /// Cast or replace a ballot (participant).
    Vote {
        /// Activity id.
        activity: String,
        /// The ballot, shaped by the activity's kind.
        ballot: Ballot,
    },
    /// Make an activity the current step without opening it (facilitator).
    Goto {
        /// Activity id.
        activity: String,
    },
    /// Open voting; makes it current and closes any other open activity (facilitator).
    Open {
        /// Activity id.
        activity: String,
    },
    /// Close voting (facilitator).
    Close {
        /// Activity id.
        activity: String,
    },
    /// Show results to participants and the projector (facilitator).
    Reveal {
        /// Activity id.
        activity: String,
    },
    /// Takes revealed results off the room's screens and phones again.
    Hide {
        /// Activity id.
        activity: String,
    },
    /// Shows page `page` (from 1) of what the projector shows (revealed
    /// results, or the options while voting is open) (facilitator).
    Page {
        /// Activity id.
        activity: String,
        /// The page, from 1; past the last is the last.
        page: u32,
    },
    /// Adds a fresh copy of an activity just after it, with the options it
    /// has now, for everyone to answer anew (facilitator): the way on from
    /// an anonymous activity that cannot reopen.
    Rerun {
        /// Activity id.
        activity: String,
    },
    /// Let a participant in from the lobby, or back in after being removed
    /// (facilitator). With `person`, they are that roster person: the
    /// facilitator says who someone held is ("this is her").
    Admit {
        /// Participant id.
        participant: ParticipantId,
        /// The roster person they are, if the facilitator says so.
        #[serde(default)]
        person: Option<uuid::Uuid>,
    },
    /// Remove a participant; their ballots stay in the transcript but no longer count (facilitator).
    Remove {
        /// Participant id.
        participant: ParticipantId,
    },
    /// Erases a person's name and job title from the session, the rest of its
    /// series and the files on disk; their ballots stay counted, shown as
    /// "Participant N" (facilitator; also after the session has ended).
    Erase {
        /// Participant id.
        participant: ParticipantId,
    },
    /// Takes a roster person off this session's roster for good, as part of
    /// erasing them (never parsed from a client message).
    #[serde(skip)]
    EraseFromRoster(uuid::Uuid),
    /// Gives the session a new title (facilitator).
    Rename {
        /// The new title.
        title: String,
        /// Its Welsh, for Welsh readers; empty or absent, none.
        #[serde(default)]
        title_cy: Option<String>,
    },
    /// Sets the language of the projector and the outcome pack: `en`, `cy`
    /// or `cy+en` (facilitator).
    SetLanguage {
        /// The language.
        language: crate::language::SessionLanguage,
    },
    /// Hides the session from the console's lists; review keeps it (facilitator).
    Archive,
    /// Shows an archived session in the console's lists again (facilitator).
    Unarchive,
    /// Lets in everyone waiting in the lobby, except joins held for a reason
    /// (a name taken or not on the roster), which each need a decision.
    AdmitAll,
    /// Write a note or decision (facilitator).
    Note {
        /// The text.
        text: String,
        /// `note` (default) or `decision`.
        #[serde(default)]
        kind: NoteKind,
    },
    /// Record an action with an owner and, if agreed, a due date (facilitator).
    Action {
        /// What will be done.
        #[serde(default)]
        text: String,
        /// Who will do it.
        #[serde(default)]
        owner: String,
        /// By when, `YYYY-MM-DD`; none or empty when no date was agreed.
        #[serde(default)]
        due: Option<String>,
    },
    /// Start, pause or reset an activity's countdown (facilitator).
    Timer {
        /// Activity id.
        activity: String,
        /// What to do.
        action: TimerAction,
        /// Seconds to run for (start only); otherwise what was left, or the script's length.
        #[serde(default)]
        seconds: Option<u32>,
    },
    /// End the session; nothing changes after this (facilitator).
    End,
    /// A new participant (from `POST /api/join`; never parsed from a client message).
    #[serde(skip)]
    Join(JoinRequest),
    /// The series' roster changed (from `PUT /api/series/{id}/roster`; never
    /// parsed from a client message).
    #[serde(skip)]
    SetRoster(Vec<crate::series::Person>),
    /// Whether the series takes joins by invitation only, as this session
    /// applies it (from the series; never parsed from a client message).
    #[serde(skip)]
    SetInvitationsOnly(bool),
    /// Replace the session's script (`PUT /api/sessions/{id}/script`).
    #[serde(skip)]
    SetScript(Box<crate::workshop::Workshop>),
    /// One of a kind's own commands (`idea`, `edit_idea`, `amend`…), which
    /// that kind decides (see [`crate::activity::own`]).
    #[serde(skip)]
    Kind(KindCommand),
}

impl Serialize for Command {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Command::Kind(command) => command.serialize(serializer),
            session => Command::serialize(session, serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Command {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Command, D::Error> {
        use serde::de::Error;
        let message = serde_json::Value::deserialize(deserializer)?;
        let kind = message.get("type").and_then(serde_json::Value::as_str);
        let kind = kind.unwrap_or_default().to_owned();
        match KindCommand::parse(&kind, message) {
            Ok(read) => read.map(Command::Kind).map_err(D::Error::custom),
            Err(message) => Command::deserialize(message).map_err(D::Error::custom),
        }
    }
}

impl Command {
    /// The wire types that take no fields besides `type` (and `client_id`).
    pub const FIELDLESS: [&'static str; 4] = ["admit_all", "archive", "unarchive", "end"];

    /// The `type` names clients may send besides the kinds' own commands
    /// ([`crate::activity::own::KindCommand::wire_types`]), for telling
    /// "unknown type" from "bad fields".
    pub const WIRE_TYPES: [&'static str; 20] = [
        "vote",
        "goto",
        "open",
        "close",
        "reveal",
        "hide",
        "page",
        "rerun",
        "admit",
        "admit_all",
        "rename",
        "set_language",
        "archive",
        "unarchive",
        "remove",
        "erase",
        "end",
        "note",
        "action",
        "timer",
    ];
}

/// What to do with a countdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimerAction {
    /// Start (or resume).
    Start,
    /// Pause, keeping the time left.
    Pause,
    /// Back to the script's length, stopped.
    Reset,
    /// Adds time (`seconds`, a minute by default), running or not.
    Add,
}

/// A person joining. The id and token hash are made by the caller, so that
/// deciding stays free of randomness.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JoinRequest {
    /// New participant id.
    pub participant: ParticipantId,
    /// Who they say they are.
    pub who: Claim,
    /// Hash of the participant's secret token.
    pub token_hash: String,
}

/// Who a joiner says they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// A roster person, picked from the list.
    Person(uuid::Uuid),
    /// A roster person whose personal invitation the web layer checked:
    /// they go straight in, and an earlier claim of them waits.
    Invited(uuid::Uuid),
    /// A name typed in, matched against the roster when there is one.
    Named {
        /// Name as typed (checked).
        name: String,
        /// Group chosen.
        group: Group,
        /// Optional job title (portfolio, directorate).
        job_title: Option<String>,
    },
}
