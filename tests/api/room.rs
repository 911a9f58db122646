//! The room through the API: who has not voted, admitting everyone, hiding
//! results, the timer, actions without dates, the public address,
//! comparisons only between teams that both voted, and the projector's bars.

use crate::helpers::*;
use serde_json::{json, Value};

fn names(state: &Value, ids: &Value) -> Vec<String> {
    ids.as_array()
        .unwrap()
        .iter()
        .map(|id| {
            let p = state["participants"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["id"] == *id);
            p.unwrap()["name"].as_str().unwrap().to_string()
        })
        .collect()
}

fn scores_for(state: &Value, activity_id: &str, score: i64) -> Value {
    let scores: serde_json::Map<String, Value> = activity(state, activity_id)["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["id"].as_str().unwrap().to_string(), json!(score)))
        .collect();
    json!({ "scores": scores })
}

#[tokio::test]
async fn waiting_names_who_has_not_voted_even_in_an_anonymous_vote_but_never_how() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let mut phones = app.phones(&session, "cabinet", 3).await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "confidence" }),
    )
    .await;
    let state = app.state(&session.id).await;
    assert_eq!(activity(&state, "confidence")["anonymous"], true);
    assert_eq!(
        names(&state, &activity(&state, "confidence")["waiting"]),
        ["cabinet member 0", "cabinet member 1", "cabinet member 2"]
    );

    // Half a ballot is still waiting; a whole one is not.
    let whole = scores_for(&state, "confidence", 3);
    let first_item = whole["scores"]
        .as_object()
        .unwrap()
        .keys()
        .next()
        .unwrap()
        .clone();
    acked(
        &phones[0]
            .vote("confidence", json!({ "scores": { first_item: 2 } }))
            .await,
    );
    acked(&phones[2].vote("confidence", whole).await);
    let state = app.state(&session.id).await;
    assert_eq!(
        names(&state, &activity(&state, "confidence")["waiting"]),
        ["cabinet member 0", "cabinet member 1"]
    );
    // Who, never how: the state still gives no one's answers while it is open.
    assert_eq!(activity(&state, "confidence")["results"]["withheld"], true);
    let transcript = app.transcript(&session.id).await;
    let member_2 = state["participants"][2]["id"].as_str().unwrap();
    assert!(!transcript
        .lines()
        .any(|l| l.contains("ballot_cast") && l.contains(member_2)));

    // The console knows who voted, so closing with fewer ballots than the
    // smallest group shown shows nothing at all.
    app.command(
        &session.id,
        json!({ "type": "close", "activity": "confidence" }),
    )
    .await;
    let state = app.state(&session.id).await;
    let results = &activity(&state, "confidence")["results"];
    assert_eq!(results["too_few"], true, "{results}");
    assert_eq!(results["all"]["ballots"], 0, "{results}");
    assert!(!app.votes_csv(&session.id).await.contains("confidence"));
    let report = app.page(&format!("/review/{}/report.md", session.id)).await;
    assert!(report.contains("Too few ballots to show"), "{report}");

    // Ideas: waiting until someone offers one.
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "mandate" }),
    )
    .await;
    acked(
        &phones[1]
            .command(json!({ "type": "idea", "activity": "mandate", "text": "More buses" }))
            .await,
    );
    let state = app.state(&session.id).await;
    assert_eq!(
        names(&state, &activity(&state, "mandate")["waiting"]),
        ["cabinet member 0", "cabinet member 2"]
    );
    app.stop().await;
}

#[tokio::test]
async fn admit_all_lets_everyone_in_and_hide_takes_results_off_the_screen() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w2-joint-vision").await;
    for (name, group) in [
        ("Cllr Patel", "cabinet"),
        ("Jo Director", "management"),
        ("Sam Observer", "observer"),
    ] {
        let joined = app.join(&session.code, name, group).await;
        assert!(!joined.admitted, "workshop 2 has a lobby");
    }
    let seq = app
        .command(&session.id, json!({ "type": "admit_all" }))
        .await;
    let state = app.state(&session.id).await;
    assert!(state["participants"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["admitted"] == true));
    // Nobody waits now: admitting all again changes nothing.
    assert_eq!(
        app.command(&session.id, json!({ "type": "admit_all" }))
            .await,
        seq
    );

    app.command(&session.id, json!({ "type": "open", "activity": "hopes" }))
        .await;
    app.command(&session.id, json!({ "type": "close", "activity": "hopes" }))
        .await;
    app.command(
        &session.id,
        json!({ "type": "reveal", "activity": "hopes" }),
    )
    .await;
    assert_eq!(
        activity(&app.state(&session.id).await, "hopes")["revealed"],
        true
    );
    app.command(&session.id, json!({ "type": "hide", "activity": "hopes" }))
        .await;
    assert_eq!(
        activity(&app.state(&session.id).await, "hopes")["revealed"],
        false
    );
    let (status, body) = app
        .try_command(
            &session.id,
            json!({ "type": "hide", "activity": "no-such" }),
        )
        .await;
    assert_eq!(status, 404, "{body}");
    assert!(app
        .transcript(&session.id)
        .await
        .contains("\"results_hidden\""));
    app.stop().await;
}

#[tokio::test]
async fn the_timer_takes_another_minute_and_an_action_needs_no_due_date() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "priorities" }),
    )
    .await;
    let timer = |state: &Value| activity(state, "priorities")["timer"].clone();
    let scripted = timer(&app.state(&session.id).await)["seconds_left"]
        .as_u64()
        .unwrap();
    app.command(
        &session.id,
        json!({ "type": "timer", "activity": "priorities", "action": "add" }),
    )
    .await;
    let t = timer(&app.state(&session.id).await);
    assert_eq!(t["seconds_left"].as_u64().unwrap(), scripted + 60, "{t}");
    assert_eq!(t["running"], false, "a stopped timer stays stopped");
    app.command(
        &session.id,
        json!({ "type": "timer", "activity": "priorities", "action": "start" }),
    )
    .await;
    app.command(
        &session.id,
        json!({ "type": "timer", "activity": "priorities", "action": "add", "seconds": 30 }),
    )
    .await;
    let t = timer(&app.state(&session.id).await);
    assert_eq!(t["running"], true, "{t}");
    assert!(
        t["seconds_left"].as_u64().unwrap() >= scripted + 60 + 28,
        "{t}"
    );
    let (status, body) = app
        .try_command(
            &session.id,
            json!({ "type": "timer", "activity": "priorities", "action": "add", "seconds": 90000 }),
        )
        .await;
    assert_eq!(status, 422, "{body}");

    app.command(
        &session.id,
        json!({ "type": "action", "text": "Draft the protocol", "owner": "Chief executive" }),
    )
    .await;
    app.command(
        &session.id,
        json!({ "type": "action", "text": "Book workshop 3", "owner": "Policy team", "due": "" }),
    )
    .await;
    let notes = app.state(&session.id).await["notes"].clone();
    assert_eq!(notes.as_array().unwrap().len(), 2, "{notes}");
    assert!(
        notes.as_array().unwrap().iter().all(|n| n["due"].is_null()),
        "{notes}"
    );
    let (status, body) = app
        .try_command(
            &session.id,
            json!({ "type": "action", "text": "Who does it?" }),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(
        body["error"]["message"], "the owner must not be empty",
        "{body}"
    );
    // A note sent as an action has no owner: refused, not filed as a note.
    let (status, body) = app
        .try_command(
            &session.id,
            json!({ "type": "note", "text": "Who does it?", "kind": "action" }),
        )
        .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (400, Some("wrong_kind"))
    );
    // The timeline (asked for) says what happened to the timer, and who
    // owns each action.
    let review = app
        .page(&format!("/review/{}?timeline=1", session.id))
        .await;
    for line in [
        "time added to the paused timer on Cabinet priorities",
        "timer started on Cabinet priorities",
        "time added to the timer on Cabinet priorities",
        "Draft the protocol (Chief executive)",
    ] {
        assert!(review.contains(line), "{line}");
    }
    app.stop().await;
}

#[tokio::test]
async fn the_public_address_is_what_the_qr_code_and_the_console_send_phones_to() {
    let dir = TempDir::new();
    let (app, key) = spawn_app_with(&dir.0, |config| {
        config.public_url = Some("https://workshops.example.org".parse().unwrap());
    })
    .await;
    let session = app.create_session("w1-cabinet").await;
    for page in ["screen", "facilitate"] {
        let html = app
            .http
            .get(app.url(&format!("/{page}/{}", session.id)))
            .bearer_auth(&key)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            html.contains("https://workshops.example.org"),
            "{page}: {html}"
        );
        assert!(
            !html.contains(&app.addr),
            "{page} gives phones the server's own address"
        );
        if page == "screen" {
            let qr = format!(
                "QR code for https://workshops.example.org/join/{}",
                session.code
            );
            assert!(html.contains(&qr), "{html}");
        }
    }
    app.stop().await;
}

#[tokio::test]
async fn teams_are_compared_only_when_both_voted() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w2-joint-vision").await;
    let mut cabinet = app.phones(&session, "cabinet", 2).await;
    app.command(&session.id, json!({ "type": "open", "activity": "roles" }))
        .await;
    let state = app.state(&session.id).await;
    let placements: serde_json::Map<String, Value> = activity(&state, "roles")["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["id"].as_str().unwrap().to_string(), json!("members")))
        .collect();
    for phone in &mut cabinet {
        acked(
            &phone
                .vote("roles", json!({ "placements": placements }))
                .await,
        );
    }
    let state = app.state(&session.id).await;
    let results = &activity(&state, "roles")["results"];
    assert!(
        results.get("comparison").is_none(),
        "management never voted: {results}"
    );
    app.stop().await;
}

#[tokio::test]
async fn projector_bars_take_their_width_from_a_class_because_the_policy_allows_no_inline_style() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let mut phones = app.phones(&session, "cabinet", 3).await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "priorities" }),
    )
    .await;
    for (i, phone) in phones.iter_mut().enumerate() {
        let dots = if i == 0 {
            json!({ "budget": 2 })
        } else {
            json!({ "budget": 2, "localism": 2 })
        };
        acked(&phone.vote("priorities", json!({ "dots": dots })).await);
    }
    let mut screen = Socket::staff(&app, &session.id, "screen").await;
    let seq = app
        .command(
            &session.id,
            json!({ "type": "reveal", "activity": "priorities" }),
        )
        .await;
    let html = screen.view_at_least(seq).await["html"]
        .as_str()
        .unwrap()
        .to_string();
    // Budget 6 of 6 is the longest bar; localism 4 is two thirds of it.
    assert!(html.contains("class=\"bar w100\""), "{html}");
    assert!(html.contains("class=\"bar w67\""), "{html}");
    assert!(!html.contains("style="), "{html}");
    // Workshop 1 is the cabinet's alone: no management column of zeros, and
    // no cabinet column repeating "All".
    assert!(
        html.contains(">Cabinet<") && !html.contains("Manage"),
        "{html}"
    );
    let report = app.page(&format!("/review/{}/report.md", session.id)).await;
    assert!(
        report.contains("| Option | All |\n") && !report.contains("Management |"),
        "{report}"
    );
    let css = app.page("/static/app.css").await;
    assert!(css.contains(".w67 { width: 67%; }"));
    app.stop().await;
}

#[tokio::test]
async fn a_vote_revealed_with_no_ballots_says_so_instead_of_drawing_empty_bars() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let mut screen = Socket::staff(&app, &session.id, "screen").await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "priorities" }),
    )
    .await;
    let seq = app
        .command(
            &session.id,
            json!({ "type": "reveal", "activity": "priorities" }),
        )
        .await;
    let html = screen.view_at_least(seq).await["html"].to_string();
    assert!(html.contains("No votes were cast."), "{html}");
    assert!(!html.contains("class=\\\"bar w"), "{html}");
    app.stop().await;
}

/// The projector may turn its own page (its keys, a clicker), which the
/// console then shows; it may do nothing else.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_projector_turns_its_page_and_nothing_else() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let mut screen = Socket::staff(&app, &session.id, "screen").await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "priorities" }),
    )
    .await;
    let turned = screen
        .command(json!({ "type": "page", "activity": "priorities", "page": 2 }))
        .await;
    assert_eq!(turned["type"], "ack", "{turned}");
    let seq = turned["seq"].as_u64().unwrap();
    let view = screen.view_at_least(seq).await;
    assert!(
        view["html"].as_str().unwrap().contains("data-page=\"2\""),
        "the server keeps the page the projector turned, for the console: {view}"
    );
    for command in [
        json!({ "type": "close", "activity": "priorities" }),
        json!({ "type": "reveal", "activity": "priorities" }),
        json!({ "type": "end" }),
    ] {
        let refused = screen.command(command.clone()).await;
        assert_eq!(refused["type"], "error", "{command}: {refused}");
        assert_eq!(refused["error"]["code"], "forbidden", "{refused}");
    }
    let state = app.state(&session.id).await;
    assert_eq!(state["status"], "live");
}

/// On the projector an idea names its team only where there are two: in the
/// cabinet's own workshop "(Cabinet)" on every idea would say nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idea_names_its_team_on_the_projector_only_where_there_are_two() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    for (workshop, activity_id, tagged) in [
        ("w1-cabinet", "mandate", false),
        ("w2-joint-vision", "hopes", true),
    ] {
        let session = app.create_session(workshop).await;
        let mut phones = app.phones(&session, "cabinet", 3).await;
        let mut screen = Socket::staff(&app, &session.id, "screen").await;
        app.command(
            &session.id,
            json!({ "type": "open", "activity": activity_id }),
        )
        .await;
        for (n, phone) in phones.iter_mut().enumerate() {
            let idea = format!("Idea number {n}");
            acked(
                &phone
                    .command(json!({ "type": "idea", "activity": activity_id, "text": idea }))
                    .await,
            );
        }
        app.command(
            &session.id,
            json!({ "type": "close", "activity": activity_id }),
        )
        .await;
        let seq = app
            .command(
                &session.id,
                json!({ "type": "reveal", "activity": activity_id }),
            )
            .await;
        let html = screen.view_at_least(seq).await["html"]
            .as_str()
            .unwrap()
            .to_string();
        let slide = &html[html.find("class=\"slide\"").expect("a slide")..];
        // The slide, not the screen reader's list beside it (which keeps
        // each idea's team, as the record does).
        let slide = &slide[..slide.find("visually-hidden").unwrap_or(slide.len())];
        assert!(slide.contains("Idea number 2"), "{slide}");
        assert_eq!(slide.contains("(Cabinet)"), tagged, "{workshop}: {slide}");
    }
}
