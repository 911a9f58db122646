# A script's problems, as the agenda editor, the API and `topteam check` say them.
check-too-long = may be at most { $n } characters
check-hidden-characters = has characters that cannot be shown (control, bidi or zero-width: { $chars }); retype it
check-empty = must not be empty
check-bad-id = must be 1 to { $n } letters, digits, '-' or '_' (no spaces, '.' or '/'), not { $id }
check-no-groups = name at least one group that may join
check-at-least-one = must be at least 1
check-group-size-anonymous = must be at least { $n } when an activity is anonymous: a tally of one or two answers is those people's answers
check-no-activities = the agenda needs at least one activity
check-too-many-activities = an agenda has at most { $n } activities
check-duplicate-activity = duplicate activity id { $id }
check-too-many-options = an activity has at most { $n } options
check-too-many-fields = at most { $n } fields
check-duplicate-option = duplicate option id { $id }
check-same-wording = the same wording as option { $n }: change one, or remove it
check-not-a-field = is not one of the activity's fields
check-setting-not-for-kind = a { $kind } activity has no `{ $setting }`
check-setting-unknown = a { $kind } activity has no `{ $setting }` (its own settings: { $own })
check-must-be-number = must be a whole number
check-must-be-text = must be text
check-from-later = { $from } comes later in the agenda; `from` must name an earlier activity
check-from-unknown = there is no activity { $from } in this script
check-cannot-supply = a { $kind } activity cannot supply options
check-not-understood = { $words }

## Links to earlier workshops
check-no-workshop = there is no workshop script { $workshop }
check-same-workshop = use the activity id alone for this workshop
check-no-activity-in = workshop { $workshop } has no activity { $activity }

## Each kind's own
check-needs-options = this activity ({ $kind }) needs options, or the results of an earlier activity brought in
check-takes-no-options = this activity ({ $kind }) takes no options
check-dots-missing = say how many dots each person has
check-budget-at-least-one = the budget must be at least 1
check-cap-over-budget = is more than the { $n } dots each person has
check-ideas-limits = limits must be at least 1
check-ideas-chars = ideas may be at most { $n } characters
check-x-axis = name what the across axis measures, e.g. how well we deliver it today
check-y-axis = name what the up axis measures, e.g. how much it matters
check-notes-no-options = notes take no options; `from` brings forward an earlier step's decisions and actions
check-notes-not-anonymous = notes are the facilitator's; they cannot be anonymous
check-choices-over-options = is more than the { $n } options

## A session's script, edited on the day; templates
check-workshop-stays = stays { $id }: a session's workshop cannot change
check-group-size-stays = stays { $n }: an anonymous vote has already opened in this session
check-on-screen = “{ $title }” is on the screen now; go to another activity before removing it
check-template-id = use 1 to 60 lower-case letters, digits and dashes
check-template-id-must-be = must be { $id }, the template being replaced
