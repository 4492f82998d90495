//! What goes between a member and its association: the file a member shares, and the association's aggregate of many
//! such files.
pub mod aggregate;
pub mod share;
