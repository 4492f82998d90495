//! The calendar file as a calendar program reads it: written for a self-check with a plan, then read back by an
//! independent iCalendar parser (Python's `icalendar`, which scripts/test.sh installs), with hostile text in it.
use std::process::Command;

use tics_domain::calendar::calendar;
use tics_domain::deadlines::{deadlines, Certification};
use tics_domain::scoring::gaps;
use tics_domain::selfcheck::PlanEntry;
use tics_domain::{Catalogue, Lang, SelfCheck};

#[test]
fn an_independent_parser_reads_every_deadline_with_its_dates_words_and_reminders() {
    let catalogue = Catalogue::default_tics().unwrap();
    let mut check = SelfCheck::default();
    let gap = gaps(&catalogue, &check)[0].clone();
    let hostile = "=cmd|' /C calc'!A0, ; \\ \r\nEND:VEVENT\r\nBEGIN:VEVENT";
    let plan = PlanEntry { measure: hostile.into(), due: "2026-12-31".into(), ..PlanEntry::default() };
    check.plan.insert(gap.clone(), plan);
    let certification = Certification { from: "2026-04-01".into(), valid_years: 3 };
    let due = deadlines(&catalogue, &check, &certification);
    let ics = calendar(&due, "sc-abc", "本社工場 2026年度", Lang::Ja, "20261206T101500Z");

    let path = std::env::temp_dir().join(format!("tics-calendar-{}.ics", std::process::id()));
    std::fs::write(&path, &ics).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/read-ics.py");
    let out = Command::new("python3").arg(script).arg(&path).output().expect("python3 runs");
    std::fs::remove_file(&path).ok();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let read: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();

    assert_eq!(read["name"], "本社工場 2026年度");
    let events = read["events"].as_array().unwrap();
    assert_eq!(events.len(), due.len(), "one event per deadline, none injected");
    for (event, d) in events.iter().zip(&due) {
        assert_eq!(event["start"], d.date);
        assert_eq!(event["summary"], d.title.ja);
        assert_eq!(event["description"], d.detail.ja.replace("\r\n", "\n"));
        assert!(event["uid"].as_str().unwrap().ends_with(".sc-abc@tics-self-check"));
    }
    let plan_event = events.iter().find(|e| e["uid"] == format!("plan-{gap}.sc-abc@tics-self-check")).unwrap();
    assert_eq!(plan_event["end"], "2027-01-01", "an all-day event");
    assert_eq!(plan_event["alarms"], serde_json::json!(["-P7D"]));
    assert_eq!(plan_event["description"], format!("計画する対策: {}", hostile.replace("\r\n", "\n")));
    let report = events.iter().find(|e| e["uid"] == "periodic-report-1.sc-abc@tics-self-check").unwrap();
    assert_eq!(
        (report["start"].as_str(), report["alarms"].clone()),
        (Some("2027-04-01"), serde_json::json!(["-P30D", "-P7D"]))
    );
}
