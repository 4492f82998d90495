//! TICS Self-Check web app: Yew components (`ui`) over the pure domain crate, with the browser edge in `web`.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod embed;
pub mod ui;
pub mod web;
