//! The pure core of a session: state, commands, events, `decide` and `apply`.
//! No tokio, no files, no clock of its own: replaying a transcript is the
//! same fold as running live.

mod activity_state;
pub mod carry;
mod command;
mod context;
mod decide;
mod decide_content;
mod decide_join;
pub mod erasure;
mod event;
mod rejection;
mod script_edit;
pub mod shared_map;
mod state;
mod steps;
mod summary;

pub use activity_state::{ActivityState, ActivityStatus, Timer, Turnout};
pub use command::{Actor, Claim, Command, JoinRequest, TimerAction};
pub use context::{Context, Pseudonyms};
pub use decide::{actor_on_record, decide, execute};
pub use event::{Event, HoldReason, Record};
pub use rejection::Rejection;
pub use script_edit::live_script;
pub use state::{Participant, SessionInfo, SessionState, SessionStatus};
pub use steps::{next_step, previous_activity, Step};
pub use summary::SessionSummary;

/// Identifies a participant within a session (also the key of their ballots).
pub use crate::activity::ParticipantId;

/// The most pages the projector may be asked to turn to: more than any
/// slide has, few enough that a page number is never a way to store data.
pub const MAX_SLIDE_PAGE: u32 = 100;
