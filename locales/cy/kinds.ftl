# Ffurflen ffôn pob math o weithgaredd, fesul math.

## dots
dots-left-before = Mae gennych
dots-left-after = o { $budget } dot ar ôl
dots-cap = (dim mwy na { $cap } ar unrhyw un)
dots-remove = Tynnu dot oddi ar { $option }
dots-add = Ychwanegu dot at { $option }

## rank
rank-hint = Mae'r dewisiadau'n dechrau mewn trefn ar hap, yn wahanol ar bob ffôn. Rhowch y pwysicaf yn gyntaf: defnyddiwch y botymau i symud dewis i fyny neu i lawr.
rank-up = Symud i fyny: { $option }
rank-down = Symud i lawr: { $option }

## role_map
role-members = Aelodau'n arwain
role-joint = Ar y cyd
role-officers = Swyddogion yn arwain

## agreement
stance-agree = Cytuno
stance-live-with = Gallaf fyw gydag ef
stance-object = Gwrthwynebu
agreement-reason = Rheswm (angenrheidiol os ydych yn gwrthwynebu)

## poll
poll-choose-one = Dewiswch un
poll-choose-up-to = Dewiswch hyd at { $most }

## matrix
matrix-hint = Ar gyfer pob eitem, dewiswch 1 (isel) i 5 (uchel) ar y ddau: { $x }, a { $y }.
matrix-choose = Dewiswch 1 i 5

## ideas
ideas-your-idea = { $ideas ->
    [one] Eich syniad (un syniad, hyd at { $chars } nod)
   *[other] Eich syniadau (hyd at { $ideas } syniad, { $chars } nod yr un)
}
ideas-counter = 0 o { $chars } nod
ideas-add = Ychwanegu fy syniad

## notes
notes-on-phone = Mae'r hwylusydd yn cofnodi nodiadau, penderfyniadau a chamau gweithredu.
