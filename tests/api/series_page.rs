//! The series page's forms, as a browser sends them: rename, roster rows
//! and pasted lines (refusals named by line, nothing saved), a new series
//! named in the create form, and deleting a session and a series only with
//! the typed confirmation.

use crate::helpers::*;
use crate::trust::abuse::login_cookie;
use serde_json::{json, Value};

struct Console {
    client: reqwest::Client,
    cookie: String,
    origin: String,
    base: String,
}

impl Console {
    async fn new(app: &TestApp) -> Console {
        Console {
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            cookie: login_cookie(app).await,
            origin: format!("http://{}", app.addr),
            base: app.url(""),
        }
    }

    /// Posts a form; the status, where it sends the browser, and the page.
    async fn post(&self, path: &str, fields: &[(&str, &str)]) -> (u16, String, String) {
        let response = self
            .client
            .post(format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .header("origin", &self.origin)
            .form(fields)
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get("location")
            .map(|l| l.to_str().unwrap().to_string())
            .unwrap_or_default();
        (status, location, response.text().await.unwrap())
    }

    async fn get(&self, path: &str) -> String {
        self.client
            .get(format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }
}

async fn series(app: &TestApp, id: &str) -> Value {
    app.get_json(&format!("/api/series/{id}"), Some(KEY))
        .await
        .1
}

#[tokio::test]
async fn a_series_is_named_staffed_and_deleted_from_its_page() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let console = Console::new(&app).await;

    // The create form names a new series.
    let (status, location, _) = console
        .post(
            "/facilitate/sessions",
            &[
                ("workshop", "w1-cabinet"),
                ("title", "Workshop 1"),
                ("series", ""),
                ("series_name", "Ashfield top team 2026"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    let session = location.trim_start_matches("/facilitate/").to_string();
    let state = app.state(&session).await;
    let id = state["series"].as_str().unwrap().to_string();
    assert_eq!(series(&app, &id).await["name"], "Ashfield top team 2026");
    let page = console.get(&format!("/facilitate/series/{id}")).await;
    assert!(page.contains("Series: Ashfield top team 2026"), "{page}");
    assert!(page.contains("Workshop 1"), "its session listed");

    // Renamed, by the form and the API; an empty name is refused.
    let at = format!("/facilitate/series/{id}");
    let (status, location, _) = console
        .post(&format!("{at}/name"), &[("name", "Ashfield 2026")])
        .await;
    assert_eq!(
        (status, location.as_str()),
        (303, &*format!("{at}?done=renamed"))
    );
    let (status, _, page) = console.post(&format!("{at}/name"), &[("name", "  ")]).await;
    assert_eq!(status, 422);
    assert!(page.contains("needs a name"), "{page}");
    let renamed = reqwest::Client::new()
        .put(app.url(&format!("/api/series/{id}/name")))
        .bearer_auth(KEY)
        .json(&json!({ "name": "Ashfield top team" }))
        .send()
        .await
        .unwrap();
    assert_eq!(renamed.status(), 200);
    assert_eq!(series(&app, &id).await["name"], "Ashfield top team");

    // A roster pasted: one bad line refuses all, named by its line, and
    // what was typed comes back.
    let pasted = "Cllr Amina Patel, cabinet, Leader of the Council\n\
                  Sam Reed\tCLT\tDirector of Place, Growth and Regeneration\n\
                  Jo Bloggs, treasurer";
    let (status, _, page) = console
        .post(&format!("{at}/roster"), &[("paste", pasted)])
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("Line 3"), "the line named: {page}");
    assert!(
        page.contains("&quot;treasurer&quot; is not a team")
            || page.contains("\"treasurer\" is not a team"),
        "{page}"
    );
    assert!(page.contains("Sam Reed\tCLT"), "the paste kept");
    assert_eq!(series(&app, &id).await["roster"], json!([]));
    let fixed = pasted.replace("treasurer", "cabinet, Finance");
    let (status, location, _) = console
        .post(&format!("{at}/roster"), &[("paste", &fixed)])
        .await;
    assert_eq!(
        (status, location.as_str()),
        (303, &*format!("{at}?done=roster"))
    );
    let roster = series(&app, &id).await["roster"].clone();
    assert_eq!(roster.as_array().unwrap().len(), 3);
    assert_eq!(roster[1]["group"], "management");
    assert_eq!(
        roster[1]["job_title"],
        "Director of Place, Growth and Regeneration"
    );
    // The live session has it too.
    // Workshop 1 is the cabinet alone: the two cabinet members are expected.
    let running = console.get(&format!("/facilitate/{session}")).await;
    assert!(
        running.contains("2 of 2 expected from the roster"),
        "{running}"
    );

    // Rows edited: a job title changed, one taken off, one added; ids kept.
    let ids: Vec<String> = (0..3)
        .map(|i| roster[i]["id"].as_str().unwrap().to_string())
        .collect();
    let rows = [
        ("id.0", ids[0].as_str()),
        ("name.0", "Cllr Amina Patel"),
        ("group.0", "cabinet"),
        ("job.0", "Leader"),
        ("id.1", ids[1].as_str()),
        ("name.1", "Sam Reed"),
        ("group.1", "management"),
        ("job.1", "Director of Place"),
        ("remove.1", "yes"),
        ("id.2", ids[2].as_str()),
        ("name.2", "Jo Bloggs"),
        ("group.2", "cabinet"),
        ("job.2", "Finance"),
        ("name.3", "Ann Lee"),
        ("group.3", "management"),
        ("job.3", "Chief Executive"),
        ("paste", ""),
    ];
    let (status, _, _) = console.post(&format!("{at}/roster"), &rows).await;
    assert_eq!(status, 303);
    let roster = series(&app, &id).await["roster"].clone();
    let names: Vec<&str> = roster
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Cllr Amina Patel", "Jo Bloggs", "Ann Lee"]);
    assert_eq!(roster[0]["id"], ids[0].as_str());
    assert_eq!(roster[0]["job_title"], "Leader");

    // A row without a team, and two people phones could not tell apart,
    // are refused beside the row or by name; nothing saved.
    let (status, _, page) = console
        .post(
            &format!("{at}/roster"),
            &[("name.0", "Tom Oduya"), ("group.0", "")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("Choose this person"), "{page}");
    let (status, _, page) = console
        .post(
            &format!("{at}/roster"),
            &[("paste", "Ann Lee, cabinet\nann lee, management")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("is on the roster twice"), "{page}");
    assert_eq!(series(&app, &id).await["roster"], roster);

    // A session deleted from its console only with its code typed.
    let code = app.state(&session).await["code"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, _, page) = console
        .post(
            &format!("/facilitate/{session}/delete"),
            &[("confirm", "WRONG1")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("Nothing was deleted"), "{page}");
    assert_eq!(
        app.get_json(&format!("/api/sessions/{session}"), Some(KEY))
            .await
            .0,
        200
    );
    let (status, location, _) = console
        .post(
            &format!("/facilitate/{session}/delete"),
            &[("confirm", &code.to_lowercase())],
        )
        .await;
    assert_eq!(
        (status, location.as_str()),
        (303, "/facilitate?done=session-deleted")
    );
    assert_eq!(
        app.get_json(&format!("/api/sessions/{session}"), Some(KEY))
            .await
            .0,
        404
    );

    // The series, only with its name typed.
    let (status, _, _) = console
        .post(&format!("{at}/delete"), &[("confirm", "Ashfield")])
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        app.get_json(&format!("/api/series/{id}"), Some(KEY))
            .await
            .0,
        200
    );
    let (status, location, _) = console
        .post(&format!("{at}/delete"), &[("confirm", "ashfield top team")])
        .await;
    assert_eq!(
        (status, location.as_str()),
        (303, "/facilitate?done=series-deleted")
    );
    assert_eq!(
        app.get_json(&format!("/api/series/{id}"), Some(KEY))
            .await
            .0,
        404
    );
}

#[tokio::test]
async fn the_series_forms_refuse_strangers_and_other_sites() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let (_, made) = app
        .post_json("/api/series", Some(KEY), json!({ "name": "Ashfield" }))
        .await;
    let id = made["id"].as_str().unwrap();
    let console = Console::new(&app).await;
    // No login: sent to log in, nothing changed.
    let stranger = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let response = stranger
        .post(app.url(&format!("/facilitate/series/{id}/delete")))
        .header("origin", &console.origin)
        .form(&[("confirm", "Ashfield")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    // Another site, with the console's cookie: refused.
    let response = stranger
        .post(app.url(&format!("/facilitate/series/{id}/name")))
        .header("cookie", &console.cookie)
        .header("origin", "http://evil.example")
        .form(&[("name", "Owned")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert_eq!(series(&app, id).await["name"], "Ashfield");
    // The page itself asks for a login first.
    let page = stranger
        .get(app.url(&format!("/facilitate/series/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 303);
    let location = page.headers()["location"].to_str().unwrap();
    assert_eq!(
        location,
        format!("/facilitate?next=/facilitate/series/{id}")
    );
}

#[tokio::test]
async fn a_full_roster_fits_and_a_forged_or_huge_form_is_refused_whole() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let (_, made) = app
        .post_json("/api/series", Some(KEY), json!({ "name": "Gwynedd" }))
        .await;
    let id = made["id"].as_str().unwrap().to_string();
    // 200 people with 80-character Welsh names and job titles: the limits
    // the API documents, in one request.
    let long = |i: usize| format!("{i:03} {}", "Ŵŷ".repeat(38));
    let people: Vec<serde_json::Value> = (0..200)
        .map(|i| json!({ "name": long(i), "group": "management", "job_title": long(i) }))
        .collect();
    let put = app
        .http
        .put(app.url(&format!("/api/series/{id}/roster")))
        .bearer_auth(KEY)
        .json(&json!({ "people": people }))
        .send()
        .await
        .unwrap();
    assert_eq!(put.status(), 200, "{}", put.text().await.unwrap());
    let console = Console::new(&app).await;
    let at = format!("/facilitate/series/{id}/roster");
    // The same roster back through the form, every row as the page sends it.
    let roster = series(&app, &id).await["roster"].clone();
    let mut fields: Vec<(String, String)> = Vec::new();
    for (i, p) in roster.as_array().unwrap().iter().enumerate() {
        fields.push((format!("id.{i}"), p["id"].as_str().unwrap().into()));
        fields.push((format!("name.{i}"), p["name"].as_str().unwrap().into()));
        fields.push((format!("group.{i}"), "management".into()));
        fields.push((format!("job.{i}"), p["job_title"].as_str().unwrap().into()));
    }
    fields.push(("paste".into(), String::new()));
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let (status, _, _) = console.post(&at, &borrowed).await;
    assert_eq!(status, 303, "a full roster saves from the form");
    // Forged: a row the page never has, a field twice; refused, no change.
    for forged in [
        vec![("name.99999999999", "Mallory")],
        vec![("name.05", "Mallory")],
        vec![("name.0", "Alice"), ("name.0", "Mallory")],
        vec![("colour.0", "red")],
    ] {
        let (status, _, page) = console.post(&at, &forged).await;
        assert_eq!(status, 422, "{forged:?}");
        assert!(page.contains("not understood"), "{page}");
    }
    // A paste of a megabyte: refused as a page, not a raw 413.
    let huge = "Someone, cabinet, Portfolio\n".repeat(40_000);
    let (status, _, page) = console.post(&at, &[("paste", &huge)]).await;
    assert_eq!(status, 422);
    assert!(page.contains("more than a roster holds"), "{page}");
    assert_eq!(series(&app, &id).await["roster"], roster);
}
