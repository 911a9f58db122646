//! topteam: live facilitated workshops for a council's cabinet and its management team.
//!
//! # Layout
//!
//! A tour in the order a ballot travels:
//!
//! - [`web`]: the thin HTTP and websocket layer. Routes parse and authenticate,
//!   then hand a [`session::Command`] to the session's handle and await the
//!   reply. `web::pages` holds the maud pages (join, phone, console, projector,
//!   review); `web::socket` the one `select!` loop per websocket; `web::limits`
//!   the guards against guessing and flooding; `web::joining` the one way the
//!   API and the join form let someone in; `web::series_api` series and rosters.
//! - [`series`]: a council's series of workshops, its name and roster, kept
//!   as `DATA_DIR/series/<id>.jsonl`; `series::roster` the pure roster rules.
//! - [`session`]: the heart, in two rooms. `session::core` is pure: state,
//!   commands, events, [`session::decide`] (a command into events or a
//!   [`session::Rejection`]), `apply` (an event into the state), and
//!   [`session::execute`] (both, for one command); `decide_join` matches a
//!   joiner to the roster and holds doubtful joins. It imports nothing of the
//!   runtime. `session::live` is the runtime: [`session::actor`] is the one
//!   tokio task per live session that owns the state and its transcript
//!   writer and makes every event durable before anyone sees it; the handle
//!   is what the web layer holds; `live::publisher` owns the watch channels
//!   and decides when to render; [`session::registry`] maps ids and codes to
//!   handles.
//! - [`activity`]: the activity kinds, one file each. [`activity::Kind`] is
//!   the one seam (check, count, compare, export a ballot) and
//!   [`activity::kind_of`] the one registry line per kind. Kinds import
//!   nothing of the session: their refusals are [`activity::BallotError`].
//! - [`workshop`]: the TOML workshop scripts in `workshops/`, parsed and checked.
//! - [`transcript`]: the append-only JSONL store and its replay; appends from
//!   rooms voting at the same moment are made durable by one sync.
//! - [`render`]: maud views for each audience (participant, screen,
//!   facilitator) as functions of state, SVG charts, and the session as JSON.
//! - [`report`]: the organiser's record rebuilt from a transcript: timeline
//!   (UK time), Markdown, CSV and JSON.
//! - [`error_code`]: every refusal's stable code; `web::error` gives each its
//!   HTTP status, and a test holds both to `docs/api.md`.
//! - [`config`]: every size limit and tunable in one place; [`metrics`] the
//!   counters `/metrics` shows.
//! - [`app`]: wiring: locks the data folder, binds the listener, replays
//!   transcripts, serves, shuts down.
//!
//! The binary is `topteam` (`src/main.rs`: serve, check, export, verify); the
//! load generator and its baseline are the workspace crate `load/`
//! (`topteam-load`). Tests: `tests/api/` (real server, real sockets, the real
//! binary killed with kill -9) and `tests/browser/` (Chromium, behind the
//! `browser-tests` feature).

#![warn(missing_docs)]

pub mod activity;
pub mod app;
pub mod config;
pub mod error_code;
pub mod metrics;
pub mod render;
pub mod report;
pub mod series;
pub mod session;
pub mod time;
pub mod transcript;
pub mod web;
pub mod workshop;
