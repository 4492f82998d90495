//! Hooks that reach the browser for the components: files handed to the user. Components use these instead of
//! `crate::web`, so that what they render stays plain.
pub mod audit_pack;
pub mod clock;
pub mod download;
pub mod export;
pub mod files;
pub mod hash;
pub mod install;
pub mod markdown;
pub mod print;
