//! The outcome pack: a session's record as a tagged PDF (PDF/UA-1) that a
//! council can circulate. Page 1 says what was decided; then who took part,
//! each activity's results (the words `report.md` has, suppression and
//! all), notes, and the timeline only when asked for. Set by Typst as a
//! library from JSON data; CPU-bound, so callers run it off the async
//! threads.

mod blocks;
mod world;

pub use blocks::{blocks, Block};

use super::Source;
use crate::activity::kind_of;
use crate::language::Language;
use crate::session::ActivityStatus;
use crate::t;
use serde::Serialize;

/// What a pack is asked to hold beyond the record.
#[derive(Debug, Clone, Default)]
pub struct PackOptions {
    /// The minute-by-minute timeline, as an appendix (a session's pack).
    pub timeline: bool,
    /// A classification line on every page ("OFFICIAL").
    pub classification: Option<String>,
    /// The council's name, on the first page.
    pub council: Option<String>,
    /// The series' name, for the running header.
    pub series: String,
    /// The language it is written in (the session's, unless asked).
    pub language: Language,
}

/// Why a pack could not be made (a template fault: never the data's).
#[derive(Debug, thiserror::Error)]
#[error("the pack could not be set: {0}")]
pub struct PackError(String);

/// What the template reads: one session, or a series of them.
#[derive(Serialize)]
struct Data {
    /// `session` or `series`.
    kind: &'static str,
    /// The document's language, for Typst's hyphenation and PDF/UA: `en` or `cy`.
    lang: &'static str,
    /// The template's own words in that language.
    words: Words,
    title: String,
    header: String,
    council: Option<String>,
    classification: Option<String>,
    /// The series' dates, first to last (a series pack).
    date: String,
    sessions: Vec<SessionPart>,
    /// Every action of the series, each with its workshop first.
    actions: Vec<[String; 4]>,
}

#[derive(Serialize)]
struct SessionPart {
    title: String,
    workshop: String,
    date: String,
    teams: Vec<Team>,
    decided: Decided,
    activities: Vec<Activity>,
    amendments: Vec<Amendment>,
    notes: Vec<String>,
    timeline: Option<Vec<[String; 2]>>,
}

#[derive(Serialize)]
struct Team {
    name: String,
    count: usize,
    people: Vec<String>,
}

#[derive(Serialize)]
struct Decided {
    agreed: Vec<Agreed>,
    priorities: Vec<Priorities>,
    decisions: Vec<String>,
    actions: Vec<[String; 3]>,
}

#[derive(Serialize)]
struct Agreed {
    activity: String,
    text: String,
    fields: Vec<[String; 2]>,
}

#[derive(Serialize)]
struct Priorities {
    heading: String,
    activity: String,
    top: Vec<String>,
}

#[derive(Serialize)]
struct Activity {
    title: String,
    blocks: Vec<Block>,
    /// A drawing the kind gives for print (an SVG), set above its blocks.
    figure: Option<String>,
}

/// A statement that was amended: its final wording and each earlier one
/// with its tally, in the words (and the suppression) of `report.md`.
#[derive(Serialize)]
struct Amendment {
    activity: String,
    statement: String,
    versions: Vec<String>,
}

/// The pack of one session, as PDF bytes.
pub fn session_pack(source: &Source, options: &PackOptions) -> Result<Vec<u8>, PackError> {
    let part = session_part(source, options.timeline, options.language);
    let data = Data {
        kind: "session",
        lang: options.language.code(),
        words: Words::in_language(options.language, 1),
        title: part.title.clone(),
        header: if options.series.is_empty() || options.series == part.title {
            part.title.clone()
        } else {
            format!("{} — {}", options.series, part.title)
        },
        council: options.council.clone(),
        classification: options.classification.clone(),
        date: part.date.clone(),
        actions: Vec::new(),
        sessions: vec![part],
    };
    set(&data)
}

/// The pack of a series: what each workshop decided, in the order they met
/// (the golden rope), every action, then each workshop's results. `sources`
/// are the series' sessions, oldest first.
pub fn series_pack(sources: &[Source], options: &PackOptions) -> Result<Vec<u8>, PackError> {
    let lang = options.language;
    let sessions: Vec<SessionPart> = sources
        .iter()
        .map(|s| session_part(s, false, lang))
        .collect();
    let actions = sessions
        .iter()
        .flat_map(|s| {
            s.decided.actions.iter().map(|[text, owner, due]| {
                [s.workshop.clone(), text.clone(), owner.clone(), due.clone()]
            })
        })
        .collect();
    let date = match (sessions.first(), sessions.last()) {
        (Some(first), Some(last)) if first.date != last.date => {
            t!(
                lang,
                "pack-dates",
                first = first.date.as_str(),
                last = last.date.as_str()
            )
        }
        (Some(first), _) => first.date.clone(),
        _ => String::new(),
    };
    let data = Data {
        kind: "series",
        lang: lang.code(),
        words: Words::in_language(lang, sessions.len()),
        title: options.series.clone(),
        header: options.series.clone(),
        council: options.council.clone(),
        classification: options.classification.clone(),
        date,
        sessions,
        actions,
    };
    set(&data)
}

/// Sets the template with `data`, as a PDF/UA-1 document.
fn set(data: &Data) -> Result<Vec<u8>, PackError> {
    let data = serde_json::to_string(data).map_err(|e| PackError(e.to_string()))?;
    let world = world::PackWorld::new(data);
    let document = typst::compile::<typst::layout::PagedDocument>(&world)
        .output
        .map_err(|errors| PackError(format!("{:?}", errors.first().map(|e| &e.message))))?;
    let pdf = typst_pdf::PdfOptions {
        standards: typst_pdf::PdfStandards::new(&[typst_pdf::PdfStandard::Ua_1])
            .map_err(|e| PackError(e.to_string()))?,
        ..Default::default()
    };
    typst_pdf::pdf(&document, &pdf)
        .map_err(|errors| PackError(format!("{:?}", errors.first().map(|e| &e.message))))
}

fn session_part(source: &Source, with_timeline: bool, options_language: Language) -> SessionPart {
    let lang = options_language;
    let state = &source.state;
    let info = &state.info;
    let teams = source
        .attendance()
        .into_iter()
        .map(|(group, count)| Team {
            name: group.name(lang),
            count,
            people: state
                .participants
                .iter()
                .filter(|p| p.group == group && p.admitted && !p.removed)
                .map(|p| match &p.job_title {
                    Some(t) => format!("{}, {t}", p.name),
                    None => p.name.clone(),
                })
                .collect(),
        })
        .collect();
    let d = super::decided::decided_in(state, lang);
    let amendments = super::amendments::amendments(state, lang)
        .into_iter()
        .map(|a| Amendment {
            activity: a.activity,
            statement: a.statement,
            versions: a.versions,
        })
        .collect();
    let activities = state
        .activities
        .iter()
        // Notes steps only where they brought something forward; their
        // notes are listed once, under Notes.
        .filter(|a| {
            a.status != ActivityStatus::Pending
                && (kind_of(a.spec.kind).room_answers() || !a.spec.options.is_empty())
        })
        .map(|a| {
            let mut md = String::new();
            super::markdown::activity_section(&mut md, source, a, options_language);
            let blocks = without_earlier_versions(blocks(&md));
            let results = a.results(state);
            // Results not shown (an anonymous vote open, or too few) have no drawing either.
            let figure = (!results.withheld && !results.too_few)
                .then(|| kind_of(a.spec.kind).print_figure(&a.view(state), &results))
                .flatten();
            Activity {
                title: a.spec.title.read_in(lang).to_string(),
                blocks,
                figure,
            }
        })
        .collect();
    SessionPart {
        title: info.title_in(lang).to_string(),
        workshop: info.workshop.title.read_in(lang).to_string(),
        date: crate::time::long_date_in(info.created_at, lang),
        teams,
        amendments,
        decided: Decided {
            agreed: d
                .agreed
                .into_iter()
                .map(|a| Agreed {
                    activity: a.activity,
                    text: a.text,
                    fields: a.fields.into_iter().map(|(k, v)| [k, v]).collect(),
                })
                .collect(),
            priorities: d
                .priorities
                .into_iter()
                .map(|p| Priorities {
                    heading: p.heading,
                    activity: p.activity,
                    top: p.top,
                })
                .collect(),
            decisions: d.decisions,
            actions: d
                .actions
                .into_iter()
                .map(|a| {
                    [
                        a.text,
                        a.owner.unwrap_or_default(),
                        a.due.unwrap_or_default(),
                    ]
                })
                .collect(),
        },
        activities,
        notes: state
            .notes
            .iter()
            .filter(|n| n.kind == crate::activity::notes::NoteKind::Note)
            .map(|n| n.text.clone())
            .collect(),
        timeline: with_timeline.then(|| {
            super::timeline::timeline_in(source, lang)
                .into_iter()
                .map(|e| [e.time, e.text])
                .collect()
        }),
    }
}

/// The template's own words, from the catalogue.
#[derive(Serialize)]
struct Words {
    page: String,
    of: String,
    nothing_decided: String,
    agreed_statements: String,
    golden_rope_column: String,
    as_agreed: String,
    decisions: String,
    actions: String,
    action: String,
    owner: String,
    due: String,
    nobody_named: String,
    matrix_alt: String,
    amendments_intro: String,
    what_decided: String,
    who_took_part: String,
    results: String,
    notes: String,
    appendix_amendments: String,
    appendix_timeline: String,
    outcome_of: String,
    golden_rope: String,
    golden_rope_intro: String,
    all_actions: String,
    workshop: String,
    amendments: String,
}

impl Words {
    /// The words in `lang`, for a pack of `workshops` sessions.
    fn in_language(lang: Language, workshops: usize) -> Words {
        Words {
            page: t!(lang, "pack-page"),
            of: t!(lang, "pack-of"),
            nothing_decided: t!(lang, "pack-nothing-decided"),
            agreed_statements: t!(lang, "pack-agreed-statements"),
            golden_rope_column: t!(lang, "pack-golden-rope-column"),
            as_agreed: t!(lang, "pack-as-agreed"),
            decisions: t!(lang, "pack-decisions"),
            actions: t!(lang, "pack-actions"),
            action: t!(lang, "pack-action"),
            owner: t!(lang, "pack-owner"),
            due: t!(lang, "pack-due"),
            nobody_named: t!(lang, "pack-nobody-named"),
            matrix_alt: t!(lang, "pack-matrix-alt"),
            amendments_intro: t!(lang, "pack-amendments-intro"),
            what_decided: t!(lang, "pack-what-decided"),
            who_took_part: t!(lang, "pack-who-took-part"),
            results: t!(lang, "pack-results"),
            notes: t!(lang, "pack-notes"),
            appendix_amendments: t!(lang, "pack-appendix-amendments"),
            appendix_timeline: t!(lang, "pack-appendix-timeline"),
            outcome_of: t!(lang, "pack-outcome-of", n = workshops),
            golden_rope: t!(lang, "pack-golden-rope"),
            golden_rope_intro: t!(lang, "pack-golden-rope-intro"),
            all_actions: t!(lang, "pack-all-actions"),
            workshop: t!(lang, "pack-workshop"),
            amendments: t!(lang, "pack-amendments"),
        }
    }
}

/// A statement's earlier wordings ("– version 1 (amended): …") taken out
/// of the results: the amendments appendix tells them, with their fields.
fn without_earlier_versions(blocks: Vec<Block>) -> Vec<Block> {
    blocks
        .into_iter()
        .map(|block| match block {
            Block::List { items } => Block::List {
                items: items
                    .into_iter()
                    .filter(|i| !i.starts_with("– version "))
                    .collect(),
            },
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn earlier_wordings_leave_the_results_for_the_appendix() {
        let list = Block::List {
            items: vec![
                "No surprises: we warn each other early.".into(),
                "– agree 6, can live with it 0, object 0 — Agreed".into(),
                "– version 1 (amended): “No surprises”: agree 0, live with 0, object 6".into(),
                "Honesty".into(),
            ],
        };
        let Block::List { items } = &without_earlier_versions(vec![list])[0] else {
            panic!("a list")
        };
        assert_eq!(items.len(), 3, "the tallies of the final wordings stay");
        assert!(items.iter().all(|i| !i.contains("version 1")));
    }
}
