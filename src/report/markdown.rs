//! `report.md`: the output pack as Markdown.

use super::{date, timeline, Source};
use crate::activity::kind_of;
use crate::activity::show::md_escape as esc;
use crate::session::{ActivityState, ActivityStatus};
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
        date(info.created_at),
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

/// One activity's part of the pack (its heading, prompt and results).
pub(crate) fn activity_section(md: &mut String, source: &Source, activity: &ActivityState) {
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
    if results.too_few {
        md.push_str("Too few ballots to show: an anonymous vote's results are shown only once enough people have voted that no one's answers can be picked out.\n\n");
        return;
    }
    if kind_of(spec.kind).room_answers() {
        let _ = writeln!(md, "Ballots: {}\n", results.all.ballots());
    }
    let view = activity.view(&source.state);
    kind_of(spec.kind).results_markdown(&view, &results, md);
    if spec.anonymous && spec.kind.takes_ballots() && activity.status != ActivityStatus::Pending {
        // Whose answers were counted, alphabetically: who, never how.
        let names: Vec<String> = activity
            .counted_names(&source.state)
            .into_iter()
            .map(|(name, guest)| match guest {
                true => format!("{} (not on the roster)", esc(&name)),
                false => esc(&name),
            })
            .collect();
        let _ = writeln!(
            md,
            "\nAnswers counted from {} people: {}.",
            names.len(),
            names.join(", ")
        );
    }
}
