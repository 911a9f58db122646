# The agenda editor (Prepare the agenda) and the run-sheet.
back-to-console = Back to the session's console
prepare-heading = Prepare the agenda: { $title }
prepare-hint = Tailor each activity to the council, then save. Activities already opened in the room cannot change; the others can be edited, moved, copied or removed.
prepare-welsh-missing = { $n ->
    [one] 1 text of this agenda has no Welsh yet: the projector shows it in English. Its Welsh field below is empty.
   *[other] { $n } texts of this agenda have no Welsh yet: the projector shows them in English. Their Welsh fields below are empty.
}
prepare-add-kind = Add an activity of this kind
prepare-add-activity = Add activity
prepare-save = Save the agenda
template-title = Save as a template
template-hint = Keeps this agenda, as it is on screen, for other councils' sessions: it appears in the console's list of workshops.
template-name = Template name
template-save = Save as template

## One activity
prepare-activity = Activity
prepare-of-activity = activity { $n }
prepare-locked = Already opened in the room, so it cannot change now.
prepare-title = Title
prepare-prompt = Question put to the room
prepare-notes = Your notes (private: on the console and the run-sheet only)
prepare-minutes = Minutes (for the timer)
prepare-anonymous = Anonymous: answers are never linked to names
prepare-from = Bring in the results of an earlier activity (optional)
prepare-from-hint = Its short name: an activity of this workshop, e.g. mandate, or of an earlier workshop in the series, e.g. w1-cabinet.priorities. What the room chose there comes first, then the options below.
prepare-take = Carry only the top (optional)
prepare-no-options = None yet.
prepare-options-carried = Options carried in arrive when the activity opens, if the earlier activity has results; add your own here to be sure.
prepare-add-one = Add at least one.
prepare-move-up = Move up
prepare-move-down = Move down
prepare-copy-suffix = (copy)
prepare-duplicate = Duplicate
prepare-remove = Remove
prepare-up = Up
prepare-down = Down

## The kinds, as the editor and the run-sheet name them
kind-poll = Quick poll
kind-agreement = Agreement statements
kind-notes = Notes, decisions and actions
kind-rating = Rating
kind-role-map = Role map (who leads)
kind-rank = Ranking
kind-matrix = Two-axis matrix
kind-ideas = Ideas
kind-dots = Dot vote

## What a kind calls one of its options
item-option = Option
item-statement = Statement
item-responsibility = Responsibility
item-item = Item
items-option = Options
items-statement = Statements
items-responsibility = Responsibilities
items-item = Items
add-item-option = Add an option
add-item-statement = Add a statement
add-item-responsibility = Add a responsibility
add-item-item = Add an item

## A kind's own settings
setting-max-choices = Most options each person may choose (1 if empty)
setting-x-axis = Across: what it measures, low to high
setting-y-axis = Up: what it measures, low to high
setting-max-ideas = Ideas each person may offer
setting-max-chars = Longest idea (characters)
setting-dots = Dots each person has
setting-max-per-option = Most dots on one option

## The run-sheet
runsheet-heading = Run-sheet: { $title }
runsheet-activities = { $n ->
    [one] 1 activity
   *[other] { $n } activities
}
runsheet-minutes = { $n ->
    [one] 1 minute planned
   *[other] { $n } minutes planned
}
runsheet-misread = “{ $start }” is not a time of day (use HH:MM, such as 09:30), so the times start at 09:30.
runsheet-start = Start time
runsheet-show-times = Show the times
runsheet-plan = The plan, from { $from } to { $to }
runsheet-time = Time
runsheet-no-time = no time planned
runsheet-anonymous = anonymous
