# The facilitator's console.
room-language = Language of the projector and the outcome pack
room-language-hint = Each phone shows its own reader's language whichever you choose.
room-language-en = English
room-language-cy = Cymraeg (Welsh)
room-language-both = Cymraeg and English, Welsh first
room-language-set = Set the language
room-language-missing = { $n ->
    [one] 1 text of this agenda has no Welsh yet: the projector shows it in English. Add it in Prepare the agenda.
   *[other] { $n } texts of this agenda have no Welsh yet: the projector shows them in English. Add them in Prepare the agenda.
}
rename-welsh = The title in Welsh (optional: Welsh phones and a Welsh projector show it)

## Alerts above everything
console-not-saving = Votes are not being saved
console-not-saving-why = The last attempt to write this session's transcript failed (is the disk full?). Nobody has been told their vote is saved since. topteam tries again with each new command.
console-anonymity-off = Anonymous voting is switched off
console-anonymity-off-why = This session's pseudonym secret cannot be read ({ $why }). Anonymous activities refuse new ballots rather than count anyone twice. Restore the file from a backup and restart topteam; named activities work as normal.

## An activity's status
status-not-started = not started
status-in-progress = in progress
status-on-screen = on the screen
status-not-opened = not opened yet
status-voting-open = voting open
status-closed-hidden = voting closed, results not shown
status-closed-shown = voting closed, results shown

## The Now panel
console-ended = This session has ended: phones show a thank-you, results and exports stay in review
console-review-exports = Review and exports
console-now = Now: { $title }
console-status = ({ $status })
console-status-shown = ({ $status }, results shown)
console-not-started = Not started: phones show a welcome
console-end-confirm = End this session for everyone? Phones stop taking votes, and it cannot be reopened.
console-close-empty-confirm = Nobody has answered yet. Close voting anyway?
console-back-to = Back to { $title }
console-hide-results = Hide results
console-planned-options = { $planned } of these { $n } options are the script’s plan, not chosen in this series (no earlier workshop of this series chose them). Phones and the projector say so beside each; change them on the Prepare page if you need to.
console-your-notes = Your notes
console-projector-page = The projector shows page { $page } of { $pages }.
console-page-previous = Previous page
console-page-next = Next page
console-page-first = Back to page 1

## The next step's button
step-open-first = Open { $title }
step-next = Next: { $title }
step-end = End the session
step-start = Start
step-show = Show on the screen
step-open = Open voting
step-close = Close voting
step-reveal = Show results

## Keyboard shortcuts
shortcuts = Keyboard shortcuts (press ?)
shortcuts-or = or
shortcut-next = the next step (the primary button)
shortcut-back = back to the previous activity
shortcut-hide = hide results that are shown
shortcut-timer = start or pause the timer
shortcut-page = the projector's next page, when what it shows has pages (after the last, the first)
shortcut-list = show or hide this list
shortcuts-hint = Shortcuts work when you are not typing in a box.

## The lobby
lobby-waiting = { $n ->
    [one] 1 waiting to be let in
   *[other] { $n } waiting to be let in
}
lobby-admit-all = Admit { $n } waiting
lobby-all-held = { $n ->
    [one] Held for a reason: see People below.
   *[other] Each held for a reason: see People below.
}
lobby-some-held = Of these, { $n } held for a reason: see People below.

## Who has not answered
not-yet-anonymous-ideas = Anonymous ideas: who has offered one is not shown, as it would tell whose each idea is.
not-yet-everyone-voted = Everyone in the room has voted.
not-yet-everyone-offered = Everyone in the room has offered an idea.
not-yet-voted = Not voted yet ({ $n }):
not-yet-offered = Not offered an idea yet ({ $n }):

## The timer
timer-none = No time is set for this activity.
timer-pause = Pause timer
timer-start = Start timer
timer-add-minute = Add a minute
timer-reset = Reset timer
timer-set = Set the timer
timer-minutes = Minutes
timer-minutes-hint = For example 5, or 2:30 for two and a half minutes.
timer-start-from = Start from this

## The agenda
agenda = Agenda
agenda-voted = { $n } voted
agenda-in-progress = { $n } in progress
agenda-go-to = Go to
agenda-open = Open
agenda-start = Start
agenda-close = Close
agenda-reopen = Reopen
agenda-show-results = Show results
rerun = Run it again
rerun-why = Anonymous and counted, so it cannot reopen: one more answer would show.
rerun-confirm = Run “{ $title }” again? A fresh copy goes after it for everyone to answer anew; these results stay as they are. Best with the room as it was: if someone has left or arrived, comparing the two results could show their answers.

## Notes, decisions and actions
notes-title = Notes, decisions and actions
notes-due = by { $date }
notes-note-or-decision = Note or decision
notes-kind = Kind
notes-add = Add
notes-owner = Owner
notes-due-date = Due date (optional)
notes-add-action = Add action

## People
people-title = People ({ $n } in the room)
people-waiting = { $n } waiting for you to let them in.
people-waiting-how = Admit each below, or those not held with Admit at the top.
people-came-with-card = came with their card
people-waiting-word = waiting
people-erased = name erased at their request
people-removed = removed
people-let-back-in = Let back in
people-admit = Admit
people-admit-as = or admit as
people-someone-on-roster = someone on the roster…
people-admit-as-them = Admit as them
people-remove = Remove
people-remove-confirm = Remove { $name } from this session? Their phone stops working here and their named votes stop counting.
people-turn-away-confirm = Turn away this waiting phone (it gave the name { $name })? Anyone already let in under that name is not affected.
people-never-let-in = never let in
people-erase = Erase name
people-erase-confirm = Erase { $name }’s name and job title from this series, its exports and the files on the server? Their answers stay counted, shown as “Participant N”. This cannot be undone.
people-not-here = Not here yet ({ $absent } of { $n } expected from the roster)
people-all-here = Everyone on the roster is here.

## This session's settings
settings-title = This session
session-title-field = Title shown to the room
settings-rename = Rename
settings-archived = Archived: hidden from the console's list of sessions, still in review.
settings-unarchive = Take out of the archive
settings-archive = Archive this session
settings-archive-hint = Hides it from the console's list; review keeps it.
end-title = End the session
end-hint = Phones then show a thank-you and take no more votes. Results and exports stay.
end-button = End session

## A kind's own tools: amending statements, moderating ideas
amend-title = Amend a statement
amend-statement = Statement { $n }
amend-button = Amend
ideas-title = Ideas
ideas-sealed = { $n ->
    [one] 1 idea so far. Anonymous ideas are shown together when you close this, in no particular order, so nobody can tell whose is whose.
   *[other] { $n } ideas so far. Anonymous ideas are shown together when you close this, in no particular order, so nobody can tell whose is whose.
}
ideas-too-few = Too few people offered ideas to show them anonymously (at least { $n } are needed). You can open it again for more.
ideas-other-idea = another idea
ideas-hidden = hidden
ideas-show = Show
ideas-hide = Hide
ideas-merged-into = merged into “{ $idea }”
ideas-edit = Edit
ideas-wording = Wording
ideas-save-wording = Save the wording
ideas-merge-idea = Merge idea
ideas-merge-into = into
ideas-merge = Merge

## The console's pages: log in, the list of sessions, one session
console-title = Console
console-brand = topteam console
log-out = Log out
log-in = Log in
login-heading = Facilitator log in
login-key = Facilitator key
login-key-hint = Printed when the server started (kept in the data folder's admin.key, unless whoever started it set one).
login-other-site = This log-in form was sent from another site. Open the console at this server's own address and log in there.
login-too-many = That key is not right, and many wrong keys have come from this address: check it carefully (copy and paste it if you can). The right key always works.
login-wrong-key = That key is not right.
login-not-saved = The log-in could not be saved: check the server's data folder.
there-is-a-problem = There is a problem
and = and
sessions = Sessions
console-series-deleted = The series and its sessions have been deleted.
console-session-deleted = The session has been deleted.
start-session = Start a session
create-workshop = Workshop
create-saved-templates = Saved templates
create-title-example = e.g. Ashfield cabinet and CLT, workshop 2
create-series = Series
create-series-hint = Workshops 2 and 3 carry results over from earlier sessions of the same series.
create-new-series = A new series
series-named = Series: { $name }
create-series-name = Name of the new series
create-series-name-hint = For a new series only, e.g. "Ashfield top team 2026". Left empty, it is named after the session.
create-series-name-bad = A series' name is 1 to { $limit } characters on one line. No session was made.
create-session = Create session
series-list-hint = A series' page has its roster, invitations, review links for organisers, and renaming or deleting it.
series-list-counts = { $people } on the roster, { $sessions ->
    [one] 1 session
   *[other] { $sessions } sessions
}
all-sessions = All sessions
no-sessions = No sessions yet.
sessions-code = code
sessions-people = { $n ->
    [one] 1 person
   *[other] { $n } people
}
sessions-live = live
sessions-ended = ended
sessions-projector = projector
sessions-archived = Archived sessions ({ $n })
sessions-review-page = its review page
unreachable = Phones cannot reach { $address }
unreachable-why = That address is this computer only, so the QR code will not work on phones. Start topteam with
unreachable-address = this computer's address on the venue wifi
unreachable-or = , or open this console at that address.
runsheet = Run-sheet
join-at = Join at
join-with-code = with code
open-projector = Open the projector view
prepare-agenda = Prepare the agenda
roster-invitations = Roster and invitations
connecting = Connecting…
series-on-roster = { $n } on the roster
series-by-invitation = joining by invitation only
series-page-link = Roster, invitation cards and review links
delete-session-title = Delete this session
delete-session-hint = Deletes this session's transcript and every answer given in it, for good. Download anything you need from its review page first.
delete-session-type = To confirm, type its code:
delete-session-button = Delete the session

## A series' invitations and review links
invitations-title = Invitations
invitations-no-roster = Put people on the series' roster to give each of them a personal invitation.
invitations-hint = A card for each person on the roster, with a QR code that joins them as themselves, let in at once: nobody can vote under their name.
invitations-made = Cards have been made for { $n } people; making them again replaces every card.
invitations-replace = Replace the cards already made: they stop working
invitations-make-new = Make new cards for { $n } people
invitations-make = Make invitation cards for { $n } people
invitations-only-on = Joining is by invitation only
invitations-only-on-hint = , in every workshop of this series. Anyone who types a name waits for you to let them in.
invitations-only-off = Anyone with the code may join by name, in every workshop of this series (a name on the roster is matched, and a second claim waits for you).
invitations-let-join-by-name = Let people join by name
invitations-only = Invitations only
review-links-title = Review links for organisers
review-links-hint = A link opens this series' review pages and exports, read-only, and nothing else: no console, no other series. It lasts 30 days unless you revoke it.
review-link-made = Made { $made }, works until { $until }
review-link-revoke = Revoke
review-link-make = Make a review link
agenda-now = now
session-gone = This session is not here any more
session-gone-why = It may have been deleted, or the address is not quite right.
session-gone-back = Back to your sessions
