//! The page frame every page shares: skip link, header, main, the one script.

use crate::language::Language;
use crate::t;
use crate::web::language::Reading;
use maud::{html, Markup, DOCTYPE};

/// What the frame needs to know about a page.
#[derive(Debug, Default)]
pub struct Page<'a> {
    /// The `<title>`, before " · topteam".
    pub title: &'a str,
    /// `participant`, `screen` or `facilitate` on live pages, for the script.
    pub role: Option<&'a str>,
    /// The session, on live pages.
    pub session: Option<String>,
    /// A class on `<body>` (`phone`, `console`, `projector`).
    pub class: &'a str,
    /// A page's own script besides the live page's modules (the agenda editor's).
    pub script: Option<&'static str>,
    /// The reader's language, and where the switch to the other one goes.
    pub reading: Reading,
    /// The page is in both languages, so it offers the switch (the staff
    /// pages not yet in Welsh do not offer one that would change nothing).
    pub languages: bool,
}

/// The full page.
pub fn layout(page: Page<'_>, content: Markup) -> Markup {
    let lang = page.reading.language;
    let other = lang.other();
    html! {
        (DOCTYPE)
        html lang=(html_lang(lang)) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (t!(lang, "page-title", page = page.title)) }
                link rel="stylesheet" href="/static/app.css";
                script type="module" src="/static/app/main.js" {}
                @if let Some(script) = page.script { script type="module" src=(script) {} }
            }
            // The page scripts' messages in the reader's language (as an
            // attribute, which the browser unescapes, unlike a script's text).
            body class=(page.class) data-role=[page.role] data-session=[page.session.as_deref()] data-messages=(crate::language::messages_json(lang)) {
                a.skip-link href="#main" { (t!(lang, "skip-to-main")) }
                // The language switch, as GOV.UK's language navigation: the
                // other language named in itself, and marked as that language.
                @if page.languages {
                    nav.language-switch aria-label=(t!(lang, "language-switch")) {
                        a href=(page.reading.switch_href) hreflang=(other.code()) lang=(html_lang(other)) { (other.own_name()) }
                    }
                }
                (content)
                @if page.class != "projector" {
                    footer.site-footer { a href="/accessibility" { (t!(lang, "accessibility-statement")) } }
                }
            }
        }
    }
}

/// The `lang` attribute for a language: `en-GB` or `cy`.
pub fn html_lang(language: Language) -> &'static str {
    match language {
        Language::English => "en-GB",
        Language::Welsh => "cy",
    }
}
