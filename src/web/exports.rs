//! Downloads of a session's record, rebuilt from its transcript.

use super::error::ApiError;
use super::pages::review::source_of;
use super::review_links::reader;
use super::AppState;
use crate::error_code::ErrorCode;
use crate::report::{report_json, report_markdown, votes_csv};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};

/// `GET /review/{session}/{file}`: `report.md`, `votes.csv`, `report.json`
/// or `transcript.jsonl`, named by the session's date and title.
pub async fn download(
    State(app): State<AppState>,
    Path((id, file)): Path<(String, String)>,
    headers: HeaderMap,
    axum::extract::Query(asked): axum::extract::Query<PackAsked>,
) -> Result<Response, ApiError> {
    let reader = reader(&headers, &app).ok_or_else(ApiError::unauthorized)?;
    let handle = app.session(&id)?;
    if !reader.may_read(handle.info().series) {
        return Err(ApiError::unauthorized());
    }
    let info = handle.info();
    let date = crate::time::date(info.created_at);
    // An ASCII name for every browser, and the title's own letters (Welsh,
    // Cyrillic…) for those that read `filename*` (RFC 6266).
    let plain = format!(
        "{date}-{}-{file}",
        slug(&info.title, |c| c.is_ascii_alphanumeric())
    );
    let full = format!("{date}-{}-{file}", slug(&info.title, char::is_alphanumeric));
    let encoded = percent_encoding::utf8_percent_encode(&full, percent_encoding::NON_ALPHANUMERIC);
    let disposition = format!("attachment; filename=\"{plain}\"; filename*=UTF-8''{encoded}");
    if file == "transcript.jsonl" {
        let bytes = super::api::sealed_bytes(&app, &handle).await?;
        return Ok((
            [
                (
                    header::CONTENT_TYPE,
                    "application/x-ndjson; charset=utf-8".to_string(),
                ),
                (header::CONTENT_DISPOSITION, disposition),
            ],
            bytes,
        )
            .into_response());
    }
    let source = source_of(&app, &handle)
        .await
        .ok_or_else(|| ApiError::new(ErrorCode::Unavailable, "the transcript could not be read"))?;
    if file == "pack.pdf" {
        let options = crate::report::pack::PackOptions {
            timeline: asked.timeline.as_deref() == Some("1"),
            classification: app.classification.clone(),
            series: app
                .series
                .get(&info.series)
                .map(|s| s.name.clone())
                .unwrap_or_default(),
        };
        // Setting a pack is CPU work: off the async threads.
        let pdf = tokio::task::spawn_blocking(move || {
            crate::report::pack::session_pack(&source, &options)
        })
        .await
        .map_err(|_| ApiError::new(ErrorCode::Unavailable, "the pack could not be made"))?
        .map_err(|e| {
            tracing::error!(error = %e, "pack not made");
            ApiError::new(ErrorCode::Unavailable, "the pack could not be made")
        })?;
        return Ok((
            [
                (header::CONTENT_TYPE, "application/pdf".to_string()),
                (header::CONTENT_DISPOSITION, disposition),
            ],
            pdf,
        )
            .into_response());
    }
    let (content_type, body) = match file.as_str() {
        "report.md" => ("text/markdown; charset=utf-8", report_markdown(&source)),
        "votes.csv" => ("text/csv; charset=utf-8", votes_csv(&source)),
        "report.json" => ("application/json", report_json(&source).to_string()),
        _ => {
            return Err(ApiError::new(
                ErrorCode::NotFound,
                "exports are pack.pdf, report.md, votes.csv, report.json and transcript.jsonl",
            ))
        }
    };
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response())
}

/// What a download may ask for besides the file.
#[derive(Debug, Default, serde::Deserialize)]
pub struct PackAsked {
    #[serde(default)]
    timeline: Option<String>,
}

/// A title as a file name: lower-case letters and digits that `keep`
/// keeps, joined by dashes, at most 60 of them ("Ashfield: workshop 2" is
/// "ashfield-workshop-2").
fn slug(title: &str, keep: fn(char) -> bool) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if keep(c) {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "session".into()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_title_becomes_a_plain_file_name() {
        let ascii = |t| super::slug(t, |c| c.is_ascii_alphanumeric());
        assert_eq!(
            ascii("Ashfield: workshop 2 (CLT)"),
            "ashfield-workshop-2-clt"
        );
        assert_eq!(ascii("Gweithdy 1: y cabinet"), "gweithdy-1-y-cabinet");
        assert_eq!(ascii("\"; rm -rf /"), "rm-rf");
        assert_eq!(ascii("!!!"), "session");
        assert_eq!(ascii("Café Cabinet"), "caf-cabinet");
        let full = |t| super::slug(t, char::is_alphanumeric);
        assert_eq!(full("Café Cabinet"), "café-cabinet");
        assert_eq!(full("Gweithdy Ŵyn"), "gweithdy-ŵyn");
    }
}
