//! Cymraeg in a real browser: a Welsh-speaking councillor joins and votes
//! in Welsh on a 360 px phone while the officer beside them reads English,
//! and the projector of a bilingual session (Welsh first) fits 1280x720
//! with its text at least 24 px; axe finds nothing on any of them.

use crate::helpers::*;
use crate::room::{assert_accessible, assert_fits, projector};
use crate::support::*;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_welsh_phone_an_english_phone_and_a_bilingual_projector() {
    let driver = Driver::start().await;
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let base = format!("http://{}", app.addr);
    let (status, created) = app
        .post_json(
            "/api/sessions",
            Some(KEY),
            json!({ "workshop": "w2-joint-vision", "title": "Cyngor Sir Prawf", "language": "cy+en" }),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    let session = Created {
        id: created["id"].as_str().unwrap().to_string(),
        code: created["code"].as_str().unwrap().to_string(),
    };

    // A Welsh session's join page is Welsh first, with both languages
    // offered at the top; the councillor chooses Cymraeg, which is kept.
    let welsh = driver.browser(PHONE).await;
    welsh
        .goto(&format!("{base}/join/{}", session.code))
        .await
        .unwrap();
    wait_text(&welsh, "h1", "Ymuno â'r gweithdy").await;
    wait_text(
        &welsh,
        ".language-choice",
        "Dewiswch eich iaith / Choose your language",
    )
    .await;
    click(&welsh, ".language-choice a[hreflang=cy]").await;
    wait_text(&welsh, "h1", "Ymuno â'r gweithdy").await;
    assert_accessible(&welsh, "the join page in Welsh").await;
    screenshot(&welsh, "cymraeg-join").await;
    type_into(&welsh, "#name", "Cllr Rhys").await;
    click(&welsh, "#group-cabinet").await;
    click(&welsh, "form.join button[type=submit]").await;
    wait_text(&welsh, "#live h2", "Yn aros i gael dod i mewn").await;

    // The officer beside them chooses English there.
    let english = driver.browser(PHONE).await;
    english
        .goto(&format!("{base}/join/{}", session.code))
        .await
        .unwrap();
    click(&english, ".language-choice a[hreflang=en]").await;
    wait_text(&english, "h1", "Join the workshop").await;
    join(&english, &base, &session.code, "Sian Officer", "management").await;
    wait_text(&english, "#live h2", "Waiting to be admitted").await;

    let state = app.state(&session.id).await;
    for p in state["participants"].as_array().unwrap() {
        app.command(
            &session.id,
            json!({ "type": "admit", "participant": p["id"] }),
        )
        .await;
    }
    app.command(&session.id, json!({ "type": "open", "activity": "roles" }))
        .await;
    wait_text(&welsh, "#live h2", "Dwy rôl ar wahân neu faes ar y cyd?").await;
    wait_text(&english, "#live h2", "Two separate roles or a joint arena?").await;

    // One answer saved on the Welsh phone: it says so in Welsh.
    click(&welsh, "fieldset.item:first-of-type input[value=joint]").await;
    click(&welsh, "form.ballot button.primary").await;
    wait_text(&welsh, ".saved", "Mae eich atebion hyd yma wedi'u cadw").await;
    screenshot(&welsh, "cymraeg-phone-role-map").await;
    assert_accessible(&welsh, "the Welsh phone's role map").await;
    assert_eq!(
        welsh
            .execute("return document.documentElement.lang", vec![])
            .await
            .unwrap(),
        json!("cy")
    );
    let wide = welsh
        .execute("return document.documentElement.scrollWidth", vec![])
        .await
        .unwrap();
    assert!(
        wide.as_f64().unwrap() <= 360.0,
        "the Welsh phone scrolls sideways: {wide}"
    );
    click(
        &english,
        "fieldset.item:first-of-type input[value=officers]",
    )
    .await;
    click(&english, "form.ballot button.primary").await;
    wait_text(&english, ".saved", "Your answers so far are saved").await;
    assert_accessible(&english, "the English phone beside it").await;

    // The projector: Welsh first, English after, while the room answers…
    let screen = projector(&driver, (1280, 720), &base, &session.id).await;
    wait_text(&screen, "#live h2", "Dwy rôl ar wahân neu faes ar y cyd?").await;
    wait_text(
        &screen,
        "#live h2 .other-language",
        "Two separate roles or a joint arena?",
    )
    .await;
    wait_text(&screen, ".join-url", "Ymunwch yn").await;
    screenshot(&screen, "cymraeg-projector-open").await;
    assert_fits(&screen, "the bilingual projector while voting", 720).await;
    assert_accessible(&screen, "the bilingual projector").await;

    // …and its results, from enough of each team to be shown apart.
    let mut phones = app.phones(&session, "cabinet", 3).await;
    phones.extend(app.phones(&session, "management", 3).await);
    // The teams differ on every responsibility, so each row is marked and
    // the note under the map says why, in both languages.
    let state = app.state(&session.id).await;
    let items = |shift: usize| -> serde_json::Map<String, serde_json::Value> {
        activity(&state, "roles")["options"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let place = ["members", "joint", "officers"][(i + shift) % 3];
                (o["id"].as_str().unwrap().to_string(), json!(place))
            })
            .collect()
    };
    for (n, phone) in phones.iter_mut().enumerate() {
        let placements = items(n / 3);
        acked(
            &phone
                .vote("roles", json!({ "placements": placements }))
                .await,
        );
    }
    app.command(&session.id, json!({ "type": "close", "activity": "roles" }))
        .await;
    app.command(
        &session.id,
        json!({ "type": "reveal", "activity": "roles" }),
    )
    .await;
    wait_text(&screen, "#live .role-head", "Cyfrifoldeb").await;
    wait_text(&screen, "#live .role-row .role-differ", "≠").await;
    wait_text(&screen, "#live .slide-hint", "≠ Yn wahanol:").await;
    wait_text(&screen, "#live .slide-hint", "Teams differ:").await;
    screenshot(&screen, "cymraeg-projector-results").await;
    assert_fits(&screen, "the bilingual projector's results", 720).await;
    // Every page fits: Welsh placements wrap to two lines in their columns.
    let pages = screen
        .execute(
            "return parseInt(document.querySelector('#live .pages').dataset.pages, 10);",
            vec![],
        )
        .await
        .unwrap();
    for _ in 1..pages.as_u64().unwrap() {
        screen
            .execute(
                "document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));",
                vec![],
            )
            .await
            .unwrap();
        assert_fits(&screen, "a later page of the bilingual results", 720).await;
    }
    assert_accessible(&screen, "the bilingual projector's results").await;
    // The phones read the results each in their own language.
    wait_text(&welsh, "section.results caption", "Pwy sy'n arwain").await;
    wait_text(&english, "section.results caption", "Who leads").await;
    screenshot(&welsh, "cymraeg-phone-results").await;
    assert_accessible(&welsh, "the Welsh phone's results").await;
}

/// A Welsh-speaking facilitator at a 1366x768 laptop: logs in, makes a
/// session and runs it from the console in Welsh (the next step by its
/// key), reads the agenda editor in Welsh and is told in Welsh what is
/// wrong with a budget of no dots; axe finds nothing on any page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_welsh_facilitator_runs_the_console_in_welsh() {
    let driver = Driver::start().await;
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let base = format!("http://{}", app.addr);
    let console = driver.browser((1366, 768)).await;
    console
        .goto(&format!("{base}/facilitate?lang=cy"))
        .await
        .unwrap();
    wait_text(&console, "h1", "Mewngofnodi").await;
    assert_accessible(&console, "the Welsh log-in page").await;
    type_into(&console, "#key", KEY).await;
    click(&console, "form.login button[type=submit]").await;
    wait_text(&console, "h1", "Sesiynau").await;
    assert_accessible(&console, "the Welsh list of sessions").await;
    click(&console, "#workshop option[value='w1-cabinet']").await;
    type_into(&console, "#title", "Cyngor Sir Prawf").await;
    click(&console, "form.create button[type=submit]").await;
    let code = wait_text(&console, ".join-line strong.code", "").await;
    assert_eq!(code.len(), 6, "{code:?}");
    let url = console.current_url().await.unwrap();
    let session = url.path().trim_start_matches("/facilitate/").to_string();
    wait_text(&console, "#connection", "").await;
    // The next step, by its key, opens the first activity; the socket
    // brings the console back in Welsh.
    console
        .execute(
            "document.dispatchEvent(new KeyboardEvent('keydown', { key: 'n' }));",
            vec![],
        )
        .await
        .unwrap();
    wait_text(&console, "#now-title", "Man cychwyn").await;
    let step = wait_text(&console, "#next-step", "").await;
    assert!(!step.contains("Close"), "{step}");
    screenshot(&console, "cymraeg-console").await;
    assert_accessible(&console, "the Welsh console").await;
    assert_eq!(
        console
            .execute("return document.documentElement.lang", vec![])
            .await
            .unwrap(),
        json!("cy")
    );

    // The agenda editor in Welsh, and its refusal too.
    console
        .goto(&format!("{base}/facilitate/{session}/prepare"))
        .await
        .unwrap();
    wait_text(&console, "h1", "Paratoi'r agenda").await;
    let dots = console
        .find(fantoccini::Locator::Css("#activities input[name=dots]"))
        .await
        .unwrap();
    dots.clear().await.unwrap();
    dots.send_keys("0").await.unwrap();
    click(&console, "#prepare button[type=submit]").await;
    let summary = wait_text(&console, "#problems .error-summary", "").await;
    assert!(summary.contains("agenda"), "{summary}");
    assert!(
        summary.contains("Blaenoriaethau"),
        "named by its Welsh title: {summary}"
    );
    assert!(!summary.contains("must be"), "English in: {summary}");
    screenshot(&console, "cymraeg-prepare-problem").await;
    assert_accessible(&console, "the Welsh agenda editor").await;
}
