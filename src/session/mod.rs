//! A live workshop session: the pure core (state, commands, events, decide, apply)
//! and the tokio task that runs it.

pub mod actor;
mod command;
mod decide;
mod event;
pub mod registry;
mod rejection;
mod state;

pub use actor::{SessionError, SessionHandle};
pub use command::{Actor, Command, JoinRequest};
pub use decide::decide;
pub use event::{Event, Record};
pub use rejection::Rejection;
pub use state::{
    constant_time_eq, ActivityState, ActivityStatus, Participant, SessionInfo, SessionState,
    SessionStatus,
};

/// Identifies a participant within a session (also the key of their ballots).
pub type ParticipantId = uuid::Uuid;
