# Consol yr hwylusydd.
room-language = Iaith y taflunydd a'r pecyn canlyniadau
room-language-hint = Mae pob ffôn yn dangos iaith ei ddarllenydd ei hun beth bynnag a ddewiswch.
room-language-en = English (Saesneg)
room-language-cy = Cymraeg
room-language-both = Cymraeg a Saesneg, y Gymraeg yn gyntaf
room-language-set = Gosod yr iaith
room-language-missing = { $n ->
    [zero] Nid oes testun heb Gymraeg.
    [one] Nid oes Cymraeg eto i 1 testun yn yr agenda hon: mae'r taflunydd yn ei ddangos yn Saesneg. Ychwanegwch ef yn Paratoi'r agenda.
   *[other] Nid oes Cymraeg eto i { $n } testun yn yr agenda hon: mae'r taflunydd yn eu dangos yn Saesneg. Ychwanegwch nhw yn Paratoi'r agenda.
}
rename-welsh = Y teitl yn Gymraeg (dewisol: mae ffonau Cymraeg a thaflunydd Cymraeg yn ei ddangos)

## Rhybuddion uwchlaw popeth
console-not-saving = Nid yw pleidleisiau'n cael eu cadw
console-not-saving-why = Methodd yr ymgais ddiwethaf i ysgrifennu trawsgrifiad y sesiwn hon (a yw'r ddisg yn llawn?). Ers hynny, ni ddywedwyd wrth neb fod ei bleidlais wedi'i chadw. Mae topteam yn rhoi cynnig arall arni gyda phob gorchymyn newydd.
console-anonymity-off = Mae pleidleisio dienw wedi'i ddiffodd
console-anonymity-off-why = Nid oes modd darllen cyfrinach ffugenwau'r sesiwn hon ({ $why }). Mae gweithgareddau dienw yn gwrthod pleidleisiau newydd yn hytrach na chyfrif unrhyw un ddwywaith. Adferwch y ffeil o gopi wrth gefn ac ailgychwynnwch topteam; mae gweithgareddau gydag enw yn gweithio fel arfer.

## Statws gweithgaredd
status-not-started = heb ddechrau
status-in-progress = ar y gweill
status-on-screen = ar y sgrin
status-not-opened = heb agor eto
status-voting-open = y bleidlais ar agor
status-closed-hidden = y bleidlais wedi cau, y canlyniadau heb eu dangos
status-closed-shown = y bleidlais wedi cau, y canlyniadau wedi'u dangos

## Y panel Nawr
console-ended = Mae'r sesiwn hon wedi dod i ben: mae ffonau'n dangos diolch, ac mae'r canlyniadau a'r allforion yn aros yn yr adolygiad
console-review-exports = Adolygu ac allforion
console-now = Nawr: { $title }
console-status = ({ $status })
console-status-shown = ({ $status }, y canlyniadau wedi'u dangos)
console-not-started = Heb ddechrau: mae ffonau'n dangos croeso
console-end-confirm = Dod â'r sesiwn hon i ben i bawb? Bydd ffonau'n stopio derbyn pleidleisiau, ac ni ellir ei hailagor.
console-close-empty-confirm = Nid oes neb wedi ateb eto. Cau'r bleidlais beth bynnag?
console-back-to = Yn ôl: { $title }
console-hide-results = Cuddio'r canlyniadau
console-planned-options = Mae { $planned } o'r { $n } dewis hyn yn rhan o gynllun y sgript, heb eu dewis yn y gyfres hon (ni ddewisodd unrhyw weithdy cynharach yn y gyfres hon nhw). Mae'r ffonau a'r taflunydd yn dweud hynny wrth ymyl pob un; newidiwch nhw ar y dudalen Paratoi'r agenda os oes angen.
console-your-notes = Eich nodiadau
console-projector-page = Mae'r taflunydd yn dangos tudalen { $page } o { $pages }.
console-page-previous = Y dudalen flaenorol
console-page-next = Y dudalen nesaf
console-page-first = Yn ôl i dudalen 1

## Botwm y cam nesaf
step-open-first = Agor { $title }
step-next = Nesaf: { $title }
step-end = Dod â'r sesiwn i ben
step-start = Dechrau
step-show = Dangos ar y sgrin
step-open = Agor y bleidlais
step-close = Cau'r bleidlais
step-reveal = Dangos y canlyniadau

## Llwybrau byr bysellfwrdd
shortcuts = Llwybrau byr bysellfwrdd (pwyswch ?)
shortcuts-or = neu
shortcut-next = y cam nesaf (y prif fotwm)
shortcut-back = yn ôl i'r gweithgaredd blaenorol
shortcut-hide = cuddio canlyniadau sy'n cael eu dangos
shortcut-timer = dechrau neu oedi'r amserydd
shortcut-page = tudalen nesaf y taflunydd, pan fo tudalennau i'r hyn y mae'n ei ddangos (ar ôl yr olaf, y gyntaf)
shortcut-list = dangos neu guddio'r rhestr hon
shortcuts-hint = Mae'r llwybrau byr yn gweithio pan nad ydych yn teipio mewn blwch.

## Y lobi
lobby-waiting = { $n ->
    [one] 1 yn aros i gael dod i mewn
   *[other] { $n } yn aros i gael dod i mewn
}
lobby-admit-all = Gadael { $n } sy'n aros i mewn
lobby-all-held = { $n ->
    [one] Wedi'i ddal am reswm: gweler Pobl isod.
   *[other] Pob un wedi'i ddal am reswm: gweler Pobl isod.
}
lobby-some-held = O'r rhain, mae { $n } wedi'u dal am reswm: gweler Pobl isod.

## Pwy sydd heb ateb
not-yet-anonymous-ideas = Syniadau dienw: ni ddangosir pwy sydd wedi cynnig un, gan y byddai hynny'n datgelu syniad pwy yw pob un.
not-yet-everyone-voted = Mae pawb yn yr ystafell wedi pleidleisio.
not-yet-everyone-offered = Mae pawb yn yr ystafell wedi cynnig syniad.
not-yet-voted = Heb bleidleisio eto ({ $n }):
not-yet-offered = Heb gynnig syniad eto ({ $n }):

## Yr amserydd
timer-none = Nid oes amser wedi'i osod ar gyfer y gweithgaredd hwn.
timer-pause = Oedi'r amserydd
timer-start = Dechrau'r amserydd
timer-add-minute = Ychwanegu munud
timer-reset = Ailosod yr amserydd
timer-set = Gosod yr amserydd
timer-minutes = Munudau
timer-minutes-hint = Er enghraifft 5, neu 2:30 am ddau funud a hanner.
timer-start-from = Dechrau o'r amser hwn

## Yr agenda
agenda = Agenda
agenda-voted = { $n } wedi pleidleisio
agenda-in-progress = { $n } ar y gweill
agenda-go-to = Mynd i
agenda-open = Agor
agenda-start = Dechrau
agenda-close = Cau
agenda-reopen = Ailagor
agenda-show-results = Dangos y canlyniadau
rerun = Ei gynnal eto
rerun-why = Dienw ac wedi'i gyfrif, felly ni ellir ei ailagor: byddai un ateb arall yn cael ei ddatgelu.
rerun-confirm = Cynnal “{ $title }” eto? Daw copi newydd ar ei ôl i bawb ei ateb o'r newydd; mae'r canlyniadau hyn yn aros fel y maent. Gorau oll os yw'r ystafell fel yr oedd: os oes rhywun wedi gadael neu gyrraedd, gallai cymharu'r ddau ganlyniad ddatgelu ei atebion.

## Nodiadau, penderfyniadau a chamau gweithredu
notes-title = Nodiadau, penderfyniadau a chamau gweithredu
notes-due = erbyn { $date }
notes-note-or-decision = Nodyn neu benderfyniad
notes-kind = Math
notes-add = Ychwanegu
notes-owner = Perchennog
notes-due-date = Erbyn pryd (dyddiad, dewisol)
notes-add-action = Ychwanegu cam gweithredu

## Pobl
people-title = Pobl ({ $n } yn yr ystafell)
people-waiting = { $n } yn aros i chi adael iddynt ddod i mewn.
people-waiting-how = Gadewch bob un i mewn isod, neu'r rhai nad ydynt wedi'u dal gyda'r botwm ar y brig.
people-came-with-card = daeth gyda'i gerdyn
people-waiting-word = yn aros
people-erased = dilëwyd yr enw ar gais y person
people-removed = wedi'i dynnu allan
people-let-back-in = Gadael yn ôl i mewn
people-admit = Gadael i mewn
people-admit-as = neu adael i mewn fel
people-someone-on-roster = rhywun ar y rhestr…
people-admit-as-them = Gadael i mewn fel y person hwnnw
people-remove = Tynnu allan
people-remove-confirm = Tynnu { $name } o'r sesiwn hon? Bydd ei ffôn yn stopio gweithio yma a bydd ei bleidleisiau gydag enw yn peidio â chyfrif.
people-turn-away-confirm = Gwrthod y ffôn hwn sy'n aros (rhoddodd yr enw { $name })? Nid effeithir ar unrhyw un sydd eisoes wedi cael dod i mewn o dan yr enw hwnnw.
people-never-let-in = heb gael dod i mewn erioed
people-erase = Dileu'r enw
people-erase-confirm = Dileu enw a theitl swydd { $name } o'r gyfres hon, o'i hallforion ac o'r ffeiliau ar y gweinydd? Mae ei atebion yn dal i gyfrif, wedi'u dangos fel “Participant N”. Ni ellir dadwneud hyn.
people-not-here = Heb gyrraedd eto ({ $absent } o'r { $n } a ddisgwylir o'r rhestr)
people-all-here = Mae pawb ar y rhestr yma.

## Gosodiadau'r sesiwn hon
settings-title = Y sesiwn hon
session-title-field = Y teitl a ddangosir i'r ystafell
settings-rename = Ailenwi
settings-archived = Wedi'i harchifo: wedi'i chuddio o restr sesiynau'r consol, ond yn dal yn yr adolygiad.
settings-unarchive = Tynnu o'r archif
settings-archive = Archifo'r sesiwn hon
settings-archive-hint = Mae'n ei chuddio o restr y consol; mae'r adolygiad yn ei chadw.
end-title = Dod â'r sesiwn i ben
end-hint = Wedyn bydd ffonau'n dangos diolch ac ni fyddant yn derbyn rhagor o bleidleisiau. Mae'r canlyniadau a'r allforion yn aros.
end-button = Dod â'r sesiwn i ben

## Offer pob math o weithgaredd: diwygio datganiadau, cymedroli syniadau
amend-title = Diwygio datganiad
amend-statement = Datganiad { $n }
amend-button = Diwygio
ideas-title = Syniadau
ideas-sealed = { $n ->
    [zero] Dim syniad hyd yma. Dangosir syniadau dienw gyda'i gilydd pan fyddwch yn cau hyn, heb unrhyw drefn benodol, fel na all neb ddweud pa syniad sy'n perthyn i bwy.
    [one] 1 syniad hyd yma. Dangosir syniadau dienw gyda'i gilydd pan fyddwch yn cau hyn, heb unrhyw drefn benodol, fel na all neb ddweud pa syniad sy'n perthyn i bwy.
   *[other] { $n } syniad hyd yma. Dangosir syniadau dienw gyda'i gilydd pan fyddwch yn cau hyn, heb unrhyw drefn benodol, fel na all neb ddweud pa syniad sy'n perthyn i bwy.
}
ideas-too-few = Roedd rhy ychydig o bobl wedi cynnig syniadau i'w dangos yn ddienw (mae angen o leiaf { $n }). Gallwch ei agor eto i gael rhagor.
ideas-other-idea = syniad arall
ideas-hidden = wedi'i guddio
ideas-show = Dangos
ideas-hide = Cuddio
ideas-merged-into = wedi'i gyfuno â'r syniad “{ $idea }”
ideas-edit = Golygu
ideas-wording = Geiriad
ideas-save-wording = Cadw'r geiriad
ideas-merge-idea = Cyfuno syniad
ideas-merge-into = â'r syniad
ideas-merge = Cyfuno

## Tudalennau'r consol: mewngofnodi, rhestr y sesiynau, un sesiwn
console-title = Consol
console-brand = consol topteam
log-out = Allgofnodi
log-in = Mewngofnodi
login-heading = Mewngofnodi fel hwylusydd
login-key = Allwedd yr hwylusydd
login-key-hint = Caiff ei hargraffu pan fydd y gweinydd yn dechrau (a'i chadw yn admin.key yn ffolder y data, oni bai bod pwy bynnag a'i dechreuodd wedi gosod un).
login-other-site = Anfonwyd y ffurflen fewngofnodi hon o wefan arall. Agorwch y consol yng nghyfeiriad y gweinydd hwn ei hun a mewngofnodwch yno.
login-too-many = Nid yw'r allwedd honno'n gywir, ac mae llawer o allweddi anghywir wedi dod o'r cyfeiriad hwn: gwiriwch hi'n ofalus (copïwch a gludwch hi os gallwch). Mae'r allwedd gywir bob amser yn gweithio.
login-wrong-key = Nid yw'r allwedd honno'n gywir.
login-not-saved = Nid oedd modd cadw'r mewngofnodi: gwiriwch ffolder data'r gweinydd.
there-is-a-problem = Mae problem
and = a
sessions = Sesiynau
console-series-deleted = Mae'r gyfres a'i sesiynau wedi'u dileu.
console-session-deleted = Mae'r sesiwn wedi'i dileu.
start-session = Dechrau sesiwn
create-workshop = Gweithdy
create-saved-templates = Templedi wedi'u cadw
create-title-example = e.e. Cabinet a Thîm Rheoli Corfforaethol Ashfield, gweithdy 2
create-series = Cyfres
create-series-hint = Mae gweithdai 2 a 3 yn dwyn canlyniadau ymlaen o sesiynau cynharach yn yr un gyfres.
create-new-series = Cyfres newydd
series-named = Cyfres: { $name }
create-series-name = Enw'r gyfres newydd
create-series-name-hint = Ar gyfer cyfres newydd yn unig, e.e. "Uwch-dîm Ashfield 2026". Os caiff ei adael yn wag, caiff y gyfres ei henwi ar ôl y sesiwn.
create-series-name-bad = Mae enw cyfres rhwng 1 a { $limit } nod ar un llinell. Ni chrëwyd sesiwn.
create-session = Creu sesiwn
series-list-hint = Ar dudalen cyfres mae ei rhestr, ei gwahoddiadau, dolenni adolygu i drefnwyr, a'r modd i'w hailenwi neu ei dileu.
series-list-counts = { $people } ar y rhestr, { $sessions ->
    [zero] dim sesiynau
    [one] 1 sesiwn
   *[other] { $sessions } sesiwn
}
all-sessions = Pob sesiwn
no-sessions = Dim sesiynau eto.
sessions-code = cod
sessions-people = { $n ->
    [one] 1 person
    [two] 2 berson
   *[other] { $n } o bobl
}
sessions-live = yn fyw
sessions-ended = wedi dod i ben
sessions-projector = taflunydd
sessions-archived = Sesiynau wedi'u harchifo ({ $n })
sessions-review-page = ei thudalen adolygu
unreachable = Ni all ffonau gyrraedd { $address }
unreachable-why = Mae'r cyfeiriad hwnnw ar gyfer y cyfrifiadur hwn yn unig, felly ni fydd y cod QR yn gweithio ar ffonau. Dechreuwch topteam gyda
unreachable-address = cyfeiriad y cyfrifiadur hwn ar wifi'r lleoliad
unreachable-or = , neu agorwch y consol hwn yn y cyfeiriad hwnnw.
runsheet = Taflen redeg
join-at = Ymunwch yn
join-with-code = gyda'r cod
open-projector = Agor golwg y taflunydd
prepare-agenda = Paratoi'r agenda
roster-invitations = Rhestr a gwahoddiadau
connecting = Yn cysylltu…
series-on-roster = { $n } ar y rhestr
series-by-invitation = ymuno trwy wahoddiad yn unig
series-page-link = Rhestr, cardiau gwahoddiad a dolenni adolygu
delete-session-title = Dileu'r sesiwn hon
delete-session-hint = Mae'n dileu trawsgrifiad y sesiwn hon a phob ateb a roddwyd ynddi, am byth. Lawrlwythwch unrhyw beth sydd ei angen arnoch o'i thudalen adolygu yn gyntaf.
delete-session-type = I gadarnhau, teipiwch ei chod:
delete-session-button = Dileu'r sesiwn

## Gwahoddiadau a dolenni adolygu cyfres
invitations-title = Gwahoddiadau
invitations-no-roster = Rhowch bobl ar restr y gyfres i roi gwahoddiad personol i bob un ohonynt.
invitations-hint = Cerdyn i bob person ar y rhestr, gyda chod QR sy'n gadael iddynt ymuno fel nhw eu hunain a dod i mewn ar unwaith: ni all neb bleidleisio o dan eu henw.
invitations-made = Mae cardiau wedi'u gwneud ar gyfer { $n } o bobl; mae eu gwneud eto yn disodli pob cerdyn.
invitations-replace = Disodli'r cardiau a wnaed eisoes: byddant yn stopio gweithio
invitations-make-new = Gwneud cardiau newydd ar gyfer { $n } o bobl
invitations-make = Gwneud cardiau gwahoddiad ar gyfer { $n } o bobl
invitations-only-on = Trwy wahoddiad yn unig y mae ymuno
invitations-only-on-hint = , ym mhob gweithdy yn y gyfres hon. Mae unrhyw un sy'n teipio enw yn aros i chi adael iddo ddod i mewn.
invitations-only-off = Gall unrhyw un sydd â'r cod ymuno ag enw, ym mhob gweithdy yn y gyfres hon (caiff enw ar y rhestr ei gysylltu, ac mae ail hawliad yn aros amdanoch chi).
invitations-let-join-by-name = Gadael i bobl ymuno ag enw
invitations-only = Gwahoddiadau yn unig
review-links-title = Dolenni adolygu i drefnwyr
review-links-hint = Mae dolen yn agor tudalennau adolygu ac allforion y gyfres hon, i'w darllen yn unig, a dim byd arall: dim consol, dim cyfres arall. Mae'n para 30 diwrnod oni bai eich bod yn ei dirymu.
review-link-made = Gwnaed { $made }, yn gweithio tan { $until }
review-link-revoke = Dirymu
review-link-make = Gwneud dolen adolygu
agenda-now = nawr
session-gone = Nid yw'r sesiwn hon yma mwyach
session-gone-why = Efallai ei bod wedi'i dileu, neu nad yw'r cyfeiriad yn hollol gywir.
session-gone-back = Yn ôl at eich sesiynau
