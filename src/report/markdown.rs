//! `report.md`: the output pack as Markdown.

use super::{date, timeline::timeline_in, Source};
use crate::activity::kind_of;
use crate::activity::show::md_escape as esc;
use crate::language::Language;
use crate::session::{ActivityState, ActivityStatus};
use crate::t;
use std::fmt::Write;

/// The output pack, in English. Participant text is escaped so it cannot
/// become markup.
pub fn report_markdown(source: &Source) -> String {
    report_markdown_in(source, Language::English)
}

/// The output pack in `lang`: the script's texts in it where they have it,
/// what people typed as typed.
pub fn report_markdown_in(source: &Source, lang: Language) -> String {
    let state = &source.state;
    let info = &state.info;
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", esc(info.title_in(lang)));
    let line = t!(
        lang,
        "report-line",
        workshop = esc(info.workshop.title.read_in(lang)),
        date = date(info.created_at),
        code = info.code.as_str(),
        events = state.seq.to_string()
    );
    let _ = writeln!(md, "{line}\n");
    let _ = writeln!(
        md,
        "## {}\n\n| {} | {} | {} |\n|---|---|---|",
        t!(lang, "report-who-took-part"),
        t!(lang, "report-team"),
        t!(lang, "report-people"),
        t!(lang, "report-names")
    );
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
        let _ = writeln!(md, "| {} | {n} | {} |", group.name(lang), names.join(", "));
    }
    for activity in &state.activities {
        activity_section(&mut md, source, activity, lang);
    }
    let _ = writeln!(md, "\n## {}\n", t!(lang, "report-notes"));
    if state.notes.is_empty() {
        let _ = writeln!(md, "{}", t!(lang, "report-none-recorded"));
    }
    for n in state.notes.iter() {
        let _ = write!(md, "- **{}:** {}", n.kind.name(lang), esc(&n.text));
        if let (Some(owner), Some(due)) = (&n.owner, &n.due) {
            let _ = write!(
                md,
                " {}",
                t!(
                    lang,
                    "report-owner-due",
                    owner = esc(owner),
                    due = due.as_str()
                )
            );
        }
        md.push('\n');
    }
    let _ = writeln!(md, "\n## {}\n", t!(lang, "report-timeline"));
    for entry in timeline_in(source, lang) {
        let _ = writeln!(md, "- {} {}", entry.time, esc(&entry.text));
    }
    md
}

/// One activity's part of the pack (its heading, prompt and results).
pub(crate) fn activity_section(
    md: &mut String,
    source: &Source,
    activity: &ActivityState,
    lang: Language,
) {
    let spec = &activity.spec;
    let _ = writeln!(md, "\n## {}\n", esc(spec.title.read_in(lang)));
    if !spec.prompt.is_empty() {
        let _ = writeln!(md, "_{}_\n", esc(spec.prompt.read_in(lang)));
    }
    if spec.anonymous {
        let _ = writeln!(md, "{}\n", t!(lang, "report-anonymous"));
    }
    let results = activity.results(&source.state);
    if results.withheld {
        let _ = writeln!(md, "{}\n", t!(lang, "report-still-open"));
        return;
    }
    if results.too_few {
        let _ = writeln!(md, "{}\n", t!(lang, "report-too-few"));
        return;
    }
    if kind_of(spec.kind).room_answers() {
        let _ = writeln!(
            md,
            "{}\n",
            t!(lang, "report-ballots", n = results.all.ballots())
        );
    }
    let view = crate::activity::ActivityView {
        language: lang,
        ..activity.view(&source.state)
    };
    kind_of(spec.kind).results_markdown(&view, &results, md);
    if spec.anonymous && spec.kind.takes_ballots() && activity.status != ActivityStatus::Pending {
        // Whose answers were counted, alphabetically: who, never how.
        let names: Vec<String> = activity
            .counted_names(&source.state)
            .into_iter()
            .map(|(name, guest)| match guest {
                true => format!("{} {}", esc(&name), t!(lang, "report-not-on-roster")),
                false => esc(&name),
            })
            .collect();
        let counted = t!(
            lang,
            "report-counted-from",
            n = names.len(),
            names = names.join(", ")
        );
        let _ = writeln!(md, "\n{counted}");
    }
}
