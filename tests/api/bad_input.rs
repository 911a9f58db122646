//! Every kind of bad input is refused with a stable code and changes nothing.

use crate::helpers::*;
use serde_json::{json, Value};

struct Room {
    app: TestApp,
    session: Created,
    cabinet: Socket,
    observer: Socket,
    _dir: TempDir,
}

/// A session with an open dots activity, one cabinet phone and one observer.
async fn room() -> Room {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("vote").await;
    let cabinet = app.phones(&session, "cabinet", 1).await.pop().unwrap();
    let observer = app.phones(&session, "observer", 1).await.pop().unwrap();
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "priorities" }),
    )
    .await;
    Room {
        app,
        session,
        cabinet,
        observer,
        _dir: dir,
    }
}

impl Room {
    /// The transcript and state, to show a refusal left both untouched.
    async fn snapshot(&self) -> (String, Value) {
        (
            self.app.transcript(&self.session.id).await,
            self.app.state(&self.session.id).await,
        )
    }
}

#[tokio::test]
async fn bad_ballots_are_refused_and_change_nothing() {
    let mut room = room().await;
    let before = room.snapshot().await;
    let phone = &mut room.cabinet;
    let cases = [
        (json!({ "dots": { "roles": -1 } }), "negative_dots"),
        (
            json!({ "dots": { "roles": 3, "budget": 3 } }),
            "too_many_dots",
        ),
        (json!({ "dots": { "roles": 4 } }), "too_many_dots"),
        (json!({ "dots": { "flying-cars": 1 } }), "unknown_option"),
        (json!({ "dots": {} }), "empty_ballot"),
        (
            json!({ "dots": { "roles": 9_223_372_036_854_775_807i64, "budget": 9_223_372_036_854_775_807i64 } }),
            "too_many_dots",
        ),
    ];
    for (ballot, code) in cases {
        refused(&phone.vote("priorities", ballot).await, code);
    }
    refused(
        &phone
            .vote("no-such-thing", json!({ "dots": { "roles": 1 } }))
            .await,
        "unknown_activity",
    );
    let wrong_shape = phone
        .command(json!({ "type": "vote", "activity": "priorities", "ballot": { "rank": ["a"] } }))
        .await;
    refused(&wrong_shape, "invalid_request");
    refused(
        &room
            .observer
            .vote("priorities", json!({ "dots": { "roles": 1 } }))
            .await,
        "wrong_group",
    );
    refused(
        &room
            .cabinet
            .command(json!({ "type": "open", "activity": "priorities" }))
            .await,
        "forbidden",
    );
    assert_eq!(room.snapshot().await, before);

    room.app
        .command(
            &room.session.id,
            json!({ "type": "close", "activity": "priorities" }),
        )
        .await;
    refused(
        &room
            .cabinet
            .vote("priorities", json!({ "dots": { "roles": 1 } }))
            .await,
        "activity_closed",
    );
}

#[tokio::test]
async fn broken_messages_get_errors_and_the_socket_stays_usable() {
    let mut room = room().await;
    let before = room.snapshot().await;
    let phone = &mut room.cabinet;
    let cases: [(String, &str); 6] = [
        ("{\"type\":\"vote\",".into(), "malformed_json"),
        ("\"just a string\"".into(), "invalid_request"),
        ("{\"activity\":\"priorities\"}".into(), "missing_type"),
        ("{\"type\":\"delete_everything\"}".into(), "unknown_type"),
        (format!("{{\"type\":\"vote\",\"activity\":\"{}\"}}", "x".repeat(17 * 1024)), "too_large"),
        ("{\"type\":\"vote\",\"activity\":\"priorities\",\"ballot\":{\"dots\":{\"roles\":1}},\"client_id\":[1]}".into(), "invalid_request"),
    ];
    for (text, code) in cases {
        phone.send_text(text).await;
        refused(&phone.reply().await, code);
    }
    assert_eq!(room.snapshot().await, before);
    // The same socket still votes.
    acked(
        &room
            .cabinet
            .vote("priorities", json!({ "dots": { "roles": 1 } }))
            .await,
    );
}

#[tokio::test]
async fn the_api_refuses_bad_keys_codes_sessions_and_text() {
    let room = room().await;
    let app = &room.app;
    let id = &room.session.id;
    let before = room.snapshot().await;

    let (status, body) = app.get_json(&format!("/api/sessions/{id}"), None).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (401, Some("unauthorized"))
    );
    let (status, _) = app
        .get_json(&format!("/api/sessions/{id}"), Some("wrong-key"))
        .await;
    assert_eq!(status, 401);
    let (status, body) = app
        .post_json(
            &format!("/api/sessions/{id}/commands"),
            Some("wrong"),
            json!({ "type": "end" }),
        )
        .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (401, Some("unauthorized"))
    );

    let unknown = uuid::Uuid::new_v4();
    let (status, body) = app
        .get_json(&format!("/api/sessions/{unknown}"), Some(KEY))
        .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (404, Some("unknown_session"))
    );
    let (status, body) = app.get_json("/api/sessions/not-a-uuid", Some(KEY)).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (404, Some("unknown_session"))
    );

    let join =
        |code: &str, name: &str, group: &str| json!({ "code": code, "name": name, "group": group });
    let (status, body) = app
        .post_json("/api/join", None, join("ZZZZZZ", "Someone", "cabinet"))
        .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (404, Some("unknown_code"))
    );
    let code = room.session.code.as_str();
    let long_name = "n".repeat(81);
    let refusals = [
        (join(code, &long_name, "cabinet"), 422, "invalid_text"),
        (join(code, "   ", "cabinet"), 422, "invalid_text"),
        (join(code, "Bell\u{7}", "cabinet"), 422, "invalid_text"),
        (join(code, "Someone", "mayor"), 400, "invalid_request"),
    ];
    for (body, want_status, want_code) in refusals {
        let (status, reply) = app.post_json("/api/join", None, body).await;
        assert_eq!(
            (status, reply["error"]["code"].as_str()),
            (want_status, Some(want_code))
        );
    }
    let (status, body) = app.post_raw("/api/join", None, "{\"code\":".into()).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (400, Some("malformed_json"))
    );
    let (status, body) = app
        .post_raw("/api/join", None, "x".repeat(100 * 1024))
        .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (413, Some("too_large"))
    );
    let (status, body) = app
        .post_json(
            &format!("/api/sessions/{id}/commands"),
            Some(KEY),
            json!({ "type": "open", "activity": "nope" }),
        )
        .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (404, Some("unknown_activity"))
    );
    let (status, body) = app.post_json(&format!("/api/sessions/{id}/commands"), Some(KEY), json!({ "type": "vote", "activity": "priorities", "ballot": { "dots": { "roles": 1 } } })).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (403, Some("forbidden"))
    );
    let (status, body) = app
        .post_json(
            "/api/sessions",
            Some(KEY),
            json!({ "workshop": "w9-nothing" }),
        )
        .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (404, Some("unknown_workshop"))
    );
    assert_eq!(room.snapshot().await, before);
}

#[tokio::test]
async fn a_group_the_workshop_does_not_invite_cannot_join() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let body = json!({ "code": session.code, "name": "Jo Director", "group": "management" });
    let (status, body) = app.post_json("/api/join", None, body).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (403, Some("wrong_group"))
    );
    assert!(app.state(&session.id).await["participants"]
        .as_array()
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn sockets_refuse_other_sessions_tokens_missing_keys_and_foreign_origins() {
    let room = room().await;
    let app = &room.app;
    let other = app.create_session("vote").await;
    let token = room.cabinet.token.clone().unwrap();
    let status_of = |url: String, headers: Vec<(&'static str, String)>| async move {
        use tokio_tungstenite::tungstenite::client::IntoClientRequest;
        let mut request = url.into_client_request().unwrap();
        for (k, v) in headers {
            request.headers_mut().insert(k, v.parse().unwrap());
        }
        match tokio_tungstenite::connect_async(request).await {
            Ok(_) => 101,
            Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
                response.status().as_u16()
            }
            Err(e) => panic!("unexpected socket error {e}"),
        }
    };
    let base = format!("ws://{}/ws", app.addr);
    assert_eq!(
        status_of(format!("{base}/{}?token={token}", other.id), vec![]).await,
        403
    );
    assert_eq!(
        status_of(format!("{base}/{}?token=garbage", room.session.id), vec![]).await,
        403
    );
    assert_eq!(
        status_of(format!("{base}/{}", room.session.id), vec![]).await,
        401
    );
    assert_eq!(
        status_of(format!("{base}/{}?role=screen", room.session.id), vec![]).await,
        401
    );
    assert_eq!(
        status_of(
            format!("{base}/{}?token={token}", uuid::Uuid::new_v4()),
            vec![]
        )
        .await,
        404
    );
    let evil = vec![("origin", "https://evil.example".to_string())];
    assert_eq!(
        status_of(format!("{base}/{}?token={token}", room.session.id), evil).await,
        403
    );
    // A plain request to the socket address says what it wants.
    let plain = reqwest::get(format!(
        "http://{}/ws/{}?token={token}",
        app.addr, room.session.id
    ))
    .await
    .unwrap();
    assert_eq!(plain.status(), 426);
    let body: serde_json::Value = plain.json().await.unwrap();
    assert_eq!(body["error"]["code"], "not_websocket");
    let own = vec![("origin", format!("http://{}", app.addr))];
    assert_eq!(
        status_of(format!("{base}/{}?token={token}", room.session.id), own).await,
        101
    );
}

#[tokio::test]
async fn each_kind_refuses_its_own_bad_ballots() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w2-joint-vision").await;
    let mut phone = app.phones(&session, "management", 1).await.pop().unwrap();
    let open = |activity: &str| json!({ "type": "open", "activity": activity });

    app.command(&session.id, open("shared-priorities")).await;
    refused(
        &phone
            .vote("shared-priorities", json!({ "order": ["roles"] }))
            .await,
        "invalid_ballot",
    );
    refused(
        &phone
            .vote("shared-priorities", json!({ "order": ["roles", "roles"] }))
            .await,
        "invalid_ballot",
    );
    refused(
        &phone
            .vote("shared-priorities", json!({ "dots": { "roles": 1 } }))
            .await,
        "wrong_ballot_kind",
    );

    app.command(&session.id, open("roles")).await;
    refused(
        &phone
            .vote("roles", json!({ "placements": { "budget": "mayor" } }))
            .await,
        "invalid_request",
    );
    refused(
        &phone
            .vote(
                "roles",
                json!({ "placements": { "moon-landing": "joint" } }),
            )
            .await,
        "unknown_option",
    );
    acked(
        &phone
            .vote("roles", json!({ "placements": { "budget": "joint" } }))
            .await,
    );

    app.command(&session.id, open("protocol")).await;
    refused(
        &phone
            .vote(
                "protocol",
                json!({ "responses": { "honesty": { "response": "object" } } }),
            )
            .await,
        "reason_required",
    );
    refused(
        &phone
            .vote(
                "protocol",
                json!({ "responses": { "honesty": { "response": "veto" } } }),
            )
            .await,
        "invalid_request",
    );
    let long = "x".repeat(501);
    refused(
        &phone
            .vote(
                "protocol",
                json!({ "responses": { "honesty": { "response": "object", "reason": long } } }),
            )
            .await,
        "invalid_text",
    );

    app.command(&session.id, open("relationship")).await;
    refused(
        &phone
            .vote("relationship", json!({ "scores": { "trust": 6 } }))
            .await,
        "score_out_of_range",
    );
    refused(
        &phone
            .vote("relationship", json!({ "scores": { "trust": 0 } }))
            .await,
        "score_out_of_range",
    );
    let idea = phone
        .command(json!({ "type": "idea", "activity": "relationship", "text": "hello" }))
        .await;
    refused(&idea, "wrong_kind");

    // Only the one good ballot changed anything.
    let transcript = app.transcript(&session.id).await;
    assert_eq!(transcript.matches("\"ballot_cast\"").count(), 1);
}

#[tokio::test]
async fn a_message_past_the_frame_limit_closes_the_socket_with_1009() {
    let mut room = room().await;
    let before = room.snapshot().await;
    let phone = &mut room.cabinet;
    phone
        .send_text(format!(
            "{{\"type\":\"vote\",\"activity\":\"{}\"}}",
            "x".repeat(70 * 1024)
        ))
        .await;
    // Whatever was on its way comes first; then the close frame says why.
    let close = loop {
        match phone.next_message().await {
            tokio_tungstenite::tungstenite::Message::Close(frame) => break frame,
            _ => continue,
        }
    };
    let frame = close.expect("a close frame, not a dropped connection");
    assert_eq!(u16::from(frame.code), 1009, "{frame:?}");
    // The rest of the message was read and dropped before the server
    // closed: closed with it unread, the connection is reset, and a
    // browser's network stack then loses the close frame (1006).
    assert_eq!(
        room.cabinet.connection_end().await,
        None,
        "closed cleanly, not reset"
    );
    assert_eq!(room.snapshot().await, before, "nothing changed");
}
