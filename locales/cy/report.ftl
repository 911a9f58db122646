# Y cofnod: report.md a'r pecyn printiedig, yn iaith y sesiwn.
report-line = { $workshop } · { $date } · cod { $code } · { $events } digwyddiad
report-who-took-part = Pwy gymerodd ran
report-team = Tîm
report-people = Pobl
report-names = Enwau
report-notes = Nodiadau, penderfyniadau a chamau gweithredu
report-none-recorded = Dim wedi'u cofnodi.
report-owner-due = (perchennog: { $owner }, erbyn { $due })
report-timeline = Llinell amser (amser y DU)
report-anonymous = Dienw: mae pleidleisiau wedi'u cysylltu â ffugenwau, byth ag enwau.
report-still-open = Mae'r bleidlais yn dal ar agor: caiff canlyniadau pleidlais ddienw eu cyfrif unwaith y bydd yn cau.
report-too-few = Rhy ychydig o bleidleisiau i'w dangos: dim ond pan fydd digon o bobl wedi pleidleisio fel na ellir adnabod atebion neb y dangosir canlyniadau pleidlais ddienw.
report-ballots = Pleidleisiau: { $n }
report-not-on-roster = (nid ar y rhestr)
report-counted-from = Atebion wedi'u cyfrif gan { $n } o bobl: { $names }.
md-team-hidden = cuddiwyd: mae gan dîm lai na { $least }
md-option = Dewis
md-option-borda = Dewis (pwyntiau Borda)
md-responsibility = Cyfrifoldeb (aelodau / ar y cyd / swyddogion)
md-item-mean-sd = Eitem (cymedr ± gwyriad safonol)
md-option-share = Dewis (pleidleiswyr, cyfran)
md-item-mean = Eitem (cymedr ar draws, i fyny)
md-dots-index = Mynegai cytundeb rhwng y timau: { $index }. { $reading }
md-rank-tau = Cytundeb rhwng y timau (tau Kendall): { $tau }. { $reading }
md-contested = Anghytuno (0 = aelodau'n arwain, 2 = swyddogion yn arwain):
md-contested-item = { $item }: y cabinet { $cabinet }, y tîm rheoli { $management }
md-agreement-counts = cytuno { $agree }, gallu byw gydag ef { $live_with }, gwrthwynebu { $object }
md-objection = gwrthwynebiad: { $reason }
md-version-not-counted = fersiwn { $version } (wedi'i diwygio): “{ $text }”: heb ei chyfrif (dim ond yr atebion i'r geiriad terfynol y mae pleidlais ddienw yn eu cadw)
md-version-counts = fersiwn { $version } (wedi'i diwygio): “{ $text }”: cytuno { $agree }, gallu byw gydag ef { $live_with }, gwrthwynebu { $object }
md-axes = Ar draws: { $x }. I fyny: { $y }. Y ddau o 1 i 5.
md-grid-key = Allwedd y grid: { $key }.
md-grid-marks = Ar y grid: y cabinet yn gylch llawn, y tîm rheoli yn sgwâr agored, pawb yn gylch agored.
md-differ-most = Lle mae'r timau'n gwahaniaethu fwyaf:
md-gap = { $item }: { $gap } pwynt graddfa ar wahân
md-brought-forward = Wedi'u dwyn ymlaen:
decided-top-priorities = Prif flaenoriaethau
decided-chosen = Wedi'u dewis, y mwyaf poblogaidd yn gyntaf

## the printed pack's own words
pack-page = Tudalen
pack-of = o
pack-nothing-decided = Ni chytunwyd nac ni phenderfynwyd dim.
pack-agreed-statements = Datganiadau y cytunwyd arnynt, yn eu geiriad terfynol
pack-golden-rope-column = Llinyn aur
pack-as-agreed = Fel y cytunwyd
pack-decisions = Penderfyniadau
pack-actions = Camau gweithredu
pack-action = Cam gweithredu
pack-owner = Perchennog
pack-due = Erbyn
pack-nobody-named = Neb wedi'i enwi.
pack-matrix-alt = Grid o safle cymedrig pob eitem fesul tîm, wedi'u rhifo fel yn allwedd y grid; mae'r tabl isod yn rhoi'r un ffigurau.
pack-amendments-intro = Pob datganiad a ddiwygiodd yr hwylusydd ar ôl i'r ystafell ei ateb: ei eiriad terfynol yn gyntaf, yna pob geiriad cynharach, yr hyn a ddywedai lle mae'n wahanol, a'r atebion a oedd ganddo pan gafodd ei ddiwygio.
pack-what-decided = Yr hyn a benderfynwyd
pack-who-took-part = Pwy gymerodd ran
pack-results = Canlyniadau
pack-notes = Nodiadau
pack-appendix-amendments = Atodiad: diwygiadau
pack-appendix-timeline = Atodiad: llinell amser (amser y DU)
pack-outcome-of = { $n ->
    [zero] Canlyniad dim gweithdai
    [one] Canlyniad 1 gweithdy
    [two] Canlyniad 2 weithdy
   *[other] Canlyniad { $n } gweithdy
}
pack-golden-rope = Y llinyn aur
pack-golden-rope-intro = Yr hyn a benderfynodd pob gweithdy, yn y drefn y cyfarfuont.
pack-all-actions = Pob cam gweithredu
pack-workshop = Gweithdy
pack-amendments = Diwygiadau
pack-dates = { $first } hyd { $last }
amend-version = Fersiwn { $version }
amend-not-counted = heb ei chyfrif: dim ond yr atebion i'r geiriad terfynol y mae pleidlais ddienw yn eu cadw
amend-counts = cytuno { $agree }, gallu byw gydag ef { $live_with }, gwrthwynebu { $object }
