//! The live runtime of sessions: one tokio task per session (the actor), the
//! handle the web layer holds, and the registry of live sessions.

pub mod actor;
mod handle;
pub mod publisher;
pub mod registry;
