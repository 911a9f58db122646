//! Integration tests: a real server on port 0, real HTTP, real websockets.

mod admitting;
mod anonymity;
mod bad_input;
mod carry;
mod console;
mod crash;
mod deletion;
mod erasure;
mod hardening;
mod helpers;
mod lifecycle;
mod logins;
mod logs;
mod reconnect;
mod replay;
mod review;
mod review_links;
mod room;
mod script_edit;
mod scripts;
mod series;
mod series_page;
mod storage;
mod templates;
mod trust;
mod voting;
