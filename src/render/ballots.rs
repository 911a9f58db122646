//! The ballot form a phone shows: the kind's own controls (`activity::<kind>::show`),
//! a submit button and a line that says what was saved. The browser script
//! fills in the participant's own last ballot.

use crate::activity::kind_of;
use crate::session::{ActivityState, SessionState};
use maud::{html, Markup};

/// The form for an open activity.
pub fn ballot_form(state: &SessionState, activity: &ActivityState) -> Markup {
    let spec = &activity.spec;
    let kind = kind_of(spec.kind);
    let shape = kind.form_shape();
    html! {
        form.ballot data-activity=(spec.id) data-field=(shape.field) data-shape=(shape.shape)
            data-answer=[(!shape.answer.is_empty()).then_some(shape.answer)]
            data-anonymous=[spec.anonymous.then_some("true")] novalidate {
            // Before anyone answers: whether the answer carries their name.
            @if kind.submit_label().is_some() {
                @if spec.anonymous {
                    p.vote-kind.anonymous { strong { "Anonymous." } " Nobody, the facilitator included, sees your answers: only totals from at least " (state.workshop().min_group_size) " people, once voting closes." }
                } @else {
                    p.vote-kind.named { strong { "Named." } " Your answers are recorded with your name in the council's record of this workshop." }
                }
            }
            (kind.ballot_controls(&activity.view(state)))
            @if let Some(submit) = kind.submit_label() {
                button.primary type="submit" { (submit) }
                @if shape.shape == "order" {
                    // Shown by the page when Save is pressed with nothing moved.
                    button.keep-order type="submit" name="keep" value="yes" hidden { "Keep this order as my ranking" }
                }
                p.saved role="status" aria-live="polite" {}
            }
        }
    }
}
