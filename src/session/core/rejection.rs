//! Why a command was refused: a stable code for programs, a sentence for people.

use crate::error_code::ErrorCode;
use crate::workshop::Group;

/// A command the session will not carry out. Refusing changes nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    /// No activity with that id in this workshop.
    #[error("there is no activity {0:?} in this workshop")]
    UnknownActivity(String),
    /// Voting on that activity is not open.
    #[error("voting on \u{201c}{0}\u{201d} is not open")]
    ActivityClosed(String),
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
    #[error("that person is not in this session")]
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
    /// The session is full.
    #[error("this session is full")]
    SessionFull,
    /// More ideas than the activity allows per person.
    #[error("{}", at_most_ideas(*.0))]
    TooManyIdeas(u32),
    /// No such idea.
    #[error("that idea is not in this activity any more")]
    UnknownIdea(String),
    /// A command for a different kind of activity.
    #[error("{0}")]
    WrongKind(String),
    /// The activity has no options to vote on (nothing was carried in).
    #[error(
        "\u{201c}{0}\u{201d} has no options yet: nothing was carried in and the script lists none"
    )]
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
    /// A script with problems, each with its field.
    #[error("the script has {} problem(s): {}", .0.len(), .0.first().map_or(String::new(), ToString::to_string))]
    InvalidScript(Vec<crate::workshop::ScriptProblem>),
    /// A script edit that changes an activity already opened (its title).
    #[error("\u{201c}{0}\u{201d} has already been opened, so it cannot change; activities not yet opened can")]
    ActivityStarted(String),
    /// The same roster person, claimed twice in one command (never from the wire).
    #[error("that name is not on this workshop's list; choose it again from the list, or choose \"I am not on this list\"")]
    UnknownPerson,
    /// Someone already erased.
    #[error("that person has already been erased")]
    AlreadyErased,
    /// Admitting someone as a roster person another participant already is.
    #[error("{0} is already here as {1}: remove that entry first, or let them in instead")]
    AlreadyHere(String, String),
    /// Reopening an anonymous activity whose results were counted: a
    /// latecomer's answer would be the difference between two tallies.
    #[error("\u{201c}{0}\u{201d} is anonymous and its results were counted when it closed, so it cannot reopen or change: one more answer would show as the difference. Use \u{201c}Run it again\u{201d} to ask everyone afresh")]
    AnonymousSealed(String),
    /// The ballot or text breaks the activity's rules.
    #[error(transparent)]
    Ballot(#[from] crate::activity::BallotError),
}

/// "at most 2 ideas", or "only one idea" where one is all.
fn at_most_ideas(most: u32) -> String {
    if most == 1 {
        "you can offer only one idea here".to_string()
    } else {
        format!("you can offer at most {most} ideas here")
    }
}

impl Rejection {
    /// The stable code clients match on. Documented in `docs/api.md`.
    pub fn code(&self) -> ErrorCode {
        match self {
            Rejection::UnknownActivity(_) => ErrorCode::UnknownActivity,
            Rejection::ActivityClosed(_) => ErrorCode::ActivityClosed,
            Rejection::InvalidScript(_) => ErrorCode::InvalidScript,
            Rejection::ActivityStarted(_) => ErrorCode::ActivityStarted,
            Rejection::WrongGroup(_) => ErrorCode::WrongGroup,
            Rejection::NotAdmitted => ErrorCode::NotAdmitted,
            Rejection::Removed => ErrorCode::Removed,
            Rejection::UnknownParticipant(_) => ErrorCode::UnknownParticipant,
            Rejection::SessionEnded => ErrorCode::SessionEnded,
            Rejection::FacilitatorOnly(_) | Rejection::ParticipantOnly(_) => ErrorCode::Forbidden,
            Rejection::SessionFull => ErrorCode::SessionFull,
            Rejection::TooManyIdeas(_) => ErrorCode::TooManyIdeas,
            Rejection::UnknownIdea(_) => ErrorCode::UnknownIdea,
            Rejection::WrongKind(_) => ErrorCode::WrongKind,
            Rejection::NoOptions(_) => ErrorCode::NoOptions,
            Rejection::NoDuration => ErrorCode::NoDuration,
            Rejection::UnknownField(_) => ErrorCode::UnknownField,
            Rejection::NothingToAmend => ErrorCode::NothingToAmend,
            Rejection::AnonymityUnavailable => ErrorCode::AnonymityUnavailable,
            Rejection::Ballot(e) => e.code(),
            Rejection::UnknownPerson => ErrorCode::UnknownPerson,
            Rejection::AlreadyErased => ErrorCode::AlreadyErased,
            Rejection::AnonymousSealed(_) => ErrorCode::AnonymousSealed,
            Rejection::AlreadyHere(..) => ErrorCode::AlreadyHere,
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
