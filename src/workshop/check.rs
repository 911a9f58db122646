//! Checking a workshop script: every problem, each with its field path.

use super::{ActivitySpec, Workshop};
use crate::activity::kind_of;
use crate::activity::spec::SettingValue;
use crate::config::{script, text};
use crate::language::Text;

/// A text longer than its limit, in characters, or with characters that
/// change how it reads without showing (control, bidi, zero-width): a title
/// on the projector must say what it seems to say.
fn too_long(say: &mut impl FnMut(&str, String), at: &str, value: &str, max: usize) {
    check_line(say, at, value, max);
}

/// The same, for a script's text in each language it gives (the Welsh as `<field>.cy`).
fn text_too_long(say: &mut impl FnMut(&str, String), at: &str, value: &Text, max: usize) {
    check_line(say, at, value, max);
    if let Some(welsh) = value.welsh() {
        check_line(say, &format!("{at}.cy"), welsh, max);
    }
}

fn check_line(say: &mut impl FnMut(&str, String), at: &str, value: &str, max: usize) {
    if value.chars().count() > max {
        say(at, format!("may be at most {max} characters"));
    }
    let hidden: Vec<String> = value
        .chars()
        .filter(|&c| (c.is_control() && c != '\n') || crate::activity::invisible(c))
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect();
    if !hidden.is_empty() {
        say(
            at,
            format!(
                "has characters that cannot be shown (control, bidi or zero-width: {}); retype it",
                hidden.join(", ")
            ),
        );
    }
}

/// Longest id, in characters.
const MAX_ID: usize = 64;

/// Why an id (of a workshop, an activity or an option) will not do: ids go
/// into addresses, page anchors and `from = "workshop.activity"`.
fn id_problem(id: &str) -> Option<String> {
    if id.is_empty() {
        return Some("must not be empty".into());
    }
    let fits = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    if id.chars().count() > MAX_ID || !id.chars().all(fits) {
        return Some(format!(
            "must be 1 to {MAX_ID} letters, digits, '-' or '_' (no spaces, '.' or '/'), not {:?}",
            id.chars().take(MAX_ID + 1).collect::<String>()
        ));
    }
    None
}

/// The fewest answers an anonymous tally may show: below three, one person
/// who knows their own answer knows the other's.
pub const MIN_ANONYMOUS_GROUP: u32 = 3;

impl Workshop {
    /// Every problem with the script, each as `field.path: message`.
    /// References to other workshops are checked by the library, which knows them.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut say = |at: &str, msg: String| out.push(format!("{at}: {msg}"));
        if let Some(why) = id_problem(&self.id) {
            say("id", why);
        }
        if self.groups.is_empty() {
            say("groups", "name at least one group that may join".into());
        }
        if self.min_group_size == 0 {
            say("min_group_size", "must be at least 1".into());
        } else if self.min_group_size < MIN_ANONYMOUS_GROUP
            && self.activities.iter().any(|a| a.anonymous)
        {
            let why = format!(
                "must be at least {MIN_ANONYMOUS_GROUP} when an activity is anonymous: \
                 a tally of one or two answers is those people's answers"
            );
            say("min_group_size", why);
        }
        if self.activities.is_empty() {
            say("activity", "the agenda needs at least one activity".into());
        }
        if self.activities.len() > script::ACTIVITIES {
            say(
                "activity",
                format!("an agenda has at most {} activities", script::ACTIVITIES),
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
                    format!("duplicate activity id {:?}", a.id),
                );
            }
            if a.title.trim().is_empty() {
                say(&format!("{at}.title"), "must not be empty".into());
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
                let why = format!("an activity has at most {} options", script::OPTIONS);
                say(&format!("{at}.option"), why);
            }
            if a.fields.len() > script::FIELDS {
                say(
                    &format!("{at}.fields"),
                    format!("at most {} fields", script::FIELDS),
                );
            }
            for (j, o) in a.options.iter().enumerate() {
                if let Some(why) = id_problem(&o.id) {
                    say(&format!("{at}.option[{j}].id"), why);
                }
                if a.options[..j].iter().any(|p| p.id == o.id) {
                    say(
                        &format!("{at}.option[{j}].id"),
                        format!("duplicate option id {:?}", o.id),
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
                            format!(
                                "the same wording as option {}: change one, or remove it",
                                k + 1
                            ),
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
                        "must not be empty".into(),
                    );
                }
                for field in o.fields.keys().filter(|f| !a.fields.contains(f)) {
                    say(
                        &format!("{at}.option[{j}].fields.{field}"),
                        "is not one of the activity's fields".into(),
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
    fn check_kind(&self, a: &ActivitySpec, at: &str, say: &mut impl FnMut(&str, String)) {
        let kind = kind_of(a.kind);
        for (field, message) in kind.check(a) {
            say(&format!("{at}.{field}"), message);
        }
        for setting in ActivitySpec::KIND_SETTINGS {
            if a.setting(setting).is_some() && !kind.uses(setting) {
                say(
                    &format!("{at}.{setting}"),
                    format!("a {} activity has no `{setting}`", a.kind.as_str()),
                );
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
                let hint = if own.is_empty() {
                    String::new()
                } else {
                    format!(" (its own settings: {})", own.join(", "))
                };
                say(
                    &format!("{at}.{name}"),
                    format!("a {} activity has no `{name}`{hint}", a.kind.as_str()),
                );
                continue;
            };
            let fits = match value {
                SettingValue::Number(_) => declared.number,
                SettingValue::Text(_) => !declared.number,
                SettingValue::Flag(_) => false,
            };
            if !fits {
                let want = if declared.number {
                    "a whole number"
                } else {
                    "text"
                };
                say(&format!("{at}.{name}"), format!("must be {want}"));
            }
        }
        if a.minutes == Some(0) {
            say(&format!("{at}.minutes"), "must be at least 1".into());
        }
        if a.take == Some(0) {
            say(&format!("{at}.take"), "must be at least 1".into());
        }
    }

    fn check_from(&self, i: usize, a: &ActivitySpec, at: &str, say: &mut impl FnMut(&str, String)) {
        let Some(from) = a.from.as_deref() else {
            return;
        };
        if a.from_earlier_workshop().is_some() {
            return;
        }
        match self.activities[..i].iter().find(|b| b.id == from) {
            None if self.activities.iter().any(|b| b.id == from) => say(
                &format!("{at}.from"),
                format!("{from:?} comes later in the agenda; `from` must name an earlier activity"),
            ),
            None => say(
                &format!("{at}.from"),
                format!("there is no activity {from:?} in this script"),
            ),
            Some(source) if !source.kind.can_feed() => say(
                &format!("{at}.from"),
                format!("a {} activity cannot supply options", source.kind.as_str()),
            ),
            Some(_) => {}
        }
    }
}
