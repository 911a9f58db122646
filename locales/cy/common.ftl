# Yr hyn sydd gan bob tudalen.
page-title = { $page } · topteam
skip-to-main = Neidio i'r prif gynnwys
language-switch = Iaith
accessibility-statement = Datganiad hygyrchedd
refused-title = Gwrthodwyd
refused-heading = Ni weithiodd hynny
refused-go-home = Ewch i dudalen topteam ei hun
refused-try-again = a rhowch gynnig arall arni o'r fan honno.
team-cabinet = Y Cabinet
team-management = Tîm Rheoli Corfforaethol
team-observer = Sylwedydd
