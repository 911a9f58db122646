//! A kind's own commands (ideas, amendments) reach only an activity of
//! that kind, and the poll and matrix kinds end to end: phones vote over real sockets, the
//! refusals, the results by team, the projector, the exports, and carry-over.

use crate::helpers::*;
use serde_json::json;

async fn open(app: &TestApp, session: &str, activity: &str) -> u64 {
    app.command(session, json!({ "type": "open", "activity": activity }))
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_poll_counts_shares_of_each_team_s_voters_and_feeds_a_ranking() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("kinds").await;
    let mut cabinet = app.phones(&session, "cabinet", 3).await;
    let mut management = app.phones(&session, "management", 2).await;
    open(&app, &session.id, "often").await;

    // One choice, by either shape; more than one is refused.
    acked(
        &cabinet[0]
            .vote("often", json!({ "choice": "monthly" }))
            .await,
    );
    acked(
        &cabinet[1]
            .vote("often", json!({ "choices": ["monthly"] }))
            .await,
    );
    acked(
        &cabinet[2]
            .vote("often", json!({ "choice": "quarterly" }))
            .await,
    );
    let two = cabinet[2]
        .vote("often", json!({ "choices": ["monthly", "quarterly"] }))
        .await;
    refused(&two, "invalid_ballot");
    assert_eq!(two["error"]["message"], "choose one option");
    refused(
        &cabinet[2]
            .vote("often", json!({ "choice": "yearly" }))
            .await,
        "unknown_option",
    );
    refused(
        &cabinet[2]
            .vote("often", json!({ "points": { "x": { "x": 1, "y": 1 } } }))
            .await,
        "wrong_ballot_kind",
    );
    refused(
        &cabinet[2].vote("often", json!({ "choices": [] })).await,
        "empty_ballot",
    );
    acked(
        &management[0]
            .vote("often", json!({ "choice": "fortnightly" }))
            .await,
    );

    let state = app.state(&session.id).await;
    let results = &activity(&state, "often")["results"];
    assert_eq!(results["all"]["ballots"], 4);
    assert_eq!(results["all"]["counts"]["monthly"], 2);
    assert_eq!(
        results["cabinet"]["counts"]["quarterly"], 1,
        "refusals changed nothing"
    );
    assert_eq!(results["management"]["counts"]["fortnightly"], 1);
    assert_eq!(activity(&state, "often")["max_choices"], 1);

    // Up to two; chosen twice is refused; the normal form is script order.
    open(&app, &session.id, "topics").await;
    refused(
        &cabinet[0]
            .vote("topics", json!({ "choices": ["roles", "roles"] }))
            .await,
        "invalid_ballot",
    );
    refused(
        &cabinet[0]
            .vote(
                "topics",
                json!({ "choices": ["roles", "budget", "performance"] }),
            )
            .await,
        "invalid_ballot",
    );
    for phone in cabinet.iter_mut() {
        acked(
            &phone
                .vote("topics", json!({ "choices": ["roles", "budget"] }))
                .await,
        );
    }
    for phone in management.iter_mut() {
        acked(&phone.vote("topics", json!({ "choices": ["budget"] })).await);
    }
    let transcript = app.transcript(&session.id).await;
    assert!(
        transcript.contains(r#""ballot":{"choices":["budget","roles"]}"#),
        "{transcript}"
    );

    // The projector draws each team's share of its own voters.
    let mut screen = Socket::staff(&app, &session.id, "screen").await;
    app.command(
        &session.id,
        json!({ "type": "close", "activity": "topics" }),
    )
    .await;
    let seq = app
        .command(
            &session.id,
            json!({ "type": "reveal", "activity": "topics" }),
        )
        .await;
    let html = screen.view_at_least(seq).await["html"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        html.contains("Share of each team\u{2019}s voters"),
        "{html}"
    );
    // Budget: every voter in both teams, 100%; roles: all the cabinet, none of management.
    assert!(html.contains("class=\"bar w100\""), "{html}");
    assert!(html.contains(">0%<"), "{html}");
    assert!(html.contains("5 (100%)"), "the table beside it: {html}");

    // Exports: one row per choice, and the Markdown table.
    let csv = app.votes_csv(&session.id).await;
    assert!(
        csv.contains("topics") && csv.contains("roles") && csv.contains("chosen"),
        "{csv}"
    );
    let report = app.page(&format!("/review/{}/report.md", session.id)).await;
    assert!(report.contains("| Option (voters, share) |"), "{report}");
    assert!(report.contains("| The budget | 5 (100%) |"), "{report}");

    // A later ranking takes the options anyone chose, most chosen first.
    open(&app, &session.id, "topics-ranked").await;
    let state = app.state(&session.id).await;
    let carried: Vec<&str> = activity(&state, "topics-ranked")["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert_eq!(carried, ["budget", "roles"]);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_matrix_places_items_one_at_a_time_and_shows_each_team_s_point_and_the_gap() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("kinds").await;
    let mut cabinet = app.phones(&session, "cabinet", 3).await;
    let mut management = app.phones(&session, "management", 3).await;
    open(&app, &session.id, "grid").await;

    refused(
        &cabinet[0]
            .vote("grid", json!({ "points": { "homes": { "x": 0, "y": 3 } } }))
            .await,
        "score_out_of_range",
    );
    refused(
        &cabinet[0]
            .vote("grid", json!({ "points": { "homes": { "x": 2 } } }))
            .await,
        "invalid_request",
    );
    // Item by item: the second answer adds to the first.
    for phone in cabinet.iter_mut() {
        acked(
            &phone
                .vote("grid", json!({ "points": { "homes": { "x": 2, "y": 5 } } }))
                .await,
        );
        acked(
            &phone
                .vote("grid", json!({ "points": { "jobs": { "x": 4, "y": 3 } } }))
                .await,
        );
    }
    for phone in management.iter_mut() {
        acked(
            &phone
                .vote("grid", json!({ "points": { "homes": { "x": 5, "y": 1 }, "jobs": { "x": 4, "y": 3 } } }))
                .await,
        );
    }
    let state = app.state(&session.id).await;
    let grid = activity(&state, "grid");
    let turnout = &grid["turnout"];
    assert!(
        turnout
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["in_progress"] == 0),
        "{turnout}"
    );
    let homes = &grid["results"]["cabinet"]["items"]["homes"];
    assert_eq!(
        (
            homes["n"].as_u64(),
            homes["x"].as_f64(),
            homes["y"].as_f64()
        ),
        (Some(3), Some(2.0), Some(5.0))
    );
    assert_eq!(grid["results"]["all"]["items"]["homes"]["x"], 3.5);
    assert_eq!(grid["x_axis"], "How well we deliver it today");

    let mut screen = Socket::staff(&app, &session.id, "screen").await;
    app.command(&session.id, json!({ "type": "close", "activity": "grid" }))
        .await;
    let seq = app
        .command(&session.id, json!({ "type": "reveal", "activity": "grid" }))
        .await;
    let html = screen.view_at_least(seq).await["html"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(html.contains("<svg class=\"chart matrix\""), "{html}");
    assert!(html.contains("How much it matters"), "{html}");
    // Homes: cabinet (2,5), management (5,1): 5 apart. Jobs: the same point.
    assert!(html.contains("Furthest apart: 1 (5.0)<"), "{html}");
    assert!(html.contains("Cabinet (filled circle)"), "{html}");
    assert!(html.contains("1. More affordable homes"), "{html}");
    // White numbers on the cabinet's circles by a class: the page's rules
    // allow no inline style.
    assert!(
        html.contains("class=\"on-dark\"") && !html.contains("style="),
        "{html}"
    );
    // A screen reader reads the table, with the gap in words.
    assert!(
        html.contains("the teams\u{2019} points are 5.0 scale points apart"),
        "{html}"
    );

    let csv = app.votes_csv(&session.id).await;
    assert!(csv.contains("x=5;y=1"), "{csv}");
    let report = app.page(&format!("/review/{}/report.md", session.id)).await;
    assert!(
        report.contains("Across: How well we deliver it today. Up: How much it matters."),
        "{report}"
    );
    assert!(
        report.contains("- More affordable homes: 5.0 scale points apart"),
        "{report}"
    );
    let review = app.page(&format!("/review/{}", session.id)).await;
    assert!(review.contains("svg class=\"chart matrix\""), "{review}");
    // The printed pack draws the grid above the table, with its key.
    let (_, pdf) = app.pdf(&format!("/review/{}/pack.pdf", session.id)).await;
    let (_, text) = pdf_facts(&pdf, "pack-matrix");
    assert!(
        text.contains("Grid key: 1 More affordable homes; 2 Good local jobs"),
        "{text}"
    );
    assert!(text.contains("cabinet a filled circle"), "{text}");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_anonymous_matrix_hides_an_item_too_few_placed_and_draws_no_team_gap_for_it() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("kinds").await;
    let mut cabinet = app.phones(&session, "cabinet", 3).await;
    let mut management = app.phones(&session, "management", 3).await;
    open(&app, &session.id, "secret-grid").await;
    for phone in cabinet.iter_mut().chain(management.iter_mut()) {
        acked(
            &phone
                .vote(
                    "secret-grid",
                    json!({ "points": { "homes": { "x": 3, "y": 4 } } }),
                )
                .await,
        );
    }
    // Jobs: one cabinet member alone, and two of management.
    acked(
        &cabinet[0]
            .vote(
                "secret-grid",
                json!({ "points": { "jobs": { "x": 1, "y": 1 } } }),
            )
            .await,
    );
    for phone in management.iter_mut().take(2) {
        acked(
            &phone
                .vote(
                    "secret-grid",
                    json!({ "points": { "jobs": { "x": 5, "y": 5 } } }),
                )
                .await,
        );
    }
    let mut screen = Socket::staff(&app, &session.id, "screen").await;
    app.command(
        &session.id,
        json!({ "type": "close", "activity": "secret-grid" }),
    )
    .await;
    let seq = app
        .command(
            &session.id,
            json!({ "type": "reveal", "activity": "secret-grid" }),
        )
        .await;
    let state = app.state(&session.id).await;
    let results = &activity(&state, "secret-grid")["results"];
    assert_eq!(results["room_only_items"], json!(["jobs"]), "{results}");
    assert_eq!(results["cabinet"]["items"]["jobs"]["n"], 0, "{results}");
    assert!(
        results["all"]["items"]["jobs"]["x"].as_f64().is_some(),
        "three placed it in the room"
    );
    let html = screen.view_at_least(seq).await["html"]
        .as_str()
        .unwrap()
        .to_string();
    // The lone cabinet placing cannot be read off a team point or a gap.
    assert!(!html.contains("Good local jobs: the teams"), "{html}");
    assert!(
        html.contains("More affordable homes: the teams\u{2019} points are 0.0 scale"),
        "homes: both teams at (3,4): {html}"
    );
    assert!(
        !html.contains("Furthest apart"),
        "no gap wider than none: {html}"
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kind_s_own_commands_reach_only_its_activities_and_say_why_not() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w2-joint-vision").await;
    let mut phones = app.phones(&session, "cabinet", 1).await;
    open(&app, &session.id, "hopes").await;

    // An idea to the ideas activity is the kind's; the same to a rating,
    // or an amendment to ideas, is refused in words naming both kinds.
    acked(
        &phones[0]
            .command(json!({ "type": "idea", "activity": "hopes", "text": "No surprises" }))
            .await,
    );
    let to_rating = phones[0]
        .command(json!({ "type": "idea", "activity": "recap", "text": "No surprises" }))
        .await;
    refused(&to_rating, "wrong_kind");
    let said = to_rating["error"]["message"].as_str().unwrap();
    assert!(said.contains("which is for Ideas activities"), "{said}");
    let (status, body) = app
        .try_command(
            &session.id,
            json!({ "type": "amend", "activity": "hopes", "item": "x", "text": "y" }),
        )
        .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (400, Some("wrong_kind")),
        "{body}"
    );

    // A phone may not moderate, and the console may not offer an idea.
    let state = app.state(&session.id).await;
    let idea = activity(&state, "hopes")["ideas"][0]["id"].clone();
    let hide = phones[0]
        .command(json!({ "type": "hide_idea", "activity": "hopes", "idea": idea }))
        .await;
    refused(&hide, "forbidden");
    // A phone may never amend, whichever activity it names.
    for activity in ["hopes", "protocol"] {
        let amend = phones[0]
            .command(
                json!({ "type": "amend", "activity": activity, "item": "two-way", "text": "y" }),
            )
            .await;
        refused(&amend, "forbidden");
    }
    let (status, body) = app
        .try_command(
            &session.id,
            json!({ "type": "idea", "activity": "hopes", "text": "From the console" }),
        )
        .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (403, Some("forbidden")),
        "{body}"
    );

    // The kind decides and the transcript keeps its event as the kind wrote it.
    app.command(
        &session.id,
        json!({ "type": "hide_idea", "activity": "hopes", "idea": idea }),
    )
    .await;
    // An idea merged into another is that one's now: it is not changed alone.
    let localism = "localism";
    open(&app, &session.id, localism).await;
    for text in ["Ward forums", "Ward forums in every ward"] {
        let offer = json!({ "type": "idea", "activity": localism, "text": text });
        acked(&phones[0].command(offer).await);
    }
    let state = app.state(&session.id).await;
    let ids: Vec<serde_json::Value> = activity(&state, localism)["ideas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].clone())
        .collect();
    let merge =
        json!({ "type": "merge_idea", "activity": localism, "idea": ids[0], "into": ids[1] });
    app.command(&session.id, merge).await;
    for again in ["hide_idea", "show_idea", "merge_idea"] {
        let mut command = json!({ "type": again, "activity": localism, "idea": ids[0] });
        if again == "merge_idea" {
            command["into"] = ids[1].clone();
        }
        let (status, body) = app.try_command(&session.id, command).await;
        assert_eq!(status, 400, "{again}: {body}");
        let said = body["error"]["message"].as_str().unwrap();
        assert!(said.contains("merged into another"), "{said}");
    }
    let transcript = app.transcript(&session.id).await;
    let hidden =
        json!({ "type": "idea_hidden", "activity": "hopes", "idea": idea, "hidden": true });
    let recorded = transcript
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .any(|record| record["event"] == hidden);
    assert!(recorded, "{transcript}");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_s_form_follows_an_amendment_and_the_room_s_ballots_leave_it_alone() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w2-joint-vision").await;
    let mut phones = app.phones(&session, "cabinet", 2).await;
    let seq = open(&app, &session.id, "protocol").await;
    let form = phones[0].view_at_least(seq).await["html"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        form.contains("No surprises: we raise emerging problems"),
        "{form}"
    );

    // Another phone's ballot changes nothing this phone sees (results are
    // hidden), so its form is the one drawn before, byte for byte.
    let answer = json!({ "responses": { "no-surprises": { "response": "agree" } } });
    let voted = acked(&phones[1].vote("protocol", answer).await);
    let reveal = app
        .command(
            &session.id,
            json!({ "type": "reveal", "activity": "protocol" }),
        )
        .await;
    assert!(reveal > voted);
    let revealed = phones[0].view_at_least(reveal).await["html"]
        .as_str()
        .unwrap()
        .to_string();
    let form_of =
        |html: &str| html[html.find("<form").unwrap()..html.find("</form>").unwrap()].to_string();
    assert_eq!(form_of(&revealed), form_of(&form));

    // An amendment rewords the form at once.
    let amended = app
        .command(
            &session.id,
            json!({ "type": "amend", "activity": "protocol", "item": "no-surprises",
                    "text": "No surprises: we warn each other early." }),
        )
        .await;
    let html = phones[0].view_at_least(amended).await["html"]
        .as_str()
        .unwrap()
        .to_string();
    let form = form_of(&html);
    assert!(
        form.contains("No surprises: we warn each other early."),
        "{form}"
    );
    assert!(!form.contains("we raise emerging problems"), "{form}");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_is_told_its_own_ideas_as_the_facilitator_left_them() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w2-joint-vision").await;
    let bob = app.admitted(&session, "Bob", "cabinet").await;
    let mut phone = Socket::participant(&app, &session.id, &bob).await;
    let told = phone
        .wait_for(|m| m["type"] == "entries" && m["activity"] == "hopes")
        .await;
    assert_eq!(told["entries"], json!([]), "{told}");
    open(&app, &session.id, "hopes").await;
    acked(
        &phone
            .command(json!({ "type": "idea", "activity": "hopes", "text": "Shared priorities" }))
            .await,
    );
    let state = app.state(&session.id).await;
    let idea = activity(&state, "hopes")["ideas"][0]["id"].clone();
    let edit = json!({ "type": "edit_idea", "activity": "hopes", "idea": idea, "text": "Shared priorities both teams own" });
    app.command(&session.id, edit).await;

    // A reload, or another browser, lists the idea as it now reads.
    phone.close().await;
    let mut again = Socket::participant(&app, &session.id, &bob).await;
    let told = again
        .wait_for(|m| m["type"] == "entries" && m["activity"] == "hopes")
        .await;
    assert_eq!(
        told["entries"],
        json!(["Shared priorities both teams own"]),
        "{told}"
    );
    again.close().await;

    // Hidden, it no longer counts against the one idea allowed: the phone
    // is told none, and may offer another.
    app.command(
        &session.id,
        json!({ "type": "hide_idea", "activity": "hopes", "idea": idea }),
    )
    .await;
    let mut third = Socket::participant(&app, &session.id, &bob).await;
    let told = third
        .wait_for(|m| m["type"] == "entries" && m["activity"] == "hopes")
        .await;
    assert_eq!(told["entries"], json!([]), "{told}");
    acked(
        &third
            .command(json!({ "type": "idea", "activity": "hopes", "text": "Another hope" }))
            .await,
    );
    app.stop().await;
}
