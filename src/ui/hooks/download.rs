//! The one way a file reaches the user: made at once or by a worker, handed to the browser under its name, and
//! the outcome (its name, or why it failed) passed on to be said. A file a worker makes keeps its button busy
//! meanwhile; a second click waits for the first (the worker's time-out ends a wait that would never end).
use std::future::Future;

use tics_domain::documents::DocInput;
use tics_domain::export::{DOCX_TYPE, XLSX_TYPE};
use tics_domain::workbook::WorkbookRequest;
use tics_domain::Text;
use yew::prelude::*;

use crate::ui::state::busy::{use_busy, Busy};
use crate::web::{download, excel, perf, word};

/// A file to download, handed over at once or when made.
#[derive(Clone)]
pub struct Download {
    busy: Busy,
}

impl Download {
    /// For the render: whether a file was being made when it was made.
    pub fn shown(&self) -> bool {
        self.busy.shown()
    }

    /// Whether a file is being made now (a click then waits for it).
    pub fn running(&self) -> bool {
        self.busy.running()
    }

    /// Hands `bytes` to the browser at once as `name`; the outcome is the file's name or why it failed.
    pub fn now(&self, bytes: &[u8], name: String, mime: &str) -> Result<String, Text> {
        download::download(bytes, &name, mime).map(|()| name)
    }

    /// Makes the file with `make` (a worker's work, say), keeping the button busy meanwhile, then hands it to the
    /// browser as `name` and tells `then` how it went. Does nothing while a file is already being made.
    pub fn when_made(
        &self,
        name: String,
        mime: &'static str,
        make: impl Future<Output = Result<Vec<u8>, Text>> + 'static,
        then: impl FnOnce(Result<String, Text>) + 'static,
    ) {
        if self.busy.running() {
            return;
        }
        let busy = self.busy.clone();
        busy.start();
        wasm_bindgen_futures::spawn_local(async move {
            let made = make.await;
            busy.finish();
            then(made.and_then(|bytes| download::download(&bytes, &name, mime).map(|()| name)));
        });
    }

    /// The workbook `request` describes, written by the Excel worker (loaded on first use), as `name`.
    pub fn workbook(&self, name: String, request: WorkbookRequest, then: impl FnOnce(Result<String, Text>) + 'static) {
        let made = async move {
            // The worker's round trip, including its download the first time (read by the benchmark).
            perf::start("tics:export-xlsx");
            let made = excel::workbook(&request).await;
            perf::end("tics:export-xlsx");
            made
        };
        self.when_made(name, XLSX_TYPE, made, then);
    }

    /// The Word document `input` describes, written by the Word worker (loaded on first use), as `name`.
    pub fn document(&self, name: String, input: DocInput, then: impl FnOnce(Result<String, Text>) + 'static) {
        let made = async move {
            perf::start("tics:export-docx");
            let made = word::docx(&input).await;
            perf::end("tics:export-docx");
            made
        };
        self.when_made(name, DOCX_TYPE, made, then);
    }
}

#[hook]
pub fn use_download() -> Download {
    Download { busy: use_busy() }
}
