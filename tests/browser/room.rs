//! The room: a projector that fits the screen, a console driven by keys,
//! and phones that keep what was typed.

use crate::helpers::*;
use crate::support::*;
use fantoccini::{Client, Locator};
use serde_json::{json, Value};

const CONSOLE: (u32, u32) = (1366, 768);
const SMALL_PROJECTOR: (u32, u32) = (1280, 720);
const LARGE_PROJECTOR: (u32, u32) = (1920, 1080);

pub(crate) async fn log_in(client: &Client, base: &str) {
    client.goto(&format!("{base}/facilitate")).await.unwrap();
    type_into(client, "#key", KEY).await;
    click(client, "form.login button[type=submit]").await;
    wait_text(client, "h1", "Sessions").await;
}

pub(crate) async fn assert_accessible(client: &Client, page: &str) {
    let violations = accessibility_violations(client).await;
    assert!(violations.is_empty(), "{page}: {}", violations.join("\n"));
}

/// How the projector's page sits in its window: whether it scrolls, what
/// text is cut off below the bottom edge, and the smallest text shown.
const MEASURE: &str = r#"
    const doc = document.documentElement;
    let smallest = 1e9, smallestText = '', cut = [];
    document.querySelectorAll('#live *').forEach(function (el) {
        if (el.closest('.visually-hidden, [hidden], svg')) return;
        const text = Array.prototype.filter.call(el.childNodes, function (n) {
            return n.nodeType === 3 && n.textContent.trim();
        }).map(function (n) { return n.textContent.trim(); }).join(' ');
        if (!text || !el.getClientRects().length) return;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < smallest) { smallest = size; smallestText = text; }
        const box = el.getBoundingClientRect();
        if (box.bottom > window.innerHeight + 1) cut.push(text);
    });
    return { scroll: doc.scrollHeight, inner: window.innerHeight, smallest: smallest,
             smallest_text: smallestText, cut: cut };
"#;

async fn measure(screen: &Client) -> Value {
    screen.execute(MEASURE, vec![]).await.unwrap()
}

pub(crate) async fn projector(
    driver: &Driver,
    size: (u32, u32),
    base: &str,
    session: &str,
) -> Client {
    let screen = driver.viewport(size).await;
    log_in(&screen, base).await;
    screen
        .goto(&format!("{base}/screen/{session}"))
        .await
        .unwrap();
    screen
}

/// Checks the slide fits: no scroll, nothing below the edge, text at least 24 px.
pub(crate) async fn assert_fits(screen: &Client, what: &str, height: u32) {
    let m = measure(screen).await;
    assert_eq!(
        m["inner"],
        json!(height),
        "{what}: the window's page area: {m}"
    );
    assert!(
        m["scroll"].as_f64() <= m["inner"].as_f64(),
        "{what}: the projector scrolls: {m}"
    );
    assert_eq!(
        m["cut"],
        json!([]),
        "{what}: text below the screen's edge: {m}"
    );
    assert!(
        m["smallest"].as_f64().unwrap() >= 24.0,
        "{what}: text smaller than 24 px: {m}"
    );
}

/// The labels the projector shows now, each read whole from its element;
/// and any element whose text is cut (clamped, clipped, or overflowing).
const LABELS: &str = r#"
    const shown = [], cut = [], places = [];
    document.querySelectorAll('#live .open-item, #live .role-row .role-label, #live .bar-label, #live .statement-text').forEach(function (el) {
        if (el.closest('[hidden]') || !el.getClientRects().length) return;
        if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) cut.push(el.textContent);
        shown.push(el.firstChild.textContent.trim());
    });
    document.querySelectorAll('#live .role-row').forEach(function (row) {
        if (row.closest('[hidden]')) return;
        places.push(Array.prototype.map.call(row.querySelectorAll('.role-place'), function (p) { return p.textContent.trim(); }));
    });
    return { shown: shown, cut: cut, places: places };
"#;

/// Every label on every page of the slide, read whole: turns the pages with
/// the projector's own keys (back to the first, which the server keeps
/// from an earlier projector's turning, then →), checking each fits.
async fn every_label(screen: &Client, what: &str, height: u32) -> (Vec<String>, Vec<Value>) {
    let mut labels = Vec::new();
    let mut places = Vec::new();
    let pages = screen
        .execute("const p = document.querySelector('#live .pages'); return p ? parseInt(p.dataset.pages, 10) : 1;", vec![])
        .await
        .unwrap()
        .as_u64()
        .unwrap();
    for _ in 1..pages {
        screen
            .execute(
                "document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft' }));",
                vec![],
            )
            .await
            .unwrap();
    }
    for page in 1..=pages {
        if page > 1 {
            screen
                .execute(
                    "document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));",
                    vec![],
                )
                .await
                .unwrap();
        }
        assert_fits(screen, &format!("{what}, page {page}"), height).await;
        let seen = screen.execute(LABELS, vec![]).await.unwrap();
        assert_eq!(
            seen["cut"],
            json!([]),
            "{what}, page {page}: labels cut: {seen}"
        );
        for l in seen["shown"].as_array().unwrap() {
            labels.push(l.as_str().unwrap().to_string());
        }
        places.extend(seen["places"].as_array().unwrap().iter().cloned());
    }
    (labels, places)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_projector_shows_twelve_options_and_fourteen_responsibilities_whole_at_three_sizes() {
    let driver = Driver::start().await;
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let base = format!("http://{}", app.addr);

    // Workshop 1: seven ideas carried into the five scripted priorities make
    // a dot vote of twelve options, open: the room sees them, no counts.
    let w1 = app.create_session("w1-cabinet").await;
    let mut phones = app.phones(&w1, "cabinet", 3).await;
    app.command(&w1.id, json!({ "type": "open", "activity": "mandate" }))
        .await;
    let ideas = [
        "Fix the potholes on the ring road before winter",
        "Youth centres in every town",
        "A council house building programme",
        "Town centre regeneration with local businesses",
        "Cheaper parking for carers",
        "Faster planning decisions",
        "Ward budgets that residents decide",
    ];
    for (n, text) in ideas.iter().enumerate() {
        let phone = &mut phones[n % 3];
        acked(
            &phone
                .command(json!({ "type": "idea", "activity": "mandate", "text": text }))
                .await,
        );
    }
    app.command(&w1.id, json!({ "type": "open", "activity": "priorities" }))
        .await;
    let state = app.state(&w1.id).await;
    let options: Vec<(String, String)> = activity(&state, "priorities")["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["id"].as_str().unwrap().to_string(),
                o["label"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(options.len(), 12, "{options:?}");
    let mut option_labels: Vec<String> = options.iter().map(|(_, l)| l.clone()).collect();
    option_labels.sort();
    acked(
        &phones[0]
            .vote("priorities", json!({ "dots": { options[0].0.clone(): 3 } }))
            .await,
    );

    // Workshop 2: the fourteen-item role map, both teams voting, revealed.
    let w2 = app.create_session("w2-joint-vision").await;
    let mut voters = app.phones(&w2, "cabinet", 3).await;
    voters.extend(app.phones(&w2, "management", 3).await);
    app.command(&w2.id, json!({ "type": "open", "activity": "roles" }))
        .await;
    let state = app.state(&w2.id).await;
    let items: Vec<(String, String)> = activity(&state, "roles")["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["id"].as_str().unwrap().to_string(),
                o["label"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(items.len(), 14);
    let mut item_labels: Vec<String> = items.iter().map(|(_, l)| l.clone()).collect();
    item_labels.sort();
    for (n, phone) in voters.iter_mut().enumerate() {
        // The cabinet leans to members, management to officers, on some.
        let placements: serde_json::Map<String, Value> = items
            .iter()
            .enumerate()
            .map(|(i, (id, _))| {
                let place = ["members", "joint", "officers"][(i + n / 3) % 3];
                (id.clone(), json!(place))
            })
            .collect();
        acked(
            &phone
                .vote("roles", json!({ "placements": placements }))
                .await,
        );
    }
    app.command(&w2.id, json!({ "type": "close", "activity": "roles" }))
        .await;
    app.command(&w2.id, json!({ "type": "reveal", "activity": "roles" }))
        .await;

    for size in [(1024, 768), SMALL_PROJECTOR, LARGE_PROJECTOR] {
        let label = format!("{}x{}", size.0, size.1);
        let screen = projector(&driver, size, &base, &w1.id).await;
        // On the page the last projector left it at (the server keeps it).
        let slide = wait_text(&screen, ".open-options", "").await;
        assert!(!slide.contains("dots"), "no counts while open: {slide}");
        let (mut shown, _) =
            every_label(&screen, &format!("twelve open options at {label}"), size.1).await;
        shown.sort();
        assert_eq!(shown, option_labels, "every option, whole, at {label}");
        screenshot(&screen, &format!("projector-open-12-{label}")).await;
        assert_accessible(
            &screen,
            &format!("the projector with open options at {label}"),
        )
        .await;

        screen
            .goto(&format!("{base}/screen/{}", w2.id))
            .await
            .unwrap();
        wait_text(&screen, ".role-head", "Management").await;
        screenshot(&screen, &format!("projector-role-map-14-{label}")).await;
        let (mut shown, places) = every_label(
            &screen,
            &format!("fourteen-item role map at {label}"),
            size.1,
        )
        .await;
        shown.sort();
        assert_eq!(
            shown, item_labels,
            "every responsibility, whole, at {label}"
        );
        assert_eq!(places.len(), 14);
        for row in &places {
            let row = row.as_array().unwrap();
            assert_eq!(row.len(), 2, "cabinet and management side by side: {row:?}");
            for place in row {
                let place = place.as_str().unwrap();
                assert!(
                    ["Members lead", "Joint", "Officers lead"]
                        .iter()
                        .any(|p| place.ends_with(p)),
                    "a placement in words: {place}"
                );
            }
        }
        let differ = screen
            .execute(
                "return document.querySelector('.role-row.contested .role-differ').textContent;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(differ, "Teams differ");
        assert_accessible(
            &screen,
            &format!("the projector with the role map at {label}"),
        )
        .await;
        screen.close().await.unwrap();
    }

    // The twelve options revealed as bars: every label whole on each page.
    for (n, phone) in phones.iter_mut().enumerate().skip(1) {
        let mut ballot = serde_json::Map::new();
        for (id, _) in options.iter().skip(n).step_by(2).take(5) {
            ballot.insert(id.clone(), json!(1));
        }
        acked(&phone.vote("priorities", json!({ "dots": ballot })).await);
    }
    app.command(&w1.id, json!({ "type": "close", "activity": "priorities" }))
        .await;
    app.command(
        &w1.id,
        json!({ "type": "reveal", "activity": "priorities" }),
    )
    .await;
    for size in [(1024, 768), SMALL_PROJECTOR, LARGE_PROJECTOR] {
        let label = format!("{}x{}", size.0, size.1);
        let screen = projector(&driver, size, &base, &w1.id).await;
        wait_text(&screen, ".slide .legend", "Cabinet").await;
        let (mut shown, _) = every_label(
            &screen,
            &format!("twelve revealed options at {label}"),
            size.1,
        )
        .await;
        shown.sort();
        assert_eq!(
            shown, option_labels,
            "every option's bar, whole, at {label}"
        );
        screenshot(&screen, &format!("projector-dots-12-{label}")).await;
        screen.close().await.unwrap();
    }

    // The facilitator turns the projector's pages from the console: P, and
    // the button (from the first page: the projectors above left it on
    // their last).
    app.command(
        &w2.id,
        json!({ "type": "page", "activity": "roles", "page": 1 }),
    )
    .await;
    let screen = projector(&driver, SMALL_PROJECTOR, &base, &w2.id).await;
    wait_text(&screen, ".page-count", "Page 1 of").await;
    let console = driver.browser(CONSOLE).await;
    log_in(&console, &base).await;
    console
        .goto(&format!("{base}/facilitate/{}", w2.id))
        .await
        .unwrap();
    wait_text(&console, ".slide-paging", "page 1 of").await;
    press(&console, "p").await;
    wait_text(&console, ".slide-paging", "page 2 of").await;
    wait_text(&screen, ".page-count", "Page 2 of").await;
    click(&console, "#page-back").await;
    wait_text(&screen, ".page-count", "Page 1 of").await;
    // A clicker on the projector's own window turns its page, and the
    // console says so (its count is never out of step with the room's).
    press(&screen, "\u{e014}").await;
    wait_text(&screen, ".page-count", "Page 2 of").await;
    wait_text(&console, ".slide-paging", "page 2 of").await;
    screenshot(&console, "console-slide-paging").await;
    assert_accessible(&console, "the console with paging").await;
    for client in [screen, console] {
        client.close().await.unwrap();
    }
    app.stop().await;
}

async fn stage(app: &TestApp, session: &str, id: &str) -> (String, bool, Option<String>) {
    let state = app.state(session).await;
    let a = activity(&state, id);
    (
        a["status"].as_str().unwrap().to_string(),
        a["revealed"].as_bool().unwrap(),
        state["current"].as_str().map(String::from),
    )
}

async fn press(console: &Client, key: &str) {
    console
        .find(Locator::Css("body"))
        .await
        .unwrap()
        .send_keys(key)
        .await
        .unwrap();
}

/// Waits until the console's primary button says `label`, i.e. the last key
/// press's view has arrived (as a person waits to see it before pressing again).
async fn next_step_says(console: &Client, label: &str) {
    wait_text(console, "#next-step", label).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_walks_an_activity_with_the_keyboard_alone_and_names_who_has_not_voted() {
    let driver = Driver::start().await;
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let base = format!("http://{}", app.addr);
    let session = app.create_session("w1-cabinet").await;
    let mut phones = Vec::new();
    for name in ["Cllr Patel", "Cllr Okafor", "Cllr Begum"] {
        let joined = app.admitted(&session, name, "cabinet").await;
        phones.push(Socket::participant(&app, &session.id, &joined).await);
    }

    let console = driver.browser(CONSOLE).await;
    log_in(&console, &base).await;
    console
        .goto(&format!("{base}/facilitate/{}", session.id))
        .await
        .unwrap();
    wait_text(&console, "#connection", "Connected").await;
    next_step_says(&console, "Open Check-in").await;

    // N opens the first activity, N closes it, → shows its results, N goes on.
    press(&console, "n").await;
    next_step_says(&console, "Close voting").await;
    assert_eq!(
        stage(&app, &session.id, "check-in").await,
        ("open".into(), false, Some("check-in".into()))
    );

    // Who has not voted yet, by name.
    let state = app.state(&session.id).await;
    let names = |ids: &Value| -> Vec<String> {
        ids.as_array()
            .unwrap()
            .iter()
            .map(|id| {
                state["participants"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|p| p["id"] == *id)
                    .unwrap()["name"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    assert_eq!(
        names(&activity(&state, "check-in")["waiting"]),
        ["Cllr Patel", "Cllr Okafor", "Cllr Begum"]
    );
    let items: Vec<String> = activity(&state, "check-in")["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap().to_string())
        .collect();
    let scores: serde_json::Map<String, Value> =
        items.iter().map(|i| (i.clone(), json!(4))).collect();
    acked(
        &phones[1]
            .vote("check-in", json!({ "scores": scores }))
            .await,
    );
    let state = app.state(&session.id).await;
    assert_eq!(
        names(&activity(&state, "check-in")["waiting"]),
        ["Cllr Patel", "Cllr Begum"]
    );
    let deadline = tokio::time::Instant::now() + PAGE_WAIT;
    loop {
        let not_yet = wait_text(&console, "ul.not-yet", "Cllr Begum").await;
        if !not_yet.contains("Cllr Okafor") {
            assert!(not_yet.contains("Cllr Patel"), "{not_yet}");
            break;
        }
        assert!(tokio::time::Instant::now() < deadline, "{not_yet}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    screenshot(&console, "console-now-panel").await;
    assert_accessible(&console, "the console with a vote open").await;

    press(&console, "n").await;
    next_step_says(&console, "Show results").await;
    assert_eq!(stage(&app, &session.id, "check-in").await.0, "closed");
    press(&console, "\u{E014}").await; // → (WebDriver's ArrowRight)
    next_step_says(&console, "Next: ").await;
    assert_eq!(
        stage(&app, &session.id, "check-in").await,
        ("closed".into(), true, Some("check-in".into()))
    );
    // H hides the results again, N shows them, N goes on to the next activity.
    press(&console, "h").await;
    next_step_says(&console, "Show results").await;
    assert!(!stage(&app, &session.id, "check-in").await.1);
    press(&console, "n").await;
    next_step_says(&console, "Next: ").await;
    press(&console, "n").await;
    next_step_says(&console, "Open voting").await;
    assert_eq!(
        stage(&app, &session.id, "mandate").await,
        ("pending".into(), false, Some("mandate".into()))
    );
    // ← goes back to the previous activity.
    press(&console, "\u{E012}").await; // ←
    wait_text(&console, "#now-title", "Check-in").await;
    assert_eq!(app.state(&session.id).await["current"], "check-in");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_keeps_its_draft_through_a_reload_and_says_what_was_kept_when_voting_closes() {
    let driver = Driver::start().await;
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let base = format!("http://{}", app.addr);
    let session = app.create_session("w1-cabinet").await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "priorities" }),
    )
    .await;

    let phone = driver.browser(PHONE).await;
    phone
        .goto(&format!("{base}/join/{}", session.code))
        .await
        .unwrap();
    type_into(&phone, "#name", "Cllr Patel").await;
    click(&phone, "#group-cabinet").await;
    click(&phone, "form.join button[type=submit]").await;
    wait_text(&phone, "form.ballot", "dots left").await;
    click(&phone, "form.ballot li.option:nth-child(2) [data-step='1']").await;
    click(&phone, "form.ballot li.option:nth-child(2) [data-step='1']").await;
    wait_text(&phone, ".saved", "Not saved yet").await;

    // A reload keeps the two dots, not yet saved.
    phone.refresh().await.unwrap();
    wait_text(&phone, "#connection", "Connected").await;
    wait_text(
        &phone,
        "form.ballot li.option:nth-child(2) output.count",
        "2",
    )
    .await;
    wait_text(&phone, ".saved", "Not saved yet").await;
    screenshot(&phone, "phone-draft-after-reload").await;

    // Voting closes before it is saved: the phone says so and shows what it kept.
    app.command(
        &session.id,
        json!({ "type": "close", "activity": "priorities" }),
    )
    .await;
    let kept = wait_text(&phone, ".kept", "Voting closed before you saved").await;
    assert!(kept.contains(": 2 dots"), "{kept}");
    screenshot(&phone, "phone-closed-before-saved").await;
    assert_accessible(&phone, "the phone after voting closed").await;
    let state = app.state(&session.id).await;
    assert_eq!(
        activity(&state, "priorities")["results"]["all"]["ballots"],
        0
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_performance_agreement_slide_shows_each_field_in_the_script_order() {
    let driver = Driver::start().await;
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let base = format!("http://{}", app.addr);
    let w3 = app.create_session("w3-performance").await;
    let (_, mut script) = app
        .get_json(&format!("/api/sessions/{}/script", w3.id), Some(KEY))
        .await;
    let fields = json!({
        "outcome": "More homes that local people can afford",
        "measure": "Affordable homes completed each year",
        "target": "400 a year by 2029",
        "lead_member": "Cllr Amira Patel, Leader",
        "lead_officer": "Director of Place",
        "reporting_rhythm": "Quarterly to cabinet",
        "forum": "Cabinet and CLT joint session"
    });
    let statements: Vec<Value> = [
        ("homes", "Build the homes our residents need"),
        ("town-centres", "Bring our town centres back to life"),
        ("care", "Help older people live well at home"),
    ]
    .iter()
    .map(|(id, label)| json!({ "id": id, "label": label, "fields": fields }))
    .collect();
    let at = script["activity"]
        .as_array()
        .unwrap()
        .iter()
        .position(|a| a["id"] == "performance")
        .unwrap();
    script["activity"][at]["option"] = json!(statements);
    script["activity"][at]
        .as_object_mut()
        .unwrap()
        .remove("from");
    let (status, body) = put_script(&app, &w3.id, &script).await;
    assert_eq!(status, 200, "{body}");
    let mut voters = app.phones(&w3, "cabinet", 2).await;
    voters.extend(app.phones(&w3, "management", 2).await);
    app.command(&w3.id, json!({ "type": "open", "activity": "performance" }))
        .await;
    // While the room answers, the fields it consents to are on the screen.
    let open = projector(&driver, (1280, 720), &base, &w3.id).await;
    let slide = wait_text(&open, ".slide", "Build the homes").await;
    assert!(
        slide.contains("Outcome:") && slide.contains("400 a year by 2029"),
        "{slide}"
    );
    let (shown, _) = every_label(&open, "the performance agreements while open", 720).await;
    assert_eq!(shown.len(), 3, "{shown:?}");
    screenshot(&open, "projector-performance-open-1280x720").await;
    open.close().await.unwrap();
    for phone in voters.iter_mut() {
        let responses: serde_json::Map<String, Value> = ["homes", "town-centres", "care"]
            .iter()
            .map(|id| (id.to_string(), json!({ "response": "agree" })))
            .collect();
        acked(
            &phone
                .vote("performance", json!({ "responses": responses }))
                .await,
        );
    }
    app.command(
        &w3.id,
        json!({ "type": "close", "activity": "performance" }),
    )
    .await;
    app.command(
        &w3.id,
        json!({ "type": "reveal", "activity": "performance" }),
    )
    .await;
    let screen = projector(&driver, (1024, 768), &base, &w3.id).await;
    let slide = wait_text(&screen, ".slide", "Build the homes").await;
    let order: Vec<usize> = [
        "Outcome",
        "Measure",
        "Target",
        "Lead member",
        "Lead officer",
        "Reporting rhythm",
        "Forum",
    ]
    .iter()
    .map(|f| {
        slide
            .find(&format!("{f}:"))
            .unwrap_or_else(|| panic!("{f} missing: {slide}"))
    })
    .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "fields in the script's order: {slide}"
    );
    let (shown, _) = every_label(&screen, "the performance agreement at 1024x768", 768).await;
    assert_eq!(shown.len(), 3, "{shown:?}");
    screenshot(&screen, "projector-performance-agreement-1024x768").await;
    assert_accessible(&screen, "the performance agreement slide").await;
    screen.close().await.unwrap();
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_timer_box_and_an_error_beside_it_stay_while_phones_vote() {
    let driver = Driver::start().await;
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let base = format!("http://{}", app.addr);
    let session = app.create_session("w1-cabinet").await;
    let mut phones = app.phones(&session, "cabinet", 2).await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "priorities" }),
    )
    .await;
    let console = driver.browser(CONSOLE).await;
    log_in(&console, &base).await;
    console
        .goto(&format!("{base}/facilitate/{}", session.id))
        .await
        .unwrap();
    wait_text(&console, "#connection", "Connected").await;
    click(&console, "details.timer-set summary").await;
    let minutes = "#timer-minutes-priorities";
    type_into(&console, minutes, "0").await;
    click(&console, "form.timer-controls button[type=submit]").await;
    wait_text(
        &console,
        ".timer-controls .inline-error",
        "Write the minutes",
    )
    .await;
    // A phone votes: the console redraws, and the box, its text, the error
    // beside it and the focus all stay.
    console
        .find(Locator::Css(minutes))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let seq = acked(
        &phones[0]
            .vote("priorities", json!({ "dots": { "budget": 2 } }))
            .await,
    );
    let mut screen = Socket::staff(&app, &session.id, "facilitate").await;
    screen.view_at_least(seq).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let now = console
        .execute(
            "const box = document.querySelector('details.timer-set'); return [box.open, document.activeElement.id, document.querySelector('#timer-minutes-priorities').value, !!document.querySelector('.timer-controls .inline-error')];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        now,
        json!([true, "timer-minutes-priorities", "0", true]),
        "after a redraw"
    );
    // Typed on, the next key goes into the box, not to the console's keys.
    type_into(&console, minutes, "5").await;
    let value = console
        .find(Locator::Css(minutes))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(value.as_deref(), Some("05"));
    let _ = &mut phones;
}
