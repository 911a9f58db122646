# Golygydd yr agenda (Paratoi'r agenda) a'r daflen redeg.
back-to-console = Yn ôl i gonsol y sesiwn
prepare-heading = Paratoi'r agenda: { $title }
prepare-hint = Addaswch bob gweithgaredd ar gyfer y cyngor, yna cadwch. Ni ellir newid gweithgareddau sydd eisoes wedi'u hagor yn yr ystafell; gellir golygu, symud, copïo neu ddileu'r lleill.
prepare-welsh-missing = { $n ->
    [zero] Mae gan bob testun yn yr agenda hon ei Gymraeg.
    [one] Nid oes Cymraeg eto i 1 testun yn yr agenda hon: mae'r taflunydd yn ei ddangos yn Saesneg. Mae ei faes Cymraeg isod yn wag.
   *[other] Nid oes Cymraeg eto i { $n } testun yn yr agenda hon: mae'r taflunydd yn eu dangos yn Saesneg. Mae eu meysydd Cymraeg isod yn wag.
}
prepare-add-kind = Ychwanegu gweithgaredd o'r math hwn
prepare-add-activity = Ychwanegu gweithgaredd
prepare-save = Cadw'r agenda
template-title = Cadw fel templed
template-hint = Mae'n cadw'r agenda hon, fel y mae ar y sgrin, ar gyfer sesiynau cynghorau eraill: mae'n ymddangos yn rhestr gweithdai'r consol.
template-name = Enw'r templed
template-save = Cadw fel templed

## Un gweithgaredd
prepare-activity = Gweithgaredd
prepare-of-activity = gweithgaredd { $n }
prepare-locked = Wedi'i agor yn yr ystafell eisoes, felly ni ellir ei newid nawr.
prepare-title = Teitl
prepare-prompt = Y cwestiwn a roddir i'r ystafell
prepare-notes = Eich nodiadau (preifat: ar y consol a'r daflen redeg yn unig)
prepare-minutes = Munudau (ar gyfer yr amserydd)
prepare-anonymous = Dienw: ni chaiff atebion byth eu cysylltu ag enwau
prepare-from = Dod â chanlyniadau gweithgaredd cynharach i mewn (dewisol)
prepare-from-hint = Ei enw byr: gweithgaredd yn y gweithdy hwn, e.e. mandate, neu mewn gweithdy cynharach yn y gyfres, e.e. w1-cabinet.priorities. Daw'r hyn a ddewisodd yr ystafell yno yn gyntaf, yna'r dewisiadau isod.
prepare-take = Dwyn ymlaen y nifer hwn o'r rhai uchaf yn unig (dewisol)
prepare-no-options = Dim eto.
prepare-options-carried = Mae dewisiadau a ddygir ymlaen yn cyrraedd pan fydd y gweithgaredd yn agor, os oes gan y gweithgaredd cynharach ganlyniadau; ychwanegwch eich rhai eich hun yma i fod yn sicr.
prepare-add-one = Ychwanegwch o leiaf un.
prepare-move-up = Symud i fyny
prepare-move-down = Symud i lawr
prepare-copy-suffix = (copi)
prepare-duplicate = Dyblygu
prepare-remove = Dileu
prepare-up = I fyny
prepare-down = I lawr

## Y mathau, fel y mae'r golygydd a'r daflen redeg yn eu henwi
kind-poll = Pôl cyflym
kind-agreement = Datganiadau i gytuno arnynt
kind-notes = Nodiadau, penderfyniadau a chamau gweithredu
kind-rating = Sgorio
kind-role-map = Map rolau (pwy sy'n arwain)
kind-rank = Rhestru yn ôl trefn
kind-matrix = Matrics dwy echel
kind-ideas = Syniadau
kind-dots = Pleidlais dotiau

## Yr hyn y mae math o weithgaredd yn galw un o'i ddewisiadau
item-option = Dewis
item-statement = Datganiad
item-responsibility = Cyfrifoldeb
item-item = Eitem
items-option = Dewisiadau
items-statement = Datganiadau
items-responsibility = Cyfrifoldebau
items-item = Eitemau
add-item-option = Ychwanegu dewis
add-item-statement = Ychwanegu datganiad
add-item-responsibility = Ychwanegu cyfrifoldeb
add-item-item = Ychwanegu eitem

## Gosodiadau pob math o weithgaredd
setting-max-choices = Y nifer mwyaf o ddewisiadau y caiff pob person eu dewis (1 os yw'n wag)
setting-x-axis = Ar draws: yr hyn y mae'n ei fesur, o isel i uchel
setting-y-axis = I fyny: yr hyn y mae'n ei fesur, o isel i uchel
setting-max-ideas = Nifer y syniadau y caiff pob person eu cynnig
setting-max-chars = Hyd mwyaf syniad (nodau)
setting-dots = Nifer y dotiau sydd gan bob person
setting-max-per-option = Y nifer mwyaf o ddotiau ar un dewis

## Y daflen redeg
runsheet-heading = Taflen redeg: { $title }
runsheet-activities = { $n ->
    [zero] dim gweithgareddau
    [one] 1 gweithgaredd
    [two] 2 weithgaredd
   *[other] { $n } gweithgaredd
}
runsheet-minutes = { $n ->
    [zero] dim amser wedi'i gynllunio
    [one] 1 munud wedi'i gynllunio
    [two] 2 funud wedi'u cynllunio
   *[other] { $n } munud wedi'u cynllunio
}
runsheet-misread = Nid yw “{ $start }” yn amser o'r dydd (defnyddiwch HH:MM, fel 09:30), felly mae'r amseroedd yn dechrau am 09:30.
runsheet-start = Amser dechrau
runsheet-show-times = Dangos yr amseroedd
runsheet-plan = Y cynllun, o { $from } hyd { $to }
runsheet-time = Amser
runsheet-no-time = dim amser wedi'i gynllunio
runsheet-anonymous = dienw
