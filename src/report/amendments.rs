//! Every statement the facilitator amended after the room had answered it:
//! its final wording, then each earlier wording someone answered, with what
//! changed (words and golden-rope fields) and the answers it had. For the
//! pack's appendix. Pure; the suppression is the same as everywhere (an
//! anonymous vote's earlier wordings keep no tally).

use crate::activity::kind_of;
use crate::activity::show::field_label;
use crate::session::{ActivityStatus, SessionState};

/// One amended statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amended {
    /// The activity's title.
    pub activity: String,
    /// The final wording.
    pub statement: String,
    /// Each earlier wording someone answered, oldest first, in words.
    pub versions: Vec<String>,
}

/// The session's amended statements, in agenda and script order.
pub fn amendments(state: &SessionState) -> Vec<Amended> {
    let mut out = Vec::new();
    for activity in state
        .activities
        .iter()
        .filter(|a| a.status != ActivityStatus::Pending && kind_of(a.spec.kind).amendable())
    {
        let view = activity.view(state);
        for option in &activity.spec.options {
            let Some(all) = view.statements.get(&option.id) else {
                continue;
            };
            let Some(last) = all.last() else { continue };
            let versions: Vec<String> = all
                .iter()
                .filter(|v| v.was_answered())
                .map(|v| {
                    let mut words = format!("Version {}", v.version);
                    if v.text != last.text {
                        words.push_str(&format!(": \u{201c}{}\u{201d}", v.text));
                    }
                    let changed: Vec<String> = view
                        .fields_of(v)
                        .into_iter()
                        .filter(|(k, value)| last.fields.get(*k).map(String::as_str) != Some(*value))
                        .map(|(k, value)| format!("{}: {value}", field_label(k)))
                        .collect();
                    if !changed.is_empty() {
                        words.push_str(&format!(" ({})", changed.join("; ")));
                    }
                    let tally = v.tally.as_ref().expect("answered versions have a tally");
                    if tally.hidden || view.sealed_box {
                        words.push_str(" — not counted: an anonymous vote keeps only the answers to the final wording");
                    } else {
                        words.push_str(&format!(
                            " — agree {}, can live with it {}, object {}",
                            tally.all.agree, tally.all.live_with, tally.all.object
                        ));
                    }
                    words
                })
                .collect();
            if !versions.is_empty() {
                out.push(Amended {
                    activity: activity.spec.title.to_string(),
                    statement: last.text.to_string(),
                    versions,
                });
            }
        }
    }
    out
}
