//! The whole series, three sessions over real websockets: workshop 1's winning
//! priority reaches workshop 2, and workshop 2's agreed priorities become
//! workshop 3's performance agreements.

use crate::helpers::*;
use serde_json::{json, Value};

fn labels(state: &Value, id: &str) -> Vec<String> {
    activity(state, id)["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["label"].as_str().unwrap().to_string())
        .collect()
}

fn option_id(state: &Value, activity_id: &str, label: &str) -> String {
    activity(state, activity_id)["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["label"] == label)
        .unwrap_or_else(|| panic!("no option {label:?} in {activity_id}"))["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_series_carries_priorities_from_workshop_1_to_2_to_3() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;

    // Workshop 1: the cabinet alone.
    let w1 = app.create_session("w1-cabinet").await;
    let mut cabinet = app.phones(&w1, "cabinet", 3).await;
    app.command(&w1.id, json!({ "type": "open", "activity": "mandate" }))
        .await;
    for (phone, text) in cabinet.iter_mut().zip([
        "Build more affordable homes",
        "Fix the roads",
        "Repair the roads",
    ]) {
        acked(
            &phone
                .command(json!({ "type": "idea", "activity": "mandate", "text": text }))
                .await,
        );
    }
    let state = app.state(&w1.id).await;
    let ideas = activity(&state, "mandate")["ideas"]
        .as_array()
        .unwrap()
        .clone();
    let id_of = |text: &str| {
        ideas.iter().find(|i| i["text"] == text).unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    app.command(&w1.id, json!({ "type": "merge_idea", "activity": "mandate", "idea": id_of("Repair the roads"), "into": id_of("Fix the roads") })).await;
    app.command(&w1.id, json!({ "type": "open", "activity": "priorities" }))
        .await;
    let state = app.state(&w1.id).await;
    let options = labels(&state, "priorities");
    assert_eq!(
        options[..2],
        [
            "Build more affordable homes".to_string(),
            "Fix the roads".to_string()
        ],
        "ideas come first, merged ones once"
    );
    assert!(
        options.contains(&"A balanced budget with greater efficiencies".to_string()),
        "seeded options follow"
    );
    let homes = option_id(&state, "priorities", "Build more affordable homes");
    for phone in &mut cabinet {
        acked(
            &phone
                .vote(
                    "priorities",
                    json!({ "dots": { homes.clone(): 3, "budget": 2 } }),
                )
                .await,
        );
    }
    // The cabinet's asks of its officers: one amended, one objected to.
    app.command(
        &w1.id,
        json!({ "type": "open", "activity": "needs-agreement" }),
    )
    .await;
    for phone in &mut cabinet {
        acked(
            &phone
                .vote(
                    "needs-agreement",
                    json!({ "responses": {
            "unbiased-advice": { "response": "agree" },
            "costed-options": { "response": "object", "reason": "say what each saves" },
        } }),
                )
                .await,
        );
    }
    app.command(&w1.id, json!({ "type": "amend", "activity": "needs-agreement", "item": "costed-options", "text": COSTED })).await;
    for phone in &mut cabinet {
        acked(
            &phone
                .vote(
                    "needs-agreement",
                    json!({ "responses": { "costed-options": { "response": "agree" } } }),
                )
                .await,
        );
    }
    acked(&cabinet[0].vote("needs-agreement", json!({ "responses": { "early-warning": { "response": "object", "reason": "too vague" } } })).await);
    app.command(
        &w1.id,
        json!({ "type": "close", "activity": "needs-agreement" }),
    )
    .await;
    app.command(&w1.id, json!({ "type": "open", "activity": "actions" }))
        .await;
    app.command(
        &w1.id,
        json!({ "type": "note", "kind": "decision", "text": "Meet the management team monthly" }),
    )
    .await;
    app.command(&w1.id, json!({ "type": "action", "text": "Share the asks with the chief executive", "owner": "Leader", "due": "2027-01-15" })).await;
    app.command(&w1.id, json!({ "type": "end" })).await;

    // Workshop 2: both teams, same series.
    let (status, body) = app
        .post_json(
            "/api/sessions",
            Some(KEY),
            json!({ "workshop": "w2-joint-vision", "series": w1_series(&app, &w1.id).await }),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let w2 = Created {
        id: body["id"].as_str().unwrap().into(),
        code: body["code"].as_str().unwrap().into(),
    };
    let state = app.state(&w2.id).await;
    let shared = labels(&state, "shared-priorities");
    assert_eq!(
        shared[0], "Build more affordable homes",
        "workshop 1's winner leads workshop 2's vote"
    );
    assert_eq!(shared[1], "A balanced budget with greater efficiencies");
    assert!(shared.contains(&"Manage the council's strategic performance together".to_string()));
    assert_eq!(
        labels(&state, "recap")[..2],
        shared[..2],
        "the recap shows the same carried priorities"
    );
    assert_eq!(
        labels(&state, "asks"),
        [
            "We expect unbiased advice based on robust analysis, including when it is unwelcome.",
            COSTED
        ],
        "workshop 1's agreed asks open workshop 2, in their final wording"
    );
    assert_eq!(
        labels(&state, "brought-forward"),
        [
            "Decision: Meet the management team monthly",
            "Action: Share the asks with the chief executive — Leader, by 15 January 2027"
        ],
        "and its decisions and actions"
    );

    let mut room = app.phones(&w2, "cabinet", 3).await;
    room.extend(app.phones(&w2, "management", 3).await);
    // Opened, the recap shows workshop 1's decision and action on the
    // projector and on every phone.
    let mut screen = Socket::staff(&app, &w2.id, "screen").await;
    let seq = app
        .command(
            &w2.id,
            json!({ "type": "open", "activity": "brought-forward" }),
        )
        .await;
    let projected = screen.view_at_least(seq).await["html"].to_string();
    assert!(
        projected.contains("Share the asks with the chief executive"),
        "{projected}"
    );
    let phone_view = room[0].view_at_least(seq).await["html"].to_string();
    assert!(
        phone_view.contains("Decision: Meet the management team monthly"),
        "{phone_view}"
    );
    // A Welsh reader reads the same decision and action in Welsh, what was
    // typed as typed.
    let welsh = app.page(&format!("/facilitate/{}?lang=cy", w2.id)).await;
    for line in [
        "Penderfyniad: Meet the management team monthly",
        "Cam gweithredu: Share the asks with the chief executive — Leader, erbyn 15 Ionawr 2027",
    ] {
        assert!(welsh.contains(line), "{line} in\n{welsh}");
    }
    assert!(!welsh.contains("Decision: "), "{welsh}");
    app.command(
        &w2.id,
        json!({ "type": "open", "activity": "shared-priorities" }),
    )
    .await;
    let ids: Vec<String> = activity(&state, "shared-priorities")["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap().to_string())
        .collect();
    for phone in &mut room {
        acked(
            &phone
                .vote("shared-priorities", json!({ "order": ids }))
                .await,
        );
    }
    let state = app.state(&w2.id).await;
    let comparison = &activity(&state, "shared-priorities")["results"]["comparison"];
    assert_eq!(
        comparison["kendall_tau"], 1.0,
        "both teams ranked identically: {comparison}"
    );

    app.command(
        &w2.id,
        json!({ "type": "open", "activity": "agreed-priorities" }),
    )
    .await;
    let state = app.state(&w2.id).await;
    let statements = labels(&state, "agreed-priorities");
    assert_eq!(
        statements.len(),
        4,
        "the top four ranked priorities are put to consent"
    );
    assert_eq!(statements[0], "Build more affordable homes");
    let first = option_id(&state, "agreed-priorities", &statements[0]);
    let fourth = option_id(&state, "agreed-priorities", &statements[3]);
    let agree_all = |except: Option<&str>| {
        let mut responses = serde_json::Map::new();
        for label in &statements {
            let id = option_id(&state, "agreed-priorities", label);
            let response = if Some(id.as_str()) == except {
                json!({ "response": "object", "reason": "too narrow" })
            } else {
                json!({ "response": "agree" })
            };
            responses.insert(id, response);
        }
        json!({ "responses": responses })
    };
    for (i, phone) in room.iter_mut().enumerate() {
        let except = (i == 0).then_some(first.as_str());
        acked(&phone.vote("agreed-priorities", agree_all(except)).await);
    }
    // An objection: the facilitator amends the wording and the room answers again.
    app.command(&w2.id, json!({ "type": "amend", "activity": "agreed-priorities", "item": first, "text": "Build more affordable and social homes" })).await;
    let stale = room[0]
        .vote(
            "agreed-priorities",
            json!({ "responses": { first.clone(): { "response": "agree", "version": 1 } } }),
        )
        .await;
    refused(&stale, "statement_amended");
    for phone in &mut room {
        acked(
            &phone
                .vote(
                    "agreed-priorities",
                    json!({ "responses": { first.clone(): { "response": "agree" } } }),
                )
                .await,
        );
    }
    // One priority is objected to and stays unagreed.
    acked(&room[1].vote("agreed-priorities", json!({ "responses": { fourth.clone(): { "response": "object", "reason": "not a priority" } } })).await);
    app.command(
        &w2.id,
        json!({ "type": "close", "activity": "agreed-priorities" }),
    )
    .await;
    let state = app.state(&w2.id).await;
    let agreed = &activity(&state, "agreed-priorities")["statements"];
    assert_eq!(agreed[&first]["outcome"], "agreed_with_amendments");
    assert_eq!(
        agreed[&first]["versions"][0]["tally"]["all"]["object"], 1,
        "the first wording keeps its tally"
    );
    assert_eq!(agreed[&fourth]["outcome"], "not_agreed");
    app.command(&w2.id, json!({ "type": "end" })).await;

    // Workshop 3: the agreed priorities become performance agreements.
    let series = w1_series(&app, &w1.id).await;
    let (status, body) = app
        .post_json(
            "/api/sessions",
            Some(KEY),
            json!({ "workshop": "w3-performance", "series": series }),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let w3 = body["id"].as_str().unwrap().to_string();
    let w3_created = Created {
        id: w3.clone(),
        code: body["code"].as_str().unwrap().into(),
    };
    let state = app.state(&w3).await;
    let performance = labels(&state, "performance");
    assert_eq!(
        performance.len(),
        3,
        "three of four priorities were agreed: {performance:?}"
    );
    assert_eq!(
        performance[0], "Build more affordable and social homes",
        "the amended wording carries over"
    );
    assert!(
        !performance.contains(&statements[3]),
        "the unagreed priority does not"
    );
    let homes = option_id(
        &state,
        "performance",
        "Build more affordable and social homes",
    );
    let fields = json!({ "outcome": "600 more affordable homes", "measure": "Completions", "target": "150 a year", "lead_member": "Cabinet member for housing", "lead_officer": "Director of place", "reporting_rhythm": "Quarterly", "forum": "Joint cabinet and SLT workshop" });
    app.command(
        &w3,
        json!({ "type": "amend", "activity": "performance", "item": homes, "fields": fields }),
    )
    .await;
    let (status, body) = app.try_command(&w3, json!({ "type": "amend", "activity": "performance", "item": homes, "fields": { "colour": "gold" } })).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (400, Some("unknown_field"))
    );
    let state = app.state(&w3).await;
    let current = activity(&state, "performance")["statements"][&homes]["versions"][1].clone();
    assert_eq!(current["fields"]["target"], "150 a year");
    assert_eq!(
        activity(&state, "recap")["options"]
            .as_array()
            .unwrap()
            .len(),
        3
    );

    // The room agrees the homes agreement; the series' pack tells the story.
    let mut room = app.phones(&w3_created, "cabinet", 3).await;
    room.extend(app.phones(&w3_created, "management", 3).await);
    app.command(&w3, json!({ "type": "open", "activity": "performance" }))
        .await;
    for phone in &mut room {
        acked(
            &phone
                .vote(
                    "performance",
                    json!({ "responses": { homes.clone(): { "response": "agree" } } }),
                )
                .await,
        );
    }
    app.command(&w3, json!({ "type": "close", "activity": "performance" }))
        .await;
    let state = app.state(&w3).await;
    assert_eq!(
        activity(&state, "performance")["statements"][&homes]["outcome"],
        "agreed",
        "fields filled in before anyone answered are not amendments the room made"
    );
    app.command(&w3, json!({ "type": "end" })).await;
    series_pack_tells_the_golden_rope(&app, &series).await;
}

const COSTED: &str = "We expect fully costed options, with what each saves, before we decide.";

/// The series' PDF: what each workshop decided, in the order they met, from
/// workshop 1's priorities and asks to workshop 3's performance agreement
/// with its fields in the script's order; then every action; then results.
async fn series_pack_tells_the_golden_rope(app: &TestApp, series: &str) {
    let (disposition, pdf) = app.pdf(&format!("/review/series/{series}/pack.pdf")).await;
    assert!(disposition.contains("series-pack.pdf"), "{disposition}");
    let (info, text) = pdf_facts(&pdf, "series-pack");
    assert!(info.contains("Tagged:          yes"), "{info}");
    let pages = pdf_pages(&info);
    assert!(text.contains(&format!("Page 1 of {pages}")), "page numbers");
    let rope_at = text.find("The golden rope").expect("the golden rope");
    let actions_at = text.find("All actions").expect("every action");
    let rope = &text[rope_at..actions_at];
    let mut last = 0;
    for step in [
        "Workshop 1: the cabinet alone",
        "We expect fully costed options, with what each saves",
        "Build more affordable homes",
        "Workshop 2: a joint vision",
        "Build more affordable and social homes",
        "Workshop 3: managing strategic performance together",
        "Outcome",
        "600 more affordable homes",
        "Measure",
        "Target",
        "150 a year",
        "Lead member",
        "Lead officer",
        "Reporting rhythm",
        "Forum",
    ] {
        let at = rope[last..]
            .find(step)
            .unwrap_or_else(|| panic!("{step:?} after {last} in:\n{rope}"));
        last += at + step.len();
    }
    assert!(text[actions_at..].contains("Share the asks with the chief executive"));
    assert!(text.contains("15 January 2027"), "UK dates");
    assert!(!text.contains("2027-01-15"));
    assert!(!text.contains("joined as"), "no timeline in a series pack");
    // The amended ask's first wording and its tally are an appendix, not
    // the story.
    let amended = text.find("Amendments").expect("an amendments part");
    let appendix = &text[amended..];
    assert!(
        appendix.contains("Version 1: “We expect fully costed options")
            && appendix.contains("object 3"),
        "the first wording with its answers:\n{appendix}"
    );
    assert!(!rope.contains("Version 1"));
    // Workshop 3's fields, filled in before anyone answered, are no
    // amendment: its agreement has no earlier version in the pack.
    let w3_part = &text[text.rfind("Workshop 3: managing").unwrap()..];
    assert!(!w3_part.contains("Version 1"), "{w3_part}");
}

async fn w1_series(app: &TestApp, session: &str) -> String {
    app.state(session).await["series"]
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn anonymous_ballots_never_name_the_voter_and_small_groups_are_hidden() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w3-performance").await;
    let mut cabinet = app.phones(&session, "cabinet", 2).await;
    let mut management = app.phones(&session, "management", 3).await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "self-assessment" }),
    )
    .await;
    for phone in cabinet.iter_mut().chain(management.iter_mut()) {
        acked(
            &phone
                .vote(
                    "self-assessment",
                    json!({ "scores": { "big-picture": 4, "delivering-at-pace": 2 } }),
                )
                .await,
        );
    }
    // A phone changes its score: still one ballot each.
    acked(
        &cabinet[0]
            .vote("self-assessment", json!({ "scores": { "big-picture": 5 } }))
            .await,
    );

    let state = app.state(&session.id).await;
    assert_eq!(
        activity(&state, "self-assessment")["results"]["withheld"],
        true,
        "an anonymous vote's results wait until it closes"
    );
    app.command(
        &session.id,
        json!({ "type": "close", "activity": "self-assessment" }),
    )
    .await;
    let state = app.state(&session.id).await;
    let results = &activity(&state, "self-assessment")["results"];
    assert_eq!(results["all"]["ballots"], 5);
    assert_eq!(results["all"]["items"]["big-picture"]["mean"], 4.2);
    assert_eq!(
        results["all"]["items"]["delivering-at-pace"]["n"], 5,
        "an item left out keeps its earlier score"
    );
    assert_eq!(
        results["cabinet"]["suppressed"], true,
        "2 cabinet ballots < min_group_size 3: {results}"
    );
    assert_eq!(
        results["management"]["suppressed"], true,
        "everyone minus management would give the cabinet's scores: {results}"
    );

    let transcript = app.transcript(&session.id).await;
    let ids: Vec<String> = state["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect();
    for line in transcript.lines().filter(|l| l.contains("ballot_cast")) {
        let record: Value = serde_json::from_str(line).unwrap();
        let voter = record["event"]["voter"].as_str().unwrap();
        assert!(
            !ids.iter().any(|id| id == voter),
            "an anonymous ballot names its voter: {line}"
        );
        let actor = record["actor"]["participant"].as_str().unwrap();
        assert!(
            !ids.iter().any(|id| id == actor),
            "the record's actor must not name the voter either: {line}"
        );
    }

    // A reconnecting phone still sees its own anonymous ballot.
    let joined = Joined {
        id: ids[0].clone(),
        token: cabinet[0].token.clone().unwrap(),
        admitted: true,
    };
    let mut again = Socket::participant(&app, &session.id, &joined).await;
    let ballot = again.wait_for(|m| m["type"] == "ballot").await;
    assert_eq!(ballot["ballot"]["scores"]["big-picture"], 5);
}

#[tokio::test]
async fn the_facilitator_moderates_ideas_times_activities_and_records_actions() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let w1 = app.create_session("w1-cabinet").await;
    let mut cabinet = app.phones(&w1, "cabinet", 2).await;
    app.command(&w1.id, json!({ "type": "open", "activity": "mandate" }))
        .await;
    acked(
        &cabinet[0]
            .command(json!({ "type": "idea", "activity": "mandate", "text": "Cheaper bus fares" }))
            .await,
    );
    acked(&cabinet[1].command(json!({ "type": "idea", "activity": "mandate", "text": "Buy a yacht for the mayor" })).await);
    let too_long = cabinet[0]
        .command(json!({ "type": "idea", "activity": "mandate", "text": "x".repeat(201) }))
        .await;
    refused(&too_long, "invalid_text");
    let state = app.state(&w1.id).await;
    let ideas = activity(&state, "mandate")["ideas"]
        .as_array()
        .unwrap()
        .clone();
    let yacht = ideas
        .iter()
        .find(|i| i["text"] == "Buy a yacht for the mayor")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let buses = ideas
        .iter()
        .find(|i| i["text"] == "Cheaper bus fares")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    app.command(
        &w1.id,
        json!({ "type": "hide_idea", "activity": "mandate", "idea": yacht }),
    )
    .await;
    app.command(&w1.id, json!({ "type": "edit_idea", "activity": "mandate", "idea": buses, "text": "Cheaper, more frequent buses" })).await;

    // The timer: start from the script's length, pause, and it reports what is left.
    app.command(
        &w1.id,
        json!({ "type": "timer", "activity": "mandate", "action": "start" }),
    )
    .await;
    let timer = activity(&app.state(&w1.id).await, "mandate")["timer"].clone();
    assert_eq!(timer["running"], true);
    assert!(timer["seconds_left"].as_u64().unwrap() > 590, "{timer}");
    app.command(
        &w1.id,
        json!({ "type": "timer", "activity": "mandate", "action": "pause" }),
    )
    .await;
    let timer = activity(&app.state(&w1.id).await, "mandate")["timer"].clone();
    assert_eq!(timer["running"], false);
    let (status, body) = app
        .try_command(
            &w1.id,
            json!({ "type": "timer", "activity": "mandate", "action": "start", "seconds": 0 }),
        )
        .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (422, Some("invalid_text"))
    );

    // Hidden ideas do not carry forward; edited ones carry their new words.
    app.command(&w1.id, json!({ "type": "open", "activity": "priorities" }))
        .await;
    let options = labels(&app.state(&w1.id).await, "priorities");
    assert_eq!(options[0], "Cheaper, more frequent buses");
    assert!(!options.iter().any(|o| o.contains("yacht")));

    // Actions need an owner and a real date.
    app.command(&w1.id, json!({ "type": "goto", "activity": "actions" }))
        .await;
    app.command(&w1.id, json!({ "type": "action", "text": "Draft the bus strategy", "owner": "Cabinet member for transport", "due": "2027-03-31" })).await;
    app.command(
        &w1.id,
        json!({ "type": "note", "text": "Buses are the first priority", "kind": "decision" }),
    )
    .await;
    let (status, body) = app
        .try_command(
            &w1.id,
            json!({ "type": "action", "text": "x", "owner": "y", "due": "2027-02-30" }),
        )
        .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (422, Some("invalid_text"))
    );
    let state = app.state(&w1.id).await;
    let notes = state["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0]["kind"], "action");
    assert_eq!(notes[0]["owner"], "Cabinet member for transport");
    assert_eq!(notes[0]["activity"], "actions");
    let results = &activity(&state, "actions")["results"]["all"]["notes"];
    assert_eq!(
        results.as_array().unwrap().len(),
        2,
        "a notes step's results are its notes"
    );
}
