//! The files the app writes and reads back: the result file (`envelope`), the tables of the CSV files and the
//! workbook, the printed periodic report (`sheet`), and the request the Excel worker writes a workbook from.
pub mod calendar;
pub mod envelope;
pub mod sheet;
pub mod tables;
pub mod workbook;
