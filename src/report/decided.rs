//! What a session decided, for the top of its record: statements agreed in
//! their final wording (with their golden-rope fields in the script's
//! order), the top of each priority vote, the decisions and the actions.
//! Pure: read from the same results the review page shows, suppression and
//! all.

use crate::activity::kind_of;
use crate::activity::notes::NoteKind;
use crate::activity::show::field_name;
use crate::language::Language;
use crate::session::{ActivityStatus, SessionState};

/// How many priorities of a vote the summary names.
pub const TOP: usize = 5;

/// A session's decisions, in the order the agenda reached them.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Decided {
    /// Statements the room consented to.
    pub agreed: Vec<Agreed>,
    /// The top of each priority vote (dots, ranking).
    pub priorities: Vec<Priorities>,
    /// Decisions the facilitator recorded.
    pub decisions: Vec<String>,
    /// Actions, with their owners and dates.
    pub actions: Vec<Action>,
}

/// A statement agreed, in its final wording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreed {
    /// The activity's title.
    pub activity: String,
    /// The final wording.
    pub text: String,
    /// Its fields, labelled, in the script's order.
    pub fields: Vec<(String, String)>,
}

/// The first few of one priority vote, best first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Priorities {
    /// What the list is ("Top priorities", "Chosen, most first"): the kind says.
    pub heading: String,
    /// The activity's title.
    pub activity: String,
    /// The options, best first.
    pub top: Vec<String>,
}

/// An action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    /// What is to be done.
    pub text: String,
    /// Who does it.
    pub owner: Option<String>,
    /// By when, as people write it ("15 January 2027").
    pub due: Option<String>,
}

impl Decided {
    /// Whether the session decided nothing at all.
    pub fn is_empty(&self) -> bool {
        self.agreed.is_empty()
            && self.priorities.is_empty()
            && self.decisions.is_empty()
            && self.actions.is_empty()
    }
}

/// What `state` decided. Only closed activities count: an open vote has
/// decided nothing yet.
pub fn decided(state: &SessionState) -> Decided {
    decided_in(state, Language::English)
}

/// The same in `lang`: the script's texts in it where they have it.
pub fn decided_in(state: &SessionState, lang: Language) -> Decided {
    let mut out = Decided::default();
    for activity in state
        .activities
        .iter()
        .filter(|a| a.status == ActivityStatus::Closed)
    {
        let kind = kind_of(activity.spec.kind);
        if !kind.can_feed() {
            continue;
        }
        let view = activity.view(state);
        let results = activity.results(state);
        let carried = kind.carried(&view, &results);
        if kind.amendable() {
            out.agreed.extend(carried.into_iter().map(|o| {
                Agreed {
                    activity: activity.spec.title.read_in(lang).to_string(),
                    fields: activity
                        .spec
                        .fields
                        .iter()
                        .filter_map(|f| o.fields.get(f).map(|v| (field_name(f, lang), v.clone())))
                        .collect(),
                    text: o.label.read_in(lang).to_string(),
                }
            }));
        } else if kind.answered_with() == crate::activity::kind::Answers::Ballots
            && !carried.is_empty()
            && results.all.ballots() > 0
        {
            // A vote's order (dots, ranking, poll); ideas are not priorities
            // yet, and a vote nobody cast decided nothing.
            out.priorities.push(Priorities {
                heading: crate::language::text(lang, kind.decided_heading()),
                activity: activity.spec.title.read_in(lang).to_string(),
                top: carried
                    .into_iter()
                    .take(TOP)
                    .map(|o| o.label.read_in(lang).to_string())
                    .collect(),
            });
        }
    }
    for note in state.notes.iter() {
        match note.kind {
            NoteKind::Decision => out.decisions.push(note.text.clone()),
            NoteKind::Action => out.actions.push(Action {
                text: note.text.clone(),
                owner: note.owner.clone(),
                due: note
                    .due
                    .as_deref()
                    .map(|d| crate::time::uk_date_in(d, lang)),
            }),
            _ => {}
        }
    }
    out
}
