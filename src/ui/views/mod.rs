//! The views of the self-check (one shown at a time) and the site's catalogue-check page. Each reads the
//! language, catalogue and domain verbs from the context and is built from components.
pub mod aggregate_view;
pub mod catalogue_check;
pub mod check_view;
pub mod compare_view;
pub mod documents_view;
pub mod files;
pub mod inventory_view;
pub mod periodic_view;
pub mod plan_view;
pub mod report_view;
pub mod schedule_view;
pub mod team_view;
