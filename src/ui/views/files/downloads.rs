//! The downloads of the open self-check: JSON, four CSV files and the Excel workbook.
use std::rc::Rc;

use tics_domain::export::{downloaded, export, Content, Export, ExportKind, Made};
use tics_domain::library::Entry;
use tics_domain::Text;
use yew::prelude::*;

use crate::ui::state::context::{use_self_check, SelfCheckContext};
use crate::ui::state::focus::Focus;
use crate::ui::state::i18n::t;
use crate::web::{clock, download, excel, perf};

#[derive(Properties, PartialEq)]
pub struct DownloadsPanelProps {
    pub entry: Rc<Entry>,
}

/// The User Timing measure around making a file, for the benchmark (see `web::perf`).
fn measure(kind: ExportKind) -> &'static str {
    match kind {
        ExportKind::Json => "tics:export-json",
        ExportKind::ResultsCsv => "tics:export-csv",
        ExportKind::PlanCsv | ExportKind::PeriodicCsv | ExportKind::InventoryCsv => "tics:export-other-csv",
        ExportKind::Excel | ExportKind::Register(_) => "tics:export-tables",
    }
}

/// Hands the bytes to the browser as the file.
fn save(bytes: &[u8], file_name: String, mime: &str) -> Result<String, Text> {
    download::download(bytes, &file_name, mime).map(|()| file_name)
}

fn report(sc: &SelfCheckContext, result: Result<String, Text>) {
    match result {
        Ok(file) => sc.flash(downloaded(&file)),
        Err(e) => sc.fail(e),
    }
}

#[component(DownloadsPanel)]
pub fn downloads_panel(props: &DownloadsPanelProps) -> Html {
    let sc = use_self_check();
    let excel_busy = use_state(|| false);
    let Some(sc) = sc else {
        return Html::default();
    };
    let lang = sc.lang;
    let on_download = |kind: ExportKind| {
        let (sc, entry, excel_busy) = (sc.clone(), props.entry.clone(), excel_busy.clone());
        Callback::from(move |_| {
            // Busy: the button stays focusable (aria-disabled), and a second click waits for the first.
            if kind == ExportKind::Excel && *excel_busy {
                return;
            }
            let (today, now) = (clock::today(), clock::now_iso());
            let made = Made { today: &today, now: &now, app_version: env!("CARGO_PKG_VERSION") };
            let Export { file_name, mime, content } =
                perf::timed(measure(kind), || export(kind, &sc.catalogue, &entry, lang, made));
            let tables = match content {
                Content::Bytes(bytes) => return report(&sc, save(&bytes, file_name, mime)),
                Content::Workbook(tables) => tables,
            };
            // The Excel writer is loaded only now, on first use, in a worker.
            let (sc, excel_busy) = (sc.clone(), excel_busy.clone());
            excel_busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                // The worker's round trip, including its download the first time.
                perf::start("tics:export-xlsx");
                let made = excel::workbook(&tables).await;
                perf::end("tics:export-xlsx");
                excel_busy.set(false);
                report(&sc, made.and_then(|bytes| save(&bytes, file_name, mime)));
            });
        })
    };
    html! {
        <>
            <h3 id={Focus::DownloadHeading.element_id()} tabindex="-1">{ format!("{}: {}", t(lang, "ダウンロード", "Download"), props.entry.name) }</h3>
            <ul class="tics-downloads" role="list">
                <li>
                    <button type="button" onclick={on_download(ExportKind::Json)} data-testid="download-json">{ t(lang, "JSON（次回読み込み用・完全な記録）", "JSON (complete, to load again next time)") }</button>
                    <p class="tics-hint">{ t(lang,
                        "SHA-256 のダイジェスト付きで、保存後の編集や破損を検出できます（改ざん防止の署名ではありません）。",
                        "Carries a SHA-256 digest that detects later edits or damage (an integrity check, not a signature).") }</p>
                </li>
                <li><button type="button" onclick={on_download(ExportKind::ResultsCsv)} data-testid="download-results-csv">{ t(lang, "結果 CSV（Excel で開けます）", "Results CSV (opens in Excel)") }</button></li>
                <li><button type="button" onclick={on_download(ExportKind::PlanCsv)} data-testid="download-plan-csv">{ t(lang, "行動計画 CSV", "Action plan CSV") }</button></li>
                <li><button type="button" onclick={on_download(ExportKind::PeriodicCsv)} data-testid="download-periodic-csv">{ t(lang, "定期報告 CSV（ひな形の列）", "Periodic report CSV (template columns)") }</button></li>
                <li><button type="button" onclick={on_download(ExportKind::InventoryCsv)} data-testid="download-inventory-csv">{ t(lang, "目録 CSV", "Inventory CSV") }</button></li>
                <li>
                    <button type="button" onclick={on_download(ExportKind::Excel)} aria-disabled={(*excel_busy).then_some("true")} data-testid="download-xlsx">
                        { if *excel_busy { t(lang, "Excel を作成中…", "Making the Excel file…") } else { t(lang, "Excel ブック（概要・結果・行動計画・定期報告・目録）", "Excel workbook (summary, results, plan, periodic report, inventory)") } }
                    </button>
                </li>
            </ul>
        </>
    }
}
