# Results as phones, the console and review pages show them.

## shared table
answers-from = { $n ->
    [one] answers from 1 person
   *[other] answers from { $n } people
}
table-by-option = { $caption } by option ({ $answers })
column-option = Option
column-all = All
team-hidden = hidden: a team has fewer than { $least } ballots
item-hidden = too few answers to show
item-hidden-team = hidden: too few answers in a team
heading-cabinet = Cabinet
heading-management = Manage{"\u00AD"}ment

## dots
dots-caption = Dots
dots-index = Agreement index between cabinet and management:
not-available = n/a
dots-reading-none = Not enough dots from both teams to compare.
dots-reading-strong = Strong overlap: the two teams put their dots in much the same places.
dots-reading-broad = Broad overlap, with some differences of emphasis.
dots-reading-partial = Partial overlap: the teams share some priorities but not others.
dots-reading-different = Different priorities: the teams put their dots in different places.

## rank
rank-caption = Points (first place scores most)
rank-teams = Cabinet and management:
rank-tau = (Kendall's tau { $tau })
rank-tau-none = not available
rank-reading-none = Not enough ballots from both teams to compare.
rank-reading-strong = Strong agreement: the two teams put the priorities in much the same order.
rank-reading-some = Some agreement: the teams share several priorities but order others differently.
rank-reading-little = Little agreement: the two orders are largely unrelated. Worth talking through.
rank-reading-opposite = Opposite views: what one team puts first, the other puts last.

## role_map
role-caption = Who leads: members / joint / officers ({ $answers })
role-responsibility = Responsibility
role-room-places = The room places it
role-not-placed = not placed
role-alike = The two teams place every responsibility in much the same way.
role-differ = The teams see these differently (0 = members lead, 2 = officers lead):
role-means = cabinet { $cabinet }, management { $management }

## agreement
agreement-version = Version { $version } (amended)
agreement-answers-hidden = Answers: { $why }.
agreement-answered = Answered by { $answered } of { $voters } voters.
agreement-agree = Agree
agreement-live-with = can live with it
agreement-object = object
agreement-consent = Consent holds.
agreement-no-consent = No consent yet.
agreement-outcome = Outcome:
agreement-reasons = Reasons for objecting
agreement-earlier = Earlier versions
agreement-not-counted = not counted: an anonymous vote keeps only the answers to the final wording
agreement-earlier-counts = agree { $agree }, live with { $live_with }, object { $object }
outcome-open = Open
outcome-agreed = Agreed
outcome-agreed-amended = Agreed with amendments
outcome-not-agreed = Not agreed

## rating
rating-caption = Mean score out of 5 (spread)
rating-none = no scores

## poll
poll-caption = Voters choosing each option (share of voters)
poll-no-votes = no votes

## matrix
matrix-caption = Mean placing 1 to 5 (across: { $x }; up: { $y })
matrix-cell = across { $x }, up { $y } (n={ $n })
matrix-not-placed = not placed
matrix-differ = Where the teams differ most
matrix-gap = { $item }: the teams’ points are { $gap } scale points apart

## ideas
ideas-listed = { $ideas ->
    [one] 1 idea
   *[other] { $ideas } ideas
} from { $people ->
    [one] 1 person
   *[other] { $people } people
}
ideas-set-aside = ({ $n } more hidden or merged by the facilitator)
ideas-merged = +{ $n } merged

## notes
notes-brought-forward = Brought forward
note-note = Note
note-decision = Decision
note-action = Action
note-by = by { $date }

## agreement fields (the built-in scripts' performance agreements)
field-outcome = Outcome
field-measure = Measure
field-target = Target
field-lead-member = Lead member
field-lead-officer = Lead officer
field-reporting-rhythm = Reporting rhythm
field-forum = Forum

## where a carried option came from
carried-from = From { $origin }
planned-for = Planned for { $workshop } (not chosen in this series)

## charts on the console and review pages
chart-dots = Share of each team’s dots (%)
chart-poll = Share of each team’s voters (%)
chart-rank = Average points per person (first place scores { $top })
chart-rating = Mean score by team (out of 5)
review-brand = topteam review
review-console = Console
