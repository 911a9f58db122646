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
review-title = Review
review-no-sessions = No sessions yet.
review-series = Series
review-started = — started { $date }
review-series-on-one-page = The series on one page
review-sessions-in-series = Sessions in this series
review-date = Date
review-session = Session
review-attendance = Attendance
review-status = Status
series-title = The series
series-pdf = Download PDF (the series' outcome pack: what each workshop decided, then every result)
series-no-sessions = No sessions in this series.
series-moved = How the priorities moved
series-ratings = Ratings over the series, by team
series-item = Item
series-cabinet-mean = Cabinet mean
series-management-mean = Management mean
series-other-link = This review link opens another series' pages, not this one. Open the link you were sent for this series.
highlight-dots = { $n ->
    [one] { $option } (1 dot)
   *[other] { $option } ({ $n } dots)
}
highlight-points = { $option } ({ $n } points)
highlight-mean = { $option } — mean { $mean }
