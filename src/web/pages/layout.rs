//! The page frame every page shares: skip link, header, main, the one script.

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
}

/// The full page.
pub fn layout(page: Page<'_>, content: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en-GB" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (page.title) " · topteam" }
                link rel="stylesheet" href="/static/app.css";
                script type="module" src="/static/app/main.js" {}
                @if let Some(script) = page.script { script type="module" src=(script) {} }
            }
            body class=(page.class) data-role=[page.role] data-session=[page.session.as_deref()] {
                a.skip-link href="#main" { "Skip to main content" }
                (content)
                @if page.class != "projector" {
                    footer.site-footer { a href="/accessibility" { "Accessibility statement" } }
                }
            }
        }
    }
}
