//! The live runtime of sessions: one tokio task per session (the actor), the
//! handle the web layer holds, the publisher of rendered views, and the
//! registry of live sessions. It sits above the pure [`crate::session`],
//! [`crate::render`] and [`crate::transcript`], and uses all three.

pub mod actor;
pub use actor::{SessionError, SessionHandle};
pub use registry::Listed;
mod handle;
pub mod publisher;
pub mod registry;
