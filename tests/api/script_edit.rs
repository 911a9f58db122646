//! Editing a session's agenda through `GET`/`PUT /api/sessions/{id}/script`.

use crate::helpers::*;
use serde_json::{json, Value};

async fn script(app: &TestApp, session: &str) -> Value {
    let (status, body) = app
        .get_json(&format!("/api/sessions/{session}/script"), Some(KEY))
        .await;
    assert_eq!(status, 200, "{body}");
    body
}

fn index_of(script: &Value, id: &str) -> usize {
    script["activity"]
        .as_array()
        .unwrap()
        .iter()
        .position(|a| a["id"] == id)
        .unwrap()
}

#[tokio::test]
async fn a_pending_activity_is_tailored_survives_a_restart_and_phones_vote_on_the_new_options() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;

    let mut edited = script(&app, &session.id).await;
    let p = index_of(&edited, "priorities");
    let priorities = &mut edited["activity"][p];
    priorities["prompt"] =
        json!("Which of Ashfield's manifesto pledges come first? Spread 7 dots.");
    priorities["dots"] = json!(7);
    priorities["from"] = Value::Null;
    priorities["option"] = json!([
        { "id": "buses", "label": "Free buses for under-18s" },
        { "id": "homes", "label": "500 council homes by 2030" },
        { "id": "high-street", "label": "Reopen the high street" }
    ]);
    let (status, body) = put_script(&app, &session.id, &edited).await;
    assert_eq!(status, 200, "{body}");
    assert!(app
        .transcript(&session.id)
        .await
        .contains("\"script_edited\""));

    app.stop().await;
    let app = spawn_app(&dir.0).await;
    let state = app.state(&session.id).await;
    let a = activity(&state, "priorities");
    assert_eq!(
        a["prompt"],
        "Which of Ashfield's manifesto pledges come first? Spread 7 dots."
    );
    assert_eq!(a["dots"], 7);
    assert_eq!(a["options"].as_array().unwrap().len(), 3);

    let mut phones = app.phones(&session, "cabinet", 1).await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "priorities" }),
    )
    .await;
    acked(
        &phones[0]
            .vote(
                "priorities",
                json!({ "dots": { "buses": 3, "homes": 3, "high-street": 1 } }),
            )
            .await,
    );
    refused(
        &phones[0]
            .vote("priorities", json!({ "dots": { "budget": 1 } }))
            .await,
        "unknown_option",
    );
    let state = app.state(&session.id).await;
    assert_eq!(totals(&state, "priorities", "all")["totals"]["homes"], 3);
    app.stop().await;
}

#[tokio::test]
async fn a_bad_edit_names_every_field_at_fault_and_changes_nothing() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let before = script(&app, &session.id).await;

    let mut bad = before.clone();
    let p = index_of(&bad, "priorities");
    bad["activity"][p]["dots"] = json!(0);
    bad["activity"][p]["title"] = json!("");
    bad["activity"][0]["prompt"] = json!("x".repeat(1001));
    let (status, body) = put_script(&app, &session.id, &bad).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["code"], "invalid_script");
    let paths: Vec<&str> = body["error"]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["path"].as_str().unwrap())
        .collect();
    for field in [
        format!("activity[{p}].title"),
        format!("activity[{p}].dots"),
        "activity[0].prompt".into(),
    ] {
        assert!(paths.contains(&field.as_str()), "{field} not in {paths:?}");
    }

    // Hidden characters in a title, and ids that cannot go in an address.
    let mut hidden = before.clone();
    hidden["activity"][1]["title"] = json!("Mandate\u{202e}etadnaM");
    hidden["activity"][2]["id"] = json!("our priorities/2026");
    let (status, body) = put_script(&app, &session.id, &hidden).await;
    assert_eq!(status, 422, "{body}");
    let problems = body["error"]["problems"].to_string();
    assert!(
        problems.contains("activity[1].title") && problems.contains("bidi"),
        "{problems}"
    );
    assert!(
        problems.contains("activity[2].id") && problems.contains("no spaces"),
        "{problems}"
    );

    let mut over = before.clone();
    over["activity"][p]["max_per_option"] = json!(9);
    let (status, body) = put_script(&app, &session.id, &over).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(
        body["error"]["problems"][0]["path"],
        format!("activity[{p}].max_per_option")
    );

    let mut nowhere = before.clone();
    nowhere["activity"][p]["from"] = json!("w9-nothing.priorities");
    let (status, body) = put_script(&app, &session.id, &nowhere).await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body["error"]["problems"][0]["message"]
            .as_str()
            .unwrap()
            .contains("w9-nothing"),
        "{body}"
    );

    let mut unknown = before.clone();
    unknown["activity"][1]["kind"] = json!("poll");
    let (status, body) = put_script(&app, &session.id, &unknown).await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body["error"]["message"].as_str().unwrap().contains("poll"),
        "{body}"
    );

    let (status, body) = put_script(&app, &session.id, &json!("x".repeat(300 * 1024))).await;
    assert_eq!(status, 413, "{body}");
    assert_eq!(body["error"]["code"], "too_large");

    assert_eq!(
        script(&app, &session.id).await,
        before,
        "nothing half-saved"
    );
    assert!(!app.transcript(&session.id).await.contains("script_edited"));
    app.stop().await;
}

#[tokio::test]
async fn an_opened_activity_cannot_change_but_the_agenda_around_it_can() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "check-in" }),
    )
    .await;
    let before = script(&app, &session.id).await;

    let mut changed = before.clone();
    changed["activity"][0]["title"] = json!("Warm-up");
    let (status, body) = put_script(&app, &session.id, &changed).await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["error"]["code"], "activity_started");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("Check-in"),
        "{body}"
    );

    // The activity on the screen cannot be dropped.
    let mut current_gone = before.clone();
    current_gone["activity"]
        .as_array_mut()
        .unwrap()
        .retain(|a| a["id"] != "check-in");
    let (status, body) = put_script(&app, &session.id, &current_gone).await;
    assert!(status == 409 || status == 422, "{body}");

    let mut dropped = before.clone();
    dropped["activity"].as_array_mut().unwrap().remove(0);
    let (status, _) = put_script(&app, &session.id, &dropped).await;
    assert!(
        status == 409 || status == 422,
        "an opened (and current) activity cannot be dropped"
    );

    // Moving the opened activity, dropping a pending one and reordering the
    // rest is fine; the current activity stays current.
    let mut reordered = before.clone();
    let list = reordered["activity"].as_array_mut().unwrap();
    let check_in = list.remove(0);
    let confidence = list.iter().position(|a| a["id"] == "confidence").unwrap();
    list.remove(confidence);
    list.swap(1, 2);
    list.insert(1, check_in);
    let (status, body) = put_script(&app, &session.id, &reordered).await;
    assert_eq!(status, 200, "{body}");
    let state = app.state(&session.id).await;
    assert_eq!(state["current"], "check-in");
    let ids: Vec<&str> = state["activities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids[1], "check-in");
    assert_eq!(ids[2], "roles");
    assert!(!ids.contains(&"confidence"));
    assert_eq!(activity(&state, "check-in")["status"], "open");
    app.stop().await;
}

#[tokio::test]
async fn the_smallest_group_shown_cannot_change_once_an_anonymous_vote_has_opened() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let mut lowered = script(&app, &session.id).await;
    lowered["min_group_size"] = json!(4);
    let (status, body) = put_script(&app, &session.id, &lowered).await;
    assert_eq!(status, 200, "before any anonymous vote: {body}");
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "confidence" }),
    )
    .await;
    lowered["min_group_size"] = json!(3);
    let (status, body) = put_script(&app, &session.id, &lowered).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["problems"][0]["path"], "min_group_size");
    app.stop().await;
}

#[tokio::test]
async fn a_script_of_the_wrong_shape_names_the_field_not_a_column() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let mut edited = script(&app, &session.id).await;
    edited["activity"][2]["dots"] = json!(-2);
    let (status, body) = put_script(&app, &session.id, &edited).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["code"], "invalid_script");
    let problem = &body["error"]["problems"][0];
    assert_eq!(problem["path"], "activity[2].dots", "{body}");
    assert!(
        !problem["message"].as_str().unwrap().contains("column"),
        "{body}"
    );
    // Nothing changed.
    assert_ne!(
        script(&app, &session.id).await["activity"][2]["dots"],
        json!(-2)
    );
}
