//! The live publisher: the session task's watch channels, one per audience.
//! After a durable batch (at most once per render interval) it renders each
//! watched audience once and publishes what changed; every socket follows the
//! newest value, so a slow phone skips stale frames instead of queueing them.

use crate::render::{
    facilitator_view, frame, participant_frame, screen_view, ConsoleAlerts, Frame,
    ParticipantFrame, Pass,
};
use crate::session::SessionState;
use std::sync::Arc;
use tokio::sync::watch;

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
    /// the participant views ([`crate::render::changes_participant_view`]), which then are
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
