//! Live voting with many phones in two groups.

use crate::helpers::*;
use serde_json::json;
use std::collections::BTreeMap;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_participants_in_two_groups_vote_and_totals_by_group_are_right() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("vote").await;
    let mut screen = Socket::staff(&app, &session.id, "screen").await;
    let mut cabinet = app.phones(&session, "cabinet", 10).await;
    let mut management = app.phones(&session, "management", 10).await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "priorities" }),
    )
    .await;

    // Cabinet: 3 on housing, 2 on budget. Management: 2 on performance, 3 on roles.
    let mut expected: BTreeMap<(&str, &str), u64> = BTreeMap::new();
    let mut last_seq = 0;
    for phone in &mut cabinet {
        let seq = acked(
            &phone
                .vote(
                    "priorities",
                    json!({ "dots": { "housing-regeneration": 3, "budget": 2 } }),
                )
                .await,
        );
        last_seq = last_seq.max(seq);
    }
    *expected
        .entry(("cabinet", "housing-regeneration"))
        .or_default() += 30;
    *expected.entry(("cabinet", "budget")).or_default() += 20;
    for phone in &mut management {
        let seq = acked(
            &phone
                .vote(
                    "priorities",
                    json!({ "dots": { "strategic-performance": 2, "roles": 3 } }),
                )
                .await,
        );
        last_seq = last_seq.max(seq);
    }
    *expected
        .entry(("management", "strategic-performance"))
        .or_default() += 20;
    *expected.entry(("management", "roles")).or_default() += 30;

    // Two people change their minds: only their last ballot counts.
    let seq = acked(
        &cabinet[0]
            .vote("priorities", json!({ "dots": { "localism": 1 } }))
            .await,
    );
    last_seq = last_seq.max(seq);
    *expected
        .get_mut(&("cabinet", "housing-regeneration"))
        .unwrap() -= 3;
    *expected.get_mut(&("cabinet", "budget")).unwrap() -= 2;
    *expected.entry(("cabinet", "localism")).or_default() += 1;
    let seq = acked(
        &management[9]
            .vote("priorities", json!({ "dots": { "roles": 3, "budget": 2 } }))
            .await,
    );
    last_seq = last_seq.max(seq);
    *expected
        .get_mut(&("management", "strategic-performance"))
        .unwrap() -= 2;
    *expected.entry(("management", "budget")).or_default() += 2;

    let state = app.state(&session.id).await;
    for group in ["cabinet", "management"] {
        let result = totals(&state, "priorities", group);
        assert_eq!(result["ballots"], 10, "{group}: {result}");
        for (option, total) in result["totals"].as_object().unwrap() {
            let want = expected
                .get(&(group, option.as_str()))
                .copied()
                .unwrap_or(0);
            assert_eq!(total.as_u64().unwrap(), want, "{group} {option}");
        }
    }
    let all = totals(&state, "priorities", "all");
    assert_eq!(all["ballots"], 20);
    assert_eq!(all["totals"]["roles"], 30);
    assert_eq!(all["totals"]["budget"], 20 - 2 + 2);

    // The projector catches up with the turnout (re-votes change nothing it
    // shows, so they send no new view), and shows results once revealed.
    let full = |m: &serde_json::Value| {
        let html = m["html"].as_str().unwrap_or("");
        m["type"] == "view" && html.matches("10</strong> of 10 voted").count() == 2
    };
    screen.wait_for(full).await;
    assert!(last_seq > 0);
    let revealed = app
        .command(
            &session.id,
            json!({ "type": "reveal", "activity": "priorities" }),
        )
        .await;
    let view = screen.view_at_least(revealed).await;
    let html = view["html"].as_str().unwrap();
    assert!(
        html.contains("Dots by option (answers from 20 people)"),
        "{html}"
    );
}

#[tokio::test]
async fn results_stay_hidden_from_phones_until_revealed() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("vote").await;
    let mut phones = app.phones(&session, "cabinet", 1).await;
    let phone = &mut phones[0];
    let opened = app
        .command(
            &session.id,
            json!({ "type": "open", "activity": "priorities" }),
        )
        .await;
    let view = phone.view_at_least(opened).await;
    assert!(view["html"].as_str().unwrap().contains("Save my vote"));
    let seq = acked(
        &phone
            .vote("priorities", json!({ "dots": { "roles": 2 } }))
            .await,
    );
    let closed = app
        .command(
            &session.id,
            json!({ "type": "close", "activity": "priorities" }),
        )
        .await;
    assert!(closed > seq);
    let view = phone.view_at_least(closed).await;
    let html = view["html"].as_str().unwrap();
    assert!(html.contains("Voting is closed"), "{html}");
    assert!(
        !html.contains("Dots by option"),
        "results leaked before reveal: {html}"
    );
    let revealed = app
        .command(
            &session.id,
            json!({ "type": "reveal", "activity": "priorities" }),
        )
        .await;
    let view = phone.view_at_least(revealed).await;
    assert!(view["html"]
        .as_str()
        .unwrap()
        .contains("Dots by option (answers from 1 person)"));
}

/// Hidden ballots are not even rendered for phones (they cannot change what a
/// phone shows); once results are revealed, every ballot reaches every phone.
#[tokio::test]
async fn phones_hear_of_ballots_only_once_results_are_revealed() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("vote").await;
    let mut phones = app.phones(&session, "cabinet", 3).await;
    let opened = app
        .command(
            &session.id,
            json!({ "type": "open", "activity": "priorities" }),
        )
        .await;
    phones[0].view_at_least(opened).await;
    for phone in &mut phones[1..] {
        acked(
            &phone
                .vote("priorities", json!({ "dots": { "roles": 1 } }))
                .await,
        );
    }
    let revealed = app
        .command(
            &session.id,
            json!({ "type": "reveal", "activity": "priorities" }),
        )
        .await;
    let next = phones[0].wait_for(|m| m["type"] == "view").await;
    assert!(next["seq"].as_u64().unwrap() >= revealed, "{next}");
    assert!(next["html"]
        .as_str()
        .unwrap()
        .contains("(answers from 2 people)"));
    acked(
        &phones[2]
            .vote("priorities", json!({ "dots": { "budget": 3 } }))
            .await,
    );
    acked(
        &phones[0]
            .vote("priorities", json!({ "dots": { "roles": 1 } }))
            .await,
    );
    phones[1]
        .wait_for(|m| {
            m["type"] == "view"
                && m["html"]
                    .as_str()
                    .unwrap_or("")
                    .contains("(answers from 3 people)")
        })
        .await;
}

/// The ack and the view a ballot changed may leave in one write; the phone
/// must still read the ack first and then the view, whole, with the ballot in it.
#[tokio::test]
async fn a_voter_reads_the_ack_then_the_view_its_ballot_changed() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("vote").await;
    let mut phones = app.phones(&session, "cabinet", 2).await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "priorities" }),
    )
    .await;
    let revealed = app
        .command(
            &session.id,
            json!({ "type": "reveal", "activity": "priorities" }),
        )
        .await;
    let mut latest = revealed;
    for (n, phone) in phones.iter_mut().enumerate() {
        // Everything before this ballot read, and past the render throttle,
        // so this ballot is rendered at once.
        phone.view_at_least(latest).await;
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
        let vote = json!({ "type": "vote", "activity": "priorities", "client_id": format!("v{n}"), "ballot": { "dots": { "roles": 1 } } });
        phone.send_text(vote.to_string()).await;
        let ack = phone.wait_for(|m| m["type"] != "ballot").await;
        assert_eq!(ack["type"], "ack", "the ack comes first: {ack}");
        assert_eq!(ack["client_id"], format!("v{n}"));
        let view = phone.next_json().await;
        assert_eq!(view["type"], "view", "{view}");
        latest = acked(&ack);
        assert!(view["seq"].as_u64().unwrap() >= latest, "{view}");
        let ballots = format!("(answers from {} pe", n + 1);
        assert!(view["html"].as_str().unwrap().contains(&ballots), "{view}");
    }
}

#[tokio::test]
async fn a_lobby_holds_joiners_until_admitted() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("vote").await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "priorities" }),
    )
    .await;
    let joined = app.join(&session.code, "Jo Director", "management").await;
    assert!(!joined.admitted, "workshop 2 has a lobby");
    let mut phone = Socket::participant(&app, &session.id, &joined).await;
    let welcome = phone.next_json().await;
    assert_eq!(welcome["type"], "welcome");
    assert_eq!(welcome["admitted"], false);
    assert_eq!(phone.next_json().await["type"], "time");
    let waiting = phone.next_json().await;
    assert!(waiting["html"]
        .as_str()
        .unwrap()
        .contains("Waiting to be admitted"));
    refused(
        &phone
            .vote("priorities", json!({ "dots": { "roles": 1 } }))
            .await,
        "not_admitted",
    );

    let admitted = app
        .command(
            &session.id,
            json!({ "type": "admit", "participant": joined.id }),
        )
        .await;
    let view = phone.view_at_least(admitted).await;
    assert!(
        view["html"].as_str().unwrap().contains("Save my vote"),
        "{view}"
    );
    acked(
        &phone
            .vote("priorities", json!({ "dots": { "roles": 1 } }))
            .await,
    );
}
