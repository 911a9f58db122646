//! Carry-over: turning one activity's results into another's options, within a
//! session (when the later activity opens) or across the series (when the
//! later session is created). `docs/workshops.md` explains the rules.

use super::{ActivityState, SessionState};
use crate::activity::kind_of;
use crate::language::{Language, Text};
use crate::t;
use crate::workshop::{ActivitySpec, OptionSpec, Workshop, WorkshopLibrary};
use std::sync::Arc;

/// How an option the script planned, but the series never chose, says so.
pub const NOT_CHOSEN: &str = "(not chosen in this series)";

/// The options a source activity passes on, best first, as its kind says
/// (`Kind::carried`; `docs/workshops.md` lists each kind's rule), each marked
/// with where it came from. `take` keeps only the first so many.
pub fn carried_options(
    state: &SessionState,
    source: &ActivityState,
    take: Option<u32>,
    origin: &Text,
) -> Vec<OptionSpec> {
    let detail = carried_detail(origin);
    let results = source.counted_results(state);
    let carried = kind_of(source.spec.kind)
        .carried(&source.view(state), &results)
        .into_iter()
        .map(|o| OptionSpec {
            detail: detail.clone(),
            ..o
        })
        .collect();
    limit(carried, take)
}

/// Carried options first, then the script's own, skipping ids already carried.
pub fn with_own_options(carried: Vec<OptionSpec>, own: &[OptionSpec]) -> Vec<OptionSpec> {
    let mut options = carried;
    for o in own {
        if !options.iter().any(|c| c.id == o.id) {
            options.push(o.clone());
        }
    }
    options
}

/// Resolves every `from` that names an earlier workshop, for a session being
/// created. `earlier` finds the latest session of a workshop in the same
/// series. Where that session did not run the activity (or there is none),
/// what it would have offered stands in, resolved the same way, so a chain
/// w3 → w2 → w1 still yields options.
pub fn resolve_workshop(
    workshop: &Workshop,
    library: &WorkshopLibrary,
    earlier: &dyn Fn(&str) -> Option<std::sync::Arc<SessionState>>,
) -> Workshop {
    let mut resolved = workshop.clone();
    for spec in &mut resolved.activities {
        let carried = carried_from_series(spec, library, earlier, 0);
        // Nothing carried: the script's settings stay shared, not copied.
        if !carried.is_empty() {
            let options = with_own_options(carried, &spec.options);
            Arc::make_mut(spec).options = options;
        }
    }
    resolved
}

fn carried_from_series(
    spec: &ActivitySpec,
    library: &WorkshopLibrary,
    earlier: &dyn Fn(&str) -> Option<std::sync::Arc<SessionState>>,
    depth: usize,
) -> Vec<OptionSpec> {
    let Some((workshop_id, activity_id)) = spec.from_earlier_workshop() else {
        return Vec::new();
    };
    let session = earlier(workshop_id);
    // The session's own copy of the script (it may have been edited), else
    // the library's.
    let script = match &session {
        Some(state) => std::sync::Arc::new(state.info.workshop.clone()),
        None => match library.get(workshop_id) {
            Some(script) => script,
            None => return Vec::new(),
        },
    };
    let source = Source {
        script: &script,
        session: session.as_deref(),
        library,
        earlier,
    };
    limit(source.options_of(activity_id, depth), spec.take)
}

/// An earlier workshop, as far as the series got with it.
struct Source<'a> {
    script: &'a Workshop,
    session: Option<&'a SessionState>,
    library: &'a WorkshopLibrary,
    earlier: &'a dyn Fn(&str) -> Option<std::sync::Arc<SessionState>>,
}

impl Source<'_> {
    /// What one of its activities passes on: its results, where the series'
    /// session ran it; otherwise what that activity would have offered (what
    /// its own `from` brings, by the same rule, then its own options, marked
    /// as planned rather than chosen). Depth bounds a cycle of scripts
    /// naming each other.
    fn options_of(&self, activity_id: &str, depth: usize) -> Vec<OptionSpec> {
        if depth > 8 {
            return Vec::new();
        }
        if let Some(state) = self.session {
            // Run: what the room chose, even nothing (no statement agreed).
            if let Some((_, ran)) = state
                .activity(activity_id)
                .filter(|(_, a)| a.status != super::ActivityStatus::Pending)
            {
                let origin = &state.info.workshop.title;
                return carried_options(state, ran, None, origin);
            }
        }
        let Some((_, spec)) = self.script.activity(activity_id) else {
            return Vec::new();
        };
        let upstream = match spec.from_same_session() {
            Some(from) => limit(self.options_of(from, depth + 1), spec.take),
            None => carried_from_series(spec, self.library, self.earlier, depth + 1),
        };
        let planned = planned_detail(&self.script.title);
        let own: Vec<OptionSpec> = spec
            .options
            .iter()
            .map(|o| OptionSpec {
                detail: if o.detail.is_empty() {
                    planned.clone()
                } else {
                    o.detail.clone()
                },
                ..o.clone()
            })
            .collect();
        with_own_options(upstream, &own)
    }
}

/// Whether an option was carried in (its detail says where from) rather
/// than written in the script.
pub fn was_carried(option: &OptionSpec) -> bool {
    option.detail.starts_with(CARRIED) || option.detail.starts_with(PLANNED)
}

/// Where a carried option came from, in each language its origin is named in.
fn carried_detail(origin: &Text) -> Text {
    let english = format!("{CARRIED}{origin}");
    match origin.welsh() {
        Some(welsh) => Text::both(english, t!(Language::Welsh, "carried-from", origin = welsh)),
        None => english.into(),
    }
}

/// What an option the series never chose says of itself.
fn planned_detail(workshop: &Text) -> Text {
    let english = format!("{PLANNED}{workshop} {NOT_CHOSEN}");
    match workshop.welsh() {
        Some(welsh) => Text::both(
            english,
            t!(Language::Welsh, "planned-for", workshop = welsh),
        ),
        None => english.into(),
    }
}

/// How a carried option's detail begins: from an earlier activity's results.
const CARRIED: &str = crate::activity::CARRIED_FROM;
/// How it begins when it is what an earlier activity would have offered.
const PLANNED: &str = "Planned for ";

fn limit(mut options: Vec<OptionSpec>, take: Option<u32>) -> Vec<OptionSpec> {
    if let Some(n) = take {
        options.truncate(n as usize);
    }
    options
}
