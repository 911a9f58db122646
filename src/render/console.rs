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
    html! {
        @if alerts.storage_failing {
            div.error-summary role="alert" {
                h2 { "Votes are not being saved" }
                p { "The last attempt to write this session's transcript failed (is the disk full?). Nobody has been told their vote is saved since. topteam tries again with each new command." }
            }
        }
        @if let Some(why) = &alerts.anonymity_unavailable {
            div.error-summary role="alert" {
                h2 { "Anonymous voting is switched off" }
                p { "This session's pseudonym secret cannot be read (" (why) "). Anonymous activities refuse new ballots rather than count anyone twice. Restore the file from a backup and restart topteam; named activities work as normal." }
            }
        }
        (now_panel(pass))
        (agenda(state))
        (notes_panel(state))
        (people_panel(state))
        (end_panel(state, pass.language))
    }
}

/// What an activity's status means, in words.
fn status_words(activity: &ActivityState) -> &'static str {
    if !kind_of(activity.spec.kind).room_answers() {
        return match (activity.status, activity.revealed) {
            (ActivityStatus::Pending, _) => "not started",
            (_, false) => "in progress",
            (_, true) => "on the screen",
        };
    }
    match (activity.status, activity.revealed) {
        (ActivityStatus::Pending, _) => "not opened yet",
        (ActivityStatus::Open, _) => "voting open",
        (ActivityStatus::Closed, false) => "voting closed, results not shown",
        (ActivityStatus::Closed, true) => "voting closed, results shown",
    }
}

fn now_panel(pass: &Pass) -> Markup {
    let state = pass.state;
    let current = state.current_activity();
    // An ended session takes no more commands: nothing here to press.
    if state.status == SessionStatus::Ended {
        return html! {
            section.now aria-labelledby="now-title" {
                h2 #now-title { "This session has ended: phones show a thank-you, results and exports stay in review" }
                p { a.button href={ "/review/" (state.info.id) } { "Review and exports" } }
            }
        };
    }
    html! {
        section.now aria-labelledby="now-title" {
            h2 #now-title {
                @match current {
                    _ if state.status == SessionStatus::Ended => "This session has ended: phones show a thank-you, results and exports stay in review",
                    Some(a) => { "Now: " (a.spec.title) " " span.status { "(" (status_words(a)) @if a.revealed && a.status != ActivityStatus::Closed { ", results shown" } ")" } }
                    None => "Not started: phones show a welcome",
                }
            }
            (lobby(state))
            p.steps {
                @if let Some(step) = next_step(state) {
                    @let ending = step.command == "end";
                    @let confirm = if ending {
                        Some("End this session for everyone? Phones stop taking votes, and it cannot be reopened.")
                    } else if step.command == "close" && current.is_some_and(|a| nobody_answered(state, a)) {
                        // N pressed twice by mistake would close an empty vote.
                        Some("Nobody has answered yet. Close voting anyway?")
                    } else {
                        None
                    };
                    button.primary #next-step type="button" data-command=(step.command) data-activity=[(!ending).then_some(&step.activity)]
                        data-confirm=[confirm]
                        aria-keyshortcuts="N ArrowRight" {
                        (step.label) " " kbd aria-hidden="true" { "N" }
                    }
                }
                @if let Some(previous) = previous_activity(state) {
                    " " button #back-step type="button" data-command="goto" data-activity=(previous.spec.id) aria-keyshortcuts="ArrowLeft" {
                        "Back to " (previous.spec.title)
                    }
                }
                @if let Some(a) = current.filter(|a| a.revealed) {
                    " " button #hide-results type="button" data-command="hide" data-activity=(a.spec.id) aria-keyshortcuts="H" { "Hide results" }
                }
            }
            @if let Some(a) = current {
                (slide_paging(pass, a))
            }
            @if let Some(activity) = current {
                @let planned = activity.spec.options.iter().filter(|o| o.detail.contains(crate::session::carry::NOT_CHOSEN)).count();
                @if planned > 0 {
                    p.carry-warning.warning role="status" {
                        (planned) " of these " (activity.spec.options.len()) " options are the script\u{2019}s plan, not chosen in this series (no earlier workshop of this series chose them). Phones and the projector say so beside each; change them on the Prepare page if you need to."
                    }
                }
            }
            @if let Some(activity) = current.filter(|a| !a.spec.notes.is_empty()) {
                div.facilitator-notes {
                    h3 { "Your notes" }
                    p { (activity.spec.notes) }
                }
            }
            @if let Some(activity) = current {
                (timer(activity, pass.language))
                (timer_controls(activity))
                (turnout(state, activity, pass.language))
                (not_yet(state, activity))
            }
            details.shortcuts #shortcuts {
                summary { "Keyboard shortcuts (press ?)" }
                dl {
                    dt { kbd { "N" } " or " kbd { "→" } } dd { "the next step (the primary button)" }
                    dt { kbd { "←" } } dd { "back to the previous activity" }
                    dt { kbd { "H" } } dd { "hide results that are shown" }
                    dt { kbd { "T" } } dd { "start or pause the timer" }
                    dt { kbd { "P" } } dd { "the projector's next page, when what it shows has pages (after the last, the first)" }
                    dt { kbd { "?" } } dd { "show or hide this list" }
                }
                p.hint { "Shortcuts work when you are not typing in a box." }
            }
            @if let Some(activity) = current {
                (pass.current_results(activity, Audience::Desk))
                (kind_of(activity.spec.kind).console_tools(&activity.view(state)))
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
    let count = crate::render::views::screen_pages(pass, activity);
    if count <= 1 {
        return html! {};
    }
    let now = activity.page.min(count);
    let next = if now >= count { 1 } else { now + 1 };
    html! {
        p.slide-paging {
            "The projector shows page " strong { (now) " of " (count) } ". "
            button #page-back type="button" data-command="page" data-activity=(activity.spec.id) data-page=(now.saturating_sub(1).max(1)) disabled[now <= 1] { "Previous page" }
            " "
            button #page-next type="button" data-command="page" data-activity=(activity.spec.id) data-page=(next) aria-keyshortcuts="P" {
                (if next == 1 { "Back to page 1" } else { "Next page" }) " " kbd aria-hidden="true" { "P" }
            }
        }
    }
}

/// Who waits in the lobby, at the top where the facilitator looks.
fn lobby(state: &SessionState) -> Markup {
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
                strong { (waiting.len()) " waiting to be let in" } " ("
                @for (i, p) in waiting.iter().enumerate() { @if i > 0 { ", " } (p.name) }
                "). "
                @if plain > 0 { button type="button" data-command="admit_all" { "Admit " (plain) " waiting" } " " }
                @if held > 0 {
                    @if held == waiting.len() { @if held == 1 { "Held for a reason: see People below." } @else { "Each held for a reason: see People below." } }
                    @else { "Of these, " (held) " held for a reason: see People below." }
                }
            }
        }
    }
}

/// Who has not voted yet, by name (for anonymous activities too: who, never how).
fn not_yet(state: &SessionState, activity: &ActivityState) -> Markup {
    if activity.status != ActivityStatus::Open {
        return html! {};
    }
    let Some(verb) = kind_of(activity.spec.kind).turnout_verb() else {
        return html! {};
    };
    if activity.spec.anonymous && !activity.spec.kind.takes_ballots() {
        return html! { p.not-yet { "Anonymous ideas: who has offered one is not shown, as it would tell whose each idea is." } };
    }
    let waiting = activity.waiting(state);
    html! {
        @if waiting.is_empty() {
            p.not-yet { "Everyone in the room has " (verb) "." }
        } @else {
            p.not-yet #not-yet-title { "Not " (verb) " yet (" (waiting.len()) "):" }
            ul.not-yet aria-labelledby="not-yet-title" {
                @for id in &waiting {
                    @if let Some(p) = state.participant(id) { li { (p.name) " (" (p.group.label()) ")" } }
                }
            }
        }
    }
}

fn timer_controls(activity: &ActivityState) -> Markup {
    let id = &activity.spec.id;
    let running = activity.timer.running_since.is_some();
    let set = running || activity.timer.seconds_left > 0;
    html! {
        p.timer-buttons {
            @if !set {
                "No time is set for this activity."
            } @else if running {
                button #timer-toggle type="button" data-command="timer" data-activity=(id) data-action="pause" aria-keyshortcuts="T" { "Pause timer" }
            } @else {
                button #timer-toggle type="button" data-command="timer" data-activity=(id) data-action="start" aria-keyshortcuts="T" { "Start timer" }
            }
            @if set {
                " " button type="button" data-command="timer" data-activity=(id) data-action="add" { "Add a minute" }
                " " button type="button" data-command="timer" data-activity=(id) data-action="reset" { "Reset timer" }
            }
        }
        details.timer-set {
            summary { "Set the timer" }
            form.timer-controls data-command="timer" data-activity=(id) {
                label for={ "timer-minutes-" (id) } { "Minutes" }
                p.hint id={ "timer-minutes-hint-" (id) } { "For example 5, or 2:30 for two and a half minutes." }
                input type="text" id={ "timer-minutes-" (id) } name="minutes" inputmode="numeric" pattern="[0-9]{1,4}(:[0-5][0-9])?" aria-describedby={ "timer-minutes-hint-" (id) } required;
                button type="submit" name="action" value="start" { "Start from this" }
            }
        }
    }
}

/// The agenda: each activity with only the buttons that make sense in its state.
fn agenda(state: &SessionState) -> Markup {
    html! {
        section.agenda aria-labelledby="agenda-title" {
            h2 #agenda-title { "Agenda" }
            ol {
                @for (i, activity) in state.activities.iter().enumerate() {
                    @let current = state.current == Some(i);
                    @let id = &activity.spec.id;
                    @let title = &activity.spec.title;
                    @let votes = kind_of(activity.spec.kind).room_answers();
                    @let shows_results = !votes || activity.status != ActivityStatus::Pending;
                    li aria-current=[current.then_some("step")] {
                        strong { (title) } " — " (status_words(activity))
                        @if activity.spec.kind.takes_ballots() && activity.status != ActivityStatus::Pending {
                            @let (voted, in_progress, _) = activity.room_turnout(state);
                            " — " (voted) " voted"
                            @if in_progress > 0 { ", " (in_progress) " in progress" }
                        }
                        @if state.status == SessionStatus::Live { span.actions {
                            @if !current { (action("goto", id, "Go to", title)) }
                            @match (activity.status, votes) {
                                (ActivityStatus::Pending, _) => (action("open", id, if votes { "Open" } else { "Start" }, title)),
                                (ActivityStatus::Open, true) => (action("close", id, "Close", title)),
                                (ActivityStatus::Open, false) => {},
                                (ActivityStatus::Closed, _) if activity.is_sealed() => (rerun(id, title)),
                                (ActivityStatus::Closed, _) => (action("open", id, "Reopen", title)),
                            }
                            @if activity.revealed { (action("hide", id, "Hide results", title)) }
                            @else if shows_results { (action("reveal", id, "Show results", title)) }
                        } }
                    }
                }
            }
        }
    }
}

/// A sealed anonymous vote: why it cannot reopen, and the way on.
fn rerun(activity: &str, title: &str) -> Markup {
    let confirm = format!(
        "Run \u{201c}{title}\u{201d} again? A fresh copy goes after it for everyone to answer anew; these results stay as they are. Best with the room as it was: if someone has left or arrived, comparing the two results could show their answers."
    );
    html! {
        " " span.hint { "Anonymous and counted, so it cannot reopen: one more answer would show." }
        " " button type="button" data-command="rerun" data-activity=(activity) data-confirm=(confirm) { "Run it again" span.visually-hidden { ": " (title) } }
    }
}

fn action(command: &str, activity: &str, label: &str, title: &str) -> Markup {
    html! {
        " " button type="button" data-command=(command) data-activity=(activity) { (label) span.visually-hidden { ": " (title) } }
    }
}

fn notes_panel(state: &SessionState) -> Markup {
    html! {
        section.notes aria-labelledby="notes-title" {
            h2 #notes-title { "Notes, decisions and actions" }
            @if !state.notes.is_empty() {
                ul {
                    @for n in state.notes.iter() {
                        li {
                            strong { (n.kind.label()) ": " } (n.text)
                            @if let Some(owner) = &n.owner { " — " (owner) }
                            @if let Some(due) = &n.due { ", by " (crate::time::uk_date(due)) }
                        }
                    }
                }
            }
            @if state.status == SessionStatus::Live {
            form data-command="note" {
                label for="note-text" { "Note or decision" }
                textarea id="note-text" name="text" rows="2" maxlength=(text::NOTE) {}
                label for="note-kind" { "Kind" }
                select id="note-kind" name="kind" { option value="note" { "Note" } option value="decision" { "Decision" } }
                button type="submit" { "Add" }
            }
            form data-command="action" {
                label for="action-text" { "Action" }
                input type="text" id="action-text" name="text" maxlength=(text::NOTE);
                label for="action-owner" { "Owner" }
                input type="text" id="action-owner" name="owner" maxlength=(text::OWNER);
                label for="action-due" { "Due date (optional)" }
                input type="date" id="action-due" name="due";
                button type="submit" { "Add action" }
            }
            }
        }
    }
}

/// The console's people: the roster, each person here or not, and everyone
/// who joined, with who waits for the facilitator and why.
fn people_panel(state: &SessionState) -> Markup {
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
            h2 #people-title { "People (" (in_room) " in the room)" }
            @if waiting > 0 {
                p.notice { strong { (waiting) " waiting for you to let them in." } " Admit each below, or those not held with Admit at the top." }
            }
            ul {
                @for p in state.participants.iter() {
                    // Two entries may carry one name (a claim and the card):
                    // buttons say which entry they act on.
                    @let which = if p.invited { " (came with their card)" } else if !p.admitted { " (waiting)" } else { "" };
                    li {
                        (p.name) " — " (p.group.label())
                        @if let Some(t) = &p.job_title { ", " (t) }
                        @if p.invited { " " span.tag { "✓ came with their card" } }
                        @if p.erased { " (name erased at their request)" }
                        @if p.removed {
                            " (removed)"
                            @if live {
                                " " button.quiet type="button" data-command="admit" data-participant=(p.id) { "Let back in" span.visually-hidden { " " (p.name) } }
                            }
                        }
                        @else if live {
                            @if !p.admitted {
                                " " strong.held { "(waiting" @if let Some(why) = p.held { ": " (why.label()) } ")" } " "
                                button type="button" data-command="admit" data-participant=(p.id) { "Admit" span.visually-hidden { " " (p.name) (which) } }
                                @if p.person.is_none() && !absent.is_empty() {
                                    // "This is her": someone typed a name the roster spells otherwise.
                                    form.inline data-command="admit" {
                                        input type="hidden" name="participant" value=(p.id);
                                        label for={ "as-" (p.id) } { " or admit as" }
                                        " "
                                        select id={ "as-" (p.id) } name="person" required {
                                            option value="" { "someone on the roster…" }
                                            @for r in &absent { option value=(r.id) { (r.name) } }
                                        }
                                        " " button.quiet type="submit" { "Admit as them" span.visually-hidden { ": " (p.name) } }
                                    }
                                }
                            }
                            " "
                            button.quiet type="button" data-command="remove" data-participant=(p.id)
                                data-confirm=(if p.admitted {
                                    format!("Remove {} from this session? Their phone stops working here and their named votes stop counting.", p.name)
                                } else {
                                    // A waiting claim is one phone, not the person whose name it gave.
                                    format!("Turn away this waiting phone (it gave the name {})? Anyone already let in under that name is not affected.", p.name)
                                }) {
                                "Remove" span.visually-hidden { " " (p.name) (which) }
                            }
                        }
                        @else if !p.admitted { " (never let in)" }
                        @if !p.erased {
                            " "
                            button.quiet type="button" data-command="erase" data-participant=(p.id)
                                data-confirm={ "Erase " (p.name) "\u{2019}s name and job title from this series, its exports and the files on the server? Their answers stay counted, shown as \u{201c}Participant N\u{201d}. This cannot be undone." } {
                                "Erase name" span.visually-hidden { " of " (p.name) }
                            }
                        }
                    }
                }
            }
            @if !state.roster.is_empty() {
                h3 { "Not here yet (" (absent.len()) " of " (expected) " expected from the roster)" }
                @if absent.is_empty() { p { "Everyone on the roster is here." } }
                ul.absent {
                    @for p in &absent {
                        li { (p.name) " — " (p.group.label()) @if let Some(t) = &p.job_title { ", " (t) } }
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
            h2 #settings-title { "This session" }
            form data-command="rename" {
                label for="rename-title" { "Title shown to the room" }
                input #rename-title type="text" name="title" value=(state.info.title) maxlength=(text::SESSION_TITLE) required;
                label for="rename-title-cy" { (t!(lang, "rename-welsh")) }
                input #rename-title-cy type="text" name="title_cy" lang="cy" value=(state.info.title.welsh().unwrap_or("")) maxlength=(text::SESSION_TITLE);
                button type="submit" { "Rename" }
            }
            form data-command="set_language" {
                (room_language_field("room-language", language, lang))
                button type="submit" { (t!(lang, "room-language-set")) }
            }
            @if missing > 0 { p.warning { (t!(lang, "room-language-missing", n = missing)) } }
            p {
                @if state.archived {
                    "Archived: hidden from the console's list of sessions, still in review. "
                    button type="button" data-command="unarchive" { "Take out of the archive" }
                } @else {
                    button.quiet type="button" data-command="archive" { "Archive this session" }
                    " Hides it from the console's list; review keeps it."
                }
            }
        }
        @if state.status != SessionStatus::Ended {
            section.end aria-labelledby="end-title" {
                h2 #end-title { "End the session" }
                p { "Phones then show a thank-you and take no more votes. Results and exports stay." }
                button.danger type="button" data-command="end"
                    data-confirm="End this session for everyone? Phones stop taking votes, and it cannot be reopened." { "End session" }
            }
        }
    }
}
