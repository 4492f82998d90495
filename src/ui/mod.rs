//! Yew components, in layers that depend one way: root → self-check shell → lazy (the views off the first screen,
//! loaded from chunks on first use) → views → components → state, with the domain underneath. They render state
//! and dispatch domain actions; they compute nothing themselves. The site's pages around them are plain HTML,
//! written at build time (`tics_domain::site_html`).
pub mod components;
pub mod hooks;
pub mod lazy;
pub mod root;
pub mod shell;
pub mod state;
pub mod views;
