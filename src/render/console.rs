//! The facilitator's console: the Now panel with the one next step and its
//! keyboard shortcuts, who has not voted yet, the current results and the
//! kind's own tools, then the agenda, notes and people.

use super::results::Audience;
use super::views::{timer, turnout, Pass};
use crate::activity::kind_of;
use crate::config::text;
use crate::language::{Language, SessionLanguage};
use crate::session::{
    next_step, previous_activity, ActivityState, ActivityStatus, SessionState, SessionStatus,
};
use crate::t;
use maud::{html, Markup};

/// Faults the console must show above everything else.
#[derive(Debug, Clone, Default)]
pub struct ConsoleAlerts {
    /// The last transcript write failed.
    pub storage_failing: bool,
    /// The pseudonym secret is missing: why (the file), so anonymous ballots are refused.
    pub anonymity_unavailable: Option<String>,
}

/// What the console shows: everything, results included before they are
/// revealed, and a warning while the transcript cannot be written.
pub fn facilitator_view(pass: &Pass, alerts: &ConsoleAlerts) -> Markup {
    let state = pass.state;
    let lang = pass.language;
    html! {
        @if alerts.storage_failing {
            div.error-summary role="alert" {
                h2 { (t!(lang, "console-not-saving")) }
                p { (t!(lang, "console-not-saving-why")) }
            }
        }
        @if let Some(why) = &alerts.anonymity_unavailable {
            div.error-summary role="alert" {
                h2 { (t!(lang, "console-anonymity-off")) }
                p { (t!(lang, "console-anonymity-off-why", why = why.as_str())) }
            }
        }
        (now_panel(pass))
        (agenda(state, lang))
        (notes_panel(state, lang))
        (people_panel(state, lang))
        (end_panel(state, pass.language))
    }
}

/// What an activity's status means, in words.
fn status_words(activity: &ActivityState, lang: Language) -> String {
    let key = if !kind_of(activity.spec.kind).room_answers() {
        match (activity.status, activity.revealed) {
            (ActivityStatus::Pending, _) => "status-not-started",
            (_, false) => "status-in-progress",
            (_, true) => "status-on-screen",
        }
    } else {
        match (activity.status, activity.revealed) {
            (ActivityStatus::Pending, _) => "status-not-opened",
            (ActivityStatus::Open, _) => "status-voting-open",
            (ActivityStatus::Closed, false) => "status-closed-hidden",
            (ActivityStatus::Closed, true) => "status-closed-shown",
        }
    };
    crate::language::text(lang, key)
}

fn now_panel(pass: &Pass) -> Markup {
    let state = pass.state;
    let lang = pass.language;
    let current = state.current_activity();
    // An ended session takes no more commands: nothing here to press.
    if state.status == SessionStatus::Ended {
        return html! {
            section.now aria-labelledby="now-title" {
                h2 #now-title { (t!(lang, "console-ended")) }
                p { a.button href={ "/review/" (state.info.id) } { (t!(lang, "console-review-exports")) } }
            }
        };
    }
    html! {
        section.now aria-labelledby="now-title" {
            h2 #now-title {
                @match current {
                    Some(a) => {
                        (t!(lang, "console-now", title = a.spec.title.read_in(lang))) " "
                        span.status {
                            @if a.revealed && a.status != ActivityStatus::Closed {
                                (t!(lang, "console-status-shown", status = status_words(a, lang)))
                            } @else {
                                (t!(lang, "console-status", status = status_words(a, lang)))
                            }
                        }
                    }
                    None => (t!(lang, "console-not-started")),
                }
            }
            (lobby(state, lang))
            p.steps {
                @if let Some(step) = next_step(state) {
                    @let ending = step.command == "end";
                    @let confirm = if ending {
                        Some(t!(lang, "console-end-confirm"))
                    } else if step.command == "close" && current.is_some_and(|a| nobody_answered(state, a)) {
                        // N pressed twice by mistake would close an empty vote.
                        Some(t!(lang, "console-close-empty-confirm"))
                    } else {
                        None
                    };
                    button.primary #next-step type="button" data-command=(step.command) data-activity=[(!ending).then_some(&step.activity)]
                        data-confirm=[confirm]
                        aria-keyshortcuts="N ArrowRight" {
                        (step.label(lang)) " " kbd aria-hidden="true" { "N" }
                    }
                }
                @if let Some(previous) = previous_activity(state) {
                    " " button #back-step type="button" data-command="goto" data-activity=(previous.spec.id) aria-keyshortcuts="ArrowLeft" {
                        (t!(lang, "console-back-to", title = previous.spec.title.read_in(lang)))
                    }
                }
                @if let Some(a) = current.filter(|a| a.revealed) {
                    " " button #hide-results type="button" data-command="hide" data-activity=(a.spec.id) aria-keyshortcuts="H" { (t!(lang, "console-hide-results")) }
                }
            }
            @if let Some(a) = current {
                (slide_paging(pass, a))
            }
            @if let Some(activity) = current {
                @let planned = activity.spec.options.iter().filter(|o| o.detail.contains(crate::session::carry::NOT_CHOSEN)).count();
                @if planned > 0 {
                    p.carry-warning.warning role="status" {
                        (t!(lang, "console-planned-options", planned = planned, n = activity.spec.options.len()))
                    }
                }
            }
            @if let Some(activity) = current.filter(|a| !a.spec.notes.is_empty()) {
                div.facilitator-notes {
                    h3 { (t!(lang, "console-your-notes")) }
                    p { (activity.spec.notes.read_in(lang)) }
                }
            }
            @if let Some(activity) = current {
                (timer(activity, pass.language.into()))
                (timer_controls(activity, lang))
                (turnout(state, activity, pass.language.into()))
                (not_yet(state, activity, lang))
            }
            details.shortcuts #shortcuts {
                summary { (t!(lang, "shortcuts")) }
                dl {
                    dt { kbd { "N" } " " (t!(lang, "shortcuts-or")) " " kbd { "→" } } dd { (t!(lang, "shortcut-next")) }
                    dt { kbd { "←" } } dd { (t!(lang, "shortcut-back")) }
                    dt { kbd { "H" } } dd { (t!(lang, "shortcut-hide")) }
                    dt { kbd { "T" } } dd { (t!(lang, "shortcut-timer")) }
                    dt { kbd { "P" } } dd { (t!(lang, "shortcut-page")) }
                    dt { kbd { "?" } } dd { (t!(lang, "shortcut-list")) }
                }
                p.hint { (t!(lang, "shortcuts-hint")) }
            }
            @if let Some(activity) = current {
                (pass.current_results(activity, Audience::Desk))
                @let view = crate::activity::ActivityView { language: lang, ..activity.view(state) };
                (kind_of(activity.spec.kind).console_tools(&view))
            }
        }
    }
}

/// Whether no answer at all shows in the activity's turnout (a team whose
/// count is withheld is never taken for silent).
fn nobody_answered(state: &SessionState, activity: &crate::session::ActivityState) -> bool {
    let turnout = activity.turnout(state);
    turnout
        .iter()
        .all(|t| !t.hidden && t.voted == 0 && t.in_progress == 0)
}

/// The projector's pages, turned from here: what it shows is long (many
/// options, a long role map) and the facilitator is at the console.
fn slide_paging(pass: &Pass, activity: &crate::session::ActivityState) -> Markup {
    // Counted as the projector draws them, in the room's language(s).
    let room = pass.state.info.language;
    let as_the_room =
        pass.language == room.first() && pass.bilingual == (room == SessionLanguage::Bilingual);
    let count = if as_the_room {
        crate::render::views::screen_pages(pass, activity)
    } else {
        crate::render::views::screen_pages(&Pass::for_room(pass.state), activity)
    };
    if count <= 1 {
        return html! {};
    }
    let now = activity.page.min(count);
    let next = if now >= count { 1 } else { now + 1 };
    let lang = pass.language;
    html! {
        p.slide-paging {
            (t!(lang, "console-projector-page", page = now, pages = count)) " "
            button #page-back type="button" data-command="page" data-activity=(activity.spec.id) data-page=(now.saturating_sub(1).max(1)) disabled[now <= 1] { (t!(lang, "console-page-previous")) }
            " "
            button #page-next type="button" data-command="page" data-activity=(activity.spec.id) data-page=(next) aria-keyshortcuts="P" {
                (if next == 1 { t!(lang, "console-page-first") } else { t!(lang, "console-page-next") }) " " kbd aria-hidden="true" { "P" }
            }
        }
    }
}

/// Who waits in the lobby, at the top where the facilitator looks.
fn lobby(state: &SessionState, lang: Language) -> Markup {
    let waiting: Vec<_> = state
        .participants
        .iter()
        .filter(|p| p.present() && !p.admitted)
        .collect();
    let plain = waiting.iter().filter(|p| p.held.is_none()).count();
    let held = waiting.len() - plain;
    html! {
        @if !waiting.is_empty() {
            p.notice.lobby {
                strong { (t!(lang, "lobby-waiting", n = waiting.len())) } " ("
                @for (i, p) in waiting.iter().enumerate() { @if i > 0 { ", " } (p.name) }
                "). "
                @if plain > 0 { button type="button" data-command="admit_all" { (t!(lang, "lobby-admit-all", n = plain)) } " " }
                @if held > 0 {
                    @if held == waiting.len() { (t!(lang, "lobby-all-held", n = held)) }
                    @else { (t!(lang, "lobby-some-held", n = held)) }
                }
            }
        }
    }
}

/// Who has not voted yet, by name (for anonymous activities too: who, never how).
fn not_yet(state: &SessionState, activity: &ActivityState, lang: Language) -> Markup {
    if activity.status != ActivityStatus::Open {
        return html! {};
    }
    if kind_of(activity.spec.kind).turnout_verb().is_none() {
        return html! {};
    }
    if activity.spec.anonymous && !activity.spec.kind.takes_ballots() {
        return html! { p.not-yet { (t!(lang, "not-yet-anonymous-ideas")) } };
    }
    let waiting = activity.waiting(state);
    let ideas = !activity.spec.kind.takes_ballots();
    html! {
        @if waiting.is_empty() {
            p.not-yet { (if ideas { t!(lang, "not-yet-everyone-offered") } else { t!(lang, "not-yet-everyone-voted") }) }
        } @else {
            p.not-yet #not-yet-title { (if ideas { t!(lang, "not-yet-offered", n = waiting.len()) } else { t!(lang, "not-yet-voted", n = waiting.len()) }) }
            ul.not-yet aria-labelledby="not-yet-title" {
                @for id in &waiting {
                    @if let Some(p) = state.participant(id) { li { (p.name) " (" (p.group.name(lang)) ")" } }
                }
            }
        }
    }
}

fn timer_controls(activity: &ActivityState, lang: Language) -> Markup {
    let id = &activity.spec.id;
    let running = activity.timer.running_since.is_some();
    let set = running || activity.timer.seconds_left > 0;
    html! {
        p.timer-buttons {
            @if !set {
                (t!(lang, "timer-none"))
            } @else if running {
                button #timer-toggle type="button" data-command="timer" data-activity=(id) data-action="pause" aria-keyshortcuts="T" { (t!(lang, "timer-pause")) }
            } @else {
                button #timer-toggle type="button" data-command="timer" data-activity=(id) data-action="start" aria-keyshortcuts="T" { (t!(lang, "timer-start")) }
            }
            @if set {
                " " button type="button" data-command="timer" data-activity=(id) data-action="add" { (t!(lang, "timer-add-minute")) }
                " " button type="button" data-command="timer" data-activity=(id) data-action="reset" { (t!(lang, "timer-reset")) }
            }
        }
        details.timer-set {
            summary { (t!(lang, "timer-set")) }
            form.timer-controls data-command="timer" data-activity=(id) {
                label for={ "timer-minutes-" (id) } { (t!(lang, "timer-minutes")) }
                p.hint id={ "timer-minutes-hint-" (id) } { (t!(lang, "timer-minutes-hint")) }
                input type="text" id={ "timer-minutes-" (id) } name="minutes" inputmode="numeric" pattern="[0-9]{1,4}(:[0-5][0-9])?" aria-describedby={ "timer-minutes-hint-" (id) } required;
                button type="submit" name="action" value="start" { (t!(lang, "timer-start-from")) }
            }
        }
    }
}

/// The agenda: each activity with only the buttons that make sense in its state.
fn agenda(state: &SessionState, lang: Language) -> Markup {
    let action = |command, activity, key, title| {
        action(command, activity, &crate::language::text(lang, key), title)
    };
    html! {
        section.agenda aria-labelledby="agenda-title" {
            h2 #agenda-title { (t!(lang, "agenda")) }
            ol {
                @for (i, activity) in state.activities.iter().enumerate() {
                    @let current = state.current == Some(i);
                    @let id = &activity.spec.id;
                    @let title = activity.spec.title.read_in(lang);
                    @let votes = kind_of(activity.spec.kind).room_answers();
                    @let shows_results = !votes || activity.status != ActivityStatus::Pending;
                    li aria-current=[current.then_some("step")] data-now=[current.then(|| t!(lang, "agenda-now"))] {
                        strong { (title) } " — " (status_words(activity, lang))
                        @if activity.spec.kind.takes_ballots() && activity.status != ActivityStatus::Pending {
                            @let (voted, in_progress, _) = activity.room_turnout(state);
                            " — " (t!(lang, "agenda-voted", n = voted))
                            @if in_progress > 0 { ", " (t!(lang, "agenda-in-progress", n = in_progress)) }
                        }
                        @if state.status == SessionStatus::Live { span.actions {
                            @if !current { (action("goto", id, "agenda-go-to", title)) }
                            @match (activity.status, votes) {
                                (ActivityStatus::Pending, _) => (action("open", id, if votes { "agenda-open" } else { "agenda-start" }, title)),
                                (ActivityStatus::Open, true) => (action("close", id, "agenda-close", title)),
                                (ActivityStatus::Open, false) => {},
                                (ActivityStatus::Closed, _) if activity.is_sealed() => (rerun(id, title, lang)),
                                (ActivityStatus::Closed, _) => (action("open", id, "agenda-reopen", title)),
                            }
                            @if activity.revealed { (action("hide", id, "console-hide-results", title)) }
                            @else if shows_results { (action("reveal", id, "agenda-show-results", title)) }
                        } }
                    }
                }
            }
        }
    }
}

/// A sealed anonymous vote: why it cannot reopen, and the way on.
fn rerun(activity: &str, title: &str, lang: Language) -> Markup {
    let confirm = t!(lang, "rerun-confirm", title = title);
    html! {
        " " span.hint { (t!(lang, "rerun-why")) }
        " " button type="button" data-command="rerun" data-activity=(activity) data-confirm=(confirm) { (t!(lang, "rerun")) span.visually-hidden { ": " (title) } }
    }
}

fn action(command: &str, activity: &str, label: &str, title: &str) -> Markup {
    html! {
        " " button type="button" data-command=(command) data-activity=(activity) { (label) span.visually-hidden { ": " (title) } }
    }
}

fn notes_panel(state: &SessionState, lang: Language) -> Markup {
    html! {
        section.notes aria-labelledby="notes-title" {
            h2 #notes-title { (t!(lang, "notes-title")) }
            @if !state.notes.is_empty() {
                ul {
                    @for n in state.notes.iter() {
                        li {
                            strong { (n.kind.name(lang)) ": " } (n.text)
                            @if let Some(owner) = &n.owner { " — " (owner) }
                            @if let Some(due) = &n.due { ", " (t!(lang, "notes-due", date = crate::time::uk_date_in(due, lang))) }
                        }
                    }
                }
            }
            @if state.status == SessionStatus::Live {
            form data-command="note" {
                label for="note-text" { (t!(lang, "notes-note-or-decision")) }
                textarea id="note-text" name="text" rows="2" maxlength=(text::NOTE) {}
                label for="note-kind" { (t!(lang, "notes-kind")) }
                select id="note-kind" name="kind" { option value="note" { (t!(lang, "note-note")) } option value="decision" { (t!(lang, "note-decision")) } }
                button type="submit" { (t!(lang, "notes-add")) }
            }
            form data-command="action" {
                label for="action-text" { (t!(lang, "note-action")) }
                input type="text" id="action-text" name="text" maxlength=(text::NOTE);
                label for="action-owner" { (t!(lang, "notes-owner")) }
                input type="text" id="action-owner" name="owner" maxlength=(text::OWNER);
                label for="action-due" { (t!(lang, "notes-due-date")) }
                input type="date" id="action-due" name="due";
                button type="submit" { (t!(lang, "notes-add-action")) }
            }
            }
        }
    }
}

/// The console's people: the roster, each person here or not, and everyone
/// who joined, with who waits for the facilitator and why.
fn people_panel(state: &SessionState, lang: Language) -> Markup {
    let invited = |p: &&crate::series::Person| state.workshop().groups.contains(&p.group);
    let absent: Vec<_> = state
        .roster
        .iter()
        .filter(invited)
        .filter(|p| state.claimant(&p.id).is_none())
        .collect();
    let expected = state.roster.iter().filter(invited).count();
    // An ended session lets nobody in or out any more: no lobby to work.
    let live = state.status == crate::session::SessionStatus::Live;
    let waiting = state
        .participants
        .iter()
        .filter(|p| live && p.present() && !p.admitted)
        .count();
    let in_room = state
        .participants
        .iter()
        .filter(|p| p.admitted && p.present())
        .count();
    html! {
        section.people aria-labelledby="people-title" {
            h2 #people-title { (t!(lang, "people-title", n = in_room)) }
            @if waiting > 0 {
                p.notice { strong { (t!(lang, "people-waiting", n = waiting)) } " " (t!(lang, "people-waiting-how")) }
            }
            ul {
                @for p in state.participants.iter() {
                    // Two entries may carry one name (a claim and the card):
                    // buttons say which entry they act on.
                    @let which = if p.invited { format!(" ({})", t!(lang, "people-came-with-card")) } else if !p.admitted { format!(" ({})", t!(lang, "people-waiting-word")) } else { String::new() };
                    li {
                        (p.name) " — " (p.group.name(lang))
                        @if let Some(t) = &p.job_title { ", " (t) }
                        @if p.invited { " " span.tag { "✓ " (t!(lang, "people-came-with-card")) } }
                        @if p.erased { " (" (t!(lang, "people-erased")) ")" }
                        @if p.removed {
                            " (" (t!(lang, "people-removed")) ")"
                            @if live {
                                " " button.quiet type="button" data-command="admit" data-participant=(p.id) { (t!(lang, "people-let-back-in")) span.visually-hidden { " " (p.name) } }
                            }
                        }
                        @else if live {
                            @if !p.admitted {
                                " " strong.held { "(" (t!(lang, "people-waiting-word")) @if let Some(why) = p.held { ": " (why.name(lang)) } ")" } " "
                                button type="button" data-command="admit" data-participant=(p.id) { (t!(lang, "people-admit")) span.visually-hidden { " " (p.name) (which) } }
                                @if p.person.is_none() && !absent.is_empty() {
                                    // "This is her": someone typed a name the roster spells otherwise.
                                    form.inline data-command="admit" {
                                        input type="hidden" name="participant" value=(p.id);
                                        label for={ "as-" (p.id) } { " " (t!(lang, "people-admit-as")) }
                                        " "
                                        select id={ "as-" (p.id) } name="person" required {
                                            option value="" { (t!(lang, "people-someone-on-roster")) }
                                            @for r in &absent { option value=(r.id) { (r.name) } }
                                        }
                                        " " button.quiet type="submit" { (t!(lang, "people-admit-as-them")) span.visually-hidden { ": " (p.name) } }
                                    }
                                }
                            }
                            " "
                            button.quiet type="button" data-command="remove" data-participant=(p.id)
                                data-confirm=(if p.admitted {
                                    t!(lang, "people-remove-confirm", name = p.name.as_str())
                                } else {
                                    // A waiting claim is one phone, not the person whose name it gave.
                                    t!(lang, "people-turn-away-confirm", name = p.name.as_str())
                                }) {
                                (t!(lang, "people-remove")) span.visually-hidden { " " (p.name) (which) }
                            }
                        }
                        @else if !p.admitted { " (" (t!(lang, "people-never-let-in")) ")" }
                        @if !p.erased {
                            " "
                            button.quiet type="button" data-command="erase" data-participant=(p.id)
                                data-confirm=(t!(lang, "people-erase-confirm", name = p.name.as_str())) {
                                (t!(lang, "people-erase")) span.visually-hidden { " " (p.name) }
                            }
                        }
                    }
                }
            }
            @if !state.roster.is_empty() {
                h3 { (t!(lang, "people-not-here", absent = absent.len(), n = expected)) }
                @if absent.is_empty() { p { (t!(lang, "people-all-here")) } }
                ul.absent {
                    @for p in &absent {
                        li { (p.name) " — " (p.group.name(lang)) @if let Some(t) = &p.job_title { ", " (t) } }
                    }
                }
            }
        }
    }
}

/// The choice of the room's language (projector and outcome pack), for
/// the create form and the console's settings.
pub fn room_language_field(id: &str, current: SessionLanguage, lang: Language) -> Markup {
    let hint = format!("{id}-hint");
    html! {
        label for=(id) { (t!(lang, "room-language")) }
        p.hint id=(hint) { (t!(lang, "room-language-hint")) }
        select id=(id) name="language" aria-describedby=(hint) {
            @for choice in SessionLanguage::ALL {
                option value=(choice.code()) selected[choice == current] lang=[(choice == SessionLanguage::Welsh).then_some("cy")] {
                    (match choice {
                        SessionLanguage::English => t!(lang, "room-language-en"),
                        SessionLanguage::Welsh => t!(lang, "room-language-cy"),
                        SessionLanguage::Bilingual => t!(lang, "room-language-both"),
                    })
                }
            }
        }
    }
}

fn end_panel(state: &SessionState, lang: Language) -> Markup {
    let language = state.info.language;
    let missing = if language.has_welsh() {
        state.workshop().texts_without_welsh()
    } else {
        0
    };
    html! {
        section.session-settings aria-labelledby="settings-title" {
            h2 #settings-title { (t!(lang, "settings-title")) }
            form data-command="rename" {
                label for="rename-title" { (t!(lang, "session-title-field")) }
                input #rename-title type="text" name="title" value=(state.info.title) maxlength=(text::SESSION_TITLE) required;
                label for="rename-title-cy" { (t!(lang, "rename-welsh")) }
                input #rename-title-cy type="text" name="title_cy" lang="cy" value=(state.info.title.welsh().unwrap_or("")) maxlength=(text::SESSION_TITLE);
                button type="submit" { (t!(lang, "settings-rename")) }
            }
            form data-command="set_language" {
                (room_language_field("room-language", language, lang))
                button type="submit" { (t!(lang, "room-language-set")) }
            }
            @if missing > 0 { p.warning { (t!(lang, "room-language-missing", n = missing)) } }
            p {
                @if state.archived {
                    (t!(lang, "settings-archived")) " "
                    button type="button" data-command="unarchive" { (t!(lang, "settings-unarchive")) }
                } @else {
                    button.quiet type="button" data-command="archive" { (t!(lang, "settings-archive")) }
                    " " (t!(lang, "settings-archive-hint"))
                }
            }
        }
        @if state.status != SessionStatus::Ended {
            section.end aria-labelledby="end-title" {
                h2 #end-title { (t!(lang, "end-title")) }
                p { (t!(lang, "end-hint")) }
                button.danger type="button" data-command="end"
                    data-confirm=(t!(lang, "console-end-confirm")) { (t!(lang, "end-button")) }
            }
        }
    }
}
