//! The deadlines as a calendar file (iCalendar, RFC 5545) that Outlook and Google Calendar import: one all-day
//! event per deadline, with reminders before it. Each event's UID is made from the self-check's ID and the
//! deadline's key, so importing a newer file updates the events instead of adding them again. Text from users
//! and catalogues is escaped, so it can never start a property or an event of its own.
use crate::base::dates::{day_number, from_day_number};
use crate::base::text::Lang;
use crate::engine::deadlines::{Deadline, DeadlineKind};

/// The calendar's media type.
pub const ICS_TYPE: &str = "text/calendar";

/// A TEXT value escaped as RFC 5545 asks (backslash, semicolon, comma, line breaks); other control characters,
/// which no calendar shows, are dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// `line` folded into lines of at most 75 bytes (continuations start with a space, never inside a character),
/// each ended by CRLF.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// A date `YYYY-MM-DD` as iCalendar writes it.
fn compact(date: &str) -> String {
    date.replace('-', "")
}

/// The moment `now` (`YYYY-MM-DDTHH:MM:SS+09:00`, as the app's clock gives it) in UTC, as iCalendar writes it;
/// `None` if it is not such a time.
///
/// ```
/// use tics_domain::calendar::utc_stamp;
/// assert_eq!(utc_stamp("2026-12-06T08:30:00+09:00").as_deref(), Some("20261205T233000Z"));
/// assert_eq!(utc_stamp("2026-12-06T08:30:00-05:30").as_deref(), Some("20261206T140000Z"));
/// ```
pub fn utc_stamp(now: &str) -> Option<String> {
    let day = day_number(now.get(0..10)?)?;
    let num = |r: std::ops::Range<usize>| now.get(r).and_then(|s| s.parse::<i64>().ok());
    let (h, m, s) = (num(11..13)?, num(14..16)?, num(17..19)?);
    let sign = match now.get(19..20)? {
        "+" => 1,
        "-" => -1,
        "Z" => 0,
        _ => return None,
    };
    let offset = if sign == 0 { 0 } else { sign * (num(20..22)? * 60 + num(23..25)?) };
    let minutes = day * 1440 + h * 60 + m - offset;
    let date = compact(&from_day_number(minutes.div_euclid(1440)));
    let minute = minutes.rem_euclid(1440);
    Some(format!("{date}T{:02}{:02}{s:02}Z", minute / 60, minute % 60))
}

/// Days before a deadline its reminders go off: a month and a week for the certification's own dates, a week for
/// the plan's.
fn reminders(kind: &DeadlineKind) -> &'static [u8] {
    match kind {
        DeadlineKind::PlanDue(_) => &[7],
        _ => &[30, 7],
    }
}

/// The calendar of `deadlines` for the self-check `check_id`, named `name`, in `lang`; `stamp` is when it was
/// made ([`utc_stamp`]).
pub fn calendar(deadlines: &[Deadline], check_id: &str, name: &str, lang: Lang, stamp: &str) -> String {
    let id: String = check_id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    let mut out = String::new();
    let mut line = |text: &str| fold(text, &mut out);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(&format!("PRODID:-//TICS Self-Check//{}//{}", env!("CARGO_PKG_VERSION"), lang.tag().to_uppercase()));
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!("X-WR-CALNAME:{}", escape(name)));
    for d in deadlines {
        let Some(day) = day_number(&d.date) else { continue };
        line("BEGIN:VEVENT");
        line(&format!("UID:{}.{id}@tics-self-check", d.key()));
        line(&format!("DTSTAMP:{stamp}"));
        line(&format!("DTSTART;VALUE=DATE:{}", compact(&d.date)));
        line(&format!("DTEND;VALUE=DATE:{}", compact(&from_day_number(day + 1))));
        line(&format!("SUMMARY:{}", escape(d.title.get(lang))));
        line(&format!("DESCRIPTION:{}", escape(d.detail.get(lang))));
        line("TRANSP:TRANSPARENT");
        for days in reminders(&d.kind) {
            line("BEGIN:VALARM");
            line("ACTION:DISPLAY");
            line(&format!("TRIGGER:-P{days}D"));
            line(&format!("DESCRIPTION:{}", escape(d.title.get(lang))));
            line("END:VALARM");
        }
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::text::Text;

    fn deadline(kind: DeadlineKind, date: &str, title: &str) -> Deadline {
        Deadline { kind, date: date.into(), title: Text::new(title, title), detail: Text::new("詳細", "Detail") }
    }

    #[test]
    fn each_deadline_is_an_all_day_event_with_a_stable_uid_and_reminders() {
        let d = [
            deadline(DeadlineKind::PeriodicReport(1), "2027-04-01", "定期報告（1 年目）"),
            deadline(DeadlineKind::PlanDue("mark-label".into()), "2026-12-31", "期限"),
        ];
        let ics = calendar(&d, "sc-abc", "本社工場", Lang::Ja, "20261206T101500Z");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        assert!(ics.contains("UID:periodic-report-1.sc-abc@tics-self-check\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20270401\r\nDTEND;VALUE=DATE:20270402\r\n"));
        assert!(ics.contains("DTEND;VALUE=DATE:20270101\r\n"), "the year turns");
        assert_eq!(ics.matches("BEGIN:VALARM").count(), 3, "a month and a week for the report, a week for the plan");
        assert!(ics.contains("TRIGGER:-P30D\r\n"));
        // The same deadlines made again give the same UIDs.
        let again = calendar(&d, "sc-abc", "本社工場", Lang::Ja, "20270101T000000Z");
        let uids = |s: &str| s.lines().filter(|l| l.starts_with("UID:")).map(str::to_owned).collect::<Vec<_>>();
        assert_eq!(uids(&ics), uids(&again));
    }

    #[test]
    fn hostile_text_cannot_start_a_property_or_an_event() {
        let evil = "x\r\nEND:VEVENT\r\nBEGIN:VEVENT\nSUMMARY:injected;a,b\\c\u{7}";
        let d = [deadline(DeadlineKind::PlanDue("a".into()), "2026-12-31", evil)];
        let ics = calendar(&d, "sc-1\r\nX:y", evil, Lang::En, "20261206T101500Z");
        // Lines, not text: the escaped words are still there, inside one value.
        let lines = |start: &str| ics.split("\r\n").filter(|l| l.starts_with(start)).count();
        assert_eq!((lines("BEGIN:VEVENT"), lines("END:VEVENT"), lines("SUMMARY:"), lines("X:")), (1, 1, 1, 0));
        assert!(ics.contains("SUMMARY:x\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:injected\\;a\\,b\\\\c\r\n"), "{ics}");
        assert!(ics.contains("UID:plan-a.sc-1Xy@tics-self-check\r\n"));
        // Every line ends with CRLF, and no bare CR or LF is left inside a line.
        assert!(ics.split("\r\n").all(|l| !l.contains('\r') && !l.contains('\n')));
    }

    #[test]
    fn long_lines_fold_at_75_bytes_without_splitting_a_character() {
        let long = "技術情報".repeat(30);
        let d = [deadline(DeadlineKind::ValidityEnd, "2029-03-31", &long)];
        let ics = calendar(&d, "sc-1", "n", Lang::Ja, "20261206T101500Z");
        assert!(ics.split("\r\n").all(|l| l.len() <= 75));
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{long}\r\n")));
    }
}
