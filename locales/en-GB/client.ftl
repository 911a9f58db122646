# The page scripts' messages (static/app/words.js reads them).
connected = Connected
connection-lost = Connection lost. Reconnecting…
connection-lost-vote = Connection lost. Reconnecting; your vote will be sent when we are back.
offline = Offline. This will be sent when we reconnect.
offline-vote = Offline. Your vote will be sent when we reconnect.
stopped-here = This page is open in another tab or on another device, so it has stopped here. Reload to use it here instead.
removed-heading = You have been removed from this session
removed-text = The facilitator removed this phone. If they let you back in, reload this page.
done = Done.
saving = Saving…
not-saved-yet = Not saved yet.
not-sent-stopped = Not sent: this page has stopped, as it is open in another tab or on another device. Reload it to answer here.
vote-saved = Your vote is saved.
answers-so-far = Your answers so far are saved: you have answered { $n } of { $of }. Answer the rest to complete your vote.
closed-before-saved = Voting closed before you saved. What you had chosen but not saved, which was not counted:
too-many-characters = { $over } characters too many: shorten it (at most { $max }).
write-minutes = Write the minutes, like 5, or 2:30 for two and a half.
choose-answer-first = Choose an answer first.
nothing-sent-fix = { $n ->
    [one] Nothing was sent yet: one answer needs your attention, beside it. Your answers go together once it is put right.
   *[other] Nothing was sent yet: { $n } answers need your attention, beside each. Your answers go together once they are put right.
}
answers-need-attention = { $n ->
    [one] One answer needs your attention: see the message beside it.
   *[other] { $n } answers need your attention: see the message beside each.
}
answers-not-saved = { $n ->
    [one] One answer was not saved: see the message beside it. Your other answers are saved.
   *[other] { $n } answers were not saved: see the message beside each. Your other answers are saved.
}
statement-amended-note = Amended: this statement has new wording. Please read it and answer again.
statement-amended-answer-again = A statement was amended since you answered. Please answer it again.
reason-needed = Say why you object, so the room can amend it.
reason-too-long = Your reason is longer than { $max } characters: shorten it.
ideas-so-far = Your ideas so far:
ideas-offered = { $n ->
    [one] You have offered 1 idea.
   *[other] You have offered { $n } ideas.
}
ideas-no-more = That is as many as you may offer here.
ideas-another = You can add another.
idea-counter-over = { $n } of { $max } characters: { $over } too many, shorten it before you send it
idea-counter = { $n } of { $max } characters
write-idea-first = Write your idea first.
idea-too-long = Your idea is { $over } characters too long: shorten it, then send it.
idea-is-in = Your idea is in.
order-not-moved = You have not moved anything: this is the order your phone started with. Put the options in your order, or choose “Keep this order as my ranking”.
chosen-too-many = You have chosen { $chosen }: choose at most { $most }, then save.
matrix-both-scales = Choose 1 to 5 on both scales for this item.
sending = Sending…
dots-count = { $n ->
    [one] 1 dot
   *[other] { $n } dots
}

## The console's pages: the create form, the series page, the agenda editor
carry-warning-series = Warning: { $workshop } carries priorities from { $earlier }, which this series has not held, or not finished. Its options will then be what this series chose before that, or else the script’s plan, not what the council chose there. Choose the series that ran it, or carry on and check the options before opening them.
carry-warning-new = Warning: { $workshop } carries priorities from { $earlier }, which a new series has not held. Its options will be the script’s plan, marked as not chosen, not what a council chose. Choose the series that ran it, or carry on and check the options before opening them.
copied = Copied.
copy-failed = Could not copy: the link is selected, press Ctrl+C.
moved-option = Moved “{ $option }” to place { $place }.
editor-activity-n = activity { $n }
editor-copied = Copied { $title }.
editor-removed = Removed { $title }.
editor-moved = Moved { $title } to place { $place }.
editor-the-option = The option
editor-option-removed = Option removed.
editor-added = Added a new activity at the end. Give it a title, then save.
editor-question-follows = The question put to the room now says “{ $words }” too.
editor-loading = Still loading the agenda; try again in a moment.
editor-not-whole-numbers = Not saved: some numbers are not whole numbers.
editor-saved = Saved. Phones and the projector use the new agenda.
editor-problems = { $n ->
    [one] Not saved: 1 problem, listed at the top of the page and beside its field.
   *[other] Not saved: { $n } problems, listed at the top of the page and beside their fields.
}
editor-unreachable = Not saved: the server could not be reached. Your edits are still here; try again.
template-needs-name = Give the template a name with letters or digits.
template-saved = Saved as the template “{ $name }”.
not-saved-because = Not saved: { $why }
server-refused = the server refused it.
not-saved-unreachable = Not saved: the server could not be reached.
agenda-not-saved = The agenda was not saved.
agenda-problems = { $n ->
    [one] The agenda was not saved: 1 problem
   *[other] The agenda was not saved: { $n } problems
}
whole-number = must be a whole number, 0 or more
deleted-heading = This session has been closed
deleted-text = The facilitator has deleted this session, so there is nothing more to answer here. Thank you for taking part.
deleted-back = Back to your sessions
