//! Checking a workshop script: every problem, each with its field path.

use super::{ActivitySpec, Workshop};
use crate::activity::kind_of;
use crate::activity::spec::SettingValue;
use crate::config::{script, text};
use crate::language::{Sentence, Text};

/// A problem with a script: the field it is about, as `topteam check` names
/// it (`activity[2].dots`), and what is wrong, in words any reader reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptProblem {
    /// The field (empty for the script as a whole).
    pub path: String,
    /// What is wrong with it.
    pub why: Sentence,
}

impl ScriptProblem {
    /// The problem `why` with the field at `path`.
    pub fn new(path: impl Into<String>, why: Sentence) -> ScriptProblem {
        ScriptProblem {
            path: path.into(),
            why,
        }
    }
}

/// `path: why`, in English, as `topteam check` prints it.
impl std::fmt::Display for ScriptProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.why)
        } else {
            write!(f, "{}: {}", self.path, self.why)
        }
    }
}

/// A text longer than its limit, in characters, or with characters that
/// change how it reads without showing (control, bidi, zero-width): a title
/// on the projector must say what it seems to say.
fn too_long(say: &mut impl FnMut(&str, Sentence), at: &str, value: &str, max: usize) {
    check_line(say, at, value, max);
}

/// The same, for a script's text in each language it gives (the Welsh as `<field>.cy`).
fn text_too_long(say: &mut impl FnMut(&str, Sentence), at: &str, value: &Text, max: usize) {
    check_line(say, at, value, max);
    if let Some(welsh) = value.welsh() {
        check_line(say, &format!("{at}.cy"), welsh, max);
    }
}

fn check_line(say: &mut impl FnMut(&str, Sentence), at: &str, value: &str, max: usize) {
    if value.chars().count() > max {
        say(at, Sentence::new("check-too-long").with("n", max));
    }
    let hidden: Vec<String> = value
        .chars()
        .filter(|&c| (c.is_control() && c != '\n') || crate::activity::invisible(c))
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect();
    if !hidden.is_empty() {
        say(
            at,
            Sentence::new("check-hidden-characters").with("chars", hidden.join(", ")),
        );
    }
}

/// Longest id, in characters.
const MAX_ID: usize = 64;

/// Why an id (of a workshop, an activity or an option) will not do: ids go
/// into addresses, page anchors and `from = "workshop.activity"`.
fn id_problem(id: &str) -> Option<Sentence> {
    if id.is_empty() {
        return Some(Sentence::new("check-empty"));
    }
    let fits = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    if id.chars().count() > MAX_ID || !id.chars().all(fits) {
        let shown = format!("{:?}", id.chars().take(MAX_ID + 1).collect::<String>());
        return Some(
            Sentence::new("check-bad-id")
                .with("n", MAX_ID)
                .with("id", shown),
        );
    }
    None
}

/// The fewest answers an anonymous tally may show: below three, one person
/// who knows their own answer knows the other's.
pub const MIN_ANONYMOUS_GROUP: u32 = 3;

impl Workshop {
    /// Every problem with the script, each with its field.
    /// References to other workshops are checked by the library, which knows them.
    pub fn problems(&self) -> Vec<ScriptProblem> {
        let mut out = Vec::new();
        let mut say = |at: &str, why: Sentence| out.push(ScriptProblem::new(at, why));
        if let Some(why) = id_problem(&self.id) {
            say("id", why);
        }
        if self.groups.is_empty() {
            say("groups", Sentence::new("check-no-groups"));
        }
        if self.min_group_size == 0 {
            say("min_group_size", Sentence::new("check-at-least-one"));
        } else if self.min_group_size < MIN_ANONYMOUS_GROUP
            && self.activities.iter().any(|a| a.anonymous)
        {
            let why = Sentence::new("check-group-size-anonymous").with("n", MIN_ANONYMOUS_GROUP);
            say("min_group_size", why);
        }
        if self.activities.is_empty() {
            say("activity", Sentence::new("check-no-activities"));
        }
        if self.activities.len() > script::ACTIVITIES {
            say(
                "activity",
                Sentence::new("check-too-many-activities").with("n", script::ACTIVITIES),
            );
        }
        text_too_long(&mut say, "title", &self.title, text::SESSION_TITLE);
        text_too_long(&mut say, "description", &self.description, text::PROMPT);
        for (i, a) in self.activities.iter().enumerate() {
            let at = format!("activity[{i}]");
            if let Some(why) = id_problem(&a.id) {
                say(&format!("{at}.id"), why);
            }
            if self.activities[..i].iter().any(|b| b.id == a.id) {
                say(
                    &format!("{at}.id"),
                    Sentence::new("check-duplicate-activity").with("id", format!("{:?}", a.id)),
                );
            }
            if a.title.trim().is_empty() {
                say(&format!("{at}.title"), Sentence::new("check-empty"));
            }
            text_too_long(
                &mut say,
                &format!("{at}.title"),
                &a.title,
                text::SESSION_TITLE,
            );
            text_too_long(&mut say, &format!("{at}.prompt"), &a.prompt, text::PROMPT);
            text_too_long(&mut say, &format!("{at}.notes"), &a.notes, text::NOTE);
            if a.options.len() > script::OPTIONS {
                let why = Sentence::new("check-too-many-options").with("n", script::OPTIONS);
                say(&format!("{at}.option"), why);
            }
            if a.fields.len() > script::FIELDS {
                say(
                    &format!("{at}.fields"),
                    Sentence::new("check-too-many-fields").with("n", script::FIELDS),
                );
            }
            for (j, o) in a.options.iter().enumerate() {
                if let Some(why) = id_problem(&o.id) {
                    say(&format!("{at}.option[{j}].id"), why);
                }
                if a.options[..j].iter().any(|p| p.id == o.id) {
                    say(
                        &format!("{at}.option[{j}].id"),
                        Sentence::new("check-duplicate-option").with("id", format!("{:?}", o.id)),
                    );
                }
                // Two options a phone shows alike split the room's votes.
                let same = |p: &crate::workshop::OptionSpec| {
                    crate::activity::name_key(&p.label) == crate::activity::name_key(&o.label)
                };
                if let Some(k) = a.options[..j].iter().position(same) {
                    if !o.label.trim().is_empty() {
                        say(
                            &format!("{at}.option[{j}].label"),
                            Sentence::new("check-same-wording").with("n", k + 1),
                        );
                    }
                }
                text_too_long(
                    &mut say,
                    &format!("{at}.option[{j}].label"),
                    &o.label,
                    text::STATEMENT,
                );
                text_too_long(
                    &mut say,
                    &format!("{at}.option[{j}].detail"),
                    &o.detail,
                    text::DETAIL,
                );
                for (field, value) in &o.fields {
                    let path = format!("{at}.option[{j}].fields.{field}");
                    too_long(&mut say, &path, value, text::FIELD);
                }
                if o.label.trim().is_empty() {
                    say(
                        &format!("{at}.option[{j}].label"),
                        Sentence::new("check-empty"),
                    );
                }
                for field in o.fields.keys().filter(|f| !a.fields.contains(f)) {
                    say(
                        &format!("{at}.option[{j}].fields.{field}"),
                        Sentence::new("check-not-a-field"),
                    );
                }
            }
            self.check_kind(a, &at, &mut say);
            self.check_from(i, a, &at, &mut say);
        }
        out
    }

    /// The kind's own checks, then settings that belong to other kinds, then
    /// the settings every kind shares.
    fn check_kind(&self, a: &ActivitySpec, at: &str, say: &mut impl FnMut(&str, Sentence)) {
        let kind = kind_of(a.kind);
        for (field, message) in kind.check(a) {
            say(&format!("{at}.{field}"), message);
        }
        for setting in ActivitySpec::KIND_SETTINGS {
            if a.setting(setting).is_some() && !kind.uses(setting) {
                let why = Sentence::new("check-setting-not-for-kind")
                    .with("kind", a.kind.as_str())
                    .with("setting", setting.to_string());
                say(&format!("{at}.{setting}"), why);
            }
        }
        // The later kinds' own settings, and any name no field took (a typo).
        for (name, value) in &a.settings {
            let Some(declared) = kind.settings().iter().find(|s| s.name == name) else {
                let own: Vec<String> = kind
                    .settings()
                    .iter()
                    .map(|s| format!("`{}`", s.name))
                    .collect();
                let why = if own.is_empty() {
                    Sentence::new("check-setting-not-for-kind")
                } else {
                    Sentence::new("check-setting-unknown").with("own", own.join(", "))
                };
                let why = why
                    .with("kind", a.kind.as_str())
                    .with("setting", name.clone());
                say(&format!("{at}.{name}"), why);
                continue;
            };
            let fits = match value {
                SettingValue::Number(_) => declared.number,
                SettingValue::Text(_) => !declared.number,
                SettingValue::Flag(_) => false,
            };
            if !fits {
                let why = if declared.number {
                    Sentence::new("check-must-be-number")
                } else {
                    Sentence::new("check-must-be-text")
                };
                say(&format!("{at}.{name}"), why);
            }
        }
        if a.minutes == Some(0) {
            say(
                &format!("{at}.minutes"),
                Sentence::new("check-at-least-one"),
            );
        }
        if a.take == Some(0) {
            say(&format!("{at}.take"), Sentence::new("check-at-least-one"));
        }
    }

    fn check_from(
        &self,
        i: usize,
        a: &ActivitySpec,
        at: &str,
        say: &mut impl FnMut(&str, Sentence),
    ) {
        let Some(from) = a.from.as_deref() else {
            return;
        };
        if a.from_earlier_workshop().is_some() {
            return;
        }
        match self.activities[..i].iter().find(|b| b.id == from) {
            None if self.activities.iter().any(|b| b.id == from) => say(
                &format!("{at}.from"),
                Sentence::new("check-from-later").with("from", format!("{from:?}")),
            ),
            None => say(
                &format!("{at}.from"),
                Sentence::new("check-from-unknown").with("from", format!("{from:?}")),
            ),
            Some(source) if !source.kind.can_feed() => say(
                &format!("{at}.from"),
                Sentence::new("check-cannot-supply").with("kind", source.kind.as_str()),
            ),
            Some(_) => {}
        }
    }
}
