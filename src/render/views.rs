//! The HTML fragments each audience sees, as maud functions of session state.
//!
//! Participant text (names, ideas, reasons) is only ever interpolated with
//! `(…)`, which maud escapes; nothing here uses `PreEscaped`.

use super::ballots::ballot_form;
use super::results::{results_block_with, Audience};
use crate::activity::show::{slide, Room};
use crate::activity::{kind_of, ActivityView, Results};
use crate::language::{Language, Text};
use crate::session::{ActivityState, ActivityStatus, SessionState, SessionStatus};
use crate::t;
use maud::{html, Markup};
use std::cell::OnceCell;
use std::time::SystemTime;

/// One rendering of a session state for any of its audiences. What several
/// views share is worked out once per pass: the current activity's results,
/// the costly part, are the same on the phones, the projector and the console.
pub struct Pass<'a> {
    /// The state being shown.
    pub state: &'a SessionState,
    /// The language it is shown in.
    pub language: Language,
    /// A bilingual projector: titles and questions in English too, after the Welsh.
    pub bilingual: bool,
    current_results: OnceCell<Results>,
    /// Their table, drawn once for the phones and the projector.
    current_table: OnceCell<Markup>,
    /// The publisher's last ballot forms, when it keeps them.
    forms: Option<&'a super::ballots::FormCache>,
}

impl<'a> Pass<'a> {
    /// A pass over `state`.
    pub fn new(state: &'a SessionState) -> Self {
        Pass::in_language(state, Language::English)
    }

    /// A pass over `state` for the whole room: the projector, in the
    /// session's language (Welsh first and English too, when bilingual).
    pub fn for_room(state: &'a SessionState) -> Self {
        let room = state.info.language;
        Pass {
            bilingual: room == crate::language::SessionLanguage::Bilingual,
            ..Pass::in_language(state, room.first())
        }
    }

    /// A pass over `state` for readers of `language`.
    pub fn in_language(state: &'a SessionState, language: Language) -> Self {
        Pass {
            state,
            language,
            bilingual: false,
            current_results: OnceCell::new(),
            current_table: OnceCell::new(),
            forms: None,
        }
    }

    /// The same pass, drawing ballot forms through `forms`.
    pub fn with_forms(self, forms: &'a super::ballots::FormCache) -> Self {
        Pass {
            forms: Some(forms),
            ..self
        }
    }

    /// Where this pass keeps the ballot forms it draws, if anywhere.
    pub(super) fn forms(&self) -> Option<&'a super::ballots::FormCache> {
        self.forms
    }

    /// The session's title: the workshop's own in the reader's language
    /// (both, on a bilingual projector), or the one the facilitator typed.
    pub fn session_title(&self) -> Markup {
        let info = &self.state.info;
        if info.title.welsh().is_some() {
            self.both(&info.title)
        } else if *info.title == *info.workshop.title {
            self.both(&info.workshop.title)
        } else {
            html! { (info.title) }
        }
    }

    /// A script's text for this pass: in its language, and on a bilingual
    /// projector the English after the Welsh, each marked with its `lang`.
    pub fn both(&self, text: &Text) -> Markup {
        match (self.bilingual, text.welsh()) {
            (true, Some(welsh)) => html! {
                span lang="cy" { (welsh) }
                span.other-language lang="en-GB" { (text.read_in(Language::English)) }
            },
            _ => html! { (text.read_in(self.language)) },
        }
    }

    /// Who this pass is drawn for: its language, and whether bilingual.
    pub fn room(&self) -> Room {
        Room {
            language: self.language,
            bilingual: self.bilingual,
        }
    }

    /// What the kinds' views read of `activity`, for this pass's readers.
    pub fn view_of(&self, activity: &'a ActivityState) -> ActivityView<'a> {
        ActivityView {
            language: self.language,
            bilingual: self.bilingual,
            ..activity.view(self.state)
        }
    }

    /// The results block of the current activity (views show no other).
    pub(super) fn current_results(&self, activity: &ActivityState, audience: Audience) -> Markup {
        debug_assert!(self
            .state
            .current_activity()
            .is_some_and(|a| a.spec.id == activity.spec.id));
        let results = self
            .current_results
            .get_or_init(|| activity.results(self.state));
        results_block_with(
            self.state,
            &self.view_of(activity),
            results,
            audience,
            &self.current_table,
        )
    }
}

/// Which participant view: voters get a ballot, observers do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParticipantVariant {
    /// Cabinet or management member.
    Voter,
    /// Observer.
    Observer,
}

/// What a phone shows.
pub fn participant_view(pass: &Pass, variant: ParticipantVariant) -> Markup {
    let state = pass.state;
    let lang = pass.language;
    html! {
        @if state.status == SessionStatus::Ended {
            section.step aria-labelledby="step-title" {
                h2 #step-title { (t!(lang, "phone-ended-heading")) }
                p { (t!(lang, "phone-ended-thanks")) }
            }
        } @else if let Some(activity) = state.current_activity() {
            section.step aria-labelledby="step-title" data-activity=(activity.spec.id) data-status=(activity.status.as_str()) {
                h2 #step-title { (activity.spec.title.read_in(lang)) }
                @if !activity.spec.prompt.is_empty() { p.prompt { (activity.spec.prompt.read_in(lang)) } }
                // The timer is for answering: it stops on phones with the vote.
                @if activity.status == ActivityStatus::Open { (timer(activity, lang.into())) }
                @match (activity.status, variant, kind_of(activity.spec.kind).phone_notice(lang)) {
                    // Notes: what an earlier workshop decided, brought forward,
                    // is for everyone to read; otherwise the facilitator writes.
                    (_, _, Some(notice)) => {
                        @if !activity.revealed && !activity.spec.options.is_empty() {
                            ul.notes.brought-forward { @for o in &activity.spec.options { li { (o.label.read_in(lang)) } } }
                        } @else { p.notice { (notice) } }
                    },
                    (ActivityStatus::Open, ParticipantVariant::Voter, _) => (ballot_form(pass, activity)),
                    (ActivityStatus::Open, ParticipantVariant::Observer, _) => p.notice { (t!(lang, "phone-observer-open")) },
                    (ActivityStatus::Pending, _, _) => p.notice { (t!(lang, "phone-not-open")) },
                    (ActivityStatus::Closed, _, _) => p.notice { (t!(lang, "phone-closed")) },
                }
                @if activity.revealed { (pass.current_results(activity, Audience::Phone)) }
            }
        } @else {
            section.step aria-labelledby="step-title" {
                h2 #step-title { (t!(lang, "phone-welcome-heading")) }
                p { (t!(lang, "phone-welcome")) }
            }
        }
    }
}

/// What a phone in the lobby shows (rendered per socket; it has no session data).
pub fn waiting_view(lang: Language) -> Markup {
    html! {
        section.step aria-labelledby="step-title" {
            h2 #step-title { (t!(lang, "phone-waiting-heading")) }
            p { (t!(lang, "phone-waiting")) }
        }
    }
}

/// What the projector shows, as one slide: the room joining (the page's
/// join details large), an activity's prompt with live turnout, or its
/// results. `data-phase` tells the page which, to size the join details.
pub fn screen_view(pass: &Pass) -> Markup {
    let state = pass.state;
    let in_room = state.participants.iter().any(|p| p.admitted && p.present());
    let current = state.current_activity();
    let phase = match current {
        _ if state.status == SessionStatus::Ended => "ended",
        Some(a) if a.revealed => "results",
        Some(_) if in_room => "prompt",
        _ => "join",
    };
    let room = pass.room();
    html! {
        div.screen data-phase=(phase) data-page=[current.map(|a| a.page)] data-activity=[current.map(|a| a.spec.id.as_str())] {
            header.room { h1 { (pass.session_title()) } }
            @if state.status == SessionStatus::Ended {
                section.step aria-labelledby="screen-step" {
                    h2 #screen-step { (room.says(|l| t!(l, "screen-thanks"))) }
                    p { (room.says(|l| t!(l, "screen-ended"))) }
                }
            } @else if let Some(activity) = current {
                section.step aria-labelledby="screen-step" {
                    h2 #screen-step { (pass.both(&activity.spec.title)) }
                    @if !activity.revealed && !activity.spec.prompt.is_empty() { p.prompt { (pass.both(&activity.spec.prompt)) } }
                    @if activity.status == ActivityStatus::Open { (timer(activity, room)) }
                    (turnout(state, activity, room))
                    @if activity.revealed { (pass.current_results(activity, Audience::Screen)) }
                    @else if !kind_of(activity.spec.kind).room_answers() {
                        // Notes: what an earlier workshop decided, brought forward.
                        @if activity.status == ActivityStatus::Open { (open_items(&pass.view_of(activity))) }
                    }
                    @else if activity.status != ActivityStatus::Pending {
                        @if activity.status == ActivityStatus::Open && !activity.spec.options.is_empty() { (open_items(&pass.view_of(activity))) }
                        @else { p.notice { (room.says(|l| t!(l, "screen-results-later"))) } }
                    }
                }
            } @else {
                p.notice { (room.says(|l| t!(l, "screen-join-now"))) }
            }
        }
    }
}

/// A statement's fields, labelled by name, in the script's order.
type Fields<'a> = Vec<(&'a str, &'a str)>;

/// While voting is open, what the room is answering (options, items or
/// statements in their current wording), whole, without counts: the room
/// can discuss them while phones vote.
pub fn open_items(view: &ActivityView) -> Markup {
    let options = &view.spec.options;
    if options.is_empty() {
        return html! {};
    }
    // Rendered on every projector view while voting is open: the wording
    // is looked up once, pages are worked out from counts, and the list is
    // written in one pass.
    // A statement's golden-rope fields, as now written: the room consents
    // to them too, so they are on the screen while it answers.
    // On a bilingual projector each wording in Welsh and in English.
    let (texts, fields): (Vec<&Text>, Vec<Fields>) = options
        .iter()
        .map(|o| match view.current_statement(&o.id) {
            Some(v) => (&v.text, view.fields_of(v)),
            None => (&o.label, Vec::new()),
        })
        .unzip();
    // Statements with fields take the whole width, one to a row.
    let columns = if fields.iter().any(|f| !f.is_empty()) {
        1
    } else {
        2
    };
    let width = if columns == 1 {
        slide::FULL_LINE
    } else {
        slide::HALF_LINE
    };
    let lines: Vec<usize> = options
        .iter()
        .zip(&texts)
        .zip(&fields)
        .map(|((o, text), fields)| {
            let detail = if o.detail.is_empty() {
                0
            } else {
                slide::lines_of(&view.shown_text(&o.detail), width)
            };
            slide::lines_of(&view.shown_text(text), width)
                + detail
                + slide::fields_lines(view, fields, width)
        })
        .collect();
    // The session's title, prompt, timer and turnout take the top of the
    // slide; on a bilingual projector the title and the question as shown,
    // in both languages.
    let prompt = &view.spec.prompt;
    let (prompt_lines, title_lines) = match (view.bilingual, prompt.welsh()) {
        (true, Some(welsh)) => (
            slide::lines_of(&format!("{welsh} / {}", prompt.as_str()), slide::FULL_LINE),
            3,
        ),
        (true, None) => (slide::lines_of(prompt, slide::FULL_LINE), 3),
        (false, _) => (slide::lines_of(view.read(prompt), slide::FULL_LINE), 2),
    };
    let budget = slide::SLIDE_LINES
        .saturating_sub(title_lines + prompt_lines)
        .max(4);
    let breaks = slide::page_breaks(&lines, columns, budget);
    let count = breaks.len();
    html! {
        div.slide.open-options {
            div.pages data-pages=(count) {
                @for (n, range) in breaks.into_iter().enumerate() {
                    ul.page.open-items.one-column[columns == 1] data-page=(n + 1) hidden[n > 0] {
                        @for i in range {
                            li.open-item {
                                (view.shown(texts[i]))
                                @if !fields[i].is_empty() {
                                    dl.slide-fields { @for (name, value) in &fields[i] { div { dt { (view.says(|l| crate::activity::show::field_name(name, l))) ":" } " " dd { (value) } } } }
                                }
                                @if !options[i].detail.is_empty() { span.detail { (view.shown(&options[i].detail)) } }
                            }
                        }
                    }
                }
                @if count > 1 {
                    p.page-count aria-live="polite" { (slide::page_count(view.room(), count)) }
                }
            }
        }
    }
}

/// How many pages the projector's slide of `activity` has now (1 when it
/// is not on the screen): the same markup the projector gets, counted.
pub fn screen_pages(pass: &Pass, activity: &ActivityState) -> u32 {
    let markup = if activity.revealed {
        pass.current_results(activity, Audience::Screen)
    } else if activity.status == ActivityStatus::Open {
        open_items(&pass.view_of(activity))
    } else {
        return 1;
    };
    let text = markup.into_string();
    text.split_once("data-pages=\"")
        .and_then(|(_, rest)| rest.split('"').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(1)
}

pub(super) fn timer(activity: &ActivityState, room: Room) -> Markup {
    let t = &activity.timer;
    let left = t.left_at(SystemTime::now());
    let running = t.running_since.is_some();
    if left == 0 && !running && activity.spec.minutes.is_none() {
        return html! {};
    }
    let ends_at = t.ends_at().map(|e| e.to_string());
    let up = running && left == 0;
    html! {
        p.timer.up[up] data-ends-at=[ends_at] data-left=(left) role="timer" {
            // Both labels are here and the style shows the one that fits,
            // so the page's script turns "left" into "up" by the class alone,
            // in each language the room reads.
            (room.says(|l| html! {
                span.timer-label.when-left { (t!(l, "timer-left")) }
                span.timer-label.when-up { (t!(l, "timer-up")) }
                " " span.clock { (left / 60) ":" (format!("{:02}", left % 60)) }
                @if !running { " " (t!(l, "timer-stopped")) }
            }))
        }
    }
}

pub(super) fn turnout(state: &SessionState, activity: &ActivityState, room: Room) -> Markup {
    let Some(verb) = kind_of(activity.spec.kind).turnout_verb() else {
        return html! {};
    };
    let least = state.workshop().min_group_size;
    html! {
        p.turnout aria-live="polite" {
            // A team with nobody in the room has no turnout to speak of.
            @for t in activity.turnout(state).iter().filter(|t| t.eligible > 0 || t.voted > 0) {
                span.group {
                    @if t.hidden && kind_of(activity.spec.kind).answered_with() == crate::activity::kind::Answers::Ideas {
                        // Anonymous ideas: a team's count rising would give an idea's team.
                        (room.says(|l| t!(l, "turnout-in-room", team = t.group.name(l), n = t.eligible)))
                    } @else if t.hidden {
                        // A team of one or two in an anonymous vote: its count
                        // would say whose answer just came in.
                        (room.says(|l| t!(l, "turnout-not-shown", team = t.group.name(l), least = least)))
                    } @else {
                        (room.says(|l| html! {
                            (t.group.name(l)) ": " strong { (t.voted) } " " (t!(l, "page-of-word")) " " (t.eligible) " " (crate::language::text(l, verb))
                            @if t.in_progress > 0 { ", " (t!(l, "turnout-in-progress", n = t.in_progress)) }
                        }))
                    }
                }
                " "
            }
        }
    }
}
