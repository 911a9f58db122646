//! The session as JSON: the shape `GET /api/sessions/{id}` returns.

use crate::activity::kind_of;
use crate::language::Language;
use crate::session::{ActivityState, SessionState, SessionStatus};
use serde_json::{json, Value};
use std::time::SystemTime;

/// The full state with results by group, as documented in `docs/api.md`.
pub fn session_json(state: &SessionState, language: Language) -> Value {
    let info = &state.info;
    let participants: Vec<Value> = state
        .participants
        .iter()
        .map(|p| {
            json!({
                "id": p.id,
                "name": p.name,
                "group": p.group,
                "job_title": p.job_title,
                "admitted": p.admitted,
                "removed": p.removed,
                "erased": p.erased,
                "person": p.person,
                "held": p.held,
                "invited": p.invited,
            })
        })
        .collect();
    let now = SystemTime::now();
    let activities: Vec<Value> = state
        .activities
        .iter()
        .map(|a| activity_json(state, a, now, language))
        .collect();
    json!({
        "id": info.id,
        "code": info.code,
        "workshop": info.workshop.id,
        "title": info.title.read_in(language),
        "series": info.series,
        "created_at": info.created_at,
        "language": info.language.code(),
        "status": status_name(state.status),
        "archived": state.archived,
        "seq": state.seq,
        "current": state.current_activity().map(|a| a.spec.id.clone()),
        "participants": participants,
        "activities": activities,
        "notes": &*state.notes,
    })
}

fn activity_json(
    state: &SessionState,
    a: &ActivityState,
    now: SystemTime,
    language: Language,
) -> Value {
    let results = a.results(state);
    // A script's texts in the reader's language, as plain strings: the
    // script itself (`GET .../script`) is where both are.
    let options: Vec<Value> = a
        .spec
        .options
        .iter()
        .map(|o| {
            let mut option = json!({ "id": o.id, "label": o.label.read_in(language) });
            if !o.detail.is_empty() {
                option["detail"] = json!(o.detail.read_in(language));
            }
            if !o.fields.is_empty() {
                option["fields"] = json!(o.fields);
            }
            option
        })
        .collect();
    let mut value = json!({
        "id": a.spec.id,
        "kind": a.spec.kind.as_str(),
        "title": a.spec.title.read_in(language),
        "prompt": a.spec.prompt.read_in(language),
        "status": a.status.as_str(),
        "revealed": a.revealed,
        "anonymous": a.spec.anonymous,
        "options": options,
        "results": results,
        "turnout": a.turnout(state),
        "waiting": a.waiting(state),
        "timer": {
            "running": a.timer.running_since.is_some(),
            "seconds_left": a.timer.left_at(now),
            "ends_at": a.timer.ends_at(),
        },
    });
    let view = crate::activity::ActivityView {
        language,
        ..a.view(state)
    };
    let extra = kind_of(a.spec.kind).detail_json(&view, &results);
    if let (Value::Object(map), Value::Object(more)) = (&mut value, extra) {
        map.extend(more);
    }
    if let Some(from) = &a.spec.from {
        value["from"] = json!(from);
    }
    value
}

/// One line of the session list.
pub fn session_summary_json(summary: &crate::session::SessionSummary) -> Value {
    let info = &summary.info;
    json!({
        "id": info.id,
        "code": info.code,
        "workshop": info.workshop.id,
        "title": info.title.as_str(),
        "series": info.series,
        "created_at": info.created_at,
        "status": status_name(summary.status),
        "archived": summary.archived,
        "participants": summary.present,
    })
}

/// The session's status as the API names it.
pub fn status_name(status: SessionStatus) -> &'static str {
    match status {
        SessionStatus::Live => "live",
        SessionStatus::Ended => "ended",
    }
}
