//! Pure domain logic of TICS Self-Check: the catalogue and its validation, the user's profile and answers,
//! scoring and the action plan, persistence format and safe Markdown, and the pledges and management rules
//! (`documents` for what the app sends, `drafts` for the text only the Word worker links).
//!
//! Nothing here touches the browser: everything is tested with plain `cargo test` on the host.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod aggregate;
pub mod backup;
pub mod catalogue;
pub mod catalogue_file;
pub mod checked;
pub mod checksheet_import;
pub mod compare;
pub mod content;
pub mod csv;
pub mod dates;
pub mod documents;
pub mod drafts;
pub mod envelope;
pub mod export;
pub mod grid;
pub mod import;
pub mod invalid;
pub mod inventory;
pub mod inventory_import;
pub mod library;
pub mod markdown;
pub mod periodic;
pub mod registers;
pub mod releases;
pub mod saved;
pub mod scoring;
pub mod selfcheck;
pub mod share;
pub mod site;
pub mod site_html;
pub mod sync;
pub mod table;
pub mod table_import;
pub mod tables;
pub mod templates;
pub mod text;
pub mod vocab;
pub mod workbook;

pub use catalogue::{Catalogue, InfoForm, Item, Topic};
pub use selfcheck::{Action, Answer, OrgSize, Override, Profile, SelfCheck, Status};
pub use text::{Lang, Message, Text};
