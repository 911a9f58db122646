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
