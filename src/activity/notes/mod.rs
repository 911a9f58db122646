//! `notes`: the facilitator's notes, decisions and actions (owner, due date).

mod show;

use super::kind::{Kind, SettingProblem};
use super::show::ActivityView;
use super::{BallotError, Results, Tally};
use crate::activity::{ActivitySpec, OptionSpec};
use crate::language::{Language, Sentence};
use serde::{Deserialize, Serialize};

/// Longest note or action, in characters.
pub const MAX_NOTE_CHARS: usize = crate::config::text::NOTE;
/// Longest owner name, in characters.
pub const MAX_OWNER_CHARS: usize = crate::config::text::OWNER;

/// What a note records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// Something said or observed.
    #[default]
    Note,
    /// Something decided.
    Decision,
    /// Something to do, with an owner and a due date.
    Action,
}

impl NoteKind {
    /// Words for a reader of `language`.
    pub fn name(self, language: crate::language::Language) -> String {
        match self {
            NoteKind::Note => crate::t!(language, "note-note"),
            NoteKind::Decision => crate::t!(language, "note-decision"),
            NoteKind::Action => crate::t!(language, "note-action"),
        }
    }

    /// Words for people, in English.
    pub fn label(self) -> &'static str {
        match self {
            NoteKind::Note => "Note",
            NoteKind::Decision => "Decision",
            NoteKind::Action => "Action",
        }
    }
}

/// One note, decision or action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// Stable id (`n12`).
    pub id: String,
    /// Note, decision or action.
    pub kind: NoteKind,
    /// The text.
    pub text: String,
    /// Who will do it (actions).
    pub owner: Option<String>,
    /// By when, `YYYY-MM-DD` (actions).
    pub due: Option<String>,
    /// The activity in progress when it was written.
    pub activity: Option<String>,
    /// When it was written, RFC 3339.
    pub at: String,
}

/// Checks a due date is a real `YYYY-MM-DD` date.
pub fn check_due(due: &str) -> Result<String, BallotError> {
    let bad = || BallotError::InvalidText("the due date must be a date like 2026-12-31".into());
    let parts: Vec<&str> = due.trim().split('-').collect();
    let [y, m, d] = parts[..] else {
        return Err(bad());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let (y, m, d): (u32, u32, u32) = (
        y.parse().map_err(|_| bad())?,
        m.parse().map_err(|_| bad())?,
        d.parse().map_err(|_| bad())?,
    );
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if d == 0 || d > days {
        return Err(bad());
    }
    Ok(format!("{y:04}-{m:02}-{d:02}"))
}

/// A decision or action as one line, the way the next workshop reads it, in
/// English and in Welsh (what was typed stays as typed):
/// "Action: Write the protocol up — Chief executive, by 15 January 2027".
pub fn brought_forward(note: &Note) -> crate::language::Text {
    let line = |language| {
        let mut line = format!("{}: {}", note.kind.name(language), note.text);
        if let Some(owner) = &note.owner {
            line.push_str(" — ");
            line.push_str(owner);
        }
        if let Some(due) = &note.due {
            line.push_str(if note.owner.is_some() { ", " } else { " — " });
            let date = crate::time::uk_date_in(due, language);
            line.push_str(&crate::t!(language, "note-by", date = date));
        }
        line
    };
    crate::language::Text::both(line(Language::English), line(Language::Welsh))
}

/// What a notes step holds: its notes, decisions and actions.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct NotesTally {
    /// The notes, oldest first.
    pub notes: Vec<Note>,
}

impl super::kind::Counted for NotesTally {
    fn ballots(&self) -> usize {
        0
    }
}

/// The `notes` kind: the facilitator's, with no ballots.
pub struct Notes;

impl Kind for Notes {
    fn name_key(&self) -> &'static str {
        "kind-notes"
    }

    fn ballot_shape(&self) -> &'static str {
        "nothing: notes are the facilitator's"
    }

    fn answered_with(&self) -> crate::activity::kind::Answers {
        crate::activity::kind::Answers::Nothing
    }

    /// A notes step passes on the decisions and actions taken while it was
    /// on, so the next workshop opens with them ("brought forward").
    fn can_feed(&self) -> bool {
        true
    }

    fn carried(&self, _view: &ActivityView, results: &Results) -> Vec<OptionSpec> {
        let Tally::Notes(NotesTally { notes }) = &results.all else {
            return Vec::new();
        };
        notes
            .iter()
            .filter(|n| n.kind != NoteKind::Note)
            .map(|n| OptionSpec {
                label: brought_forward(n),
                ..OptionSpec::new(&n.id, "")
            })
            .collect()
    }

    /// Notes write their own entries; what they show beforehand can only be
    /// brought forward from an earlier step (`from`), never listed.
    fn check(&self, spec: &ActivitySpec) -> Vec<SettingProblem> {
        let mut problems = Vec::new();
        if !spec.options.is_empty() {
            problems.push(("option", Sentence::new("check-notes-no-options")));
        }
        if spec.anonymous {
            problems.push(("anonymous", Sentence::new("check-notes-not-anonymous")));
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_dates_must_be_real_dates() {
        assert_eq!(check_due("2027-02-28").unwrap(), "2027-02-28");
        assert!(check_due("2028-02-29").is_ok());
        for bad in [
            "2027-02-29",
            "2027-13-01",
            "27-01-01",
            "tomorrow",
            "2027-1-1",
            "2027-04-31",
        ] {
            assert!(check_due(bad).is_err(), "{bad}");
        }
    }
}
