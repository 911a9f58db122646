//! The session as JSON: the shape `GET /api/sessions/{id}` returns.

use crate::session::{ActivityStatus, SessionState, SessionStatus};
use serde_json::{json, Value};

/// The full state with results by group, as documented in `docs/api.md`.
pub fn session_json(state: &SessionState) -> Value {
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
            })
        })
        .collect();
    let activities: Vec<Value> = state
        .activities
        .iter()
        .map(|a| {
            let options: Vec<Value> = a
                .spec
                .options
                .iter()
                .map(|o| json!({ "id": o.id, "label": o.label }))
                .collect();
            json!({
                "id": a.spec.id,
                "kind": a.spec.kind.as_str(),
                "title": a.spec.title,
                "prompt": a.spec.prompt,
                "status": match a.status {
                    ActivityStatus::Pending => "pending",
                    ActivityStatus::Open => "open",
                    ActivityStatus::Closed => "closed",
                },
                "revealed": a.revealed,
                "dots": a.spec.dots,
                "options": options,
                "results": a.results(state),
            })
        })
        .collect();
    json!({
        "id": info.id,
        "code": info.code,
        "workshop": info.workshop.id,
        "title": info.title,
        "series": info.series,
        "created_at": info.created_at,
        "status": status_name(state.status),
        "seq": state.seq,
        "current": state.current_activity().map(|a| a.spec.id.clone()),
        "participants": participants,
        "activities": activities,
    })
}

/// One line of the session list.
pub fn session_summary_json(state: &SessionState) -> Value {
    let info = &state.info;
    json!({
        "id": info.id,
        "code": info.code,
        "workshop": info.workshop.id,
        "title": info.title,
        "series": info.series,
        "created_at": info.created_at,
        "status": status_name(state.status),
        "participants": state.participants.iter().filter(|p| !p.removed).count(),
    })
}

fn status_name(status: SessionStatus) -> &'static str {
    match status {
        SessionStatus::Live => "live",
        SessionStatus::Ended => "ended",
    }
}
