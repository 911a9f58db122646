# The facilitator's console.
room-language = Language of the projector and the outcome pack
room-language-hint = Each phone shows its own reader's language whichever you choose.
room-language-en = English
room-language-cy = Cymraeg (Welsh)
room-language-both = Cymraeg and English, Welsh first
room-language-set = Set the language
room-language-missing = { $n ->
    [one] 1 text of this agenda has no Welsh yet: the projector shows it in English. Add it in Prepare the agenda.
   *[other] { $n } texts of this agenda have no Welsh yet: the projector shows them in English. Add them in Prepare the agenda.
}
rename-welsh = The title in Welsh (optional: Welsh phones and a Welsh projector show it)
