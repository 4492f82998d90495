//! Reading an inventory kept elsewhere (a CSV file, or an Excel sheet turned into a [`Grid`] by the xlsx crate)
//! into [`InfoRow`]s: the names the inventory's columns go by, and which rows cannot be imported and why (the
//! header row and the column mapping are found by [`table_import`], shared with the checksheet import).
//!
//! Nothing is lost quietly: a row with a problem is listed by row and column and left out, the good rows are
//! kept, and columns that are not imported are named. Only the Excel worker calls this; the app receives the
//! [`Preview`] as JSON.
use std::collections::BTreeSet;

use crate::base::dates::read_date;
use crate::base::grid::{Field, Grid, Row, Schema};
use crate::base::table::Column;
use crate::base::text::{Lang, Text};
use crate::catalogue::InfoForm;
use crate::engine::inventory::{form_name, parse_forms, parse_yes, FileColumn, InfoRow, RowField, MAX_ROWS};
use crate::imports::import::{CellProblem, Choice, Preview, Sampled};
use crate::imports::table_import::{self, Kind};

/// The inventory's fields and the column names they go by: this app's own file headers in both languages (see
/// `FileColumn::label`), the headers of the training material's example inventory (目録（例）: 情報資産名称,
/// 備考, 利用者範囲, 管理部署, 媒体・保存先, 保存期限) and common variants.
pub const SCHEMA: Schema = Schema {
    fields: &[
        Field {
            key: "name",
            names: &[
                "情報の名称",
                "名称",
                "情報名",
                "情報名称",
                "資産名",
                "資産名称",
                "情報資産名",
                "情報資産名称",
                "情報資産",
                "重要情報",
                "重要情報名",
                "管理対象情報",
                "文書名",
                "書類名",
                "件名",
                "品名",
                "Name",
                "Information",
                "Asset",
                "Asset name",
                "Information name",
                "Item",
            ],
        },
        Field {
            key: "business_area",
            names: &[
                "業務分類",
                "業務",
                "業務区分",
                "業務の種類",
                "業務名",
                "部門分類",
                "事業分類",
                "Business area",
                "Business",
                "Line of business",
                "Function",
            ],
        },
        Field {
            key: "description",
            names: &[
                "内容",
                "情報の内容",
                "説明",
                "概要",
                "詳細",
                "備考",
                "摘要",
                "What it is",
                "Description",
                "Details",
                "Contents",
                "Remarks",
                "Notes",
            ],
        },
        Field {
            key: "forms",
            names: &[
                "形態",
                "情報の形態",
                "態様",
                "情報の態様",
                "保管形態",
                "保存形態",
                "媒体",
                "媒体の種類",
                "Forms",
                "Form of information",
                "Medium",
                "Media",
            ],
        },
        Field {
            key: "location",
            names: &[
                "保管場所",
                "保存場所",
                "保管先",
                "保存先",
                "格納場所",
                "格納先",
                "所在",
                "所在地",
                "場所",
                "媒体・保存先",
                "保存先・媒体",
                "Where it is kept",
                "Location",
                "Place",
                "Storage",
                "Stored at",
                "Kept at",
            ],
        },
        Field {
            key: "manager",
            names: &[
                "管理者",
                "管理部署",
                "管理部門",
                "管理責任者",
                "責任者",
                "管理担当",
                "管理担当者",
                "担当部署",
                "担当者",
                "主管部署",
                "所管部署",
                "Manager",
                "Owner",
                "Person in charge",
                "Responsible",
                "Department",
            ],
        },
        Field {
            key: "classification",
            names: &[
                "区分",
                "機密区分",
                "秘密区分",
                "秘密情報区分",
                "機密性",
                "機密レベル",
                "秘密レベル",
                "重要度",
                "分類",
                "格付",
                "格付け",
                "Classification",
                "Class",
                "Confidentiality",
                "Sensitivity",
            ],
        },
        Field {
            key: "access",
            names: &[
                "アクセスできる人",
                "アクセス権者",
                "アクセス権",
                "アクセス者",
                "アクセス範囲",
                "利用者範囲",
                "利用者",
                "利用範囲",
                "取扱者",
                "取扱者の範囲",
                "閲覧者",
                "閲覧可能者",
                "アクセス可能者",
                "アクセス可能な者",
                "アクセス可能な人",
                "アクセス権限者",
                "アクセス権限",
                "閲覧権限者",
                "閲覧権限",
                "利用可能者",
                "取扱可能者",
                "Who may access it",
                "Authorized users",
                "Authorised users",
                "Access rights",
                "Access",
                "Users",
                "Who can access",
            ],
        },
        Field {
            key: "entrusted",
            names: &[
                "預かり情報",
                "預かり",
                "預かり品",
                "預託",
                "預託情報",
                "顧客情報",
                "他社情報",
                "客先情報",
                "他社から預かった情報",
                "Entrusted",
                "Entrusted information",
                "Customer information",
            ],
        },
        Field {
            key: "conditions",
            names: &[
                "預かりの条件",
                "条件",
                "取扱条件",
                "取扱い条件",
                "取り扱い条件",
                "契約条件",
                "預託条件",
                "秘密保持条件",
                "NDA",
                "Conditions of the entrusting party",
                "Conditions",
                "Terms",
            ],
        },
        Field {
            key: "retention",
            names: &[
                "保管期間",
                "保存期間",
                "保存期限",
                "保管期限",
                "保存年限",
                "保存年数",
                "保管年数",
                "保管年限",
                "期限",
                "期間",
                "Kept for",
                "Retention",
                "Retention period",
                "Keep until",
            ],
        },
        Field {
            key: "registered",
            names: &[
                "登録日",
                "登録年月日",
                "目録登録日",
                "記入日",
                "記載日",
                "Date registered",
                "Registered",
                "Date added",
                "Added",
            ],
        },
        Field {
            key: "disposal",
            names: &[
                "廃棄方法",
                "廃棄",
                "処分方法",
                "処分",
                "消去方法",
                "廃棄・消去方法",
                "Disposal",
                "Disposal method",
                "Destruction",
            ],
        },
    ],
    // Columns such inventories often have that this app does not keep: recognised so that they count towards
    // finding the header row and are not taken for a field whose name they contain.
    ignored: &[
        "更新日",
        "作成日",
        "個人情報の種類",
        "個人情報",
        "要配慮個人情報",
        "特定個人情報",
        "No",
        "No.",
        "番号",
        "連番",
        "項番",
        "#",
    ],
};

/// The file column of a field key ("name", "forms", …), as [`FileColumn::key`] gives it.
pub fn file_column(key: &str) -> Option<FileColumn> {
    FileColumn::ALL.into_iter().find(|c| c.key() == key)
}

/// The inventory, for the shared reading of [`table_import`].
const KIND: Kind = Kind {
    schema: SCHEMA,
    required: "name",
    required_column: ("情報の名称が入っている列", "the column with the information's names"),
    label: |key| file_column(key).map(FileColumn::label),
    max_rows: MAX_ROWS,
    holder: ("目録", "an inventory"),
    too_many_advice: ("ファイルを分けて読み込んでください。", "Please split the file and import the parts."),
    two_row_header: false,
};

/// Reads the inventory rows of `grid`, with the user's corrections if any. The preview's `file_name`, `sheet`
/// and `sheets` are the caller's to fill in.
///
/// Refused (`Err`): a grid without rows, a chosen header row that holds nothing, a key that is no field, and
/// more than [`MAX_ROWS`] rows. A mapping that cannot work (no name column, two columns for one field) gives a
/// preview with [`Preview::blocked`] set, so the user can correct it.
pub fn read_inventory(grid: &Grid, choice: Option<&Choice>) -> Result<Preview, Text> {
    let (mut preview, data) = table_import::layout(grid, choice, &KIND)?;
    if preview.blocked.is_some() {
        return Ok(preview);
    }
    let columns: Vec<Option<FileColumn>> = preview.mapping.iter().map(|k| k.as_deref().and_then(file_column)).collect();
    for row in data {
        match read_row(row, &preview.headers, &columns) {
            Ok(info) => {
                preview.rows.push(info);
                preview.row_numbers.push(row.number);
            }
            Err(mut problems) => preview.problems.append(&mut problems),
        }
    }
    Ok(preview)
}

/// One data row as an inventory row, or every cell that keeps it out.
fn read_row(row: &Row, headers: &[String], columns: &[Option<FileColumn>]) -> Result<InfoRow, Vec<CellProblem>> {
    let mut info = InfoRow::default();
    let mut problems = Vec::new();
    let problem = |c: usize, message: Text| table_import::problem(headers, row, c, message);
    let mut name_column = 0;
    for (c, column) in columns.iter().enumerate() {
        let Some(column) = column else { continue };
        let cell = row.cell(c);
        match column {
            FileColumn::Text(field) => {
                if *field == RowField::Name {
                    name_column = c;
                }
                set_text(&mut info, *field, cell);
            }
            FileColumn::Forms => match read_forms(cell) {
                Ok(forms) => info.forms = forms,
                Err(unknown) => problems.push(problem(c, unknown_forms(&unknown))),
            },
            FileColumn::Entrusted => match parse_yes(cell) {
                Some(yes) => info.entrusted = yes,
                None => problems.push(problem(c, not_yes_or_no(cell))),
            },
        }
    }
    if info.name.is_empty() {
        let label = RowField::Name.label();
        problems.insert(
            0,
            problem(
                name_column,
                Text::new(
                    format!("「{}」が空です。この行を読み込むには名称を書いてください。", label.ja),
                    format!("The \"{}\" is blank. Please give the row a name to import it.", label.en),
                ),
            ),
        );
    }
    if problems.is_empty() {
        Ok(info)
    } else {
        Err(problems)
    }
}

fn set_text(info: &mut InfoRow, field: RowField, text: &str) {
    // A registration date reads as YYYY-MM-DD when it is one (2016/7/1, 令和8年4月1日); other text is kept as
    // written rather than dropping the row for a column that only records when it was listed.
    let text = match field {
        RowField::Registered => read_date(text).unwrap_or_else(|_| text.to_owned()),
        _ => text.to_owned(),
    };
    *field.slot(info) = text;
}

/// Words other inventories use for the forms, beyond the app's own names ([`parse_forms`]). Only words that
/// leave no doubt: "可搬電子媒体" (a USB stick) or "モバイル機器" could be several forms, so they are asked about.
const FORM_WORDS: &[(&str, InfoForm)] = &[
    ("紙", InfoForm::Container),
    ("紙媒体", InfoForm::Container),
    ("書類", InfoForm::Container),
    ("文書", InfoForm::Container),
    ("試作品", InfoForm::Container),
    ("paper", InfoForm::Container),
    ("papers", InfoForm::Container),
    ("documents", InfoForm::Container),
    ("prototypes", InfoForm::Container),
    ("設備", InfoForm::Area),
    ("装置", InfoForm::Area),
    ("製造装置", InfoForm::Area),
    ("製造設備", InfoForm::Area),
    ("equipment", InfoForm::Area),
    ("サーバ", InfoForm::OwnServer),
    ("サーバー", InfoForm::OwnServer),
    ("社内サーバ", InfoForm::OwnServer),
    ("社内サーバー", InfoForm::OwnServer),
    ("自社サーバ", InfoForm::OwnServer),
    ("自社サーバー", InfoForm::OwnServer),
    ("ファイルサーバ", InfoForm::OwnServer),
    ("ファイルサーバー", InfoForm::OwnServer),
    ("pc", InfoForm::OwnServer),
    ("パソコン", InfoForm::OwnServer),
    ("事務所pc", InfoForm::OwnServer),
    ("社内pc", InfoForm::OwnServer),
    ("server", InfoForm::OwnServer),
    ("servers", InfoForm::OwnServer),
    ("クラウドサービス", InfoForm::Cloud),
    ("委託先", InfoForm::ThirdParty),
    ("外注先", InfoForm::ThirdParty),
    ("外部委託先", InfoForm::ThirdParty),
    ("subcontractor", InfoForm::ThirdParty),
    ("subcontractors", InfoForm::ThirdParty),
];

/// The same separators as [`parse_forms`].
const FORM_SEPARATORS: [char; 9] = ['/', '／', '、', ',', '，', ';', '；', '\n', '\r'];

/// The forms in a cell: the app's own names (either language, short or long, or file keys) and the plain words
/// of [`FORM_WORDS`]. Returns the words it could not place.
fn read_forms(cell: &str) -> Result<BTreeSet<InfoForm>, Vec<String>> {
    let mut forms = BTreeSet::new();
    let mut unknown = Vec::new();
    for word in cell.split(FORM_SEPARATORS).map(str::trim).filter(|w| !w.is_empty()) {
        if let Ok(found) = parse_forms(word) {
            forms.extend(found);
            continue;
        }
        let plain = crate::base::grid::normalise_header(word);
        match FORM_WORDS.iter().find(|(w, _)| *w == plain) {
            Some((_, form)) => {
                forms.insert(*form);
            }
            None => unknown.push(word.to_owned()),
        }
    }
    if unknown.is_empty() {
        Ok(forms)
    } else {
        Err(unknown)
    }
}

fn unknown_forms(unknown: &[String]) -> Text {
    let names = |lang: Lang, sep: &str| {
        InfoForm::ALL.iter().map(|f| form_name(*f).get(lang).to_owned()).collect::<Vec<_>>().join(sep)
    };
    let quoted_ja = unknown.iter().map(|w| format!("「{w}」")).collect::<Vec<_>>().join("");
    let quoted_en = unknown.iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(", ");
    let location = RowField::Location.label();
    Text::new(
        format!(
            "形態 {quoted_ja} を読み取れません。{} のいずれかを「/」で区切って書いてください（この列を「{}」として読み込むこともできます）。",
            names(Lang::Ja, "、"),
            location.ja
        ),
        format!(
            "The form {quoted_en} is not one this app knows. Please write one or more of {}, separated by \"/\" (or import this column as \"{}\" instead).",
            names(Lang::En, ", "),
            location.en
        ),
    )
}

fn not_yes_or_no(cell: &str) -> Text {
    Text::new(
        format!("「{cell}」を はい／いいえ として読み取れません。預かった情報なら「はい」か「○」、そうでなければ「いいえ」か空欄にしてください。"),
        format!("\"{cell}\" cannot be read as yes or no. Please write \"yes\" or \"○\" for entrusted information, and \"no\" or nothing otherwise."),
    )
}

impl Sampled for InfoRow {
    fn sample_columns(lang: Lang) -> Vec<Column> {
        FileColumn::ALL
            .iter()
            .map(|c| {
                let (width, wrap) = c.width();
                Column::new(c.label().get(lang), width, wrap)
            })
            .collect()
    }

    fn sample_cells(&self, lang: Lang) -> Vec<String> {
        FileColumn::ALL
            .iter()
            .map(|c| match c {
                // Said both ways: the user checks how 「○」 or 「無」 was read.
                FileColumn::Entrusted => {
                    (if self.entrusted { Text::new("はい", "Yes") } else { Text::new("いいえ", "No") })
                        .get(lang)
                        .to_owned()
                }
                _ => c.cell(self, lang),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::grid::read_csv;
    use crate::engine::inventory::{examples, inventory_table, Inventory};

    fn csv(text: &str) -> Grid {
        read_csv(text)
    }

    fn preview(text: &str) -> Preview {
        read_inventory(&csv(text), None).unwrap()
    }

    fn keys(p: &Preview) -> Vec<Option<&str>> {
        p.mapping.iter().map(|k| k.as_deref()).collect()
    }

    #[test]
    fn every_own_header_in_either_language_maps_to_its_column() {
        for lang in [Lang::Ja, Lang::En] {
            for column in FileColumn::ALL {
                let header = column.label().get(lang).to_owned();
                assert_eq!(SCHEMA.field_for(&header).map(|(k, _)| k), Some(column.key()), "{header}");
            }
        }
        assert_eq!(SCHEMA.fields.len(), FileColumn::ALL.len());
        assert!(SCHEMA.fields.iter().all(|f| file_column(f.key).is_some()));
    }

    #[test]
    fn our_own_csv_reads_back_in_both_languages() {
        let inventory = Inventory { rows: examples().into_iter().map(|e| e.row).collect(), ..Inventory::default() };
        for lang in [Lang::Ja, Lang::En] {
            let bytes = crate::base::csv::to_csv(&inventory_table(&inventory, lang));
            let text = String::from_utf8(bytes).unwrap();
            let p = preview(&text);
            assert_eq!(p.header_row, 1);
            assert_eq!(keys(&p), FileColumn::ALL.map(|c| Some(c.key())));
            assert_eq!(p.rows, inventory.rows, "{lang:?}");
            assert_eq!(p.row_numbers, (2..=7).collect::<Vec<_>>());
            assert!(p.problems.is_empty() && p.warnings.is_empty() && p.blocked.is_none(), "{p:?}");
        }
    }

    #[test]
    fn the_training_material_layout_is_mapped_with_its_business_area_and_date_registered() {
        let text = "重要情報の目録,,,,,,,,,,\n\
            ,,,,,,,,,,\n\
            業務分類,情報資産名称,備考,利用者範囲,管理部署,媒体・保存先,個人情報の種類,,,保存期限,登録日\n\
            ,,,,,,個人情報,要配慮個人情報,特定個人情報,,\n\
            営業,製品カタログ,現役製品カタログ一式,営業部,営業部,書類,,,,,2016/7/1\n\
            技術,製品設計図,現役製品の設計図,開発部,開発部,ファイルサーバ,,,,10年,平成28年7月1日ごろ\n";
        let p = preview(text);
        assert_eq!(p.header_row, 3);
        assert_eq!(
            keys(&p),
            [
                Some("business_area"),
                Some("name"),
                Some("description"),
                Some("access"),
                Some("manager"),
                Some("location"),
                None,
                None,
                None,
                Some("retention"),
                Some("registered")
            ]
        );
        assert_eq!(p.rows.len(), 2, "{:?}", p.problems);
        assert_eq!(p.row_numbers, [5, 6]);
        assert_eq!(p.rows[1].name, "製品設計図");
        assert_eq!(p.rows[1].location, "ファイルサーバ");
        assert_eq!(p.rows[1].retention, "10年");
        assert_eq!(p.rows[0].manager, "営業部");
        assert_eq!((p.rows[0].business_area.as_str(), p.rows[1].business_area.as_str()), ("営業", "技術"));
        // A date reads as YYYY-MM-DD; other text in the column is kept as written, not a reason to drop the row.
        assert_eq!(p.rows[0].registered, "2016-07-01");
        assert_eq!(p.rows[1].registered, "平成28年7月1日ごろ");
        // The sub-header row is not a row without a name, and the left-out columns with data are named.
        assert!(p.warnings.iter().any(|w| w.en.contains("Row 4 ")), "{:?}", p.warnings);
        assert_eq!(p.headers[6..9], ["個人情報の種類", "要配慮個人情報", "特定個人情報"]);
    }

    #[test]
    fn the_preview_shows_the_first_rows_as_they_will_be_read() {
        let text = "名称,預かり情報,形態\n図面,○,書類\n配合表,無,サーバ\n試作品,,\n";
        let p = preview(text);
        let t = crate::imports::import::sample_table(&p, Lang::Ja);
        let col = |name: &str| t.columns.iter().position(|c| c.header == name).unwrap();
        assert_eq!(t.columns[0].header, "行");
        assert_eq!(t.rows.iter().map(|r| r[0].as_str()).collect::<Vec<_>>(), ["2", "3", "4"]);
        let entrusted = col(FileColumn::Entrusted.label().get(Lang::Ja));
        assert_eq!(t.rows.iter().map(|r| r[entrusted].as_str()).collect::<Vec<_>>(), ["はい", "いいえ", "いいえ"]);
        assert_eq!(t.rows[0][col(FileColumn::Text(RowField::Name).label().get(Lang::Ja))], "図面");
        let many = preview(&format!("名称\n{}", "x\n".repeat(20)));
        assert_eq!(
            crate::imports::import::sample_table(&many, Lang::En).rows.len(),
            crate::imports::import::SAMPLE_ROWS
        );
    }

    #[test]
    fn headings_of_realistic_inventories_are_recognised() {
        // Headings seen in inventories kept in Excel by small manufacturers and in public templates.
        let cases = [
            ("情報名", "name"),
            ("資産名", "name"),
            ("文書名", "name"),
            ("情報の内容", "description"),
            ("概要", "description"),
            ("保管媒体", "forms"),
            ("保管場所・媒体", "location"),
            ("保存場所（フォルダ）", "location"),
            ("管理部署名", "manager"),
            ("情報管理責任者", "manager"),
            ("機密区分", "classification"),
            ("秘密区分（極秘・社外秘等）", "classification"),
            ("アクセス可能者", "access"),
            ("アクセス可能な者", "access"),
            ("アクセス権限者", "access"),
            ("アクセス権限", "access"),
            ("閲覧権限者", "access"),
            ("利用可能者", "access"),
            ("取扱可能者", "access"),
            ("Authorized users", "access"),
            ("Access rights", "access"),
            ("預かり情報の有無", "entrusted"),
            ("保存年数", "retention"),
            ("廃棄方法（シュレッダー等）", "disposal"),
        ];
        for (heading, key) in cases {
            // A name column first, unless the heading is the name's own.
            let text =
                if key == "name" { format!("{heading}\n図面\n") } else { format!("名称,{heading}\n図面,x\n") };
            let p = read_inventory(&csv(&text), None).unwrap_or_else(|e| panic!("{heading}: {e:?}"));
            assert_eq!(keys(&p).last(), Some(&Some(key)), "{heading}");
        }
    }

    #[test]
    fn full_width_and_split_headers_are_recognised() {
        let p = preview("\"情報の\n名称\",保管　場所,ＦＯＲＭＳ\n図面,書庫,書類・試作品\n");
        assert_eq!(keys(&p), [Some("name"), Some("location"), Some("forms")]);
        assert_eq!(p.rows[0].forms, [InfoForm::Container].into_iter().collect());
    }

    #[test]
    fn bad_cells_are_listed_by_row_and_column_and_good_rows_kept() {
        let text = "名称,形態,預かり情報,管理者\n\
            図面,書類・試作品,はい,開発部長\n\
            試作品,金庫,,\n\
            ,クラウド,たぶん,\n\
            ,,,営業部長\n\
            顧客リスト,紙 / クラウド,○,営業部長\n";
        let p = preview(text);
        assert_eq!(p.rows_read, 5);
        assert_eq!(p.rows.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["図面", "顧客リスト"]);
        assert_eq!(p.row_numbers, [2, 6]);
        assert_eq!(p.rows[1].forms, [InfoForm::Container, InfoForm::Cloud].into_iter().collect());
        assert!(p.rows[1].entrusted);
        let at: Vec<(usize, &str, &str)> =
            p.problems.iter().map(|q| (q.row, q.column.as_str(), q.header.as_str())).collect();
        assert_eq!(at, [(3, "B", "形態"), (4, "A", "名称"), (4, "C", "預かり情報"), (5, "A", "名称")]);
        assert!(p.problems[0].message.ja.contains("「金庫」"), "{:?}", p.problems[0]);
        assert!(p.problems[0].message.en.contains("Own servers and PCs"));
        assert!(p.problems[2].message.en.contains("\"たぶん\" cannot be read as yes or no"));
    }

    #[test]
    fn text_is_kept_as_written_and_trimmed() {
        let p = preview("名称,内容\n  =SUM(A1) ,@cmd|' /C calc'!A0\n+81 3,-1\n");
        assert_eq!(p.rows[0].name, "=SUM(A1)");
        assert_eq!(p.rows[0].description, "@cmd|' /C calc'!A0");
        assert_eq!((p.rows[1].name.as_str(), p.rows[1].description.as_str()), ("+81 3", "-1"));
    }

    #[test]
    fn no_name_column_blocks_the_import_and_lists_the_headers() {
        let p = preview("番号,場所,担当\n1,書庫,山田\n");
        let why = p.blocked.clone().unwrap();
        assert!(why.ja.contains("A 番号、B 場所、C 担当"), "{}", why.ja);
        assert!(why.en.contains("No column holds the \"Name\""), "{}", why.en);
        assert!(p.rows.is_empty() && p.problems.is_empty());
        assert_eq!(p.headers, ["番号", "場所", "担当"]);

        // The user says which column holds the names: the same file imports.
        let choice =
            Choice { mapping: Some(vec![None, Some("location".into()), Some("name".into())]), ..Choice::default() };
        let p = read_inventory(&csv("番号,場所,担当\n1,書庫,山田\n"), Some(&choice)).unwrap();
        assert_eq!((p.rows[0].name.as_str(), p.rows[0].location.as_str()), ("山田", "書庫"));
    }

    #[test]
    fn the_users_choice_overrides_the_guess() {
        let text = "目録,\n名称,備考\n図面,A社\n試作品,B社\n";
        let guessed = preview(text);
        assert_eq!((guessed.header_row, guessed.rows.len()), (2, 2));

        // Header row 1 instead ("目録" becomes the name column), and 備考 read as the manager.
        let choice = Choice {
            header_row: Some(1),
            mapping: Some(vec![Some("name".into()), Some("manager".into())]),
            ..Choice::default()
        };
        let p = read_inventory(&csv(text), Some(&choice)).unwrap();
        assert_eq!(p.header_row, 1);
        assert_eq!(p.headers, ["目録", ""]);
        assert_eq!(
            p.rows.iter().map(|r| (r.name.as_str(), r.manager.as_str())).collect::<Vec<_>>(),
            [("名称", "備考"), ("図面", "A社"), ("試作品", "B社")]
        );

        let twice = Choice { mapping: Some(vec![Some("name".into()), Some("name".into())]), ..Choice::default() };
        let p = read_inventory(&csv(text), Some(&twice)).unwrap();
        assert!(p.blocked.unwrap().en.contains("Columns A and B are both read as \"Name\""));

        let unknown = Choice { mapping: Some(vec![Some("colour".into())]), ..Choice::default() };
        assert!(read_inventory(&csv(text), Some(&unknown)).unwrap_err().en.contains("no field \"colour\""));
        let empty_row = Choice { header_row: Some(9), ..Choice::default() };
        assert!(read_inventory(&csv(text), Some(&empty_row)).unwrap_err().en.contains("Row 9 is empty"));
    }

    #[test]
    fn more_rows_than_an_inventory_holds_are_refused_with_the_count() {
        let mut text = String::from("名称,保管場所\n");
        for n in 0..10_000 {
            text.push_str(&format!("情報{n},書庫\n"));
        }
        let why = read_inventory(&csv(&text), None).unwrap_err();
        assert!(why.ja.contains("10,000 行") && why.ja.contains("1,000 行まで"), "{}", why.ja);
        assert!(why.en.contains("10,000 rows") && why.en.contains("at most 1,000"), "{}", why.en);
    }

    #[test]
    fn a_header_without_rows_says_so() {
        let p = preview("名称,保管場所\n");
        assert!(p.rows.is_empty());
        assert!(p.warnings[0].en.contains("no rows to import below the header in row 1"));
        assert!(read_inventory(&Grid::default(), None).is_err());
    }
}
