//! Erasing a person at their request: their name and job title gone from
//! every view, export and file under the data folder, their ballots still
//! counted as "Participant N", across restarts and a crash mid-erasure.

use crate::helpers::*;
use crate::trust::{series_with_roster, session_in};
use serde_json::{json, Value};

const NAME: &str = "Zanzibar Quill";
const JOB: &str = "Lead for Xylophonics";

fn participant<'a>(state: &'a Value, id: &str) -> &'a Value {
    state["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id)
        .unwrap()
}

async fn claim(app: &TestApp, code: &str, person: &Value) -> Joined {
    let (status, joined) = app
        .post_json(
            "/api/join",
            None,
            json!({ "code": code, "person": person["id"] }),
        )
        .await;
    assert_eq!(status, 200, "{joined}");
    Joined {
        id: joined["participant"].as_str().unwrap().to_string(),
        token: joined["token"].as_str().unwrap().to_string(),
        admitted: joined["admitted"].as_bool().unwrap(),
    }
}

#[tokio::test]
async fn an_erased_person_keeps_their_ballots_and_their_name_is_nowhere_in_the_data_folder() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let people = json!([
        { "name": NAME, "group": "cabinet", "job_title": JOB },
        { "name": "Cllr Ann Other", "group": "cabinet" },
    ]);
    let (series, roster) = series_with_roster(&app, people).await;
    let w1 = session_in(&app, "w1-cabinet", &series).await;
    let zed = claim(&app, &w1.code, &roster[0]).await;
    let ann = claim(&app, &w1.code, &roster[1]).await;
    app.command(&w1.id, json!({ "type": "open", "activity": "check-in" }))
        .await;
    for (joined, score) in [(&zed, 5), (&ann, 2)] {
        let mut phone = Socket::participant(&app, &w1.id, joined).await;
        acked(
            &phone
                .vote("check-in", json!({ "scores": { "clear-mandate": score } }))
                .await,
        );
    }
    app.command(&w1.id, json!({ "type": "close", "activity": "check-in" }))
        .await;
    let owner = json!({ "type": "action", "text": "Brief the team", "owner": NAME });
    app.command(&w1.id, owner).await;
    // The same person in the series' next workshop, typing their name.
    let w2 = session_in(&app, "w2-joint-vision", &series).await;
    let zed_again = claim(&app, &w2.code, &roster[0]).await;
    let before = activity(&app.state(&w1.id).await, "check-in")["results"].clone();
    let csv_rows = app.votes_csv(&w1.id).await.lines().count();
    assert!(!files_containing(&dir.0, NAME).is_empty());

    // Through the console's own socket, as the button sends it.
    let mut console = Socket::staff(&app, &w1.id, "facilitate").await;
    acked(
        &console
            .command(json!({ "type": "erase", "participant": zed.id }))
            .await,
    );

    let state = app.state(&w1.id).await;
    let erased = participant(&state, &zed.id);
    assert_eq!(erased["name"], "Participant 1");
    assert_eq!(erased["erased"], true);
    assert!(erased["job_title"].is_null(), "{erased}");
    assert_eq!(
        activity(&state, "check-in")["results"],
        before,
        "ballots still count"
    );
    let csv = app.votes_csv(&w1.id).await;
    assert_eq!(csv.lines().count(), csv_rows);
    assert!(csv.contains("Participant 1"), "{csv}");
    assert!(state.to_string().contains("\"owner\":\"Participant 1\""));
    assert_eq!(
        participant(&app.state(&w2.id).await, &zed_again.id)["name"],
        "Participant 1"
    );
    let (_, on_file) = app
        .get_json(&format!("/api/series/{series}"), Some(KEY))
        .await;
    assert_eq!(on_file["roster"].as_array().unwrap().len(), 1, "{on_file}");
    for page in [
        format!("/review/{}", w1.id),
        format!("/review/{}/report.md", w1.id),
        format!("/facilitate/{}", w1.id),
    ] {
        let text = app.page(&page).await;
        assert!(!text.contains(NAME) && !text.contains(JOB), "{page}");
    }
    assert_eq!(files_containing(&dir.0, NAME), Vec::<String>::new());
    assert_eq!(files_containing(&dir.0, JOB), Vec::<String>::new());
    let audit = std::fs::read_to_string(dir.0.join("audit.log")).unwrap();
    assert!(
        audit.contains("\"erased\"") && audit.contains(&zed.id),
        "{audit}"
    );

    // Once is enough; the person is not there to erase again.
    let (status, body) = app
        .try_command(&w1.id, json!({ "type": "erase", "participant": zed.id }))
        .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (409, Some("already_erased"))
    );

    // A restart rebuilds the same results from the rewritten transcripts.
    app.stop().await;
    let app = spawn_app(&dir.0).await;
    let state = app.state(&w1.id).await;
    assert_eq!(activity(&state, "check-in")["results"], before);
    assert_eq!(participant(&state, &zed.id)["name"], "Participant 1");
    assert_eq!(participant(&state, &ann.id)["name"], "Cllr Ann Other");
    assert_eq!(files_containing(&dir.0, NAME), Vec::<String>::new());
}

#[tokio::test]
async fn a_crash_between_the_erasure_and_the_rewrite_is_finished_at_start_up() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let zed = app.admitted(&session, NAME, "cabinet").await;
    let file = dir.0.join(format!("sessions/{}.jsonl", session.id));
    let with_name = std::fs::read_to_string(&file).unwrap();
    app.command(
        &session.id,
        json!({ "type": "erase", "participant": zed.id }),
    )
    .await;
    app.stop().await;
    // As if the server died after appending the erasure and before the
    // rewrite: the old lines, then the new ones.
    let rewritten = std::fs::read_to_string(&file).unwrap();
    let erasure = rewritten.lines().last().unwrap();
    assert!(erasure.contains("participant_erased"), "{erasure}");
    std::fs::write(&file, format!("{with_name}{erasure}\n")).unwrap();
    std::fs::write(file.with_extension("jsonl.scrubbed"), &with_name).unwrap();
    assert!(!files_containing(&dir.0, NAME).is_empty());

    let app = spawn_app(&dir.0).await;
    let state = app.state(&session.id).await;
    assert_eq!(participant(&state, &zed.id)["name"], "Participant 1");
    assert_eq!(files_containing(&dir.0, NAME), Vec::<String>::new());
}

#[tokio::test]
async fn erasing_refuses_the_unknown_and_phones() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let zed = app.admitted(&session, NAME, "cabinet").await;
    let nobody = uuid::Uuid::new_v4();
    let (status, body) = app
        .try_command(
            &session.id,
            json!({ "type": "erase", "participant": nobody }),
        )
        .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (404, Some("unknown_participant"))
    );
    let (status, body) = app
        .try_command(&session.id, json!({ "type": "erase" }))
        .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (400, Some("invalid_request"))
    );
    let mut phone = Socket::participant(&app, &session.id, &zed).await;
    refused(
        &phone
            .command(json!({ "type": "erase", "participant": zed.id }))
            .await,
        "forbidden",
    );
    // An ended session still erases: people ask afterwards. Its console
    // offers that and the review, and nothing that an ended session refuses.
    app.command(&session.id, json!({ "type": "end" })).await;
    let console = app.page(&format!("/facilitate/{}", session.id)).await;
    assert!(console.contains("data-command=\"erase\"") && console.contains("Review and exports"));
    for refused_after_end in ["admit", "remove", "open", "goto", "timer", "note", "action"] {
        let attribute = format!("data-command=\"{refused_after_end}\"");
        assert!(
            !console.contains(&attribute),
            "{attribute} on an ended console"
        );
    }
    assert!(!console.contains("Join at") && !console.contains("/prepare\""));
    let join = app.page(&format!("/join/{}", session.code)).await;
    assert!(join.contains("This session has ended"), "{join}");
    app.command(
        &session.id,
        json!({ "type": "erase", "participant": zed.id }),
    )
    .await;
    assert_eq!(
        participant(&app.state(&session.id).await, &zed.id)["name"],
        "Participant 1"
    );
}

#[tokio::test]
async fn erasing_one_person_many_times_at_once_erases_them_once() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let zed = app.admitted(&session, NAME, "cabinet").await;
    let tries = (0..12).map(|_| {
        app.try_command(
            &session.id,
            json!({ "type": "erase", "participant": zed.id }),
        )
    });
    let mut answers: Vec<(u16, Option<String>)> = futures_util::future::join_all(tries)
        .await
        .into_iter()
        .map(|(status, body)| (status, body["error"]["code"].as_str().map(String::from)))
        .collect();
    answers.sort();
    assert_eq!(answers[0], (200, None));
    assert!(
        answers[1..]
            .iter()
            .all(|a| *a == (409, Some("already_erased".into()))),
        "{answers:?}"
    );
    let audit = std::fs::read_to_string(dir.0.join("audit.log")).unwrap();
    assert_eq!(audit.lines().count(), 1, "{audit}");
}

#[tokio::test]
async fn an_erasure_cut_short_across_a_series_is_finished_at_the_next_start() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let w1 = app.create_session("w1-cabinet").await;
    let zed = app.admitted(&w1, NAME, "cabinet").await;
    let series = app.state(&w1.id).await["series"]
        .as_str()
        .unwrap()
        .to_string();
    let (_, w2) = app
        .post_json(
            "/api/sessions",
            Some(KEY),
            json!({ "workshop": "w2-joint-vision", "series": series }),
        )
        .await;
    let w2 = w2["id"].as_str().unwrap().to_string();
    let w2_code = app.state(&w2).await["code"].as_str().unwrap().to_string();
    app.join(&w2_code, NAME, "cabinet").await;
    app.stop().await;
    // As if the server died just after journalling the erasure.
    let journal = dir.0.join("erasures");
    std::fs::create_dir_all(&journal).unwrap();
    let pending = json!({ "series": series, "session": w1.id, "participant": zed.id, "name": NAME, "person": null });
    std::fs::write(
        journal.join(format!("{}.json", zed.id)),
        pending.to_string(),
    )
    .unwrap();

    let app = spawn_app(&dir.0).await;
    assert_eq!(
        participant(&app.state(&w1.id).await, &zed.id)["name"],
        "Participant 1"
    );
    let w2_people = app.state(&w2).await["participants"].to_string();
    assert!(
        w2_people.contains("Participant 1") && !w2_people.contains(NAME),
        "{w2_people}"
    );
    assert_eq!(files_containing(&dir.0, NAME), Vec::<String>::new());
}

/// A transcript of the series that cannot be read may hold the name: erasing
/// and deleting there are refused, naming the file and what to do, and
/// change nothing; with the file moved out and the server restarted, both
/// work.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn erasing_and_deleting_are_refused_while_a_transcript_of_the_series_cannot_be_read() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let people = json!([{ "name": NAME, "group": "cabinet" }]);
    let (series, roster) = series_with_roster(&app, people).await;
    let w1 = session_in(&app, "w1-cabinet", &series).await;
    let w2 = session_in(&app, "w2-joint-vision", &series).await;
    claim(&app, &w1.code, &roster[0]).await;
    let again = claim(&app, &w2.code, &roster[0]).await;
    app.command(&w1.id, json!({ "type": "open", "activity": "check-in" }))
        .await;
    app.stop().await;
    // Workshop 1's transcript is damaged before its end.
    let damaged = dir.0.join(format!("sessions/{}.jsonl", w1.id));
    let mut bytes = std::fs::read(&damaged).unwrap();
    let second_line = bytes.iter().position(|&b| b == b'\n').unwrap() + 1;
    bytes.splice(second_line..second_line, b"{not json}\n".iter().copied());
    std::fs::write(&damaged, &bytes).unwrap();

    let app = spawn_app(&dir.0).await;
    let (status, body) = app
        .try_command(&w2.id, json!({ "type": "erase", "participant": again.id }))
        .await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["error"]["code"], "unreadable_transcript");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("sessions/{}.jsonl", w1.id))
            && message.contains("topteam verify"),
        "{message}"
    );
    assert_eq!(
        participant(&app.state(&w2.id).await, &again.id)["name"],
        NAME,
        "nothing was erased"
    );
    let response = app
        .http
        .delete(app.url(&format!("/api/series/{series}")))
        .bearer_auth(KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 409);
    // The damaged session itself is not "no such session": it says why.
    let response = app
        .http
        .delete(app.url(&format!("/api/sessions/{}", w1.id)))
        .bearer_auth(KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 409);
    assert!(damaged.exists(), "nothing was deleted");
    assert!(dir.0.join(format!("sessions/{}.jsonl", w2.id)).exists());
    let (status, _) = app
        .get_json(&format!("/api/series/{series}"), Some(KEY))
        .await;
    assert_eq!(status, 200);
    app.stop().await;

    // Dealt with (moved out of the data folder), the erasure goes ahead.
    std::fs::rename(&damaged, dir.0.join("set-aside.jsonl")).unwrap();
    let app = spawn_app(&dir.0).await;
    let (status, body) = app
        .try_command(&w2.id, json!({ "type": "erase", "participant": again.id }))
        .await;
    assert_eq!(status, 200, "{body}");
    app.stop().await;
}

/// (Hostile pass.) A transcript damaged while the server runs makes an
/// erasure fail; the erasure stays journalled through restarts, refused
/// while the file cannot be read, and is finished once it is repaired: the
/// name is then nowhere in the data folder.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_erasure_that_meets_a_damaged_transcript_is_finished_once_it_is_repaired() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let people = json!([{ "name": NAME, "group": "cabinet", "job_title": JOB }]);
    let (series, roster) = series_with_roster(&app, people).await;
    let w1 = session_in(&app, "w1-cabinet", &series).await;
    let w2 = session_in(&app, "w2-joint-vision", &series).await;
    claim(&app, &w1.code, &roster[0]).await;
    let again = claim(&app, &w2.code, &roster[0]).await;
    let damaged = dir.0.join(format!("sessions/{}.jsonl", w1.id));
    let whole = std::fs::read(&damaged).unwrap();
    let second_line = whole.iter().position(|&b| b == b'\n').unwrap() + 1;
    let mut bytes = whole.clone();
    const DAMAGE: &[u8] = b"{not json}\n";
    bytes.splice(second_line..second_line, DAMAGE.iter().copied());
    std::fs::write(&damaged, &bytes).unwrap();

    let (status, body) = app
        .try_command(&w2.id, json!({ "type": "erase", "participant": again.id }))
        .await;
    assert_ne!(
        status, 200,
        "the damaged file could not be rewritten: {body}"
    );
    app.stop().await;

    // Restarted with the file still damaged: the erasure waits, and asking
    // again says why.
    let app = spawn_app(&dir.0).await;
    assert_eq!(
        std::fs::read_dir(dir.0.join("erasures")).unwrap().count(),
        1,
        "still journalled"
    );
    let (status, body) = app
        .try_command(&w2.id, json!({ "type": "erase", "participant": again.id }))
        .await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["error"]["code"], "unreadable_transcript");
    app.stop().await;

    // Repaired (the damaged line taken out): the next start finishes it.
    let mut repaired = std::fs::read(&damaged).unwrap();
    let at = repaired
        .windows(DAMAGE.len())
        .position(|w| w == DAMAGE)
        .unwrap();
    repaired.drain(at..at + DAMAGE.len());
    std::fs::write(&damaged, &repaired).unwrap();
    let app = spawn_app(&dir.0).await;
    assert_eq!(
        participant(
            &app.state(&w1.id).await,
            &participant_in(&app, &w1.id).await
        )["name"],
        "Participant 1"
    );
    app.stop().await;
    assert!(
        files_containing(&dir.0, NAME).is_empty(),
        "the name is gone"
    );
    assert!(
        std::fs::read_dir(dir.0.join("erasures"))
            .unwrap()
            .next()
            .is_none(),
        "and the journal with it"
    );
}

/// The one participant of a session.
async fn participant_in(app: &TestApp, session: &str) -> String {
    app.state(session).await["participants"][0]["id"]
        .as_str()
        .unwrap()
        .to_string()
}
