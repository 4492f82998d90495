//! Dates as the app keeps them (`YYYY-MM-DD`) and as people and spreadsheets write them: below every module that
//! reads or checks a date (the self-check, the periodic report, the imports).
use crate::base::text::{Message, Text};

/// True for a real calendar date written `YYYY-MM-DD`, from 1900 on (leap years counted).
///
/// ```
/// use tics_domain::dates::is_iso_date;
/// assert!(is_iso_date("2024-02-29"));
/// assert!(!is_iso_date("2025-02-29"));
/// assert!(!is_iso_date("2026-13-45"));
/// assert!(!is_iso_date("2026-+4-01"));
/// ```
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    // Digits only: `str::parse` would also take a sign ("+4").
    let num = |r: std::ops::Range<usize>| {
        b.get(r)
            .filter(|d| d.iter().all(u8::is_ascii_digit))
            .map(|d| d.iter().fold(0u32, |n, digit| n * 10 + u32::from(digit - b'0')))
    };
    let (Some(year), Some(month), Some(day)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    year >= 1900 && (1..=days).contains(&day)
}

/// A date as people and spreadsheets write it, as `YYYY-MM-DD`: 2026-04-01, 2026/4/1, 2026.4.1, 2026年4月1日,
/// 令和8年4月1日 (and 平成), R8.4.1, in full-width digits too, with or without a time after it; blank stays blank.
///
/// ```
/// use tics_domain::dates::read_date;
/// assert_eq!(read_date("2026/4/1").unwrap(), "2026-04-01");
/// assert_eq!(read_date("令和８年４月１日").unwrap(), "2026-04-01");
/// assert_eq!(read_date("2026-04-01 09:30").unwrap(), "2026-04-01");
/// assert!(read_date("2026/2/30").is_err());
/// assert!(read_date("20xx/xx/xx").is_err());
/// ```
pub fn read_date(cell: &str) -> Result<String, Text> {
    let half: String = cell
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect();
    let mut words = half.split_whitespace();
    let Some(first) = words.next() else { return Ok(String::new()) };
    let (date, time) = match first.split_once(['T', 't']) {
        Some((date, time)) => (date, Some(time)),
        None => (first, words.next()),
    };
    let is_time = |t: &str| t.contains(':') && t.chars().all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | 'Z'));
    let parsed = if words.next().is_none() && time.is_none_or(is_time) { ymd(date) } else { None };
    let Some((year, month, day)) = parsed else {
        return Err(Text::new(
            format!(
                "「{cell}」を日付として読み取れません。2026-04-01、2026/4/1、2026年4月1日 のように書いてください。"
            ),
            format!("\"{cell}\" cannot be read as a date. Please write it like 2026-04-01, 2026/4/1 or 2026年4月1日."),
        ));
    };
    let iso = format!("{year:04}-{month:02}-{day:02}");
    if is_iso_date(&iso) {
        Ok(iso)
    } else {
        Err(Text::new(
            format!("「{cell}」は実在しない日付です。正しい日付を書いてください。"),
            format!("\"{cell}\" is not a real date. Please write a date that exists."),
        ))
    }
}

/// Year, month and day of "2026-4-1", "2026/4/1", "2026.4.1", "2026年4月1日" or the same with an era (令和, 平成,
/// R, H) before a year of one or two digits (元年 is 1); `None` for anything else. The day may not exist.
fn ymd(date: &str) -> Option<(u32, u32, u32)> {
    const ERAS: [(&str, u32); 4] = [("令和", 2018), ("平成", 1988), ("R", 2018), ("H", 1988)];
    let (offset, rest) = match ERAS.iter().find_map(|(name, offset)| Some((*offset, date.strip_prefix(name)?))) {
        Some((offset, rest)) => (Some(offset), rest.replacen("元年", "1年", 1)),
        None => (None, date.to_owned()),
    };
    // 2026年4月1日 reads as 2026-4-1.
    let rest = if rest.contains('年') {
        rest.strip_suffix('日').unwrap_or(&rest).replacen('年', "-", 1).replacen('月', "-", 1)
    } else {
        rest
    };
    let separator = rest.chars().find(|c| !c.is_ascii_digit())?;
    if !matches!(separator, '-' | '/' | '.') {
        return None;
    }
    let parts: Vec<&str> = rest.split(separator).collect();
    let [year, month, day] = parts[..] else { return None };
    let number = |s: &str, digits: std::ops::RangeInclusive<usize>| {
        if digits.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse::<u32>().ok()
        } else {
            None
        }
    };
    let year = match offset {
        Some(offset) => number(year, 1..=2)? + offset,
        None => number(year, 4..=4)?,
    };
    Some((year, number(month, 1..=2)?, number(day, 1..=2)?))
}

/// What a date field accepts.
pub(crate) fn date_allowed() -> Text {
    Text::new(
        "空欄、または 1900 年以降の実在する日付 YYYY-MM-DD",
        "blank, or a real date from 1900 on, written YYYY-MM-DD",
    )
}

/// A date as the app accepts it from the user: blank, or a real `YYYY-MM-DD` date.
pub(crate) fn check_date(text: &str) -> Result<(), Message> {
    if text.is_empty() || is_iso_date(text) {
        Ok(())
    } else {
        Err(Text::new(
            "日付は実在する日を YYYY-MM-DD の形で入力してください（例: 2026-04-01）",
            "Please enter a real date as YYYY-MM-DD (for example 2026-04-01)",
        ))
    }
}

/// Records who checked and when, keeping what the user already entered. `today` comes from the browser's clock;
/// should it ever not be a real date, the date stays blank rather than holding a value no file could carry.
pub(crate) fn sign(date: &mut String, checker: &mut String, today: String, default_checker: String) {
    if date.is_empty() && is_iso_date(&today) {
        *date = today;
    }
    if checker.is_empty() {
        *checker = default_checker;
    }
}

/// The number of days from 1970-01-01 to the date `YYYY-MM-DD` (negative before), for counting days between
/// dates; `None` for what is not a date.
///
/// ```
/// use tics_domain::dates::{day_number, from_day_number};
/// assert_eq!(day_number("1970-01-02"), Some(1));
/// assert_eq!(day_number("2026-12-06").map(|n| n - day_number("2026-11-06").unwrap()), Some(30));
/// assert_eq!(from_day_number(day_number("2024-02-29").unwrap() + 1), "2024-03-01");
/// ```
pub fn day_number(iso: &str) -> Option<i64> {
    if !is_iso_date(iso) {
        return None;
    }
    let part = |r: std::ops::Range<usize>| iso.get(r).and_then(|s| s.parse::<i64>().ok());
    let (y, m, d) = (part(0..4)?, part(5..7)?, part(8..10)?);
    // Days from civil (H. Hinnant's algorithm): years start in March, so the leap day ends a year.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The date `YYYY-MM-DD` that is day `n` counted from 1970-01-01 (see [`day_number`]).
pub fn from_day_number(n: i64) -> String {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The date `years` years after `iso` (29 February becomes 28 February in a year without one); `None` for what
/// is not a date.
///
/// ```
/// use tics_domain::dates::add_years;
/// assert_eq!(add_years("2026-04-01", 3).as_deref(), Some("2029-04-01"));
/// assert_eq!(add_years("2024-02-29", 1).as_deref(), Some("2025-02-28"));
/// ```
pub fn add_years(iso: &str, years: u16) -> Option<String> {
    let year: u32 = iso.get(0..4)?.parse().ok()?;
    let moved = format!("{:04}{}", year + u32::from(years), iso.get(4..)?);
    if is_iso_date(&moved) {
        Some(moved)
    } else if is_iso_date(iso) {
        Some(format!("{:04}-02-28", year + u32::from(years)))
    } else {
        None
    }
}
