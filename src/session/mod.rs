//! A workshop session, pure: state, commands, events, `decide` and `apply`.
//! The runtime that runs sessions live is [`crate::live`], above this; this
//! imports nothing of it, nor of rendering or storage.

pub mod core;

pub use self::core::*;
