//! How long each activity took against its plan: the minutes voting was open,
//! from the transcript's own times.

use super::Source;
use crate::session::Event;

impl Source {
    /// Whole minutes (rounded) that voting on `activity` was open, across
    /// every opening; `None` if it never opened. An activity still open counts
    /// up to the transcript's last record.
    pub fn minutes_open(&self, activity: &str) -> Option<u32> {
        let mut opened_at = None;
        let mut total_ms: i64 = 0;
        let mut ever = false;
        for record in &self.records {
            match &record.event {
                Event::ActivityOpened { activity: a } if a == activity => {
                    ever = true;
                    opened_at.get_or_insert(record.at);
                }
                Event::ActivityClosed { activity: a } if a == activity => {
                    if let Some(from) = opened_at.take() {
                        total_ms += record.at.as_millisecond() - from.as_millisecond();
                    }
                }
                _ => {}
            }
        }
        if let (Some(from), Some(last)) = (opened_at, self.records.last()) {
            total_ms += last.at.as_millisecond() - from.as_millisecond();
        }
        ever.then(|| u32::try_from((total_ms + 30_000) / 60_000).unwrap_or(u32::MAX))
    }
}
