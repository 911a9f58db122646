//! Downloads of a session's record, rebuilt from its transcript.

use super::auth::Reader;
use super::error::ApiError;
use super::pages::review::source_of;
use super::AppState;
use crate::error_code::ErrorCode;
use crate::report::{report_json, report_markdown_in, votes_csv};
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

/// `GET /review/{session}/{file}`: `report.md`, `votes.csv`, `report.json`
/// or `transcript.jsonl`, named by the session's date and title.
pub async fn download(
    State(app): State<AppState>,
    Path((id, file)): Path<(String, String)>,
    reader: Reader,
    axum::extract::Query(asked): axum::extract::Query<PackAsked>,
) -> Result<Response, ApiError> {
    let handle = app.session(&id)?;
    if !reader.may_read(handle.info().series) {
        return Err(other_series());
    }
    let info = handle.info();
    let disposition = attachment(&crate::time::date(info.created_at), &info.title, &file);
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
        let mut options = pack_options(&app, info.series, asked.timeline.as_deref() == Some("1"));
        options.language = asked.language(info.language);
        let pdf = set_pack(move || crate::report::pack::session_pack(&source, &options)).await?;
        return Ok(pdf_response(disposition, pdf));
    }
    let (content_type, body) = match file.as_str() {
        "report.md" => (
            "text/markdown; charset=utf-8",
            report_markdown_in(&source, asked.language(info.language)),
        ),
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

/// `GET /review/series/{series}/pack.pdf`: the series' outcome pack, its
/// sessions oldest first.
pub async fn series_pack(
    State(app): State<AppState>,
    Path(series): Path<String>,
    reader: Reader,
    axum::extract::Query(asked): axum::extract::Query<PackAsked>,
) -> Result<Response, ApiError> {
    let series: uuid::Uuid = series
        .parse()
        .map_err(|_| ApiError::new(ErrorCode::NotFound, "no such series"))?;
    if !reader.may_read(series) {
        return Err(other_series());
    }
    let handles = app.sessions.of_series(series);
    if handles.is_empty() && app.series.get(&series).is_none() {
        return Err(ApiError::new(ErrorCode::NotFound, "no such series"));
    }
    let mut sources = Vec::with_capacity(handles.len());
    for handle in &handles {
        sources.push(source_of(&app, handle).await.ok_or_else(|| {
            ApiError::new(ErrorCode::Unavailable, "a transcript could not be read")
        })?);
    }
    let mut options = pack_options(&app, series, false);
    let room = handles
        .last()
        .map_or_else(Default::default, |h| h.info().language);
    options.language = asked.language(room);
    let first = handles
        .first()
        .map(|h| crate::time::date(h.info().created_at))
        .unwrap_or_default();
    let name = if options.series.is_empty() {
        "series".to_string()
    } else {
        options.series.clone()
    };
    let disposition = attachment(&first, &name, "series-pack.pdf");
    let pdf = set_pack(move || crate::report::pack::series_pack(&sources, &options)).await?;
    Ok(pdf_response(disposition, pdf))
}

/// A review link used on another series' files: it opens its own series'
/// pages and nothing else.
fn other_series() -> ApiError {
    ApiError::new(
        ErrorCode::Forbidden,
        "this review link opens another series' pages and files, not these; open the link you were sent for this series",
    )
}

fn pack_options(
    app: &AppState,
    series: uuid::Uuid,
    timeline: bool,
) -> crate::report::pack::PackOptions {
    crate::report::pack::PackOptions {
        timeline,
        classification: app.classification.clone(),
        council: app.council.clone(),
        series: app
            .series
            .get(&series)
            .map(|s| s.name.clone())
            .unwrap_or_default(),
        language: crate::language::Language::English,
    }
}

/// Sets a pack: CPU work, so off the async threads.
async fn set_pack(
    work: impl FnOnce() -> Result<Vec<u8>, crate::report::pack::PackError> + Send + 'static,
) -> Result<Vec<u8>, ApiError> {
    let unavailable = || ApiError::new(ErrorCode::Unavailable, "the pack could not be made");
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|_| unavailable())?
        .map_err(|e| {
            tracing::error!(error = %e, "pack not made");
            unavailable()
        })
}

fn pdf_response(disposition: String, pdf: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        pdf,
    )
        .into_response()
}

/// `Content-Disposition` for a download named by date, title and file: an
/// ASCII name for every browser, and the title's own letters (Welsh,
/// Cyrillic…) for those that read `filename*` (RFC 6266).
fn attachment(date: &str, title: &str, file: &str) -> String {
    let plain = format!(
        "{date}-{}-{file}",
        slug(title, |c| c.is_ascii_alphanumeric())
    );
    let full = format!("{date}-{}-{file}", slug(title, char::is_alphanumeric));
    let encoded = percent_encoding::utf8_percent_encode(&full, percent_encoding::NON_ALPHANUMERIC);
    format!("attachment; filename=\"{plain}\"; filename*=UTF-8''{encoded}")
}

/// What a download may ask for besides the file.
#[derive(Debug, Default, serde::Deserialize)]
pub struct PackAsked {
    #[serde(default)]
    timeline: Option<String>,
    /// `en` or `cy`: the pack and `report.md` in that language, rather
    /// than the session's.
    #[serde(default)]
    lang: Option<String>,
}

impl PackAsked {
    /// The language asked for, else the room's (Welsh first when bilingual).
    fn language(&self, room: crate::language::SessionLanguage) -> crate::language::Language {
        self.lang
            .as_deref()
            .and_then(crate::language::Language::from_code)
            .unwrap_or_else(|| room.first())
    }
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
