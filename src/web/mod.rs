//! The browser edge: storage, the clock, downloads, reading files, printing, the web workers. Everything here fails softly,
//! returning errors as values.
pub mod assets;
pub mod clock;
pub mod content;
pub mod download;
pub mod events;
pub mod excel;
pub mod file;
pub mod guidance;
pub mod hash;
pub mod keep;
pub mod markdown;
pub mod perf;
pub mod print;
pub mod storage;
pub mod word;
pub mod worker;
