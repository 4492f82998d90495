//! The aggregate's chart series as plain data: what a bar or a box plot shows, already labelled and worded, so
//! that the screen and the print draw them and no front end works out a label or a share itself.
use crate::association::aggregate::Quartiles;

/// One bar: its label, its length (a share from 0 to 100) and the text printed after it (the share and its base,
/// "40% (20/50)").
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub text: String,
}

/// One box plot: its label, the scores' quartiles (none without scores) and the previous year's median.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BoxRow {
    pub label: String,
    pub quartiles: Option<Quartiles>,
    pub previous: Option<f64>,
}
