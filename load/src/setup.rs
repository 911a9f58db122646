//! Setting up a run on topteam: sessions, joined phones, the open activity.

use crate::{http, Args};
use futures_util::StreamExt;

/// Creates the sessions, joins the phones (64 at a time), reveals and opens the activity.
pub async fn create_sessions(
    addr: &str,
    key: &str,
    args: &Args,
) -> Result<Vec<(String, Vec<String>)>, String> {
    let mut out = Vec::new();
    for i in 0..args.sessions {
        let body = serde_json::json!({ "workshop": args.workshop, "title": format!("Load {i}") });
        let created = http::post(addr, "/api/sessions", Some(key), body).await?;
        let id = created["id"].as_str().unwrap_or_default().to_string();
        let code = created["code"].as_str().unwrap_or_default().to_string();
        let joins: Vec<Result<String, String>> = futures_util::stream::iter(0..args.per_session)
            .map(|p| {
                let code = code.clone();
                async move {
                    let body = serde_json::json!({ "code": code, "name": format!("Phone {p}"), "group": "cabinet" });
                    let joined = http::post(addr, "/api/join", None, body).await?;
                    Ok(joined["token"].as_str().unwrap_or_default().to_string())
                }
            })
            .buffer_unordered(64)
            .collect()
            .await;
        let tokens = joins.into_iter().collect::<Result<Vec<_>, _>>()?;
        let path = format!("/api/sessions/{id}/commands");
        let open = serde_json::json!({ "type": "open", "activity": args.activity });
        http::post(addr, &path, Some(key), open).await?;
        // Revealed, so every ballot changes the projector and its latency can
        // be timed; --hidden keeps results hidden, as in a real room.
        if !args.hidden {
            let reveal = serde_json::json!({ "type": "reveal", "activity": args.activity });
            http::post(addr, &path, Some(key), reveal).await?;
        }
        out.push((id, tokens));
    }
    Ok(out)
}

/// The option ids of the activity, to vote on.
pub async fn options_of(
    addr: &str,
    key: &str,
    session: &str,
    activity: &str,
) -> Result<Vec<String>, String> {
    let (status, text) = http::request(
        addr,
        "GET",
        &format!("/api/sessions/{session}"),
        Some(key),
        "",
    )
    .await
    .map_err(|e| e.to_string())?;
    if status != 200 {
        return Err(format!("reading the session: HTTP {status}"));
    }
    let state: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let a = state["activities"]
        .as_array()
        .and_then(|list| list.iter().find(|a| a["id"] == activity))
        .ok_or("no such activity")?;
    Ok(a["options"]
        .as_array()
        .ok_or("no options")?
        .iter()
        .filter_map(|o| o["id"].as_str().map(String::from))
        .collect())
}
