//! The self-check engine: the profile, answers (`answer`) and plan (`selfcheck`), what it records beside them
//! (`records`: the certification, the evidence index, the team), the inventory and the periodic report it holds,
//! scores, year-over-year comparison, the library of self-checks, saved data and its migrations, backups, the merging
//! of several tabs' changes (`sync`), several people's answers merged (`team`), the dates certification runs on
//! (`deadlines`), and the words for all of these (`vocab`).
pub mod answer;
pub mod backup;
pub mod compare;
pub mod deadlines;
pub mod evidence;
pub mod inventory;
pub mod library;
pub mod periodic;
pub mod records;
pub mod saved;
pub mod scoring;
pub mod selfcheck;
pub mod sync;
pub mod team;
pub mod vocab;
