# Tudalen cyfres yn y consol: ei henw, ei rhestr, ei sesiynau a'i dileu.
series-gone = Nid oes cyfres o'r fath: efallai ei bod wedi'i dileu.
series-renamed = Mae'r gyfres wedi'i hailenwi.
series-name-title = Enw
series-name-field = Enw'r gyfres
series-name-bad = Mae angen enw o 1 i { $limit } nod ar gyfres, ar un llinell.
series-start-one = Dechreuwch un
series-start-one-after = a dewiswch y gyfres hon.
series-review = adolygu

## Y rhestr
roster-saved = Mae'r rhestr wedi'i chadw. Mae gan sesiynau'r gyfres hon sy'n rhedeg hi nawr.
roster-title = { $n ->
    [one] Rhestr (1 person)
    [two] Rhestr (2 berson)
   *[other] Rhestr ({ $n } o bobl)
}
roster-hint = Y bobl a ddisgwylir yng ngweithdai'r gyfres hon. Mae ffôn sy'n dewis neu'n teipio enw ar y rhestr yn ymuno fel y person hwnnw; daw ei dîm a'i deitl swydd o'r fan hon.
roster-of = Rhestr { $name }
roster-name = Enw
roster-team = Tîm
roster-job = Teitl swydd neu bortffolio
roster-take-off = Tynnu oddi ar y rhestr
roster-choose-team = Dewiswch dîm
roster-add-hint = I ychwanegu rhywun, llenwch y rhes wag; i ychwanegu llawer, gludwch nhw isod.
roster-paste = Gludwch bobl, un i bob llinell
roster-paste-example = Enw, tîm, teitl swydd: er enghraifft
roster-paste-sample = Cyng. Amina Patel, cabinet, Arweinydd y Cyngor
roster-paste-hint = Mae tîm yn "cabinet", "rheoli" neu "arsylwr". Mae llinellau a gopïwyd o daenlen (enw, tîm a theitl swydd mewn colofnau) yn gweithio hefyd.
roster-paste-refused = Nid oedd modd darllen y llinellau hyn, felly ni chadwyd dim. Cywirwch nhw a chadwch eto:
roster-line = Llinell { $n }
roster-save = Cadw'r rhestr
paste-no-name = mae'r enw ar goll: ysgrifennwch ef cyn y coma cyntaf
paste-no-team = mae'r tîm ar goll: ychwanegwch ", cabinet" neu ", rheoli" ar ôl yr enw
paste-not-a-team = nid yw "{ $team }" yn dîm: ysgrifennwch "cabinet", "rheoli" neu "arsylwr"
paste-name-too-long = mae'r enw yn hwy na { $n } nod
paste-job-too-long = mae'r teitl swydd yn hwy na { $n } nod
roster-too-large = Mae hynny'n fwy nag y gall rhestr ei ddal (dim mwy na { $n } o bobl): ni chadwyd dim. Gludwch lai o linellau ar y tro.
roster-not-understood = Nid oedd modd deall ffurflen y rhestr: ni chadwyd dim. Ail-lwythwch y dudalen a rhowch gynnig arall arni.
roster-lines-refused = { $n ->
    [one] Nid oedd modd darllen llinell { $lines } a ludwyd (gweler y neges wrth ymyl y blwch gludo). Ni chadwyd dim.
   *[other] Nid oedd modd darllen llinellau { $lines } a ludwyd (gweler y neges wrth ymyl y blwch gludo). Ni chadwyd dim.
}
roster-row-no-team = Dewiswch dîm y person hwn.
roster-rows-no-team = Mae angen tîm ar bob rhes. Ni chadwyd dim.
roster-row-refused = Nid oedd modd cadw rhes: gweler y neges wrth ei hymyl. Ni chadwyd dim.
roster-pasted-refused = Nid oedd modd cadw llinell a ludwyd: { $why }. Ni chadwyd dim.
roster-twice = Mae “{ $name }” ar y rhestr ddwywaith: ni allai ffonau wahaniaethu rhyngddynt. Ychwanegwch rywbeth at un ohonynt (llythyren gyntaf, neu deitl swydd yn yr enw). Ni chadwyd dim.
roster-nothing-saved = { $why } Ni chadwyd dim.

## Dileu
delete-series-title = Dileu'r gyfres hon
delete-series-hint = { $n ->
    [0] Mae'n dileu enw a rhestr y gyfres, ei gwahoddiadau a'i dolenni adolygu, am byth (nid oes ganddi sesiynau). Lawrlwythwch unrhyw beth sydd ei angen arnoch o'r tudalennau adolygu yn gyntaf.
    [one] Mae'n dileu enw a rhestr y gyfres, ei gwahoddiadau a'i dolenni adolygu, a'i hunig sesiwn gyda phob ateb a roddwyd ynddi, am byth. Lawrlwythwch unrhyw beth sydd ei angen arnoch o'r tudalennau adolygu yn gyntaf.
   *[other] Mae'n dileu enw a rhestr y gyfres, ei gwahoddiadau a'i dolenni adolygu, a'i { $n } sesiwn gyda phob ateb a roddwyd ynddynt, am byth. Lawrlwythwch unrhyw beth sydd ei angen arnoch o'r tudalennau adolygu yn gyntaf.
}
delete-series-type = I gadarnhau, teipiwch enw'r gyfres:
delete-series-button = Dileu'r gyfres
delete-series-mistyped = I ddileu'r gyfres hon, teipiwch ei henw, “{ $name }”, yn y blwch. Ni ddilëwyd dim.
delete-session-mistyped = I ddileu “{ $title }”, teipiwch god y sesiwn, { $code }, yn y blwch. Ni ddilëwyd dim.
nothing-deleted = Ni ddilëwyd dim
back-to-session = Yn ôl i'r sesiwn

## Cardiau gwahoddiad, wedi'u hargraffu o'r consol
cards-title = Cardiau gwahoddiad
cards-heading = Cardiau gwahoddiad: { $series }
cards-back = Yn ôl
cards-made-already = Roedd y cardiau hyn wedi'u gwneud eisoes, felly ni newidiwyd dim (nid yw tudalen a anfonwyd ddwywaith, efallai drwy ei hadnewyddu, yn gwneud cardiau newydd). Mae'r cardiau a wnaed bryd hynny yn dal i weithio. I'w hargraffu eto mae angen rhai newydd arnoch: gwnewch nhw o'r consol, sy'n disodli'r hen rai.
cards-tick-replace = Mae cardiau wedi'u gwneud ar gyfer y gyfres hon eisoes. Ticiwch “Disodli'r cardiau a wnaed eisoes” i wneud rhai newydd: bydd yr hen rai wedyn yn stopio gweithio.
cards-unreachable = Ni all ffonau agor y dolenni hyn
cards-unreachable-why = Maent yn pwyntio at y cyfrifiadur hwn yn unig. Dechreuwch topteam gyda
cards-unreachable-then = wedi'i osod i'r cyfeiriad y mae ffonau'n ei gyrraedd arno, yna gwnewch y cardiau eto.
cards-print = Un cerdyn i bob person ar y rhestr ({ $n } o bobl). Argraffwch y dudalen hon ar A4 (Ctrl+P neu ⌘P) a rhowch ei gerdyn ei hun i bob person wrth y drws: mae ei sganio yn gadael iddo ymuno fel ef ei hun a dod i mewn ar unwaith. Nid yw cardiau a wnaed cyn y rhain yn gweithio mwyach.
cards-shown-once = Dim ond nawr y dangosir y dolenni. I'w hanfon drwy e-bost yn lle hynny, copïwch y rhestr ar waelod y dudalen.
cards-hint = Sganiwch y cod hwn, neu teipiwch y ddolen, i ymuno â'r gweithdy fel chi eich hun. Eich un chi yn unig yw hi.
cards-list = Y dolenni fel rhestr, i'w hanfon drwy e-bost
cards-list-label = Enw a dolen, un person i bob llinell

## Dolenni adolygu i drefnwyr
review-link = Dolen adolygu
review-link-heading = Dolen adolygu i drefnwyr
review-link-send = Anfonwch y ddolen hon at drefnwyr y cyngor. Mae'n agor tudalennau adolygu ac allforion y gyfres hon, i'w darllen yn unig, a dim byd arall, am { $days } diwrnod. Dim ond nawr y caiff ei dangos: copïwch hi cyn gadael y dudalen hon.
review-link-copy = Copïo'r ddolen
review-link-revoked = Mae'r ddolen adolygu wedi'i dirymu: nid yw'n agor dim mwyach.
back-to-series = Yn ôl i'r gyfres
review-link-broken = Nid yw'r ddolen adolygu hon yn gweithio
review-link-broken-why = Mae wedi dod i ben neu wedi'i thynnu'n ôl. Gofynnwch i'r hwylusydd neu i'r cyngor am un newydd.
