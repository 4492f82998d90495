//! What each download is: its content, file name and media type, made from one self-check. The browser edge
//! only hands the bytes over (or, for Excel, passes the tables to the worker that writes the workbook).
use crate::association::share::{export_share, ShareOptions, ShareOrigin};
use crate::base::csv::to_csv;
use crate::base::table::Table;
use crate::base::text::{Lang, Message, Text};
use crate::catalogue::templates::{RegisterKind, Template};
use crate::catalogue::Catalogue;
use crate::documents::registers::RegisterRequest;
use crate::engine::inventory::inventory_table;
use crate::engine::library::Entry;
use crate::files::envelope::{export_json, Origin};
use crate::files::tables::{file_name, periodic_table, plan_table, results_table, workbook_tables};
use crate::files::workbook::WorkbookRequest;

/// The downloads offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// The complete, re-importable result file.
    Json,
    ResultsCsv,
    PlanCsv,
    PeriodicCsv,
    /// The periodic report alone, as a workbook set up to print on A4 landscape.
    PeriodicExcel,
    InventoryCsv,
    /// The workbook of summary, measures by threat, results, plan, periodic report and inventory.
    Excel,
    /// A register (管理簿) to keep, as its own workbook.
    Register(RegisterKind),
    /// The file a member shares with their association, holding the parts chosen.
    Share(ShareOptions),
}

pub const CSV_TYPE: &str = "text/csv;charset=utf-8";
pub const JSON_TYPE: &str = "application/json";
pub const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const DOCX_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// A download, ready except for Excel, whose tables a worker still has to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Export {
    pub file_name: String,
    pub mime: &'static str,
    pub content: Content,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Content {
    Bytes(Vec<u8>),
    /// What the Excel worker writes: tables, or a register whose tables it builds itself.
    Workbook(WorkbookRequest),
}

/// When and by what the file is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Made<'a> {
    /// Local date `YYYY-MM-DD`, part of the file name.
    pub today: &'a str,
    /// Local ISO date-time, written into the JSON file.
    pub now: &'a str,
    pub app_version: &'a str,
}

/// The file of `kind` for the self-check `entry`, in `lang`.
pub fn export(kind: ExportKind, catalogue: &Catalogue, entry: &Entry, lang: Lang, made: Made) -> Export {
    let check = &entry.check;
    let name = |what: Text, ext: &str| file_name(what.get(lang), &entry.name, made.today, ext);
    let csv = |what: Text, table: Table| Export {
        file_name: name(what, "csv"),
        mime: CSV_TYPE,
        content: Content::Bytes(to_csv(&table)),
    };
    match kind {
        ExportKind::Json => {
            let origin = Origin { app_version: made.app_version, saved_at: made.now, name: &entry.name, id: &entry.id };
            Export {
                file_name: name(Text::new("セルフチェック結果", "Self-check result"), "json"),
                mime: JSON_TYPE,
                content: Content::Bytes(export_json(catalogue, check, &origin).into_bytes()),
            }
        }
        ExportKind::ResultsCsv => csv(Text::new("回答一覧", "Answers"), results_table(catalogue, check, lang)),
        ExportKind::PlanCsv => csv(Text::new("対策計画", "Action plan"), plan_table(catalogue, check, lang)),
        ExportKind::PeriodicCsv => csv(periodic_report(), periodic_table(catalogue, check, lang)),
        ExportKind::PeriodicExcel => Export {
            file_name: name(periodic_report(), "xlsx"),
            mime: XLSX_TYPE,
            content: Content::Workbook(WorkbookRequest::Tables(vec![periodic_table(catalogue, check, lang)])),
        },
        ExportKind::InventoryCsv => {
            csv(Template::Register(RegisterKind::Inventory).title(), inventory_table(&check.inventory, lang))
        }
        ExportKind::Excel => Export {
            file_name: name(Text::new("セルフチェック結果一式", "Self-check workbook"), "xlsx"),
            mime: XLSX_TYPE,
            content: Content::Workbook(WorkbookRequest::Tables(workbook_tables(catalogue, check, lang))),
        },
        ExportKind::Share(options) => {
            let origin = ShareOrigin { app_version: made.app_version, saved_at: made.now, id: &entry.id };
            // The self-check's name often is the business's: it names the file only when the name is shared.
            let shown = if options.organisation { entry.name.as_str() } else { "" };
            Export {
                file_name: file_name(
                    Text::new("団体への共有ファイル", "File for the association").get(lang),
                    shown,
                    made.today,
                    "json",
                ),
                mime: JSON_TYPE,
                content: Content::Bytes(export_share(catalogue, check, options, &origin).into_bytes()),
            }
        }
        ExportKind::Register(register) => Export {
            file_name: name(Template::Register(register).title(), "xlsx"),
            mime: XLSX_TYPE,
            content: Content::Workbook(WorkbookRequest::Register(Box::new(RegisterRequest {
                register,
                lang,
                check: check.clone(),
            }))),
        },
    }
}

fn periodic_report() -> Text {
    Text::new("定期報告", "Periodic report")
}

/// The confirmation after a download, naming the file so that two downloads of one kind are told apart.
pub fn downloaded(file: &str) -> Message {
    Text::new(format!("{file} をダウンロードしました"), format!("Downloaded {file}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::library::Library;

    #[test]
    fn each_kind_names_its_file_and_type() {
        let catalogue = Catalogue::default_tics().unwrap();
        let library = Library::new("sc-1".into(), "本社 工場".into(), "2026-11-23T09:00:00+09:00".into());
        let entry = library.open_entry().unwrap();
        let made = Made { today: "2026-11-23", now: "2026-11-23T09:00:00+09:00", app_version: "0.1.0" };
        // Each file is named after what it is, in the reader's language, then the self-check and the date.
        let cases = [
            (ExportKind::Json, "セルフチェック結果_本社_工場_2026-11-23.json", JSON_TYPE),
            (ExportKind::ResultsCsv, "回答一覧_本社_工場_2026-11-23.csv", CSV_TYPE),
            (ExportKind::PlanCsv, "対策計画_本社_工場_2026-11-23.csv", CSV_TYPE),
            (ExportKind::PeriodicCsv, "定期報告_本社_工場_2026-11-23.csv", CSV_TYPE),
            (ExportKind::PeriodicExcel, "定期報告_本社_工場_2026-11-23.xlsx", XLSX_TYPE),
            (ExportKind::InventoryCsv, "重要情報の目録_本社_工場_2026-11-23.csv", CSV_TYPE),
            (ExportKind::Excel, "セルフチェック結果一式_本社_工場_2026-11-23.xlsx", XLSX_TYPE),
            (ExportKind::Register(RegisterKind::Inventory), "重要情報の目録_本社_工場_2026-11-23.xlsx", XLSX_TYPE),
            (ExportKind::Share(ShareOptions::default()), "団体への共有ファイル_2026-11-23.json", JSON_TYPE),
            (
                ExportKind::Share(ShareOptions { organisation: true, ..ShareOptions::default() }),
                "団体への共有ファイル_本社_工場_2026-11-23.json",
                JSON_TYPE,
            ),
            (
                ExportKind::Register(RegisterKind::TakeOut),
                "持出し・複製・廃棄の管理簿_本社_工場_2026-11-23.xlsx",
                XLSX_TYPE,
            ),
            (ExportKind::Register(RegisterKind::Keys), "鍵・暗証番号の管理簿_本社_工場_2026-11-23.xlsx", XLSX_TYPE),
            (
                ExportKind::Register(RegisterKind::AccessHolders),
                "アクセス権者の管理簿_本社_工場_2026-11-23.xlsx",
                XLSX_TYPE,
            ),
            (ExportKind::Register(RegisterKind::Visitors), "来訪者の受付簿_本社_工場_2026-11-23.xlsx", XLSX_TYPE),
            (
                ExportKind::Register(RegisterKind::SystemComponents),
                "システム構成要素の管理簿_本社_工場_2026-11-23.xlsx",
                XLSX_TYPE,
            ),
        ];
        for (kind, file, mime) in cases {
            let out = export(kind, &catalogue, entry, Lang::Ja, made);
            assert_eq!((out.file_name.as_str(), out.mime), (file, mime));
            assert_eq!(
                matches!(out.content, Content::Workbook(WorkbookRequest::Tables(_))),
                matches!(kind, ExportKind::Excel | ExportKind::PeriodicExcel),
                "{kind:?}"
            );
            if let (ExportKind::Register(register), Content::Workbook(request)) = (kind, &out.content) {
                // What the worker gets builds the same tables as the register itself.
                let sent = WorkbookRequest::from_json(&request.to_json()).unwrap();
                assert!(matches!(sent, WorkbookRequest::Register(_)), "{kind:?}");
                assert_eq!(
                    sent.into_tables(),
                    crate::documents::registers::register_tables(register, &entry.check, Lang::Ja)
                );
            }
        }
    }

    #[test]
    fn a_register_download_is_that_registers_sheets_in_the_chosen_language() {
        let catalogue = Catalogue::default_tics().unwrap();
        let library = Library::new("sc-1".into(), "本社".into(), "2026-11-23T09:00:00+09:00".into());
        let made = Made { today: "2026-11-23", now: "2026-11-23T09:00:00+09:00", app_version: "0.1.0" };
        let entry = library.open_entry().unwrap();
        let out = export(ExportKind::Register(RegisterKind::Keys), &catalogue, entry, Lang::En, made);
        let Content::Workbook(request @ WorkbookRequest::Register(_)) = out.content else {
            panic!("a register is a request to the worker")
        };
        let tables = WorkbookRequest::from_json(&request.to_json()).unwrap().into_tables();
        assert_eq!(tables, crate::documents::registers::register_tables(RegisterKind::Keys, &entry.check, Lang::En));
        assert_eq!(tables[0].name, "Keys and locks");
        assert_eq!(out.file_name, "Key_and_combination_register_本社_2026-11-23.xlsx", "named in English");
    }
}
