//! The aggregate's presentation model: for the members a filter admits, the tables (which the workbook and the
//! CSV files also write), the chart series drawn beside them with their labels and the shares with their bases,
//! and the lines the figures open with, all in one language. The screen and its print draw only from it, so no
//! front end words a share or picks a label itself.
use crate::association::aggregate::chart::{Bar, BoxRow};
use crate::association::aggregate::tables::year_text;
use crate::association::aggregate::{level_slot_label, picture_tables, Collection, Filter, Picture, PictureTables};
use crate::base::text::Lang;
use crate::catalogue::Catalogue;
use crate::engine::vocab::{share_of, topic_label};

/// Items charted, and listed in the table on screen, as most often not done: enough to act on, few enough to
/// read. The workbook and the CSV file list them all.
pub const ITEMS_SHOWN: usize = 15;

/// The aggregate's figures in one language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AggregateFigures {
    /// The heading, with the fiscal year shown: "集計結果（2026年度）".
    pub heading: String,
    /// How many members are counted, and the filter in words.
    pub count: String,
    /// One note per other catalogue version members' files were made with: how they are compared.
    pub notes: Vec<String>,
    pub tables: PictureTables,
    /// The share of the members at each level attained, "baseline not attained" first.
    pub levels: Vec<Bar>,
    /// The spread of scores per topic, with the previous year's median.
    pub topics: Vec<BoxRow>,
    /// The share of members not done, for the first [`ITEMS_SHOWN`] items most often not done.
    pub items: Vec<Bar>,
    /// The share of measures done per threat, over every member's measures that apply.
    pub threats: Vec<Bar>,
    /// The business names members shared, sorted.
    pub names: Vec<String>,
}

/// The figures of `picture` (the collection's picture for `filter`) in `lang`.
pub fn aggregate_figures(
    catalogue: &Catalogue,
    collection: &Collection,
    filter: &Filter,
    picture: &Picture,
    lang: Lang,
) -> AggregateFigures {
    let (year, members, shown) = (year_text(picture.year, lang), picture.members, filter.describe());
    let (heading, count) = match lang {
        Lang::Ja => (format!("集計結果（{year}）"), format!("会員数: {members}　対象: {}", shown.ja)),
        Lang::En => (format!("Results ({year})"), format!("Members: {members} · Shown: {}", shown.en)),
    };
    AggregateFigures {
        heading,
        count,
        notes: picture.versions.iter().map(|v| v.describe(catalogue).get(lang).to_owned()).collect(),
        tables: picture_tables(catalogue, collection, filter, picture, lang),
        levels: level_bars(picture, lang),
        topics: topic_rows(catalogue, picture, lang),
        items: item_bars(catalogue, picture, lang),
        threats: threat_bars(picture, lang),
        names: picture.names.clone(),
    }
}

fn level_bars(picture: &Picture, lang: Lang) -> Vec<Bar> {
    picture
        .levels
        .iter()
        .enumerate()
        .map(|(slot, &n)| Bar {
            label: level_slot_label(slot).get(lang).to_owned(),
            value: f64::from(picture.level_share(slot).unwrap_or(0)),
            text: share_of(picture.level_share(slot), n, picture.members),
        })
        .collect()
}

fn topic_rows(catalogue: &Catalogue, picture: &Picture, lang: Lang) -> Vec<BoxRow> {
    picture
        .topics
        .iter()
        .map(|ts| BoxRow {
            label: topic_label(catalogue, lang, &ts.topic),
            quartiles: ts.quartiles,
            previous: ts.previous_median,
        })
        .collect()
}

fn item_bars(catalogue: &Catalogue, picture: &Picture, lang: Lang) -> Vec<Bar> {
    picture
        .items
        .iter()
        .take(ITEMS_SHOWN)
        .filter_map(|s| catalogue.item(&s.item).map(|i| (s, i)))
        .map(|(s, i)| Bar {
            label: i.title.get(lang).to_owned(),
            value: f64::from(s.share()),
            text: share_of(Some(s.share()), s.not_done, s.members),
        })
        .collect()
}

fn threat_bars(picture: &Picture, lang: Lang) -> Vec<Bar> {
    picture
        .threats
        .iter()
        .map(|(threat, tally)| Bar {
            label: threat.label().get(lang).to_owned(),
            value: f64::from(tally.done_share().unwrap_or(0)),
            // The base is the measures that apply: those marked not applicable count neither way.
            text: share_of(tally.done_share(), tally.done, tally.in_scope - tally.not_applicable),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    //! The series of three members on the four-item fixture catalogue (the figures themselves are checked by
    //! hand in tests/aggregate.rs): here, what each bar and box is labelled and says.
    use super::*;
    use crate::association::aggregate::{read_members, Quartiles};
    use crate::association::share::{export_share, ShareOptions, ShareOrigin};
    use crate::catalogue::InfoForm;
    use crate::engine::selfcheck::{Action, OrgSize, SelfCheck, Status};

    fn fixture() -> Catalogue {
        Catalogue::from_json(include_str!("../../../tests/fixtures/catalogue.json")).expect("fixture is valid")
    }

    /// A self-check on papers in containers at level 2, its three items answered as given (procedure, inventory,
    /// container).
    fn member(c: &Catalogue, org: &str, size: OrgSize, statuses: [Option<Status>; 3]) -> SelfCheck {
        let mut s = SelfCheck::default();
        let mut run = |a: Action| s.apply(c, a).expect("applies");
        run(Action::SetOrganisation(org.into()));
        run(Action::SetForm(InfoForm::Container, true));
        run(Action::SetTargetLevel(2));
        run(Action::SetSize(size));
        let items = ["identify-procedure", "identify-inventory", "physical-container"];
        for (item, status) in items.into_iter().zip(statuses) {
            run(Action::SetStatus { item: item.into(), status, today: "2026-11-01".into() });
        }
        s
    }

    /// A file: its name, the self-check's ID, the self-check, what it shares and when it was saved.
    type File<'a> = (&'a str, &'a str, SelfCheck, ShareOptions, &'a str);

    fn collect(c: &Catalogue, files: &[File]) -> Collection {
        let bytes = files
            .iter()
            .map(|(name, id, check, options, saved_at)| {
                let origin = ShareOrigin { app_version: "0.0.0-test", saved_at, id };
                ((*name).to_owned(), export_share(c, check, *options, &origin).into_bytes())
            })
            .collect();
        let mut collection = Collection::default();
        for ((name, ..), reply) in files.iter().zip(read_members(c, bytes)) {
            collection.add((*name).to_owned(), reply);
        }
        collection
    }

    const NOVEMBER: &str = "2026-11-01T09:00:00+09:00";

    /// A has done everything, B has not done the inventory and done the container only partly, C (large, and
    /// the only one besides A to share its name) has not done the procedure nor answered the inventory.
    fn three_members(c: &Catalogue) -> Collection {
        use Status::{Done, NotDone, Partial};
        let (named, unnamed) =
            (ShareOptions { organisation: true, ..ShareOptions::default() }, ShareOptions::default());
        let a = member(c, "株式会社A", OrgSize::Small, [Some(Done), Some(Done), Some(Done)]);
        let b = member(c, "B社", OrgSize::Small, [Some(Done), Some(NotDone), Some(Partial)]);
        let large = member(c, "C社", OrgSize::Large, [Some(NotDone), None, Some(Done)]);
        collect(
            c,
            &[
                ("a.json", "sc-a", a, named, NOVEMBER),
                ("b.json", "sc-b", b, unnamed, NOVEMBER),
                ("c.json", "sc-c", large, named, NOVEMBER),
            ],
        )
    }

    fn bars(bars: &[Bar]) -> Vec<(&str, f64, &str)> {
        bars.iter().map(|b| (b.label.as_str(), b.value, b.text.as_str())).collect()
    }

    #[test]
    fn each_bar_has_its_label_its_share_and_the_share_with_its_base() {
        let c = fixture();
        let collection = three_members(&c);
        let filter = Filter::default();
        let f = aggregate_figures(&c, &collection, &filter, &collection.picture(&c, &filter), Lang::Ja);
        // Two of three have not attained the baseline, one level 3; shares are rounded down.
        assert_eq!(
            bars(&f.levels),
            [
                ("基本レベル未達成", 66.0, "66% (2/3)"),
                ("レベル1（基本） まで達成", 0.0, "0% (0/3)"),
                ("レベル2（標準） まで達成", 0.0, "0% (0/3)"),
                ("レベル3（高度） まで達成", 33.0, "33% (1/3)"),
            ]
        );
        // Items by the share not done, rounded to the nearest; the fourth item is in no one's self-check.
        assert_eq!(
            bars(&f.items),
            [
                ("目録を作る（保管場所, 管理部署）", 67.0, "67% (2/3)"),
                ("重要情報を手順で特定する", 33.0, "33% (1/3)"),
                ("保管容器に施錠して保管する", 33.0, "33% (1/3)"),
            ]
        );
        // Threats over every member's measures; a threat no item answers has no share and a zero bar.
        assert_eq!(
            bars(&f.threats),
            [
                ("内部不正", 50.0, "50% (3/6)"),
                ("退職者", 33.0, "33% (1/3)"),
                ("取引先", 0.0, "— (0/0)"),
                ("外部者", 66.0, "66% (2/3)"),
                ("マルウェア", 0.0, "— (0/0)"),
            ]
        );
        // The tables are the ones the files write, and the charts are titled by them.
        assert_eq!(f.tables, picture_tables(&c, &collection, &filter, &collection.picture(&c, &filter), Lang::Ja));
    }

    #[test]
    fn each_topic_has_its_box_and_the_median_of_the_year_before_when_there_is_one() {
        let c = fixture();
        let collection = three_members(&c);
        let filter = Filter::default();
        let f = aggregate_figures(&c, &collection, &filter, &collection.picture(&c, &filter), Lang::En);
        let spread = |min, q1, median, q3, max| Some(Quartiles { min, q1, median, q3, max });
        assert_eq!(
            f.topics,
            [
                BoxRow {
                    label: "① Identify important information".into(),
                    quartiles: spread(0.0, 25.0, 50.0, 75.0, 100.0),
                    previous: None,
                },
                BoxRow {
                    label: "⑧ Physical storage".into(),
                    quartiles: spread(50.0, 75.0, 100.0, 100.0, 100.0),
                    previous: None,
                },
            ]
        );
        assert_eq!(f.levels[0].label, "Baseline not attained");

        // With the fiscal year before (2026-03-31 is in 2025), each box marks that year's median.
        use Status::{Done, NotDone};
        let o = ShareOptions::default();
        let before = member(&c, "A", OrgSize::Small, [Some(NotDone), Some(NotDone), Some(Done)]);
        let now = member(&c, "A", OrgSize::Small, [Some(Done), Some(NotDone), Some(Done)]);
        let two_years = collect(
            &c,
            &[("2025.json", "sc-a", before, o, "2026-03-31T09:00:00+09:00"), ("2026.json", "sc-a", now, o, NOVEMBER)],
        );
        let f = aggregate_figures(&c, &two_years, &filter, &two_years.picture(&c, &filter), Lang::En);
        let medians: Vec<(Option<f64>, Option<f64>)> =
            f.topics.iter().map(|r| (r.quartiles.map(|q| q.median), r.previous)).collect();
        assert_eq!(medians, [(Some(50.0), Some(0.0)), (Some(100.0), Some(100.0))]);
        assert_eq!(f.heading, "Results (FY2026)");
    }

    #[test]
    fn the_heading_and_the_count_name_the_year_and_the_filter() {
        let c = fixture();
        let collection = three_members(&c);
        let all = Filter::default();
        let ja = aggregate_figures(&c, &collection, &all, &collection.picture(&c, &all), Lang::Ja);
        assert_eq!((ja.heading.as_str(), ja.count.as_str()), ("集計結果（2026年度）", "会員数: 3　対象: すべての会員"));
        assert_eq!(ja.names, ["C社", "株式会社A"]);
        assert!(ja.notes.is_empty());
        let large = Filter { size: Some(OrgSize::Large), ..Filter::default() };
        let en = aggregate_figures(&c, &collection, &large, &collection.picture(&c, &large), Lang::En);
        assert_eq!(
            (en.heading.as_str(), en.count.as_str()),
            ("Results (FY2026)", "Members: 1 · Shown: large or several departments")
        );
        assert_eq!(bars(&en.items)[0], ("Identify by procedure", 100.0, "100% (1/1)"));
        // Nothing read: no year, no bars.
        let none = aggregate_figures(&c, &Collection::default(), &all, &Picture::default(), Lang::En);
        assert_eq!((none.heading.as_str(), none.levels.len(), none.items.len()), ("Results ()", 0, 0));
    }
}
