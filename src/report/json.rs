//! `report.json`: results, agreements, notes and the timeline, as data.

use super::{timeline, Source};
use crate::activity::notes::NoteKind;
use crate::render::{session_json, status_name};
use serde_json::{json, Value};

/// The session's results and agreements. Nothing here names an anonymous voter:
/// results carry only counts, and ideas carry only their team.
pub fn report_json(source: &Source) -> Value {
    let state = &source.state;
    let info = &state.info;
    let mut activities =
        session_json(state, crate::language::Language::English)["activities"].clone();
    if let Value::Array(list) = &mut activities {
        for a in list.iter_mut() {
            if let Value::Object(map) = a {
                map.remove("timer");
            }
        }
    }
    let people: Vec<Value> = state
        .participants
        .iter()
        .filter(|p| p.admitted && !p.removed)
        .map(|p| json!({ "name": p.name, "group": p.group, "job_title": p.job_title }))
        .collect();
    // Every group, invited or not, so programs find the same keys each time.
    let attendance: serde_json::Map<String, Value> = crate::workshop::Group::ALL
        .into_iter()
        .map(|g| {
            let n = people.iter().filter(|p| p["group"] == json!(g)).count();
            (g.as_str().to_string(), json!(n))
        })
        .collect();
    let of_kind = |kind: NoteKind| {
        state
            .notes
            .iter()
            .filter(|n| n.kind == kind)
            .collect::<Vec<_>>()
    };
    json!({
        "session": {
            "id": info.id,
            "code": info.code,
            "title": info.title.as_str(),
            "workshop": { "id": info.workshop.id, "title": info.workshop.title },
            "series": info.series,
            "created_at": info.created_at,
            "status": status_name(state.status),
            "events": state.seq,
        },
        "attendance": attendance,
        "people": people,
        "activities": activities,
        "decisions": of_kind(NoteKind::Decision),
        "actions": of_kind(NoteKind::Action),
        "notes": of_kind(NoteKind::Note),
        "timeline": timeline(source),
    })
}
