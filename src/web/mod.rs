//! The browser edge: storage and the clock. Everything here fails softly, returning errors as values.
pub mod clock;
pub mod storage;
