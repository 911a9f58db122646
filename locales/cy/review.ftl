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
