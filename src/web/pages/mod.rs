//! The pages people see: join, the phone's live page, the console, the projector.
//!
//! Pages are maud functions; the live parts are the same views the websocket
//! pushes, rendered once here so a page is useful before its socket connects.

mod accessibility;
mod console;
mod join;
mod layout;
mod phone;
mod prepare;
mod qr;
pub mod review;
mod runsheet;
mod screen;
mod series;
mod series_forms;

use super::language::Reading;
use super::AppState;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

pub use console::made_stamp;
pub use layout::{layout, Page};
pub use qr::qr_code;

/// The routes for pages and static files.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(join::form))
        .route("/accessibility", get(accessibility::page))
        .route("/join", get(join::form).post(join::submit))
        .route("/join/{code}", get(join::form_with_code))
        .route("/s/{session}", get(phone::page))
        .route("/facilitate", get(console::home))
        .route("/facilitate/login", post(console::login))
        .route("/facilitate/logout", post(console::logout))
        .route("/facilitate/sessions", post(console::create))
        .route("/facilitate/{session}", get(console::page))
        .route(
            "/facilitate/{session}/delete",
            post(series_forms::delete_session),
        )
        .route("/facilitate/series/{id}", get(series::page))
        .route("/facilitate/series/{id}/name", post(series_forms::rename))
        .route(
            "/facilitate/series/{id}/roster",
            post(series_forms::roster).layer(axum::extract::DefaultBodyLimit::max(
                crate::series::roster::MAX_ROSTER_BYTES,
            )),
        )
        .route(
            "/facilitate/series/{id}/delete",
            post(series_forms::delete_series),
        )
        .route("/facilitate/{session}/prepare", get(prepare::page))
        .route("/facilitate/{session}/runsheet", get(runsheet::page))
        .route("/screen/{session}", get(screen::page))
        .route("/review", get(review::index))
        .route("/review/series/{series}", get(review::series))
        .route("/review/{session}", get(review::session))
        .route("/static/{*file}", get(static_file))
}

/// The pages' style and scripts, compiled into the binary: `static/`, its
/// page scripts and the live page's modules (`static/app/`, `static/shapes/`).
static STATIC: include_dir::Dir<'static> = include_dir::include_dir!("$CARGO_MANIFEST_DIR/static");

async fn static_file(axum::extract::Path(file): axum::extract::Path<String>) -> Response {
    let content_type = match file.rsplit_once('.').map(|(_, ext)| ext) {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        _ => return axum::http::StatusCode::NOT_FOUND.into_response(),
    };
    let Some(body) = STATIC.get_file(&file).and_then(|f| f.contents_utf8()) else {
        return axum::http::StatusCode::NOT_FOUND.into_response();
    };
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

/// A page that says a request was refused, for forms (the API answers JSON).
pub fn refusal_page(message: &str, language: crate::language::Language) -> maud::Markup {
    use crate::t;
    let content = maud::html! {
        header.site { p.brand { "topteam" } }
        main #main {
            h1 { (t!(language, "refused-heading")) }
            div.error-summary role="alert" { p { (message) } }
            p { a href="/" { (t!(language, "refused-go-home")) } " " (t!(language, "refused-try-again")) }
        }
    };
    layout(
        Page {
            title: &t!(language, "refused-title"),
            class: "phone",
            languages: true,
            reading: crate::web::language::Reading::new(language, "/", None),
            ..Default::default()
        },
        content,
    )
}

/// The address people type on their phones, from the Host the projector used.
pub fn base_url(app: &AppState, headers: &HeaderMap) -> String {
    match &app.public_url {
        Some(url) => url.as_str().to_string(),
        None => host_url(headers),
    }
}

/// The address a page was asked for: a plain host only, else `localhost`.
fn host_url(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            h.chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .unwrap_or("localhost");
    format!("http://{host}")
}

/// A form POST from another site is refused: the console's cookie is
/// SameSite=Strict already, and this closes the gap for older browsers.
pub fn same_origin(headers: &HeaderMap) -> bool {
    super::auth::check_origin(headers).is_ok()
}

/// The log-in page, asked to come back to `path` (a page of this server's
/// own: the console, projector, run-sheet or agenda editor) once logged in.
pub fn to_login(path: &str) -> axum::response::Redirect {
    match safe_next(path) {
        Some(next) => axum::response::Redirect::to(&format!("/facilitate?next={next}")),
        None => axum::response::Redirect::to("/facilitate"),
    }
}

/// `path` if it is one of this server's staff pages, written plainly (no
/// other site, no query, nothing to escape).
pub fn safe_next(path: &str) -> Option<&str> {
    let staff = ["/facilitate/", "/screen/", "/review"];
    let plain = path
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/-_".contains(c));
    (plain && !path.contains("//") && staff.iter().any(|s| path.starts_with(s))).then_some(path)
}

/// The session a staff page is about, if the facilitator key is presented.
pub fn staff_session(
    app: &AppState,
    headers: &HeaderMap,
    session: &str,
) -> Result<crate::live::SessionHandle, NotShown> {
    super::auth::require_facilitator(headers, app).map_err(|_| NotShown::LoggedOut)?;
    app.session(session).map_err(|_| NotShown::Gone)
}

/// Why a staff page of one session cannot be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotShown {
    /// Nobody is logged in on this browser.
    LoggedOut,
    /// There is no such session (deleted, or a wrong address).
    Gone,
}

impl NotShown {
    /// The answer instead of the page at `path`: the login, which comes
    /// back to it; or, to a facilitator already logged in, a page saying
    /// the session is not there. Never the login then: it would send them
    /// straight back, round and round (a projector left open on a session
    /// just deleted did).
    pub fn answer(self, path: &str, reading: Reading) -> Response {
        match self {
            NotShown::LoggedOut => to_login(path).into_response(),
            NotShown::Gone => session_gone(reading),
        }
    }
}

/// 404: the session is not here any more, with the way back to the list.
fn session_gone(reading: Reading) -> Response {
    use crate::t;
    let lang = reading.language;
    let content = maud::html! {
        main #main {
            h1 { (t!(lang, "session-gone")) }
            p { (t!(lang, "session-gone-why")) }
            p { a href="/facilitate" { (t!(lang, "session-gone-back")) } }
        }
    };
    let page = layout(
        Page {
            title: &t!(lang, "session-gone"),
            class: "console",
            reading,
            languages: true,
            ..Default::default()
        },
        content,
    );
    (axum::http::StatusCode::NOT_FOUND, page).into_response()
}

#[cfg(test)]
mod tests {
    use super::host_url;
    use axum::http::{header, HeaderMap, HeaderValue};

    fn with_host(host: &'static str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static(host));
        headers
    }

    #[test]
    fn the_join_address_in_the_qr_code_takes_only_a_plain_host() {
        // The QR SVG is inserted unescaped, so nothing from a request may reach it unchecked.
        assert_eq!(
            host_url(&with_host("council.example:8080")),
            "http://council.example:8080"
        );
        assert_eq!(host_url(&with_host("[::1]:80")), "http://[::1]:80");
        assert_eq!(
            host_url(&with_host("evil\"><script>x</script>")),
            "http://localhost"
        );
        assert_eq!(host_url(&HeaderMap::new()), "http://localhost");
    }
}
