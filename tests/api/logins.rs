//! A facilitator who survives a restart: logins are kept (hashed) in the
//! data folder, and a log-in lands on the page that asked for it.

use crate::helpers::*;
use crate::trust::abuse::login_cookie;

fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

async fn console_status(app: &TestApp, session: &str, cookie: &str) -> (u16, String) {
    let response = no_redirects()
        .get(app.url(&format!("/facilitate/{session}")))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_string())
        .unwrap_or_default();
    (status, location)
}

#[tokio::test]
async fn a_login_still_works_after_a_restart_and_a_logout_stays_ended() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let kept = login_cookie(&app).await;
    let ended = login_cookie(&app).await;
    let logout = no_redirects()
        .post(app.url("/facilitate/logout"))
        .header("cookie", &ended)
        .header("origin", app.url(""))
        .send()
        .await
        .unwrap();
    assert!(logout.status().is_redirection());
    let addr = app.addr.clone();
    app.stop().await;
    let id = kept.split_once('=').unwrap().1.to_string();
    assert!(
        files_containing(&dir.0, &id).is_empty(),
        "only hashes on disk"
    );

    let (again, _) = spawn_app_with(&dir.0, |c| c.addr = addr.parse().unwrap()).await;
    assert_eq!(console_status(&again, &session.id, &kept).await.0, 200);
    let (status, location) = console_status(&again, &session.id, &ended).await;
    assert_eq!(status, 303);
    assert!(location.starts_with("/facilitate?next="), "{location}");
    again.stop().await;
}

#[tokio::test]
async fn a_login_lands_on_the_page_that_asked_and_never_on_another_site() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let asked = format!("/screen/{}", session.id);
    let response = no_redirects().get(app.url(&asked)).send().await.unwrap();
    assert_eq!(
        response.headers()["location"],
        format!("/facilitate?next={asked}").as_str()
    );
    let form = app
        .http
        .get(app.url(&format!("/facilitate?next={asked}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(form.contains(&format!("value=\"{asked}\"")), "{form}");
    for (next, lands) in [
        (asked.as_str(), asked.as_str()),
        ("https://evil.example/", "/facilitate"),
        ("//evil.example/x", "/facilitate"),
        ("/facilitate/x?y=z", "/facilitate"),
    ] {
        let response = no_redirects()
            .post(app.url("/facilitate/login"))
            .header("origin", app.url(""))
            .form(&[("key", KEY), ("next", next)])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 303, "{next}");
        assert_eq!(response.headers()["location"], lands, "{next}");
    }
    app.stop().await;
}

/// A projector or console left open on a session that was deleted, or an
/// old bookmark: a facilitator who is logged in is told the session is not
/// there, with the way back, and is never sent to the login, which would
/// send them straight back (the browser gave up: too many redirects).
#[tokio::test]
async fn a_logged_in_facilitator_asking_for_a_session_that_is_gone_is_told_so() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let session = app.create_session("w1-cabinet").await;
    let cookie = login_cookie(&app).await;
    let response = app
        .http
        .delete(app.url(&format!("/api/sessions/{}", session.id)))
        .bearer_auth(KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    for path in [
        format!("/screen/{}", session.id),
        format!("/facilitate/{}", session.id),
        "/screen/00000000-0000-0000-0000-000000000000".to_string(),
    ] {
        let response = no_redirects()
            .get(app.url(&path))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 404, "{path}");
        let page = response.text().await.unwrap();
        assert!(page.contains("This session is not here any more"), "{page}");
        assert!(page.contains("href=\"/facilitate\""), "{page}");
        // Nobody logged in: the login, coming back here after.
        let response = no_redirects().get(app.url(&path)).send().await.unwrap();
        assert_eq!(response.status(), 303, "{path}");
    }
    app.stop().await;
}
