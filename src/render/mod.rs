//! Views for each audience: pure functions from session state to HTML, each
//! encoded once into a websocket frame ([`wire`]) that every socket of the
//! audience writes as a cheap clone of the same bytes. The live publisher
//! (`live::publisher`) decides when to render and owns the channels.

mod ballots;
mod console;
mod json;
mod results;
mod views;
pub mod wire;

pub use ballots::FormCache;
pub use console::{facilitator_view, room_language_field, ConsoleAlerts};
pub use json::{session_json, session_summary_json, status_name};
pub use results::results_in as activity_results_in;
pub use views::{participant_view, screen_view, waiting_view, ParticipantVariant, Pass};

use crate::session::{ParticipantId, SessionState};
use crate::workshop::Group;
use bytes::Bytes;
use std::collections::HashMap;
use std::sync::Arc;

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
    /// Where the HTML this frame replaced in its channel lies (0: none). A
    /// socket still holding that HTML knows this one differs without
    /// comparing kilobytes: while it holds it, no other can lie there. The
    /// mark can only err towards sending (a socket that moved to another
    /// variant's view, allocated where that HTML once was), never towards
    /// holding back a change.
    pub replaced: usize,
}

impl Frame {
    /// This frame, marked as replacing `current`, whose HTML differs.
    pub fn replacing(self, current: &Frame) -> Frame {
        Frame {
            replaced: address(&current.html),
            ..self
        }
    }

    /// Whether this frame's HTML differs from `shown`, which a socket last
    /// sent and still holds.
    pub fn differs_from(&self, shown: &Arc<str>) -> bool {
        if Arc::ptr_eq(shown, &self.html) {
            return false;
        }
        address(shown) == self.replaced || **shown != *self.html
    }
}

/// Where an HTML text lies, as an identity while someone holds it.
fn address(html: &Arc<str>) -> usize {
    Arc::as_ptr(html).cast::<u8>() as usize
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

/// Which view a phone shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneView {
    /// The lobby's waiting view.
    Waiting,
    /// The room's view for observers (no ballot form).
    Observer,
    /// The room's view for voters.
    Voter,
}

impl PhoneView {
    /// The one place that decides what a participant's phone shows, for the
    /// phone page and its socket alike; `Err` once the participant is removed.
    pub fn of(standing: Standing, group: Group) -> Result<PhoneView, Removed> {
        match standing {
            Standing::Removed => Err(Removed),
            Standing::Waiting => Ok(PhoneView::Waiting),
            Standing::Admitted if group == Group::Observer => Ok(PhoneView::Observer),
            Standing::Admitted => Ok(PhoneView::Voter),
        }
    }

    /// The same, for a participant in the state.
    pub fn of_participant(p: &crate::session::Participant) -> Result<PhoneView, Removed> {
        PhoneView::of(Standing::of(p), p.group)
    }
}

impl Standing {
    /// Where a participant stands.
    pub fn of(p: &crate::session::Participant) -> Standing {
        if p.removed {
            Standing::Removed
        } else if p.admitted {
            Standing::Admitted
        } else {
            Standing::Waiting
        }
    }
}

impl ParticipantFrame {
    /// This frame's view for a participant (`None` in the lobby when no
    /// waiting view was rendered, as nobody waited when it was made).
    pub fn view_for(&self, id: &ParticipantId, group: Group) -> Result<Option<&Frame>, Removed> {
        let standing = self.standing.get(id).copied().unwrap_or(Standing::Waiting);
        Ok(match PhoneView::of(standing, group)? {
            PhoneView::Waiting => self.waiting.as_ref(),
            PhoneView::Observer => Some(&self.observer),
            PhoneView::Voter => Some(&self.voter),
        })
    }
}

/// The participant was removed by the facilitator: no view, the socket ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Removed;

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
    Frame {
        seq,
        html: html.into(),
        wire: wire::view_frame(audience, seq, html),
        replaced: 0,
    }
}

/// The participant views of one pass, and who stands where.
pub fn participant_frame(pass: &Pass) -> ParticipantFrame {
    let state = pass.state;
    let standing: HashMap<ParticipantId, Standing> = state
        .participants
        .iter()
        .map(|p| (p.id, Standing::of(p)))
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
        .any(|p| p.group == Group::Observer)
    {
        render(ParticipantVariant::Observer)
    } else {
        voter.clone()
    };
    let waiting = standing.values().any(|s| *s == Standing::Waiting).then(|| {
        frame(
            "participant",
            state.seq,
            &waiting_view(pass.language).into_string(),
        )
    });
    ParticipantFrame {
        voter,
        observer,
        waiting,
        standing: Arc::new(standing),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_socket_sends_a_view_only_when_its_html_differs_from_what_it_shows() {
        let first = frame("screen", 1, "<p>3 of 20 voted</p>");
        let shown = first.html.clone();
        assert!(!first.differs_from(&shown), "the very same view");
        // The same words rendered again: the words are compared.
        let again = frame("screen", 2, "<p>3 of 20 voted</p>");
        assert!(!again.differs_from(&shown));
        // New words, marked as replacing what the socket shows.
        let next = frame("screen", 3, "<p>4 of 20 voted</p>").replacing(&first);
        assert!(next.differs_from(&shown));
        // Even were they the same, the mark alone says so: a publisher
        // marks a frame only after finding its words new.
        let marked = frame("screen", 4, "<p>3 of 20 voted</p>").replacing(&first);
        assert!(marked.differs_from(&shown));
        // A socket that shows something else compares the words.
        let elsewhere: Arc<str> = Arc::from("<p>4 of 20 voted</p>");
        assert!(!next.differs_from(&elsewhere));
        let older: Arc<str> = Arc::from("<p>2 of 20 voted</p>");
        assert!(next.differs_from(&older));
    }
}
