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
time-up = Mae'r amser ar ben
time-left = Amser ar ôl:
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
