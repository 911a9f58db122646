//! Views for each audience, rendered once per change and shared by every socket.
//!
//! The session task calls [`ViewSenders::publish`] after a durable batch (at
//! most once per render interval). Each audience's view is encoded once into a
//! websocket frame ([`wire`]); every socket writes a cheap clone of those bytes.

mod ballots;
pub mod charts;
mod json;
mod results;
mod views;
pub mod wire;

pub use json::{session_json, session_summary_json, status_name};
pub use results::{field_label, results as activity_results};
pub use views::{
    facilitator_view, participant_view, screen_view, waiting_view, ConsoleAlerts,
    ParticipantVariant, Pass,
};

use crate::session::{ParticipantId, SessionState};
use bytes::Bytes;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::watch;

/// One audience's rendered view: the exact websocket message to send.
#[derive(Debug, Clone)]
pub struct Frame {
    /// Last event the view reflects.
    pub seq: u64,
    /// The HTML alone, to tell whether a new rendering changed anything.
    pub html: Arc<str>,
    /// `{"type":"view","audience":…,"seq":…,"html":…}` as a complete websocket
    /// frame, shared by every socket of the audience.
    pub wire: Bytes,
}

/// Where a participant stands, for sockets to pick their view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// In the lobby.
    Waiting,
    /// In the room.
    Admitted,
    /// Removed by the facilitator.
    Removed,
}

/// The participant views: one per variant, plus who stands where.
#[derive(Debug, Clone)]
pub struct ParticipantFrame {
    /// For cabinet and management members.
    pub voter: Frame,
    /// For observers (the voters' frame again when there are none, as nobody reads it).
    pub observer: Frame,
    /// For anyone still in the lobby, when someone is.
    pub waiting: Option<Frame>,
    /// Each participant's standing, so a socket notices admission or removal.
    pub standing: Arc<HashMap<ParticipantId, Standing>>,
}

/// The one audience a socket follows, with the receiver of its latest view.
#[derive(Debug, Clone)]
pub enum Views {
    /// A phone.
    Participant(watch::Receiver<Arc<ParticipantFrame>>),
    /// The projector.
    Screen(watch::Receiver<Arc<Frame>>),
    /// The console.
    Facilitator(watch::Receiver<Arc<Frame>>),
}

/// Which audience a socket follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Phones.
    Participant,
    /// The projector.
    Screen,
    /// The console.
    Facilitator,
}

/// The publishing side, owned by the session task. An audience nobody is
/// watching is not rendered; its view is marked stale and brought up to date
/// when someone subscribes.
pub struct ViewSenders {
    participant: watch::Sender<Arc<ParticipantFrame>>,
    screen: watch::Sender<Arc<Frame>>,
    facilitator: watch::Sender<Arc<Frame>>,
    stale: [bool; 3],
    /// What the console must warn about.
    pub alerts: ConsoleAlerts,
}

/// Channels holding the views of `state`.
pub fn channels(state: &SessionState, alerts: ConsoleAlerts) -> ViewSenders {
    let pass = Pass::new(state);
    let (participant, _) = watch::channel(Arc::new(participant_frame(&pass)));
    let (screen, _) = watch::channel(Arc::new(frame(
        "screen",
        state.seq,
        &screen_view(&pass).into_string(),
    )));
    let (facilitator, _) = watch::channel(Arc::new(frame(
        "facilitator",
        state.seq,
        &facilitator_view(&pass, &alerts).into_string(),
    )));
    ViewSenders {
        participant,
        screen,
        facilitator,
        stale: [false; 3],
        alerts,
    }
}

impl ViewSenders {
    /// Renders each watched audience once and publishes what changed. A view
    /// whose HTML is unchanged is not republished, so its sockets send nothing.
    /// `phones_changed` is false when nothing since the last publish can alter
    /// the participant views ([`changes_participant_view`]), which then are
    /// not even rendered.
    pub fn publish(&mut self, state: &SessionState, phones_changed: bool) {
        let pass = Pass::new(state);
        for audience in [
            Audience::Participant,
            Audience::Screen,
            Audience::Facilitator,
        ] {
            if self.watchers(audience) == 0 {
                self.stale[audience as usize] = true;
            } else if audience != Audience::Participant || phones_changed {
                self.render(audience, &pass);
            }
        }
    }

    /// A receiver for a new socket, its view brought up to date first.
    pub fn subscribe(&mut self, audience: Audience, state: &SessionState) -> Views {
        if self.stale[audience as usize] {
            self.render(audience, &Pass::new(state));
        }
        match audience {
            Audience::Participant => Views::Participant(self.participant.subscribe()),
            Audience::Screen => Views::Screen(self.screen.subscribe()),
            Audience::Facilitator => Views::Facilitator(self.facilitator.subscribe()),
        }
    }

    fn watchers(&self, audience: Audience) -> usize {
        match audience {
            Audience::Participant => self.participant.receiver_count(),
            Audience::Screen => self.screen.receiver_count(),
            Audience::Facilitator => self.facilitator.receiver_count(),
        }
    }

    fn render(&mut self, audience: Audience, pass: &Pass) {
        self.stale[audience as usize] = false;
        let state = pass.state;
        match audience {
            Audience::Participant => {
                let next = participant_frame(pass);
                self.participant.send_if_modified(|current| {
                    let changed = current.voter.html != next.voter.html
                        || current.observer.html != next.observer.html
                        || current.standing != next.standing;
                    if changed {
                        *current = Arc::new(next);
                    }
                    changed
                });
            }
            Audience::Screen => publish_html(
                &self.screen,
                "screen",
                state.seq,
                screen_view(pass).into_string(),
            ),
            Audience::Facilitator => publish_html(
                &self.facilitator,
                "facilitator",
                state.seq,
                facilitator_view(pass, &self.alerts).into_string(),
            ),
        }
    }
}

fn publish_html(tx: &watch::Sender<Arc<Frame>>, audience: &str, seq: u64, html: String) {
    tx.send_if_modified(|current| {
        // Compare the HTML, not the seq: a vote that changes nothing visible
        // to this audience costs its sockets nothing.
        if *current.html == *html {
            return false;
        }
        *current = Arc::new(frame(audience, seq, &html));
        true
    });
}

#[derive(Serialize)]
struct ViewMessage<'a> {
    r#type: &'a str,
    audience: &'a str,
    seq: u64,
    html: &'a str,
}

/// Whether `event`, once applied to `state`, can change what phones show. A
/// ballot cannot while results are hidden: the participant views hold the
/// activity, its ballot form and, once revealed, the results, but no turnout
/// (each phone's own ballot comes in its own `ballot` message). Skipping those
/// renders matters: in a room voting with results hidden, ballots are most
/// events.
pub fn changes_participant_view(state: &SessionState, event: &crate::session::Event) -> bool {
    match event {
        crate::session::Event::BallotCast { activity, .. } => {
            state.activity(activity).is_none_or(|(_, a)| a.revealed)
        }
        _ => true,
    }
}

/// Builds the websocket message for one view.
pub fn frame(audience: &str, seq: u64, html: &str) -> Frame {
    let message = ViewMessage {
        r#type: "view",
        audience,
        seq,
        html,
    };
    Frame {
        seq,
        html: html.into(),
        // Escaping adds a backslash before each quote of the HTML's attributes.
        wire: wire::text_frame(&message, 80 + html.len() + html.len() / 8),
    }
}

fn participant_frame(pass: &Pass) -> ParticipantFrame {
    let state = pass.state;
    let standing: HashMap<ParticipantId, Standing> = state
        .participants
        .iter()
        .map(|p| {
            let s = if p.removed {
                Standing::Removed
            } else if p.admitted {
                Standing::Admitted
            } else {
                Standing::Waiting
            };
            (p.id, s)
        })
        .collect();
    let render = |variant| {
        frame(
            "participant",
            state.seq,
            &participant_view(pass, variant).into_string(),
        )
    };
    // Each variant costs a render, so only the ones someone would see are made.
    let voter = render(ParticipantVariant::Voter);
    let present = |p: &&crate::session::Participant| p.admitted && !p.removed;
    let observer = if state
        .participants
        .iter()
        .filter(present)
        .any(|p| p.group == crate::workshop::Group::Observer)
    {
        render(ParticipantVariant::Observer)
    } else {
        voter.clone()
    };
    let waiting = standing
        .values()
        .any(|s| *s == Standing::Waiting)
        .then(|| frame("participant", state.seq, &waiting_view().into_string()));
    ParticipantFrame {
        voter,
        observer,
        waiting,
        standing: Arc::new(standing),
    }
}
