//! Carry-over: turning one activity's results into another's options, within a
//! session (when the later activity opens) or across the series (when the
//! later session is created). `docs/workshops.md` explains the rules.

use super::{ActivityState, SessionState};
use crate::activity::Tally;
use crate::workshop::{ActivityKind, ActivitySpec, OptionSpec, Workshop, WorkshopLibrary};

/// The options a source activity passes on, best first:
/// ideas: the visible ideas in the order they came;
/// dots: the options with any dots, most first (all, in script order, if
/// nobody voted); rank: every option by Borda score; ties in script order;
/// agreement: the statements that have consent, in their current wording.
/// `take` keeps only the first so many.
pub fn carried_options(
    state: &SessionState,
    source: &ActivityState,
    take: Option<u32>,
    origin: &str,
) -> Vec<OptionSpec> {
    let detail = format!("From {origin}");
    let option = |id: &str, label: &str| OptionSpec {
        detail: detail.clone(),
        ..OptionSpec::new(id, label)
    };
    let results = source.counted_results(state);
    // Dots drop options nobody chose (when anyone chose anything); a rank
    // keeps them all, since last place earns 0 points yet was still ranked.
    let ranked = |scores: Vec<(&str, u64)>, drop_unsupported: bool| -> Vec<OptionSpec> {
        let any = scores.iter().any(|(_, s)| *s > 0);
        scores
            .into_iter()
            .filter(|(_, s)| !(drop_unsupported && any) || *s > 0)
            .filter_map(|(id, _)| source.spec.option(id).map(|o| option(&o.id, &o.label)))
            .collect()
    };
    let carried: Vec<OptionSpec> = match (&source.spec.kind, &results.all) {
        (ActivityKind::Ideas, _) => source
            .ideas
            .iter()
            .filter(|i| i.visible())
            .map(|i| option(&i.id, &i.text))
            .collect(),
        (ActivityKind::Dots, Tally::Dots(t)) => ranked(t.ranked(&source.spec), true),
        (ActivityKind::Rank, Tally::Rank(t)) => ranked(t.ranked(&source.spec), false),
        (ActivityKind::Agreement, Tally::Agreement(t)) => source
            .spec
            .options
            .iter()
            .filter(|o| t.items.get(&o.id).is_some_and(|i| i.consent))
            .filter_map(|o| {
                let current = source.current_statement(&o.id)?;
                Some(OptionSpec {
                    fields: current.fields.clone(),
                    ..option(&o.id, &current.text)
                })
            })
            .collect(),
        _ => Vec::new(),
    };
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
            return carried_options(&session, source, spec.take, origin);
        }
    }
    // No earlier session: fall back to what the earlier script itself offers.
    // Depth bounds a cycle of scripts naming each other.
    let Some(source) = library.get(workshop_id) else {
        return Vec::new();
    };
    let Some((_, source_spec)) = source.activity(activity_id) else {
        return Vec::new();
    };
    if depth > 4 {
        return Vec::new();
    }
    let upstream = carried_from_series(source_spec, library, earlier, depth + 1);
    let options = with_own_options(upstream, &source_spec.options);
    let detail = format!(
        "From the {} script (no earlier session in this series)",
        source.title
    );
    let options = options
        .into_iter()
        .map(|o| OptionSpec {
            detail: detail.clone(),
            ..o
        })
        .collect();
    limit(options, spec.take)
}

fn limit(mut options: Vec<OptionSpec>, take: Option<u32>) -> Vec<OptionSpec> {
    if let Some(n) = take {
        options.truncate(n as usize);
    }
    options
}
