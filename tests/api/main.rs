//! Integration tests: a real server on port 0, real HTTP, real websockets.

mod bad_input;
mod browser;
mod browser_roster;
mod browser_support;
mod crash;
mod hardening;
mod helpers;
mod lifecycle;
mod load;
mod reconnect;
mod replay;
mod review;
mod scripts;
mod series;
mod storage;
mod trust;
mod voting;
