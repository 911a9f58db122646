//! Which language each reader reads: `?lang=cy` or `?lang=en` on any page
//! chooses and a cookie remembers it; without either the browser's
//! `Accept-Language` decides; English otherwise.

use crate::language::{from_accept_language, Language};
use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue};
use axum::response::Response;

/// The cookie that remembers a reader's choice.
pub const COOKIE: &str = "topteam_lang";

/// The reader's language and the address of this page in the other one,
/// for the language switch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The language to answer in.
    pub language: Language,
    /// This page's path and query with `lang` set to the other language.
    pub switch_href: String,
    /// The reader chose it (`?lang=` or the cookie), rather than their
    /// browser's settings or the default saying so.
    pub chosen: bool,
}

impl Default for Reading {
    fn default() -> Self {
        Reading {
            language: Language::English,
            switch_href: "?lang=cy".into(),
            chosen: false,
        }
    }
}

impl Reading {
    /// A reading in `language` of the page at `path_and_query`.
    pub fn new(language: Language, path: &str, query: Option<&str>) -> Reading {
        let mut pairs: Vec<&str> = query
            .unwrap_or("")
            .split('&')
            .filter(|p| !p.is_empty() && !p.starts_with("lang="))
            .collect();
        let lang = format!("lang={}", language.other().code());
        pairs.push(&lang);
        Reading {
            language,
            switch_href: format!("{path}?{}", pairs.join("&")),
            chosen: false,
        }
    }

    /// The same reading in `language`, as when a page knows better than the
    /// browser (a Welsh session's join page for a reader who has not chosen).
    pub fn in_language(self, language: Language) -> Reading {
        let (path, query) = self
            .switch_href
            .split_once('?')
            .map_or((self.switch_href.as_str(), None), |(p, q)| (p, Some(q)));
        Reading {
            chosen: self.chosen,
            ..Reading::new(language, path, query)
        }
    }
}

/// The cookie that keeps `language` for this reader's next pages: a year,
/// for this server's pages only; nothing secret in it. Appended, so a
/// participant's own cookie can be set beside it.
pub fn remember(
    language: Language,
) -> axum::response::AppendHeaders<[(header::HeaderName, String); 1]> {
    axum::response::AppendHeaders([(header::SET_COOKIE, cookie_for(language))])
}

fn cookie_for(language: Language) -> String {
    format!(
        "{COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
        language.code()
    )
}

/// The `lang` of a query string, if it names one of ours.
fn asked(query: Option<&str>) -> Option<Language> {
    query?
        .split('&')
        .filter_map(|pair| pair.strip_prefix("lang="))
        .find_map(Language::from_code)
}

/// Works out the reader's language for every request, puts it where
/// handlers find it ([`Reading`]), and remembers a `?lang=` choice.
pub async fn choose(mut request: Request, next: axum::middleware::Next) -> Response {
    let query = request.uri().query();
    let chosen = asked(query);
    let headers = request.headers();
    let remembered = super::auth::cookie(headers, COOKIE).and_then(Language::from_code);
    let was_chosen = chosen.is_some() || remembered.is_some();
    let language = chosen
        .or(remembered)
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(from_accept_language)
        })
        .unwrap_or_default();
    let reading = Reading {
        chosen: was_chosen,
        ..Reading::new(language, request.uri().path(), query)
    };
    request.extensions_mut().insert(reading);
    let mut response = super::error::in_readers_language(next.run(request).await, language);
    let headers = response.headers_mut();
    headers.append(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    // Remembered from a page, not from the live socket's own `?lang=`.
    let page = headers
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if let Some(language) = chosen.filter(|_| page) {
        if let Ok(value) = HeaderValue::from_str(&cookie_for(language)) {
            headers.append(header::SET_COOKIE, value);
        }
    }
    response
}

impl<S: Send + Sync> FromRequestParts<S> for Reading {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<Reading>()
            .cloned()
            .unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_switch_keeps_the_rest_of_the_query() {
        let r = Reading::new(Language::English, "/join", Some("code=ABC&lang=en"));
        assert_eq!(r.switch_href, "/join?code=ABC&lang=cy");
        let r = Reading::new(Language::Welsh, "/s/x", None);
        assert_eq!(r.switch_href, "/s/x?lang=en");
        assert_eq!(asked(Some("a=1&lang=CY")), Some(Language::Welsh));
        assert_eq!(asked(Some("lang=fr")), None);
    }
}
