# A personal invitation, opened on a phone.
invite-title = Your invitation
invite-you-are-in = You are in, { $name }
invite-already-in = This phone is already in { $session } as you.
invite-continue = Continue
invite-does-not-work = This invitation does not work
invite-replaced = It may have been replaced by a newer card. Ask the facilitator, or join with the code on the screen.
invite-welcome = Welcome, { $name }
invite-not-started = Your workshop has not started yet. Open this link again when the facilitator asks you to.
invite-join-as = Join as { $name }
invite-join-as-instead = Join as { $name } instead
invite-personal = This is your personal invitation to { $session }, as { $team }.
invite-phone-taken = This phone is already in the workshop as { $other }.
invite-phone-becomes = Joining as { $name } makes it { $name }’s phone; { $other } would need to join again on their own phone.
invite-yours-alone = It is yours alone: please do not share it. Anyone who joined under your name before you is held until the facilitator decides.
