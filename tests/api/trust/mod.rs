//! A vote the room can trust: one person one vote, anonymity that survives
//! arithmetic, an honest record, and abuse that cannot fill or flood a room.

pub mod abuse;
mod joining;

use crate::helpers::*;
use serde_json::{json, Value};

/// A named series with a roster; returns its id and the roster as stored.
pub async fn series_with_roster(app: &TestApp, people: Value) -> (String, Value) {
    let (status, created) = app
        .post_json(
            "/api/series",
            Some(KEY),
            json!({ "name": "Ashfield top team" }),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_str().unwrap().to_string();
    let response = app
        .http
        .put(app.url(&format!("/api/series/{id}/roster")))
        .bearer_auth(KEY)
        .json(&json!({ "people": people }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    (id, body["roster"].clone())
}

pub async fn session_in(app: &TestApp, workshop: &str, series: &str) -> Created {
    let (status, body) = app
        .post_json(
            "/api/sessions",
            Some(KEY),
            json!({ "workshop": workshop, "series": series }),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    Created {
        id: body["id"].as_str().unwrap().to_string(),
        code: body["code"].as_str().unwrap().to_string(),
    }
}
