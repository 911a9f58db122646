# Tudalennau adolygu'r trefnydd.
review-line = { $workshop } · { $date } · cod { $code } · { $status }
review-status-live = yn fyw
review-status-ended = wedi dod i ben
review-exports = Allforion
review-pdf = Lawrlwytho PDF (y pecyn canlyniadau)
review-markdown = Adroddiad (Markdown)
review-csv = Pleidleisiau (CSV)
review-json = Canlyniadau (JSON)
review-transcript = Trawsgrifiad llawn (JSONL)
review-nothing-decided = Ni chytunwyd nac ni phenderfynwyd dim yn y sesiwn hon.
review-not-run = Heb ei gynnal yn y sesiwn hon.
review-planned = Wedi'i gynllunio am { $minutes } munud
review-no-time = Dim amser wedi'i gynllunio
review-open-for = { $minutes ->
    [0] ; roedd y bleidlais ar agor am lai na munud.
    [one] ; roedd y bleidlais ar agor am 1 munud.
   *[other] ; roedd y bleidlais ar agor am { $minutes } munud.
}
review-show-timeline = Dangos y llinell amser fesul munud
review-title = Adolygu
review-no-sessions = Dim sesiynau eto.
review-series = Cyfres
review-started = — dechreuwyd { $date }
review-series-on-one-page = Y gyfres ar un dudalen
review-sessions-in-series = Sesiynau yn y gyfres hon
review-date = Dyddiad
review-session = Sesiwn
review-attendance = Presenoldeb
review-status = Statws
series-title = Y gyfres
series-pdf = Lawrlwytho PDF (pecyn canlyniadau'r gyfres: yr hyn a benderfynodd pob gweithdy, yna pob canlyniad)
series-no-sessions = Dim sesiynau yn y gyfres hon.
series-moved = Sut y symudodd y blaenoriaethau
series-ratings = Sgorau dros y gyfres, fesul tîm
series-item = Eitem
series-cabinet-mean = Cymedr y cabinet
series-management-mean = Cymedr y tîm rheoli
series-other-link = Mae'r ddolen adolygu hon yn agor tudalennau cyfres arall, nid hon. Agorwch y ddolen a anfonwyd atoch ar gyfer y gyfres hon.
highlight-dots = { $n ->
    [zero] { $option } (dim dot)
    [one] { $option } (1 dot)
    [two] { $option } (2 ddot)
   *[other] { $option } ({ $n } dot)
}
highlight-points = { $option } ({ $n } pwynt)
highlight-mean = { $option } — cymedr { $mean }
