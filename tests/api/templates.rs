//! Saved templates: made from a script, listed beside the built-in ones,
//! used to create sessions, kept across restarts; bad files are skipped.

use crate::helpers::*;
use serde_json::{json, Value};

async fn send(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    body: Option<&Value>,
) -> (u16, Value) {
    let mut request = app.http.request(method, app.url(path)).bearer_auth(KEY);
    if let Some(body) = body {
        request = request.json(body);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn a_saved_template_creates_sessions_survives_a_restart_and_can_be_replaced_and_deleted() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let (status, mut script) = app.get_json("/api/workshops/w1-cabinet", Some(KEY)).await;
    assert_eq!(status, 200, "{script}");
    script["id"] = json!("ashfield-w1");
    script["title"] = json!("Ashfield: the cabinet alone");
    let (status, body) = send(&app, reqwest::Method::POST, "/api/workshops", Some(&script)).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["builtin"], false);
    let (status, _) = send(&app, reqwest::Method::POST, "/api/workshops", Some(&script)).await;
    assert_eq!(status, 409, "the id is taken");

    // Built-in templates are read-only.
    let mut builtin = script.clone();
    builtin["id"] = json!("w2-joint-vision");
    let (status, body) = send(
        &app,
        reqwest::Method::POST,
        "/api/workshops",
        Some(&builtin),
    )
    .await;
    assert_eq!(status, 403, "{body}");
    let (status, _) = send(
        &app,
        reqwest::Method::DELETE,
        "/api/workshops/w1-cabinet",
        None,
    )
    .await;
    assert_eq!(status, 403);

    // A bad one names its fields.
    let mut bad = script.clone();
    bad["id"] = json!("Bad Id");
    bad["activity"][0]["title"] = json!("");
    let (status, body) = send(&app, reqwest::Method::POST, "/api/workshops", Some(&bad)).await;
    assert_eq!(status, 422, "{body}");
    let paths: Vec<&str> = body["error"]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["path"].as_str().unwrap())
        .collect();
    assert!(
        paths.contains(&"id") && paths.contains(&"activity[0].title"),
        "{paths:?}"
    );

    let created = app.create_session("ashfield-w1").await;

    // A template saved from a workshop 2 session keeps the script's own
    // options, never the priorities one council carried in.
    let w2 = app.create_session("w2-joint-vision").await;
    let (_, mut from_session) = app
        .get_json(&format!("/api/sessions/{}/script", w2.id), Some(KEY))
        .await;
    let recap = from_session["activity"]
        .as_array()
        .unwrap()
        .iter()
        .position(|a| a["id"] == "recap")
        .unwrap();
    assert!(from_session["activity"][recap]["option"]
        .as_array()
        .unwrap()
        .iter()
        // A script's text is a string, or {en, cy} when it has Welsh.
        .any(|o| o["detail"]["en"]
            .as_str()
            .or(o["detail"].as_str())
            .unwrap_or("")
            .starts_with("Planned for ")));
    from_session["id"] = json!("council-w2");
    let (status, body) = send(
        &app,
        reqwest::Method::POST,
        "/api/workshops",
        Some(&from_session),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let (_, saved) = app.get_json("/api/workshops/council-w2", Some(KEY)).await;
    let carried: Vec<&Value> = saved["activity"][recap]["option"]
        .as_array()
        .map(|o| o.iter().collect())
        .unwrap_or_default();
    assert!(
        carried
            .iter()
            .all(|o| !o["detail"].as_str().unwrap_or("").starts_with("From ")),
        "{carried:?}"
    );
    // A corrupt file in the templates folder is skipped, never a reason not to start.
    std::fs::write(dir.0.join("templates/broken.json"), "{ not a script").unwrap();
    app.stop().await;
    let app = spawn_app(&dir.0).await;
    let (_, list) = app.get_json("/api/workshops", Some(KEY)).await;
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"ashfield-w1") && ids.contains(&"w1-cabinet"),
        "{ids:?}"
    );
    assert!(!ids.contains(&"broken"));
    let state = app.state(&created.id).await;
    assert_eq!(state["workshop"], "ashfield-w1");

    script["title"] = json!("Ashfield: cabinet, revised");
    let (status, body) = send(
        &app,
        reqwest::Method::PUT,
        "/api/workshops/ashfield-w1",
        Some(&script),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (_, again) = app.get_json("/api/workshops/ashfield-w1", Some(KEY)).await;
    assert_eq!(again["title"], "Ashfield: cabinet, revised");
    let (status, _) = send(
        &app,
        reqwest::Method::DELETE,
        "/api/workshops/ashfield-w1",
        None,
    )
    .await;
    assert_eq!(status, 204);
    let (status, _) = app.get_json("/api/workshops/ashfield-w1", Some(KEY)).await;
    assert_eq!(status, 404);
    // The session made from it keeps its own copy.
    assert_eq!(app.state(&created.id).await["title"], "Test council");
    app.stop().await;
}
