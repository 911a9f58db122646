//! What happened: the events a transcript records, one per line.

use super::{Actor, ParticipantId};
use crate::activity::Ballot;
use crate::workshop::Group;
use serde::{Deserialize, Serialize};

/// A fact about the session. State is the fold of these.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
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
        /// Whether they went straight in (no lobby).
        admitted: bool,
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
    /// A ballot was cast; it replaces the voter's earlier ballot on that activity.
    BallotCast {
        /// Activity id.
        activity: String,
        /// The voter.
        voter: ParticipantId,
        /// The voter's group.
        group: Group,
        /// The validated ballot.
        ballot: Ballot,
    },
    /// The session is over.
    SessionEnded,
}

/// One line of a transcript after the header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// 1, 2, 3, … with no gaps.
    pub seq: u64,
    /// When it was made durable, RFC 3339.
    pub at: String,
    /// Who caused it.
    pub actor: Actor,
    /// The client's id for the command, so a resend is recognised after a restart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// What happened.
    pub event: Event,
}
