//! The thin web layer: routes parse and authenticate, then hand commands to sessions.

pub mod api;
pub mod auth;
pub mod client_ip;
pub mod deletion;
pub mod erasing;
pub mod error;
pub mod exports;
pub mod invitations;
pub mod joining;
pub mod key_guard;
pub mod language;
pub mod limits;
pub mod logins;
pub mod pages;
pub mod protocol;
pub mod replies;
pub mod review_links;
pub mod script_api;
mod security_headers;
pub mod series_api;
pub mod socket;
pub mod templates_api;
pub mod upgrade;

use crate::config::{Limits, Timings};
use crate::error_code::ErrorCode;
use crate::live::registry::Sessions;
use crate::live::SessionHandle;
use crate::metrics::Metrics;
use crate::workshop::WorkshopLibrary;
use axum::extract::{FromRequest, Request};
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use error::ApiError;
use serde::de::DeserializeOwned;
use std::ops::Deref;
use std::sync::Arc;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

/// What every handler can reach. Cheap to clone.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

/// The shared parts behind [`AppState`].
pub struct Shared {
    /// Live sessions.
    pub sessions: Sessions,
    /// Workshop scripts.
    pub workshops: WorkshopLibrary,
    /// The facilitator key: never printed, not even by `Debug`.
    pub admin_key: secrecy::SecretString,
    /// Counters.
    pub metrics: Arc<Metrics>,
    /// Size limits.
    pub limits: Limits,
    /// Connection timings.
    pub timings: Timings,
    /// Cancelled on shutdown.
    pub shutdown: CancellationToken,
    /// Tracks sockets and session tasks for shutdown.
    pub tracker: TaskTracker,
    /// Slows and refuses join-code guessing.
    pub join_guard: limits::JoinGuard,
    /// Joins per address and session.
    pub join_budget: limits::JoinBudget,
    /// Phones' sockets open from each address.
    pub address_sockets: Arc<limits::AddressSockets>,
    /// Facilitators logged in from the console.
    pub logins: logins::Logins,
    /// What was deleted, when and by whom.
    pub audit: Arc<crate::audit::AuditLog>,
    /// Erasures begun and not finished (`DATA_DIR/erasures/`).
    pub erasures: crate::erasures::Journal,
    /// One erasure at a time: each reads the series as the last one left it.
    /// Also held while a session is made in a series and while a series is
    /// deleted: each of these goes over a series' sessions, and a session
    /// made meanwhile would be missed (left behind by a deletion).
    pub erasing: tokio::sync::Mutex<()>,
    /// Wrong facilitator keys, counted per address.
    pub key_guard: key_guard::KeyGuard,
    /// Take the client's address from `X-Forwarded-For` (`--trust-proxy`).
    pub trust_proxy: bool,
    /// Scripts saved as templates from the agenda editor.
    pub templates: Arc<crate::workshop::TemplateBook>,
    /// The address phones are sent to, when set (`--public-url`).
    pub public_url: Option<crate::config::PublicUrl>,
    /// The classification line on the PDF packs.
    pub classification: Option<String>,
    /// The council's name on the PDF packs.
    pub council: Option<String>,
    /// The councils' series and their rosters.
    pub series: Arc<crate::series::SeriesBook>,
}

impl AppState {
    /// What erasing, deleting and retention reach, from this server's parts.
    pub fn records(&self) -> crate::records::Records<'_> {
        crate::records::Records {
            sessions: &self.sessions,
            series: &self.series,
            erasures: &self.erasures,
            audit: &self.audit,
            lock: &self.erasing,
        }
    }
}

impl Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl AppState {
    /// Wraps the shared parts.
    pub fn new(shared: Shared) -> AppState {
        AppState(Arc::new(shared))
    }

    /// A workshop script by id: a built-in one, else a saved template.
    pub fn workshop(&self, id: &str) -> Option<Arc<crate::workshop::Workshop>> {
        self.workshops.get(id).or_else(|| self.templates.get(id))
    }

    /// The session with this id, or `unknown_session`.
    pub fn session(&self, id: &str) -> Result<SessionHandle, ApiError> {
        id.parse()
            .ok()
            .and_then(|id| self.sessions.get(&id))
            .ok_or_else(ApiError::unknown_session)
    }
}

/// Every route.
pub fn router(app: AppState) -> Router {
    let body_limit = app.limits.max_body_bytes;
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/metrics", get(metrics_text))
        .route(
            "/api/workshops",
            get(templates_api::list).post(templates_api::create).layer(
                axum::extract::DefaultBodyLimit::max(crate::config::script::BYTES),
            ),
        )
        .route(
            "/api/workshops/{id}",
            get(templates_api::get)
                .put(templates_api::replace)
                .delete(templates_api::delete)
                .layer(axum::extract::DefaultBodyLimit::max(
                    crate::config::script::BYTES,
                )),
        )
        .route(
            "/api/sessions",
            post(api::create_session).get(api::list_sessions),
        )
        .route(
            "/api/sessions/{id}",
            get(api::get_session).delete(deletion::delete_session),
        )
        .route("/api/sessions/{id}/commands", post(api::post_command))
        .route(
            "/api/sessions/{id}/script",
            get(script_api::get_script)
                .put(script_api::put_script)
                .layer(axum::extract::DefaultBodyLimit::max(
                    crate::config::script::BYTES,
                )),
        )
        .route("/api/sessions/{id}/transcript", get(api::get_transcript))
        .route("/api/join", post(api::join))
        .route(
            "/api/series",
            post(series_api::create).get(series_api::list),
        )
        .route(
            "/api/series/{id}",
            get(series_api::get).delete(deletion::delete_series),
        )
        .route(
            "/api/series/{id}/roster",
            axum::routing::put(series_api::set_roster).layer(axum::extract::DefaultBodyLimit::max(
                crate::series::roster::MAX_ROSTER_BYTES,
            )),
        )
        .route(
            "/api/series/{id}/review-links",
            get(review_links::list).post(review_links::create),
        )
        .route(
            "/api/series/{id}/review-links/{link}",
            axum::routing::delete(review_links::revoke),
        )
        .route("/r/{token}", get(review_links::open))
        // The review pages' downloads: the exports, and the packs as PDFs.
        .route(
            "/review/series/{series}/pack.pdf",
            get(exports::series_pack),
        )
        .route("/review/{session}/{file}", get(exports::download))
        .route("/api/series/{id}/invitations", post(invitations::create))
        .route(
            "/api/series/{id}/invitations-only",
            axum::routing::put(invitations::put_only),
        )
        .route(
            "/i/{token}",
            get(invitations::open).post(invitations::accept),
        )
        .route(
            "/facilitate/series/{id}/invitations",
            get(invitations::console_cards_get).post(invitations::console_cards),
        )
        .route(
            "/facilitate/series/{id}/invitations-only",
            post(invitations::console_only),
        )
        .route(
            "/api/series/{id}/name",
            axum::routing::put(series_api::rename),
        )
        .route(
            "/api/series/{id}/archived",
            axum::routing::put(series_api::set_archived),
        )
        .route(
            "/facilitate/series/{id}/review-links",
            post(review_links::console_make),
        )
        .route(
            "/facilitate/series/{id}/review-links/{link}/revoke",
            post(review_links::console_revoke),
        )
        .route("/ws/{session}", get(socket::upgrade))
        .merge(pages::routes())
        .fallback(|| async {
            ApiError::new(ErrorCode::NotFound, "there is nothing at this address")
        })
        .method_not_allowed_fallback(|| async {
            ApiError::new(
                ErrorCode::MethodNotAllowed,
                "this address does not take that kind of request",
            )
        })
        .layer(axum::middleware::from_fn(cookie_requests_from_our_pages))
        .layer(axum::middleware::from_fn(language::choose))
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            key_guard::guard_keys,
        ))
        .layer(axum::extract::DefaultBodyLimit::max(body_limit))
        // A body that trickles in cannot hold a connection either.
        .layer(tower_http::timeout::RequestBodyTimeoutLayer::new(
            std::time::Duration::from_secs(10),
        ))
        .layer(security_headers::content_security_policy())
        .layer(security_headers::no_sniff())
        .layer(security_headers::referrer_policy())
        .layer(
            // A span per request with its method and path only: the query can
            // hold a participant's token (`/ws/...?token=`), and review and
            // invitation links carry theirs in the path, which no log keeps.
            tower_http::trace::TraceLayer::new_for_http().make_span_with(|request: &Request| {
                tracing::debug_span!(
                    "request",
                    method = %request.method(),
                    path = %loggable_path(request.uri().path()),
                )
            }),
        )
        .with_state(app)
}

/// A path as a log may keep it: the token of a review link (`/r/…`) or an
/// invitation (`/i/…`) is left out.
fn loggable_path(path: &str) -> std::borrow::Cow<'_, str> {
    for prefix in ["/r/", "/i/"] {
        if path.starts_with(prefix) && path.len() > prefix.len() {
            return format!("{prefix}<token>").into();
        }
    }
    path.into()
}

/// Refuses a state-changing request authenticated by cookie unless it comes
/// from this server's own pages (`Origin`/`Referer`). A bearer key is never
/// sent by a browser on its own, so requests with one pass.
async fn cookie_requests_from_our_pages(
    request: Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let headers = request.headers();
    if !request.method().is_safe()
        && auth::bearer(headers).is_none()
        && auth::has_auth_cookie(headers)
    {
        if let Err(e) = auth::check_cookie_request_origin(headers) {
            // A form posted from a page elsewhere gets a page, not JSON.
            let from_a_form = headers
                .get(axum::http::header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
            if from_a_form {
                let language = request
                    .extensions()
                    .get::<language::Reading>()
                    .map_or_else(Default::default, |r| r.language);
                return (e.status, pages::refusal_page(&e.human(language), language))
                    .into_response();
            }
            return e.into_response();
        }
    }
    next.run(request).await
}

async fn metrics_text(
    axum::extract::State(app): axum::extract::State<AppState>,
) -> impl IntoResponse {
    let (syncs, synced_appends) = app.sessions.store().sync_counts();
    let scrape = crate::metrics::Scrape {
        busiest_address: app.address_sockets.busiest() as u64,
        sessions: app.sessions.len() as u64,
        dormant: app.sessions.dormant() as u64,
        syncs,
        synced_appends,
    };
    let text = app.metrics.render(scrape);
    ([(header::CONTENT_TYPE, crate::metrics::CONTENT_TYPE)], text)
}

/// A JSON body whose every failure is one of our errors (`too_large`,
/// `malformed_json`, `invalid_request`), never axum's plain-text rejection.
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|e| {
                if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::new(ErrorCode::TooLarge, "the request body is too large")
                } else {
                    ApiError::invalid(e.body_text())
                }
            })?;
        let value: serde_json::Value =
            serde_json::from_slice(&bytes).map_err(ApiError::malformed)?;
        serde_json::from_value(value)
            .map(JsonBody)
            .map_err(ApiError::invalid)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn link_tokens_never_reach_a_log() {
        assert_eq!(super::loggable_path("/r/abcDEF123_-xyz"), "/r/<token>");
        assert_eq!(super::loggable_path("/i/abcDEF123_-xyz/join"), "/i/<token>");
        assert_eq!(super::loggable_path("/review/series/x"), "/review/series/x");
        assert_eq!(super::loggable_path("/join/43QXUG"), "/join/43QXUG");
    }
}
