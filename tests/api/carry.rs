//! Carrying options across a series when the earlier workshop did not run
//! the activity named in `from`: the later one still has options to vote on.

use crate::helpers::*;
use serde_json::json;

#[tokio::test]
async fn a_workshop_whose_source_was_never_run_takes_the_earlier_script_s_options() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    // Workshop 2 is created but its agreed priorities never opened.
    let w2 = app.create_session("w2-joint-vision").await;
    let series = app.state(&w2.id).await["series"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, body) = app
        .post_json(
            "/api/sessions",
            Some(KEY),
            json!({ "workshop": "w3-performance", "series": series }),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let w3 = body["id"].as_str().unwrap().to_string();
    let state = app.state(&w3).await;
    let recap = &activity(&state, "recap")["options"];
    assert!(!recap.as_array().unwrap().is_empty(), "{recap}");
    assert!(
        recap[0]["detail"]
            .as_str()
            .unwrap()
            .contains("script (not run in this series)"),
        "{recap}"
    );
    app.command(&w3, json!({ "type": "open", "activity": "recap" }))
        .await;
    app.stop().await;
}
