//! The console's housekeeping through the API: the next step and Back,
//! renaming and archiving sessions and series, the review's timings, and
//! wrong keys shut out.

use crate::helpers::*;
use serde_json::json;

#[tokio::test]
async fn the_review_sets_each_activity_s_planned_minutes_beside_the_time_it_was_open() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "check-in" }),
    )
    .await;
    app.command(
        &session.id,
        json!({ "type": "close", "activity": "check-in" }),
    )
    .await;
    let html = app.page(&format!("/review/{}", session.id)).await;
    assert!(
        html.contains("Planned 5 minutes; voting was open for less than a minute."),
        "{html}"
    );
    assert!(html.contains("Not run in this session."));
    app.stop().await;
}

#[tokio::test]
async fn a_session_is_renamed_and_archived_and_review_keeps_it() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    app.command(&session.id, json!({ "type": "end" })).await;
    // Finished sessions are the ones put away: renaming and archiving work.
    app.command(
        &session.id,
        json!({ "type": "rename", "title": "Ashfield cabinet, 3 June" }),
    )
    .await;
    app.command(&session.id, json!({ "type": "archive" })).await;
    let (status, body) = app
        .try_command(&session.id, json!({ "type": "rename", "title": "  " }))
        .await;
    assert_eq!(status, 422, "{body}");
    app.stop().await;
    let app = spawn_app(&dir.0).await;
    let state = app.state(&session.id).await;
    assert_eq!(state["title"], "Ashfield cabinet, 3 June");
    assert_eq!(state["archived"], true);
    let (_, list) = app.get_json("/api/sessions", Some(KEY)).await;
    assert_eq!(list[0]["archived"], true);
    let console = app.page("/facilitate").await;
    assert!(console.contains("Archived sessions (1)"), "{console}");
    let review = app.page("/review").await;
    assert!(
        review.contains("Ashfield cabinet, 3 June"),
        "review keeps it"
    );
    app.command(&session.id, json!({ "type": "unarchive" }))
        .await;
    assert_eq!(app.state(&session.id).await["archived"], false);
    app.stop().await;
}

#[tokio::test]
async fn back_waits_while_voting_is_open_and_after_the_last_activity_the_next_step_ends_the_session(
) {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let console = |app: &TestApp| {
        let url = app.url(&format!("/facilitate/{}", session.id));
        let http = app.http.clone();
        async move {
            http.get(url)
                .bearer_auth(KEY)
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
        }
    };
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "mandate" }),
    )
    .await;
    let html = console(&app).await;
    assert!(
        !html.contains("id=\"back-step\""),
        "no Back while the ideas are open"
    );
    app.command(
        &session.id,
        json!({ "type": "close", "activity": "mandate" }),
    )
    .await;
    assert!(console(&app).await.contains("id=\"back-step\""));

    // The last activity (notes): start, show on the screen, then end.
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "actions" }),
    )
    .await;
    assert!(console(&app).await.contains("Show on the screen"));
    app.command(
        &session.id,
        json!({ "type": "reveal", "activity": "actions" }),
    )
    .await;
    let html = console(&app).await;
    assert!(html.contains("data-command=\"end\""), "{html}");
    assert!(html.contains("End the session"));
    app.stop().await;
}

#[tokio::test]
async fn ten_wrong_keys_are_slowed_and_refused_but_the_right_key_always_works() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    for _ in 0..9 {
        let (status, _) = app.get_json("/api/sessions", Some("not-the-key")).await;
        assert_eq!(status, 401);
    }
    let (status, body) = app.get_json("/api/sessions", Some("not-the-key")).await;
    assert_eq!(
        status, 429,
        "the tenth wrong key is slowed and refused: {body}"
    );
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("wrong facilitator keys"));
    // The facilitator behind the same address is never locked out.
    let (status, body) = app.get_json("/api/sessions", Some(KEY)).await;
    assert_eq!(status, 200, "the right key works: {body}");
    let cookie = crate::trust::abuse::login_cookie(&app).await;
    assert!(
        cookie.contains("topteam_admin"),
        "and the log-in form: {cookie}"
    );
    app.stop().await;
}

#[tokio::test]
async fn an_archived_series_leaves_the_console_lists_and_stays_in_review() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let series = app.state(&session.id).await["series"]
        .as_str()
        .unwrap()
        .to_string();
    let response = app
        .http
        .put(app.url(&format!("/api/series/{series}/archived")))
        .bearer_auth(KEY)
        .json(&json!({ "archived": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    app.stop().await;
    let app = spawn_app(&dir.0).await;
    let (_, one) = app
        .get_json(&format!("/api/series/{series}"), Some(KEY))
        .await;
    assert_eq!(one["archived"], true, "{one}");
    let console = app.page("/facilitate").await;
    assert!(
        console.contains("Archived sessions (1)"),
        "its session is listed as archived"
    );
    assert!(
        !console.contains(&format!("value=\"{series}\"")),
        "and the series is not offered for new sessions"
    );
    app.page(&format!("/review/series/{series}")).await;
    app.stop().await;
}

/// A session keeps no view for an audience nobody watches (hundreds of
/// rooms would each hold a console view no one reads): a console or
/// projector opened later, or again after all closed, is shown the room as
/// it is at that moment.
#[tokio::test]
async fn a_console_or_projector_opened_late_or_again_sees_the_room_as_it_is_now() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let opened = app
        .command(
            &session.id,
            json!({ "type": "open", "activity": "check-in" }),
        )
        .await;
    for role in ["facilitate", "screen"] {
        let mut first = Socket::staff(&app, &session.id, role).await;
        let view = first.view_at_least(opened).await;
        assert!(view["html"].as_str().unwrap().len() > 100, "{view}");
        first.close().await;
    }
    // Nobody watches now: the room moves on without them.
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    let closed = app
        .command(
            &session.id,
            json!({ "type": "close", "activity": "check-in" }),
        )
        .await;
    for role in ["facilitate", "screen"] {
        let mut again = Socket::staff(&app, &session.id, role).await;
        // The first view is a whole one (within a render interval of the
        // newest), and the newest follows.
        let first = again.wait_for(|m| m["type"] == "view").await;
        assert!(first["html"].as_str().unwrap().len() > 100, "{first}");
        if first["seq"].as_u64() < Some(closed) {
            let view = again.view_at_least(closed).await;
            assert!(view["html"].as_str().unwrap().len() > 100, "{view}");
        }
        again.close().await;
    }
    app.stop().await;
}
