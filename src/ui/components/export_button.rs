//! A button that makes one download of the open self-check: a file made at once (JSON, CSV), or a workbook the
//! Excel worker writes (results, registers), with a busy state while the worker works.
use std::rc::Rc;

use tics_domain::export::{downloaded, export, Content, Export, ExportKind, Made};
use tics_domain::library::{Entry, LibraryAction};
use tics_domain::Message;
use yew::prelude::*;

use crate::ui::hooks::download::use_download;
use crate::ui::state::context::{use_self_check, SelfCheckContext};
use crate::ui::state::i18n::t;
use crate::ui::state::reducer::After;
use crate::web::{clock, excel, perf};

#[derive(Properties, PartialEq)]
pub struct ExportButtonProps {
    pub kind: ExportKind,
    pub entry: Rc<Entry>,
    pub label: AttrValue,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// `data-testid` of the button.
    pub test_id: AttrValue,
}

/// The User Timing measure around making a file, for the benchmark (see `web::perf`).
fn measure(kind: ExportKind) -> &'static str {
    match kind {
        ExportKind::Json | ExportKind::Share(_) => "tics:export-json",
        ExportKind::ResultsCsv => "tics:export-csv",
        ExportKind::PlanCsv | ExportKind::PeriodicCsv | ExportKind::InventoryCsv => "tics:export-other-csv",
        ExportKind::Excel | ExportKind::PeriodicExcel | ExportKind::Register(_) => "tics:export-tables",
    }
}

/// Says how the download went. A result file (JSON, the one that loads again) is also recorded on the
/// self-check with the revision it holds, so that the app knows which changes no file holds.
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

#[component(ExportButton)]
pub fn export_button(props: &ExportButtonProps) -> Html {
    let download = use_download();
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let onclick = {
        let (sc, entry, download, kind) = (sc.clone(), props.entry.clone(), download.clone(), props.kind);
        Callback::from(move |_| {
            // Busy: the button stays focusable (aria-disabled), and a second click waits for the first.
            if download.running() {
                return;
            }
            let (today, now) = (clock::today(), clock::now_iso());
            let made = Made { today: &today, now: &now, app_version: env!("CARGO_PKG_VERSION") };
            let Export { file_name, mime, content } =
                perf::timed(measure(kind), || export(kind, &sc.catalogue, &entry, sc.lang, made));
            let request = match content {
                Content::Bytes(bytes) => return report(&sc, kind, &entry, now, download.now(&bytes, file_name, mime)),
                Content::Workbook(request) => request,
            };
            // The Excel writer is loaded only now, on first use, in a worker.
            let (sc, entry) = (sc.clone(), entry.clone());
            let made = async move {
                // The worker's round trip, including its download the first time.
                perf::start("tics:export-xlsx");
                let made = excel::workbook(&request).await;
                perf::end("tics:export-xlsx");
                made
            };
            download.when_made(file_name, mime, made, move |result| report(&sc, kind, &entry, now, result));
        })
    };
    html! {
        <button type="button" id={props.id.clone()} {onclick} aria-disabled={download.shown().then_some("true")}
            data-testid={props.test_id.clone()}>
            { if download.shown() { t(lang, "Excel を作成中…", "Making the Excel file…").into() } else { props.label.clone() } }
        </button>
    }
}
