//! The files the app writes and reads back: the result file (`envelope`), the tables of the CSV files and the
//! workbook, the printed periodic report (`sheet`), the request the Excel worker writes a workbook from, the
//! calendar of deadlines (`calendar`), and the files of team work (`team_files`).
pub mod calendar;
pub mod envelope;
pub mod sheet;
pub mod tables;
pub mod team_files;
pub mod workbook;
