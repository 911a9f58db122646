//! Every statement the facilitator amended after the room had answered it:
//! its final wording, then each earlier wording someone answered, with what
//! changed (words and golden-rope fields) and the answers it had. For the
//! pack's appendix. Pure; the suppression is the same as everywhere (an
//! anonymous vote's earlier wordings keep no tally).

use crate::activity::kind_of;
use crate::activity::show::field_name;
use crate::language::Language;
use crate::session::{ActivityStatus, SessionState};
use crate::t;

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
pub fn amendments(state: &SessionState, lang: Language) -> Vec<Amended> {
    let mut out = Vec::new();
    for activity in state
        .activities
        .iter()
        .filter(|a| a.status != ActivityStatus::Pending && kind_of(a.spec.kind).amendable())
    {
        let view = activity.view(state);
        for option in &activity.spec.options {
            let Some(all) = view.statements().get(&option.id) else {
                continue;
            };
            let Some(last) = all.last() else { continue };
            let versions: Vec<String> = all
                .iter()
                .filter(|v| v.was_answered())
                .map(|v| {
                    let mut words = t!(lang, "amend-version", version = v.version);
                    if v.text != last.text {
                        words.push_str(&format!(": \u{201c}{}\u{201d}", v.text.read_in(lang)));
                    }
                    let changed: Vec<String> = view
                        .fields_of(v)
                        .into_iter()
                        .filter(|(k, value)| {
                            last.fields.get(*k).map(String::as_str) != Some(*value)
                        })
                        .map(|(k, value)| format!("{}: {value}", field_name(k, lang)))
                        .collect();
                    if !changed.is_empty() {
                        words.push_str(&format!(" ({})", changed.join("; ")));
                    }
                    let tally = v.tally.as_ref().expect("answered versions have a tally");
                    words.push_str(" — ");
                    if tally.hidden || view.sealed_box {
                        words.push_str(&t!(lang, "amend-not-counted"));
                    } else {
                        words.push_str(&t!(
                            lang,
                            "amend-counts",
                            agree = tally.all.agree,
                            live_with = tally.all.live_with,
                            object = tally.all.object
                        ));
                    }
                    words
                })
                .collect();
            if !versions.is_empty() {
                out.push(Amended {
                    activity: activity.spec.title.read_in(lang).to_string(),
                    statement: last.text.read_in(lang).to_string(),
                    versions,
                });
            }
        }
    }
    out
}
