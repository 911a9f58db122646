//! The outcome pack: a session's record as a tagged PDF (PDF/UA-1) that a
//! council can circulate. Page 1 says what was decided; then who took part,
//! each activity's results (the words `report.md` has, suppression and
//! all), notes, and the timeline only when asked for. Set by Typst as a
//! library from JSON data; CPU-bound, so callers run it off the async
//! threads.

mod blocks;
mod world;

pub use blocks::{blocks, Block};

use super::{decided, timeline, Source};
use crate::activity::kind_of;
use crate::session::ActivityStatus;
use serde::Serialize;

/// What a pack is asked to hold beyond the record.
#[derive(Debug, Clone, Default)]
pub struct PackOptions {
    /// The minute-by-minute timeline, as an appendix.
    pub timeline: bool,
    /// A classification line on every page ("OFFICIAL").
    pub classification: Option<String>,
    /// The series' name, for the running header.
    pub series: String,
}

/// Why a pack could not be made (a template fault: never the data's).
#[derive(Debug, thiserror::Error)]
#[error("the pack could not be set: {0}")]
pub struct PackError(String);

#[derive(Serialize)]
struct Data {
    title: String,
    series: String,
    workshop: String,
    date: String,
    classification: Option<String>,
    teams: Vec<Team>,
    decided: Decided,
    activities: Vec<Activity>,
    notes: Vec<String>,
    timeline: Option<Vec<[String; 2]>>,
}

#[derive(Serialize)]
struct Team {
    name: &'static str,
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
    activity: String,
    top: Vec<String>,
}

#[derive(Serialize)]
struct Activity {
    title: String,
    blocks: Vec<Block>,
}

/// The pack of one session, as PDF bytes.
pub fn session_pack(source: &Source, options: &PackOptions) -> Result<Vec<u8>, PackError> {
    let data =
        serde_json::to_string(&data_of(source, options)).map_err(|e| PackError(e.to_string()))?;
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

fn data_of(source: &Source, options: &PackOptions) -> Data {
    let state = &source.state;
    let info = &state.info;
    let teams = source
        .attendance()
        .into_iter()
        .map(|(group, count)| Team {
            name: group.label(),
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
    let d = decided(state);
    let activities = state
        .activities
        .iter()
        .filter(|a| kind_of(a.spec.kind).room_answers() && a.status != ActivityStatus::Pending)
        .map(|a| {
            let mut md = String::new();
            super::markdown::activity_section(&mut md, source, a);
            Activity {
                title: a.spec.title.clone(),
                blocks: blocks(&md),
            }
        })
        .collect();
    Data {
        title: info.title.clone(),
        series: options.series.clone(),
        workshop: info.workshop.title.clone(),
        date: crate::time::long_date(info.created_at),
        classification: options.classification.clone(),
        teams,
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
        timeline: options.timeline.then(|| {
            timeline(source)
                .into_iter()
                .map(|e| [e.time, e.text])
                .collect()
        }),
    }
}
