# Each kind's phone form, by kind.

## dots
dots-left-before = You have
dots-left-after = of { $budget } dots left
dots-cap = (at most { $cap } on any one)
dots-remove = Remove a dot from { $option }
dots-add = Add a dot to { $option }

## rank
rank-hint = The options start in a random order, different on each phone. Put the most important first: use the buttons to move an option up or down.
rank-up = Move up: { $option }
rank-down = Move down: { $option }

## role_map
role-members = Members lead
role-joint = Joint
role-officers = Officers lead

## agreement
stance-agree = Agree
stance-live-with = Can live with it
stance-object = Object
agreement-reason = Reason (needed if you object)

## poll
poll-choose-one = Choose one
poll-choose-up-to = Choose up to { $most }

## matrix
matrix-hint = For each item, choose 1 (low) to 5 (high) on both: { $x }, and { $y }.
matrix-choose = Choose 1 to 5

## ideas
ideas-your-idea = { $ideas ->
    [one] Your idea (one idea, up to { $chars } characters)
   *[other] Your ideas (up to { $ideas } ideas, { $chars } characters each)
}
ideas-counter = 0 of { $chars } characters
ideas-add = Add my idea

## notes
notes-on-phone = The facilitator is capturing notes, decisions and actions.
