//! Organisers' review links: one series' review pages and exports, nothing else.

use crate::helpers::*;
use serde_json::json;

#[tokio::test]
async fn a_review_link_opens_one_series_review_and_nothing_else_until_revoked() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    let ours = app.create_session("w1-cabinet").await;
    let theirs = app.create_session("w1-cabinet").await;
    let series = app.state(&ours.id).await["series"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, link) = app
        .post_json(
            &format!("/api/series/{series}/review-links"),
            Some(KEY),
            json!({ "days": 7 }),
        )
        .await;
    assert_eq!(status, 201, "{link}");
    let token = link["token"].as_str().unwrap();
    assert!(link["url"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/r/{token}")));
    let (_, listed) = app
        .get_json(&format!("/api/series/{series}/review-links"), Some(KEY))
        .await;
    assert_eq!(listed[0]["id"], link["id"]);
    assert!(!listed.to_string().contains(token), "tokens are shown once");
    let on_disk = std::fs::read_to_string(dir.0.join(format!("series/{series}.jsonl"))).unwrap();
    assert!(
        !on_disk.contains(token),
        "the series file keeps only the hash"
    );

    // An organiser opens the link: a cookie for review pages, then the series.
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let opened = client
        .get(app.url(&format!("/r/{token}")))
        .send()
        .await
        .unwrap();
    assert_eq!(opened.status(), 303);
    assert_eq!(
        opened.headers()["location"],
        format!("/review/series/{series}")
    );
    let cookie = opened.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let get = |path: String| {
        let client = client.clone();
        let cookie = cookie.clone();
        let url = app.url(&path);
        async move {
            client
                .get(url)
                .header("cookie", cookie)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    assert_eq!(get(format!("/review/series/{series}")).await, 200);
    assert_eq!(get(format!("/review/{}", ours.id)).await, 200);
    assert_eq!(get(format!("/review/{}/votes.csv", ours.id)).await, 200);
    assert_eq!(get(format!("/review/{}/pack.pdf", ours.id)).await, 200);
    assert_eq!(get(format!("/review/series/{series}/pack.pdf")).await, 200);
    // Nothing else: not the other council's series, not the console, not the API.
    let their_series = app.state(&theirs.id).await["series"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(get(format!("/review/series/{their_series}")).await, 403);
    assert_eq!(
        get(format!("/review/{}", theirs.id)).await,
        303,
        "sent back to its own series"
    );
    assert_eq!(get(format!("/review/{}/votes.csv", theirs.id)).await, 403);
    assert_eq!(get(format!("/review/{}/pack.pdf", theirs.id)).await, 403);
    assert_eq!(
        get(format!("/review/series/{their_series}/pack.pdf")).await,
        403,
        "not the other series' pack"
    );
    assert_eq!(get(format!("/api/sessions/{}", ours.id)).await, 401);
    assert_eq!(
        get(format!("/facilitate/{}", ours.id)).await,
        303,
        "the console sends it to log in"
    );

    let gone = app
        .http
        .delete(app.url(&format!(
            "/api/series/{series}/review-links/{}",
            link["id"].as_str().unwrap()
        )))
        .bearer_auth(KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(gone.status(), 204);
    assert_eq!(
        get(format!("/review/series/{series}")).await,
        303,
        "revoked: back to log in"
    );
    let reopened = client
        .get(app.url(&format!("/r/{token}")))
        .send()
        .await
        .unwrap();
    assert_eq!(reopened.status(), 404);
    app.stop().await;
}
