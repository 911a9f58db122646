//! The roster in a real browser: a phone picks its name from the list, a
//! second phone claiming the same name is held, and the console says why.

use crate::helpers::*;
use crate::support::*;
use fantoccini::Locator;
use serde_json::{json, Value};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_picks_its_name_from_the_roster_and_a_second_claim_is_held() {
    let driver = Driver::start().await;
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let base = format!("http://{}", app.addr);
    let (_, created) = app
        .post_json(
            "/api/series",
            Some(KEY),
            json!({ "name": "Ashfield top team" }),
        )
        .await;
    let series = created["id"].as_str().unwrap().to_string();
    let roster = json!({ "people": [
        { "name": "Cllr Amira Patel", "group": "cabinet", "job_title": "Leader" },
        { "name": "Cllr Ben Okafor", "group": "cabinet", "job_title": "Housing" },
        { "name": "Sam Reed", "group": "management", "job_title": "Chief executive" }
    ] });
    let put = app
        .http
        .put(app.url(&format!("/api/series/{series}/roster")))
        .bearer_auth(KEY)
        .json(&roster)
        .send()
        .await
        .unwrap();
    assert_eq!(put.status(), 200);
    let (_, session) = app
        .post_json(
            "/api/sessions",
            Some(KEY),
            json!({ "workshop": "w1-cabinet", "series": series }),
        )
        .await;
    let (id, code) = (
        session["id"].as_str().unwrap(),
        session["code"].as_str().unwrap(),
    );

    let phone = driver.browser(PHONE).await;
    phone.goto(&format!("{base}/join/{code}")).await.unwrap();
    let page = wait_text(&phone, "fieldset.roster", "Cllr Ben Okafor").await;
    assert!(
        !page.contains("Sam Reed"),
        "workshop 1 lists the cabinet only: {page}"
    );
    screenshot(&phone, "phone-join-roster").await;
    let violations = accessibility_violations(&phone).await;
    assert!(violations.is_empty(), "join page: {violations:?}");
    let ben = app
        .get_json(&format!("/api/series/{series}"), Some(KEY))
        .await
        .1["roster"][1]["id"]
        .as_str()
        .unwrap()
        .to_string();
    click(&phone, &format!("input[value='{ben}']")).await;
    click(&phone, "form.join button[type=submit]").await;
    wait_text(&phone, "#live", "Welcome").await;

    // Another phone types the same name: it is held, and the console says why.
    let twin = driver.browser(PHONE).await;
    twin.goto(&format!("{base}/join/{code}")).await.unwrap();
    let list = wait_text(&twin, "fieldset.roster", "Cllr Amira Patel").await;
    assert!(
        !list.contains("Cllr Ben Okafor"),
        "a claimed name is not offered again"
    );
    click(&twin, "#person-other").await;
    type_into(&twin, "#name", "cllr ben okafor").await;
    click(&twin, "#group-cabinet").await;
    click(&twin, "form.join button[type=submit]").await;
    wait_text(&twin, "#live", "Waiting to be admitted").await;

    let console = driver.browser((1366, 768)).await;
    console.goto(&format!("{base}/facilitate")).await.unwrap();
    type_into(&console, "#key", KEY).await;
    click(&console, "form.login button[type=submit]").await;
    wait_text(&console, "h1", "Sessions").await;
    console
        .goto(&format!("{base}/facilitate/{id}"))
        .await
        .unwrap();
    wait_text(
        &console,
        "section.people",
        "claims a name someone has already joined as",
    )
    .await;
    let people = wait_text(&console, "section.people", "Not here yet").await;
    assert!(people.contains("Cllr Amira Patel"), "{people}");
    screenshot(&console, "console-roster-held").await;
    let violations = accessibility_violations(&console).await;
    assert!(violations.is_empty(), "console: {violations:?}");
    let state: Value = app.state(id).await;
    let admitted: Vec<bool> = state["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["admitted"].as_bool().unwrap())
        .collect();
    assert_eq!(admitted, [true, false]);

    // The Leader types her name without "Cllr": held as not on the roster.
    // The facilitator says who she is, from the console.
    let amira = driver.browser(PHONE).await;
    amira.goto(&format!("{base}/join/{code}")).await.unwrap();
    click(&amira, "#person-other").await;
    type_into(&amira, "#name", "Amira Patel").await;
    click(&amira, "#group-cabinet").await;
    click(&amira, "form.join button[type=submit]").await;
    wait_text(&amira, "#live", "Waiting to be admitted").await;
    wait_text(&console, "section.people", "Admit as them").await;
    let violations = accessibility_violations(&console).await;
    assert!(
        violations.is_empty(),
        "console with 'admit as': {violations:?}"
    );
    let leader = app
        .get_json(&format!("/api/series/{series}"), Some(KEY))
        .await
        .1["roster"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let select = console
        .find(Locator::Css(
            "section.people form[data-command=admit] select",
        ))
        .await
        .unwrap();
    select.select_by_value(&leader).await.unwrap();
    click(
        &console,
        "section.people form[data-command=admit] button[type=submit]",
    )
    .await;
    wait_text(&amira, "#live", "Welcome").await;
    let state: Value = app.state(id).await;
    let her = state["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["person"] == leader.as_str())
        .unwrap();
    assert_eq!(her["name"], "Cllr Amira Patel");
    assert_eq!(her["admitted"], true);
    amira.close().await.unwrap();

    // Ben asks to be erased: the console's button, confirmed, takes his name
    // (and the twin's, typed the same) out of the page and the data folder.
    let ben_here = state["participants"][0]["id"].as_str().unwrap().to_string();
    click(
        &console,
        &format!("button[data-command=erase][data-participant='{ben_here}']"),
    )
    .await;
    let asked = console.get_alert_text().await.unwrap();
    assert!(
        asked.contains("Cllr Ben Okafor") && asked.contains("cannot be undone"),
        "{asked}"
    );
    console.accept_alert().await.unwrap();
    let people = wait_text(&console, "section.people", "name erased at their request").await;
    assert!(!people.to_lowercase().contains("okafor"), "{people}");
    assert!(people.contains("Participant 2"), "{people}");
    console
        .execute(
            "document.querySelector('section.people').scrollIntoView()",
            vec![],
        )
        .await
        .unwrap();
    screenshot(&console, "console-erased").await;
    for spelling in ["Okafor", "okafor"] {
        assert_eq!(files_containing(&dir.0, spelling), Vec::<String>::new());
    }
    for client in [phone, twin, console] {
        client.close().await.unwrap();
    }
}
