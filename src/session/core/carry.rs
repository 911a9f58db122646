//! Carry-over: turning one activity's results into another's options, within a
//! session (when the later activity opens) or across the series (when the
//! later session is created). `docs/workshops.md` explains the rules.

use super::{ActivityState, SessionState};
use crate::activity::kind_of;
use crate::workshop::{ActivitySpec, OptionSpec, Workshop, WorkshopLibrary};

/// The options a source activity passes on, best first, as its kind says
/// (`Kind::carried`; `docs/workshops.md` lists each kind's rule), each marked
/// with where it came from. `take` keeps only the first so many.
pub fn carried_options(
    state: &SessionState,
    source: &ActivityState,
    take: Option<u32>,
    origin: &str,
) -> Vec<OptionSpec> {
    let detail = format!("From {origin}");
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
/// series. With none, the earlier script's own options stand in (resolved the
/// same way, so a chain w3 → w2 → w1 still yields options).
pub fn resolve_workshop(
    workshop: &Workshop,
    library: &WorkshopLibrary,
    earlier: &dyn Fn(&str) -> Option<std::sync::Arc<SessionState>>,
) -> Workshop {
    let mut resolved = workshop.clone();
    for spec in &mut resolved.activities {
        let carried = carried_from_series(spec, library, earlier, 0);
        spec.options = with_own_options(carried, &spec.options);
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
    if let Some(session) = earlier(workshop_id) {
        if let Some((_, source)) = session.activity(activity_id) {
            let origin = &session.info.workshop.title;
            let carried = carried_options(&session, source, spec.take, origin);
            if !carried.is_empty() {
                return carried;
            }
        }
    }
    // No earlier session, or it never ran that activity (nothing to carry):
    // fall back to what the earlier script itself offers, rather than an
    // activity with no options. Depth bounds a cycle of scripts naming each other.
    let Some(source) = library.get(workshop_id) else {
        return Vec::new();
    };
    let Some((_, source_spec)) = source.activity(activity_id) else {
        return Vec::new();
    };
    let options = script_options(&source, source_spec, library, earlier, depth + 1);
    let detail = format!("From the {} script (not run in this series)", source.title);
    let options = options
        .into_iter()
        .map(|o| OptionSpec {
            detail: detail.clone(),
            ..o
        })
        .collect();
    limit(options, spec.take)
}

/// What an activity of a script offers before anyone votes: what its `from`
/// brings in (an earlier activity of the same script, or another workshop)
/// and its own options. Depth bounds a cycle of scripts naming each other.
fn script_options(
    workshop: &Workshop,
    spec: &ActivitySpec,
    library: &WorkshopLibrary,
    earlier: &dyn Fn(&str) -> Option<std::sync::Arc<SessionState>>,
    depth: usize,
) -> Vec<OptionSpec> {
    if depth > 8 {
        return Vec::new();
    }
    let upstream = match spec.from_same_session() {
        Some(from) => workshop
            .activity(from)
            .map_or_else(Vec::new, |(_, source)| {
                let options = script_options(workshop, source, library, earlier, depth + 1);
                limit(options, spec.take)
            }),
        None => carried_from_series(spec, library, earlier, depth),
    };
    with_own_options(upstream, &spec.options)
}

fn limit(mut options: Vec<OptionSpec>, take: Option<u32>) -> Vec<OptionSpec> {
    if let Some(n) = take {
        options.truncate(n as usize);
    }
    options
}
