//! `/accessibility`: the accessibility statement UK public sector bodies
//! publish for their services (Public Sector Bodies Accessibility
//! Regulations 2018), for the council to adopt and complete.

use super::{layout, Page};
use maud::{html, Markup};

/// The statement.
pub async fn page() -> Markup {
    let content = html! {
        header.site { p.brand { a href="/" { "topteam" } } }
        main #main {
            h1 { "Accessibility statement for topteam" }
            p { "topteam runs a council's top-team workshops: councillors and officers take part from their own phones, a facilitator runs the agenda from a console, and the room follows on a projector. This statement covers the join page, the phone pages, the console, the projector and the review pages." }
            h2 { "How accessible this service is" }
            p { "We want as many people as possible to be able to use it. You should be able to:" }
            ul {
                li { "zoom in up to 400% without the text spilling off the screen on the phone and review pages" }
                li { "take part using only a keyboard, including voting, and run the agenda from the console by keyboard (press ? on the console for its keys)" }
                li { "take part with a screen reader: every control is labelled, saved votes are announced, and every chart has a table with the same numbers" }
                li { "tell the two teams apart in charts without colour: cabinet bars are solid and management bars striped, and each is named" }
            }
            h2 { "What we know is not fully accessible" }
            ul {
                li { "The projector is designed to be read across a room: it fits one screen, so long labels are shortened there (the full wording is on phones, the console and in the table read by screen readers)." }
                li { "Timers count down visibly; they do not stop anyone voting, and the facilitator can add time." }
                li { "The QR code on the projector has the join address and code printed beside it for anyone who cannot scan it." }
            }
            h2 { "Feedback and contact" }
            p { "If you need anything in a different format, or find a problem not listed here, tell the facilitator on the day or contact the council that runs the workshops. The council should put its contact details and the time it takes to reply here." }
            h2 { "Enforcement procedure" }
            p { "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS)." }
            h2 { "Technical information" }
            p { "This service is designed to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 AA standard. Every page is checked with axe-core in automated browser tests on each change, with no violations allowed; people have also walked through it by keyboard and at phone size." }
            p { "The council should record here when it last reviewed this statement and the date of any manual audit." }
        }
    };
    layout(
        Page {
            title: "Accessibility statement",
            class: "review",
            ..Default::default()
        },
        content,
    )
}
