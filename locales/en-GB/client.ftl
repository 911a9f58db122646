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
time-up = Time is up
time-left = Time left:
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
