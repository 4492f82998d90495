//! Yew components. They render state and dispatch domain actions; they compute nothing themselves.
pub mod app;
pub mod i18n;
pub mod item_card;
pub mod level_choice;
pub mod markdown_view;
pub mod profile_step;
pub mod state;
pub mod summary;
pub mod topic_section;
