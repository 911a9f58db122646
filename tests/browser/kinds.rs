//! The poll and the matrix in a real browser: a phone at 360 px answers both
//! by keyboard alone, and the projector draws twelve items on the grid at
//! 1280x720 without scrolling.

use crate::helpers::*;
use crate::room::{assert_accessible, assert_fits, log_in, projector};
use crate::support::*;
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::json;

/// Presses keys on the element matching `css`, as a keyboard does once it
/// has focus there.
async fn keys(client: &Client, css: &str, keys: &str) {
    let element = client
        .wait()
        .at_most(PAGE_WAIT)
        .for_element(Locator::Css(css))
        .await
        .unwrap();
    element.send_keys(keys).await.unwrap();
}

fn enter() -> String {
    char::from(Key::Enter).to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_answers_a_poll_and_a_matrix_by_keyboard_and_the_projector_fits_twelve_points() {
    let driver = Driver::start().await;
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let base = format!("http://{}", app.addr);
    let session = app.create_session("kinds").await;
    let phone = driver.browser(PHONE).await;
    join(&phone, &base, &session.code, "Cllr Patel", "cabinet").await;
    let open = |activity: &str| json!({ "type": "open", "activity": activity });

    // A poll of up to two: space ticks a box, enter on the button saves.
    app.command(&session.id, open("topics")).await;
    wait_text(
        &phone,
        "#live h2",
        "What should the first joint meeting cover?",
    )
    .await;
    wait_text(&phone, "fieldset.pick legend", "Choose up to 2").await;
    keys(&phone, "#pk-topics-budget", " ").await;
    keys(&phone, "#pk-topics-roles", " ").await;
    keys(&phone, "form.ballot button.primary", &enter()).await;
    wait_text(&phone, ".saved", "Your vote is saved").await;
    screenshot(&phone, "phone-poll").await;
    assert_accessible(&phone, "the phone's poll").await;
    let state = app.state(&session.id).await;
    assert_eq!(
        totals(&state, "topics", "all")["counts"],
        json!({ "budget": 1, "performance": 0, "roles": 1 })
    );

    // A matrix: a number typed on each scale's select chooses it.
    app.command(&session.id, open("grid")).await;
    wait_text(&phone, "#live h2", "Importance and performance").await;
    keys(&phone, "#mx-grid-homes-x", "2").await;
    keys(&phone, "#mx-grid-homes-y", "5").await;
    // Half a point is stopped beside it, not sent.
    keys(&phone, "#mx-grid-jobs-x", "4").await;
    keys(&phone, "form.ballot button.primary", &enter()).await;
    wait_text(
        &phone,
        "fieldset[data-item='jobs'] .item-error",
        "both scales",
    )
    .await;
    keys(&phone, "#mx-grid-jobs-y", "3").await;
    keys(&phone, "form.ballot button.primary", &enter()).await;
    wait_text(&phone, ".saved", "Your vote is saved").await;
    screenshot(&phone, "phone-matrix").await;
    assert_accessible(&phone, "the phone's matrix").await;
    let state = app.state(&session.id).await;
    let items = &totals(&state, "grid", "all")["items"];
    assert_eq!(
        (items["homes"]["x"].as_f64(), items["homes"]["y"].as_f64()),
        (Some(2.0), Some(5.0))
    );
    assert_eq!(
        (items["jobs"]["x"].as_f64(), items["jobs"]["y"].as_f64()),
        (Some(4.0), Some(3.0))
    );
    // A reload shows the saved point again.
    phone.refresh().await.unwrap();
    let deadline = tokio::time::Instant::now() + PAGE_WAIT;
    loop {
        let x = phone.find(Locator::Css("#mx-grid-homes-x")).await.unwrap();
        if x.prop("value").await.unwrap().as_deref() == Some("2") {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the saved point is not shown again"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }

    // Twelve items on the projector: both teams, each item placed.
    let mut cabinet = app.phones(&session, "cabinet", 2).await;
    let mut management = app.phones(&session, "management", 2).await;
    app.command(&session.id, open("twelve")).await;
    let ids = [
        "homes",
        "jobs",
        "climate",
        "care",
        "schools",
        "streets",
        "transport",
        "health",
        "town-centres",
        "digital",
        "finance",
        "young-people",
    ];
    for (n, phone) in cabinet.iter_mut().chain(management.iter_mut()).enumerate() {
        let points: serde_json::Map<String, serde_json::Value> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| {
                (
                    id.to_string(),
                    json!({ "x": 1 + (i * 7 + n) % 5, "y": 1 + (i * i + n * 3) % 5 }),
                )
            })
            .collect();
        acked(&phone.vote("twelve", json!({ "points": points })).await);
    }
    app.command(
        &session.id,
        json!({ "type": "close", "activity": "twelve" }),
    )
    .await;
    app.command(
        &session.id,
        json!({ "type": "reveal", "activity": "twelve" }),
    )
    .await;
    let screen = projector(&driver, (1280, 720), &base, &session.id).await;
    wait_text(
        &screen,
        ".matrix-key",
        "1. More affordable homes for local families",
    )
    .await;
    screen
        .find(Locator::Css("svg.matrix"))
        .await
        .expect("the grid");
    screenshot(&screen, "projector-matrix-twelve").await;
    assert_fits(&screen, "a matrix of twelve items", 720).await;
    assert_accessible(&screen, "the projector's matrix").await;
    // The grid's own words are as large as the slide's: at least 24 px.
    let smallest = screen
        .execute(
            r#"const svg = document.querySelector('svg.matrix');
               const scale = svg.getBoundingClientRect().width / 470;
               return Math.min(...Array.from(svg.querySelectorAll('text'), t => parseFloat(t.getAttribute('font-size')) * scale));"#,
            vec![],
        )
        .await
        .unwrap();
    assert!(
        smallest.as_f64().unwrap() >= 23.5,
        "grid text of {smallest} px"
    );
    // Every label whole: the key turns its pages with the projector's key.
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
        assert_fits(&screen, "a matrix of twelve items, a later page", 720).await;
    }
    wait_text(
        &screen,
        ".matrix-key",
        "12. Opportunities for young people to stay and succeed",
    )
    .await;
    screenshot(&screen, "projector-matrix-twelve-last-page").await;

    // The console at 1366x768: the grid beside its key, the table below.
    let console = driver.browser((1366, 768)).await;
    log_in(&console, &base).await;
    console
        .goto(&format!("{base}/facilitate/{}", session.id))
        .await
        .unwrap();
    wait_text(&console, ".matrix-key", "Opportunities for young people").await;
    console
        .execute(
            "document.querySelector('figure.matrix-figure').scrollIntoView();",
            vec![],
        )
        .await
        .unwrap();
    screenshot(&console, "console-matrix-twelve").await;
    assert_accessible(&console, "the console's matrix results").await;
    let marks = screen
        .execute(
            "return document.querySelectorAll('svg.matrix circle, svg.matrix rect').length;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        marks,
        json!(1 + 12 * 2),
        "the frame, and a mark per team per item: {marks}"
    );
    // Points that coincide are set around their spot: no mark hides another.
    let overlapping = screen
        .execute(
            r#"const c = Array.from(document.querySelectorAll('svg.matrix circle, svg.matrix rect')).slice(1)
                 .map(function (m) { const b = m.getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2, b.width]; });
               let n = 0;
               c.forEach(function (a, i) { c.slice(i + 1).forEach(function (b) { if (Math.hypot(a[0] - b[0], a[1] - b[1]) < a[2] * 0.9) n += 1; }); });
               return n;"#,
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(overlapping, json!(0), "marks on top of each other");
}
