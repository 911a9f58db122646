//! The ballot form a phone shows: the kind's own controls (`activity::<kind>::show`),
//! a submit button and a line that says what was saved. The browser script
//! fills in the participant's own last ballot.

use super::Pass;
use crate::activity::kind_of;
use crate::session::ActivityState;
use crate::t;
use maud::{html, Markup};

/// The form for an open activity.
pub fn ballot_form(pass: &Pass, activity: &ActivityState) -> Markup {
    let (state, lang) = (pass.state, pass.language);
    let spec = &activity.spec;
    let kind = kind_of(spec.kind);
    let shape = kind.form_shape();
    html! {
        form.ballot data-activity=(spec.id) data-field=(shape.field) data-shape=(shape.shape)
            data-answer=[(!shape.answer.is_empty()).then_some(shape.answer)]
            data-anonymous=[spec.anonymous.then_some("true")] novalidate {
            // Before anyone answers: whether the answer carries their name.
            @if kind.submit_label(lang).is_some() {
                @if spec.anonymous {
                    p.vote-kind.anonymous { strong { (t!(lang, "vote-anonymous-mark")) } " " (t!(lang, "vote-anonymous", least = state.workshop().min_group_size)) }
                } @else {
                    p.vote-kind.named { strong { (t!(lang, "vote-named-mark")) } " " (t!(lang, "vote-named")) }
                }
            }
            (kind.ballot_controls(&pass.view_of(activity)))
            @if let Some(submit) = kind.submit_label(lang) {
                button.primary type="submit" { (submit) }
                @if shape.shape == "order" {
                    // Shown by the page when Save is pressed with nothing moved.
                    button.keep-order type="submit" name="keep" value="yes" hidden { (t!(lang, "vote-keep-order")) }
                }
                p.saved role="status" aria-live="polite" {}
            }
        }
    }
}
