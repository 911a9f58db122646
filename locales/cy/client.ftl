# Negeseuon sgriptiau'r dudalen (mae static/app/words.js yn eu darllen).
connected = Wedi cysylltu
connection-lost = Collwyd y cysylltiad. Yn ailgysylltu…
connection-lost-vote = Collwyd y cysylltiad. Yn ailgysylltu; anfonir eich pleidlais pan fyddwn yn ôl.
offline = All-lein. Anfonir hyn pan fyddwn yn ailgysylltu.
offline-vote = All-lein. Anfonir eich pleidlais pan fyddwn yn ailgysylltu.
stopped-here = Mae'r dudalen hon ar agor mewn tab arall neu ar ddyfais arall, felly mae wedi stopio yma. Ail-lwythwch i'w defnyddio yma yn lle hynny.
removed-heading = Rydych wedi cael eich tynnu o'r sesiwn hon
removed-text = Tynnodd yr hwylusydd y ffôn hwn. Os byddant yn gadael i chi ddod yn ôl, ail-lwythwch y dudalen hon.
done = Wedi'i wneud.
saving = Yn cadw…
not-saved-yet = Heb ei gadw eto.
not-sent-stopped = Heb ei anfon: mae'r dudalen hon wedi stopio, gan ei bod ar agor mewn tab arall neu ar ddyfais arall. Ail-lwythwch hi i ateb yma.
vote-saved = Mae eich pleidlais wedi'i chadw.
answers-so-far = Mae eich atebion hyd yma wedi'u cadw: rydych wedi ateb { $n } o { $of }. Atebwch y gweddill i gwblhau eich pleidlais.
closed-before-saved = Caeodd y bleidlais cyn i chi gadw. Yr hyn yr oeddech wedi'i ddewis ond heb ei gadw, na chafodd ei gyfrif:
too-many-characters = { $over } nod yn ormod: byrhewch ef (dim mwy na { $max }).
write-minutes = Ysgrifennwch y munudau, fel 5, neu 2:30 am ddau funud a hanner.
choose-answer-first = Dewiswch ateb yn gyntaf.
nothing-sent-fix = { $n ->
    [one] Nid anfonwyd dim eto: mae angen sylw ar un ateb, wrth ei ymyl. Mae eich atebion yn mynd gyda'i gilydd unwaith y caiff ei gywiro.
   *[other] Nid anfonwyd dim eto: mae angen sylw ar { $n } ateb, wrth ymyl pob un. Mae eich atebion yn mynd gyda'i gilydd unwaith y cânt eu cywiro.
}
answers-need-attention = { $n ->
    [one] Mae angen sylw ar un ateb: gweler y neges wrth ei ymyl.
   *[other] Mae angen sylw ar { $n } ateb: gweler y neges wrth ymyl pob un.
}
answers-not-saved = { $n ->
    [one] Ni chadwyd un ateb: gweler y neges wrth ei ymyl. Mae eich atebion eraill wedi'u cadw.
   *[other] Ni chadwyd { $n } ateb: gweler y neges wrth ymyl pob un. Mae eich atebion eraill wedi'u cadw.
}
statement-amended-note = Diwygiwyd: mae geiriad newydd i'r datganiad hwn. Darllenwch ef ac atebwch eto, os gwelwch yn dda.
statement-amended-answer-again = Diwygiwyd datganiad ers i chi ateb. Atebwch ef eto, os gwelwch yn dda.
reason-needed = Dywedwch pam rydych yn gwrthwynebu, er mwyn i'r ystafell allu ei ddiwygio.
reason-too-long = Mae eich rheswm yn hwy na { $max } nod: byrhewch ef.
ideas-so-far = Eich syniadau hyd yma:
ideas-offered = { $n ->
    [zero] Nid ydych wedi cynnig syniad.
    [one] Rydych wedi cynnig 1 syniad.
    [two] Rydych wedi cynnig 2 syniad.
   *[other] Rydych wedi cynnig { $n } syniad.
}
ideas-no-more = Dyna gymaint ag y cewch eu cynnig yma.
ideas-another = Gallwch ychwanegu un arall.
idea-counter-over = { $n } o { $max } nod: { $over } yn ormod, byrhewch ef cyn ei anfon
idea-counter = { $n } o { $max } nod
write-idea-first = Ysgrifennwch eich syniad yn gyntaf.
idea-too-long = Mae eich syniad { $over } nod yn rhy hir: byrhewch ef, yna anfonwch ef.
idea-is-in = Mae eich syniad i mewn.
order-not-moved = Nid ydych wedi symud dim: dyma'r drefn y dechreuodd eich ffôn â hi. Rhowch y dewisiadau yn eich trefn chi, neu dewiswch “Cadw'r drefn hon fel fy nhrefn i”.
chosen-too-many = Rydych wedi dewis { $chosen }: dewiswch ddim mwy na { $most }, yna cadwch.
matrix-both-scales = Dewiswch 1 i 5 ar y ddwy raddfa ar gyfer yr eitem hon.
sending = Yn anfon…
dots-count = { $n ->
    [zero] dim dot
    [one] 1 dot
    [two] 2 ddot
   *[other] { $n } dot
}

## Tudalennau'r consol: y ffurflen creu, tudalen y gyfres, golygydd yr agenda
carry-warning-series = Rhybudd: mae { $workshop } yn dwyn blaenoriaethau ymlaen o { $earlier }, nad yw'r gyfres hon wedi'i gynnal, neu heb ei orffen. Felly ei ddewisiadau fydd yr hyn a ddewisodd y gyfres hon cyn hynny, neu gynllun y sgript fel arall, nid yr hyn a ddewisodd y cyngor yno. Dewiswch y gyfres a'i cynhaliodd, neu ewch ymlaen a gwiriwch y dewisiadau cyn eu hagor.
carry-warning-new = Rhybudd: mae { $workshop } yn dwyn blaenoriaethau ymlaen o { $earlier }, nad yw cyfres newydd wedi'i gynnal. Cynllun y sgript fydd ei ddewisiadau, wedi'u marcio fel rhai heb eu dewis, nid yr hyn a ddewisodd cyngor. Dewiswch y gyfres a'i cynhaliodd, neu ewch ymlaen a gwiriwch y dewisiadau cyn eu hagor.
copied = Copïwyd.
copy-failed = Methu copïo: mae'r ddolen wedi'i dewis, pwyswch Ctrl+C.
moved-option = Symudwyd “{ $option }” i safle { $place }.
editor-activity-n = gweithgaredd { $n }
editor-copied = Copïwyd { $title }.
editor-removed = Dilëwyd { $title }.
editor-moved = Symudwyd { $title } i safle { $place }.
editor-the-option = Y dewis
editor-option-removed = Dilëwyd y dewis.
editor-added = Ychwanegwyd gweithgaredd newydd ar y diwedd. Rhowch deitl iddo, yna cadwch.
editor-question-follows = Newidiwyd y cwestiwn a roddir i'r ystafell hefyd: mae bellach yn dweud “{ $words }”.
editor-loading = Mae'r agenda'n dal i lwytho; rhowch gynnig arall arni mewn eiliad.
editor-not-whole-numbers = Ni chadwyd: nid yw rhai rhifau'n rhifau cyfan.
editor-saved = Cadwyd. Mae'r ffonau a'r taflunydd yn defnyddio'r agenda newydd.
editor-problems = { $n ->
    [one] Ni chadwyd: 1 broblem, wedi'i rhestru ar frig y dudalen ac wrth ymyl y maes dan sylw.
    [two] Ni chadwyd: { $n } broblem, wedi'u rhestru ar frig y dudalen ac wrth ymyl y meysydd dan sylw.
    [many] Ni chadwyd: { $n } phroblem, wedi'u rhestru ar frig y dudalen ac wrth ymyl y meysydd dan sylw.
   *[other] Ni chadwyd: { $n } problem, wedi'u rhestru ar frig y dudalen ac wrth ymyl y meysydd dan sylw.
}
editor-unreachable = Ni chadwyd: nid oedd modd cyrraedd y gweinydd. Mae eich newidiadau yma o hyd; rhowch gynnig arall arni.
template-needs-name = Rhowch enw i'r templed sy'n cynnwys llythrennau neu ddigidau.
template-saved = Cadwyd fel y templed “{ $name }”.
not-saved-because = Ni chadwyd: { $why }
server-refused = gwrthododd y gweinydd ef.
not-saved-unreachable = Ni chadwyd: nid oedd modd cyrraedd y gweinydd.
agenda-not-saved = Ni chadwyd yr agenda.
agenda-problems = { $n ->
    [one] Ni chadwyd yr agenda: 1 broblem
    [two] Ni chadwyd yr agenda: { $n } broblem
    [many] Ni chadwyd yr agenda: { $n } phroblem
   *[other] Ni chadwyd yr agenda: { $n } problem
}
whole-number = rhaid iddo fod yn rhif cyfan, 0 neu fwy
deleted-heading = Mae'r sesiwn hon wedi cau
deleted-text = Mae'r hwylusydd wedi dileu'r sesiwn hon, felly does dim rhagor i'w ateb yma. Diolch am gymryd rhan.
deleted-back = Yn ôl at eich sesiynau
