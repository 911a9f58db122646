//! A workshop session: the pure core (`core`: state, commands, events,
//! decide, apply) and the live runtime that runs it (`live`: the task per
//! session, its handle, the registry). The core imports nothing of the runtime.

pub mod core;
pub mod live;

pub use self::core::*;
pub use live::actor::{self, SessionError, SessionHandle};
pub use live::registry;
