//! The organiser's record: exports rebuilt from the transcript alone, safe
//! with hostile text, and never naming an anonymous voter.

use crate::helpers::*;
use serde_json::{json, Value};
use std::process::Command;

const EVIL_NAME: &str = "=HYPERLINK(\"http://evil.example\",\"x\")";
const SCRIPT_NAME: &str = "<script>alert(1)</script>";

async fn get_text(app: &TestApp, path: &str) -> (u16, String) {
    let response = app
        .http
        .get(app.url(path))
        .bearer_auth(KEY)
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

fn cli_export(data_dir: &std::path::Path, session: &str, format: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_topteam"))
        .args(["export", session, "--format", format, "--data-dir"])
        .arg(data_dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Workshop 2 with hostile names and ideas, a ranked vote, an amended agreement,
/// an anonymous rating and an action.
async fn run_workshop_2(app: &TestApp) -> Created {
    let session = app.create_session("w2-joint-vision").await;
    let mut phones = Vec::new();
    for (name, group) in [
        (EVIL_NAME, "cabinet"),
        (SCRIPT_NAME, "cabinet"),
        ("Cllr Patel", "cabinet"),
        ("Jo Director", "management"),
        ("Sam Chief", "management"),
        ("Ali Head", "management"),
    ] {
        let joined = app.join(&session.code, name, group).await;
        app.command(
            &session.id,
            json!({ "type": "admit", "participant": joined.id }),
        )
        .await;
        phones.push(Socket::participant(app, &session.id, &joined).await);
    }
    app.command(&session.id, json!({ "type": "open", "activity": "hopes" }))
        .await;
    acked(
        &phones[0]
            .command(json!({ "type": "idea", "activity": "hopes", "text": "=1+2" }))
            .await,
    );
    acked(&phones[1].command(json!({ "type": "idea", "activity": "hopes", "text": "<img src=x onerror=alert(1)>" })).await);

    app.command(
        &session.id,
        json!({ "type": "open", "activity": "protocol" }),
    )
    .await;
    for phone in &mut phones {
        acked(&phone.vote("protocol", json!({ "responses": { "honesty": { "response": "agree" }, "no-surprises": { "response": "object", "reason": "@SUM(A1) needs work" } } })).await);
    }
    app.command(&session.id, json!({ "type": "amend", "activity": "protocol", "item": "no-surprises", "text": "No surprises: we warn each other early." })).await;
    for phone in &mut phones {
        acked(
            &phone
                .vote(
                    "protocol",
                    json!({ "responses": { "no-surprises": { "response": "live_with" } } }),
                )
                .await,
        );
    }
    app.command(
        &session.id,
        json!({ "type": "close", "activity": "protocol" }),
    )
    .await;

    app.command(
        &session.id,
        json!({ "type": "open", "activity": "relationship" }),
    )
    .await;
    for (i, phone) in phones.iter_mut().enumerate() {
        acked(
            &phone
                .vote(
                    "relationship",
                    json!({ "scores": { "trust": 2 + (i as i64 % 3) } }),
                )
                .await,
        );
    }
    app.command(
        &session.id,
        json!({ "type": "goto", "activity": "actions" }),
    )
    .await;
    app.command(&session.id, json!({ "type": "action", "text": "Write the protocol up", "owner": "Head of policy", "due": "2027-01-15" })).await;
    app.command(&session.id, json!({ "type": "end" })).await;
    session
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exports_agree_with_the_transcript_and_are_safe() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = run_workshop_2(&app).await;
    let base = format!("/review/{}", session.id);

    let (status, md) = get_text(&app, &format!("{base}/report.md")).await;
    assert_eq!(status, 200);
    assert!(md.contains("## Our working-relationship protocol"), "{md}");
    assert!(md.contains("No surprises: we warn each other early."));
    assert!(md.contains("**Agreed with amendments**"), "{md}");
    assert!(
        md.contains("version 1 (amended)") && md.contains("object 6"),
        "the first wording keeps its tally:\n{md}"
    );
    assert!(md.contains("Write the protocol up (owner: Head of policy, due 2027-01-15)"));
    assert!(md.contains("\\<script\\>"), "markup in names is escaped");
    assert!(
        md.contains("joined as Cabinet"),
        "the timeline is in plain words"
    );

    let (status, csv_text) = get_text(&app, &format!("{base}/votes.csv")).await;
    assert_eq!(status, 200);
    assert!(
        csv_text.starts_with('\u{feff}'),
        "a BOM so Excel reads UTF-8"
    );
    let mut reader =
        csv::ReaderBuilder::new().from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "activity");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("RFC 4180")).collect();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let protocol: Vec<_> = rows.iter().filter(|r| &r[0] == "protocol").collect();
    assert_eq!(
        protocol.len(),
        18,
        "6 people x 2 statements, and each one's answer to the first wording of the amended one"
    );
    let amended: Vec<_> = protocol
        .iter()
        .filter(|r| &r[column("item")] == "no-surprises")
        .collect();
    for (version, value) in [("1", "object"), ("2", "live_with")] {
        let answers: Vec<_> = amended
            .iter()
            .filter(|r| &r[column("version")] == version)
            .collect();
        assert_eq!(answers.len(), 6, "six answers to version {version}");
        assert!(answers.iter().all(|r| &r[column("value")] == value));
        let wording = &answers[0][column("wording")];
        assert!(
            answers.iter().all(|r| &r[column("wording")] == wording),
            "each row carries the wording it answered"
        );
    }
    assert_ne!(
        amended[0][column("wording")],
        amended
            .iter()
            .find(|r| &r[column("version")] == "2")
            .unwrap()[column("wording")],
        "the two versions were worded differently"
    );
    assert!(
        amended
            .iter()
            .filter(|r| &r[column("version")] == "2")
            .all(|r| r[column("reason")].is_empty()),
        "an answer never carries the reason of an earlier objection"
    );
    assert_eq!(
        protocol
            .iter()
            .filter(|r| &r[column("item")] == "no-surprises" && &r[column("value")] == "live_with")
            .count(),
        6
    );
    for row in &rows {
        for cell in row.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "a formula reaches the spreadsheet: {cell:?}"
            );
        }
    }
    let named = rows
        .iter()
        .find(|r| r[column("voter")].contains("HYPERLINK"))
        .expect("the hostile name is kept, neutralised");
    assert!(named[column("voter")].starts_with("'="));
    let rating: Vec<_> = rows.iter().filter(|r| &r[0] == "relationship").collect();
    let everyone: usize = rating
        .iter()
        .filter(|r| &r[column("group")] == "all")
        .map(|r| r[column("count")].parse::<usize>().unwrap())
        .sum();
    assert_eq!(everyone, 6, "six anonymous ballots, as counts");
    for row in &rating {
        assert!(
            row[column("voter")].is_empty() && row[column("time")].is_empty(),
            "anonymous ballots are counts, never a row per ballot: {row:?}"
        );
        assert_eq!(&row[column("anonymous")], "true");
    }

    let (status, json_text) = get_text(&app, &format!("{base}/report.json")).await;
    assert_eq!(status, 200);
    let report: Value = serde_json::from_str(&json_text).unwrap();
    assert_eq!(report["attendance"]["cabinet"], 3);
    assert_eq!(report["actions"][0]["owner"], "Head of policy");
    let protocol = report["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "protocol")
        .unwrap();
    assert_eq!(
        protocol["statements"]["no-surprises"]["outcome"],
        "agreed_with_amendments"
    );
    assert_eq!(protocol["results"]["all"]["items"]["honesty"]["agree"], 6);
    let relationship = report["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "relationship")
        .unwrap();
    let anonymous_part = relationship.to_string();
    for name in ["Cllr Patel", "Jo Director", "Sam Chief", "Ali Head"] {
        assert!(
            !anonymous_part.contains(name),
            "the anonymous rating names {name}"
        );
    }
    let timeline = report["timeline"].to_string();
    assert!(
        !timeline.contains("anonymous ballot"),
        "no anonymous ballot appears in the timeline with its time: {timeline}"
    );
    assert!(!timeline.contains("voted on How is the relationship today?"));

    // The same files, rebuilt by the CLI from the transcript on disk alone.
    app.stop().await;
    assert_eq!(cli_export(&dir.0, &session.id, "md"), md);
    assert_eq!(cli_export(&dir.0, &session.id, "csv"), csv_text);
    let cli_json: Value = serde_json::from_str(&cli_export(&dir.0, &session.id, "json")).unwrap();
    assert_eq!(cli_json, report);
}

#[tokio::test]
async fn the_review_pages_list_series_escape_text_and_show_the_series() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = run_workshop_2(&app).await;
    let (status, index) = get_text(&app, "/review").await;
    assert_eq!(status, 200);
    assert!(index.contains(&format!("/review/{}", session.id)));
    assert!(
        index.contains("Cabinet 3, Management team 3, Observer 0"),
        "{index}"
    );

    // With the timeline, where every name appears.
    let (_, page) = get_text(&app, &format!("/review/{}?timeline=1", session.id)).await;
    assert!(!page.contains("<script>alert"), "a name became markup");
    assert!(!page.contains("<img src=x"), "an idea became markup");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; joined as Cabinet"));
    assert!(page.contains("Earlier versions"));
    assert!(page.contains("Write the protocol up"));

    let series = app.state(&session.id).await["series"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, series_page) = get_text(&app, &format!("/review/series/{series}")).await;
    assert_eq!(status, 200);
    assert!(series_page.contains("How the priorities moved"));
    assert!(series_page.contains("Trust between cabinet and management"));
    assert!(series_page.contains("Head of policy"));

    let (status, _) = app
        .get_json("/review/not-a-session/report.md", Some(KEY))
        .await;
    assert_eq!(status, 404);
    let response = app
        .http
        .get(app.url(&format!("/review/{}/votes.csv", session.id)))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401, "exports need the facilitator key");
}

#[test]
fn verify_says_whether_a_transcript_is_whole() {
    let dir = TempDir::new();
    let header = r#"{"topteam_transcript":1,"session":{"id":"00000000-0000-0000-0000-000000000001","code":"ABCDEF","title":"t","series":"00000000-0000-0000-0000-000000000002","created_at":"2026-11-22T10:00:00Z","workshop":{"id":"w","title":"W","groups":["cabinet"],"activity":[{"id":"a","kind":"notes","title":"A"}]}}}"#;
    let event = |seq: u32| {
        format!("{{\"seq\":{seq},\"at\":\"2026-11-22T10:00:0{seq}Z\",\"actor\":\"facilitator\",\"event\":{{\"type\":\"moved_to\",\"activity\":\"a\"}}}}")
    };
    let verify = |name: &str, text: String| {
        let path = dir.0.join(name);
        std::fs::write(&path, text).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_topteam"))
            .arg("verify")
            .arg(&path)
            .output()
            .unwrap();
        (
            out.status.code().unwrap(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (code, out) = verify(
        "whole.jsonl",
        format!("{header}\n{}\n{}\n", event(1), event(2)),
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("whole: 2 events"), "{out}");
    let (code, out) = verify(
        "torn.jsonl",
        format!("{header}\n{}\n{{\"seq\":2,\"at", event(1)),
    );
    assert_eq!(code, 1);
    assert!(out.contains("torn last line"), "{out}");
    let (code, out) = verify(
        "gap.jsonl",
        format!("{header}\n{}\n{}\n{}\n", event(1), event(3), event(4)),
    );
    assert_eq!(code, 1);
    assert!(out.contains("seq 3 where 2 was expected"), "{out}");
    let unknown = event(2).replace("moved_to", "launched_rocket");
    let (code, out) = verify(
        "unknown.jsonl",
        format!("{header}\n{}\n{unknown}\n{}\n", event(1), event(3)),
    );
    assert_eq!(code, 1);
    assert!(out.contains("unknown variant `launched_rocket`"), "{out}");
}

#[tokio::test]
async fn the_review_page_leads_with_what_was_decided_and_keeps_the_timeline_for_when_asked() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = run_workshop_2(&app).await;
    let base = format!("/review/{}", session.id);
    let (status, page) = get_text(&app, &base).await;
    assert_eq!(status, 200);
    let decided = page.find("What was decided").expect("a summary");
    let who = page.find("Who took part").unwrap();
    assert!(decided < who, "decisions first");
    let summary = &page[decided..who];
    assert!(
        summary.contains("No surprises: we warn each other early."),
        "{summary}"
    );
    assert!(summary.contains("Write the protocol up"), "{summary}");
    assert!(summary.contains("15 January 2027"), "a UK date: {summary}");
    assert!(!page.contains("2027-01-15"), "no ISO dates for people");
    assert!(
        !page.contains("joined as Cabinet"),
        "no timeline unless asked"
    );
    let (_, with_timeline) = get_text(&app, &format!("{base}?timeline=1")).await;
    assert!(
        with_timeline.contains("joined as Cabinet"),
        "the timeline when asked"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_outcome_pack_is_a_tagged_pdf_that_leads_with_what_was_decided() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = run_workshop_2(&app).await;
    let base = format!("/review/{}", session.id);
    let (disposition, pdf) = app.pdf(&format!("{base}/pack.pdf")).await;
    assert!(disposition.contains("-pack.pdf"), "{disposition}");
    let (info, text) = pdf_facts(&pdf, "pack-workshop-2");
    assert!(info.contains("Tagged:          yes"), "{info}");
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(pages <= 8, "{pages} pages");
    let at = |s: &str| {
        text.find(s)
            .unwrap_or_else(|| panic!("{s:?} not in:\n{text}"))
    };
    assert!(
        at("What was decided") < at("Who took part"),
        "decided first"
    );
    assert!(at("Who took part") < text.rfind("Our working-relationship protocol").unwrap());
    assert!(at("No surprises: we warn each other early.") < at("Who took part"));
    assert!(text.contains("15 January 2027"), "UK dates");
    assert!(text.contains(&format!("Page 1 of {pages}")), "page numbers");
    assert!(!text.contains("2027-01-15"));
    assert!(
        !text.contains("joined as Cabinet"),
        "no timeline unless asked"
    );
    // The anonymous rating says what it says on the page, and never whose.
    assert!(text.contains("Anonymous: ballots are linked to pseudonyms"));
    let md = get_text(&app, &format!("{base}/report.md")).await.1;
    for hidden in ["hidden: a team has fewer than", "Too few ballots"] {
        assert_eq!(md.contains(hidden), text.contains(hidden), "{hidden}");
    }
    // With the timeline asked for, it is an appendix.
    let (_, with) = app.pdf(&format!("{base}/pack.pdf?timeline=1")).await;
    let (_, text) = pdf_facts(&with, "pack-workshop-2-timeline");
    assert!(text.contains("Appendix: timeline"), "{text}");
    assert!(text.contains("joined as Cabinet"));
}

/// Every phone answers every activity of `session`, in agenda order, the
/// way a real room would: ideas, scores, consent with one objection, a
/// ranking, dots, a role map; the facilitator writes a decision and an
/// action in each notes step.
async fn run_every_activity(app: &TestApp, session: &str, phones: &mut [Socket]) {
    let ids: Vec<String> = app.state(session).await["activities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    let places = ["members", "joint", "officers"];
    for id in ids {
        app.command(session, json!({ "type": "open", "activity": id }))
            .await;
        let state = app.state(session).await;
        let step = activity(&state, &id);
        let options: Vec<String> = step["options"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["id"].as_str().unwrap().to_string())
            .collect();
        match step["kind"].as_str().unwrap() {
            "notes" => {
                app.command(session, json!({ "type": "note", "kind": "decision", "text": format!("We agreed the way forward on {id}") })).await;
                app.command(session, json!({ "type": "action", "text": format!("Write up {id} for the next cabinet briefing"), "owner": "Head of policy", "due": "2027-01-15" })).await;
            }
            "ideas" => {
                for (i, phone) in phones.iter_mut().enumerate() {
                    let text = format!(
                        "Idea {i} for {id}: ward panels that meet where residents already are"
                    );
                    acked(
                        &phone
                            .command(json!({ "type": "idea", "activity": id, "text": text }))
                            .await,
                    );
                }
            }
            kind => {
                for (i, phone) in phones.iter_mut().enumerate() {
                    let each = |f: &dyn Fn(usize) -> Value| -> serde_json::Map<String, Value> {
                        options
                            .iter()
                            .enumerate()
                            .map(|(n, o)| (o.clone(), f(n)))
                            .collect()
                    };
                    let ballot = match kind {
                        "rating" => json!({ "scores": each(&|n| json!((i + n) % 5 + 1)) }),
                        "agreement" => json!({ "responses": each(&|n| if i == 0 && n == 0 {
                            json!({ "response": "object", "reason": "needs a date" })
                        } else {
                            json!({ "response": if n % 2 == 0 { "agree" } else { "live_with" } })
                        }) }),
                        "rank" => {
                            let mut order = options.clone();
                            order.rotate_left(i % options.len().max(1));
                            json!({ "order": order })
                        }
                        "dots" => {
                            json!({ "dots": { options[i % options.len()].clone(): 2, options[(i + 1) % options.len()].clone(): 1 } })
                        }
                        "role_map" => {
                            json!({ "placements": each(&|n| json!(places[(i + n) % 3])) })
                        }
                        other => panic!("no ballot written for {other}"),
                    };
                    acked(&phone.vote(&id, ballot).await);
                }
            }
        }
        app.command(session, json!({ "type": "close", "activity": id }))
            .await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workshop_2_for_twelve_people_packs_into_at_most_eight_pages() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w2-joint-vision").await;
    let mut phones = app.phones(&session, "cabinet", 5).await;
    // A Welsh name: the pack's fonts carry ŵ and ŷ.
    let welsh = app.admitted(&session, WELSH_NAME, "cabinet").await;
    phones.push(Socket::participant(&app, &session.id, &welsh).await);
    phones.extend(app.phones(&session, "management", 6).await);
    run_every_activity(&app, &session.id, &mut phones).await;
    app.command(&session.id, json!({ "type": "end" })).await;
    let (_, pdf) = app.pdf(&format!("/review/{}/pack.pdf", session.id)).await;
    let (info, text) = pdf_facts(&pdf, "pack-workshop-2-twelve");
    let pages = pdf_pages(&info);
    assert!(pages <= 8, "{pages} pages");
    // Every activity is in it, the decisions first.
    for title in [
        "Shared vision priorities",
        "Two separate roles or a joint arena?",
        "Our working-relationship protocol",
    ] {
        assert!(text.contains(title), "{title:?} missing");
    }
    assert!(text.find("What was decided").unwrap() < text.find("Who took part").unwrap());
    assert!(text.contains(WELSH_NAME), "{text}");
    let fonts = std::process::Command::new("pdffonts")
        .arg(
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("target/screenshots/pack-workshop-2-twelve.pdf"),
        )
        .output()
        .unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(
        fonts.lines().skip(2).all(|l| l.contains(" yes yes ")),
        "every font embedded and subset: {fonts}"
    );
}

const WELSH_NAME: &str = "Cllr Siôn Llŷr Ŵyn";
