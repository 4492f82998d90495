//! The dates a certification runs on, worked out from the date of certification (or of a planned audit): the end
//! of its validity (up to three years), the periodic report due each year before that, the rows of the report's
//! three-year rotation checked for each, and the action plan's due dates; and which of them are due soon. The
//! dates are the app's reading of the scheme (a report a year during the validity, around each anniversary):
//! the certification body fixes the real ones, so each is worded as a date to plan around.
use crate::base::dates::{add_years, day_number, from_day_number};
use crate::base::text::{Lang, Message, Text};
use crate::catalogue::Catalogue;
use crate::engine::periodic::ROTATION_YEARS;
use crate::engine::records::{certification_allowed, Kept};
pub use crate::engine::records::{Certification, MAX_VALID_YEARS};
use crate::engine::scoring::gaps;
use crate::engine::selfcheck::{is_iso_date, Action, Edit, SelfCheck};

/// Deadlines within this many days, or past, are announced on opening.
pub const SOON_DAYS: i64 = 30;

impl SelfCheck {
    /// When the business was certified (or plans its audit), if entered.
    pub fn certification(&self) -> Option<Certification> {
        self.certification.get()
    }
}

/// Sets when the certification started (or the audit is planned) and for how long; `None` forgets it. Refused
/// unless the date is a real one and the validity 1 to [`MAX_VALID_YEARS`] years.
pub fn set_certification(certification: Option<Certification>) -> Action {
    Action::Edit(Edit::new(move |check, _| {
        if let Some(c) = &certification {
            check_certification(c)?;
        }
        check.certification = Kept::of(&certification);
        Ok(())
    }))
}

/// A certification's date is a real one and its validity 1 to [`MAX_VALID_YEARS`] years.
pub fn check_certification(c: &Certification) -> Result<(), Message> {
    if is_iso_date(&c.from) && (1..=MAX_VALID_YEARS).contains(&c.valid_years) {
        Ok(())
    } else {
        Err(certification_allowed())
    }
}

/// What a deadline is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeadlineKind {
    /// The certification's last valid day.
    ValidityEnd,
    /// The periodic report of year `n` of the validity (1-based).
    PeriodicReport(u8),
    /// The due date of the action plan's entry for an item.
    PlanDue(String),
}

/// One date to plan around.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadline {
    pub kind: DeadlineKind,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub title: Text,
    /// What to do by then.
    pub detail: Text,
}

impl Deadline {
    /// A key of the deadline that stays the same each time the dates are worked out again, so that a calendar
    /// updates its event instead of adding another.
    pub fn key(&self) -> String {
        match &self.kind {
            DeadlineKind::ValidityEnd => "validity-end".into(),
            DeadlineKind::PeriodicReport(n) => format!("periodic-report-{n}"),
            DeadlineKind::PlanDue(item) => format!("plan-{item}"),
        }
    }
}

/// How many rows of the periodic report are checked in rotation year `year`.
fn rotation_rows(catalogue: &Catalogue, check: &SelfCheck, year: u8) -> usize {
    check.periodic.rows(catalogue).iter().filter(|r| r.year == Some(year)).count()
}

/// The rows of rotation year `year` in words, for the detail of the date they are due by.
fn rows_due(rows: usize, year: u8) -> Text {
    match rows {
        0 => Text::new(
            format!("3 年のローテーションで {year} 年目に確認する行は、まだ決まっていません。"),
            format!("No rows of the periodic report are planned for year {year} of the three-year rotation yet."),
        ),
        n => Text::new(
            format!("3 年のローテーションで {year} 年目に確認する行: {n} 行。"),
            format!("Rows of the periodic report checked in year {year} of the three-year rotation: {n}."),
        ),
    }
}

/// The deadlines of `check` under `certification`, earliest first. Nothing if the start is not a date.
pub fn deadlines(catalogue: &Catalogue, check: &SelfCheck, certification: &Certification) -> Vec<Deadline> {
    let years = certification.valid_years.clamp(1, MAX_VALID_YEARS);
    let mut out = Vec::new();
    let Some(anniversary) = add_years(&certification.from, u16::from(years)) else {
        return out;
    };
    // A period of years ends the day before the same day of the last year; where that year has no such day
    // (29 February), at the end of its month (as Japan's Civil Code, art. 143, counts periods).
    let Some(last_day) = day_number(&anniversary).map(|n| {
        let same_day = certification.from.get(4..) == anniversary.get(4..);
        from_day_number(if same_day { n - 1 } else { n })
    }) else {
        return out;
    };
    for n in 1..years {
        let Some(date) = add_years(&certification.from, u16::from(n)) else { continue };
        let rows = rows_due(rotation_rows(catalogue, check, n), n);
        out.push(Deadline {
            kind: DeadlineKind::PeriodicReport(n),
            date,
            title: Text::new(format!("定期報告（{n} 年目）"), format!("Periodic report (year {n})")),
            detail: Text::new(
                format!("認証機関への定期報告の目安の日です（実際の期日は認証機関が定めます）。{}", rows.ja),
                format!(
                    "Around this date the yearly report to the certification body is due (the body sets the actual date). {}",
                    rows.en
                ),
            ),
        });
    }
    let mut detail = Text::new(
        "認証の有効期間の最後の日です。更新する場合は、審査の時期を早めに認証機関と相談してください。",
        "The last day the certification is valid. To renew it, agree the audit's timing with the certification body early.",
    );
    // The last rotation year's rows are checked for the renewal, before the validity ends.
    if years == MAX_VALID_YEARS {
        let rows = rows_due(rotation_rows(catalogue, check, ROTATION_YEARS), ROTATION_YEARS);
        detail = Text::new(format!("{}{}", detail.ja, rows.ja), format!("{} {}", detail.en, rows.en));
    }
    out.push(Deadline {
        kind: DeadlineKind::ValidityEnd,
        date: last_day,
        title: Text::new("認証の有効期間の終わり", "Certification expires"),
        detail,
    });
    let open = gaps(catalogue, check);
    for item in catalogue.items.iter().filter(|i| open.contains(&i.id)) {
        let Some(entry) = check.plan.get(&item.id).filter(|p| day_number(&p.due).is_some()) else { continue };
        let measure = entry.measure.trim();
        out.push(Deadline {
            kind: DeadlineKind::PlanDue(item.id.clone()),
            date: entry.due.clone(),
            title: Text::new(
                format!("行動計画の期限: {}", item.title.ja),
                format!("Action plan due: {}", item.title.en),
            ),
            detail: if measure.is_empty() {
                Text::new("計画する対策はまだ書かれていません。", "No measure is written down yet.")
            } else {
                Text::new(format!("計画する対策: {measure}"), format!("Planned measure: {measure}"))
            },
        });
    }
    out.sort_by(|a, b| a.date.cmp(&b.date));
    out
}

/// How far a deadline is from today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    /// Passed this many days ago.
    Overdue(i64),
    /// Today (0) or in this many days.
    In(i64),
}

/// The deadlines past or due within [`SOON_DAYS`] of `today`, with how far each is, earliest first.
pub fn due_soon<'a>(deadlines: &'a [Deadline], today: &str) -> Vec<(&'a Deadline, Due)> {
    let Some(today) = day_number(today) else { return Vec::new() };
    deadlines
        .iter()
        .filter_map(|d| {
            let days = day_number(&d.date)? - today;
            match days {
                ..0 => Some((d, Due::Overdue(-days))),
                0..=SOON_DAYS => Some((d, Due::In(days))),
                _ => None,
            }
        })
        .collect()
}

/// The certification the schedule's form describes: the date typed (`YYYY-MM-DD`, as a date field gives it) and
/// the validity chosen (years, as text). Refused with a sentence that says what to enter.
///
/// ```
/// use tics_domain::deadlines::read_certification;
/// let c = read_certification(" 2026-04-01 ", "3").unwrap();
/// assert_eq!((c.from.as_str(), c.valid_years), ("2026-04-01", 3));
/// assert_eq!(read_certification("", "3").unwrap_err().en, "Enter the date of certification or of the planned audit.");
/// assert!(read_certification("2026-02-30", "3").unwrap_err().ja.contains("YYYY-MM-DD"));
/// assert!(read_certification("2026-04-01", "4").unwrap_err().en.contains("1 to 3 years"));
/// ```
pub fn read_certification(date: &str, years: &str) -> Result<Certification, Message> {
    let from = date.trim();
    if from.is_empty() {
        return Err(Text::new(
            "認証日、または審査の予定日を入力してください。",
            "Enter the date of certification or of the planned audit.",
        ));
    }
    if !is_iso_date(from) {
        return Err(Text::new(
            format!("「{from}」は日付として読めません。YYYY-MM-DD の形で、実在する日付を入力してください。"),
            format!("\"{from}\" is not a date. Enter a real date as YYYY-MM-DD."),
        ));
    }
    match years.trim().parse::<u8>() {
        Ok(valid_years) if (1..=MAX_VALID_YEARS).contains(&valid_years) => {
            Ok(Certification { from: from.to_owned(), valid_years })
        }
        _ => Err(Text::new(
            format!("有効期間は 1〜{MAX_VALID_YEARS} 年から選んでください。"),
            format!("Choose a validity of 1 to {MAX_VALID_YEARS} years."),
        )),
    }
}

/// The year of the three-year rotation whose rows are checked by `deadline` under `certification`: year `n`'s
/// report checks year `n`'s rows, and the last year's rows are checked for the renewal, before a full validity
/// ends (as [`deadlines`] words it).
pub fn rotation_year(deadline: &Deadline, certification: &Certification) -> Option<u8> {
    match deadline.kind {
        DeadlineKind::PeriodicReport(n) => Some(n),
        DeadlineKind::ValidityEnd if certification.valid_years == MAX_VALID_YEARS => Some(ROTATION_YEARS),
        _ => None,
    }
}

/// The rows of the periodic report checked in rotation year `year`, each as its reference and what it asks
/// (the catalogue's words for a row of 表4-1, the row's own text for an imported one), in the report's order.
pub fn rows_of_year(catalogue: &Catalogue, check: &SelfCheck, year: u8) -> Vec<Text> {
    check
        .periodic
        .rows(catalogue)
        .iter()
        .filter(|r| r.year == Some(year))
        .map(|r| {
            let line = |lang| {
                let (reference, content) = (r.reference(), r.content_in(catalogue, lang));
                [reference.trim(), content.trim()].into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ")
            };
            Text::new(line(Lang::Ja), line(Lang::En))
        })
        .collect()
}

/// How many rows of the periodic report have no year of the rotation yet (they are due by no deadline).
pub fn rows_without_year(catalogue: &Catalogue, check: &SelfCheck) -> usize {
    check.periodic.rows(catalogue).iter().filter(|r| r.year.is_none()).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::selfcheck::PlanEntry;

    fn certified(from: &str) -> Certification {
        Certification { from: from.into(), valid_years: 3 }
    }

    #[test]
    fn three_years_give_two_yearly_reports_and_the_last_valid_day() {
        let catalogue = Catalogue::default_tics().unwrap();
        let check = SelfCheck::default();
        let d = deadlines(&catalogue, &check, &certified("2026-04-01"));
        let dates: Vec<(&str, String)> = d.iter().map(|d| (d.date.as_str(), d.key())).collect();
        assert_eq!(
            dates,
            [
                ("2027-04-01", "periodic-report-1".to_owned()),
                ("2028-04-01", "periodic-report-2".to_owned()),
                ("2029-03-31", "validity-end".to_owned()),
            ]
        );
        assert_eq!(d[0].title.en, "Periodic report (year 1)");
        assert!(d[2].detail.ja.contains("3 年目に確認する行"), "{}", d[2].detail.ja);
        // A leap day's anniversaries fall on 28 February.
        let leap = deadlines(&catalogue, &check, &certified("2024-02-29"));
        assert_eq!(leap[0].date, "2025-02-28");
        assert_eq!(leap[2].date, "2027-02-28", "no 29 February in 2027: the end of its month");
        // One valid year: no yearly report, and no rotation's last year.
        let one = deadlines(&catalogue, &check, &Certification { from: "2026-04-01".into(), valid_years: 1 });
        assert_eq!(one.len(), 1);
        assert_eq!((one[0].date.as_str(), one[0].detail.en.ends_with("early.")), ("2027-03-31", true));
        assert!(deadlines(&catalogue, &check, &certified("someday")).is_empty());
    }

    #[test]
    fn the_plan_s_due_dates_count_while_the_item_is_a_gap() {
        let catalogue = Catalogue::default_tics().unwrap();
        let mut check = SelfCheck::default();
        let gap = gaps(&catalogue, &check)[0].clone();
        let entry =
            |due: &str| PlanEntry { measure: "規程を作る".into(), due: due.into(), ..PlanEntry::default() };
        check.plan.insert(gap.clone(), entry("2026-06-30"));
        check.plan.insert("no-such-item".into(), entry("2026-06-30"));
        let d = deadlines(&catalogue, &check, &certified("2026-04-01"));
        let plan: Vec<&Deadline> = d.iter().filter(|d| matches!(d.kind, DeadlineKind::PlanDue(_))).collect();
        assert_eq!(plan.len(), 1);
        assert_eq!(plan[0].key(), format!("plan-{gap}"));
        assert_eq!(plan[0].detail.ja, "計画する対策: 規程を作る");
        assert_eq!(d[0].date, "2026-06-30", "earliest first");
        // Not a date: left out.
        check.plan.insert(gap.clone(), entry("来月"));
        assert!(deadlines(&catalogue, &check, &certified("2026-04-01"))
            .iter()
            .all(|d| d.kind != DeadlineKind::PlanDue(gap.clone())));
    }

    #[test]
    fn due_soon_lists_what_is_past_or_within_thirty_days() {
        let catalogue = Catalogue::default_tics().unwrap();
        let d = deadlines(&catalogue, &SelfCheck::default(), &certified("2026-04-01"));
        assert!(due_soon(&d, "2027-03-01").is_empty(), "31 days before the first report");
        assert_eq!(due_soon(&d, "2027-03-02").iter().map(|(_, due)| *due).collect::<Vec<_>>(), [Due::In(30)]);
        assert_eq!(due_soon(&d, "2027-04-03")[0].1, Due::Overdue(2));
        assert!(due_soon(&d, "not a date").is_empty());
    }

    #[test]
    fn the_form_is_read_into_a_certification_or_refused_with_what_to_enter() {
        assert_eq!(
            read_certification("2024-02-29", "1"),
            Ok(Certification { from: "2024-02-29".into(), valid_years: 1 })
        );
        for (date, years) in [("", "3"), ("   ", "3"), ("2025-02-29", "3"), ("2026/04/01", "3"), ("2026-04-01", "0")] {
            let refused = read_certification(date, years).unwrap_err();
            assert!(!refused.ja.is_empty() && !refused.en.is_empty() && refused.ja != refused.en, "{date} {years}");
        }
        assert!(read_certification("2026-04-01", "").is_err(), "no validity chosen");
        // Whatever the form accepts, the self-check accepts.
        let mut check = SelfCheck::default();
        let catalogue = Catalogue::default_tics().unwrap();
        let read = read_certification("2026-04-01", "2").unwrap();
        check.apply(&catalogue, set_certification(Some(read.clone()))).unwrap();
        assert_eq!(check.certification(), Some(read));
    }

    #[test]
    fn each_report_lists_the_rows_of_its_rotation_year_and_the_rows_left_without_a_year() {
        use crate::engine::periodic::PeriodicAction;
        let catalogue = Catalogue::default_tics().unwrap();
        let mut check = SelfCheck::default();
        let all = check.periodic.rows(&catalogue).len();
        assert_eq!(rows_without_year(&catalogue, &check), all, "no year chosen yet");
        assert!(rows_of_year(&catalogue, &check, 1).is_empty());
        check.periodic.apply(&catalogue, PeriodicAction::SetYear { row: "cs-2".into(), year: Some(2) }).unwrap();
        check.periodic.apply(&catalogue, PeriodicAction::SetYear { row: "cs-1".into(), year: Some(2) }).unwrap();
        assert_eq!(rows_without_year(&catalogue, &check), all - 2);
        let year2 = rows_of_year(&catalogue, &check, 2);
        assert_eq!(year2.len(), 2);
        // In the report's order, each with its reference and the catalogue's words in each language.
        let cs1 = check.periodic.rows(&catalogue)[0].clone();
        assert_eq!(cs1.id, "cs-1");
        assert!(year2[0].ja.ends_with(&cs1.content_in(&catalogue, Lang::Ja)), "{}", year2[0].ja);
        assert!(year2[0].en.ends_with(&cs1.content_in(&catalogue, Lang::En)), "{}", year2[0].en);
        assert!(year2[0].ja.starts_with(&cs1.reference()), "{}", year2[0].ja);
        assert_ne!(year2[0].ja, year2[0].en);

        // Which year each deadline checks: the reports their own, the end of a full validity the last year's.
        let three = certified("2026-04-01");
        let d = deadlines(&catalogue, &check, &three);
        let years: Vec<Option<u8>> = d.iter().map(|d| rotation_year(d, &three)).collect();
        assert_eq!(years, [Some(1), Some(2), Some(ROTATION_YEARS)]);
        assert!(d[1].detail.ja.contains("2 年目に確認する行: 2 行"), "{}", d[1].detail.ja);
        let two = Certification { from: "2026-04-01".into(), valid_years: 2 };
        let d = deadlines(&catalogue, &check, &two);
        assert_eq!(d.iter().map(|d| rotation_year(d, &two)).collect::<Vec<_>>(), [Some(1), None]);
        let plan = Deadline {
            kind: DeadlineKind::PlanDue("x".into()),
            date: "2026-05-01".into(),
            title: Text::new("", ""),
            detail: Text::new("", ""),
        };
        assert_eq!(rotation_year(&plan, &three), None);
    }
}
