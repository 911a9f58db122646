# What every page shares.
page-title = { $page } · topteam
skip-to-main = Skip to main content
language-switch = Language
accessibility-statement = Accessibility statement
refused-title = Refused
refused-heading = That did not work
refused-go-home = Go to topteam's own page
refused-try-again = and try again from there.
team-cabinet = Cabinet
team-management = Management team
team-observer = Observer
