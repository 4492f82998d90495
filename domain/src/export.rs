//! What each download is: its content, file name and media type, made from one self-check. The browser edge
//! only hands the bytes over (or, for Excel, passes the tables to the worker that writes the workbook). The
//! audit pack ([`audit_pack`]) is a list of these downloads and the Word documents, made as each is made alone,
//! with a list of its files ([`pack_contents`]); the Word worker puts them in one .zip.
use crate::association::share::{export_share, ShareOptions, ShareOrigin};
use crate::base::csv::to_csv;
use crate::base::table::{Column, Table};
use crate::base::text::{Lang, Message, Text};
use crate::catalogue::templates::{DocKind, RegisterKind, Template};
use crate::catalogue::Catalogue;
use crate::documents::registers::RegisterRequest;
use crate::documents::{input, DocInput};
use crate::engine::evidence::Fingerprinter;
use crate::engine::inventory::inventory_table;
use crate::engine::library::Entry;
use crate::files::envelope::{export_json, Origin};
use crate::files::tables::{evidence_table, file_name, periodic_table, plan_table, results_table, workbook_tables};
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
    /// The evidence list for the audit: a row per evidence entry, with its item and fingerprint.
    EvidenceCsv,
    /// The workbook of summary, measures by threat, results, plan, periodic report, inventory and evidence list.
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
pub const ZIP_TYPE: &str = "application/zip";

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
        ExportKind::EvidenceCsv => csv(Text::new("証跡一覧", "Evidence list"), evidence_table(catalogue, check, lang)),
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

/// A Word document's file name: its title, then the business's name (a document is the business's), or the
/// self-check's while the business has none, then the date.
pub fn document_file_name(kind: DocKind, entry: &Entry, lang: Lang, today: &str) -> String {
    let business = entry.check.profile.organisation.trim();
    let whose = if business.is_empty() { entry.name.as_str() } else { business };
    file_name(Template::Document(kind).title().get(lang), whose, today, "docx")
}

/// One file of the audit pack: its name in the pack, what it is (for the list of contents), and how it is made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackPart {
    pub file_name: String,
    pub what: String,
    pub content: PackContent,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackContent {
    /// Made already (the result file).
    Bytes(Vec<u8>),
    /// A workbook the Excel worker writes, as for the workbook's own download.
    Workbook(WorkbookRequest),
    /// A pledge or the rules, written by the Word worker as for its own download.
    Document(Box<DocInput>),
}

/// The audit pack of one self-check: the zip's name and the files it holds, besides the list of contents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditPack {
    pub file_name: String,
    pub parts: Vec<PackPart>,
}

/// What an audit asks to see, in one .zip: the result file, the workbook with the evidence list, the periodic
/// report, every register, and the pledges and rules; each file made exactly as its own download makes it (same
/// content, same name). The list of contents is added once the files are made ([`pack_contents`]).
pub fn audit_pack(catalogue: &Catalogue, entry: &Entry, lang: Lang, made: Made) -> AuditPack {
    let download = |kind: ExportKind, what: Text| {
        let Export { file_name, content, .. } = export(kind, catalogue, entry, lang, made);
        let content = match content {
            Content::Bytes(bytes) => PackContent::Bytes(bytes),
            Content::Workbook(request) => PackContent::Workbook(request),
        };
        PackPart { file_name, what: what.get(lang).to_owned(), content }
    };
    let mut parts = vec![
        download(
            ExportKind::Json,
            Text::new(
                "セルフチェック結果（JSON、アプリで読み込めます。SHA-256 ダイジェスト付き）",
                "Self-check result (JSON, loads in the app again; with a SHA-256 digest)",
            ),
        ),
        download(
            ExportKind::Excel,
            Text::new(
                "Excel ブック（概要・脅威別・結果・行動計画・定期報告・目録・証跡一覧）",
                "Excel workbook (summary, by threat, results, action plan, periodic report, inventory, evidence list)",
            ),
        ),
        download(
            ExportKind::PeriodicExcel,
            Text::new("定期報告（A4 横で印刷）", "Periodic report (prints on A4 landscape)"),
        ),
    ];
    parts.extend(RegisterKind::ALL.into_iter().map(|register| {
        let title = Template::Register(register).title();
        download(
            ExportKind::Register(register),
            Text::new(format!("管理簿: {}", title.ja), format!("Register: {}", title.en)),
        )
    }));
    parts.extend(DocKind::ALL.into_iter().map(|kind| {
        let title = Template::Document(kind).title();
        PackPart {
            file_name: document_file_name(kind, entry, lang, made.today),
            what: Text::new(format!("文書（Word）: {}", title.ja), format!("Document (Word): {}", title.en))
                .get(lang)
                .to_owned(),
            content: PackContent::Document(Box::new(input(kind, catalogue, &entry.check, lang))),
        }
    }));
    AuditPack { file_name: file_name(audit_pack_title().get(lang), &entry.name, made.today, "zip"), parts }
}

fn audit_pack_title() -> Text {
    Text::new("監査用パック", "Audit pack")
}

/// The list of an audit pack's contents: its file name in the pack, and a row per other file with what it is,
/// its size in bytes and its SHA-256, so that whoever receives the pack can check that every file arrived
/// unchanged (`sha256sum` gives the same digits). A CSV file, first in the pack.
pub fn pack_contents(files: &[(&PackPart, &[u8])], lang: Lang) -> (String, Vec<u8>) {
    let rows = files
        .iter()
        .map(|(part, bytes)| {
            let mut digest = Fingerprinter::default();
            digest.update(bytes);
            vec![part.file_name.clone(), part.what.clone(), bytes.len().to_string(), digest.finish()]
        })
        .collect();
    let tr = |ja: &str, en: &str| Text::new(ja, en).get(lang).to_owned();
    let table = Table::new(
        tr("収録ファイル一覧", "Contents"),
        vec![
            Column::new(tr("ファイル名", "File name"), 60, false),
            Column::new(tr("内容", "What it is"), 60, true),
            Column::new(tr("サイズ（バイト）", "Size (bytes)"), 12, false),
            Column::new("SHA-256", 66, false),
        ],
        rows,
    );
    (format!("{}.csv", tr("収録ファイル一覧", "CONTENTS")), to_csv(&table))
}

/// Why the audit pack was not made: the file of it that failed, and the worker's reason.
pub fn pack_failed(file: &str, why: &Message) -> Message {
    Text::new(
        format!("監査用パックを作れませんでした（{file}）: {}", why.ja),
        format!("The audit pack could not be made ({file}): {}", why.en),
    )
}

/// The confirmation after the audit pack was downloaded: its name and how many files it holds.
pub fn pack_downloaded(file: &str, files: usize) -> Message {
    Text::new(
        format!("{file} をダウンロードしました（{files} ファイル）"),
        format!("Downloaded {file} ({files} files)"),
    )
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
            (ExportKind::EvidenceCsv, "証跡一覧_本社_工場_2026-11-23.csv", CSV_TYPE),
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
    fn the_audit_pack_holds_each_download_as_it_is_made_alone_and_lists_it_with_size_and_sha256() {
        let catalogue = Catalogue::default_tics().unwrap();
        let library = Library::new("sc-1".into(), "本社".into(), "2026-11-23T09:00:00+09:00".into());
        let made = Made { today: "2026-11-23", now: "2026-11-23T09:00:00+09:00", app_version: "0.1.0" };
        let entry = library.open_entry().unwrap().clone();
        let pack = audit_pack(&catalogue, &entry, Lang::Ja, made);
        assert_eq!(pack.file_name, "監査用パック_本社_2026-11-23.zip");
        let names: Vec<&str> = pack.parts.iter().map(|p| p.file_name.as_str()).collect();
        assert_eq!(
            names,
            [
                "セルフチェック結果_本社_2026-11-23.json",
                "セルフチェック結果一式_本社_2026-11-23.xlsx",
                "定期報告_本社_2026-11-23.xlsx",
                "重要情報の目録_本社_2026-11-23.xlsx",
                "持出し・複製・廃棄の管理簿_本社_2026-11-23.xlsx",
                "鍵・暗証番号の管理簿_本社_2026-11-23.xlsx",
                "アクセス権者の管理簿_本社_2026-11-23.xlsx",
                "来訪者の受付簿_本社_2026-11-23.xlsx",
                "システム構成要素の管理簿_本社_2026-11-23.xlsx",
                "秘密保持誓約書（入社時）_本社_2026-11-23.docx",
                "秘密保持誓約書（退職時）_本社_2026-11-23.docx",
                "秘密保持誓約書（見学・来訪者）_本社_2026-11-23.docx",
                "秘密保持誓約書（取引先）_本社_2026-11-23.docx",
                "技術情報管理規程（案）_本社_2026-11-23.docx",
            ]
        );
        // Each piece is what its own download makes.
        for (part, kind) in pack.parts.iter().zip(
            [ExportKind::Json, ExportKind::Excel, ExportKind::PeriodicExcel]
                .into_iter()
                .chain(RegisterKind::ALL.map(ExportKind::Register)),
        ) {
            let alone = export(kind, &catalogue, &entry, Lang::Ja, made);
            assert_eq!(part.file_name, alone.file_name);
            match (&part.content, alone.content) {
                (PackContent::Bytes(a), Content::Bytes(b)) => assert_eq!(*a, b),
                (PackContent::Workbook(a), Content::Workbook(b)) => assert_eq!(*a, b),
                _ => panic!("{kind:?} is made another way"),
            }
        }
        let Some(PackContent::Workbook(WorkbookRequest::Tables(tables))) = pack.parts.get(1).map(|p| &p.content) else {
            panic!("the workbook is tables")
        };
        assert_eq!(tables.last().map(|t| t.name.as_str()), Some("証跡一覧"), "with the evidence list");
        for (part, kind) in pack.parts[9..].iter().zip(DocKind::ALL) {
            assert_eq!(part.content, PackContent::Document(Box::new(input(kind, &catalogue, &entry.check, Lang::Ja))));
        }

        // Documents are the business's once it has a name; the rest keep the self-check's.
        let mut named = entry.clone();
        named.check.profile.organisation = " 株式会社テスト ".into();
        let en = audit_pack(&catalogue, &named, Lang::En, made);
        assert_eq!(en.file_name, "Audit_pack_本社_2026-11-23.zip");
        assert_eq!(en.parts[0].file_name, "Self-check_result_本社_2026-11-23.json");
        assert_eq!(
            en.parts[13].file_name,
            "Technical_information_management_rules_(draft)_株式会社テスト_2026-11-23.docx"
        );

        // The list of contents: a row per file with its size and SHA-256.
        let abc = [(&pack.parts[0], &b"abc"[..]), (&pack.parts[13], &b""[..])];
        let (name, csv) = pack_contents(&abc, Lang::Ja);
        assert_eq!(name, "収録ファイル一覧.csv");
        let text = String::from_utf8(csv).unwrap();
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines[0], "ファイル名,内容,サイズ（バイト）,SHA-256");
        assert!(
            lines[1].starts_with("セルフチェック結果_本社_2026-11-23.json,セルフチェック結果（JSON"),
            "{}",
            lines[1]
        );
        assert!(
            lines[1].ends_with(",3,ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            "{}",
            lines[1]
        );
        assert!(
            lines[2].ends_with(",0,e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            "{}",
            lines[2]
        );
        assert_eq!(pack_contents(&abc, Lang::En).0, "CONTENTS.csv");
        assert_eq!(pack_downloaded("a.zip", 15).en, "Downloaded a.zip (15 files)");
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
