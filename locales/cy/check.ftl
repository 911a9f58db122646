# Problemau sgript, fel y mae golygydd yr agenda, yr API a `topteam check` yn eu dweud.
check-too-long = ni chaiff fod yn hwy na { $n } nod
check-hidden-characters = mae ynddo nodau na ellir eu dangos (nodau rheoli, bidi neu led sero: { $chars }); teipiwch ef eto
check-empty = ni chaiff fod yn wag
check-bad-id = rhaid iddo fod rhwng 1 a { $n } o lythrennau, digidau, '-' neu '_' (dim bylchau, '.' na '/'), nid { $id }
check-no-groups = enwch o leiaf un grŵp a gaiff ymuno
check-at-least-one = rhaid iddo fod o leiaf 1
check-group-size-anonymous = rhaid iddo fod o leiaf { $n } pan fo gweithgaredd yn ddienw: mae cyfrif o un neu ddau ateb yn datgelu atebion y bobl hynny
check-no-activities = mae angen o leiaf un gweithgaredd ar yr agenda
check-too-many-activities = ni all agenda gynnwys mwy na { $n } gweithgaredd
check-duplicate-activity = mae gan weithgaredd arall yr enw byr { $id } eisoes
check-too-many-options = ni all gweithgaredd gynnwys mwy na { $n } dewis
check-too-many-fields = { $n } maes ar y mwyaf
check-duplicate-option = mae gan ddewis arall yr enw byr { $id } eisoes
check-same-wording = yr un geiriad â dewis { $n }: newidiwch un ohonynt, neu dilëwch hwn
check-not-a-field = nid yw'n un o feysydd y gweithgaredd
check-setting-not-for-kind = nid oes gan weithgaredd { $kind } `{ $setting }`
check-setting-unknown = nid oes gan weithgaredd { $kind } `{ $setting }` (ei osodiadau ei hun: { $own })
check-must-be-number = rhaid iddo fod yn rhif cyfan
check-must-be-text = rhaid iddo fod yn destun
check-from-later = daw { $from } yn nes ymlaen yn yr agenda; rhaid i `from` enwi gweithgaredd cynharach
check-from-unknown = nid oes gweithgaredd { $from } yn y sgript hon
check-cannot-supply = ni all gweithgaredd { $kind } ddarparu dewisiadau
check-not-understood = ni ellir ei ddeall (yn Saesneg: { $words })

## Dolenni i weithdai cynharach
check-no-workshop = nid oes sgript ar gyfer gweithdy { $workshop }
check-same-workshop = defnyddiwch enw byr y gweithgaredd ar ei ben ei hun ar gyfer y gweithdy hwn
check-no-activity-in = nid oes gan y gweithdy { $workshop } weithgaredd { $activity }

## Gwiriadau pob math ei hun
check-needs-options = mae angen dewisiadau ar y gweithgaredd hwn ({ $kind }), neu ganlyniadau gweithgaredd cynharach wedi'u dwyn i mewn
check-takes-no-options = nid yw'r gweithgaredd hwn ({ $kind }) yn derbyn dewisiadau
check-dots-missing = dywedwch faint o ddotiau sydd gan bob person
check-budget-at-least-one = rhaid i nifer y dotiau fod o leiaf 1
check-cap-over-budget = mae'n fwy na'r { $n } dot sydd gan bob person
check-ideas-limits = rhaid i'r terfynau fod o leiaf 1
check-ideas-chars = ni chaiff syniadau fod yn hwy na { $n } nod
check-x-axis = enwch yr hyn y mae'r echel ar draws yn ei fesur, e.e. pa mor dda rydym yn ei ddarparu heddiw
check-y-axis = enwch yr hyn y mae'r echel i fyny yn ei fesur, e.e. pa mor bwysig ydyw
check-notes-no-options = nid yw nodiadau'n derbyn dewisiadau; mae `from` yn dwyn penderfyniadau a chamau gweithredu gweithgaredd cynharach ymlaen
check-notes-not-anonymous = yr hwylusydd biau'r nodiadau; ni allant fod yn ddienw
check-choices-over-options = mae'n fwy na'r { $n } dewis

## Sgript sesiwn, wedi'i golygu ar y diwrnod; templedi
check-workshop-stays = mae'n aros yn { $id }: ni all gweithdy sesiwn newid
check-group-size-stays = mae'n aros yn { $n }: mae pleidlais ddienw eisoes wedi agor yn y sesiwn hon
check-on-screen = mae “{ $title }” ar y sgrin nawr; ewch i weithgaredd arall cyn ei ddileu
check-template-id = defnyddiwch 1 i 60 o lythrennau bach, digidau a chysylltnodau
check-template-id-must-be = rhaid iddo fod yn { $id }, y templed sy'n cael ei ddisodli
