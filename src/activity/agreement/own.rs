//! What the `agreement` kind adds to an activity: statements the facilitator
//! amends, each amendment a new version that everyone answers again while
//! the earlier one keeps its tally.

use super::{version_tally, Agreement, StatementVersion, TeamItemTally};
use crate::activity::own::EarlierAnswer;
use crate::activity::own::Telling;
use crate::activity::own::{Addressed, Applying, Asked, KindState, OwnEvent, OwnRefusal, Owns};
use crate::activity::own::{SentBy, Then};
use crate::activity::{clean_text, ActivitySpec, BallotError, Group};
use crate::t;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Longest statement wording, and longest field value, in characters.
const MAX_STATEMENT_CHARS: usize = crate::config::text::STATEMENT;
const MAX_FIELD_CHARS: usize = crate::config::text::FIELD;

/// What the facilitator asks of an agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum AmendCommand {
    /// Amend a statement: new wording and/or fields, as a new version (facilitator).
    Amend {
        /// Activity id.
        activity: String,
        /// Statement id.
        item: String,
        /// New wording; unchanged when absent.
        #[serde(default)]
        text: Option<String>,
        /// Fields to set (only those the activity names); others keep their value.
        #[serde(default)]
        fields: BTreeMap<String, String>,
    },
}

/// What happened to an agreement's statements, as the transcript records it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum AmendEvent {
    /// The facilitator amended a statement: a new version begins.
    StatementAmended {
        /// Activity id.
        activity: String,
        /// The statement.
        item: String,
        /// The new wording.
        text: String,
        /// The new structured parts.
        fields: BTreeMap<String, String>,
    },
}

impl Addressed for AmendCommand {
    fn activity(&self) -> &str {
        let AmendCommand::Amend { activity, .. } = self;
        activity
    }
}

impl Addressed for AmendEvent {
    fn activity(&self) -> &str {
        let AmendEvent::StatementAmended { activity, .. } = self;
        activity
    }
}

impl OwnEvent for AmendEvent {}

/// Every version of every statement, oldest first.
pub type Statements = BTreeMap<String, Vec<StatementVersion>>;

static NO_STATEMENTS: Statements = BTreeMap::new();

/// The statements of an activity's kind state (none for another kind).
pub fn statements_in(own: &KindState) -> &Statements {
    match own {
        KindState::Agreement(statements) => statements,
        _ => &NO_STATEMENTS,
    }
}

impl Owns for Agreement {
    type Command = AmendCommand;
    type Event = AmendEvent;
    type State = Statements;

    const COMMANDS: &'static [&'static str] = &["amend"];

    const EVENTS: &'static [&'static str] = &["statement_amended"];

    fn sent_by(&self, _command: &AmendCommand) -> SentBy {
        SentBy::Facilitator
    }

    /// Each statement starts at version 1, as the script (or carry-over) words it.
    fn start(&self, spec: &ActivitySpec) -> Statements {
        spec.options
            .iter()
            .map(|o| {
                let first = StatementVersion {
                    version: 1,
                    text: o.label.clone(),
                    fields: o.fields.clone(),
                    tally: None,
                };
                (o.id.clone(), vec![first])
            })
            .collect()
    }

    fn options_set(&self, spec: &ActivitySpec, state: &mut Statements) {
        *state = self.start(spec);
    }

    fn decide(
        &self,
        asked: Asked<'_, Statements>,
        command: AmendCommand,
    ) -> Result<Vec<AmendEvent>, OwnRefusal> {
        let AmendCommand::Amend {
            activity,
            item,
            text,
            fields,
        } = command;
        // A new version clears the answers to the old one, and with them the
        // count the room has seen: nothing of a sealed vote moves again.
        if asked.sealed {
            return Err(OwnRefusal::Sealed);
        }
        let current = asked
            .state
            .get(&item)
            .and_then(|versions| versions.last())
            .ok_or_else(|| BallotError::UnknownOption {
                activity: activity.clone(),
                option: item.clone(),
            })?;
        let new_text = match text {
            Some(t) => clean_text(&t, MAX_STATEMENT_CHARS, "statement")?,
            None => current.text.to_string(),
        };
        let mut new_fields = current.fields.clone();
        for (name, value) in fields {
            if !asked.spec.fields.contains(&name) {
                return Err(OwnRefusal::UnknownField(name));
            }
            let value = value.trim();
            if value.is_empty() {
                new_fields.remove(&name);
            } else {
                new_fields.insert(name, clean_text(value, MAX_FIELD_CHARS, "field")?);
            }
        }
        if new_text == *current.text && new_fields == current.fields {
            return Err(OwnRefusal::Unchanged);
        }
        Ok(vec![AmendEvent::StatementAmended {
            activity,
            item,
            text: new_text,
            fields: new_fields,
        }])
    }

    /// The current version keeps its tally (of the ballots that count now),
    /// and answers to it are cleared so everyone answers the new wording.
    fn apply(&self, applying: Applying<'_>, state: &mut Statements, event: &AmendEvent) -> Then {
        let AmendEvent::StatementAmended {
            item, text, fields, ..
        } = event;
        let counted = applying.counted.iter().copied();
        let tally = version_tally(applying.spec, item, counted, applying.split);
        let Some(current) = state.get_mut(item).and_then(|v| v.last_mut()) else {
            return Then::Done;
        };
        current.tally = Some(tally);
        let next = StatementVersion {
            version: current.version + 1,
            // Only the fields changed: the wording keeps its Welsh.
            text: if *current.text == *text {
                current.text.clone()
            } else {
                text.as_str().into()
            },
            fields: fields.clone(),
            tally: None,
        };
        if let Some(versions) = state.get_mut(item) {
            versions.push(next);
        }
        Then::ForgetAnswers(item.clone())
    }

    fn told(&self, event: &AmendEvent, telling: &Telling<'_>, _before: &Statements) -> String {
        let AmendEvent::StatementAmended { text, .. } = event;
        t!(
            telling.language,
            "tl-amended",
            activity = telling.activity,
            text = text.as_str()
        )
    }

    fn wording<'s>(
        &self,
        state: &'s Statements,
        item: &str,
        version: u32,
    ) -> Option<&'s crate::language::Text> {
        let versions = state.get(item)?;
        versions
            .iter()
            .find(|v| v.version == version)
            .map(|v| &v.text)
    }

    /// The tallies each earlier wording kept as it was amended (answers to
    /// it were cleared from the ballots then); a team's only where shown.
    fn earlier_answers(&self, state: &Statements, group: Option<Group>) -> Vec<EarlierAnswer> {
        let mut out = Vec::new();
        for (item, versions) in state {
            for v in versions {
                let Some(tally) = &v.tally else { continue };
                let shown = match group {
                    None => Some(&tally.all),
                    Some(Group::Cabinet) => team(&tally.cabinet),
                    Some(_) => team(&tally.management),
                };
                let Some(t) = shown else { continue };
                let mut reasons = t.reasons.clone();
                reasons.sort();
                for (value, count, reasons) in [
                    ("agree", t.agree, String::new()),
                    ("live_with", t.live_with, String::new()),
                    ("object", t.object, reasons.join("\n")),
                ] {
                    if count > 0 {
                        out.push(EarlierAnswer {
                            item: item.clone(),
                            version: v.version,
                            value,
                            count: count as usize,
                            reasons,
                        });
                    }
                }
            }
        }
        out
    }

    fn versions(&self, state: &Statements) -> BTreeMap<String, u32> {
        state
            .iter()
            .map(|(id, versions)| (id.clone(), versions.last().map_or(1, |v| v.version)))
            .collect()
    }
}

/// A team's tally of an earlier wording, where it can be shown.
fn team(tally: &TeamItemTally) -> Option<&super::ItemTally> {
    match tally {
        TeamItemTally::Shown(t) => Some(t),
        TeamItemTally::Suppressed { .. } => None,
    }
}
