# Canlyniadau fel y mae ffonau, y consol a'r tudalennau adolygu yn eu dangos.

## shared table
answers-from = { $n ->
    [zero] atebion gan neb
    [one] atebion gan 1 person
    [two] atebion gan 2 berson
   *[other] atebion gan { $n } o bobl
}
table-by-option = { $caption } fesul dewis ({ $answers })
column-option = Dewis
column-all = Pawb
team-hidden = cuddiwyd: mae gan dîm lai na { $least } pleidlais
item-hidden = rhy ychydig o atebion i'w dangos
item-hidden-team = cuddiwyd: rhy ychydig o atebion mewn tîm
heading-cabinet = Cabinet
heading-management = Rheoli

## dots
dots-caption = Dotiau
dots-index = Mynegai cytundeb rhwng y cabinet a'r tîm rheoli:
not-available = d/b
dots-reading-none = Dim digon o ddotiau gan y ddau dîm i'w cymharu.
dots-reading-strong = Gorgyffwrdd cryf: rhoddodd y ddau dîm eu dotiau yn yr un mannau, fwy neu lai.
dots-reading-broad = Gorgyffwrdd eang, gyda rhai gwahaniaethau pwyslais.
dots-reading-partial = Gorgyffwrdd rhannol: mae'r timau'n rhannu rhai blaenoriaethau ond nid eraill.
dots-reading-different = Blaenoriaethau gwahanol: rhoddodd y timau eu dotiau mewn mannau gwahanol.

## rank
rank-caption = Pwyntiau (y lle cyntaf sy'n sgorio fwyaf)
rank-teams = Y cabinet a'r tîm rheoli:
rank-tau = (tau Kendall { $tau })
rank-tau-none = dim ar gael
rank-reading-none = Dim digon o bleidleisiau gan y ddau dîm i'w cymharu.
rank-reading-strong = Cytundeb cryf: rhoddodd y ddau dîm y blaenoriaethau yn yr un drefn, fwy neu lai.
rank-reading-some = Peth cytundeb: mae'r timau'n rhannu sawl blaenoriaeth ond yn trefnu eraill yn wahanol.
rank-reading-little = Ychydig o gytundeb: nid yw'r ddwy drefn yn perthyn i'w gilydd ryw lawer. Gwerth ei drafod.
rank-reading-opposite = Safbwyntiau croes: yr hyn y mae un tîm yn ei roi gyntaf, mae'r llall yn ei roi olaf.

## role_map
role-caption = Pwy sy'n arwain: aelodau / ar y cyd / swyddogion ({ $answers })
role-responsibility = Cyfrifoldeb
role-room-places = Lle mae'r ystafell yn ei osod
role-not-placed = heb ei osod
role-alike = Mae'r ddau dîm yn gosod pob cyfrifoldeb yn yr un modd, fwy neu lai.
role-differ = Mae'r timau'n gweld y rhain yn wahanol (0 = aelodau'n arwain, 2 = swyddogion yn arwain):
role-means = y cabinet { $cabinet }, y tîm rheoli { $management }

## agreement
agreement-version = Fersiwn { $version } (wedi'i ddiwygio)
agreement-answers-hidden = Atebion: { $why }.
agreement-answered = Atebwyd gan { $answered } o { $voters } pleidleisiwr.
agreement-agree = Cytuno
agreement-live-with = gallu byw gydag ef
agreement-object = gwrthwynebu
agreement-consent = Mae cydsyniad.
agreement-no-consent = Dim cydsyniad eto.
agreement-outcome = Canlyniad:
agreement-reasons = Rhesymau dros wrthwynebu
agreement-earlier = Fersiynau cynharach
agreement-not-counted = heb eu cyfrif: dim ond yr atebion i'r geiriad terfynol y mae pleidlais ddienw yn eu cadw
agreement-earlier-counts = cytuno { $agree }, gallu byw gydag ef { $live_with }, gwrthwynebu { $object }
outcome-open = Ar agor
outcome-agreed = Cytunwyd
outcome-agreed-amended = Cytunwyd gyda diwygiadau
outcome-not-agreed = Heb gytuno

## rating
rating-caption = Sgôr gymedrig allan o 5 (gwasgariad)
rating-none = dim sgorau

## poll
poll-caption = Pleidleiswyr yn dewis pob dewis (cyfran y pleidleiswyr)
poll-no-votes = dim pleidleisiau

## matrix
matrix-caption = Safle cymedrig 1 i 5 (ar draws: { $x }; i fyny: { $y })
matrix-cell = ar draws { $x }, i fyny { $y } (n={ $n })
matrix-not-placed = heb ei osod
matrix-differ = Lle mae'r timau'n gwahaniaethu fwyaf
matrix-gap = { $item }: mae pwyntiau'r timau { $gap } pwynt graddfa ar wahân

## ideas
ideas-listed = { $ideas ->
    [zero] Dim syniad
    [one] 1 syniad
    [two] 2 syniad
   *[other] { $ideas } syniad
} gan { $people ->
    [zero] neb
    [one] 1 person
    [two] 2 berson
   *[other] { $people } o bobl
}
ideas-set-aside = ({ $n } arall wedi'u cuddio neu eu cyfuno gan yr hwylusydd)
ideas-merged = +{ $n } wedi'u cyfuno

## notes
notes-brought-forward = Wedi'u dwyn ymlaen
note-note = Nodyn
note-decision = Penderfyniad
note-action = Cam gweithredu
note-by = erbyn { $date }

## agreement fields (the built-in scripts' performance agreements)
field-outcome = Canlyniad
field-measure = Mesur
field-target = Targed
field-lead-member = Aelod arweiniol
field-lead-officer = Swyddog arweiniol
field-reporting-rhythm = Amlder adrodd
field-forum = Fforwm

## where a carried option came from
carried-from = Yn dod o: { $origin }
planned-for = Wedi'i gynllunio ar gyfer: { $workshop } (heb ei ddewis yn y gyfres hon)

## charts on the console and review pages
chart-dots = Cyfran dotiau pob tîm (%)
chart-poll = Cyfran pleidleiswyr pob tîm (%)
chart-rank = Pwyntiau cyfartalog y pen (mae'r lle cyntaf yn sgorio { $top })
chart-rating = Sgôr gymedrig fesul tîm (allan o 5)
review-brand = adolygu topteam
review-console = Consol
