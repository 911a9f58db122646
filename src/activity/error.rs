//! Why a ballot or a piece of text breaks an activity's rules. The session
//! wraps these in its own refusal; the activity kinds know nothing of it.

use crate::error_code::ErrorCode;

/// A ballot or text the activity refuses. Refusing changes nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BallotError {
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
    #[error("the answer is empty: choose or place at least one answer, then save")]
    EmptyBallot,
    /// A name or other text is empty, too long, or has control characters.
    #[error("{0}")]
    InvalidText(String),
    /// A ballot that breaks the kind's rules in a way not listed above.
    #[error("{0}")]
    InvalidBallot(String),
    /// A response to a statement's old wording.
    #[error(
        "the statement \u{201c}{0}\u{201d} was amended; read it again and answer the new wording"
    )]
    StatementAmended(String),
    /// An objection without a reason.
    #[error("say why you object to \u{201c}{0}\u{201d}, so the room can amend it")]
    ReasonRequired(String),
    /// A score outside 1 to 5.
    #[error("scores for \u{201c}{0}\u{201d} run from 1 to 5")]
    ScoreOutOfRange(String),
}

impl BallotError {
    /// The stable code clients match on. Documented in `docs/api.md`.
    pub fn code(&self) -> ErrorCode {
        match self {
            BallotError::UnknownOption { .. } => ErrorCode::UnknownOption,
            BallotError::WrongBallotKind { .. } => ErrorCode::WrongBallotKind,
            BallotError::NegativeDots => ErrorCode::NegativeDots,
            BallotError::TooManyDots { .. } | BallotError::TooManyDotsOnOption { .. } => {
                ErrorCode::TooManyDots
            }
            BallotError::EmptyBallot => ErrorCode::EmptyBallot,
            BallotError::InvalidText(_) => ErrorCode::InvalidText,
            BallotError::InvalidBallot(_) => ErrorCode::InvalidBallot,
            BallotError::StatementAmended(_) => ErrorCode::StatementAmended,
            BallotError::ReasonRequired(_) => ErrorCode::ReasonRequired,
            BallotError::ScoreOutOfRange(_) => ErrorCode::ScoreOutOfRange,
        }
    }
}
