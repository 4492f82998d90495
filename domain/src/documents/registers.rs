//! The six registers (管理簿) as tables for the Excel writer: the training material's sample registers, in this
//! project's own words, pre-filled from the self-check (the business, the inventory's information, places and
//! managers) and with ruled blank rows for a year of entries, drop-down lists where a column has fixed values,
//! and a print set-up for A4 landscape.
use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::base::table::{Column, Table};
use crate::base::text::{Lang, Text};
use crate::catalogue::templates::{RegisterKind, Template};
use crate::catalogue::InfoForm;
use crate::engine::inventory::{inventory_table, yes, FileColumn, InfoRow, Inventory, RowField};
use crate::engine::selfcheck::SelfCheck;

// Room for a year of entries, per sheet. The figures are for a small manufacturer and err on the generous side:
// an unused ruled row costs nothing, and rows can always be inserted.
/// New information over a year: an inventory lists tens of items, and a year adds a few products and customers.
const INVENTORY_BLANK: u32 = 50;
/// Taking out, copying or disposing of important information a few times a week, over some fifty weeks.
const TAKEOUT_BLANK: u32 = 200;
/// Containers and areas bought or set up during the year.
const LOCKS_BLANK: u32 = 10;
/// About one key lending per working day (a Japanese year has some 245).
const LENDING_BLANK: u32 = 250;
/// Every combination changes at least once a year, and again when it is installed or moved, when its manager or
/// the people who know it change, or when it may have leaked: a few changes for each of a dozen locks.
const COMBINATION_BLANK: u32 = 30;
/// One row per person and kind of right; a small manufacturer has up to about a hundred people with rights.
const ACCESS_BLANK: u32 = 100;
/// About one visitor per working day to restricted areas or on a factory tour.
const VISITOR_BLANK: u32 = 250;
/// PCs, phones, network equipment and services added or replaced during the year.
const SYSTEM_BLANK: u32 = 50;

/// A cell lists at most this many names, then says how many more; Excel refuses a cell over 32,767 characters,
/// and a thousand-row inventory could get there.
const MAX_NAMES_IN_CELL: usize = 20;

/// What the app sends the Excel worker for a register (inside the Excel worker's request, in the files part): the worker builds
/// the tables, so this module's text and rules stay out of the app's start-up download.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterRequest {
    pub register: RegisterKind,
    pub lang: Lang,
    pub check: SelfCheck,
}

/// The sheets of the register `kind`, in `lang`, pre-filled from `check`. Works for an empty self-check too: the
/// business name is left as a blank to fill in and the sheets are all blank rows.
pub fn register_tables(kind: RegisterKind, check: &SelfCheck, lang: Lang) -> Vec<Table> {
    let ctx = Ctx { check, lang };
    match kind {
        RegisterKind::Inventory => vec![inventory_register(&ctx)],
        RegisterKind::TakeOut => vec![takeout_register(&ctx)],
        RegisterKind::Keys => key_registers(&ctx),
        RegisterKind::AccessHolders => vec![access_register(&ctx)],
        RegisterKind::Visitors => vec![visitor_log(&ctx)],
        RegisterKind::SystemComponents => vec![system_register(&ctx)],
    }
}

/// What every register is made from.
struct Ctx<'a> {
    check: &'a SelfCheck,
    lang: Lang,
}

impl Ctx<'_> {
    fn t(&self, ja: &str, en: &str) -> String {
        Text::new(ja, en).get(self.lang).to_owned()
    }

    fn list(&self, ja: &[&str], en: &[&str]) -> Vec<String> {
        match self.lang {
            Lang::Ja => ja,
            Lang::En => en,
        }
        .iter()
        .map(|s| (*s).to_owned())
        .collect()
    }

    /// The lines above the header: the register's title (and which sheet of it), the business, what the register
    /// is for, that it is a starting point, and any notes for this sheet.
    fn title(&self, kind: RegisterKind, sheet: Option<Text>, notes: &[Text]) -> Vec<String> {
        let template = Template::Register(kind);
        let mut heading = template.title().get(self.lang).to_owned();
        if let Some(sheet) = sheet {
            heading.push_str(" — ");
            heading.push_str(sheet.get(self.lang));
        }
        let business = self.check.profile.organisation.trim();
        let business = if business.is_empty() {
            self.t("事業者名：＿＿＿＿＿＿＿＿＿＿＿＿", "Business: ______________________")
        } else {
            format!("{}{business}", self.t("事業者名：", "Business: "))
        };
        let starting_point = self.t(
            "研修資料の例を参考にしたひな形です。自社のやり方に合わせて、列・選択肢・行を直してお使いください。",
            "A starting point modelled on the training material's examples: change the columns, lists and rows to \
             suit how your business works.",
        );
        [heading, business, template.purpose().get(self.lang).to_owned(), starting_point]
            .into_iter()
            .chain(notes.iter().map(|n| n.get(self.lang).to_owned()))
            .collect()
    }

    fn yes_no(&self) -> Vec<String> {
        vec![yes(self.lang).to_owned(), self.t("いいえ", "No")]
    }

    /// The refusal for fixed vocabularies.
    fn pick(&self) -> String {
        self.t("一覧にある値から選んでください。", "Please pick one of the values in the list.")
    }

    /// The inventory's information names, each once, in inventory order.
    fn info_names(&self) -> Vec<String> {
        distinct(self.check.inventory.rows.iter().map(|r| r.name.as_str()))
    }

    /// The column suggesting the inventory's names.
    fn info_column(&self, header: String, width: u16) -> Column {
        Column::new(header, width, true).suggest(
            self.info_names(),
            self.t(
                "目録にない情報です。このまま記入できますが、目録にも加えてください。",
                "This information is not in the inventory. You may keep it, but add it to the inventory as well.",
            ),
        )
    }

    /// Who may approve or check: the information management officer and the inventory's managers.
    fn approvers(&self) -> Vec<String> {
        let officer = self.check.documents.manager.as_str();
        let managers = self.check.inventory.managers();
        distinct(std::iter::once(officer).chain(managers.iter().map(String::as_str)))
    }

    fn approver_column(&self, header: String, width: u16) -> Column {
        Column::new(header, width, true).suggest(
            self.approvers(),
            self.t(
                "管理責任者・目録の管理者にない人です。このまま記入できます。",
                "This person is not the officer or a manager in the inventory. You may keep it.",
            ),
        )
    }

    /// `names` for one cell, joined the way the language lists things, cut after [`MAX_NAMES_IN_CELL`].
    fn join(&self, names: &[String]) -> String {
        let sep = self.t("、", ", ");
        let mut cell = names.iter().take(MAX_NAMES_IN_CELL).cloned().collect::<Vec<_>>().join(&sep);
        let rest = names.len().saturating_sub(MAX_NAMES_IN_CELL);
        if rest > 0 {
            let more = Text::new(format!("ほか {rest} 件"), format!("and {rest} more"));
            cell.push_str(&sep);
            cell.push_str(more.get(self.lang));
        }
        cell
    }
}

/// The trimmed, non-blank texts, each once, in order of first appearance.
fn distinct<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    texts.into_iter().map(str::trim).filter(|t| !t.is_empty() && seen.insert(*t)).map(str::to_owned).collect()
}

fn col(ctx: &Ctx, ja: &str, en: &str, width: u16, wrap: bool) -> Column {
    Column::new(ctx.t(ja, en), width, wrap)
}

/// A register sheet: the title lines, columns, pre-filled rows, blank rows, set up for printing.
fn sheet(name: String, title: Vec<String>, columns: Vec<Column>, rows: Vec<Vec<String>>, blank_rows: u32) -> Table {
    Table { title, blank_rows, print: true, ..Table::new(name, columns, rows) }
}

fn inventory_register(ctx: &Ctx) -> Table {
    let inventory = &ctx.check.inventory;
    let mut table = inventory_table(inventory, ctx.lang);
    for (file_column, column) in FileColumn::ALL.iter().zip(table.columns.iter_mut()) {
        let plain = std::mem::take(column);
        *column = match file_column {
            FileColumn::Text(RowField::Classification) => plain.choose_from(
                inventory.classes(),
                ctx.t(
                    "区分の一覧から選んでください。区分はアプリの目録で変えられます。",
                    "Please pick one of the classification labels; the app's inventory sets them.",
                ),
            ),
            FileColumn::Text(RowField::Manager) => plain.suggest(
                inventory.managers(),
                ctx.t(
                    "目録のほかの行にない管理者です。このまま記入できます。",
                    "No other row names this manager. You may keep it.",
                ),
            ),
            FileColumn::Entrusted => plain.choose_from(ctx.yes_no(), ctx.pick()),
            _ => plain,
        };
    }
    table.title = ctx.title(RegisterKind::Inventory, None, &[]);
    table.blank_rows = INVENTORY_BLANK;
    table.print = true;
    table
}

fn takeout_register(ctx: &Ctx) -> Table {
    let handling = ctx.list(
        &["持出し", "複製", "社外への提供", "廃棄", "利用（閲覧）", "収集・作成", "保管"],
        &["Take out", "Copy", "Hand to an outside party", "Dispose of", "Use (view)", "Collect or create", "Store"],
    );
    let media = ctx.list(
        &[
            "紙（書類・図面）",
            "試作品・部品など",
            "USBメモリ・DVDなど",
            "ノートPC・タブレット",
            "メール・ファイル送信",
            "クラウド",
            "その他",
        ],
        &[
            "Paper (documents, drawings)",
            "Prototype or part",
            "USB stick, DVD or similar",
            "Laptop or tablet",
            "E-mail or file transfer",
            "Cloud",
            "Other",
        ],
    );
    let columns = vec![
        col(ctx, "No.", "No.", 5, false),
        ctx.info_column(ctx.t("対象の情報", "Information"), 24),
        col(ctx, "目的", "Purpose", 20, true),
        col(ctx, "媒体", "Medium", 16, true).choose_from(media, ctx.pick()),
        col(ctx, "取扱いの種類", "Handling", 14, true).choose_from(handling, ctx.pick()),
        col(ctx, "保管場所・持出し先", "Kept at / taken to", 20, true),
        col(ctx, "開始日", "Start date", 11, false),
        col(ctx, "担当者（開始）", "Handled by (start)", 12, true),
        ctx.approver_column(ctx.t("承認者（開始）", "Approved by (start)"), 12),
        col(ctx, "終了日（返却・廃棄）", "End date (returned or destroyed)", 11, false),
        col(ctx, "担当者（終了）", "Handled by (end)", 12, true),
        ctx.approver_column(ctx.t("確認者（終了）", "Checked by (end)"), 12),
        col(ctx, "備考", "Notes", 22, true),
    ];
    sheet(
        ctx.t("持出し・複製・廃棄", "Take-out, copy, disposal"),
        ctx.title(RegisterKind::TakeOut, None, &[]),
        columns,
        Vec::new(),
        TAKEOUT_BLANK,
    )
}

/// A place named in the inventory, with the information kept there and its managers.
struct Place {
    place: String,
    names: Vec<String>,
    managers: Vec<String>,
    /// The forms of the first row that named it (for guessing a component's kind).
    forms: BTreeSet<InfoForm>,
}

/// Words that mark a place as electronic storage rather than a cabinet, room or shop floor.
const ELECTRONIC_WORDS: [&str; 18] = [
    "サーバ",
    "フォルダ",
    "クラウド",
    "pc",
    "パソコン",
    "nas",
    "ドライブ",
    "ストレージ",
    "データセンター",
    "システム",
    "server",
    "folder",
    "cloud",
    "drive",
    "storage",
    "laptop",
    "computer",
    "data cent",
];

fn is_electronic(place: &str) -> bool {
    let lower = place.to_lowercase();
    ELECTRONIC_WORDS.iter().any(|w| lower.contains(w))
}

/// The places in the location cell of `row`: it often names several, e.g. "設計室の施錠キャビネット、ファイルサーバの
/// 設計フォルダ". `electronic` picks the server and cloud places, otherwise the cabinets, rooms and areas; a row whose
/// forms are all of the wanted kind keeps every place, and when the words tell nothing apart all are kept.
fn places_of(row: &InfoRow, electronic: bool) -> Vec<String> {
    let parts = distinct(row.location.split(['、', ',', '，', ';', '；', '\n']));
    let physical = |f: &InfoForm| matches!(f, InfoForm::Container | InfoForm::Area);
    let mixed = if electronic {
        row.forms.iter().any(|f| !matches!(f, InfoForm::OwnServer | InfoForm::Cloud))
    } else {
        row.forms.iter().any(|f| !physical(f))
    };
    if !mixed {
        return parts;
    }
    let picked: Vec<String> = parts.iter().filter(|p| is_electronic(p) == electronic).cloned().collect();
    if picked.is_empty() {
        parts
    } else {
        picked
    }
}

/// The distinct places of the rows with one of `forms`, in inventory order, each with its information.
fn places(inventory: &Inventory, forms: &[InfoForm], electronic: bool) -> Vec<Place> {
    let mut out: Vec<Place> = Vec::new();
    for row in inventory.rows.iter().filter(|r| r.forms.iter().any(|f| forms.contains(f))) {
        for place in places_of(row, electronic) {
            let index = match out.iter().position(|p| p.place == place) {
                Some(index) => index,
                None => {
                    out.push(Place { place, names: Vec::new(), managers: Vec::new(), forms: row.forms.clone() });
                    out.len() - 1
                }
            };
            let entry = &mut out[index];
            for (list, text) in [(&mut entry.names, &row.name), (&mut entry.managers, &row.manager)] {
                let text = text.trim();
                if !text.is_empty() && !list.iter().any(|t| t == text) {
                    list.push(text.to_owned());
                }
            }
        }
    }
    out
}

fn key_registers(ctx: &Ctx) -> Vec<Table> {
    let places = places(&ctx.check.inventory, &[InfoForm::Container, InfoForm::Area], false);
    let place_names: Vec<String> = places.iter().map(|p| p.place.clone()).collect();
    let place_column = |ja: &str, en: &str| {
        col(ctx, ja, en, 24, true).suggest(
            place_names.clone(),
            ctx.t(
                "「鍵と錠」のシートにない場所です。このまま記入できますが、そのシートにも加えてください。",
                "This place is not on the sheet of keys and locks. You may keep it, but add it there as well.",
            ),
        )
    };
    let lock_kinds = ctx.list(
        &["差込み式の鍵", "ダイヤル錠（暗証番号）", "テンキー・カード錠", "その他"],
        &["Key", "Combination dial", "Keypad or card lock", "Other"],
    );
    let locks = sheet(
        ctx.t("鍵と錠", "Keys and locks"),
        ctx.title(RegisterKind::Keys, Some(Text::new("鍵と錠の一覧", "the keys and locks")), &[]),
        vec![
            col(ctx, "場所（保管容器・区域）", "Place (container or area)", 28, true),
            col(ctx, "錠の種類", "Kind of lock", 16, true).choose_from(lock_kinds, ctx.pick()),
            col(ctx, "守る情報", "Information kept there", 28, true),
            col(ctx, "管理者", "Manager", 14, true),
            col(ctx, "鍵の本数と保管場所", "Keys: how many, kept where", 18, true),
            col(ctx, "番号を知っている人", "Who knows the combination", 18, true),
            col(ctx, "番号の最終変更日", "Combination last changed", 12, false),
            col(ctx, "次の変更期限（1年以内）", "Next change due (within a year)", 12, false),
            col(ctx, "備考", "Notes", 20, true),
        ],
        places
            .iter()
            .map(|p| {
                vec![
                    p.place.clone(),
                    String::new(),
                    ctx.join(&p.names),
                    ctx.join(&p.managers),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]
            })
            .collect(),
        LOCKS_BLANK,
    );
    let lending = sheet(
        ctx.t("鍵の貸出し", "Key lending"),
        ctx.title(RegisterKind::Keys, Some(Text::new("鍵の貸出しと返却", "lending and return of keys")), &[]),
        vec![
            col(ctx, "貸出日", "Date", 11, false),
            place_column("鍵（場所）", "Key (place)"),
            col(ctx, "借りた人", "Borrowed by", 14, true),
            col(ctx, "目的", "Purpose", 22, true),
            col(ctx, "貸出時刻", "Time out", 9, false),
            col(ctx, "返却日時", "Returned (date, time)", 14, false),
            ctx.approver_column(ctx.t("確認者", "Checked by"), 14),
            col(ctx, "備考", "Notes", 20, true),
        ],
        Vec::new(),
        LENDING_BLANK,
    );
    let reasons = ctx.list(
        &[
            "定期の変更（年1回以上）",
            "取付け・設置場所の変更",
            "管理者・アクセス権者の交代",
            "番号の漏えい（おそれを含む）",
            "その他",
        ],
        &[
            "Yearly change (at least once a year)",
            "Installed or moved",
            "Manager or access holders changed",
            "Number leaked, or may have",
            "Other",
        ],
    );
    let combinations = sheet(
        ctx.t("暗証番号の変更", "Combination changes"),
        ctx.title(
            RegisterKind::Keys,
            Some(Text::new("暗証番号の変更", "combination changes")),
            &[Text::new(
                "番号そのものは、この表にもほかの場所にも書き残さないでください。",
                "Never write the combination itself here or anywhere else.",
            )],
        ),
        vec![
            col(ctx, "変更日", "Date changed", 11, false),
            place_column("場所", "Place"),
            col(ctx, "理由", "Reason", 24, true).choose_from(reasons, ctx.pick()),
            col(ctx, "変更した人", "Changed by", 14, true),
            col(ctx, "新しい番号を伝えた人", "New number told to", 24, true),
            ctx.approver_column(ctx.t("確認者", "Checked by"), 14),
            col(ctx, "備考", "Notes", 20, true),
        ],
        Vec::new(),
        COMBINATION_BLANK,
    );
    vec![locks, lending, combinations]
}

fn access_register(ctx: &Ctx) -> Table {
    let inventory = &ctx.check.inventory;
    let manager_right = ctx.t("管理者", "Manager");
    let rights = vec![
        manager_right.clone(),
        ctx.t("利用（閲覧・編集）", "Use (view and edit)"),
        ctx.t("閲覧のみ", "View only"),
        ctx.t("その他", "Other"),
    ];
    let rows = inventory
        .managers()
        .into_iter()
        .map(|manager| {
            let managed =
                distinct(inventory.rows.iter().filter(|r| r.manager.trim() == manager).map(|r| r.name.as_str()));
            vec![
                manager,
                String::new(),
                ctx.join(&managed),
                manager_right.clone(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                ctx.t("目録に管理者として記載", "Named as manager in the inventory"),
            ]
        })
        .collect();
    sheet(
        ctx.t("アクセス権者", "Access holders"),
        ctx.title(RegisterKind::AccessHolders, None, &[]),
        vec![
            col(ctx, "氏名", "Name", 16, true),
            col(ctx, "所属・役職", "Department, position", 18, true),
            ctx.info_column(ctx.t("対象の情報", "Information"), 28),
            col(ctx, "権限", "Rights", 14, true).choose_from(rights, ctx.pick()),
            col(ctx, "付与日", "Granted on", 11, false),
            ctx.approver_column(ctx.t("付与を決めた人", "Granted by"), 14),
            col(ctx, "教育の受講日", "Training attended on", 12, false),
            col(ctx, "誓約書", "Pledge signed", 9, false).choose_from(ctx.yes_no(), ctx.pick()),
            col(ctx, "見直し日", "Last reviewed", 11, false),
            col(ctx, "失効日（異動・退職）", "Revoked on (transfer, leaving)", 12, false),
            col(ctx, "備考", "Notes", 20, true),
        ],
        rows,
        ACCESS_BLANK,
    )
}

fn visitor_log(ctx: &Ctx) -> Table {
    let areas = places(&ctx.check.inventory, &[InfoForm::Area], false);
    let purposes = ctx.list(
        &["打合せ", "工場見学", "工事・保守", "納品・引取り", "監査・審査", "その他"],
        &["Meeting", "Factory tour", "Works or maintenance", "Delivery or collection", "Audit", "Other"],
    );
    sheet(
        ctx.t("来訪者", "Visitors"),
        ctx.title(
            RegisterKind::Visitors,
            None,
            &[Text::new(
                "立入制限区域に入ったすべての人を記録します。カメラなどの持込みは、管理者の承認を得たものだけを書きます。",
                "Record everyone who enters a restricted area. Cameras and other devices come in only with a \
                 manager's approval; note which.",
            )],
        ),
        vec![
            col(ctx, "日付", "Date", 11, false),
            col(ctx, "入室時刻", "Time in", 8, false),
            col(ctx, "退室時刻", "Time out", 8, false),
            col(ctx, "氏名", "Name", 16, true),
            col(ctx, "会社・所属", "Company", 20, true),
            col(ctx, "目的", "Purpose", 16, true).suggest(
                purposes,
                ctx.t("一覧にない目的です。このまま記入できます。", "This purpose is not in the list. You may keep it."),
            ),
            col(ctx, "応対者", "Host", 14, true),
            col(ctx, "立ち入った区域", "Areas entered", 22, true).suggest(
                areas.into_iter().map(|a| a.place).collect(),
                ctx.t(
                    "目録にない区域です。このまま記入できますが、目録にも加えてください。",
                    "This area is not in the inventory. You may keep it, but add it to the inventory as well.",
                ),
            ),
            col(ctx, "誓約書", "Pledge signed", 9, false).choose_from(ctx.yes_no(), ctx.pick()),
            col(ctx, "同行者", "Accompanied by", 14, true),
            col(ctx, "入館証の番号", "Badge No.", 10, false),
            col(ctx, "持込み機器（承認）", "Devices brought in (approved)", 18, true),
            col(ctx, "備考", "Notes", 18, true),
        ],
        Vec::new(),
        VISITOR_BLANK,
    )
}

/// The component kinds, in the order of the drop-down list.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ComponentKind {
    Server,
    Pc,
    Network,
    Cloud,
    Storage,
    Other,
}

impl ComponentKind {
    const ALL: [ComponentKind; 6] = [
        ComponentKind::Server,
        ComponentKind::Pc,
        ComponentKind::Network,
        ComponentKind::Cloud,
        ComponentKind::Storage,
        ComponentKind::Other,
    ];

    fn label(self) -> Text {
        match self {
            ComponentKind::Server => Text::new("サーバ", "Server"),
            ComponentKind::Pc => Text::new("PC", "PC"),
            ComponentKind::Network => Text::new("ネットワーク機器", "Network device"),
            ComponentKind::Cloud => Text::new("クラウドサービス", "Cloud service"),
            ComponentKind::Storage => Text::new("記憶媒体", "Storage medium"),
            ComponentKind::Other => Text::new("その他", "Other"),
        }
    }

    /// A guess from the place's words and the forms of its information; `None` leaves the choice to the user.
    fn guess(place: &Place) -> Option<ComponentKind> {
        let lower = place.place.to_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
        if has(&["クラウド", "cloud", "データセンター", "data cent"]) {
            Some(ComponentKind::Cloud)
        } else if has(&["サーバ", "server", "nas"]) {
            Some(ComponentKind::Server)
        } else if has(&["pc", "パソコン", "laptop", "computer"]) {
            Some(ComponentKind::Pc)
        } else if place.forms.contains(&InfoForm::Cloud) && !place.forms.contains(&InfoForm::OwnServer) {
            Some(ComponentKind::Cloud)
        } else {
            None
        }
    }
}

fn system_register(ctx: &Ctx) -> Table {
    let places = places(&ctx.check.inventory, &[InfoForm::OwnServer, InfoForm::Cloud], true);
    let kinds = ComponentKind::ALL.map(|k| k.label().get(ctx.lang).to_owned()).to_vec();
    let protection =
        vec![ctx.t("導入済み", "Installed"), ctx.t("未導入", "Not installed"), ctx.t("対象外", "Not applicable")];
    let rows = places
        .iter()
        .map(|p| {
            let kind = ComponentKind::guess(p).map(|k| k.label().get(ctx.lang).to_owned()).unwrap_or_default();
            // The asset number and the user are the business's to fill in.
            let mut row = vec![String::new(); 13];
            row[1] = kind;
            row[2] = p.place.clone();
            row[3] = ctx.join(&p.names);
            row[4] = ctx.join(&p.managers);
            row
        })
        .collect();
    sheet(
        ctx.t("システム構成要素", "System components"),
        ctx.title(RegisterKind::SystemComponents, None, &[]),
        // The catalogue's example register: asset number, type, location, user, OS and software, ...
        vec![
            col(ctx, "管理番号", "Asset no.", 12, false),
            col(ctx, "種類", "Kind", 16, true).choose_from(kinds, ctx.pick()),
            col(ctx, "名称・場所", "Name or location", 28, true),
            col(ctx, "扱う重要情報", "Important information held", 28, true),
            col(ctx, "管理者", "Administrator", 14, true),
            col(ctx, "使用者", "User", 14, true),
            col(ctx, "OS・ソフトウェアと版", "OS, software, versions", 20, true),
            col(ctx, "ウイルス対策ソフト", "Anti-malware", 12, true).choose_from(protection, ctx.pick()),
            col(ctx, "更新の確認日", "Updates checked on", 12, false),
            col(ctx, "バックアップの方法", "Backup", 16, true),
            col(ctx, "使用開始日", "In use since", 11, false),
            col(ctx, "廃棄日（データ消去）", "Disposed of (data erased)", 12, false),
            col(ctx, "備考", "Notes", 18, true),
        ],
        rows,
        SYSTEM_BLANK,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::inventory::{examples, InventoryAction};

    fn sample() -> SelfCheck {
        let mut check = SelfCheck::default();
        check.profile.organisation = "山田精工株式会社".into();
        check.documents.manager = "山田 太郎".into();
        for n in 0..examples().len() {
            check.inventory.apply(InventoryAction::AddExample(n)).unwrap();
        }
        check
    }

    fn headers(table: &Table) -> Vec<&str> {
        table.columns.iter().map(|c| c.header.as_str()).collect()
    }

    fn column<'a>(table: &'a Table, header: &str) -> (usize, &'a Column) {
        table
            .columns
            .iter()
            .enumerate()
            .find(|(_, c)| c.header == header)
            .unwrap_or_else(|| panic!("{} has no column {header}", table.name))
    }

    fn cells<'a>(table: &'a Table, header: &str) -> Vec<&'a str> {
        let (n, _) = column(table, header);
        table.rows.iter().map(|r| r[n].as_str()).collect()
    }

    #[test]
    fn every_register_names_the_business_and_says_it_is_a_starting_point() {
        let check = sample();
        for kind in RegisterKind::ALL {
            for lang in [Lang::Ja, Lang::En] {
                let tables = register_tables(kind, &check, lang);
                assert!(!tables.is_empty());
                for table in &tables {
                    let title = Template::Register(kind).title();
                    assert!(table.title[0].starts_with(title.get(lang)), "{:?}", table.title);
                    assert!(table.title[1].ends_with("山田精工株式会社"), "{:?}", table.title);
                    assert!(table.title[3].contains(Text::new("ひな形", "starting point").get(lang)));
                    assert!(table.print, "{} is set up for printing", table.name);
                    assert!(table.blank_rows >= 10, "{} has room for entries", table.name);
                    assert!(table.rows.iter().all(|r| r.len() == table.columns.len()), "{}", table.name);
                    for column in &table.columns {
                        assert!(!column.header.is_empty() && column.width > 0, "{}", table.name);
                        assert!(column.other_message.encode_utf16().count() <= 255, "Excel's limit");
                        if !column.choices.is_empty() {
                            assert!(!column.other_message.is_empty(), "{} {}", table.name, column.header);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn an_empty_self_check_gives_blank_registers_with_a_blank_for_the_business() {
        let check = SelfCheck::default();
        for kind in RegisterKind::ALL {
            for table in register_tables(kind, &check, Lang::Ja) {
                assert_eq!(table.title[1], "事業者名：＿＿＿＿＿＿＿＿＿＿＿＿", "{}", table.name);
                assert!(table.rows.is_empty(), "{}", table.name);
                assert!(table.blank_rows > 0);
                // Lists that come from the inventory are empty, and then there is no drop-down at all.
                for column in &table.columns {
                    assert!(column.choices.iter().all(|c| !c.trim().is_empty()));
                }
            }
        }
        let en = register_tables(RegisterKind::Visitors, &check, Lang::En);
        assert_eq!(en[0].title[1], "Business: ______________________");
    }

    #[test]
    fn the_inventory_register_is_the_inventory_with_lists_for_classification_entrusted_and_manager() {
        let check = sample();
        let table = &register_tables(RegisterKind::Inventory, &check, Lang::Ja)[0];
        assert_eq!(table.name, "目録");
        assert_eq!(table.rows, inventory_table(&check.inventory, Lang::Ja).rows);
        assert_eq!(table.blank_rows, INVENTORY_BLANK);
        let (_, class) = column(table, "区分");
        assert_eq!(class.choices, ["極秘", "関係者限り", "社外秘"]);
        assert!(!class.allow_other, "the classification scheme is fixed");
        let (_, entrusted) = column(table, "預かり情報");
        assert_eq!(entrusted.choices, ["はい", "いいえ"]);
        assert_eq!(cells(table, "預かり情報")[4], "はい");
        let (_, manager) = column(table, "管理者");
        assert_eq!(manager.choices, ["開発部長", "製造部長", "営業部長", "購買課長"]);
        assert!(manager.allow_other);
        // The training material's inventory has 業務分類 and 登録日; so do the register's columns.
        assert_eq!(cells(table, "業務分類")[..2], ["技術", "製造"]);
        assert_eq!(column(table, "登録日").0, table.columns.len() - 1);

        let mut own = check.clone();
        own.inventory.apply(InventoryAction::SetClasses(vec!["秘".into(), "公開".into()])).unwrap();
        let table = &register_tables(RegisterKind::Inventory, &own, Lang::En)[0];
        assert_eq!(column(table, "Classification").1.choices, ["秘", "公開"]);
        assert_eq!(column(table, "Entrusted").1.choices, ["Yes", "No"]);
    }

    #[test]
    fn the_takeout_register_follows_the_sample_columns_and_offers_the_inventory_names() {
        let check = sample();
        let table = &register_tables(RegisterKind::TakeOut, &check, Lang::Ja)[0];
        assert_eq!(
            headers(table),
            [
                "No.",
                "対象の情報",
                "目的",
                "媒体",
                "取扱いの種類",
                "保管場所・持出し先",
                "開始日",
                "担当者（開始）",
                "承認者（開始）",
                "終了日（返却・廃棄）",
                "担当者（終了）",
                "確認者（終了）",
                "備考"
            ]
        );
        assert!(table.rows.is_empty());
        assert_eq!(table.blank_rows, TAKEOUT_BLANK);
        let (_, info) = column(table, "対象の情報");
        assert_eq!(info.choices[0], "製品設計図");
        assert_eq!(info.choices.len(), examples().len());
        assert!(info.allow_other, "information not yet in the inventory can still be written");
        let (_, handling) = column(table, "取扱いの種類");
        assert!(!handling.allow_other);
        for kind in ["持出し", "複製", "廃棄", "社外への提供"] {
            assert!(handling.choices.iter().any(|c| c == kind), "{kind}");
        }
        let (_, approver) = column(table, "承認者（開始）");
        assert_eq!(approver.choices, ["山田 太郎", "開発部長", "製造部長", "営業部長", "購買課長"]);
        let en = &register_tables(RegisterKind::TakeOut, &check, Lang::En)[0];
        assert_eq!(column(en, "Handling").1.choices[0], "Take out");
    }

    #[test]
    fn the_key_register_lists_each_cabinet_and_area_once_with_its_information() {
        let mut check = sample();
        // A second drawing kept in the same cabinet adds its name to the cabinet's row, not a new row.
        check.inventory.apply(InventoryAction::AddExample(0)).unwrap();
        check
            .inventory
            .apply(InventoryAction::Edit {
                row: examples().len(), field: RowField::Name, text: "治具の図面".into()
            })
            .unwrap();
        let tables = register_tables(RegisterKind::Keys, &check, Lang::Ja);
        let names: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["鍵と錠", "鍵の貸出し", "暗証番号の変更"]);
        let locks = &tables[0];
        // Server folders and cloud storage named beside a cabinet are not key places.
        assert_eq!(
            cells(locks, "場所（保管容器・区域）"),
            ["設計室の施錠キャビネット", "試作室の施錠保管庫", "第2工場の立入制限区域", "営業部の施錠キャビネット"]
        );
        assert_eq!(cells(locks, "守る情報")[0], "製品設計図、治具の図面");
        assert_eq!(cells(locks, "管理者")[3], "営業部長");
        assert!(locks.columns.iter().any(|c| c.header.contains("最終変更日")));
        let (_, lock) = column(locks, "錠の種類");
        assert!(lock.choices.iter().any(|c| c.contains("暗証番号")));

        let lending = &tables[1];
        assert!(lending.rows.is_empty());
        assert_eq!(lending.blank_rows, LENDING_BLANK);
        assert_eq!(column(lending, "鍵（場所）").1.choices, cells(locks, "場所（保管容器・区域）"));

        let changes = &tables[2];
        assert!(changes.title.iter().any(|l| l.contains("番号そのもの")), "a warning not to write the number");
        let (_, reason) = column(changes, "理由");
        assert!(reason.choices[0].contains("年1回以上"));
        assert!(!reason.allow_other);
    }

    #[test]
    fn the_access_register_starts_with_a_row_per_manager_and_what_they_manage() {
        let check = sample();
        let table = &register_tables(RegisterKind::AccessHolders, &check, Lang::Ja)[0];
        assert_eq!(cells(table, "氏名"), ["開発部長", "製造部長", "営業部長", "購買課長"]);
        assert_eq!(cells(table, "対象の情報")[0], "製品設計図、新製品の試作品");
        assert_eq!(cells(table, "権限"), ["管理者"; 4]);
        assert!(cells(table, "付与日").iter().all(|c| c.is_empty()), "dates are the user's to fill in");
        assert_eq!(column(table, "誓約書").1.choices, ["はい", "いいえ"]);
        for header in ["所属・役職", "教育の受講日", "失効日（異動・退職）"] {
            column(table, header);
        }
        assert_eq!(table.blank_rows, ACCESS_BLANK);
    }

    #[test]
    fn the_visitor_log_has_the_reception_columns_and_offers_the_restricted_areas() {
        let check = sample();
        let table = &register_tables(RegisterKind::Visitors, &check, Lang::En)[0];
        assert_eq!(
            headers(table),
            [
                "Date",
                "Time in",
                "Time out",
                "Name",
                "Company",
                "Purpose",
                "Host",
                "Areas entered",
                "Pledge signed",
                "Accompanied by",
                "Badge No.",
                "Devices brought in (approved)",
                "Notes"
            ]
        );
        assert_eq!(column(table, "Areas entered").1.choices, ["第2工場の立入制限区域"]);
        assert_eq!(column(table, "Pledge signed").1.choices, ["Yes", "No"]);
        assert!(column(table, "Purpose").1.allow_other);
        assert_eq!(table.blank_rows, VISITOR_BLANK);
    }

    #[test]
    fn the_system_register_lists_servers_and_cloud_services_from_the_inventory() {
        let check = sample();
        let table = &register_tables(RegisterKind::SystemComponents, &check, Lang::Ja)[0];
        assert_eq!(
            cells(table, "名称・場所"),
            [
                "ファイルサーバの設計フォルダ",
                "ファイルサーバの製造技術フォルダ",
                "A社指定のクラウドストレージ",
                "ファイルサーバの外注フォルダ"
            ]
        );
        assert_eq!(
            headers(table),
            [
                "管理番号",
                "種類",
                "名称・場所",
                "扱う重要情報",
                "管理者",
                "使用者",
                "OS・ソフトウェアと版",
                "ウイルス対策ソフト",
                "更新の確認日",
                "バックアップの方法",
                "使用開始日",
                "廃棄日（データ消去）",
                "備考"
            ]
        );
        // The business numbers its own assets and names their users.
        assert!(cells(table, "管理番号").iter().all(|c| c.is_empty()));
        assert!(cells(table, "使用者").iter().all(|c| c.is_empty()));
        assert_eq!(cells(table, "種類"), ["サーバ", "サーバ", "クラウドサービス", "サーバ"]);
        assert_eq!(cells(table, "扱う重要情報")[2], "顧客A社の部品図面");
        assert_eq!(cells(table, "管理者")[1], "製造部長");
        let (_, kind) = column(table, "種類");
        assert_eq!(kind.choices, ["サーバ", "PC", "ネットワーク機器", "クラウドサービス", "記憶媒体", "その他"]);
        assert!(!kind.allow_other);
        let en = &register_tables(RegisterKind::SystemComponents, &check, Lang::En)[0];
        assert_eq!(
            headers(en)[..6],
            ["Asset no.", "Kind", "Name or location", "Important information held", "Administrator", "User"]
        );
    }

    #[test]
    fn a_long_inventory_is_cut_in_a_cell_and_kept_whole_in_the_lists() {
        let mut check = SelfCheck::default();
        let rows = (0..crate::engine::inventory::MAX_ROWS)
            .map(|n| InfoRow {
                name: format!("図面 {n:04} {}", "あ".repeat(40)),
                forms: [InfoForm::Container].into_iter().collect(),
                location: "第1倉庫".into(),
                manager: "倉庫長".into(),
                ..InfoRow::default()
            })
            .collect();
        check.inventory.apply(InventoryAction::Import { rows, replace: true }).unwrap();
        let locks = &register_tables(RegisterKind::Keys, &check, Lang::En)[0];
        assert_eq!(locks.rows.len(), 1);
        let held = &cells(locks, "Information kept there")[0];
        assert!(held.ends_with(", and 980 more"), "{held}");
        assert!(held.chars().count() < 32_767);
        let takeout = &register_tables(RegisterKind::TakeOut, &check, Lang::En)[0];
        assert_eq!(column(takeout, "Information").1.choices.len(), crate::engine::inventory::MAX_ROWS);
        let access = &register_tables(RegisterKind::AccessHolders, &check, Lang::Ja)[0];
        assert!(cells(access, "対象の情報")[0].ends_with("、ほか 980 件"));
    }

    #[test]
    fn places_split_and_keep_only_the_wanted_kind_when_a_row_mixes_forms() {
        let row = |location: &str, forms: &[InfoForm]| InfoRow {
            location: location.into(),
            forms: forms.iter().copied().collect(),
            ..InfoRow::default()
        };
        let mixed = row("事務所の金庫、社長のPC; 倉庫", &[InfoForm::Container, InfoForm::OwnServer]);
        assert_eq!(places_of(&mixed, false), ["事務所の金庫", "倉庫"]);
        assert_eq!(places_of(&mixed, true), ["社長のPC"]);
        // Only one kind of form: every place named is of that kind, whatever the words.
        let paper = row("サーバ室のキャビネット", &[InfoForm::Container]);
        assert_eq!(places_of(&paper, false), ["サーバ室のキャビネット"]);
        // Words that tell nothing apart keep everything rather than lose the place.
        let vague = row("本社", &[InfoForm::Container, InfoForm::Cloud]);
        assert_eq!(places_of(&vague, true), ["本社"]);
    }
}
