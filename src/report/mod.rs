//! The organiser's record of a session, rebuilt from its transcript alone:
//! the timeline in plain words, and the Markdown, CSV and JSON exports.
//!
//! The live server and `topteam export` both start from the transcript's
//! bytes, so the two always agree.

pub mod amendments;
mod csv;
pub mod decided;
mod json;
mod markdown;
pub mod pack;
mod sealed;
mod timeline;
mod timing;

pub use self::csv::votes_csv;
pub use self::decided::{decided, decided_in, Decided};
pub use self::json::report_json;
pub use self::markdown::{report_markdown, report_markdown_in};
pub use self::sealed::sealed_transcript;
pub use crate::time::{clock, date};
pub use timeline::{timeline, timeline_in, TimelineEntry};

use crate::session::{ParticipantId, Pseudonyms, Record, SessionState};
use crate::transcript::{parse, replay, ReplayError};
use crate::workshop::Group;

/// A session as the transcript tells it: the final state and every record.
#[derive(Debug, Clone)]
pub struct Source {
    /// The state the records fold to.
    pub state: SessionState,
    /// Every event, in order.
    pub records: Vec<Record>,
}

impl Source {
    /// Parses and replays a transcript. A torn last line is ignored, as at
    /// start-up. The session's pseudonyms tell anonymous ballots' teams; if
    /// they are unavailable, results show only the whole room.
    pub fn from_transcript(bytes: &[u8], pseudonyms: Pseudonyms) -> Result<Source, ReplayError> {
        let parsed = parse(bytes)?;
        let state = replay(&parsed, 32, pseudonyms);
        Ok(Source {
            state,
            records: parsed.records,
        })
    }

    /// How a voter is named in an export: their name, or in an anonymous
    /// activity a short pseudonym that no export can link to a name.
    pub fn voter_label(&self, anonymous: bool, voter: &ParticipantId) -> String {
        if anonymous {
            return format!("anonymous-{}", &voter.simple().to_string()[..8]);
        }
        self.state
            .participant(voter)
            .map_or_else(|| "unknown".to_string(), |p| p.name.clone())
    }

    /// How many took part in each group the workshop invites: people let in
    /// and not removed (never someone held or waiting who was not admitted).
    /// Observers are listed only when some came.
    pub fn attendance(&self) -> Vec<(Group, usize)> {
        let invited = &self.state.workshop().groups;
        Group::ALL
            .into_iter()
            .filter(|g| invited.contains(g))
            .map(|g| {
                let n = self
                    .state
                    .participants
                    .iter()
                    .filter(|p| p.group == g && p.admitted && !p.removed)
                    .count();
                (g, n)
            })
            .filter(|(g, n)| g.votes() || *n > 0)
            .collect()
    }
}
