//! Start-up, shutdown and dead connections.

use crate::helpers::*;
use serde_json::json;

#[tokio::test]
async fn shutdown_closes_sockets_with_1001_and_keeps_every_acked_ballot() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("vote").await;
    let mut phones = app.phones(&session, "management", 1).await;
    let mut screen = Socket::staff(&app, &session.id, "screen").await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "priorities" }),
    )
    .await;
    let seq = acked(
        &phones[0]
            .vote("priorities", json!({ "dots": { "budget": 2 } }))
            .await,
    );
    app.stop().await;
    assert_eq!(phones[0].close_code().await, Some(1001));
    assert_eq!(screen.close_code().await, Some(1001));

    let app = spawn_app(&dir.0).await;
    let state = app.state(&session.id).await;
    assert_eq!(state["seq"], seq);
    assert_eq!(
        totals(&state, "priorities", "management")["totals"]["budget"],
        2
    );
}

/// In real time, with short timings: the session's appends are answered by
/// the store's own thread, which a paused test clock would not wait for.
#[tokio::test]
async fn a_phone_that_stops_answering_pings_is_dropped_and_others_carry_on() {
    use std::time::Duration;
    let dir = TempDir::new();
    let (app, _) = spawn_app_with(&dir.0, |c| {
        c.timings.ping_every = Duration::from_millis(200);
        c.timings.idle_timeout = Duration::from_millis(1000);
    })
    .await;
    let session = app.create_session("vote").await;
    let mut phones = app.phones(&session, "cabinet", 2).await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "priorities" }),
    )
    .await;
    let _silent = phones.pop().unwrap();
    let mut lively = phones.pop().unwrap();
    assert_eq!(app.metric("topteam_sockets_open").await, 2.0);
    // The silent phone reads nothing (so answers no ping); the lively one
    // keeps voting every 200 ms for 2 s, well within the idle timeout.
    for round in 0..10 {
        tokio::time::sleep(Duration::from_millis(200)).await;
        let dots = 1 + round % 3;
        acked(
            &lively
                .vote("priorities", json!({ "dots": { "roles": dots } }))
                .await,
        );
    }
    // Silent since the start, dropped after a second: the server has
    // dropped the silent socket, not the lively one.
    assert_eq!(app.metric("topteam_sockets_open").await, 1.0);
    acked(
        &lively
            .vote("priorities", json!({ "dots": { "budget": 1 } }))
            .await,
    );
}

#[tokio::test]
async fn a_generated_facilitator_key_is_private_and_survives_a_restart() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new();
    let (app, key) = spawn_app_with(&dir.0, |c| c.admin_key = None).await;
    let path = dir.0.join("admin.key");
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    assert_eq!(std::fs::read_to_string(&path).unwrap().trim(), key);
    let (status, _) = app.get_json("/api/sessions", Some(&key)).await;
    assert_eq!(status, 200);
    app.stop().await;
    let (_app, again) = spawn_app_with(&dir.0, |c| c.admin_key = None).await;
    assert_eq!(again, key);
}

/// A phone that opens an ended session's link is told so, with nothing to
/// fill in under it, and a way on to another session's code.
#[tokio::test]
async fn an_ended_session_s_join_link_says_so_and_offers_no_form() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let open = app.page(&format!("/join/{}", session.code)).await;
    assert!(open.contains("name=\"name\""), "{open}");
    app.command(&session.id, json!({ "type": "end" })).await;
    let ended = app.page(&format!("/join/{}", session.code)).await;
    assert!(
        ended.contains("This session has ended, so it takes nobody new."),
        "{ended}"
    );
    assert!(!ended.contains("<form class=\"join\""), "{ended}");
    assert!(!ended.contains("name=\"name\""), "{ended}");
    assert!(
        ended.contains("<a href=\"/\">Join a different session with its code</a>"),
        "{ended}"
    );
}
