# The organiser's review pages.
review-line = { $workshop } · { $date } · code { $code } · { $status }
review-status-live = live
review-status-ended = ended
review-exports = Exports
review-pdf = Download PDF (the outcome pack)
review-markdown = Report (Markdown)
review-csv = Ballots (CSV)
review-json = Results (JSON)
review-transcript = Full transcript (JSONL)
review-nothing-decided = Nothing was agreed or decided in this session.
review-not-run = Not run in this session.
review-planned = Planned { $minutes } minutes
review-no-time = No time planned
review-open-for = { $minutes ->
    [0] ; voting was open for less than a minute.
    [one] ; voting was open for 1 minute.
   *[other] ; voting was open for { $minutes } minutes.
}
review-show-timeline = Show the minute-by-minute timeline
