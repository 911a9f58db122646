# The record: report.md and the printed pack, in the session's language.
report-line = { $workshop } · { $date } · code { $code } · { $events } events
report-who-took-part = Who took part
report-team = Team
report-people = People
report-names = Names
report-notes = Notes, decisions and actions
report-none-recorded = None recorded.
report-owner-due = (owner: { $owner }, due { $due })
report-timeline = Timeline (UK time)
report-anonymous = Anonymous: ballots are linked to pseudonyms, never names.
report-still-open = Voting is still open: an anonymous vote's results are counted once it closes.
report-too-few = Too few ballots to show: an anonymous vote's results are shown only once enough people have voted that no one's answers can be picked out.
report-ballots = Ballots: { $n }
report-not-on-roster = (not on the roster)
report-counted-from = Answers counted from { $n } people: { $names }.
md-team-hidden = hidden: a team has fewer than { $least }
md-option = Option
md-option-borda = Option (Borda points)
md-responsibility = Responsibility (members / joint / officers)
md-item-mean-sd = Item (mean ± sd)
md-option-share = Option (voters, share)
md-item-mean = Item (mean across, up)
md-dots-index = Agreement index between the teams: { $index }. { $reading }
md-rank-tau = Agreement between the teams (Kendall's tau): { $tau }. { $reading }
md-contested = Contested (0 = members lead, 2 = officers lead):
md-contested-item = { $item }: cabinet { $cabinet }, management { $management }
md-agreement-counts = agree { $agree }, can live with it { $live_with }, object { $object }
md-objection = objection: { $reason }
md-version-not-counted = version { $version } (amended): “{ $text }”: not counted (an anonymous vote keeps only the answers to the final wording)
md-version-counts = version { $version } (amended): “{ $text }”: agree { $agree }, live with { $live_with }, object { $object }
md-axes = Across: { $x }. Up: { $y }. Both 1 to 5.
md-grid-key = Grid key: { $key }.
md-grid-marks = On the grid: cabinet a filled circle, management an open square, everyone an open circle.
md-differ-most = Where the teams differ most:
md-gap = { $item }: { $gap } scale points apart
md-brought-forward = Brought forward:
decided-top-priorities = Top priorities
decided-chosen = Chosen, most first

## the printed pack's own words
pack-page = Page
pack-of = of
pack-nothing-decided = Nothing was agreed or decided.
pack-agreed-statements = Agreed statements, in their final wording
pack-golden-rope-column = Golden rope
pack-as-agreed = As agreed
pack-decisions = Decisions
pack-actions = Actions
pack-action = Action
pack-owner = Owner
pack-due = Due
pack-nobody-named = Nobody named.
pack-matrix-alt = A grid of each item's mean placing by team, numbered as in the grid key; the table below gives the same figures.
pack-amendments-intro = Each statement the facilitator amended after the room had answered it: its final wording first, then each earlier wording, what it said where it differs, and the answers it had when it was amended.
pack-what-decided = What was decided
pack-who-took-part = Who took part
pack-results = Results
pack-notes = Notes
pack-appendix-amendments = Appendix: amendments
pack-appendix-timeline = Appendix: timeline (UK time)
pack-outcome-of = { $n ->
    [one] The outcome of 1 workshop
   *[other] The outcome of { $n } workshops
}
pack-golden-rope = The golden rope
pack-golden-rope-intro = What each workshop decided, in the order they met.
pack-all-actions = All actions
pack-workshop = Workshop
pack-amendments = Amendments
pack-dates = { $first } to { $last }
amend-version = Version { $version }
amend-not-counted = not counted: an anonymous vote keeps only the answers to the final wording
amend-counts = agree { $agree }, can live with it { $live_with }, object { $object }
