//! Yew components. They render state and dispatch domain actions; they compute nothing themselves.
pub mod app;
pub mod compare_view;
pub mod files_view;
pub mod i18n;
pub mod item_card;
pub mod level_choice;
pub mod markdown_view;
pub mod periodic_view;
pub mod plan_view;
pub mod profile_step;
pub mod report_view;
pub mod state;
pub mod summary;
pub mod topic_section;
