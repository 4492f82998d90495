//! Pure domain logic of TICS Self-Check, in folders by capability. Each depends only on those before it:
//! `base` (words and formats) → `catalogue` → `engine` (the self-check, its inventory and periodic report, the
//! words for them) → `outputs` (one presentation model per output) → `imports` and `documents` → `files` (the
//! result file, the tables of every download) →
//! `association` (sharing and the aggregate); `site` needs only `base`. At the top, `export` (every download)
//! and `content` (the content worker's answers).
//!
//! Nothing here touches the browser: everything is tested with plain `cargo test` on the host.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod association;
pub mod base;
pub mod catalogue;
pub mod content;
pub mod documents;
pub mod engine;
pub mod export;
pub mod files;
pub mod imports;
pub mod outputs;
pub mod site;

// The paths the app, the workers and the tests name modules by: each part's modules, re-exported flat.
pub use association::{aggregate, share};
pub use base::{csv, dates, grid, invalid, markdown, sniff, table, text};
pub use catalogue::file as catalogue_file;
pub use catalogue::templates;
pub use catalogue::{checked, guidance, releases};
pub use documents::{drafts, registers};
pub use engine::{
    answer, backup, compare, deadlines, evidence, inventory, library, periodic, records, saved, scoring, selfcheck,
    sync, team, vocab,
};
pub use files::{calendar, envelope, sheet, tables, team_files, workbook};
pub use imports::{checksheet_import, import, inventory_import, table_import};
pub use outputs::{report, result};
pub use site::html as site_html;

pub use base::text::{Lang, Message, Text};
pub use catalogue::{Catalogue, InfoForm, Item, Topic};
pub use engine::selfcheck::{Action, Answer, OrgSize, Override, Profile, SelfCheck, Status};
