//! Why a command was refused: a stable code for programs, a sentence for people.

use crate::workshop::Group;

/// A command the session will not carry out. Refusing changes nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    /// No activity with that id in this workshop.
    #[error("there is no activity {0:?} in this workshop")]
    UnknownActivity(String),
    /// Voting on that activity is not open.
    #[error("voting on {0:?} is not open")]
    ActivityClosed(String),
    /// The ballot names an option the activity does not have.
    #[error("{option:?} is not an option of {activity:?}")]
    UnknownOption {
        /// The activity.
        activity: String,
        /// The option named.
        option: String,
    },
    /// A ballot for a different kind of activity.
    #[error("this activity takes a {expected} ballot")]
    WrongBallotKind {
        /// The kind the activity takes.
        expected: &'static str,
    },
    /// A dot count below zero.
    #[error("dots cannot be negative")]
    NegativeDots,
    /// More dots than the budget.
    #[error("you have {budget} dots and this ballot uses {used}")]
    TooManyDots {
        /// The budget.
        budget: i64,
        /// What the ballot used.
        used: i64,
    },
    /// More dots on one option than allowed.
    #[error("at most {cap} dots may go on one option")]
    TooManyDotsOnOption {
        /// The per-option cap.
        cap: i64,
    },
    /// A ballot that says nothing.
    #[error("place at least one dot")]
    EmptyBallot,
    /// The participant's group may not do this.
    #[error("{0}")]
    WrongGroup(String),
    /// The participant is waiting in the lobby.
    #[error("the facilitator has not admitted you yet")]
    NotAdmitted,
    /// The participant was removed from the session.
    #[error("you have been removed from this session")]
    Removed,
    /// No such participant in this session.
    #[error("there is no participant {0} in this session")]
    UnknownParticipant(String),
    /// The session has ended; nothing more can change.
    #[error("this session has ended")]
    SessionEnded,
    /// Only the facilitator may do this.
    #[error("only the facilitator can {0}")]
    FacilitatorOnly(&'static str),
    /// Only participants vote.
    #[error("only participants can {0}")]
    ParticipantOnly(&'static str),
    /// A name or other text is empty, too long, or has control characters.
    #[error("{0}")]
    InvalidText(String),
    /// The session is full.
    #[error("this session is full")]
    SessionFull,
    /// A ballot that breaks the kind's rules in a way not listed above.
    #[error("{0}")]
    InvalidBallot(String),
    /// A response to a statement's old wording.
    #[error("statement {0:?} was amended; read it again and answer the new wording")]
    StatementAmended(String),
    /// An objection without a reason.
    #[error("say why you object to {0:?}, so the room can amend it")]
    ReasonRequired(String),
    /// A score outside 1 to 5.
    #[error("scores for {0:?} run from 1 to 5")]
    ScoreOutOfRange(String),
    /// More ideas than the activity allows per person.
    #[error("you can offer at most {0} ideas here")]
    TooManyIdeas(u32),
    /// No such idea.
    #[error("there is no idea {0:?} in this activity")]
    UnknownIdea(String),
    /// A command for a different kind of activity.
    #[error("{0}")]
    WrongKind(String),
    /// The activity has no options to vote on (nothing was carried in).
    #[error("{0:?} has no options yet: nothing was carried in and the script lists none")]
    NoOptions(String),
    /// A timer with no length.
    #[error("say how many seconds the timer should run")]
    NoDuration,
    /// A field the activity does not have.
    #[error("{0:?} is not one of this activity's fields")]
    UnknownField(String),
    /// An amendment that changes nothing.
    #[error("the amendment changes nothing")]
    NothingToAmend,
    /// The session's pseudonym secret is missing, so an anonymous ballot
    /// cannot be filed without risking counting someone twice.
    #[error("anonymous voting is unavailable in this session; tell the facilitator")]
    AnonymityUnavailable,
    /// The same roster person, claimed twice in one command (never from the wire).
    #[error("there is no one with that id on this series' roster")]
    UnknownPerson,
}

impl Rejection {
    /// The stable code clients match on. Documented in `docs/api.md`.
    pub fn code(&self) -> &'static str {
        match self {
            Rejection::UnknownActivity(_) => "unknown_activity",
            Rejection::ActivityClosed(_) => "activity_closed",
            Rejection::UnknownOption { .. } => "unknown_option",
            Rejection::WrongBallotKind { .. } => "wrong_ballot_kind",
            Rejection::NegativeDots => "negative_dots",
            Rejection::TooManyDots { .. } | Rejection::TooManyDotsOnOption { .. } => {
                "too_many_dots"
            }
            Rejection::EmptyBallot => "empty_ballot",
            Rejection::WrongGroup(_) => "wrong_group",
            Rejection::NotAdmitted => "not_admitted",
            Rejection::Removed => "removed",
            Rejection::UnknownParticipant(_) => "unknown_participant",
            Rejection::SessionEnded => "session_ended",
            Rejection::FacilitatorOnly(_) | Rejection::ParticipantOnly(_) => "forbidden",
            Rejection::InvalidText(_) => "invalid_text",
            Rejection::SessionFull => "session_full",
            Rejection::InvalidBallot(_) => "invalid_ballot",
            Rejection::StatementAmended(_) => "statement_amended",
            Rejection::ReasonRequired(_) => "reason_required",
            Rejection::ScoreOutOfRange(_) => "score_out_of_range",
            Rejection::TooManyIdeas(_) => "too_many_ideas",
            Rejection::UnknownIdea(_) => "unknown_idea",
            Rejection::WrongKind(_) => "wrong_kind",
            Rejection::NoOptions(_) => "no_options",
            Rejection::NoDuration => "no_duration",
            Rejection::UnknownField(_) => "unknown_field",
            Rejection::NothingToAmend => "nothing_to_amend",
            Rejection::AnonymityUnavailable => "anonymity_unavailable",
            Rejection::UnknownPerson => "unknown_person",
        }
    }

    /// A group that may not join this workshop.
    pub fn group_not_invited(group: Group, allowed: &[Group]) -> Rejection {
        let names: Vec<&str> = allowed.iter().map(|g| g.label()).collect();
        Rejection::WrongGroup(format!(
            "this workshop is for {} only, not {}",
            names.join(" and "),
            group.label()
        ))
    }
}
