//! Each person bound to their own invitation: an impostor who types a name
//! first loses it to the card, and an invitations-only series lets no typed
//! name in on its own.

use super::run;
use crate::helpers::*;
use crate::trust::{series_with_roster, session_in};
use serde_json::{json, Value};

const LEADER: &str = "Cllr Jo Leader";

fn roster() -> Value {
    json!([
        { "name": LEADER, "group": "cabinet", "job_title": "Leader of the Council" },
        { "name": "Cllr Ann Deputy", "group": "cabinet" },
        { "name": "Cllr Bo Homes", "group": "cabinet" },
        { "name": "Sam Chief", "group": "management", "job_title": "Chief Executive" },
        { "name": "Ali Places", "group": "management" },
        { "name": "Kim People", "group": "management" },
    ])
}

async fn invitations(app: &TestApp, series: &str) -> Vec<Value> {
    let (status, body) = app
        .post_json(
            &format!("/api/series/{series}/invitations"),
            Some(KEY),
            json!({}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    body.as_array().unwrap().clone()
}

fn token_of(card: &Value) -> String {
    let url = card["url"].as_str().unwrap();
    url.rsplit_once("/i/").unwrap().1.to_string()
}

fn card_for<'a>(cards: &'a [Value], name: &str) -> &'a Value {
    cards.iter().find(|c| c["name"] == name).unwrap()
}

async fn join_invited(app: &TestApp, code: &str, card: &Value) -> (u16, Value) {
    let body = json!({ "code": code, "invitation": token_of(card) });
    app.post_json("/api/join", None, body).await
}

#[tokio::test]
async fn the_card_beats_a_name_typed_first_and_sets_the_impostors_answers_aside() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let (series, _) = series_with_roster(&app, roster()).await;
    let cards = invitations(&app, &series).await;
    assert_eq!(cards.len(), 6);
    assert!(cards
        .iter()
        .all(|c| c["url"].as_str().unwrap().contains("/i/")));
    let session = session_in(&app, "w1-cabinet", &series).await;
    // An impostor types the Leader's name in capitals with a dash and a full
    // stop, and is let in as her (no lobby in workshop 1).
    let impostor = app.join(&session.code, "CLLR JO-LEADER.", "cabinet").await;
    assert!(impostor.admitted);
    let mut fake = Socket::participant(&app, &session.id, &impostor).await;
    run(&app, &session.id, "open", "confidence").await;
    let (confidence_item, _) = first_item(&app, &session.id, "confidence").await;
    acked(
        &fake
            .vote(
                "confidence",
                json!({ "scores": { (confidence_item.clone()): 1 } }),
            )
            .await,
    );
    let mut phones = Vec::new();
    for name in ["Cllr Ann Deputy", "Cllr Bo Homes"] {
        let (status, joined) = join_invited(&app, &session.code, card_for(&cards, name)).await;
        assert_eq!(status, 200, "{joined}");
        assert_eq!(joined["admitted"], true, "an invitation goes straight in");
        phones.push(invited_socket(&app, &session.id, &joined).await);
    }
    // The real Leader arrives with her card.
    let (status, leader) = join_invited(&app, &session.code, card_for(&cards, LEADER)).await;
    assert_eq!(status, 200, "{leader}");
    assert_eq!(leader["admitted"], true);
    phones.push(invited_socket(&app, &session.id, &leader).await);
    let state = app.state(&session.id).await;
    let held = state["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == impostor.id.as_str())
        .unwrap();
    assert_eq!(held["admitted"], false, "{held}");
    assert_eq!(held["held"], "invited_person_arrived", "{held}");
    // The impostor's phone can no longer vote.
    refused(
        &fake
            .vote(
                "confidence",
                json!({ "scores": { (confidence_item.clone()): 1 } }),
            )
            .await,
        "not_admitted",
    );
    for phone in phones.iter_mut() {
        acked(
            &phone
                .vote(
                    "confidence",
                    json!({ "scores": { (confidence_item.clone()): 5 } }),
                )
                .await,
        );
    }
    run(&app, &session.id, "close", "confidence").await;
    let state = app.state(&session.id).await;
    let results = &activity(&state, "confidence")["results"];
    assert_eq!(
        results["all"]["ballots"], 3,
        "three people, three ballots: {results}"
    );
    assert_eq!(results["all"]["items"][&confidence_item]["mean"], 5.0);
    app.stop().await;
}

#[tokio::test]
async fn invitations_only_holds_every_typed_name_and_admit_all_admits_none() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let (series, roster) = series_with_roster(&app, roster()).await;
    let cards = invitations(&app, &series).await;
    let response = app
        .http
        .put(app.url(&format!("/api/series/{series}/invitations-only")))
        .bearer_auth(KEY)
        .json(&json!({ "invitations_only": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let session = session_in(&app, "w1-cabinet", &series).await;
    // The join page, code and all, lists nobody.
    let page = app.page(&format!("/join/{}", session.code)).await;
    assert!(!page.contains("Cllr Ann Deputy"), "{page}");
    assert!(page.contains("by invitation"), "{page}");
    let (status, typed) = app
        .post_json(
            "/api/join",
            None,
            json!({ "code": session.code, "name": "Cllr Ann Deputy", "group": "cabinet" }),
        )
        .await;
    assert_eq!(status, 200, "{typed}");
    assert_eq!(typed["admitted"], false);
    assert_eq!(typed["held"], "invitation_required");
    let (_, picked) = app
        .post_json(
            "/api/join",
            None,
            json!({ "code": session.code, "person": roster[2]["id"] }),
        )
        .await;
    assert_eq!(picked["held"], "invitation_required", "{picked}");
    app.command(&session.id, json!({ "type": "admit_all" }))
        .await;
    let state = app.state(&session.id).await;
    assert!(
        state["participants"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["admitted"] == false),
        "admit all admits none of them: {state}"
    );
    let (_, invited) = join_invited(&app, &session.code, card_for(&cards, LEADER)).await;
    assert_eq!(invited["admitted"], true, "{invited}");
    app.stop().await;
}

#[tokio::test]
async fn cards_made_again_replace_the_old_and_open_only_their_own_series() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let (series, _) = series_with_roster(&app, roster()).await;
    let old = invitations(&app, &series).await;
    let new = invitations(&app, &series).await;
    let session = session_in(&app, "w1-cabinet", &series).await;
    let (status, body) = join_invited(&app, &session.code, card_for(&old, LEADER)).await;
    assert_eq!(status, 404, "{body}");
    assert_eq!(body["error"]["code"], "unknown_invitation");
    // Another council's session does not take this series' card.
    let (other, _) =
        series_with_roster(&app, json!([{ "name": LEADER, "group": "cabinet" }])).await;
    let elsewhere = session_in(&app, "w1-cabinet", &other).await;
    let (status, body) = join_invited(&app, &elsewhere.code, card_for(&new, LEADER)).await;
    assert_eq!(status, 404, "{body}");
    let (status, body) = join_invited(&app, &session.code, card_for(&new, LEADER)).await;
    assert_eq!(status, 200, "{body}");
    // Tokens are kept hashed: no file holds one.
    for card in old.iter().chain(&new) {
        let token = token_of(card);
        assert!(
            files_containing(&dir.0, &token).is_empty(),
            "{token} on disk"
        );
    }
    app.stop().await;
}

#[tokio::test]
async fn a_card_opened_on_a_phone_asks_before_joining_and_then_joins_as_its_person() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let (series, _) = series_with_roster(&app, roster()).await;
    let cards = invitations(&app, &series).await;
    let path = format!("/i/{}", token_of(card_for(&cards, LEADER)));
    // Before the workshop starts: welcome, and come back later.
    let early = app.http.get(app.url(&path)).send().await.unwrap();
    assert_eq!(early.status(), 200);
    assert!(early.text().await.unwrap().contains("has not started yet"));
    let session = session_in(&app, "w1-cabinet", &series).await;
    // Opening the link (as a mail scanner would) joins nobody.
    let page = app.http.get(app.url(&path)).send().await.unwrap();
    assert!(page
        .text()
        .await
        .unwrap()
        .contains("Join as Cllr Jo Leader"));
    assert_eq!(
        app.state(&session.id).await["participants"],
        json!([]),
        "a GET joins nobody"
    );
    let joined = app
        .http
        .post(app.url(&path))
        .header("origin", app.url(""))
        .send()
        .await
        .unwrap();
    assert!(joined.status().is_success() || joined.status().is_redirection());
    let state = app.state(&session.id).await;
    let people = state["participants"].as_array().unwrap();
    assert_eq!(people.len(), 1, "{state}");
    assert_eq!(people[0]["name"], LEADER);
    assert_eq!(people[0]["admitted"], true);
    // A made-up token says the card does not work.
    let bad = app
        .http
        .get(app.url("/i/0123456789abcdef01234567"))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 404);
    app.stop().await;
}

/// The first item of a rating activity, and its label.
async fn first_item(app: &TestApp, session: &str, id: &str) -> (String, String) {
    let state = app.state(session).await;
    let option = &activity(&state, id)["options"][0];
    (
        option["id"].as_str().unwrap().to_string(),
        option["label"].as_str().unwrap().to_string(),
    )
}

async fn invited_socket(app: &TestApp, session: &str, joined: &Value) -> Socket {
    let joined = Joined {
        id: joined["participant"].as_str().unwrap().to_string(),
        token: joined["token"].as_str().unwrap().to_string(),
        admitted: joined["admitted"].as_bool().unwrap(),
    };
    Socket::participant(app, session, &joined).await
}

#[tokio::test]
async fn with_a_lobby_the_first_to_type_a_name_does_not_win_it() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let (series, roster) = series_with_roster(&app, roster()).await;
    let session = session_in(&app, "w2-joint-vision", &series).await;
    // The impostor types the Leader's name in lower case, first.
    let impostor = app.join(&session.code, "cllr jo leader", "cabinet").await;
    assert!(!impostor.admitted);
    let (_, real) = app
        .post_json(
            "/api/join",
            None,
            json!({ "code": session.code, "person": roster[0]["id"] }),
        )
        .await;
    assert_eq!(real["held"], "already_claimed", "{real}");
    app.command(&session.id, json!({ "type": "admit_all" }))
        .await;
    let state = app.state(&session.id).await;
    let people = state["participants"].as_array().unwrap();
    assert!(people.iter().all(|p| p["admitted"] == false), "{state}");
    assert_eq!(people[0]["held"], "claimed_twice", "{state}");
    let console = app.page(&format!("/facilitate/{}", session.id)).await;
    assert!(
        console.contains("another phone claims the same name"),
        "the console says why"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_card_used_again_on_another_phone_moves_the_person_without_calling_them_an_impostor() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let (series, _) = series_with_roster(&app, roster()).await;
    let cards = invitations(&app, &series).await;
    let session = session_in(&app, "w1-cabinet", &series).await;
    let (_, first) = join_invited(&app, &session.code, card_for(&cards, LEADER)).await;
    let (_, second) = join_invited(&app, &session.code, card_for(&cards, LEADER)).await;
    assert_eq!(second["admitted"], true);
    let state = app.state(&session.id).await;
    let old = state["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == first["participant"])
        .unwrap();
    assert_eq!(old["held"], "card_used_again", "{old}");
    assert_eq!(old["invited"], true);
    app.stop().await;
}

#[tokio::test]
async fn the_consoles_cards_form_sent_twice_replaces_nothing_the_second_time() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let (series, _) = series_with_roster(&app, roster()).await;
    let post = |form: &'static str| {
        app.http
            .post(app.url(&format!("/facilitate/series/{series}/invitations")))
            .bearer_auth(KEY)
            .header("origin", app.url(""))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form)
            .send()
    };
    let made = post("made=none").await.unwrap();
    assert_eq!(made.status(), 200);
    let page = made.text().await.unwrap();
    assert_eq!(page.matches("class=\"card\"").count(), 6, "six cards");
    let token = page
        .split("class=\"token\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap()
        .to_string();
    // The same form again, as a refresh sends it: nothing changes.
    let again = post("made=none").await.unwrap();
    assert_eq!(again.status(), 409);
    assert!(again.text().await.unwrap().contains("nothing was changed"));
    let session = session_in(&app, "w1-cabinet", &series).await;
    let body = json!({ "code": session.code, "invitation": token });
    let (status, joined) = app.post_json("/api/join", None, body).await;
    assert_eq!(status, 200, "the printed card still works: {joined}");
    // Typing the cards address opens nothing and makes nothing.
    let typed = app
        .http
        .get(app.url(&format!("/facilitate/series/{series}/invitations")))
        .bearer_auth(KEY)
        .send()
        .await
        .unwrap();
    assert!(
        typed.url().path().ends_with("/facilitate"),
        "{}",
        typed.url()
    );
    app.stop().await;
}

#[tokio::test]
async fn made_up_people_padding_a_team_are_named_beside_the_result() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let (series, _) = series_with_roster(&app, roster()).await;
    let session = session_in(&app, "w1-cabinet", &series).await;
    let cards = invitations(&app, &series).await;
    let (_, leader) = join_invited(&app, &session.code, card_for(&cards, LEADER)).await;
    let mut phones = vec![invited_socket(&app, &session.id, &leader).await];
    // The facilitator lets in two made-up guests to make the cabinet three.
    for name in ["Pat Guest", "Sam Guest"] {
        let guest = app.admitted(&session, name, "cabinet").await;
        phones.push(Socket::participant(&app, &session.id, &guest).await);
    }
    run(&app, &session.id, "open", "confidence").await;
    let (item, _) = first_item(&app, &session.id, "confidence").await;
    for phone in phones.iter_mut() {
        acked(
            &phone
                .vote("confidence", json!({ "scores": { (item.clone()): 3 } }))
                .await,
        );
    }
    run(&app, &session.id, "close", "confidence").await;
    let counted = "Answers counted from 3 people: Cllr Jo Leader, Pat Guest (not on the roster), Sam Guest (not on the roster).";
    let review = app.page(&format!("/review/{}", session.id)).await;
    assert!(review.contains(counted), "{review}");
    let md = app.page(&format!("/review/{}/report.md", session.id)).await;
    assert!(md.contains(counted), "{md}");
    app.stop().await;
}
