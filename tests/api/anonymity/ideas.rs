//! Anonymous ideas: no team, no order, no moment, anywhere.

use super::{make_anonymous, nowhere, refused_command, run, team_phones};
use crate::helpers::*;
use serde_json::{json, Value};

#[tokio::test]
async fn a_lone_cabinet_members_anonymous_idea_carries_no_team_order_or_moment() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w2-joint-vision").await;
    make_anonymous(&app, &session.id, &["hopes"]).await;
    let mut phones = team_phones(&app, &session, 1, 3).await;
    run(&app, &session.id, "open", "hopes").await;
    let texts = [
        "The Leader's own hope",
        "Officer hope one",
        "Officer hope two",
        "Officer hope three",
    ];
    for (phone, text) in phones.iter_mut().zip(texts) {
        let reply = phone
            .command(json!({ "type": "idea", "activity": "hopes", "text": text }))
            .await;
        acked(&reply);
        // While it is open the box is shut: no text, no count by team.
        nowhere(&app, &session.id, text).await;
        let state = app.state(&session.id).await;
        let hopes = activity(&state, "hopes");
        assert_eq!(hopes["ideas"], json!([]), "{hopes}");
        let cabinet = hopes["turnout"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["group"] == "cabinet")
            .unwrap();
        assert_eq!(cabinet["hidden"], true, "a team of one: {cabinet}");
        assert_eq!(cabinet["voted"], 0, "{cabinet}");
    }
    assert_eq!(
        activity(&app.state(&session.id).await, "hopes")["ideas_offered"],
        4
    );
    run(&app, &session.id, "close", "hopes").await;

    let state = app.state(&session.id).await;
    let hopes = activity(&state, "hopes");
    let ideas = hopes["ideas"].as_array().unwrap();
    assert_eq!(ideas.len(), 4, "every idea is there: {hopes}");
    let ids: Vec<&str> = ideas.iter().map(|i| i["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "listed by keyed id, not as they came");
    assert!(
        ids.iter().all(|id| id.starts_with('a') && id.len() == 13),
        "ids that are no seq: {ids:?}"
    );
    for part in ["ideas", "results"] {
        let text = hopes[part].to_string();
        assert!(!text.contains("\"group\""), "{part}: {text}");
    }
    assert!(
        hopes["results"]["cabinet"].is_null(),
        "no split of ideas by team"
    );
    let report = app
        .page(&format!("/review/{}/report.json", session.id))
        .await;
    let report: Value = serde_json::from_str(&report).unwrap();
    let reported = activity(&report, "hopes");
    for part in ["ideas", "results"] {
        let text = reported[part].to_string();
        assert!(!text.contains("\"group\""), "{part}: {text}");
    }
    let md = app.page(&format!("/review/{}/report.md", session.id)).await;
    assert!(md.contains("- The Leader's own hope\n"), "{md}");
    let transcript = app.transcript(&session.id).await;
    assert!(!transcript.contains("idea_added"), "{transcript}");
    assert!(
        transcript.contains("The Leader's own hope"),
        "in the sealed results"
    );
    // Reopening would show a latecomer's idea as the one that is new.
    refused_command(
        &app,
        &session.id,
        json!({ "type": "open", "activity": "hopes" }),
        "anonymous_sealed",
    )
    .await;
    app.stop().await;
}

#[tokio::test]
async fn ideas_from_too_few_people_stay_unshown_and_carried_ideas_keep_no_order() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w2-joint-vision").await;
    make_anonymous(&app, &session.id, &["localism"]).await;
    let mut phones = team_phones(&app, &session, 3, 1).await;
    let send = |text: &str| json!({ "type": "idea", "activity": "localism", "text": text });
    run(&app, &session.id, "open", "localism").await;
    // Two people offer ideas: closed so, they are theirs however listed.
    acked(&phones[0].command(send("zeta: ward forums")).await);
    acked(&phones[1].command(send("alpha: parish compacts")).await);
    run(&app, &session.id, "close", "localism").await;
    let state = app.state(&session.id).await;
    let localism = activity(&state, "localism");
    assert_eq!(localism["ideas"], json!([]), "{localism}");
    assert_eq!(localism["results"]["too_few"], true);
    nowhere(&app, &session.id, "parish compacts").await;
    // Nothing was shown, so it may open again for more.
    run(&app, &session.id, "open", "localism").await;
    acked(&phones[2].command(send("mid: youth panels")).await);
    acked(&phones[3].command(send("beta: open budgets")).await);
    run(&app, &session.id, "open", "localism-dots").await;
    let state = app.state(&session.id).await;
    let carried: Vec<Value> = activity(&state, "localism-dots")["options"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["id"].as_str().unwrap().starts_with('a'))
        .cloned()
        .collect();
    assert_eq!(carried.len(), 4, "every idea carried: {carried:?}");
    let ids: Vec<&str> = carried.iter().map(|o| o["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "by keyed id, not as they came");
    app.stop().await;
}

/// The attacker of the hostile pass: after close, hide each anonymous idea
/// in turn and watch the count of authors and the suppression. If hiding
/// one idea moved them but hiding another did not, the two would share an
/// author. Nothing may move.
#[tokio::test]
async fn hiding_anonymous_ideas_one_by_one_says_nothing_about_who_wrote_which() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w2-joint-vision").await;
    let path = format!("/api/sessions/{}/script", session.id);
    let (_, mut script) = app.get_json(&path, Some(KEY)).await;
    for a in script["activity"].as_array_mut().unwrap() {
        if a["id"] == "hopes" {
            a["anonymous"] = json!(true);
            a["max_ideas"] = json!(3);
        }
    }
    let (status, body) = put_script(&app, &session.id, &script).await;
    assert_eq!(status, 200, "{body}");
    let mut phones = team_phones(&app, &session, 2, 2).await;
    run(&app, &session.id, "open", "hopes").await;
    // One person offers three ideas, two offer one each, one none.
    let offers: [(usize, &str); 5] = [
        (0, "Prolific one"),
        (0, "Prolific two"),
        (0, "Prolific three"),
        (1, "Second person"),
        (2, "Third person"),
    ];
    for (who, text) in offers {
        acked(
            &phones[who]
                .command(json!({ "type": "idea", "activity": "hopes", "text": text }))
                .await,
        );
    }
    run(&app, &session.id, "close", "hopes").await;
    let ids: Vec<String> = activity(&app.state(&session.id).await, "hopes")["ideas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 5);
    // What the facilitator sees besides the list itself.
    let seen = |state: Value| {
        let hopes = activity(&state, "hopes").clone();
        let results = &hopes["results"]["all"];
        (
            results["ballots"].clone(),
            hopes["results"]["too_few"].clone(),
            hopes["turnout"].clone(),
        )
    };
    let before = seen(app.state(&session.id).await);
    assert_eq!(before.0, 3, "three people offered ideas: {before:?}");
    for id in &ids {
        let hide = json!({ "type": "hide_idea", "activity": "hopes", "idea": id });
        app.command(&session.id, hide).await;
        let state = app.state(&session.id).await;
        assert_eq!(seen(state), before, "hiding {id} moved a count");
        let console = app.page(&format!("/facilitate/{}", session.id)).await;
        assert!(console.contains("from 3 people"), "{console}");
        let show = json!({ "type": "show_idea", "activity": "hopes", "idea": id });
        app.command(&session.id, show).await;
    }
    // Two hidden at once, any two: still nothing moves.
    for pair in ids.windows(2) {
        for id in pair {
            let hide = json!({ "type": "hide_idea", "activity": "hopes", "idea": id });
            app.command(&session.id, hide).await;
        }
        assert_eq!(seen(app.state(&session.id).await), before);
        for id in pair {
            let show = json!({ "type": "show_idea", "activity": "hopes", "idea": id });
            app.command(&session.id, show).await;
        }
    }
    // The record's timeline says each was hidden and shown, naming none:
    // an anonymous idea is quoted only where its results show it.
    let md = app.page(&format!("/review/{}/report.md", session.id)).await;
    assert!(md.contains("the facilitator hid an idea\n"), "{md}");
    for line in md.lines().filter(|l| l.contains("the facilitator hid")) {
        assert!(!line.contains('\u{201c}'), "{line}");
    }
}
