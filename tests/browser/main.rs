//! The three faces in a real browser (Debian's Chromium through ChromeDriver):
//! phones at 360 px, the console and the projector, with axe-core on every
//! page. Needs `--features browser-tests`; `scripts/test` installs what they
//! need and runs them.

mod cymraeg;
#[path = "../api/helpers.rs"]
#[allow(dead_code)]
mod helpers;
mod honest_phones;
mod invitations;
mod kinds;
mod phones_console_projector;
mod prepare;
mod restart;
mod room;
mod roster;
mod series_page;
mod support;
