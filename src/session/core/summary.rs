//! What the lists of sessions need to know of one: its header, whether it
//! has ended and when, who came, which activities ran. Worked out from the
//! state; for an ended session it is also kept beside the transcript, so a
//! restart reads a few hundred bytes instead of replaying every event.

use super::{ActivityStatus, SessionInfo, SessionState, SessionStatus};
use crate::activity::Group;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// One session as the lists show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionSummary {
    /// The header: id, code, title, series, workshop, language.
    pub info: Arc<SessionInfo>,
    /// Whether it still takes commands.
    pub status: SessionStatus,
    /// When it ended.
    pub ended_at: Option<jiff::Timestamp>,
    /// Put away from the console's list.
    pub archived: bool,
    /// Everyone who joined and was not removed.
    pub present: usize,
    /// Everyone let in and not removed, by team.
    pub attended: Vec<(Group, usize)>,
    /// The activities that have been opened, by id.
    pub ran: Vec<String>,
}

impl SessionSummary {
    /// The summary of `state` as it stands.
    pub fn of(state: &SessionState) -> SessionSummary {
        let attended = Group::ALL
            .iter()
            .map(|g| {
                let n = state
                    .participants
                    .iter()
                    .filter(|p| p.group == *g && p.admitted && !p.removed)
                    .count();
                (*g, n)
            })
            .collect();
        SessionSummary {
            info: state.info.clone(),
            status: state.status,
            ended_at: state.ended_at,
            archived: state.archived,
            present: state.participants.iter().filter(|p| p.present()).count(),
            attended,
            ran: state
                .activities
                .iter()
                .filter(|a| a.status != ActivityStatus::Pending)
                .map(|a| a.spec.id.clone())
                .collect(),
        }
    }

    /// How many of team `group` were let in and stayed.
    pub fn attended(&self, group: Group) -> usize {
        self.attended
            .iter()
            .find(|(g, _)| *g == group)
            .map_or(0, |(_, n)| *n)
    }
}
