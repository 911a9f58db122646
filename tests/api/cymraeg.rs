//! Cymraeg: each reader in their own language. `?lang`, a remembered
//! cookie and `Accept-Language` choose; a Welsh phone reads every step of
//! the three built-in workshops in Welsh (pending, open with its form, and
//! revealed results) while the English phone beside it reads English; its
//! refusals come in Welsh with their English codes.

use crate::helpers::*;
use serde_json::{json, Value};

/// Words that are English and never Welsh: one of these in what a Welsh
/// page shows is a text left untranslated.
const ENGLISH: &[&str] = &[
    "the",
    "and",
    "your",
    "you",
    "of",
    "to",
    "is",
    "are",
    "this",
    "that",
    "with",
    "for",
    "not",
    "has",
    "have",
    "will",
    "been",
    "was",
    "by",
    "from",
    "what",
    "who",
    "when",
    "they",
    "their",
    "there",
    "vote",
    "votes",
    "voting",
    "results",
    "answers",
    "answer",
    "open",
    "closed",
    "join",
    "team",
    "save",
    "choose",
    "each",
    "points",
    "none",
    "hidden",
    "agree",
    "object",
    "idea",
    "ideas",
    "option",
    // ("all" is Welsh too: "na all" is "cannot".)
    "time",
    "left",
    "members",
    "officers",
    "lead",
    "joint",
    "score",
    "mean",
    "across",
    "up",
    "dots",
    "people",
    // ("person" is Welsh too: "pob person" is "each person".)
    "ballots",
    "shown",
    "share",
    "voters",
    "placed",
    "agreement",
    "consent",
    "outcome",
    "version",
    "earlier",
    "merged",
    "chosen",
];

/// What a page shows a reader: its text and its labels, tags and the
/// scripts' message block left out.
fn shown_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        out.push(' ');
        let tag_end = rest[start..]
            .find('>')
            .map_or(rest.len(), |e| start + e + 1);
        let tag = &rest[start..tag_end];
        // Labels a screen reader reads out are shown text too.
        for attr in ["aria-label=\"", "title=\""] {
            if let Some(at) = tag.find(attr) {
                let value = &tag[at + attr.len()..];
                out.push_str(&value[..value.find('"').unwrap_or(value.len())]);
                out.push(' ');
            }
        }
        rest = &rest[tag_end..];
    }
    out.push_str(rest);
    out.replace("&#39;", "'")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
}

/// The English words in a Welsh page's text, besides what people typed.
fn english_in(html: &str, typed: &[&str]) -> Vec<String> {
    let mut text = shown_text(html);
    for t in typed {
        text = text.replace(t, " ");
    }
    text.split(|c: char| !c.is_alphabetic())
        .map(str::to_lowercase)
        .filter(|w| ENGLISH.contains(&w.as_str()))
        .collect()
}

fn welsh_only(html: &str, typed: &[&str], at: &str) {
    let english = english_in(html, typed);
    assert!(
        english.is_empty(),
        "{at}: English in a Welsh page: {english:?}\n{}",
        shown_text(html)
    );
}

/// The agenda editor's page without what its English fields hold: the
/// script's English, which the editor shows as written beside the Welsh.
fn without_english_fields(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<textarea") {
        let open_end = start + rest[start..].find('>').unwrap() + 1;
        let close = open_end + rest[open_end..].find("</textarea>").unwrap();
        out.push_str(&rest[..open_end]);
        if rest[start..open_end].contains("lang=\"cy\"") {
            out.push_str(&rest[open_end..close]);
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// A session of `workshop` whose room reads `language`, titled `title`
/// (the script's own title when `None`).
async fn session_in(app: &TestApp, workshop: &str, language: &str, title: Option<&str>) -> Created {
    let mut body = json!({ "workshop": workshop, "language": language });
    if let Some(title) = title {
        body["title"] = json!(title);
    }
    let (status, created) = app.post_json("/api/sessions", Some(KEY), body).await;
    assert_eq!(status, 201, "{created}");
    Created {
        id: created["id"].as_str().unwrap().to_string(),
        code: created["code"].as_str().unwrap().to_string(),
    }
}

/// A join's answer: a redirect to the phone that sets both the
/// participant's cookie and the language it joined in.
fn assert_joined_in_welsh(joined: &reqwest::Response) {
    assert_eq!(joined.status(), 303);
    let cookies: Vec<String> = joined
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    assert!(
        cookies.iter().any(|c| c.starts_with("topteam_lang=cy;")),
        "{cookies:?}"
    );
    assert!(
        cookies.iter().any(|c| c.starts_with("tt_")),
        "the participant's own cookie too: {cookies:?}"
    );
}

/// The phone page of a participant, read in `lang`.
async fn phone_page(app: &TestApp, session: &str, joined: &Joined, lang: &str) -> String {
    let simple = session.replace('-', "");
    let response = app
        .http
        .get(app.url(&format!("/s/{session}")))
        .header(
            "cookie",
            format!("tt_{simple}={}; topteam_lang={lang}", joined.token),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response.text().await.unwrap()
}

/// A ballot for any kind that answers every option, from the session's JSON.
fn ballot_for(activity: &Value) -> Option<Value> {
    let ids: Vec<&str> = activity["options"]
        .as_array()?
        .iter()
        .filter_map(|o| o["id"].as_str())
        .collect();
    let first = *ids.first()?;
    let each = |value: Value| -> Value {
        ids.iter()
            .map(|id| (id.to_string(), value.clone()))
            .collect()
    };
    Some(match activity["kind"].as_str()? {
        "dots" => {
            json!({ "dots": { first: activity["dots"].as_u64().unwrap_or(1).min(activity["max_per_option"].as_u64().unwrap_or(99)) } })
        }
        "rank" => json!({ "order": ids }),
        "role_map" => json!({ "placements": each(json!("joint")) }),
        "agreement" => json!({ "responses": each(json!({ "response": "agree" })) }),
        "rating" => json!({ "scores": each(json!(3)) }),
        "poll" => json!({ "choice": first }),
        "matrix" => json!({ "points": each(json!({ "x": 3, "y": 4 })) }),
        _ => return None,
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reader_s_language_comes_from_the_link_the_cookie_or_the_browser() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let get = |path: &str, headers: &[(&str, &str)]| {
        let mut request = app.http.get(app.url(path));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send()
    };

    // Nothing said: English, with a way to Welsh marked as Welsh.
    let page = get("/", &[]).await.unwrap().text().await.unwrap();
    assert!(page.contains("<html lang=\"en-GB\">"), "{page}");
    assert!(page.contains("Join the workshop"));
    assert!(
        page.contains("href=\"/?lang=cy\" hreflang=\"cy\" lang=\"cy\">Cymraeg</a>"),
        "{page}"
    );

    // The browser prefers Welsh.
    let page = get("/", &[("accept-language", "cy-GB,cy;q=0.9,en;q=0.5")])
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("<html lang=\"cy\">"));
    assert!(
        page.contains("Ymuno â&#39;r gweithdy") || page.contains("Ymuno â'r gweithdy"),
        "{page}"
    );
    assert!(page.contains("hreflang=\"en\" lang=\"en-GB\">English</a>"));
    welsh_only(&page, &[], "the join page");

    // A link chooses, and the cookie it sets is what the next page goes by,
    // over the browser's own preference.
    let chosen = get("/join?lang=en", &[("accept-language", "cy")])
        .await
        .unwrap();
    let cookie = chosen.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with("topteam_lang=en;"), "{cookie}");
    assert!(chosen.headers()["vary"]
        .to_str()
        .unwrap()
        .contains("Accept-Language"));
    assert!(chosen
        .text()
        .await
        .unwrap()
        .contains("<html lang=\"en-GB\">"));
    let page = get(
        "/",
        &[("accept-language", "cy"), ("cookie", "topteam_lang=en")],
    )
    .await
    .unwrap()
    .text()
    .await
    .unwrap();
    assert!(page.contains("<html lang=\"en-GB\">"));
    // The switch keeps the rest of the address.
    let page = get("/join/ABC123?lang=cy", &[])
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("href=\"/join/ABC123?lang=en\""), "{page}");

    // A refusal on the join form is in the reader's language.
    let refused = app
        .http
        .post(app.url("/join"))
        .header("cookie", "topteam_lang=cy")
        .form(&[("code", "ZZZZZZ"), ("name", "Gwen"), ("group", "cabinet")])
        .send()
        .await
        .unwrap();
    let page = refused.text().await.unwrap();
    assert!(page.contains("Mae problem"), "{page}");
    welsh_only(&page, &["ZZZZZZ", "Gwen"], "a refused join");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_welsh_phone_reads_every_step_of_the_three_workshops_in_welsh() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    for workshop in ["w1-cabinet", "w2-joint-vision", "w3-performance"] {
        let session = session_in(&app, workshop, "cy", Some("Gweithdy prawf")).await;
        let state = app.state(&session.id).await;
        let teams: Vec<&str> = ["cabinet", "management"]
            .into_iter()
            .filter(|t| workshop != "w1-cabinet" || *t == "cabinet")
            .collect();
        let mut phones = Vec::new();
        let mut names = Vec::new();
        for team in &teams {
            for i in 0..3 {
                let name = format!("Person {team} {i}");
                let joined = app.admitted(&session, &name, team).await;
                phones.push((
                    joined.clone(),
                    Socket::participant(&app, &session.id, &joined).await,
                ));
                names.push(name);
            }
        }
        let address = format!("{}/join", app.url(""));
        let typed: Vec<&str> = names
            .iter()
            .map(String::as_str)
            .chain([
                "Gweithdy prawf",
                // The test scripts' own titles, which have no Welsh.
                "Test: a poll and a matrix",
                "Test: one dots vote",
                "topteam",
                address.as_str(),
                session.code.as_str(),
            ])
            .collect();
        let reader = phones[0].0.clone();

        let welcome = phone_page(&app, &session.id, &reader, "cy").await;
        welsh_only(&welcome, &typed, &format!("{workshop}: welcome"));
        // The facilitator's pages, read in Welsh.
        let console = format!("/facilitate/{}?lang=cy", session.id);
        for page in [
            "/facilitate?lang=cy".to_string(),
            console.clone(),
            format!("/facilitate/{}/prepare?lang=cy", session.id),
            format!("/facilitate/{}/runsheet?lang=cy", session.id),
            format!(
                "/facilitate/series/{}?lang=cy",
                state["series"].as_str().unwrap()
            ),
        ] {
            let html = without_english_fields(&app.page(&page).await);
            welsh_only(&html, &typed, &format!("{workshop}: {page}"));
        }

        for activity in state["activities"].as_array().unwrap() {
            let id = activity["id"].as_str().unwrap();
            let at = format!("{workshop}.{id}");
            app.command(&session.id, json!({ "type": "goto", "activity": id }))
                .await;
            welsh_only(
                &phone_page(&app, &session.id, &reader, "cy").await,
                &typed,
                &format!("{at} pending"),
            );
            let (status, _) = app
                .try_command(&session.id, json!({ "type": "open", "activity": id }))
                .await;
            if status != 200 {
                // Options carried from a workshop this series has not held.
                continue;
            }
            let open = phone_page(&app, &session.id, &reader, "cy").await;
            welsh_only(&open, &typed, &format!("{at} open"));
            welsh_only(
                &app.page(&console).await,
                &typed,
                &format!("{at} open on the console"),
            );
            let screen = app.page(&format!("/screen/{}", session.id)).await;
            welsh_only(&screen, &typed, &format!("{at} open on the projector"));
            let english = phone_page(&app, &session.id, &reader, "en").await;
            assert!(english.contains("<html lang=\"en-GB\">"));

            let now = app.state(&session.id).await;
            let current = activity_of(&now, id);
            if current["kind"] == "ideas" {
                for (i, (_, phone)) in phones.iter_mut().enumerate() {
                    let reply = phone
                        .command(json!({ "type": "idea", "activity": id, "text": format!("Syniad rhif {i}") }))
                        .await;
                    acked(&reply);
                }
            } else if let Some(ballot) = ballot_for(current) {
                for (_, phone) in phones.iter_mut() {
                    acked(&phone.vote(id, ballot.clone()).await);
                }
            }
            if current["kind"] != "notes" {
                app.command(&session.id, json!({ "type": "close", "activity": id }))
                    .await;
            }
            app.command(&session.id, json!({ "type": "reveal", "activity": id }))
                .await;
            let ideas: Vec<String> = (0..phones.len())
                .map(|i| format!("Syniad rhif {i}"))
                .collect();
            let mut typed_here = typed.clone();
            typed_here.extend(ideas.iter().map(String::as_str));
            let revealed = phone_page(&app, &session.id, &reader, "cy").await;
            welsh_only(&revealed, &typed_here, &format!("{at} revealed"));
            welsh_only(
                &app.page(&console).await,
                &typed_here,
                &format!("{at} revealed on the console"),
            );
            // The projector of a Welsh session, the same step.
            let screen = app.page(&format!("/screen/{}", session.id)).await;
            welsh_only(&screen, &typed_here, &format!("{at} on the projector"));
            if current["kind"] != "notes" {
                assert!(
                    revealed.contains("Canlyniadau: "),
                    "{at}: no results shown\n{revealed}"
                );
            }
        }
        app.command(&session.id, json!({ "type": "end" })).await;
        welsh_only(
            &phone_page(&app, &session.id, &reader, "cy").await,
            &typed,
            &format!("{workshop}: ended"),
        );
        welsh_only(
            &app.page(&console).await,
            &typed,
            &format!("{workshop}: ended on the console"),
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_welsh_phone_and_an_english_phone_side_by_side() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let gwen = app.admitted(&session, "Gwen", "cabinet").await;
    let tom = app.admitted(&session, "Tom", "cabinet").await;
    let url = |joined: &Joined, lang: &str| {
        format!(
            "ws://{}/ws/{}?token={}&lang={lang}",
            app.addr, session.id, joined.token
        )
    };
    let (mut welsh, _) = tokio_tungstenite::connect_async(url(&gwen, "cy"))
        .await
        .unwrap();
    let (mut english, _) = tokio_tungstenite::connect_async(url(&tom, "en"))
        .await
        .unwrap();
    let seq = app
        .command(
            &session.id,
            json!({ "type": "open", "activity": "check-in" }),
        )
        .await;
    let view = |messages: Vec<Value>| -> String {
        messages
            .into_iter()
            .rev()
            .find(|m| m["type"] == "view" && m["seq"].as_u64() >= Some(seq))
            .map(|m| m["html"].as_str().unwrap().to_string())
            .unwrap_or_default()
    };
    let welsh_view = view(read_until_view(&mut welsh, seq).await);
    let english_view = view(read_until_view(&mut english, seq).await);
    assert!(welsh_view.contains("Man cychwyn"), "{welsh_view}");
    assert!(welsh_view.contains("Cadw fy mhleidlais"), "{welsh_view}");
    welsh_only(&welsh_view, &[], "the Welsh phone's live view");
    assert!(english_view.contains("Check-in"), "{english_view}");
    assert!(english_view.contains("Save my vote"), "{english_view}");

    // A refusal: the code stays English, the message is Welsh.
    use futures_util::{SinkExt, StreamExt};
    welsh
        .send(tokio_tungstenite::tungstenite::Message::text(
            json!({ "type": "vote", "activity": "check-in", "client_id": "c1", "ballot": { "scores": { "clear-mandate": 9 } } }).to_string(),
        ))
        .await
        .unwrap();
    loop {
        let message = welsh.next().await.unwrap().unwrap();
        let value: Value = serde_json::from_str(message.to_text().unwrap()).unwrap();
        if value["type"] == "error" {
            assert_eq!(value["error"]["code"], "score_out_of_range");
            assert_eq!(value["error"]["message"], "Mae sgorau'n mynd o 1 i 5.");
            break;
        }
    }
}

async fn read_until_view(
    ws: &mut tokio_tungstenite::WebSocketStream<
        tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>,
    >,
    seq: u64,
) -> Vec<Value> {
    use futures_util::StreamExt;
    let mut seen = Vec::new();
    loop {
        let message = tokio::time::timeout(std::time::Duration::from_secs(10), ws.next())
            .await
            .expect("a view within 10 s")
            .unwrap()
            .unwrap();
        let Ok(text) = message.to_text() else {
            continue;
        };
        let value: Value = serde_json::from_str(text).unwrap_or(Value::Null);
        let done = value["type"] == "view" && value["seq"].as_u64() >= Some(seq);
        seen.push(value);
        if done {
            return seen;
        }
    }
}

fn activity_of<'a>(state: &'a Value, id: &str) -> &'a Value {
    activity(state, id)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_s_language_is_the_projector_s_and_is_kept_in_the_transcript() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let (status, refused) = app
        .post_json(
            "/api/sessions",
            Some(KEY),
            json!({ "workshop": "w1-cabinet", "language": "fr" }),
        )
        .await;
    assert_eq!(status, 400, "{refused}");
    assert_eq!(refused["error"]["code"], "invalid_request");

    let (status, created) = app
        .post_json(
            "/api/sessions",
            Some(KEY),
            json!({ "workshop": "w1-cabinet", "language": "cy" }),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_str().unwrap().to_string();
    assert_eq!(app.state(&id).await["language"], "cy");
    let transcript = app.transcript(&id).await;
    assert!(transcript
        .lines()
        .next()
        .unwrap()
        .contains(r#""language":"cy""#));

    // The projector in Welsh, its join details too.
    let mut screen = Socket::staff(&app, &id, "screen").await;
    let seq = app
        .command(&id, json!({ "type": "open", "activity": "check-in" }))
        .await;
    let html = screen.view_at_least(seq).await["html"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(html.contains("Man cychwyn"), "{html}");
    welsh_only(
        &html,
        &["Workshop 1: the cabinet alone"],
        "the Welsh projector",
    );
    let page = app.page(&format!("/screen/{id}")).await;
    assert!(page.contains("<html lang=\"cy\">"));
    assert!(page.contains("Ymunwch yn"), "{page}");

    // Both, the Welsh first, each marked with its language; set from the console.
    let seq = app
        .command(&id, json!({ "type": "set_language", "language": "cy+en" }))
        .await;
    let html = screen.view_at_least(seq).await["html"]
        .as_str()
        .unwrap()
        .to_string();
    let welsh = html
        .find("<span lang=\"cy\">Man cychwyn</span>")
        .expect(&html);
    let english = html
        .find("<span class=\"other-language\" lang=\"en-GB\">Check-in</span>")
        .expect(&html);
    assert!(welsh < english);
    let page = app.page(&format!("/screen/{id}")).await;
    assert!(
        page.contains("<span lang=\"cy\">Ymunwch yn</span> / <span lang=\"en-GB\">Join at</span>"),
        "{page}"
    );
    assert_eq!(app.state(&id).await["language"], "cy+en");
    let transcript = app.transcript(&id).await;
    let set = transcript
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .any(|r| r["event"]["type"] == "language_set" && r["event"]["language"] == "cy+en");
    assert!(set, "{transcript}");

    // An English session says nothing of its language in the transcript.
    let english = app.create_session("w1-cabinet").await;
    assert_eq!(app.state(&english.id).await["language"], "en");
    assert!(!app.transcript(&english.id).await.contains("\"language\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_welsh_session_s_join_page_is_welsh_first_and_the_phone_keeps_the_language_it_joined_in()
{
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = session_in(&app, "w1-cabinet", "cy+en", None).await;
    let code = session.code.as_str();
    let get = |path: String, headers: Vec<(&'static str, &'static str)>| {
        let mut request = app.http.get(app.url(&path));
        for (name, value) in headers {
            request = request.header(name, value);
        }
        request.send()
    };
    // A phone whose browser says English, that has not chosen: Welsh first,
    // with both languages offered at the top of the form.
    let page = get(format!("/join/{code}"), vec![("accept-language", "en-GB")])
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("<html lang=\"cy\">"), "{page}");
    assert!(page.contains("class=\"language-choice\""), "{page}");
    assert!(
        page.contains(&format!("href=\"/join/{code}?lang=en\"")),
        "{page}"
    );
    assert!(page.contains("name=\"lang\" value=\"cy\""));
    assert!(
        page.contains("novalidate"),
        "the browser's own English messages stay out"
    );
    // Having chosen English, English, and no box.
    let page = get(format!("/join/{code}"), vec![("cookie", "topteam_lang=en")])
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("<html lang=\"en-GB\">"));
    assert!(!page.contains("class=\"language-choice\""));

    // Joining from the Welsh form: the phone goes on in Welsh.
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let joined = client
        .post(app.url("/join"))
        .header("accept-language", "en-GB")
        .form(&[
            ("code", code),
            ("name", "Cllr Rhys"),
            ("group", "cabinet"),
            ("lang", "cy"),
        ])
        .send()
        .await
        .unwrap();
    assert_joined_in_welsh(&joined);

    // The accessibility statement is in Welsh too; staff pages not yet in
    // Welsh offer no switch that would change nothing.
    let page = get("/accessibility?lang=cy".into(), vec![])
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Datganiad hygyrchedd ar gyfer topteam"),
        "{page}"
    );
    welsh_only(
        &page,
        &["topteam", "WCAG", "EHRC", "EASS", "axe-core", "AA"],
        "the accessibility statement",
    );
    // The console offers Welsh too, and reads it when chosen.
    let console = app.page("/facilitate").await;
    assert!(console.contains("hreflang=\"cy\""), "{console}");
    let console = app.page("/facilitate?lang=cy").await;
    assert!(console.contains("<html lang=\"cy\">"), "{console}");
}

/// Every text of the three built-in workshops has its Welsh: the workshop's
/// title and description, each activity's title, question and notes, each
/// option's label and detail, and the matrix's axes.
#[test]
fn every_built_in_script_has_welsh_for_every_text() {
    use topteam::activity::spec::SettingValue;
    use topteam::language::Text;
    let mut checked = 0;
    for name in ["w1-cabinet", "w2-joint-vision", "w3-performance"] {
        let path = shipped_workshops().join(format!("{name}.toml"));
        let script =
            topteam::workshop::Workshop::from_toml(&std::fs::read_to_string(&path).unwrap())
                .unwrap();
        let mut missing = Vec::new();
        let mut check = |at: String, text: &Text| {
            if !text.is_empty() && text.welsh().is_none_or(|w| w.trim().is_empty()) {
                missing.push(at);
            }
            checked += 1;
        };
        check("title".into(), &script.title);
        check("description".into(), &script.description);
        for a in &script.activities {
            check(format!("{}.title", a.id), &a.title);
            check(format!("{}.prompt", a.id), &a.prompt);
            check(format!("{}.notes", a.id), &a.notes);
            for o in &a.options {
                check(format!("{}.{}.label", a.id, o.id), &o.label);
                check(format!("{}.{}.detail", a.id, o.id), &o.detail);
            }
            for (setting, value) in &a.settings {
                if let SettingValue::Text(text) = value {
                    check(format!("{}.{setting}", a.id), text);
                }
            }
        }
        assert!(missing.is_empty(), "{name}: no Welsh for {missing:?}");
        assert_eq!(script.texts_without_welsh(), 0, "{name}");
    }
    assert!(checked > 100, "{checked} texts checked");
    // A script without Welsh names each text `topteam check --welsh` warns of.
    let plain = topteam::workshop::Workshop::from_toml(
        "id = \"p\"\ntitle = \"Plain\"\ngroups = [\"cabinet\"]\n[[activity]]\nid = \"a\"\nkind = \"rating\"\ntitle.en = \"Rate\"\ntitle.cy = \"Sgoriwch\"\nprompt = \"How?\"\n[[activity.item]]\nid = \"x\"\nlabel = \"X\"\n",
    )
    .unwrap();
    assert_eq!(
        plain.texts_lacking_welsh(),
        ["title", "activity[0].prompt", "activity[0].option[0].label"]
    );
}

/// A Welsh session's record can be circulated in Welsh the same day: the
/// printed pack and `report.md` in the session's language (or as asked), with
/// Welsh dates, and no English word but what people typed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_welsh_session_s_pack_and_report_are_in_welsh_and_english_on_request() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = session_in(&app, "w1-cabinet", "cy", Some("Cyngor Sir Prawf")).await;
    let mut phones = Vec::new();
    let mut names = Vec::new();
    for i in 0..3 {
        let name = format!("Aelod {i}");
        let joined = app.admitted(&session, &name, "cabinet").await;
        phones.push(Socket::participant(&app, &session.id, &joined).await);
        names.push(name);
    }
    let id = session.id.as_str();
    app.command(id, json!({ "type": "open", "activity": "check-in" }))
        .await;
    let state = app.state(id).await;
    let ballot = ballot_for(activity_of(&state, "check-in")).unwrap();
    for phone in phones.iter_mut() {
        acked(&phone.vote("check-in", ballot.clone()).await);
    }
    app.command(id, json!({ "type": "close", "activity": "check-in" }))
        .await;
    app.command(
        id,
        json!({ "type": "note", "kind": "decision", "text": "Cyfarfod bob mis" }),
    )
    .await;
    app.command(id, json!({ "type": "end" })).await;

    let (_, pdf) = app.pdf(&format!("/review/{id}/pack.pdf")).await;
    let (info, text) = pdf_facts(&pdf, "cymraeg-pack");
    assert!(text.contains("Yr hyn a benderfynwyd"), "{text}");
    assert!(text.contains("Man cychwyn"), "{text}");
    let month = [
        "Ionawr",
        "Chwefror",
        "Mawrth",
        "Ebrill",
        "Mai",
        "Mehefin",
        "Gorffennaf",
        "Awst",
        "Medi",
        "Hydref",
        "Tachwedd",
        "Rhagfyr",
    ];
    assert!(
        month.iter().any(|m| text.contains(m)),
        "a Welsh date: {text}"
    );
    let mut typed: Vec<&str> = names.iter().map(String::as_str).collect();
    typed.extend(["Cyngor Sir Prawf", "Cyfarfod bob mis", "topteam"]);
    // The PDF's own words, besides what people typed: Welsh only.
    let english = english_in(&text, &typed);
    assert!(
        english.is_empty(),
        "English in the Welsh pack: {english:?}\n{text}"
    );
    assert!(info.contains("Pages:"), "{info}");

    // votes.csv: English column names, the wording in the session's language.
    let csv = app.votes_csv(id).await;
    assert!(csv.starts_with("\u{feff}activity,activity_title,"), "{csv}");
    assert!(csv.contains(",Man cychwyn,rating,"), "{csv}");
    assert!(!csv.contains("Check-in"), "{csv}");

    // Its timeline appendix, in Welsh too.
    let (_, pdf) = app.pdf(&format!("/review/{id}/pack.pdf?timeline=1")).await;
    let (_, text) = pdf_facts(&pdf, "cymraeg-pack-timeline");
    assert!(text.contains("Atodiad: llinell amser"), "{text}");
    assert!(
        text.contains("agorodd y bleidlais ar Man cychwyn"),
        "{text}"
    );
    let english = english_in(&text, &typed);
    assert!(
        english.is_empty(),
        "English in the Welsh timeline: {english:?}\n{text}"
    );

    // The same record in English on request, and report.md both ways.
    let (_, pdf) = app.pdf(&format!("/review/{id}/pack.pdf?lang=en")).await;
    let (_, text) = pdf_facts(&pdf, "cymraeg-pack-in-english");
    assert!(text.contains("What was decided"), "{text}");
    assert!(text.contains("Check-in"), "{text}");
    let report = app.page(&format!("/review/{id}/report.md")).await;
    assert!(report.contains("## Pwy gymerodd ran"), "{report}");
    assert!(report.contains("## Man cychwyn"), "{report}");
    let report = app.page(&format!("/review/{id}/report.md?lang=en")).await;
    assert!(report.contains("## Who took part"), "{report}");

    // The organiser's review page of it, in Welsh, its downloads too.
    let page = app.page(&format!("/review/{id}")).await;
    assert!(page.contains("<html lang=\"cy\">"), "{page}");
    assert!(page.contains("/pack.pdf?lang=cy"), "{page}");
    let mut typed_here = typed.clone();
    typed_here.extend([
        "PDF",
        "Markdown",
        "CSV",
        "JSON",
        "JSONL",
        session.code.as_str(),
    ]);
    welsh_only(&page, &typed_here, "the review page of a Welsh session");
    let page = app.page(&format!("/review/{id}?lang=en")).await;
    assert!(page.contains("What was decided"), "{page}");
    // The series' page too, and its pack's link in Welsh.
    let series = app.state(id).await["series"].as_str().unwrap().to_string();
    let page = app.page(&format!("/review/series/{series}")).await;
    assert!(page.contains("/pack.pdf?lang=cy"), "{page}");
    typed_here.push("Cyngor Sir Prawf");
    welsh_only(&page, &typed_here, "the series' review page");
}

/// A councillor's invitation card opens in Welsh for a Welsh session, and
/// joining from it keeps the phone in Welsh.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invitation_card_opens_in_welsh_for_a_welsh_session() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = session_in(&app, "w1-cabinet", "cy", None).await;
    let series = app.state(&session.id).await["series"]
        .as_str()
        .unwrap()
        .to_string();
    let roster = json!({ "people": [{ "name": "Cllr Rhys Jones", "group": "cabinet" }] });
    let response = app
        .http
        .put(app.url(&format!("/api/series/{series}/roster")))
        .bearer_auth(KEY)
        .json(&roster)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let (status, cards) = app
        .post_json(
            &format!("/api/series/{series}/invitations"),
            Some(KEY),
            json!({}),
        )
        .await;
    assert_eq!(status, 201, "{cards}");
    let url = cards[0]["url"].as_str().unwrap();
    let path = &url[url.find("/i/").unwrap()..];
    let page = app
        .http
        .get(app.url(path))
        .header("accept-language", "en-GB")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("<html lang=\"cy\">"), "{page}");
    assert!(page.contains("Ymuno fel Cllr Rhys Jones"), "{page}");
    welsh_only(
        &page,
        &["Cllr Rhys Jones", "topteam"],
        "the invitation card's page",
    );
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let joined = client.post(app.url(path)).send().await.unwrap();
    assert_joined_in_welsh(&joined);
    // A card that does not work says so in the reader's language.
    let page = app
        .http
        .get(app.url("/i/not-a-real-token"))
        .header("cookie", "topteam_lang=cy")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Nid yw'r gwahoddiad hwn yn gweithio")
            || page.contains("Nid yw&#39;r gwahoddiad"),
        "{page}"
    );
}

/// A title the facilitator types may have its Welsh beside it: each phone
/// reads the one in its language, and the state gives the reader's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_renamed_session_keeps_a_welsh_title_for_welsh_readers() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = session_in(&app, "w1-cabinet", "cy+en", None).await;
    let gwen = app.admitted(&session, "Gwen", "cabinet").await;
    // Left as the script's, the title is the script's in each language.
    let page = phone_page(&app, &session.id, &gwen, "cy").await;
    assert!(
        page.contains("Gweithdy 1: y cabinet ar ei ben ei hun"),
        "{page}"
    );
    app.command(
        &session.id,
        json!({ "type": "rename", "title": "Ashfield: the cabinet's day", "title_cy": "Ashfield: diwrnod y cabinet" }),
    )
    .await;
    let welsh = phone_page(&app, &session.id, &gwen, "cy").await;
    assert!(welsh.contains("Ashfield: diwrnod y cabinet"), "{welsh}");
    let english = phone_page(&app, &session.id, &gwen, "en").await;
    assert!(
        english.contains("Ashfield: the cabinet&#39;s day")
            || english.contains("Ashfield: the cabinet's day"),
        "{english}"
    );
    assert_eq!(
        app.state(&session.id).await["title"],
        "Ashfield: the cabinet's day"
    );
    let (_, state) = app
        .get_json(&format!("/api/sessions/{}?lang=cy", session.id), Some(KEY))
        .await;
    assert_eq!(state["title"], "Ashfield: diwrnod y cabinet");
    // Without its Welsh, a rename is the same title for everyone.
    app.command(
        &session.id,
        json!({ "type": "rename", "title": "Ashfield" }),
    )
    .await;
    let welsh = phone_page(&app, &session.id, &gwen, "cy").await;
    assert!(
        welsh.contains("<h1 class=\"session-title\">Ashfield</h1>"),
        "{welsh}"
    );
}

/// A Welsh facilitator's console socket is pushed the console in Welsh
/// while an English one beside it reads English, both kept up to date.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_welsh_console_and_an_english_console_side_by_side() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = session_in(&app, "w1-cabinet", "en", Some("Gweithdy prawf")).await;
    let mut welsh = Socket::staff(&app, &session.id, "facilitate&lang=cy").await;
    let mut english = Socket::staff(&app, &session.id, "facilitate").await;
    let typed = ["Gweithdy prawf", "topteam", session.code.as_str()];
    let first = welsh.view_at_least(0).await;
    welsh_only(first["html"].as_str().unwrap(), &typed, "console socket");
    let english_first = english.view_at_least(0).await;
    assert!(english_first["html"]
        .as_str()
        .unwrap()
        .contains("Not started: phones show a welcome"));

    let seq = app
        .command(
            &session.id,
            json!({ "type": "open", "activity": "check-in" }),
        )
        .await;
    let later = welsh.view_at_least(seq).await;
    let html = later["html"].as_str().unwrap();
    welsh_only(html, &typed, "console after opening");
    let english_later = english.view_at_least(seq).await;
    assert!(english_later["html"]
        .as_str()
        .unwrap()
        .contains("Close voting"));
}

/// The agenda editor's refusals in Welsh: a Welsh reader's bad script is
/// refused with the English code and every problem in Welsh; the same
/// script from a reader who asks for nothing is refused in English.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_welsh_facilitator_s_bad_agenda_is_refused_in_welsh() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let path = format!("/api/sessions/{}/script", session.id);
    let mut bad: Value = app
        .http
        .get(app.url(&path))
        .bearer_auth(KEY)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let dots = bad["activity"]
        .as_array()
        .unwrap()
        .iter()
        .position(|a| a["kind"] == "dots")
        .unwrap();
    bad["activity"][dots]["dots"] = json!(0);
    bad["activity"][dots]["title"] = json!("");
    let send = |lang: Option<&'static str>| {
        let mut request = app.http.put(app.url(&path)).bearer_auth(KEY).json(&bad);
        if let Some(lang) = lang {
            request = request.header("accept-language", lang);
        }
        request.send()
    };
    let welsh: Value = send(Some("cy-GB,cy;q=0.9"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(welsh["error"]["code"], "invalid_script", "{welsh}");
    let problems = welsh["error"]["problems"].as_array().unwrap();
    assert!(problems.len() >= 2, "{welsh}");
    for problem in problems {
        let message = problem["message"].as_str().unwrap();
        assert!(problem["path"].as_str().unwrap().starts_with("activity["));
        assert!(
            english_in(message, &[]).is_empty(),
            "English in a Welsh problem: {message}"
        );
    }
    assert!(english_in(welsh["error"]["message"].as_str().unwrap(), &[]).is_empty());

    let english: Value = send(None).await.unwrap().json().await.unwrap();
    let messages = english["error"]["problems"].to_string();
    assert!(messages.contains("must not be empty"), "{messages}");
    assert!(
        messages.contains("the budget must be at least 1"),
        "{messages}"
    );
}

/// Every JSON refusal follows its reader: the same code and status, the
/// message in Welsh for a Welsh reader (by `Accept-Language`, `?lang=` or
/// the cookie), in English otherwise.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_json_api_refuses_a_welsh_reader_in_welsh() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let refusals = [
        ("/api/sessions", None, "{", "malformed_json"),
        ("/api/sessions", Some(KEY), "{", "malformed_json"),
        (
            "/api/sessions",
            Some(KEY),
            "{\"workshop\":\"nope\"}",
            "unknown_workshop",
        ),
    ];
    let state = format!("/api/sessions/{}", session.id);
    for (lang, header) in [
        ("cy", ("accept-language", "cy-GB,cy;q=0.9")),
        ("cy", ("cookie", "topteam_lang=cy")),
        ("en", ("accept-language", "en-GB")),
    ] {
        let mut seen = Vec::new();
        for (path, key, body, code) in refusals {
            let mut request = app
                .http
                .post(app.url(path))
                .header("content-type", "application/json")
                .header(header.0, header.1)
                .body(body);
            if let Some(key) = key {
                request = request.bearer_auth(key);
            }
            let answer = request.send().await.unwrap();
            let status = answer.status();
            let body: Value = answer.json().await.unwrap();
            let code = if key.is_none() { "unauthorized" } else { code };
            assert_eq!(body["error"]["code"], code, "{body}");
            seen.push((
                status,
                body["error"]["message"].as_str().unwrap().to_string(),
            ));
        }
        let answer = app
            .http
            .get(app.url(&format!("{state}?lang={lang}")))
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), 401);
        let body: Value = answer.json().await.unwrap();
        seen.push((
            401.try_into().unwrap(),
            body["error"]["message"].as_str().unwrap().to_string(),
        ));
        for (status, message) in &seen {
            assert!(status.is_client_error(), "{status} {message}");
            let english = english_in(message, &[]);
            if lang == "cy" {
                assert!(
                    english.is_empty(),
                    "English for a Welsh reader ({header:?}): {message}"
                );
            } else {
                assert!(
                    !english.is_empty(),
                    "an English reader reads English: {message}"
                );
            }
        }
    }
}

/// A bilingual projector shows each option's label in Welsh, then in
/// English, each in its own `lang`, on the chart of a dot vote and on the
/// check-in's scores alike, and its own words (the hint, the turnout) in
/// both; a Welsh one shows the Welsh alone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bilingual_projector_names_each_option_in_both_languages() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    for (language, both) in [("cy+en", true), ("cy", false)] {
        let session = session_in(&app, "w1-cabinet", language, None).await;
        let mut phones = app.phones(&session, "cabinet", 3).await;
        let mut screen = Socket::staff(&app, &session.id, "screen").await;
        app.command(
            &session.id,
            json!({ "type": "open", "activity": "priorities" }),
        )
        .await;
        let options: Vec<String> = activity(&app.state(&session.id).await, "priorities")["options"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["id"].as_str().unwrap().to_string())
            .collect();
        for phone in phones.iter_mut() {
            let dots = json!({ options[0].clone(): 3, options[1].clone(): 2 });
            acked(&phone.vote("priorities", json!({ "dots": dots })).await);
        }
        app.command(
            &session.id,
            json!({ "type": "close", "activity": "priorities" }),
        )
        .await;
        let seq = app
            .command(
                &session.id,
                json!({ "type": "reveal", "activity": "priorities" }),
            )
            .await;
        let html = screen.view_at_least(seq).await["html"]
            .as_str()
            .unwrap()
            .to_string();
        let slide = &html[html.find("class=\"slide\"").expect("a slide")..];
        let welsh = if both {
            "<span lang=\"cy\">Cyllideb gytbwys a mwy o effeithlonrwydd</span>"
        } else {
            ">Cyllideb gytbwys a mwy o effeithlonrwydd<"
        };
        assert!(slide.contains(welsh), "{language}: {slide}");
        assert_eq!(
            slide.contains(
                "<span class=\"other-language\" lang=\"en-GB\">A balanced budget with greater efficiencies</span>"
            ),
            both,
            "{language}: {slide}"
        );
        // The slide's own words too: the hint, and each team's turnout.
        for (words, english) in [
            ("Cyfran dotiau pob tîm.", false),
            ("Share of each team’s dots.", true),
            ("wedi pleidleisio", false),
            (" voted", true),
        ] {
            assert_eq!(
                html.contains(words),
                !english || both,
                "{language}: {words:?} in\n{html}"
            );
        }
        assert_eq!(
            html.contains("lang=\"en-GB\">Cabinet: <strong>3</strong> of 3 voted"),
            both,
            "{html}"
        );
        // The console, read in English or Welsh, counts the projector's
        // pages as the projector draws them, in the room's language(s).
        let pages: u32 = slide
            .split_once("data-pages=\"")
            .and_then(|(_, rest)| rest.split('"').next())
            .and_then(|n| n.parse().ok())
            .unwrap();
        for lang in ["en", "cy"] {
            let console = app
                .page(&format!("/facilitate/{}?lang={lang}", session.id))
                .await;
            if pages > 1 {
                assert!(
                    console.contains(&format!(
                        "1 {} {pages}",
                        if lang == "en" { "of" } else { "o" }
                    )),
                    "{language}, console in {lang}: the projector has {pages} pages\n{console}"
                );
            } else {
                assert!(!console.contains("id=\"page-next\""), "{language}, {lang}");
            }
        }
    }
}

/// A Welsh room's new series is named as the room reads the workshop: a
/// Welsh console does not list an English series.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_welsh_room_s_new_series_is_named_in_welsh() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    for (language, name) in [
        ("cy", "Gweithdy 1: y cabinet ar ei ben ei hun"),
        (
            "cy+en",
            "Gweithdy 1: y cabinet ar ei ben ei hun / Workshop 1: the cabinet alone",
        ),
        ("en", "Workshop 1: the cabinet alone"),
    ] {
        let session = session_in(&app, "w1-cabinet", language, None).await;
        let series = app.state(&session.id).await["series"]
            .as_str()
            .unwrap()
            .to_string();
        let (status, body) = app
            .get_json(&format!("/api/series/{series}"), Some(KEY))
            .await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["name"], name, "{language}: {body}");
    }
}
