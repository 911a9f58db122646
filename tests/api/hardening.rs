//! Under load and hostile input: stalled phones, floods, guessing, caps, fuzz.

use crate::helpers::*;
use proptest::prelude::*;
use serde_json::json;
use tokio_tungstenite::tungstenite::Message;
use topteam::config::Limits;
use topteam::transcript::parse;
use topteam::web::protocol::parse_client_msg;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_that_stops_reading_never_delays_the_others() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("vote").await;
    let mut phones = app.phones(&session, "cabinet", 11).await;
    let _stalled = phones.pop().unwrap(); // connected, admitted, never read again
    let mut screen = Socket::staff(&app, &session.id, "screen").await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "priorities" }),
    )
    .await;
    // Revealed, so every ballot changes every phone's view: the stalled socket's
    // buffers fill while the others keep going.
    app.command(
        &session.id,
        json!({ "type": "reveal", "activity": "priorities" }),
    )
    .await;
    let options = ["roles", "budget", "localism", "housing-regeneration"];
    for round in 0..30 {
        for (i, phone) in phones.iter_mut().enumerate() {
            let ballot =
                json!({ "dots": { options[(i + round) % 4]: 2, options[(i + round + 1) % 4]: 1 } });
            acked(&phone.vote("priorities", ballot).await);
        }
    }
    let state = app.state(&session.id).await;
    assert_eq!(totals(&state, "priorities", "all")["ballots"], 10);
    screen
        .wait_for(|m| {
            m["type"] == "view"
                && m["html"]
                    .as_str()
                    .unwrap_or("")
                    .contains("(answers from 10 people)")
        })
        .await;
}

/// Views are written as frames encoded once per render, beside tungstenite's
/// own writes; a phone that pings while views stream in still reads clean
/// frames, its pongs, and every view.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pongs_and_shared_view_frames_never_interleave() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("vote").await;
    let mut phones = app.phones(&session, "cabinet", 21).await;
    let mut pinger = phones.pop().unwrap();
    for command in ["open", "reveal"] {
        app.command(
            &session.id,
            json!({ "type": command, "activity": "priorities" }),
        )
        .await;
    }
    // Each phone votes once, so every ballot changes the revealed results.
    let options = ["roles", "budget", "localism"];
    for (i, phone) in phones.iter_mut().enumerate() {
        pinger.ping(b"are you there").await;
        acked(
            &phone
                .vote("priorities", json!({ "dots": { options[i % 3]: 1 } }))
                .await,
        );
    }
    // tungstenite answers only the newest of several waiting pings (RFC 6455
    // allows that), so the test waits for the pong to a last, distinct ping.
    pinger.ping(b"last one").await;
    let (mut last_pong, mut all_counted) = (false, false);
    let deadline = tokio::time::Instant::now() + WAIT;
    while !last_pong || !all_counted {
        assert!(
            tokio::time::Instant::now() < deadline,
            "pong to the last ping: {last_pong}; view with every ballot: {all_counted}"
        );
        match pinger.next_message().await {
            Message::Pong(payload) => {
                assert!(&payload[..] == b"are you there" || &payload[..] == b"last one");
                last_pong |= &payload[..] == b"last one";
            }
            Message::Text(text) => {
                let message: serde_json::Value = serde_json::from_str(&text).unwrap();
                if message["type"] == "view" {
                    let html = message["html"].as_str().unwrap();
                    all_counted |= html.contains("(answers from 20 people)");
                }
            }
            Message::Ping(_) => {} // the server's own keep-alive
            other => panic!("unexpected {other:?}"),
        }
    }
}

#[tokio::test]
async fn a_flood_of_messages_is_refused_politely_and_the_socket_stays() {
    let dir = TempDir::new();
    let (app, _) = spawn_app_with(&dir.0, |c| {
        c.limits.messages_per_second = 2.0;
        c.limits.message_burst = 5.0;
    })
    .await;
    let session = app.create_session("vote").await;
    let mut phone = app.phones(&session, "cabinet", 1).await.pop().unwrap();
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "priorities" }),
    )
    .await;
    for n in 0..12 {
        let vote = json!({ "type": "vote", "activity": "priorities", "ballot": { "dots": { "roles": 1 } }, "client_id": format!("f{n}") });
        phone.send_text(vote.to_string()).await;
    }
    let mut acks = 0;
    let mut limited = 0;
    for _ in 0..12 {
        let reply = phone.reply().await;
        match reply["type"].as_str() {
            Some("ack") => acks += 1,
            _ => {
                refused(&reply, "rate_limited");
                limited += 1;
            }
        }
    }
    assert_eq!(acks, 5, "the burst allowance");
    assert_eq!(limited, 7);
    assert_eq!(
        app.metric("topteam_sockets_open").await,
        1.0,
        "refused, not disconnected"
    );
}

#[tokio::test]
async fn wrong_codes_are_slowed_but_never_lock_a_room_out_of_the_right_one() {
    let dir = TempDir::new();
    let (app, _) = spawn_app_with(&dir.0, |c| {
        c.limits.join.slow_after = 5;
        c.limits.join.delay = std::time::Duration::from_millis(20);
    })
    .await;
    let session = app.create_session("vote").await;
    // Thirty people joining from one address with the right code is fine.
    for i in 0..30 {
        app.join(&session.code, &format!("Member {i}"), "management")
            .await;
    }
    // A dozen people with a couple of typos each, all on the venue's wifi.
    for i in 0..24 {
        let (status, body) = app
            .post_json(
                "/api/join",
                None,
                json!({ "code": format!("ZZZZ{i:02}"), "name": "x", "group": "cabinet" }),
            )
            .await;
        assert_eq!(
            (status, body["error"]["code"].as_str()),
            (404, Some("unknown_code"))
        );
    }
    // The right code still joins: wrong codes are slowed, never the right one.
    let (status, body) = app
        .post_json(
            "/api/join",
            None,
            json!({ "code": session.code, "name": "Late", "group": "cabinet" }),
        )
        .await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn sockets_beyond_the_cap_get_a_clear_error() {
    let dir = TempDir::new();
    let (app, _) = spawn_app_with(&dir.0, |c| c.limits.max_sockets_per_session = 2).await;
    let session = app.create_session("vote").await;
    let _two = app.phones(&session, "cabinet", 2).await;
    let joined = app.join(&session.code, "Third", "cabinet").await;
    let url = format!("ws://{}/ws/{}?token={}", app.addr, session.id, joined.token);
    match tokio_tungstenite::connect_async(url).await {
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
            assert_eq!(response.status(), 503);
            let body = String::from_utf8(response.body().clone().unwrap_or_default()).unwrap();
            assert!(body.contains("too_many_connections"), "{body}");
        }
        other => panic!("expected a refusal, got {:?}", other.map(|_| ())),
    }
}

/// One address may hold so many phones' sockets, across sessions; the
/// console still opens, a closed socket gives its place back, and
/// `/metrics` shows the busiest address and the refusals.
#[tokio::test]
async fn sockets_from_one_address_are_capped_and_counted() {
    let dir = TempDir::new();
    let (app, _) = spawn_app_with(&dir.0, |c| c.limits.max_sockets_per_address = 3).await;
    let one = app.create_session("vote").await;
    let two = app.create_session("vote").await;
    let mut phones = app.phones(&one, "cabinet", 2).await;
    phones.extend(app.phones(&two, "cabinet", 1).await);
    let joined = app.join(&two.code, "Fourth", "cabinet").await;
    let url = format!("ws://{}/ws/{}?token={}", app.addr, two.id, joined.token);
    match tokio_tungstenite::connect_async(url.clone()).await {
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
            assert_eq!(response.status(), 503);
            let body = String::from_utf8(response.body().clone().unwrap_or_default()).unwrap();
            assert!(
                body.contains("too_many_connections") && body.contains("this address"),
                "{body}"
            );
        }
        other => panic!("expected a refusal, got {:?}", other.map(|_| ())),
    }
    let _console = Socket::staff(&app, &two.id, "facilitate").await;
    let text = app.metrics_text().await;
    assert!(text.contains("topteam_busiest_address_sockets 3"), "{text}");
    assert!(
        text.contains("topteam_rejections_total{code=\"too_many_connections\"} 1"),
        "{text}"
    );
    drop(phones.pop());
    let mut opened = None;
    for _ in 0..50 {
        if let Ok((socket, _)) = tokio_tungstenite::connect_async(url.clone()).await {
            opened = Some(socket);
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(opened.is_some(), "a closed socket gives its place back");
}

#[tokio::test]
async fn metrics_report_sockets_sessions_commands_rejections_and_durability() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("vote").await;
    let mut phone = app.phones(&session, "cabinet", 1).await.pop().unwrap();
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "priorities" }),
    )
    .await;
    acked(
        &phone
            .vote("priorities", json!({ "dots": { "roles": 1 } }))
            .await,
    );
    refused(
        &phone
            .vote("priorities", json!({ "dots": { "roles": 9 } }))
            .await,
        "too_many_dots",
    );
    let text = app.metrics_text().await;
    for line in [
        "topteam_sockets_open 1",
        "topteam_sessions_live 1",
        "topteam_rejections_total{code=\"too_many_dots\"} 1",
        "topteam_durable_seconds_bucket{le=\"+Inf\"}",
    ] {
        assert!(text.contains(line), "missing {line:?} in:\n{text}");
    }
    assert!(app.metric("topteam_commands_total").await >= 4.0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_bytes_sent_as_a_message_are_parsed_or_refused_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse_client_msg(&text, &Limits::default());
    }

    #[test]
    fn json_shaped_garbage_is_parsed_or_refused(kind in "[a-z_]{0,12}", field in "[a-z_]{0,10}", value in any::<i64>(), text in ".{0,40}") {
        let message = json!({ "type": kind, field.clone(): value, "activity": text.clone(), "ballot": { field: { text.clone(): value } }, "client_id": text });
        let _ = parse_client_msg(&message.to_string(), &Limits::default());
    }

    #[test]
    fn any_bytes_as_a_transcript_load_or_are_refused_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = parse(&bytes);
    }

    #[test]
    fn a_real_transcript_cut_anywhere_loads_its_whole_lines(cut in 0usize..2000) {
        let header = r#"{"topteam_transcript":1,"session":{"id":"00000000-0000-0000-0000-000000000001","code":"ABCDEF","title":"t","series":"00000000-0000-0000-0000-000000000002","created_at":"2026-11-22T10:00:00Z","workshop":{"id":"w","title":"W","groups":["cabinet"],"activity":[{"id":"a","kind":"notes","title":"A"}]}}}"#;
        let mut file = format!("{header}\n");
        for seq in 1..=10 {
            file.push_str(&format!("{{\"seq\":{seq},\"at\":\"2026-11-22T10:00:00Z\",\"actor\":\"facilitator\",\"event\":{{\"type\":\"moved_to\",\"activity\":\"a\"}}}}\n"));
        }
        let bytes = file.as_bytes();
        let cut = cut.min(bytes.len());
        match parse(&bytes[..cut]) {
            Ok(parsed) => {
                let whole_lines = bytes[..cut].iter().filter(|b| **b == b'\n').count();
                prop_assert_eq!(parsed.records.len(), whole_lines.saturating_sub(1));
            }
            Err(_) => prop_assert!(cut <= header.len(), "only a cut header is refused"),
        }
    }
}

/// Ballots from many rooms at the same moment are made durable by shared
/// syncs, every one acked, and each transcript holds its own room's ballot.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rooms_voting_at_once_share_syncs_and_every_ballot_is_on_disk() {
    let dir = TempDir::new();
    // A wide window, so the rooms surely meet in it on a busy test machine.
    let (app, _) = spawn_app_with(&dir.0, |c| {
        c.timings.sync_window = std::time::Duration::from_millis(50)
    })
    .await;
    let mut rooms = Vec::new();
    for _ in 0..12 {
        let session = app.create_session("vote").await;
        let phone = app.phones(&session, "cabinet", 1).await.remove(0);
        app.command(
            &session.id,
            json!({ "type": "open", "activity": "priorities" }),
        )
        .await;
        rooms.push((session, phone));
    }
    let before = app.metric("topteam_transcript_syncs_total").await;
    let appends_before = app.metric("topteam_transcript_synced_appends_total").await;
    let votes = rooms.iter_mut().map(|(_, phone)| async move {
        acked(
            &phone
                .vote("priorities", json!({ "dots": { "roles": 2 } }))
                .await,
        )
    });
    let seqs = futures_util::future::join_all(votes).await;
    let syncs = app.metric("topteam_transcript_syncs_total").await - before;
    let appends = app.metric("topteam_transcript_synced_appends_total").await - appends_before;
    assert_eq!(appends, 12.0, "one append per room");
    assert!(syncs < appends, "{syncs} syncs for {appends} appends");
    for ((session, _), seq) in rooms.iter().zip(seqs) {
        let path = dir.0.join("sessions").join(format!("{}.jsonl", session.id));
        let parsed = parse(&std::fs::read(path).unwrap()).unwrap();
        let last = parsed.records.last().unwrap();
        assert_eq!(
            last.seq, seq,
            "the acked ballot is the transcript's last line"
        );
    }
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    for path in [
        "/".to_string(),
        format!("/join/{}", session.code),
        "/facilitate".to_string(),
        format!("/screen/{}", session.id),
        "/static/app/main.js".to_string(),
        format!("/api/sessions/{}", session.id),
        "/no/such/page".to_string(),
    ] {
        let response = app
            .http
            .get(app.url(&path))
            .bearer_auth(KEY)
            .send()
            .await
            .unwrap();
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(
            csp.contains("script-src 'self';") && csp.contains("style-src 'self';"),
            "{path}: {csp}"
        );
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["referrer-policy"], "same-origin", "{path}");
    }
    app.stop().await;
}

#[tokio::test]
async fn a_client_that_never_finishes_its_headers_is_cut_off_and_cannot_hold_up_shutdown() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let dir = TempDir::new();
    let (app, _) = spawn_app_with(&dir.0, |config| {
        config.timings.header_timeout = std::time::Duration::from_millis(300);
    })
    .await;
    let mut slow = tokio::net::TcpStream::connect(&app.addr).await.unwrap();
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let mut buf = [0u8; 1024];
    // The server answers 408 or just closes; either way the connection ends.
    let read = tokio::time::timeout(std::time::Duration::from_secs(10), slow.read(&mut buf))
        .await
        .expect("the server let a half-sent request hold the connection");
    let n = read.unwrap_or(0);
    let text = String::from_utf8_lossy(&buf[..n]);
    assert!(n == 0 || text.starts_with("HTTP/1.1 408"), "{text}");
    // A connection that sends nothing at all is closed as soon.
    let mut silent = tokio::net::TcpStream::connect(&app.addr).await.unwrap();
    let read = tokio::time::timeout(std::time::Duration::from_secs(10), silent.read(&mut buf))
        .await
        .expect("the server let a silent connection stay open");
    assert_eq!(read.unwrap_or(0), 0);
    app.stop().await;

    // Headers slower than the drain: shutdown still ends.
    let dir = TempDir::new();
    let (app, _) = spawn_app_with(&dir.0, |config| {
        config.timings.header_timeout = std::time::Duration::from_secs(600);
        config.timings.drain = std::time::Duration::from_millis(300);
    })
    .await;
    let mut slow = tokio::net::TcpStream::connect(&app.addr).await.unwrap();
    slow.write_all(b"GET /healthz HTTP/1.1\r\n").await.unwrap();
    tokio::time::timeout(std::time::Duration::from_secs(30), app.stop())
        .await
        .expect("shutdown waits for no client");
}
