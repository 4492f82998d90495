//! Making one download of the open self-check (see `tics_domain::export`): a file made at once (JSON, CSV), or a
//! workbook the Excel worker writes; then saying how it went. A result file (JSON, the one that loads again) is
//! also recorded on the self-check with the revision it holds, so that the app knows which changes no file holds.
use tics_domain::export::{downloaded, export, Content, Export, ExportKind, Made};
use tics_domain::library::{Entry, LibraryAction};
use tics_domain::Message;
use yew::prelude::*;

use crate::ui::hooks::download::{use_download, Download};
use crate::ui::state::context::SelfCheckContext;
use crate::ui::state::reducer::After;
use crate::web::perf;

/// The User Timing measure around making a file, for the benchmark (see `web::perf`).
fn measure(kind: ExportKind) -> &'static str {
    match kind {
        ExportKind::Json | ExportKind::Share(_) => "tics:export-json",
        ExportKind::ResultsCsv => "tics:export-csv",
        ExportKind::PlanCsv | ExportKind::PeriodicCsv | ExportKind::InventoryCsv | ExportKind::EvidenceCsv => {
            "tics:export-other-csv"
        }
        ExportKind::Excel | ExportKind::PeriodicExcel | ExportKind::Register(_) => "tics:export-tables",
    }
}

/// Says how the download went.
fn report(sc: &SelfCheckContext, kind: ExportKind, entry: &Entry, at: String, result: Result<String, Message>) {
    match result {
        Ok(file) if kind == ExportKind::Json => {
            let saved = LibraryAction::FileSaved { id: entry.id.clone(), at, revision: entry.revision };
            sc.library(saved, After::flash(downloaded(&file)));
        }
        Ok(file) => sc.flash(downloaded(&file)),
        Err(e) => sc.fail(e),
    }
}

/// Makes exports of the open self-check, one at a time.
#[derive(Clone)]
pub struct Exporter {
    download: Download,
}

impl Exporter {
    /// For the render: whether a workbook was being made when it was made.
    pub fn shown(&self) -> bool {
        self.download.shown()
    }

    /// Makes the `kind` of file of `entry` and hands it to the user. A click while a workbook is being made
    /// waits for it (does nothing).
    pub fn make(&self, sc: &SelfCheckContext, kind: ExportKind, entry: &Entry) {
        if self.download.running() {
            return;
        }
        let (today, now) = (sc.today(), sc.now());
        let made = Made { today: &today, now: &now, app_version: env!("CARGO_PKG_VERSION") };
        let Export { file_name, mime, content } =
            perf::timed(measure(kind), || export(kind, &sc.catalogue, entry, sc.lang, made));
        match content {
            Content::Bytes(bytes) => report(sc, kind, entry, now, self.download.now(&bytes, file_name, mime)),
            // The Excel writer is loaded only now, on first use, in a worker.
            Content::Workbook(request) => {
                let (sc, entry) = (sc.clone(), entry.clone());
                self.download.workbook(file_name, request, move |result| report(&sc, kind, &entry, now, result));
            }
        }
    }
}

#[hook]
pub fn use_export() -> Exporter {
    Exporter { download: use_download() }
}
