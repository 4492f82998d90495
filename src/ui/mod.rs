//! Yew components, in layers that depend one way: root → site → self-check shell → lazy (the views off the first
//! screen, loaded from chunks on first use) → views → components → state, with the domain underneath. They render
//! state and dispatch domain actions; they compute nothing themselves.
pub mod components;
pub mod lazy;
pub mod root;
pub mod shell;
pub mod site;
pub mod state;
pub mod views;
