# A series' page in the console: its name, roster, sessions and deleting it.
series-gone = There is no such series: it may have been deleted.
series-renamed = The series has been renamed.
series-name-title = Name
series-name-field = The series' name
series-name-bad = A series needs a name of 1 to { $limit } characters, on one line.
series-start-one = Start one
series-start-one-after = and choose this series.
series-review = review

## The roster
roster-saved = The roster has been saved. Sessions of this series that are running have it now.
roster-title = { $n ->
    [one] Roster (1 person)
   *[other] Roster ({ $n } people)
}
roster-hint = The people expected at this series' workshops. A phone that picks or types a name on the roster joins as that person; their team and job title come from here.
roster-of = Roster of { $name }
roster-name = Name
roster-team = Team
roster-job = Job title or portfolio
roster-take-off = Take off
roster-choose-team = Choose a team
roster-add-hint = To add someone, fill in the empty row; to add many, paste them below.
roster-paste = Paste people, one per line
roster-paste-example = Name, team, job title: for example
roster-paste-sample = Cllr Amina Patel, cabinet, Leader of the Council
roster-paste-hint = A team is cabinet, management or observer. Lines copied from a spreadsheet (name, team and job title in columns) work too.
roster-paste-refused = These lines could not be read, so nothing was saved. Correct them and save again:
roster-line = Line { $n }
roster-save = Save the roster
paste-no-name = the name is missing: write it before the first comma
paste-no-team = the team is missing: add ", cabinet" or ", management" after the name
paste-not-a-team = "{ $team }" is not a team: write cabinet, management or observer
paste-name-too-long = the name is longer than { $n } characters
paste-job-too-long = the job title is longer than { $n } characters
roster-too-large = That is more than a roster holds (at most { $n } people): nothing was saved. Paste fewer lines at a time.
roster-not-understood = The roster form was not understood: nothing was saved. Reload the page and try again.
roster-lines-refused = { $n ->
    [one] Pasted line { $lines } could not be read (see beside the box you pasted into). Nothing was saved.
   *[other] Pasted lines { $lines } could not be read (see beside the box you pasted into). Nothing was saved.
}
roster-row-no-team = Choose this person's team.
roster-rows-no-team = A row needs a team. Nothing was saved.
roster-row-refused = A row could not be saved: see beside it. Nothing was saved.
roster-pasted-refused = A pasted line could not be saved: { $why }. Nothing was saved.
roster-twice = “{ $name }” is on the roster twice: phones could not tell them apart. Add something to one of them (an initial, or a job title in the name). Nothing was saved.
roster-nothing-saved = { $why } Nothing was saved.

## Deleting
delete-series-title = Delete this series
delete-series-hint = { $n ->
    [0] Deletes the series' name and roster, its invitations and review links, for good (it has no sessions). Download anything you need from the review pages first.
    [one] Deletes the series' name and roster, its invitations and review links, and its 1 session with every answer given in it, for good. Download anything you need from the review pages first.
   *[other] Deletes the series' name and roster, its invitations and review links, and its { $n } sessions with every answer given in them, for good. Download anything you need from the review pages first.
}
delete-series-type = To confirm, type the series' name:
delete-series-button = Delete the series
delete-series-mistyped = To delete this series, type its name, “{ $name }”, in the box. Nothing was deleted.
delete-session-mistyped = To delete “{ $title }”, type its code, { $code }, in the box. Nothing was deleted.
nothing-deleted = Nothing was deleted
back-to-session = Back to the session

## Invitation cards, printed from the console
cards-title = Invitation cards
cards-heading = Invitation cards: { $series }
cards-back = Back
cards-made-already = These cards were made already, so nothing was changed (a page sent twice, perhaps by refreshing it, makes no new cards). The cards made then still work. To print them again you need new ones: make them from the console, which replaces them.
cards-tick-replace = Cards have been made for this series already. Tick “Replace the cards already made” to make new ones: the old ones then stop working.
cards-unreachable = Phones cannot open these links
cards-unreachable-why = They point at this computer only. Start topteam with
cards-unreachable-then = set to the address phones reach it at, then make the cards again.
cards-print = One card for each of the { $n } people on the roster. Print this page on A4 (Ctrl+P or ⌘P) and hand each person their own card at the door: scanning it joins them as themselves, let in at once. Cards made before these no longer work.
cards-shown-once = The links are shown only now. To send them by email instead, copy the list at the foot of the page.
cards-hint = Scan this code, or type the link, to join the workshop as yourself. It is yours alone.
cards-list = The links as a list, to email
cards-list-label = Name and link, one person a line

## Review links for organisers
review-link = Review link
review-link-heading = A review link for organisers
review-link-send = Send this link to the council's organisers. It opens this series' review pages and exports, read-only, and nothing else, for { $days } days. It is shown only now: copy it before you leave this page.
review-link-copy = Copy the link
review-link-revoked = The review link has been revoked: it no longer opens anything.
back-to-series = Back to the series
review-link-broken = This review link does not work
review-link-broken-why = It has expired or been withdrawn. Ask the facilitator or the council for a new one.
