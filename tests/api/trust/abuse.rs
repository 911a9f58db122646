//! Abuse that cannot fill or flood a room: join budgets, the cap, sockets
//! per token, no-op re-votes, cookie origins, one server per data folder.

use crate::helpers::*;
use serde_json::{json, Value};

#[tokio::test]
async fn sixty_phones_behind_one_address_join_but_five_hundred_cannot() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let mut ok = 0;
    let mut limited = 0;
    for i in 0..500 {
        let (status, reply) = app
            .post_json(
                "/api/join",
                None,
                json!({ "code": session.code, "name": format!("Cllr {i}"), "group": "cabinet" }),
            )
            .await;
        match status {
            200 => ok += 1,
            429 => {
                assert_eq!(reply["error"]["code"], "rate_limited");
                limited += 1;
            }
            other => panic!("unexpected {other}: {reply}"),
        }
        if i == 59 {
            assert_eq!(ok, 60, "a whole room joins through the venue's address");
        }
    }
    assert!(limited >= 390, "only {limited} of 500 refused");
    assert!(ok <= 110, "{ok} joined");
}

#[tokio::test]
async fn the_cap_holds_inside_the_session_and_removing_someone_frees_a_place() {
    let dir = TempDir::new();
    let (app, _) = spawn_app_with(&dir.0, |c| c.limits.max_participants = 5).await;
    let session = app.create_session("w1-cabinet").await;
    let joins = (0..12).map(|i| {
        let app = &app;
        let code = session.code.clone();
        async move {
            app.post_json(
                "/api/join",
                None,
                json!({ "code": code, "name": format!("P{i}"), "group": "cabinet" }),
            )
            .await
        }
    });
    let replies = futures_util::future::join_all(joins).await;
    let joined: Vec<&Value> = replies
        .iter()
        .filter(|(s, _)| *s == 200)
        .map(|(_, b)| b)
        .collect();
    assert_eq!(joined.len(), 5, "no overshoot when joins arrive together");
    assert!(replies
        .iter()
        .filter(|(s, _)| *s != 200)
        .all(|(s, b)| *s == 409 && b["error"]["code"] == "session_full"));
    // The join form is refused the same way.
    let form = app
        .http
        .post(app.url("/join"))
        .form(&[
            ("code", session.code.as_str()),
            ("name", "Form Person"),
            ("group", "cabinet"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(form.status(), 422);
    assert!(form.text().await.unwrap().contains("This session is full."));
    app.command(
        &session.id,
        json!({ "type": "remove", "participant": joined[0]["participant"] }),
    )
    .await;
    let (status, _) = app
        .post_json(
            "/api/join",
            None,
            json!({ "code": session.code, "name": "Late", "group": "cabinet" }),
        )
        .await;
    assert_eq!(status, 200, "a removed person's place is free again");
}

#[tokio::test]
async fn a_token_holds_at_most_three_sockets_and_staff_never_count_against_the_room() {
    let dir = TempDir::new();
    let (app, _) = spawn_app_with(&dir.0, |c| c.limits.max_sockets_per_session = 4).await;
    let session = app.create_session("w1-cabinet").await;
    let joined = app.join(&session.code, "Cllr Patel", "cabinet").await;
    let mut first = Socket::participant(&app, &session.id, &joined).await;
    first.wait_for(|m| m["type"] == "view").await;
    let mut others = Vec::new();
    for _ in 0..3 {
        let mut socket = Socket::participant(&app, &session.id, &joined).await;
        socket.wait_for(|m| m["type"] == "view").await;
        others.push(socket);
    }
    assert_eq!(first.close_code().await, Some(4009), "the oldest gives way");
    let second = app.join(&session.code, "Cllr Bo", "cabinet").await;
    let mut full = Socket::participant(&app, &session.id, &second).await;
    full.wait_for(|m| m["type"] == "view").await;
    let url = format!("ws://{}/ws/{}?token={}", app.addr, session.id, second.token);
    let refused = tokio_tungstenite::connect_async(url).await;
    assert!(refused.is_err(), "the room's cap holds for phones");
    // The room's cap is full of phones; the console and projector still connect.
    let mut console = Socket::staff(&app, &session.id, "facilitate").await;
    console.wait_for(|m| m["type"] == "view").await;
    let mut screen = Socket::staff(&app, &session.id, "screen").await;
    screen.wait_for(|m| m["type"] == "view").await;
}

#[tokio::test]
async fn the_same_ballot_again_is_acked_without_writing_and_binary_frames_are_rate_limited() {
    use futures_util::SinkExt;
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let mut phone = app.phones(&session, "cabinet", 1).await.remove(0);
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "priorities" }),
    )
    .await;
    let ballot = json!({ "dots": { "budget": 2 } });
    let seq = acked(&phone.vote("priorities", ballot.clone()).await);
    let lines = app.transcript(&session.id).await.lines().count();
    for _ in 0..5 {
        assert_eq!(acked(&phone.vote("priorities", ballot.clone()).await), seq);
    }
    assert_eq!(
        app.transcript(&session.id).await.lines().count(),
        lines,
        "nothing written"
    );

    let url = format!(
        "ws://{}/ws/{}?token={}",
        app.addr,
        session.id,
        phone.token.clone().unwrap()
    );
    let (mut raw, _) = tokio_tungstenite::connect_async(url).await.unwrap();
    for _ in 0..40 {
        raw.send(tokio_tungstenite::tungstenite::Message::binary(vec![
            0u8;
            8
        ]))
        .await
        .unwrap();
    }
    let mut limited = 0;
    let mut errors = 0;
    while errors < 40 {
        let message = tokio::time::timeout(WAIT, futures_util::StreamExt::next(&mut raw))
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        if let tokio_tungstenite::tungstenite::Message::Text(text) = message {
            let m: Value = serde_json::from_str(&text).unwrap();
            if m["type"] == "error" {
                errors += 1;
                limited += usize::from(m["error"]["code"] == "rate_limited");
            }
        }
    }
    assert!(
        limited >= 9,
        "binary frames count against the rate: {limited}"
    );
}

#[tokio::test]
async fn a_cookie_request_from_another_site_is_refused() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let path = app.url(&format!("/api/sessions/{}/commands", session.id));
    let cookie = login_cookie(&app).await;
    let send = |origin: Option<String>| {
        let mut request = app
            .http
            .post(&path)
            .header("cookie", &cookie)
            .json(&json!({ "type": "end" }));
        if let Some(o) = origin {
            request = request.header("origin", o);
        }
        request.send()
    };
    let other_port = format!(
        "http://127.0.0.1:{}",
        app.addr.split(':').nth(1).unwrap().parse::<u16>().unwrap() + 1
    );
    for origin in [Some(other_port), None] {
        let response = send(origin).await.unwrap();
        assert_eq!(response.status(), 403);
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"]["code"], "bad_origin");
    }
    assert_eq!(
        app.state(&session.id).await["status"],
        "live",
        "nothing changed"
    );
    // A form posted from another site gets a page that says so, not JSON.
    let form = app
        .http
        .post(app.url("/facilitate/logout"))
        .header("cookie", &cookie)
        .header("origin", "http://elsewhere.example")
        .form(&[("x", "y")])
        .send()
        .await
        .unwrap();
    assert_eq!(form.status(), 403);
    assert!(form.text().await.unwrap().contains("That did not work"));
    let response = send(Some(format!("http://{}", app.addr))).await.unwrap();
    assert_eq!(response.status(), 200, "our own console page may");
    assert_eq!(app.state(&session.id).await["status"], "ended");
}

#[tokio::test]
async fn a_second_server_on_the_same_data_folder_refuses_to_start() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let mut config = topteam::config::Config::new(dir.0.clone());
    config.addr = "127.0.0.1:0".parse().unwrap();
    config.workshops_dir = workshops_dir();
    let second = topteam::app::Application::build(config).await;
    let message = second.err().expect("refused").to_string();
    assert!(
        message.contains("another topteam is using the data folder"),
        "{message}"
    );
    app.stop().await;
    let (again, _) = spawn_app_with(&dir.0, |_| {}).await;
    again.stop().await;
}

async fn join_from(app: &TestApp, code: &str, name: &str, forwarded: &str) -> u16 {
    app.http
        .post(app.url("/api/join"))
        .header("x-forwarded-for", forwarded)
        .json(&json!({ "code": code, "name": name, "group": "cabinet" }))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_phone_has_its_own_join_budget_and_otherwise_the_header_is_ignored(
) {
    for trust_proxy in [true, false] {
        let dir = TempDir::new();
        let (app, _) = spawn_app_with(&dir.0, |config| {
            config.trust_proxy = trust_proxy;
            config.limits.joins_per_address_per_minute = 2;
        })
        .await;
        let session = app.create_session("w1-cabinet").await;
        assert_eq!(
            join_from(&app, &session.code, "Cllr A", "198.51.100.1").await,
            200
        );
        assert_eq!(
            join_from(&app, &session.code, "Cllr B", "198.51.100.1").await,
            200
        );
        assert_eq!(
            join_from(&app, &session.code, "Cllr C", "198.51.100.1").await,
            429
        );
        // Only the last entry counts: the one the proxy appends. Anything a
        // client sent before it is ignored.
        let other = join_from(&app, &session.code, "Cllr D", "198.51.100.1, 198.51.100.2").await;
        assert_eq!(
            other,
            if trust_proxy { 200 } else { 429 },
            "trust_proxy {trust_proxy}"
        );
        app.stop().await;
    }
}

/// Logs in through the console's form; returns the `Cookie` header to send.
pub async fn login_cookie(app: &TestApp) -> String {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let response = client
        .post(app.url("/facilitate/login"))
        .header("origin", format!("http://{}", app.addr))
        .form(&[("key", KEY)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303, "logged in");
    let set = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_string();
    set.split(';').next().unwrap().to_string()
}

#[tokio::test]
async fn the_console_cookie_names_a_login_never_the_key_and_logout_ends_it() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let cookie = login_cookie(&app).await;
    assert!(
        cookie.starts_with("topteam_admin=") && !cookie.contains(KEY),
        "{cookie}"
    );
    let page = |cookie: String| {
        let url = app.url(&format!("/api/sessions/{}", session.id));
        let http = app.http.clone();
        async move {
            http.get(url)
                .header("cookie", cookie)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    assert_eq!(page(cookie.clone()).await, 200);
    assert_eq!(
        page(format!("topteam_admin={KEY}")).await,
        401,
        "the key itself is no cookie"
    );
    let response = app
        .http
        .post(app.url("/facilitate/logout"))
        .header("cookie", &cookie)
        .header("origin", format!("http://{}", app.addr))
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success() || response.status().is_redirection());
    assert_eq!(page(cookie).await, 401, "logged out");
    app.stop().await;
}
