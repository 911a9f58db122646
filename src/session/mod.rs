//! A live workshop session: the pure core (state, commands, events, decide, apply)
//! and the tokio task that runs it.

mod activity_state;
pub mod actor;
pub mod carry;
mod command;
mod context;
mod decide;
mod decide_content;
mod decide_join;
mod event;
mod handle;
pub mod registry;
mod rejection;
pub mod shared_map;
mod state;

pub use activity_state::{ActivityState, ActivityStatus, Timer, Turnout};
pub use actor::{SessionError, SessionHandle};
pub use command::{Actor, Claim, Command, JoinRequest, TimerAction};
pub use context::{Context, Pseudonyms};
pub use decide::{actor_on_record, decide, execute};
pub use event::{Event, HoldReason, Record};
pub use rejection::Rejection;
pub use state::{constant_time_eq, Participant, SessionInfo, SessionState, SessionStatus};

/// Identifies a participant within a session (also the key of their ballots).
pub type ParticipantId = uuid::Uuid;
