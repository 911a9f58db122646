//! Preparing a session's agenda in the browser.

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

fn ids(state: &serde_json::Value) -> Vec<String> {
    state["activities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_facilitator_reorders_adds_an_option_and_saves_and_a_bad_field_is_named_beside_it() {
    let driver = Driver::start().await;
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let base = format!("http://{}", app.addr);
    let session = app.create_session("w1-cabinet").await;
    app.command(
        &session.id,
        json!({ "type": "open", "activity": "check-in" }),
    )
    .await;
    let before = ids(&app.state(&session.id).await);
    assert_eq!(&before[..3], ["check-in", "mandate", "priorities"]);

    let console = driver.browser((1366, 768)).await;
    log_in(&console, &base).await;
    // Workshop 2 in a new series would carry the script's own priorities: the
    // create form says so before the session is made.
    click(&console, "#workshop option[value='w2-joint-vision']").await;
    wait_text(
        &console,
        "#carry-warning",
        "carries priorities from Workshop 1",
    )
    .await;
    click(&console, "#workshop option[value='w1-cabinet']").await;
    let warning = console
        .find(Locator::Css("#carry-warning"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(warning.is_empty(), "{warning}");
    console
        .goto(&format!("{base}/facilitate/{}/prepare", session.id))
        .await
        .unwrap();
    wait_text(&console, "h1", "Prepare the agenda").await;
    // The opened check-in cannot change.
    wait_text(
        &console,
        "#activities > li:nth-child(1)",
        "Already opened in the room",
    )
    .await;

    // Move "priorities" (third) above "mandate"... no: priorities carries
    // from mandate, so move the role map (fourth) up above priorities.
    click(&console, "#activities > li:nth-child(4) [data-edit=up]").await;
    wait_text(&console, "#save-status", "to place 3").await;
    // Add an option to the dot vote (now fourth) and save.
    click(&console, "#activities > li:nth-child(4) .add-option").await;
    let new_option = console
        .find(Locator::Css(
            "#activities > li:nth-child(4) .option-edit:last-child [name=label]",
        ))
        .await
        .unwrap();
    new_option
        .send_keys("Free buses for under-18s")
        .await
        .unwrap();
    screenshot(&console, "prepare-editing").await;
    click(&console, "#prepare button[type=submit]").await;
    wait_text(&console, "#save-status", "Saved").await;

    let state = app.state(&session.id).await;
    let after = ids(&state);
    assert_eq!(
        &after[..4],
        ["check-in", "mandate", "roles", "priorities"],
        "{after:?}"
    );
    let labels: Vec<&str> = activity(&state, "priorities")["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["label"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"Free buses for under-18s"), "{labels:?}");
    assert_eq!(activity(&state, "check-in")["status"], "open");
    // Saved from the editor, the script keeps its Welsh beside the English.
    let (_, script) = app
        .get_json(&format!("/api/sessions/{}/script", session.id), Some(KEY))
        .await;
    let mandate = &script["activity"][1];
    assert_eq!(mandate["id"], "mandate");
    assert!(
        mandate["title"]["cy"]
            .as_str()
            .is_some_and(|cy| !cy.is_empty()),
        "{mandate}"
    );
    assert!(mandate["title"]["en"].as_str().is_some(), "{mandate}");

    // The question quotes the budget: changing it changes the question too.
    let dots = console
        .find(Locator::Css("#activities > li:nth-child(4) [name=dots]"))
        .await
        .unwrap();
    let prompt = console
        .find(Locator::Css("#activities > li:nth-child(4) [name=prompt]"))
        .await
        .unwrap();
    let was = prompt.prop("value").await.unwrap().unwrap_or_default();
    assert!(was.contains("Spread your 5 dots"), "{was}");
    // As a person types: back over the 5, then 7 (WebDriver's clear() would
    // fire a change of its own in between).
    dots.send_keys("\u{E010}\u{E003}7").await.unwrap();
    prompt.click().await.unwrap();
    let now = prompt.prop("value").await.unwrap().unwrap_or_default();
    assert!(now.contains("Spread your 7 dots"), "{now}");
    let welsh = console
        .find(Locator::Css(
            "#activities > li:nth-child(4) [name=prompt-cy]",
        ))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(welsh.contains("Rhannwch eich 7 dot"), "{welsh}");
    wait_text(&console, "#save-status", "now says \u{201c}7 dots\u{201d}").await;

    // A dot budget of 0 is named beside its field, and nothing is saved.
    dots.clear().await.unwrap();
    dots.send_keys("0").await.unwrap();
    click(&console, "#prepare button[type=submit]").await;
    let note = wait_text(&console, "#activities > li:nth-child(4) .field-error", "").await;
    assert!(!note.is_empty());
    wait_text(&console, "#problems .error-summary", "was not saved").await;
    assert_eq!(
        dots.attr("aria-invalid").await.unwrap().as_deref(),
        Some("true")
    );
    screenshot(&console, "prepare-problem").await;
    let violations = accessibility_violations(&console).await;
    assert!(
        violations.is_empty(),
        "the agenda editor: {}",
        violations.join("\n")
    );
    assert_eq!(
        activity(&app.state(&session.id).await, "priorities")["dots"],
        5
    );

    // A private note for the facilitator, then the day's run-sheet from 10:00.
    dots.clear().await.unwrap();
    dots.send_keys("5").await.unwrap();
    type_into(
        &console,
        "#a4-notes",
        "Remind them the budget is set in February",
    )
    .await;
    click(&console, "#prepare button[type=submit]").await;
    wait_text(&console, "#save-status", "Saved").await;
    // Save as a template for other councils.
    type_into(&console, "#template-name", "Ashfield cabinet day").await;
    click(&console, "#save-template button[type=submit]").await;
    wait_text(&console, "#template-status", "Saved as the template").await;
    let (_, list) = app.get_json("/api/workshops", Some(KEY)).await;
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .any(|w| w["id"] == "ashfield-cabinet-day" && w["builtin"] == false),
        "{list}"
    );

    let state = app.state(&session.id).await;
    assert!(
        !state.to_string().contains("Remind them"),
        "notes stay out of the session state"
    );
    console
        .goto(&format!(
            "{base}/facilitate/{}/runsheet?start=10:00",
            session.id
        ))
        .await
        .unwrap();
    let row = wait_text(&console, "table.runsheet tbody tr", "Cabinet priorities").await;
    assert!(
        row.contains("Remind them the budget is set in February"),
        "{row}"
    );
    let first = wait_text(&console, "table.runsheet tbody tr", "10:00").await;
    assert!(first.contains("Check-in"), "{first}");
    screenshot(&console, "runsheet").await;
    let violations = accessibility_violations(&console).await;
    assert!(
        violations.is_empty(),
        "the run-sheet: {}",
        violations.join("\n")
    );
    let pdf = console
        .print(
            fantoccini::wd::PrintConfiguration::builder()
                .build()
                .unwrap(),
        )
        .await
        .unwrap();
    assert!(pdf.starts_with(b"%PDF"), "the run-sheet prints");
    std::fs::write(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots/runsheet.pdf"),
        pdf,
    )
    .unwrap();

    // The accessibility statement, linked from every page but the projector.
    click(&console, "footer a[href='/accessibility']").await;
    wait_text(&console, "h1", "Accessibility statement").await;
    let violations = accessibility_violations(&console).await;
    assert!(
        violations.is_empty(),
        "the statement: {}",
        violations.join("\n")
    );
    app.stop().await;
}
