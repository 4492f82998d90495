//! The downloads of the open self-check: JSON, the CSV files, the Excel workbooks, and the audit pack that
//! holds them all.
use std::rc::Rc;

use tics_domain::export::ExportKind;
use tics_domain::library::Entry;
use yew::prelude::*;

use super::audit_pack::AuditPackButton;
use crate::ui::components::export_button::ExportButton;
use crate::ui::state::context::use_self_check;
use crate::ui::state::focus::Focus;
use crate::ui::state::i18n::t;

#[derive(Properties, PartialEq)]
pub struct DownloadsPanelProps {
    pub entry: Rc<Entry>,
}

#[component(DownloadsPanel)]
pub fn downloads_panel(props: &DownloadsPanelProps) -> Html {
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let button = |kind: ExportKind, ja: &'static str, en: &'static str, test_id: &'static str| {
        html! { <ExportButton {kind} entry={props.entry.clone()} label={t(lang, ja, en).to_owned()} test_id={test_id} /> }
    };
    html! {
        <>
            <h3 id={Focus::DownloadHeading.element_id()} tabindex="-1">{ format!("{}: {}", t(lang, "ダウンロード", "Download"), props.entry.name) }</h3>
            <ul class="tics-downloads" role="list">
                <li>
                    { button(ExportKind::Json, "JSON（次回読み込み用・完全な記録）", "JSON (complete, to load again next time)", "download-json") }
                    <p class="tics-hint">{ t(lang,
                        "SHA-256 のダイジェスト付きで、保存後の編集や破損を検出できます（改ざん防止の署名ではありません）。",
                        "Carries a SHA-256 digest that detects later edits or damage (an integrity check, not a signature).") }</p>
                </li>
                <li>{ button(ExportKind::ResultsCsv, "結果 CSV（Excel で開けます）", "Results CSV (opens in Excel)", "download-results-csv") }</li>
                <li>{ button(ExportKind::PlanCsv, "行動計画 CSV", "Action plan CSV", "download-plan-csv") }</li>
                <li>{ button(ExportKind::PeriodicCsv, "定期報告 CSV（ひな形の列）", "Periodic report CSV (template columns)", "download-periodic-csv") }</li>
                <li>{ button(ExportKind::PeriodicExcel, "定期報告 Excel（A4 横で印刷）", "Periodic report Excel (prints on A4 landscape)", "download-periodic-xlsx") }</li>
                <li>{ button(ExportKind::InventoryCsv, "目録 CSV", "Inventory CSV", "download-inventory-csv") }</li>
                <li>{ button(ExportKind::EvidenceCsv, "証跡一覧 CSV（審査用）", "Evidence list CSV (for the audit)", "download-evidence-csv") }</li>
                <li>{ button(ExportKind::Excel, "Excel ブック（概要・結果・行動計画・定期報告・目録・証跡一覧）", "Excel workbook (summary, results, plan, periodic report, inventory, evidence list)", "download-xlsx") }</li>
                <li><AuditPackButton entry={props.entry.clone()} /></li>
            </ul>
        </>
    }
}
