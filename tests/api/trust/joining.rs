//! One person, one vote: joining claims a roster person; doubtful joins are
//! held for the facilitator; names cannot pose as others.

use super::*;
use crate::helpers::*;
use serde_json::{json, Value};

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
    // The address the projector shows, typed: the code form, with no names.
    for path in ["/join", "/"] {
        let typed = app.http.get(app.url(path)).send().await.unwrap();
        assert_eq!(typed.status(), 200, "GET {path}");
        let html = typed.text().await.unwrap();
        assert!(html.contains("Session code"), "{path}: {html}");
        assert!(
            !html.contains("Cllr Bo"),
            "no names before the code: {path}"
        );
    }

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
    // Wrong codes on the page count as guesses (slowed), and list nobody.
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
    let page = app.http.get(app.url("/join/ZZZZ99")).send().await.unwrap();
    assert!(!page.text().await.unwrap().contains("Cllr Bo"));
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
    // Nor can that browser simply join again.
    let again = app
        .http
        .post(app.url("/api/join"))
        .header(
            "cookie",
            format!("tt_{}={}", session.id.replace('-', ""), joined.token),
        )
        .header("origin", app.url(""))
        .json(&json!({ "code": session.code, "name": "Pat Smith", "group": "cabinet" }))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 403);
}
