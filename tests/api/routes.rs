//! Every route the router declares is in `docs/api.md`: read from the
//! source's `.route("…"` calls, parameters compared by position (`{id}` and
//! `{series}` are the same slot), so a route added without documentation
//! fails here, as an error code does in `web::error`.

use crate::helpers::*;
use std::path::{Path, PathBuf};

/// `{anything}` as `{}`.
fn slots(path: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in path.chars() {
        match (inside, c) {
            (false, '{') => {
                inside = true;
                out.push_str("{}");
            }
            (true, '}') => inside = false,
            (true, _) => {}
            _ => out.push(c),
        }
    }
    out
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// The first string literal after each `.route(` in the source.
fn declared_routes() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut routes = Vec::new();
    for file in rust_files(&root.join("src")) {
        let text = std::fs::read_to_string(&file).unwrap();
        for (_, after) in text
            .match_indices(".route(")
            .map(|(i, _)| ((), &text[i + 7..]))
        {
            let after = after.trim_start();
            if let Some(rest) = after.strip_prefix('"') {
                routes.push(rest[..rest.find('"').unwrap()].to_string());
            }
        }
    }
    routes.sort();
    routes.dedup();
    routes
}

#[test]
fn every_route_the_router_declares_is_documented() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/api.md")).unwrap();
    let doc = slots(&doc);
    let routes = declared_routes();
    assert!(
        routes.len() > 40,
        "the source's routes were read: {routes:?}"
    );
    let missing: Vec<&String> = routes
        .iter()
        .filter(|r| {
            !doc.contains(&format!("{}`", slots(r))) && !doc.contains(&format!("{} ", slots(r)))
        })
        .collect();
    assert!(missing.is_empty(), "routes not in docs/api.md: {missing:?}");
}

#[test]
fn parameters_are_compared_by_position() {
    assert_eq!(
        slots("/review/series/{series}/pack.pdf"),
        "/review/series/{}/pack.pdf"
    );
    assert_eq!(slots("/a/{id}/b/{link}"), "/a/{}/b/{}");
}

/// A method an address does not take is refused as every refusal is: JSON
/// with a stable code, in the reader's language.
#[tokio::test]
async fn a_wrong_method_is_refused_with_a_json_error() {
    let dir = TempDir::new();
    let app = spawn_app(&dir.0).await;
    for (lang, words) in [("en-GB", "does not take"), ("cy", "Nid yw'r cyfeiriad")] {
        let answer = app
            .http
            .delete(app.url("/api/sessions"))
            .header("accept-language", lang)
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), 405);
        let allow = answer
            .headers()
            .get("allow")
            .map(|v| v.to_str().unwrap().to_string());
        let body: serde_json::Value = answer.json().await.unwrap();
        assert_eq!(body["error"]["code"], "method_not_allowed", "{body}");
        assert!(
            body["error"]["message"].as_str().unwrap().contains(words),
            "{body}"
        );
        assert!(
            allow.as_deref().is_some_and(|a| a.contains("POST")),
            "{allow:?}"
        );
    }
}
