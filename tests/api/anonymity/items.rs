//! Per item: a tally of one or two answers to one item is those answers.

use super::{run, team_phones};
use crate::helpers::*;
use serde_json::json;

#[tokio::test]
async fn an_item_only_one_person_rated_shows_no_count_anywhere() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w3-performance").await;
    let mut phones = team_phones(&app, &session, 3, 3).await;
    run(&app, &session.id, "open", "self-assessment").await;
    for (i, phone) in phones.iter_mut().enumerate() {
        // Everyone rates big-picture; only the first also rates
        // "changing-improving", and only two cabinet members "collaborating-partnering".
        let mut scores = json!({ "big-picture": 4 });
        if i == 0 {
            scores["changing-improving"] = json!(1);
        }
        if i < 2 {
            scores["collaborating-partnering"] = json!(2);
        }
        acked(
            &phone
                .vote("self-assessment", json!({ "scores": scores }))
                .await,
        );
    }
    run(&app, &session.id, "close", "self-assessment").await;
    let state = app.state(&session.id).await;
    let results = &activity(&state, "self-assessment")["results"];
    assert_eq!(results["all"]["ballots"], 6, "every ballot counted");
    assert_eq!(results["all"]["items"]["big-picture"]["n"], 6);
    for lone in ["changing-improving", "collaborating-partnering"] {
        assert_eq!(results["all"]["items"][lone]["n"], 0, "{lone}: {results}");
        assert!(results["all"]["items"][lone]["mean"].is_null());
        assert!(
            results["hidden_items"]
                .as_array()
                .unwrap()
                .contains(&json!(lone)),
            "{results}"
        );
    }
    for team in ["cabinet", "management"] {
        assert_eq!(results[team]["items"]["changing-improving"]["n"], 0);
    }
    let csv = app.votes_csv(&session.id).await;
    assert!(!csv.contains("changing-improving"), "{csv}");
    assert!(!csv.contains("collaborating-partnering"), "{csv}");
    let review = app.page(&format!("/review/{}", session.id)).await;
    assert!(review.contains("too few answers to show"), "{review}");
    let md = app.page(&format!("/review/{}/report.md", session.id)).await;
    assert!(md.contains("too few answers to show"), "{md}");
    app.stop().await;
}

#[tokio::test]
async fn an_item_one_team_answered_twice_is_shown_for_the_room_only() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w3-performance").await;
    let mut phones = team_phones(&app, &session, 3, 3).await;
    run(&app, &session.id, "open", "self-assessment").await;
    for (i, phone) in phones.iter_mut().enumerate() {
        // "collaborating-partnering": three cabinet, one officer: the room may see four
        // answers, but not the management team's one.
        let mut scores = json!({ "big-picture": 3 });
        if i < 4 {
            scores["collaborating-partnering"] = json!(if i == 3 { 1 } else { 5 });
        }
        acked(
            &phone
                .vote("self-assessment", json!({ "scores": scores }))
                .await,
        );
    }
    run(&app, &session.id, "close", "self-assessment").await;
    let state = app.state(&session.id).await;
    let results = &activity(&state, "self-assessment")["results"];
    assert_eq!(results["all"]["items"]["collaborating-partnering"]["n"], 4);
    assert_eq!(
        results["all"]["items"]["collaborating-partnering"]["mean"],
        4.0
    );
    assert_eq!(
        results["room_only_items"],
        json!(["collaborating-partnering"])
    );
    for team in ["cabinet", "management"] {
        assert_eq!(
            results[team]["items"]["collaborating-partnering"]["n"], 0,
            "{team}"
        );
        assert_eq!(results[team]["items"]["big-picture"]["n"], 3, "{team}");
    }
    app.stop().await;
}

#[tokio::test]
async fn a_smallest_group_below_three_is_refused_beside_an_anonymous_activity() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w2-joint-vision").await;
    let (_, mut script) = app
        .get_json(&format!("/api/sessions/{}/script", session.id), Some(KEY))
        .await;
    script["min_group_size"] = json!(1);
    let (status, body) = put_script(&app, &session.id, &script).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["problems"][0]["path"], "min_group_size");
    // Without an anonymous activity a smaller group is the script's choice.
    for a in script["activity"].as_array_mut().unwrap() {
        a["anonymous"] = json!(false);
    }
    let (status, body) = put_script(&app, &session.id, &script).await;
    assert_eq!(status, 200, "{body}");
    // And making one anonymous again is refused while the group is 1.
    let (_, mut again) = app
        .get_json(&format!("/api/sessions/{}/script", session.id), Some(KEY))
        .await;
    again["activity"][0]["anonymous"] = json!(true);
    let (status, _) = put_script(&app, &session.id, &again).await;
    assert_eq!(status, 422);
    app.stop().await;
}
