//! The three faces in a real browser: phones, the console and the projector.

use crate::helpers::*;
use crate::support::*;
use fantoccini::{Client, Locator};
use serde_json::json;

async fn log_in(client: &Client, base: &str) {
    client.goto(&format!("{base}/facilitate")).await.unwrap();
    type_into(client, "#key", KEY).await;
    click(client, "form.login button[type=submit]").await;
    wait_text(client, "h1", "Sessions").await;
}

async fn assert_accessible(client: &Client, page: &str) {
    let violations = accessibility_violations(client).await;
    assert!(
        violations.is_empty(),
        "{page} has accessibility problems:\n{}",
        violations.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workshop_two_runs_from_real_phones_and_the_projector_shows_the_split() {
    let driver = Driver::start().await;
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let base = format!("http://{}", app.addr);

    // The facilitator logs in with the key and creates a workshop 2 session.
    let console = driver.browser(LAPTOP).await;
    log_in(&console, &base).await;
    click(&console, "#workshop option[value='w2-joint-vision']").await;
    type_into(&console, "#title", "Ashfield cabinet and CLT").await;
    click(&console, "form.create button[type=submit]").await;
    let code = wait_text(&console, ".join-line strong.code", "").await;
    assert_eq!(code.len(), 6, "{code:?}");
    let url = console.current_url().await.unwrap();
    let session = url.path().trim_start_matches("/facilitate/").to_string();
    wait_text(&console, "#connection", "Connected").await;

    // The projector shows how to join.
    let screen = driver.browser(LAPTOP).await;
    log_in(&screen, &base).await;
    screen
        .goto(&format!("{base}/screen/{session}"))
        .await
        .unwrap();
    wait_text(&screen, ".join-code", &code).await;
    screen
        .find(Locator::Css("figure.qr svg"))
        .await
        .expect("a QR code");

    // Three phones join by code and wait in the lobby.
    let mut phones = Vec::new();
    for (name, group) in [
        ("Cllr Patel", "cabinet"),
        ("Cllr Okafor", "cabinet"),
        ("Jo Director", "management"),
    ] {
        let phone = driver.browser(PHONE).await;
        join(&phone, &base, &code, name, group).await;
        wait_text(&phone, "#live", "Waiting to be admitted").await;
        phones.push(phone);
    }
    screenshot(&phones[0], "phone-lobby").await;

    // The facilitator admits them from the console.
    for name in ["Cllr Patel", "Cllr Okafor", "Jo Director"] {
        wait_text(&console, ".people", name).await;
    }
    // Each admit waits for the console to redraw without that button, so the
    // next click cannot land on someone already let in.
    for left in (0..3).rev() {
        click(&console, ".people button[data-command='admit']").await;
        wait_text(&console, "#console-status", "Done.").await;
        for _ in 0..100 {
            let buttons = console
                .find_all(Locator::Css(".people button[data-command='admit']"))
                .await
                .unwrap();
            if buttons.len() == left {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }
    for phone in &phones {
        wait_text(phone, "#live", "Welcome").await;
    }

    // A dots vote from the phones.
    click(
        &console,
        "button[data-command='open'][data-activity='localism-dots']",
    )
    .await;
    for phone in &phones {
        wait_text(phone, "#live h2", "Localism: where to start").await;
        click(phone, "li[data-option='ward-plans'] button[data-step='1']").await;
        click(phone, "li[data-option='ward-plans'] button[data-step='1']").await;
        click(
            phone,
            "li[data-option='ward-councillors'] button[data-step='1']",
        )
        .await;
        wait_text(phone, ".budget", "0 of 3 dots left").await;
        click(phone, "form.ballot button.primary").await;
        wait_text(phone, ".saved", "Your vote is saved").await;
    }
    screenshot(&phones[0], "phone-dots").await;
    assert_accessible(&phones[0], "the phone's dots ballot").await;
    let state = app.state(&session).await;
    assert_eq!(
        totals(&state, "localism-dots", "all")["totals"]["ward-plans"],
        6
    );
    assert_eq!(
        totals(&state, "localism-dots", "cabinet")["totals"]["ward-plans"],
        4
    );
    assert_eq!(
        totals(&state, "localism-dots", "management")["totals"]["ward-councillors"],
        1
    );

    // A role map from the phones: the teams disagree about the budget.
    click(
        &console,
        "button[data-command='open'][data-activity='roles']",
    )
    .await;
    for (i, phone) in phones.iter().enumerate() {
        wait_text(phone, "#live h2", "Two separate roles").await;
        let budget = if i < 2 { "members" } else { "officers" };
        click(phone, &format!("#rm-roles-budget-{budget}")).await;
        click(phone, "#rm-roles-vision-joint").await;
        click(phone, "form.ballot button.primary").await;
        wait_text(phone, ".saved", "Your answers so far are saved").await;
    }
    screenshot(&phones[2], "phone-role-map").await;
    assert_accessible(&phones[2], "the phone's role map").await;

    // Nothing shows on the projector until the facilitator reveals it. Two
    // of fourteen responsibilities placed is a ballot in progress, not a vote.
    wait_text(
        &screen,
        ".turnout",
        "Management team: 0 of 1 voted, 1 in progress",
    )
    .await;
    assert!(!screen
        .source()
        .await
        .unwrap()
        .contains("The teams see these differently"));
    click(
        &console,
        "button[data-command='reveal'][data-activity='roles']",
    )
    .await;
    // The slide gives each team's placement of each responsibility in
    // words, and says where the teams differ; the table behind it, for
    // screen readers, gives the teams' means.
    let row = wait_text(
        &screen,
        ".role-row.contested",
        "Setting the budget and council tax",
    )
    .await;
    assert!(
        row.contains("Members lead")
            && row.contains("Officers lead")
            && row.contains("Teams differ"),
        "{row}"
    );
    let table = screen
        .find(Locator::Css(".results > .visually-hidden"))
        .await
        .unwrap()
        .html(false)
        .await
        .unwrap();
    assert!(table.contains("The teams see these differently"), "{table}");
    assert!(table.contains("cabinet 0.0, management 2.0"), "{table}");
    screenshot(&screen, "projector-role-map").await;
    // A phone shows the same table: it scrolls in its own box if it must,
    // never the page, and words are not cut in the middle.
    wait_text(&phones[2], ".results", "Who leads").await;
    let page_width = phones[2]
        .execute("return document.documentElement.scrollWidth", vec![])
        .await
        .unwrap();
    assert!(page_width.as_u64().unwrap() <= 360, "{page_width}");
    phones[2]
        .execute(
            "document.querySelector('.results').scrollIntoView()",
            vec![],
        )
        .await
        .unwrap();
    screenshot(&phones[2], "phone-role-map-results").await;
    assert_accessible(&phones[2], "the phone's revealed role map").await;

    // Back to the dots, revealed: cabinet and management side by side.
    click(
        &console,
        "button[data-command='goto'][data-activity='localism-dots']",
    )
    .await;
    click(
        &console,
        "button[data-command='reveal'][data-activity='localism-dots']",
    )
    .await;
    // On the slide each team has its bar with its share of that team's dots
    // written beside it (4 of 6, 2 of 3): teams of different sizes compare.
    let row = wait_text(
        &screen,
        ".bar-row",
        "Ward-level plans shaped with residents",
    )
    .await;
    let values: Vec<&str> = row.lines().skip(1).map(str::trim).collect();
    assert_eq!(values, ["Cabinet", "67%", "Management", "67%"], "{row:?}");
    screenshot(&screen, "projector-dots").await;
    assert_accessible(&screen, "the projector").await;
    screenshot(&console, "console").await;
    assert_accessible(&console, "the console").await;

    // The organiser's review of the same session, and its series page.
    click(
        &console,
        "button[data-command='close'][data-activity='roles']",
    )
    .await;
    wait_text(&console, "#console-status", "Done.").await;
    console
        .goto(&format!("{base}/review/{session}"))
        .await
        .unwrap();
    wait_text(&console, "h1", "Ashfield cabinet and CLT").await;
    wait_text(&console, "section.decided", "What was decided").await;
    screenshot(&console, "review").await;
    // The minute-by-minute timeline when asked for.
    click(&console, "a[href$='?timeline=1#timeline']").await;
    wait_text(
        &console,
        ".timeline",
        "Jo Director joined as Management team",
    )
    .await;
    assert_accessible(&console, "the review page").await;
    let config = fantoccini::wd::PrintConfiguration::builder()
        .build()
        .unwrap(); // A4 by default
    let pdf = console.print(config).await.unwrap();
    assert!(pdf.starts_with(b"%PDF"), "the output pack prints");
    std::fs::write(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots/review.pdf"),
        pdf,
    )
    .unwrap();
    let series = app.state(&session).await["series"]
        .as_str()
        .unwrap()
        .to_string();
    console
        .goto(&format!("{base}/review/series/{series}"))
        .await
        .unwrap();
    wait_text(&console, "h1", "The series").await;
    assert_accessible(&console, "the series page").await;

    let join_page = driver.browser(PHONE).await;
    join_page
        .goto(&format!("{base}/join/{code}"))
        .await
        .unwrap();
    assert_accessible(&join_page, "the join page").await;
    // The checker is live: an unlabelled field is caught.
    join_page
        .execute(
            "document.querySelector('main').append(document.createElement('input')); return true;",
            vec![],
        )
        .await
        .unwrap();
    let caught = accessibility_violations(&join_page).await;
    assert!(
        caught.iter().any(|v| v.starts_with("label")),
        "axe missed an unlabelled input: {caught:?}"
    );
    for client in phones.into_iter().chain([console, screen, join_page]) {
        client.close().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_that_loses_its_network_mid_vote_gets_its_ballot_in_after_reconnecting() {
    let driver = Driver::start().await;
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let proxy = Proxy::start(app.addr.parse().unwrap()).await;
    let base = format!("http://{}", proxy.addr);
    let session = app.create_session("vote").await;

    let phone = driver.browser(PHONE).await;
    join(&phone, &base, &session.code, "Cllr Patel", "cabinet").await;
    wait_text(&phone, "#live", "Waiting to be admitted").await;
    let participant = app.state(&session.id).await["participants"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    app.command(
        &session.id,
        json!({ "type": "admit", "participant": participant }),
    )
    .await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "priorities" }),
    )
    .await;
    wait_text(&phone, "#live h2", "Shared vision priorities").await;
    click(&phone, "li[data-option='roles'] button[data-step='1']").await;
    click(&phone, "li[data-option='roles'] button[data-step='1']").await;

    // The signal drops just as they press save.
    proxy.cut();
    click(&phone, "form.ballot button.primary").await;
    wait_text(&phone, "#connection", "Reconnecting").await;
    screenshot(&phone, "phone-offline").await;
    let state = app.state(&session.id).await;
    assert_eq!(
        totals(&state, "priorities", "all")["ballots"],
        0,
        "nothing arrived while cut"
    );

    proxy.restore();
    wait_text(&phone, ".saved", "Your vote is saved").await;
    wait_text(&phone, "#connection", "Connected").await;
    let state = app.state(&session.id).await;
    assert_eq!(totals(&state, "priorities", "all")["totals"]["roles"], 2);
    assert_eq!(
        app.transcript(&session.id)
            .await
            .matches("\"ballot_cast\"")
            .count(),
        1,
        "sent once, applied once"
    );
    phone.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_other_ballot_kind_works_from_a_phone() {
    let driver = Driver::start().await;
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let base = format!("http://{}", app.addr);
    let session = app.create_session("w2-joint-vision").await;
    let phone = driver.browser(PHONE).await;
    join(&phone, &base, &session.code, "Cllr Patel", "cabinet").await;
    wait_text(&phone, "#live", "Waiting to be admitted").await;
    let me = app.state(&session.id).await["participants"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    app.command(&session.id, json!({ "type": "admit", "participant": me }))
        .await;
    let open = |activity: &str| json!({ "type": "open", "activity": activity });

    // Ideas, with a character counter.
    app.command(&session.id, open("hopes")).await;
    wait_text(&phone, "#live h2", "Check-in: one hope").await;
    type_into(&phone, "textarea", "That we trust each other").await;
    wait_text(&phone, ".counter", "24 of 160 characters").await;
    click(&phone, "form.ballot button.primary").await;
    wait_text(&phone, ".saved", "Your idea is in").await;
    // The phone lists its own ideas, and still does after a reload.
    wait_text(&phone, ".my-ideas", "That we trust each other").await;
    phone.refresh().await.unwrap();
    wait_text(&phone, ".my-ideas", "That we trust each other").await;

    // Rank, by moving an option up with the buttons: no dragging needed.
    app.command(&session.id, open("shared-priorities")).await;
    wait_text(&phone, "#live h2", "Shared vision priorities").await;
    let before: Vec<String> = ordered_options(&phone).await;
    let last = before.last().unwrap().clone();
    click(
        &phone,
        &format!("li[data-option='{last}'] button[data-move='-1']"),
    )
    .await;
    wait_text(&phone, ".saved", "to place").await;
    click(&phone, "form.ballot button.primary").await;
    wait_text(&phone, ".saved", "Your vote is saved").await;
    screenshot(&phone, "phone-rank").await;
    let mut expected = before.clone();
    let n = expected.len();
    expected.swap(n - 1, n - 2);
    let state = app.state(&session.id).await;
    let borda = &totals(&state, "shared-priorities", "all")["borda"];
    assert_eq!(borda[&expected[0]], (n - 1) as u64);
    assert_eq!(borda[&last], 1, "moved up from last place to second last");

    // Agreement: one objection with its reason, one agreement.
    app.command(&session.id, open("protocol")).await;
    wait_text(&phone, "#live h2", "working-relationship protocol").await;
    click(&phone, "#ag-protocol-two-way-agree").await;
    click(&phone, "#ag-protocol-honesty-object").await;
    type_into(
        &phone,
        "#reason-protocol-honesty",
        "Add: in front of staff too",
    )
    .await;
    click(&phone, "form.ballot button.primary").await;
    wait_text(&phone, ".saved", "Your answers so far are saved").await;
    screenshot(&phone, "phone-agreement").await;
    assert_accessible(&phone, "the phone's agreement statements").await;
    let state = app.state(&session.id).await;
    let items = &totals(&state, "protocol", "all")["items"];
    assert_eq!(items["two-way"]["agree"], 1);
    assert_eq!(items["honesty"]["object"], 1);
    assert_eq!(items["honesty"]["reasons"][0], "Add: in front of staff too");

    // Rating 1 to 5.
    app.command(&session.id, open("relationship")).await;
    wait_text(&phone, "#live h2", "How is the relationship today?").await;
    click(&phone, "#rt-relationship-trust-4").await;
    click(&phone, "#rt-relationship-clarity-2").await;
    click(&phone, "form.ballot button.primary").await;
    wait_text(&phone, ".saved", "Your answers so far are saved").await;
    // The rating is anonymous: counted once voting closes.
    app.command(
        &session.id,
        json!({ "type": "close", "activity": "relationship" }),
    )
    .await;
    // One anonymous ballot is too few to show: it would be this phone's.
    let state = app.state(&session.id).await;
    let results = &activity(&state, "relationship")["results"];
    assert_eq!(results["too_few"], true, "{results}");

    // Reopening an earlier activity shows the phone its own saved ballot again.
    phone.refresh().await.unwrap();
    app.command(&session.id, open("protocol")).await;
    wait_text(&phone, "#live h2", "working-relationship protocol").await;
    let checked = phone
        .find(Locator::Css("#ag-protocol-honesty-object"))
        .await
        .unwrap();
    let deadline = tokio::time::Instant::now() + PAGE_WAIT;
    while checked.prop("checked").await.unwrap().as_deref() != Some("true") {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the saved objection is not shown again"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    phone.close().await.unwrap();
}

async fn ordered_options(phone: &Client) -> Vec<String> {
    let mut ids = Vec::new();
    for li in phone
        .find_all(Locator::Css("ol.rank li[data-option]"))
        .await
        .unwrap()
    {
        ids.push(li.attr("data-option").await.unwrap().unwrap());
    }
    ids
}
