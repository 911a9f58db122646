//! The ballot form a phone shows: the kind's own controls (`activity::<kind>::show`),
//! a submit button and a line that says what was saved. The browser script
//! fills in the participant's own last ballot.

use super::Pass;
use crate::activity::kind_of;
use crate::activity::own::KindState;
use crate::session::ActivityState;
use crate::t;
use crate::workshop::ActivitySpec;
use maud::{html, Markup};
use std::sync::{Arc, Mutex};

/// The last ballot form drawn in each language, with what it was drawn
/// from. A form is the activity's settings and its kind's own state (a
/// statement's wording) in a language, never anyone's ballot, so a room
/// voting redraws none: the publisher keeps one of these across renders.
#[derive(Debug, Default)]
pub struct FormCache {
    drawn: [Mutex<Option<Drawn>>; 2],
}

#[derive(Debug)]
struct Drawn {
    spec: Arc<ActivitySpec>,
    own: KindState,
    min_group_size: u32,
    form: Markup,
}

/// The form for an open activity, from the pass's cache when what it is
/// drawn from has not changed.
pub fn ballot_form(pass: &Pass, activity: &ActivityState) -> Markup {
    let Some(cache) = pass.forms() else {
        return draw_form(pass, activity);
    };
    let min_group_size = pass.state.workshop().min_group_size;
    // Only the session task draws its forms: the lock is never contended.
    let mut drawn = cache.drawn[pass.language.index()]
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let unchanged = |d: &&Drawn| {
        d.min_group_size == min_group_size
            && (Arc::ptr_eq(&d.spec, &activity.spec) || d.spec == activity.spec)
            && d.own == activity.own
    };
    if let Some(d) = drawn.as_ref().filter(unchanged) {
        return d.form.clone();
    }
    let form = draw_form(pass, activity);
    *drawn = Some(Drawn {
        spec: activity.spec.clone(),
        own: activity.own.clone(),
        min_group_size,
        form: form.clone(),
    });
    form
}

fn draw_form(pass: &Pass, activity: &ActivityState) -> Markup {
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
