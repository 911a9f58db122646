//! Setting up with no terminal: a facilitator logs in, starts a session in a
//! new series she names, pastes the roster (a bad line refused beside it,
//! nothing lost), makes a review link she can copy, and deletes a session
//! with its code typed. Console at 1366x768, axe at zero on every page.

use crate::helpers::*;
use crate::support::*;
use fantoccini::Locator;

const CONSOLE: (u32, u32) = (1366, 768);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_facilitator_sets_up_a_series_in_the_browser() {
    let driver = Driver::start().await;
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let base = format!("http://{}", app.addr);
    let console = driver.browser(CONSOLE).await;
    console.goto(&format!("{base}/facilitate")).await.unwrap();
    type_into(&console, "#key", KEY).await;
    click(&console, "form.login button[type=submit]").await;
    wait_text(&console, "h1", "Sessions").await;

    // A new series, named in the create form.
    type_into(&console, "#title", "Workshop 1: the cabinet").await;
    type_into(&console, "#series-name", "Ashfield top team 2026").await;
    click(&console, "form.create button[type=submit]").await;
    wait_text(&console, "h1", "Workshop 1: the cabinet").await;
    click(&console, "section.series-link a").await;
    wait_text(&console, "h1", "Series: Ashfield top team 2026").await;
    let violations = accessibility_violations(&console).await;
    assert!(violations.is_empty(), "series page: {violations:?}");

    // The roster pasted, one line wrong: refused beside its line, kept.
    let pasted = "Cllr Amira Patel, cabinet, Leader of the Council\n\
                  Cllr Ben Okafor, cabinet, Housing\n\
                  Sam Reed, chief, Chief Executive\n\
                  Priya Shah, CLT, Director of Place, Growth and Regeneration\n";
    type_into(&console, "#paste", pasted).await;
    click(&console, "#roster-form button[type=submit]").await;
    let refused = wait_text(&console, "#paste-refusals", "Line 3").await;
    assert!(refused.contains("\"chief\" is not a team"), "{refused}");
    screenshot(&console, "series-roster-refused").await;
    let violations = accessibility_violations(&console).await;
    assert!(violations.is_empty(), "refused roster: {violations:?}");
    let kept = console
        .find(Locator::Css("#paste"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(kept.contains("Priya Shah"), "nothing typed is lost: {kept}");
    let fixed = kept.replace("chief", "management");
    let paste = console.find(Locator::Css("#paste")).await.unwrap();
    paste.clear().await.unwrap();
    paste.send_keys(&fixed).await.unwrap();
    click(&console, "#roster-form button[type=submit]").await;
    wait_text(&console, "p.done", "roster has been saved").await;
    wait_text(&console, "#roster-title", "4 people").await;
    let job = console
        .find(Locator::Css("#job-3"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert_eq!(job, "Director of Place, Growth and Regeneration");
    screenshot(&console, "series-page").await;

    // A review link, with a copy button, and back to the series.
    click(&console, "section.review-links form button").await;
    wait_text(&console, "h1", "A review link").await;
    let copy = console
        .find(Locator::Css("button[data-copy]"))
        .await
        .unwrap();
    assert!(copy.is_displayed().await.unwrap(), "a copy button");
    let violations = accessibility_violations(&console).await;
    assert!(violations.is_empty(), "review link page: {violations:?}");
    click(&console, "main a[href^='/facilitate/series/']").await;
    wait_text(&console, "section.review-links", "Revoke").await;

    // The session deleted from its console, its code typed.
    let session = app.get_json("/api/sessions", Some(KEY)).await.1[0].clone();
    let (id, code) = (
        session["id"].as_str().unwrap().to_string(),
        session["code"].as_str().unwrap().to_string(),
    );
    console
        .goto(&format!("{base}/facilitate/{id}"))
        .await
        .unwrap();
    click(&console, "details.danger-zone summary").await;
    type_into(&console, "#confirm-session", &code).await;
    click(&console, "details.danger-zone button.danger").await;
    wait_text(&console, "p.done", "session has been deleted").await;
    assert_eq!(
        app.get_json(&format!("/api/sessions/{id}"), Some(KEY))
            .await
            .0,
        404
    );
    let home = wait_text(&console, "main", "Ashfield top team 2026").await;
    assert!(home.contains("4 on the roster, 0 sessions"), "{home}");
    let violations = accessibility_violations(&console).await;
    assert!(violations.is_empty(), "console home: {violations:?}");
    console.close().await.unwrap();
}
