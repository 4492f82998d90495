//! The self-check engine: applicability from the profile, overrides, answers, scores, level attainment, gaps.
use tics_domain::catalogue::Catalogue;
use tics_domain::library::Library;
use tics_domain::saved::{SavedState, STATE_VERSION};
use tics_domain::scoring::{attained_level, gaps, summarise};
use tics_domain::selfcheck::Scope;
use tics_domain::{Action, InfoForm, Lang, OrgSize, SelfCheck, Status};

/// A small catalogue: two topics, items of each level, form-specific and conditional items.
fn catalogue() -> Catalogue {
    let item = |id: &str, topic: &str, level: u8, importance: &str, forms: &str, extra: &str| {
        format!(
            r#"{{"id":"{id}","topic":"{topic}","title":{{"ja":"{id}","en":"{id}"}},"requirement":{{"ja":"r","en":"r"}},
            "level":{level},"importance":"{importance}","forms":{forms},"threats":["insider"],
            "guidance":{{"ja":"g","en":"g"}}{extra}}}"#
        )
    };
    let items = [
        item("base", "a", 1, "medium", r#"["any"]"#, ""),
        item("base-high", "a", 1, "high", r#"["any"]"#, ""),
        item("std", "a", 2, "high", r#"["any"]"#, ""),
        item("adv", "a", 3, "high", r#"["any"]"#, ""),
        item("box", "b", 1, "high", r#"["container"]"#, ""),
        item("cloud", "b", 1, "high", r#"["cloud","own_server"]"#, ""),
        item("entrusted", "b", 1, "high", r#"["any"]"#, r#","condition":"entrusted""#),
        item("small", "b", 1, "low", r#"["any"]"#, r#","condition":"small_org""#),
        item("large", "b", 1, "low", r#"["any"]"#, r#","condition":"large_org""#),
    ]
    .join(",");
    let json = format!(
        r#"{{"format":"tics-self-check-catalogue","format_version":1,"id":"test","version":"1","title":{{"ja":"t","en":"t"}},
        "topics":[{{"id":"a","mark":"A","title":{{"ja":"a","en":"a"}},"summary":{{"ja":"a","en":"a"}}}},
                  {{"id":"b","mark":"B","title":{{"ja":"b","en":"b"}},"summary":{{"ja":"b","en":"b"}}}}],
        "items":[{items}]}}"#
    );
    Catalogue::from_json(&json).expect("test catalogue is valid")
}

fn scope_of(c: &Catalogue, s: &SelfCheck, id: &str) -> Scope {
    s.scope(c.item(id).expect("item exists"))
}

fn set(c: &Catalogue, s: &mut SelfCheck, id: &str, status: Status) {
    s.apply(c, Action::SetStatus { item: id.into(), status: Some(status), today: "2026-11-22".into() })
        .expect("applies");
}

#[test]
fn applicability_follows_forms_conditions_and_level() {
    let c = catalogue();
    let mut s = SelfCheck::default();
    assert_eq!(scope_of(&c, &s, "base"), Scope::Selected);
    assert_eq!(scope_of(&c, &s, "std"), Scope::AboveLevel);
    assert_eq!(scope_of(&c, &s, "box"), Scope::NotForProfile, "no container information in the profile yet");
    assert_eq!(scope_of(&c, &s, "entrusted"), Scope::NotForProfile);
    assert_eq!(scope_of(&c, &s, "small"), Scope::Selected, "small is the default size");
    assert_eq!(scope_of(&c, &s, "large"), Scope::NotForProfile);

    s.apply(&c, Action::SetForm(InfoForm::Container, true)).unwrap();
    s.apply(&c, Action::SetForm(InfoForm::OwnServer, true)).unwrap();
    s.apply(&c, Action::SetEntrusted(true)).unwrap();
    s.apply(&c, Action::SetSize(OrgSize::Large)).unwrap();
    s.apply(&c, Action::SetTargetLevel(2)).unwrap();
    assert_eq!(scope_of(&c, &s, "box"), Scope::Selected);
    assert_eq!(scope_of(&c, &s, "cloud"), Scope::Selected, "own servers select an item for own servers or cloud");
    assert_eq!(scope_of(&c, &s, "entrusted"), Scope::Selected);
    assert_eq!(scope_of(&c, &s, "small"), Scope::NotForProfile);
    assert_eq!(scope_of(&c, &s, "large"), Scope::Selected);
    assert_eq!(scope_of(&c, &s, "std"), Scope::Selected);
    assert_eq!(scope_of(&c, &s, "adv"), Scope::AboveLevel);

    s.apply(&c, Action::SetForm(InfoForm::Container, false)).unwrap();
    assert_eq!(scope_of(&c, &s, "box"), Scope::NotForProfile);
}

#[test]
fn overrides_add_items_and_setting_aside_needs_a_reason() {
    let c = catalogue();
    let mut s = SelfCheck::default();
    s.apply(&c, Action::Include("adv".into())).unwrap();
    assert_eq!(scope_of(&c, &s, "adv"), Scope::Added);

    let before = s.clone();
    let err = s.apply(&c, Action::SetAside { item: "base".into(), reason: "   ".into() }).unwrap_err();
    assert!(err.en.contains("reason") && !err.ja.is_empty());
    assert_eq!(s, before, "a refused action changes nothing");

    s.apply(&c, Action::SetAside { item: "base".into(), reason: " 紙の情報はない ".into() }).unwrap();
    assert_eq!(scope_of(&c, &s, "base"), Scope::SetAside("紙の情報はない".into()));
    s.apply(&c, Action::ClearOverride("base".into())).unwrap();
    assert_eq!(scope_of(&c, &s, "base"), Scope::Selected);
}

#[test]
fn unknown_items_and_bad_values_are_refused() {
    let c = catalogue();
    let mut s = SelfCheck::default();
    assert!(s.apply(&c, Action::Include("nope".into())).is_err());
    assert!(s.apply(&c, Action::SetNote { item: "nope".into(), text: "x".into() }).is_err());
    assert!(s.apply(&c, Action::SetTargetLevel(0)).is_err());
    assert!(s.apply(&c, Action::SetTargetLevel(4)).is_err());
    assert!(s.apply(&c, Action::SetDate { item: "base".into(), text: "22/11/2026".into() }).is_err());
    assert_eq!(s, SelfCheck::default());
}

#[test]
fn dates_must_be_real_calendar_days() {
    let c = catalogue();
    let mut s = SelfCheck::default();
    for text in ["2026-02-30", "2025-02-29", "2026-04-31", "2026-+4-01", "1899-12-31"] {
        let refused = s.apply(&c, Action::SetDate { item: "base".into(), text: text.into() });
        let m = refused.expect_err(text);
        assert!(m.en.contains("real date") && m.ja.contains("実在する日"), "{text}: {}", m.en);
    }
    assert_eq!(s, SelfCheck::default());
    s.apply(&c, Action::SetDate { item: "base".into(), text: "2024-02-29".into() }).unwrap();
    assert_eq!(s.answer("base").unwrap().date, "2024-02-29");
}

#[test]
fn a_clock_value_that_is_not_a_date_is_not_recorded() {
    let c = catalogue();
    let mut s = SelfCheck::default();
    s.apply(&c, Action::SetStatus { item: "base".into(), status: Some(Status::Done), today: "Invalid Date".into() })
        .unwrap();
    assert_eq!(s.answer("base").map(|a| (a.status, a.date.as_str())), Some((Some(Status::Done), "")));
    assert_eq!(s.validate(), Ok(()));
}

#[test]
fn answering_records_status_checker_and_date() {
    let c = catalogue();
    let mut s = SelfCheck::default();
    s.apply(&c, Action::SetDefaultChecker("山田".into())).unwrap();
    set(&c, &mut s, "base", Status::Partial);
    let a = s.answer("base").unwrap();
    assert_eq!((a.status, a.checker.as_str(), a.date.as_str()), (Some(Status::Partial), "山田", "2026-11-22"));
    // A later answer keeps the first date unless the user changes it.
    s.apply(&c, Action::SetStatus { item: "base".into(), status: Some(Status::Done), today: "2026-12-01".into() })
        .unwrap();
    assert_eq!(s.answer("base").unwrap().date, "2026-11-22");
    s.apply(&c, Action::SetDate { item: "base".into(), text: "2026-12-01".into() }).unwrap();
    s.apply(&c, Action::SetNote { item: "base".into(), text: "規程あり, \"第3条\"".into() }).unwrap();
    assert_eq!(s.answer("base").unwrap().date, "2026-12-01");
    assert_eq!(s.answer("base").unwrap().note, "規程あり, \"第3条\"");
}

#[test]
fn scores_count_done_fully_partial_half_and_leave_out_not_applicable_with_reason() {
    let c = catalogue();
    let mut s = SelfCheck::default();
    // In scope at level 1 with the default profile: base, base-high (topic a); small (topic b).
    let sum = summarise(&c, &s);
    assert_eq!(sum.overall.in_scope, 3);
    assert_eq!(sum.overall.percent(), Some(0));
    assert_eq!(sum.overall.progress(), 0);

    set(&c, &mut s, "base", Status::Done);
    set(&c, &mut s, "base-high", Status::Partial);
    let a = summarise(&c, &s).topics.into_iter().find(|t| t.topic == "a").unwrap();
    assert_eq!(a.tally.percent(), Some(75));
    assert_eq!(a.tally.answered, 2);

    // "Not applicable" without a reason does not count yet.
    set(&c, &mut s, "small", Status::NotApplicable);
    let b = summarise(&c, &s).topics.into_iter().find(|t| t.topic == "b").unwrap();
    assert_eq!((b.tally.answered, b.tally.percent()), (0, Some(0)));
    assert!(s.answer("small").unwrap().needs_reason());

    s.apply(&c, Action::SetReason { item: "small".into(), text: "管理者は別に選任".into() }).unwrap();
    let sum = summarise(&c, &s);
    let b = sum.topics.iter().find(|t| t.topic == "b").unwrap();
    assert_eq!((b.tally.answered, b.tally.percent()), (1, None), "nothing left to score in topic b");
    assert_eq!(sum.overall.percent(), Some(75));
    assert_eq!(sum.overall.progress(), 100);
}

#[test]
fn level_attainment_needs_every_applicable_item_of_the_level_done() {
    let c = catalogue();
    let mut s = SelfCheck::default();
    assert_eq!(attained_level(&c, &s), None);
    set(&c, &mut s, "base", Status::Done);
    set(&c, &mut s, "base-high", Status::Done);
    assert_eq!(attained_level(&c, &s), None, "'small' is still open");
    set(&c, &mut s, "small", Status::Partial);
    assert_eq!(attained_level(&c, &s), None, "partly done is not done");
    set(&c, &mut s, "small", Status::Done);
    assert_eq!(attained_level(&c, &s), Some(1));
    // Level 2 counts even above the target level, once answered.
    set(&c, &mut s, "std", Status::Done);
    assert_eq!(attained_level(&c, &s), Some(2));
    // Setting an applicable mandatory item aside with a reason removes it from attainment.
    set(&c, &mut s, "base", Status::NotDone);
    assert_eq!(attained_level(&c, &s), None);
    s.apply(&c, Action::SetAside { item: "base".into(), reason: "別拠点で管理".into() }).unwrap();
    assert_eq!(attained_level(&c, &s), Some(2));
}

#[test]
fn gaps_list_mandatory_first_then_importance() {
    let c = catalogue();
    let mut s = SelfCheck::default();
    s.apply(&c, Action::SetTargetLevel(3)).unwrap();
    set(&c, &mut s, "base", Status::NotDone);
    set(&c, &mut s, "small", Status::Done);
    assert_eq!(gaps(&c, &s), ["base-high", "base", "std", "adv"]);
}

#[test]
fn saved_state_round_trips_and_refuses_newer_or_foreign_data() {
    let c = catalogue();
    let mut library = Library::new("sc-1".into(), "本社".into(), "2026-11-22T09:00:00".into());
    let s = library.open_check_mut().unwrap();
    s.apply(&c, Action::SetOrganisation("株式会社テスト, \"本社\"".into())).unwrap();
    set(&c, s, "base", Status::Done);
    s.apply(&c, Action::SetAside { item: "std".into(), reason: "理由".into() }).unwrap();
    let saved = SavedState::new(library, Lang::En);
    let back = SavedState::from_json(&saved.to_json()).expect("round trip");
    assert_eq!(back, saved);

    let newer = saved
        .to_json()
        .replace(&format!("\"version\":{STATE_VERSION},"), &format!("\"version\":{},", STATE_VERSION + 1));
    assert_ne!(newer, saved.to_json());
    assert!(SavedState::from_json(&newer).unwrap_err().en.contains("newer"));
    assert!(SavedState::from_json("{\"format\":\"other\"}").is_err());
    assert!(SavedState::from_json("{ truncated").unwrap_err().ja.contains("壊れて"));
}

#[test]
fn version_one_saved_data_is_migrated_into_a_library() {
    // What the first release stored: one self-check, no library.
    let v1 = r#"{"format":"tics-self-check-state","version":1,"catalogue_id":"tics-default","catalogue_version":"1.0.0",
        "lang":"en","check":{"profile":{"organisation":"旧データ","checker":"","forms":["container"],"size":"small","entrusted":false},
        "target_level":2,"overrides":{},"answers":{"base":{"status":"done","reason":"","note":"n","checker":"","date":""}}}}"#;
    let state = SavedState::from_json(v1).expect("migrates");
    assert_eq!(state.lang, Lang::En);
    assert_eq!(state.library.entries.len(), 1);
    let check = state.library.open_check();
    assert_eq!(check.profile.organisation, "旧データ");
    assert_eq!(check.target_level, 2);
    assert_eq!(check.answer("base").unwrap().status, Some(Status::Done));
}

#[test]
fn saved_answers_for_items_no_longer_in_the_catalogue_are_kept() {
    let c = catalogue();
    let library = Library::new("sc-1".into(), "x".into(), "".into());
    let json = SavedState::new(library, Lang::Ja)
        .to_json()
        .replace("\"answers\":{}", "\"answers\":{\"retired-item\":{\"status\":\"done\",\"note\":\"old\"}}");
    let back = SavedState::from_json(&json).expect("reads");
    let check = back.library.open_check();
    assert_eq!(check.answer("retired-item").unwrap().note, "old");
    assert!(summarise(&c, check).overall.answered == 0, "unknown items do not distort the score");
}
