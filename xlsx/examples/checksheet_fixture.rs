//! Writes tests/e2e/fixtures/checksheet.xlsx: a periodic report kept in Excel in the layout of 付録1 (2022 METI
//! report), for the browser test of the checksheet import. Run from the repository root when the layout should
//! change: `cargo run -p tics-xlsx --example checksheet_fixture`. xlsx/tests/checksheet.rs checks what the
//! committed file reads as.
//!
//! The sheet: a title merged over A1:F1; 審査 above column F and 定期報告 merged over G2:I2 (the two-row header);
//! the header on row 3 (章 節 項 番 内容, the two 確認内容, 確認日, 確認者, and 備考, which the report does not
//! keep); 章 "I" merged down rows 4-8 and 節 第四 down rows 4-6; full-width numbers; dates as date cells, one
//! "変更無し", and in row 8 a date typed as text that is no real day (2026/2/30), which the preview names as row 8,
//! column H. A cover sheet comes first.
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

fn main() -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    // A fixed creation time, so that writing the file again gives the same bytes.
    let created = ExcelDateTime::from_ymd(2026, 4, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let plain = Format::new();
    let date = Format::new().set_num_format("yyyy/m/d");
    let cover = book.add_worksheet();
    cover.set_name("表紙")?;
    cover.write_string(0, 0, "定期報告 2026年度（サンプル製作所）")?;

    let sheet = book.add_worksheet();
    sheet.set_name("定期報告")?;
    sheet.merge_range(0, 0, 0, 5, "技術情報管理認証 定期報告", &plain)?;
    sheet.write_string(1, 5, "審査")?;
    sheet.merge_range(1, 6, 1, 8, "定期報告", &plain)?;
    let headers = ["章", "節", "項", "番", "内容", "確認内容", "確認内容", "確認日", "確認者", "備考"];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(2, c as u16, *h)?;
    }
    let rows: [[&str; 10]; 6] = [
        [
            "",
            "",
            "１",
            "（１）",
            "管理対象情報の持ち出し・複製・廃棄を台帳に記録する。",
            "台帳を閲覧し、記録を確認した。",
            "今期の台帳を閲覧し、記録が続いていることを確認した。",
            "",
            "山田",
            "",
        ],
        [
            "",
            "",
            "",
            "（２）",
            "台帳の記録を半年に一度見直す。",
            "見直しの記録を確認した。",
            "変更無し",
            "",
            "山田",
            "",
        ],
        [
            "",
            "",
            "２",
            "（１）",
            "管理対象情報を扱える者の範囲を決め、一覧にする。",
            "一覧を確認した。",
            "異動に合わせて一覧が更新されていることを確認した。",
            "",
            "佐藤",
            "4月に異動あり",
        ],
        [
            "",
            "第五",
            "１",
            "（１）",
            "従業員に秘密保持の誓約書を提出させる。",
            "誓約書を確認した。",
            "新入社員2名の誓約書を確認した。",
            "",
            "佐藤",
            "",
        ],
        [
            "",
            "",
            "２",
            "（１）",
            "退職する者から管理対象情報を返却させる。",
            "返却記録を確認した。",
            "退職者の返却記録を確認した。",
            "2026/2/30",
            "佐藤",
            "日付を書き間違えた行",
        ],
        [
            "III",
            "第一",
            "１",
            "（１）",
            "書類や試作品を保管する棚に鍵をかける。",
            "施錠を確認した。",
            "変更無し",
            "",
            "山田",
            "",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                sheet.write_string(3 + r as u32, c as u16, *cell)?;
            }
        }
    }
    sheet.merge_range(3, 0, 7, 0, "I", &plain)?;
    sheet.merge_range(3, 1, 5, 1, "第四", &plain)?;
    for (r, day) in [(3, 1), (4, 1), (5, 2), (6, 3), (8, 3)] {
        sheet.write_datetime_with_format(r, 7, ExcelDateTime::from_ymd(2026, 4, day)?, &date)?;
    }
    sheet.set_column_width(4, 40)?;
    book.save("tests/e2e/fixtures/checksheet.xlsx")
}
