//! A restart (the laptop's lid, a crash) costs the room a few seconds: the
//! console and the projector reconnect by themselves with the log-in they
//! had, and the keys work again; a projector opened before logging in lands
//! back on itself.

use crate::helpers::*;
use crate::support::*;
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_and_projector_carry_on_by_themselves_after_a_restart() {
    let driver = Driver::start().await;
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let base = format!("http://{}", app.addr);
    let session = app.create_session("w1-cabinet").await;

    // The projector's address, opened first: log in, and back to it.
    let projector = driver.browser((1280, 720)).await;
    projector
        .goto(&format!("{base}/screen/{}", session.id))
        .await
        .unwrap();
    type_into(&projector, "#key", KEY).await;
    click(&projector, "form.login button[type=submit]").await;
    wait_text(&projector, "main", "Join at").await;
    assert!(projector
        .current_url()
        .await
        .unwrap()
        .path()
        .starts_with("/screen/"));

    let console = driver.browser((1366, 768)).await;
    console.goto(&format!("{base}/facilitate")).await.unwrap();
    type_into(&console, "#key", KEY).await;
    click(&console, "form.login button[type=submit]").await;
    wait_text(&console, "h1", "Sessions").await;
    console
        .goto(&format!("{base}/facilitate/{}", session.id))
        .await
        .unwrap();
    wait_text(&console, "#connection", "Connected").await;

    let addr = app.addr.clone();
    app.stop().await;
    let lost = wait_text(&console, "#connection", "Connection lost").await;
    assert!(
        !lost.contains("vote"),
        "the console never speaks as a phone: {lost}"
    );
    screenshot(&console, "console-connection-lost").await;

    let (again, _) = spawn_app_with(&dir.0, |c| c.addr = addr.parse().unwrap()).await;
    wait_text(&console, "#connection", "Connected").await;
    console
        .find(Locator::Css("body"))
        .await
        .unwrap()
        .send_keys("n")
        .await
        .unwrap();
    wait_text(&console, "#next-step", "Close voting").await;
    wait_text(&projector, "#live", "Check-in").await;
    let state = again.state(&session.id).await;
    assert_eq!(state["current"], "check-in");
    screenshot(&console, "console-after-restart").await;
    for client in [console, projector] {
        client.close().await.unwrap();
    }
    again.stop().await;
}
