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
//! - [`live`]: the runtime. [`live::actor`] is the one tokio task per live
//!   session that owns the state and its transcript writer and makes every
//!   event durable before anyone sees it; the handle is what the web layer
//!   holds; `live::publisher` owns the watch channels and decides when to
//!   render; [`live::registry`] maps ids and codes to handles. It sits above
//!   [`session`], [`render`] and [`transcript`] and uses all three.
//! - [`session`]: the heart, pure: state, commands, events,
//!   [`session::decide`] (a command into events or a [`session::Rejection`]),
//!   `apply` (an event into the state), and [`session::execute`] (both, for
//!   one command); `decide_join` matches a joiner to the roster and holds
//!   doubtful joins. It imports nothing of the runtime, rendering or storage.
//! - [`activity`]: the activity kinds, one folder each:
//!   `activity/<kind>/mod.rs` its rules (settings, ballot checks, tally,
//!   comparison, what it carries on, its answers in exports) as
//!   [`activity::Kind`], and `activity/<kind>/show.rs` how it is shown (phone
//!   form, results table, chart, Markdown, console tools) as
//!   [`activity::Show`]. `activity/registry.rs` is the one registry: an
//!   entry per kind names its variant, its script `kind`, its value, its
//!   `Tally` variant and its `Ballot` variants, and a macro writes
//!   [`activity::ActivityKind`], [`activity::kind_of`], [`activity::Ballot`]
//!   and `Tally` from it; everything else asks the kind (its label, its
//!   settings, how the room answers it, whether it can feed a later activity
//!   or be amended, its form's shape for the phone script) and never matches
//!   on which it is. `activity::show` holds what kinds share to draw (the
//!   scores table, team bars). Kinds import nothing of the session: their
//!   refusals are [`activity::BallotError`] and their views read an
//!   [`activity::ActivityView`].
//!
//!   A kind may also have commands, events and state of its own
//!   ([`activity::own::Owns`]): `ideas` takes ideas from phones and the
//!   facilitator's edits, hides and merges; `agreement` takes amendments.
//!   Its registry entry says `owns`, and the macro writes
//!   [`activity::own::KindCommand`], [`activity::own::KindEvent`] and
//!   [`activity::own::KindState`]. The session carries these as they come
//!   (`Command::Kind`, `Event::Kind`, `ActivityState::own`), checks only
//!   that the activity is of the command's kind, and lets the kind decide,
//!   apply, list entries, count results and tell the timeline; the
//!   transcript keeps each event as the kind wrote it.
//!
//!   Adding a kind is its folder (`mod.rs`, `show.rs`, and `own.rs` if it
//!   has commands of its own) and its registry entry; `poll` and `matrix`
//!   were added so, and `ideas` and `agreement` moved their commands into
//!   their folders so. Its script settings are its
//!   own: it lists them in [`activity::Kind::settings`] (from which the
//!   agenda editor draws them and `topteam check` names a setting the kind
//!   does not take) and reads them from [`activity::ActivitySpec::settings`]
//!   (`number_setting`, `text_setting`). A form of an existing shape
//!   (counts, order, choices, pick, ideas) needs nothing in the browser; a
//!   new shape is a module in `static/shapes/` and its line in
//!   `static/shapes/index.js`.
//! - [`workshop`]: the TOML workshop scripts in `workshops/`, parsed and
//!   checked; an activity's settings ([`activity::ActivitySpec`]) and the
//!   teams ([`activity::Group`]) live with the kinds that read them.
//! - [`transcript`]: the append-only JSONL store and its replay; appends from
//!   rooms voting at the same moment are made durable by one sync.
//! - [`render`]: maud views for each audience (participant, screen,
//!   facilitator) as functions of state, the session as JSON, and
//!   [`render::PhoneView`], the one place that decides what a phone shows.
//! - [`report`]: the organiser's record rebuilt from a transcript: timeline
//!   (UK time), Markdown (each kind writes its own results), CSV and JSON.
//!   `session::core::erasure` and `records::erasure` take a person's name out of
//!   all of it on request (events appended, then each file rewritten and
//!   replay-checked).
//!
//! One ballot from socket to screen: `web/socket/conn.rs` reads the frame and
//! `web/protocol.rs` parses it into a `Command::Vote`; `live/handle.rs`
//! sends it to the session's task in `live/actor.rs`, which calls
//! `session/core/decide.rs`; that asks `activity/<kind>/mod.rs` to validate the
//! ballot (`Kind::validate`) and returns a `BallotCast` event (`event.rs`);
//! the actor appends it through `transcript/` and waits for the sync, then
//! `session/core/state/apply.rs` folds it into the state and the socket gets
//! its ack; `live/publisher.rs` renders the new views
//! (`render/views.rs`, whose results come from `activity/<kind>/show.rs`) and
//! publishes them on watch channels, and each projector and console socket
//! writes the new frame.
//! - [`error_code`]: every refusal's stable code; `web::error` gives each its
//!   HTTP status, and a test holds both to `docs/api.md`.
//! - [`config`]: every size limit and tunable in one place; [`metrics`] the
//!   counters `/metrics` shows (prometheus-client); [`time`] instants as
//!   `jiff::Timestamp`s, shown in UK time.
//! - [`app`]: wiring: locks the data folder, binds the listener, replays
//!   transcripts, serves, shuts down.
//!
//! The layers, bottom up: `config`, `time`, `secrets`, `durable`,
//! `error_code`; `activity`; `workshop`; `series`; `session`; `transcript`
//! and `render`; `report` and `live`; `records` (erasing, deleting and
//! retention, which the web layer and the command line both call); `web`;
//! `app`. No module uses one above it (`tests/api/layers.rs` holds this).
//!
//! The binary is `topteam` (`src/main.rs`: serve, check, export, verify); the
//! load generator and its baseline are the workspace crate `load/`
//! (`topteam-load`). Tests: `tests/api/` (real server, real sockets, the real
//! binary killed with kill -9) and `tests/browser/` (Chromium, behind the
//! `browser-tests` feature).

#![warn(missing_docs)]

pub mod activity;
pub mod app;
pub mod audit;
pub mod backup;
pub mod config;
pub mod durable;
pub mod erasures;
pub mod error_code;
pub mod language;
pub mod live;
pub mod metrics;
pub mod records;
pub mod render;
pub mod report;
pub mod secrets;
pub mod series;
pub mod serve;
pub mod session;
pub mod time;
pub mod transcript;
pub mod web;
pub mod workshop;
