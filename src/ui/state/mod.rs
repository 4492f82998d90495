//! The bottom layer of the UI: the root reducer and what every component shares (configuration, the context that
//! hands components the language, catalogue and domain verbs, focus targets, small helpers). Nothing here imports
//! a component or a view.
pub mod busy;
pub mod clock;
pub mod config;
pub mod context;
pub mod field_value;
pub mod focus;
pub mod i18n;
pub mod ime;
pub mod reducer;
pub mod verbs;
pub mod view;
