//! `report.md`: the output pack as Markdown.

use super::{date, timeline, Source};
use crate::activity::agreement::Outcome;
use crate::activity::{Comparison, GroupResult, Tally};
use crate::session::ActivityState;
use std::fmt::Write;

/// The output pack. Participant text is escaped so it cannot become markup.
pub fn report_markdown(source: &Source) -> String {
    let state = &source.state;
    let info = &state.info;
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", esc(&info.title));
    let _ = writeln!(
        md,
        "{} · {} · code {} · {} events\n",
        esc(&info.workshop.title),
        date(&info.created_at),
        info.code,
        state.seq
    );
    md.push_str("## Who took part\n\n| Team | People | Names |\n|---|---|---|\n");
    for (group, n) in source.attendance() {
        let names: Vec<String> = state
            .participants
            .iter()
            .filter(|p| p.group == group && !p.removed)
            .map(|p| match &p.job_title {
                Some(t) => format!("{} ({})", esc(&p.name), esc(t)),
                None => esc(&p.name),
            })
            .collect();
        let _ = writeln!(md, "| {} | {n} | {} |", group.label(), names.join(", "));
    }
    for activity in &state.activities {
        activity_section(&mut md, source, activity);
    }
    md.push_str("\n## Notes, decisions and actions\n\n");
    if state.notes.is_empty() {
        md.push_str("None recorded.\n");
    }
    for n in state.notes.iter() {
        let _ = write!(md, "- **{}:** {}", n.kind.label(), esc(&n.text));
        if let (Some(owner), Some(due)) = (&n.owner, &n.due) {
            let _ = write!(md, " (owner: {}, due {due})", esc(owner));
        }
        md.push('\n');
    }
    md.push_str("\n## Timeline (UK time)\n\n");
    for entry in timeline(source) {
        let _ = writeln!(md, "- {} {}", entry.time, esc(&entry.text));
    }
    md
}

fn activity_section(md: &mut String, source: &Source, activity: &ActivityState) {
    let spec = &activity.spec;
    let _ = writeln!(md, "\n## {}\n", esc(&spec.title));
    if !spec.prompt.is_empty() {
        let _ = writeln!(md, "_{}_\n", esc(&spec.prompt));
    }
    if spec.anonymous {
        md.push_str("Anonymous: ballots are linked to pseudonyms, never names.\n\n");
    }
    let results = activity.results(&source.state);
    if results.withheld {
        md.push_str(
            "Voting is still open: an anonymous vote's results are counted once it closes.\n\n",
        );
        return;
    }
    let label = |id: &str| esc(spec.option(id).map_or(id, |o| o.label.as_str()));
    let group_cell = |g: &GroupResult, f: &dyn Fn(&Tally) -> String| match g {
        GroupResult::Shown(t) => f(t),
        GroupResult::Suppressed { min_group_size, .. } => {
            format!("hidden: a team has fewer than {min_group_size}")
        }
        GroupResult::None => "—".to_string(),
    };
    let table = |md: &mut String, heading: &str, value: &dyn Fn(&Tally, &str) -> String| {
        let _ = writeln!(
            md,
            "| {heading} | All | Cabinet | Management |\n|---|---|---|---|"
        );
        for o in &spec.options {
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} |",
                label(&o.id),
                value(&results.all, &o.id),
                group_cell(&results.cabinet, &|t| value(t, &o.id)),
                group_cell(&results.management, &|t| value(t, &o.id)),
            );
        }
    };
    let _ = writeln!(md, "Ballots: {}\n", results.all.ballots());
    match &results.all {
        Tally::Dots(_) => table(md, "Option", &|t, id| match t {
            Tally::Dots(d) => d.totals.get(id).copied().unwrap_or(0).to_string(),
            _ => String::new(),
        }),
        Tally::Rank(_) => table(md, "Option (Borda points)", &|t, id| match t {
            Tally::Rank(r) => r.borda.get(id).copied().unwrap_or(0).to_string(),
            _ => String::new(),
        }),
        Tally::Rating(_) => table(md, "Item (mean ± sd)", &|t, id| match t {
            Tally::Rating(r) => r
                .items
                .get(id)
                .and_then(|s| Some(format!("{:.1} ± {:.1}", s.mean?, s.sd?)))
                .unwrap_or_else(|| "—".into()),
            _ => String::new(),
        }),
        Tally::RoleMap(_) => table(
            md,
            "Responsibility (members / joint / officers)",
            &|t, id| match t {
                Tally::RoleMap(r) => r
                    .items
                    .get(id)
                    .map(|c| format!("{} / {} / {}", c.members, c.joint, c.officers))
                    .unwrap_or_default(),
                _ => String::new(),
            },
        ),
        Tally::Agreement(all) => {
            for o in &spec.options {
                let versions = activity
                    .statements
                    .get(&o.id)
                    .map_or(&[][..], Vec::as_slice);
                let Some(current) = versions.last() else {
                    continue;
                };
                let t = all.items.get(&o.id).cloned().unwrap_or_default();
                let outcome = activity.outcome(&source.state, &o.id);
                let _ = writeln!(md, "- **{}**", esc(&current.text));
                for (field, value) in &current.fields {
                    let _ = writeln!(
                        md,
                        "  - {}: {}",
                        crate::render::field_label(field),
                        esc(value)
                    );
                }
                let _ = writeln!(
                    md,
                    "  - agree {}, can live with it {}, object {}{}",
                    t.agree,
                    t.live_with,
                    t.object,
                    if outcome == Outcome::Open {
                        String::new()
                    } else {
                        format!(" — **{}**", outcome.label())
                    }
                );
                for reason in &t.reasons {
                    let _ = writeln!(md, "  - objection: {}", esc(reason));
                }
                for v in versions.iter().filter(|v| v.tally.is_some()) {
                    let vt = v.tally.as_ref().map(|x| x.all.clone()).unwrap_or_default();
                    let _ = writeln!(
                        md,
                        "  - version {} (amended): \u{201c}{}\u{201d}: agree {}, live with {}, object {}",
                        v.version,
                        esc(&v.text),
                        vt.agree,
                        vt.live_with,
                        vt.object
                    );
                }
            }
        }
        Tally::Ideas(ideas) => {
            for idea in &ideas.ideas {
                match idea.group {
                    Some(g) => {
                        let _ = writeln!(md, "- {} ({})", esc(&idea.text), g.label());
                    }
                    None => {
                        let _ = writeln!(md, "- {}", esc(&idea.text));
                    }
                }
            }
        }
        Tally::Notes { notes } => {
            for n in notes {
                let _ = writeln!(md, "- {}: {}", n.kind.label(), esc(&n.text));
            }
        }
    }
    match &results.comparison {
        Some(Comparison::Rank {
            kendall_tau,
            reading,
        }) => {
            let tau = kendall_tau.map_or("n/a".into(), |t| format!("{t:+.2}"));
            let _ = writeln!(
                md,
                "\nAgreement between the teams (Kendall's tau): {tau}. {reading}"
            );
        }
        Some(Comparison::Dots {
            agreement_index,
            reading,
        }) => {
            let index = agreement_index.map_or("n/a".into(), |t| format!("{t:.2}"));
            let _ = writeln!(
                md,
                "\nAgreement index between the teams: {index}. {reading}"
            );
        }
        Some(Comparison::RoleMap { contested }) if !contested.is_empty() => {
            md.push_str("\nContested (0 = members lead, 2 = officers lead):\n\n");
            for c in contested {
                let _ = writeln!(
                    md,
                    "- {}: cabinet {:.1}, management {:.1}",
                    label(&c.item),
                    c.cabinet_mean,
                    c.management_mean
                );
            }
        }
        _ => {}
    }
}

/// Escapes Markdown's special characters in participant text.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>|#!{}".contains(c) {
            out.push('\\');
        }
        if c == '\n' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_in_participant_text_is_escaped() {
        assert_eq!(
            super::esc("<b>hi</b> | *x* [a](b)"),
            "\\<b\\>hi\\</b\\> \\| \\*x\\* \\[a\\](b)"
        );
    }
}
