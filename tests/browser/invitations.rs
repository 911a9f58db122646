//! Invitations in a real browser: the facilitator prints a sheet of cards
//! for a 12-person series, a phone joins by its card, and an
//! invitations-only series shows a typed name no names and lets it wait.

use crate::helpers::*;
use crate::support::*;
use fantoccini::wd::PrintConfiguration;
use fantoccini::Locator;
use serde_json::{json, Value};

const LEADER: &str = "Cllr Amira Patel";

async fn series_of_twelve(app: &TestApp) -> String {
    let (_, created) = app
        .post_json(
            "/api/series",
            Some(KEY),
            json!({ "name": "Ashfield top team" }),
        )
        .await;
    let series = created["id"].as_str().unwrap().to_string();
    let mut people: Vec<Value> =
        vec![json!({ "name": LEADER, "group": "cabinet", "job_title": "Leader" })];
    people
        .extend((1..6).map(|i| json!({ "name": format!("Cllr Member {i}"), "group": "cabinet" })));
    people.extend((0..6).map(|i| json!({ "name": format!("Officer {i}"), "group": "management" })));
    let put = app
        .http
        .put(app.url(&format!("/api/series/{series}/roster")))
        .bearer_auth(KEY)
        .json(&json!({ "people": people }))
        .send()
        .await
        .unwrap();
    assert_eq!(put.status(), 200);
    series
}

/// Pages in a PDF: each page object says `/Type /Page`.
fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Type /Page")
        .filter(|(i, _)| !text[i + 11..].starts_with('s'))
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_facilitator_prints_twelve_cards_and_a_phone_joins_by_its_own() {
    let driver = Driver::start().await;
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let base = format!("http://{}", app.addr);
    let series = series_of_twelve(&app).await;
    let (_, session) = app
        .post_json(
            "/api/sessions",
            Some(KEY),
            json!({ "workshop": "w2-joint-vision", "series": series }),
        )
        .await;
    let (id, code) = (
        session["id"].as_str().unwrap().to_string(),
        session["code"].as_str().unwrap().to_string(),
    );

    let console = driver.browser((1366, 768)).await;
    console.goto(&format!("{base}/facilitate")).await.unwrap();
    type_into(&console, "#key", KEY).await;
    click(&console, "form.login button[type=submit]").await;
    wait_text(&console, "h1", "Sessions").await;
    // The series' page, from the session's console.
    console
        .goto(&format!("{base}/facilitate/{id}"))
        .await
        .unwrap();
    click(&console, "section.series-link a").await;
    wait_text(&console, "h1", "Series:").await;
    wait_text(&console, "section.invitations", "12 people").await;
    click(&console, "section.invitations form button").await;
    wait_text(&console, "ul.cards", LEADER).await;
    let cards = console.find_all(Locator::Css("li.card")).await.unwrap();
    assert_eq!(cards.len(), 12);
    screenshot(&console, "console-invitation-cards").await;
    let violations = accessibility_violations(&console).await;
    assert!(violations.is_empty(), "cards page: {violations:?}");
    // On A4: eight cards a page, so two pages, and nothing else printed.
    let pdf = console
        .print(PrintConfiguration::builder().build().unwrap())
        .await
        .unwrap();
    let shots = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::write(shots.join("invitation-cards.pdf"), &pdf).unwrap();
    assert_eq!(pdf_pages(&pdf), 2, "12 cards on two A4 pages");
    let leader_card = wait_text(&console, "li.card", LEADER).await;
    // The link's address, then its token on a line of its own.
    let lines: Vec<&str> = leader_card.lines().map(str::trim).collect();
    let at = lines
        .iter()
        .position(|l| l.ends_with("/i/"))
        .expect("the card shows its link");
    let link = format!("{}{}", lines[at], lines[at + 1]);

    // The Leader's phone opens her card: asked first, then in at once,
    // although workshop 2 holds typed names in a lobby.
    let phone = driver.browser(PHONE).await;
    phone.goto(&link).await.unwrap();
    wait_text(&phone, "h1", "Join as Cllr Amira Patel").await;
    screenshot(&phone, "phone-invitation").await;
    let violations = accessibility_violations(&phone).await;
    assert!(violations.is_empty(), "invitation page: {violations:?}");
    click(&phone, "main form button[type=submit]").await;
    wait_text(&phone, "#live", "Welcome").await;
    let state = app.state(&id).await;
    assert_eq!(state["participants"][0]["name"], LEADER);
    assert_eq!(state["participants"][0]["admitted"], true);

    // Invitations only: the console's switch; then a typed name sees no
    // list of names and waits for the facilitator.
    console
        .goto(&format!("{base}/facilitate/series/{series}"))
        .await
        .unwrap();
    click(&console, "section.invitations form:nth-of-type(2) button").await;
    wait_text(&console, "section.invitations", "by invitation only").await;
    let stranger = driver.browser(PHONE).await;
    stranger.goto(&format!("{base}/join/{code}")).await.unwrap();
    let page = wait_text(&stranger, "main", "by invitation").await;
    assert!(!page.contains("Officer 3"), "no names listed: {page}");
    screenshot(&stranger, "phone-join-invitations-only").await;
    let violations = accessibility_violations(&stranger).await;
    assert!(violations.is_empty(), "join page: {violations:?}");
    type_into(&stranger, "#name", "Officer 3").await;
    click(&stranger, "#group-management").await;
    click(&stranger, "form.join button[type=submit]").await;
    wait_text(&stranger, "#live", "Waiting to be admitted").await;
    console
        .goto(&format!("{base}/facilitate/{id}"))
        .await
        .unwrap();
    wait_text(&console, "section.people", "joined without an invitation").await;
    screenshot(&console, "console-invitations-only").await;
    for client in [console, phone, stranger] {
        client.close().await.unwrap();
    }
}
