//! A vote the room can trust: one person one vote, anonymity that survives
//! arithmetic, an honest record, and abuse that cannot fill or flood a room.

use crate::helpers::*;
use serde_json::{json, Value};

/// A named series with a roster; returns its id and the roster as stored.
async fn series_with_roster(app: &TestApp, people: Value) -> (String, Value) {
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

async fn session_in(app: &TestApp, workshop: &str, series: &str) -> Created {
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

#[tokio::test]
async fn one_phone_joining_ten_more_times_under_others_names_changes_no_result() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let names = [
        "Cllr Ann", "Cllr Bo", "Cllr Cy", "Cllr Di", "Cllr Ed", "Cllr Flo",
    ];
    let people: Vec<Value> = names
        .iter()
        .map(|n| json!({ "name": n, "group": "cabinet" }))
        .collect();
    let (series, roster) = series_with_roster(&app, json!(people)).await;
    // Workshop 1 has no lobby: the honest six go straight in.
    let session = session_in(&app, "w1-cabinet", &series).await;
    let mut honest = Vec::new();
    for person in roster.as_array().unwrap() {
        let (status, joined) = app
            .post_json(
                "/api/join",
                None,
                json!({ "code": session.code, "person": person["id"] }),
            )
            .await;
        assert_eq!(status, 200, "{joined}");
        assert_eq!(joined["admitted"], true);
        let joined = Joined {
            id: joined["participant"].as_str().unwrap().to_string(),
            token: joined["token"].as_str().unwrap().to_string(),
            admitted: true,
        };
        honest.push(Socket::participant(&app, &session.id, &joined).await);
    }
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "priorities" }),
    )
    .await;
    for phone in &mut honest {
        acked(
            &phone
                .vote(
                    "priorities",
                    json!({ "dots": { "budget": 3, "community-engagement": 2 } }),
                )
                .await,
        );
    }
    let before = activity(&app.state(&session.id).await, "priorities")["results"].clone();

    // One phone claims ten more places: others' names (in other spellings),
    // names on no roster, and roster people by id.
    let mut stuffed = Vec::new();
    for i in 0..10 {
        let body = match i % 3 {
            0 => {
                json!({ "code": session.code, "name": names[i % 6].to_uppercase().replace(' ', "  "), "group": "cabinet" })
            }
            1 => json!({ "code": session.code, "name": format!("Extra {i}"), "group": "cabinet" }),
            _ => json!({ "code": session.code, "person": roster[i % 6]["id"] }),
        };
        let (status, joined) = app.post_json("/api/join", None, body).await;
        assert_eq!(status, 200, "{joined}");
        assert_eq!(
            joined["admitted"], false,
            "a doubtful join is held: {joined}"
        );
        assert!(joined["held"].is_string(), "and says why: {joined}");
        let joined = Joined {
            id: joined["participant"].as_str().unwrap().to_string(),
            token: joined["token"].as_str().unwrap().to_string(),
            admitted: false,
        };
        stuffed.push(Socket::participant(&app, &session.id, &joined).await);
    }
    for phone in &mut stuffed {
        refused(
            &phone
                .vote(
                    "priorities",
                    json!({ "dots": { "housing-regeneration": 5 } }),
                )
                .await,
            "not_admitted",
        );
    }
    let state = app.state(&session.id).await;
    assert_eq!(activity(&state, "priorities")["results"], before);
    let held: Vec<&Value> = state["participants"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["admitted"] == false)
        .collect();
    assert_eq!(held.len(), 10);

    // The console says who waits and why, in words.
    let mut console = Socket::staff(&app, &session.id, "facilitate").await;
    let view = console.wait_for(|m| m["type"] == "view").await;
    let html = view["html"].as_str().unwrap();
    assert!(
        html.contains("claims a name someone has already joined as"),
        "{html}"
    );
    assert!(html.contains("not on the roster"));
}

#[tokio::test]
async fn without_a_roster_a_name_already_in_the_room_is_held_and_the_same_browser_gets_itself_back()
{
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let first = app.join(&session.code, "Cllr Patel", "cabinet").await;
    assert!(first.admitted);
    let (_, twin) = app
        .post_json(
            "/api/join",
            None,
            json!({ "code": session.code, "name": "cllr. patel", "group": "cabinet" }),
        )
        .await;
    assert_eq!(twin["admitted"], false);
    assert_eq!(twin["held"], "name_taken");

    // The same browser (its cookie) joining again is the same participant.
    let cookie = format!("tt_{}={}", session.id.replace('-', ""), first.token);
    let again: Value = app
        .http
        .post(app.url("/api/join"))
        .header("cookie", cookie)
        .header("origin", app.url(""))
        .json(&json!({ "code": session.code, "name": "Someone Else", "group": "cabinet" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(again["participant"], json!(first.id));
    let state = app.state(&session.id).await;
    assert_eq!(state["participants"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn rosters_and_claims_refuse_bad_input_with_stable_codes() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let (series, _) =
        series_with_roster(&app, json!([{ "name": "Cllr Ann", "group": "cabinet" }])).await;
    let (other, other_roster) = series_with_roster(
        &app,
        json!([{ "name": "Jo Director", "group": "management" }]),
    )
    .await;
    let session = session_in(&app, "w1-cabinet", &series).await;
    let put = |id: String, body: Value| {
        let app = &app;
        async move {
            let response = app
                .http
                .put(app.url(&format!("/api/series/{id}/roster")))
                .bearer_auth(KEY)
                .json(&body)
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            (status, response.json::<Value>().await.unwrap())
        }
    };
    let too_many: Vec<Value> = (0..201)
        .map(|i| json!({ "name": format!("P {i}"), "group": "cabinet" }))
        .collect();
    for (body, status, code) in [
        (
            json!({ "people": [{ "name": "A", "group": "cabinet" }, { "name": "a.", "group": "management" }] }),
            422,
            "duplicate_name",
        ),
        (
            json!({ "people": [{ "name": " ", "group": "cabinet" }] }),
            422,
            "invalid_text",
        ),
        (
            json!({ "people": [{ "name": "A", "group": "mayor" }] }),
            400,
            "invalid_request",
        ),
        (json!({ "people": too_many }), 422, "roster_too_large"),
        (
            json!({ "people": [{ "id": uuid::Uuid::new_v4(), "name": "A", "group": "cabinet" }] }),
            404,
            "unknown_person",
        ),
    ] {
        let (got, reply) = put(series.clone(), body).await;
        assert_eq!(
            (got, reply["error"]["code"].as_str().unwrap()),
            (status, code),
            "{reply}"
        );
    }
    let ann = app
        .get_json(&format!("/api/series/{series}"), Some(KEY))
        .await
        .1["roster"][0]["id"]
        .clone();
    for (body, code) in [
        (
            json!({ "people": [{ "id": ann, "name": "Ann", "group": "cabinet" }, { "id": ann, "name": "Carl", "group": "management" }] }),
            "duplicate_name",
        ),
        (
            json!({ "people": [{ "name": "\u{202e}Ann", "group": "cabinet" }] }),
            "invalid_text",
        ),
        (
            json!({ "people": [{ "name": "\u{200b}", "group": "cabinet" }] }),
            "invalid_text",
        ),
        (
            json!({ "people": [{ "name": "😀", "group": "cabinet" }] }),
            "invalid_text",
        ),
    ] {
        let (got, reply) = put(series.clone(), body).await;
        assert_eq!(
            (got, reply["error"]["code"].as_str().unwrap()),
            (422, code),
            "{reply}"
        );
    }
    let (got, reply) = put(uuid::Uuid::new_v4().to_string(), json!({ "people": [] })).await;
    assert_eq!(
        (got, reply["error"]["code"].as_str().unwrap()),
        (404, "unknown_series")
    );
    let (status, stored) = app
        .get_json(&format!("/api/series/{series}"), Some(KEY))
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        stored["roster"].as_array().unwrap().len(),
        1,
        "nothing changed"
    );
    assert_eq!(stored["sessions"][0]["id"], json!(session.id));

    // Claiming a person of another series, or nobody at all.
    for person in [other_roster[0]["id"].clone(), json!(uuid::Uuid::new_v4())] {
        let (status, reply) = app
            .post_json(
                "/api/join",
                None,
                json!({ "code": session.code, "person": person }),
            )
            .await;
        assert_eq!(
            (status, reply["error"]["code"].clone()),
            (404, json!("unknown_person"))
        );
    }
    let (status, _) = app
        .post_json(
            "/api/sessions",
            Some(KEY),
            json!({ "workshop": "w1-cabinet", "series": uuid::Uuid::new_v4() }),
        )
        .await;
    assert_eq!(status, 404);
    let _ = other;
    assert_eq!(app.state(&session.id).await["participants"], json!([]));
}

#[tokio::test]
async fn one_cabinet_member_and_three_officers_reveal_no_split_anywhere() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w3-performance").await;
    let mut phones = app.phones(&session, "cabinet", 1).await;
    phones.extend(app.phones(&session, "management", 3).await);
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "self-assessment" }),
    )
    .await;
    for (i, phone) in phones.iter_mut().enumerate() {
        let score = if i == 0 { 1 } else { 5 };
        acked(
            &phone
                .vote(
                    "self-assessment",
                    json!({ "scores": { "big-picture": score } }),
                )
                .await,
        );
    }
    // While voting is open nothing is counted for anyone, so results cannot
    // be read ballot by ballot beside who has just voted.
    let open = app.state(&session.id).await;
    assert_eq!(
        activity(&open, "self-assessment")["results"]["withheld"],
        true
    );
    assert_eq!(
        activity(&open, "self-assessment")["results"]["all"]["ballots"],
        0
    );
    for command in ["close", "reveal"] {
        app.command(
            &session.id,
            json!({ "type": command, "activity": "self-assessment" }),
        )
        .await;
    }
    let state = app.state(&session.id).await;
    let results = &activity(&state, "self-assessment")["results"];
    assert_eq!(results["all"]["ballots"], 4);
    // The transcript (downloadable as the storage it is) says no team either.
    for line in app
        .transcript(&session.id)
        .await
        .lines()
        .filter(|l| l.contains("ballot_cast"))
    {
        assert!(
            !line.contains("\"group\""),
            "an anonymous ballot's team: {line}"
        );
    }
    assert_eq!(results["cabinet"]["suppressed"], true, "{results}");
    assert_eq!(results["management"]["suppressed"], true, "{results}");
    assert!(results.get("comparison").is_none());

    let mut screen = Socket::staff(&app, &session.id, "screen").await;
    let html = screen.wait_for(|m| m["type"] == "view").await["html"].to_string();
    assert!(
        !html.contains(">1.0<") && !html.contains("5.0"),
        "no team's mean: {html}"
    );

    let csv = app.votes_csv(&session.id).await;
    let rows: Vec<&str> = csv
        .lines()
        .filter(|l| l.starts_with("self-assessment,"))
        .collect();
    assert!(!rows.is_empty());
    for row in &rows {
        assert!(
            row.contains(",all,"),
            "only the whole room, never a team: {row}"
        );
        assert!(!row.contains("anonymous-"), "no pseudonym: {row}");
    }
    assert!(
        rows.iter().any(|r| r.contains(",1,,all,,true,1,"))
            && rows.iter().any(|r| r.contains(",5,,all,,true,3,")),
        "counts per answer:\n{}",
        rows.join("\n")
    );
}

#[tokio::test]
async fn an_objection_then_an_amendment_then_agreement_are_two_honest_rows() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w2-joint-vision").await;
    let mut phone = app.phones(&session, "cabinet", 1).await.remove(0);
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "protocol" }),
    )
    .await;
    let item = activity(&app.state(&session.id).await, "protocol")["options"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    acked(
        &phone
            .vote(
                "protocol",
                json!({ "responses": { &item: { "response": "object", "reason": "too vague" } } }),
            )
            .await,
    );
    app.command(&session.id, json!({ "type": "amend", "activity": "protocol", "item": item, "text": "We warn each other within a day." }))
        .await;
    // The phone sends its old reason with the new answer; it is not kept.
    acked(&phone.vote("protocol", json!({ "responses": { &item: { "response": "agree", "reason": "too vague", "version": 2 } } })).await);
    let csv = app.votes_csv(&session.id).await;
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().unwrap().clone();
    let col = |n: &str| header.iter().position(|h| h == n).unwrap();
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .map(Result::unwrap)
        .filter(|r| r[col("item")] == *item)
        .collect();
    assert_eq!(rows.len(), 2, "{csv}");
    assert_eq!(
        (
            &rows[0][col("version")],
            &rows[0][col("value")],
            &rows[0][col("reason")]
        ),
        ("1", "object", "too vague")
    );
    assert_eq!(
        (
            &rows[1][col("version")],
            &rows[1][col("value")],
            &rows[1][col("reason")]
        ),
        ("2", "agree", "")
    );
    assert_eq!(&rows[1][col("wording")], "We warn each other within a day.");
    assert_ne!(&rows[0][col("wording")], &rows[1][col("wording")]);
}

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
    let cookie = format!("topteam_admin={KEY}");
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

#[tokio::test]
async fn a_missing_pseudonym_secret_refuses_anonymous_ballots_without_double_counting() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w3-performance").await;
    let mut phones = app.phones(&session, "management", 3).await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "self-assessment" }),
    )
    .await;
    for phone in &mut phones {
        acked(
            &phone
                .vote("self-assessment", json!({ "scores": { "big-picture": 4 } }))
                .await,
        );
    }
    let tokens: Vec<String> = phones.iter().map(|p| p.token.clone().unwrap()).collect();
    drop(phones);
    app.stop().await;
    std::fs::remove_file(
        dir.0
            .join("sessions")
            .join(format!("{}.secret", session.id)),
    )
    .unwrap();

    let app = spawn_app(&dir.0).await;
    let state = app.state(&session.id).await;
    let ids: Vec<String> = state["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect();
    for (id, token) in ids.iter().zip(&tokens) {
        let joined = Joined {
            id: id.clone(),
            token: token.clone(),
            admitted: true,
        };
        let mut phone = Socket::participant(&app, &session.id, &joined).await;
        refused(
            &phone
                .vote("self-assessment", json!({ "scores": { "big-picture": 1 } }))
                .await,
            "anonymity_unavailable",
        );
    }
    app.command(
        &session.id,
        json!({ "type": "close", "activity": "self-assessment" }),
    )
    .await;
    let state = app.state(&session.id).await;
    let results = &activity(&state, "self-assessment")["results"];
    assert_eq!(results["all"]["ballots"], 3, "nobody counted twice");
    assert_eq!(
        results["management"]["suppressed"], true,
        "without the secret no ballot's team is known, so no split is shown"
    );
    let mut console = Socket::staff(&app, &session.id, "facilitate").await;
    let html = console.wait_for(|m| m["type"] == "view").await["html"].to_string();
    assert!(
        html.contains("Anonymous voting is switched off") && html.contains(".secret"),
        "{html}"
    );
}

#[tokio::test]
async fn the_join_page_lists_unclaimed_names_and_is_throttled_like_joining() {
    let dir = TempDir::new();
    let (app, _) = spawn_app_with(&dir.0, |c| {
        c.limits.join.delay = std::time::Duration::from_millis(10)
    })
    .await;
    let (series, roster) = series_with_roster(
        &app,
        json!([{ "name": "Cllr Ann", "group": "cabinet" }, { "name": "Cllr Bo", "group": "cabinet" }, { "name": "Jo Director", "group": "management" }]),
    )
    .await;
    let session = session_in(&app, "w1-cabinet", &series).await;
    app.post_json(
        "/api/join",
        None,
        json!({ "code": session.code, "person": roster[0]["id"] }),
    )
    .await;
    let page = app
        .http
        .get(app.url(&format!("/join/{}", session.code)))
        .send()
        .await
        .unwrap();
    let html = page.text().await.unwrap();
    assert!(
        html.contains("Cllr Bo"),
        "an unclaimed cabinet member is offered"
    );
    assert!(!html.contains("Cllr Ann"), "a claimed one is not");
    assert!(
        !html.contains("Jo Director"),
        "workshop 1 is for the cabinet only"
    );

    let mut statuses = Vec::new();
    for i in 0..25 {
        let page = app
            .http
            .get(app.url(&format!("/join/ZZZZ{i:02}")))
            .send()
            .await
            .unwrap();
        statuses.push(page.status().as_u16());
    }
    assert_eq!(
        statuses.last(),
        Some(&429),
        "guessing codes on the page is refused too"
    );
}

#[tokio::test]
async fn spoofed_names_are_refused_and_a_removed_phone_is_refused_before_its_socket_opens() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    for name in ["\u{202e}htimS taP", "Pat\u{200b}", "😎"] {
        let (status, reply) = app
            .post_json(
                "/api/join",
                None,
                json!({ "code": session.code, "name": name, "group": "cabinet" }),
            )
            .await;
        assert_eq!(
            (status, reply["error"]["code"].clone()),
            (422, json!("invalid_text")),
            "{name:?}"
        );
    }
    let joined = app.join(&session.code, "Pat Smith", "cabinet").await;
    // The same browser coming back to the join page is told who it is.
    let cookie = format!("tt_{}={}", session.id.replace('-', ""), joined.token);
    let page = app
        .http
        .get(app.url(&format!("/join/{}", session.code)))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("You have already joined") && page.contains("Pat Smith"),
        "{page}"
    );
    app.command(
        &session.id,
        json!({ "type": "remove", "participant": joined.id }),
    )
    .await;
    let url = format!("ws://{}/ws/{}?token={}", app.addr, session.id, joined.token);
    match tokio_tungstenite::connect_async(url).await {
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
            assert_eq!(response.status(), 403)
        }
        other => panic!("a removed phone's socket opened: {other:?}"),
    }
}
