# Gwahoddiad personol, wedi'i agor ar ffôn.
invite-title = Eich gwahoddiad
invite-you-are-in = Rydych i mewn, { $name }
invite-already-in = Mae'r ffôn hwn eisoes yn { $session } fel chi.
invite-continue = Parhau
invite-does-not-work = Nid yw'r gwahoddiad hwn yn gweithio
invite-replaced = Efallai fod cerdyn mwy newydd wedi cymryd ei le. Gofynnwch i'r hwylusydd, neu ymunwch â'r cod ar y sgrin.
invite-welcome = Croeso, { $name }
invite-not-started = Nid yw eich gweithdy wedi dechrau eto. Agorwch y ddolen hon eto pan fydd yr hwylusydd yn gofyn i chi.
invite-join-as = Ymuno fel { $name }
invite-join-as-instead = Ymuno fel { $name } yn lle hynny
invite-personal = Dyma eich gwahoddiad personol i { $session }, fel { $team }.
invite-phone-taken = Mae'r ffôn hwn eisoes yn y gweithdy fel { $other }.
invite-phone-becomes = Mae ymuno fel { $name } yn ei wneud yn ffôn i { $name }; byddai angen i { $other } ymuno eto ar ei ffôn ei hun.
invite-yours-alone = Eich gwahoddiad chi yn unig yw hwn: peidiwch â'i rannu. Caiff unrhyw un a ymunodd o dan eich enw cyn i chi gyrraedd ei ddal nes i'r hwylusydd benderfynu.
