//! The aggregate as tables: the Excel workbook has one sheet each, and each is also offered as a CSV file. The
//! view's accessible tables show the same numbers.
use crate::association::aggregate::{
    change_text, level_slot_label, score_text, year_label, Collection, Filter, Picture,
};
use crate::base::table::Table;
use crate::base::text::Lang;
use crate::catalogue::Catalogue;
use crate::engine::vocab::{percent_text, topic_label};
use crate::files::tables::{columns, level_label, tr};

/// The aggregate's tables, each by name: what the screen, the print, the CSV files and the workbook all draw from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PictureTables {
    pub overview: Table,
    pub levels: Table,
    pub topics: Table,
    pub items: Table,
    pub threats: Table,
    pub members: Table,
}

impl PictureTables {
    /// Every table in the workbook's order, with the key its CSV file and button are known by.
    pub fn keyed(&self) -> [(&'static str, &Table); 6] {
        [
            ("overview", &self.overview),
            ("levels", &self.levels),
            ("topics", &self.topics),
            ("items", &self.items),
            ("threats", &self.threats),
            ("members", &self.members),
        ]
    }

    /// The workbook's sheets, in order.
    pub fn all(&self) -> Vec<Table> {
        self.keyed().into_iter().map(|(_, table)| table.clone()).collect()
    }
}

/// Every table of the aggregate.
pub fn picture_tables(
    catalogue: &Catalogue,
    collection: &Collection,
    filter: &Filter,
    picture: &Picture,
    lang: Lang,
) -> PictureTables {
    PictureTables {
        overview: overview(catalogue, collection, filter, picture, lang),
        levels: levels(picture, lang),
        topics: topics(catalogue, picture, lang),
        items: items(catalogue, picture, lang),
        threats: threats(picture, lang),
        members: members(catalogue, collection, filter, lang),
    }
}

pub(super) fn year_text(year: Option<i32>, lang: Lang) -> String {
    year.map(|y| year_label(y).get(lang).to_owned()).unwrap_or_default()
}

fn overview(catalogue: &Catalogue, collection: &Collection, filter: &Filter, p: &Picture, lang: Lang) -> Table {
    let mut rows = vec![
        vec![tr(lang, "年度", "Fiscal year"), year_text(p.year, lang)],
        vec![tr(lang, "対象の会員", "Members shown"), filter.describe().get(lang).to_owned()],
        vec![tr(lang, "会員数", "Members"), p.members.to_string()],
        vec![tr(lang, "読み込んだ会員（全年度）", "Members read (all years)"), collection.members.len().to_string()],
        vec![tr(lang, "読み込めなかったファイル", "Files refused"), collection.refused.len().to_string()],
        vec![
            tr(lang, "同じセルフチェックの古いファイル（数えず）", "Older copies of a self-check (not counted)"),
            collection.duplicates.len().to_string(),
        ],
        vec![tr(lang, "カタログ", "Catalogue"), format!("{} {}", catalogue.id, catalogue.version)],
    ];
    if let Some(previous) = p.previous_year {
        rows.push(vec![tr(lang, "比べた前の年度", "Compared with"), year_text(Some(previous), lang)]);
    }
    for note in &p.versions {
        rows.push(vec![
            tr(lang, "別の版のカタログ", "Another catalogue version"),
            note.describe(catalogue).get(lang).to_owned(),
        ]);
    }
    Table {
        name: tr(lang, "概要", "Overview"),
        columns: columns(lang, &[("項目", "What", 36, false), ("値", "Value", 60, true)]),
        rows,
        ..Table::default()
    }
}

fn levels(p: &Picture, lang: Lang) -> Table {
    let rows = p
        .levels
        .iter()
        .enumerate()
        .map(|(slot, &n)| {
            vec![level_slot_label(slot).get(lang).to_owned(), n.to_string(), percent_text(p.level_share(slot))]
        })
        .collect();
    Table {
        name: tr(lang, "達成レベル", "Levels attained"),
        columns: columns(
            lang,
            &[
                ("達成レベル", "Level attained", 28, false),
                ("会員数", "Members", 10, false),
                ("割合", "Share", 10, false),
            ],
        ),
        rows,
        ..Table::default()
    }
}

fn topics(catalogue: &Catalogue, p: &Picture, lang: Lang) -> Table {
    let rows = p
        .topics
        .iter()
        .map(|t| {
            let q = t.quartiles;
            let cell = |f: fn(&crate::association::aggregate::Quartiles) -> f64| {
                q.as_ref().map(|q| score_text(f(q))).unwrap_or_default()
            };
            vec![
                topic_label(catalogue, lang, &t.topic),
                t.members.to_string(),
                cell(|q| q.min),
                cell(|q| q.q1),
                cell(|q| q.median),
                cell(|q| q.q3),
                cell(|q| q.max),
                t.previous_median.map(score_text).unwrap_or_default(),
                match (q, t.previous_median) {
                    (Some(q), Some(before)) => change_text(q.median, before),
                    _ => String::new(),
                },
                t.below_previous.map(|n| n.to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    Table {
        name: tr(lang, "トピック別スコア", "Scores by topic"),
        columns: columns(
            lang,
            &[
                ("トピック", "Topic", 34, false),
                ("会員数", "Members", 9, false),
                ("最小", "Min", 7, false),
                ("第1四分位", "Lower quartile", 10, false),
                ("中央値", "Median", 8, false),
                ("第3四分位", "Upper quartile", 10, false),
                ("最大", "Max", 7, false),
                ("前年度の中央値", "Median, year before", 12, false),
                ("中央値の変化", "Change of median", 12, false),
                ("前年度の中央値に届かない会員数", "Members below last year's median", 14, false),
            ],
        ),
        rows,
        ..Table::default()
    }
}

fn items(catalogue: &Catalogue, p: &Picture, lang: Lang) -> Table {
    let rows = p
        .items
        .iter()
        .filter_map(|s| catalogue.item(&s.item).map(|i| (s, i)))
        .map(|(s, i)| {
            vec![
                i.id.clone(),
                i.title.get(lang).to_owned(),
                topic_label(catalogue, lang, &i.topic),
                level_label(lang, i.level),
                i.importance.label().get(lang).to_owned(),
                s.members.to_string(),
                s.not_done.to_string(),
                format!("{}%", s.share()),
            ]
        })
        .collect();
    Table {
        name: tr(lang, "未実施の多い項目", "Items most often not done"),
        columns: columns(
            lang,
            &[
                ("項目ID", "Item ID", 24, false),
                ("項目", "Item", 44, true),
                ("トピック", "Topic", 26, false),
                ("レベル", "Level", 12, false),
                ("重要度", "Importance", 14, false),
                ("対象の会員数", "Members with the item", 12, false),
                ("未実施の会員数", "Members not done", 12, false),
                ("未実施の割合", "Share not done", 10, false),
            ],
        ),
        rows,
        ..Table::default()
    }
}

fn threats(p: &Picture, lang: Lang) -> Table {
    let rows = p
        .threats
        .iter()
        .map(|(threat, t)| {
            vec![
                threat.label().get(lang).to_owned(),
                (t.in_scope - t.not_applicable).to_string(),
                t.done.to_string(),
                percent_text(t.done_share()),
            ]
        })
        .collect();
    Table {
        name: tr(lang, "脅威別の実施状況", "Done by threat"),
        columns: columns(
            lang,
            &[
                ("脅威", "Threat", 16, false),
                ("対策の数（全会員の延べ）", "Measures (all members)", 16, false),
                ("実施済み", "Done", 10, false),
                ("実施済みの割合", "Share done", 12, false),
            ],
        ),
        rows,
        ..Table::default()
    }
}

/// One row per member admitted; the business name only where the member shared it.
fn members(catalogue: &Catalogue, collection: &Collection, filter: &Filter, lang: Lang) -> Table {
    let mut header: Vec<(String, u16)> = vec![
        (tr(lang, "事業者名", "Business"), 28),
        (tr(lang, "年度", "Fiscal year"), 10),
        (tr(lang, "規模", "Size"), 10),
        (tr(lang, "情報の形態", "Forms"), 30),
        (tr(lang, "預かり情報", "Entrusted"), 10),
        (tr(lang, "達成レベル", "Level attained"), 14),
    ];
    header.extend(catalogue.topics.iter().map(|t| (t.label(lang), 10)));
    let rows = collection
        .admitted(filter)
        .map(|m| {
            let mut row = vec![
                m.organisation.clone().unwrap_or_else(|| tr(lang, "（名称の共有なし）", "(name not shared)")),
                year_text(Some(m.year), lang),
                crate::engine::vocab::size_label(m.size).get(lang).to_owned(),
                m.forms.iter().map(|f| f.label().get(lang).to_owned()).collect::<Vec<_>>().join(" / "),
                if m.entrusted { tr(lang, "あり", "Yes") } else { tr(lang, "なし", "No") },
                m.attained.map_or_else(
                    || crate::engine::vocab::attained_text(None).get(lang).to_owned(),
                    |l| level_label(lang, l),
                ),
            ];
            row.extend(m.topics.iter().map(|&s| s.map(|s| s.to_string()).unwrap_or_default()));
            row
        })
        .collect();
    Table {
        name: tr(lang, "会員別", "By member"),
        columns: header.into_iter().map(|(h, w)| crate::base::table::Column::new(h, w, false)).collect(),
        rows,
        ..Table::default()
    }
}
