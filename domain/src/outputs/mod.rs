//! One presentation model per output, made here so that every place that shows it draws the same figures with
//! the same words: [`result`] is the self-check's result (the summary on screen, the printed report's figures,
//! the workbook's summary and threat tables), [`report`] the printed report and its statement. Models are made
//! for one language; the UI renders them and computes nothing a user could see differently. The printed
//! periodic report's model is beside its table (`files::sheet`), the association's figures beside the aggregate.
pub mod report;
pub mod result;
