//! `/accessibility`: the accessibility statement UK public sector bodies
//! publish for their services (Public Sector Bodies Accessibility
//! Regulations 2018), for the council to adopt and complete.

use super::{layout, Page};
use crate::t;
use crate::web::language::Reading;
use maud::{html, Markup};

/// The statement, in the reader's language.
pub async fn page(reading: Reading) -> Markup {
    let lang = reading.language;
    let content = html! {
        header.site { p.brand { a href="/" { "topteam" } } }
        main #main {
            h1 { (t!(lang, "a11y-heading")) }
            p { (t!(lang, "a11y-intro")) }
            h2 { (t!(lang, "a11y-how")) }
            p { (t!(lang, "a11y-want")) }
            ul {
                li { (t!(lang, "a11y-zoom")) }
                li { (t!(lang, "a11y-keyboard")) }
                li { (t!(lang, "a11y-screen-reader")) }
                li { (t!(lang, "a11y-colour")) }
                li { (t!(lang, "a11y-welsh")) }
            }
            h2 { (t!(lang, "a11y-not-fully")) }
            ul {
                li { (t!(lang, "a11y-projector")) }
                li { (t!(lang, "a11y-timers")) }
                li { (t!(lang, "a11y-qr")) }
                li { (t!(lang, "a11y-console-english")) }
            }
            h2 { (t!(lang, "a11y-feedback")) }
            p { (t!(lang, "a11y-feedback-text")) }
            h2 { (t!(lang, "a11y-enforcement")) }
            p { (t!(lang, "a11y-enforcement-text")) }
            h2 { (t!(lang, "a11y-technical")) }
            p { (t!(lang, "a11y-technical-text")) }
            p { (t!(lang, "a11y-review")) }
        }
    };
    layout(
        Page {
            title: &t!(lang, "a11y-title"),
            class: "review",
            languages: true,
            reading,
            ..Default::default()
        },
        content,
    )
}
