//! What a reader of each document notices: the values from the self-check in their places, blanks where none
//! was given, the points to decide, the notice, and the structure the rules and the joining pledge must have.
use super::*;
use crate::catalogue::templates::DocKind;
use crate::documents::{DocInput, Measure, MeasureState, TopicMeasures};

fn full(kind: DocKind, lang: Lang) -> DocInput {
    DocInput {
        kind,
        lang,
        business: "株式会社サンプル精工".into(),
        representative_title: "代表取締役".into(),
        representative_name: "山田 太郎".into(),
        classes: vec!["極秘".into(), "社外秘".into()],
        classes_are_default: false,
        classification_chosen: true,
        manager_post: "製造部長".into(),
        manager: "佐藤 花子".into(),
        reporting_route: "発見者 → 上長 → 佐藤部長 → 社長".into(),
        training: "毎年4月の全体会議".into(),
        information: vec!["金型図面".into(), "焼入れ条件".into()],
        measures: vec![
            TopicMeasures {
                topic: "physical".into(),
                title: "物理的保管".into(),
                measures: vec![Measure {
                    text: "図面は施錠できる書庫に保管".into(),
                    state: MeasureState::InPlace,
                    due: String::new(),
                }],
            },
            TopicMeasures {
                topic: "incident".into(),
                title: "事故".into(),
                measures: vec![Measure {
                    text: "報告ルートを掲示する".into(),
                    state: MeasureState::Planned,
                    due: "2026-10-31".into(),
                }],
            },
        ],
    }
}

fn empty(kind: DocKind, lang: Lang) -> DocInput {
    DocInput {
        kind,
        lang,
        business: String::new(),
        representative_title: String::new(),
        representative_name: String::new(),
        classes: Vec::new(),
        classes_are_default: false,
        classification_chosen: false,
        manager_post: String::new(),
        manager: String::new(),
        reporting_route: String::new(),
        training: String::new(),
        information: Vec::new(),
        measures: Vec::new(),
    }
}

/// The document as one text, blanks as underscores and points to decide with their brackets.
fn text_of(doc: &Doc) -> String {
    let mut out = doc.title.clone();
    for block in &doc.blocks {
        out.push('\n');
        match block {
            Block::Notice(lines) => out.push_str(&lines.join("\n")),
            Block::Chapter(t) => out.push_str(t),
            Block::Article(a) => {
                out.push_str(&a.heading);
                for c in &a.clauses {
                    out.push('\n');
                    out.push_str(&plain(doc.lang, &c.spans));
                    for item in &c.items {
                        out.push('\n');
                        out.push_str(&plain(doc.lang, item));
                    }
                }
            }
            Block::Para { spans, .. } => out.push_str(&plain(doc.lang, spans)),
            Block::Signature(lines) => {
                for l in lines {
                    out.push_str(&format!("{} {} {}\n", l.label, plain(doc.lang, &l.value), l.seal));
                }
            }
        }
    }
    out
}

fn headings(doc: &Doc) -> Vec<&str> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Article(a) => Some(a.heading.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn every_document_in_both_languages_starts_with_the_notice_and_has_points_to_decide() {
    for kind in DocKind::ALL {
        for lang in [Lang::Ja, Lang::En] {
            for input in [full(kind, lang), empty(kind, lang)] {
                let doc = build(&input);
                assert!(matches!(doc.blocks.first(), Some(Block::Notice(_))), "{kind:?} {lang:?}");
                let text = text_of(&doc);
                let (advice, decide) = match lang {
                    Lang::Ja => ("法的な助言ではありません", "【要決定："),
                    Lang::En => ("It is not legal advice", "[To decide: "),
                };
                assert!(text.contains(advice), "{kind:?} {lang:?}");
                assert!(text.contains(decide), "{kind:?} {lang:?}: {text}");
                assert_eq!(doc.title, Template::Document(kind).title().get(lang));
                if kind != DocKind::Rules {
                    assert!(
                        doc.blocks.iter().any(|b| matches!(b, Block::Signature(l) if l.iter().any(|l| l.seal))),
                        "{kind:?}: a line to sign or seal"
                    );
                }
            }
        }
    }
}

#[test]
fn the_self_checks_values_are_filled_in_and_missing_ones_become_blanks() {
    for kind in DocKind::ALL {
        let text = text_of(&build(&full(kind, Lang::Ja)));
        assert!(text.contains("株式会社サンプル精工"), "{kind:?}");
        assert!(text.contains("「極秘」「社外秘」") || kind == DocKind::Rules, "{kind:?}: {text}");
        let blank = text_of(&build(&empty(kind, Lang::Ja)));
        assert!(!blank.contains("株式会社サンプル精工"));
        assert!(blank.contains("______________"), "{kind:?}: the business name is a blank");
    }
    let pledge = text_of(&build(&full(DocKind::PledgeJoining, Lang::Ja)));
    assert!(pledge.contains("代表取締役\u{3000}山田 太郎\u{3000}殿"), "{pledge}");
    assert!(pledge.contains("発見者 → 上長 → 佐藤部長 → 社長"));
    assert!(pledge.contains("金型図面\n焼入れ条件"), "the inventory's information is listed");
}

#[test]
fn the_rules_have_five_chapters_and_the_eighteen_articles_of_the_outline() {
    let doc = build(&full(DocKind::Rules, Lang::Ja));
    let chapters: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Chapter(c) => Some(c.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        chapters,
        [
            "第1章\u{3000}総則",
            "第2章\u{3000}管理体制",
            "第3章\u{3000}従業員等",
            "第4章\u{3000}社外との関係",
            "第5章\u{3000}雑則",
            "別表（第5条関係）\u{3000}情報管理責任者"
        ]
    );
    let titles = [
        "目的",
        "適用範囲",
        "定義",
        "秘密情報の分類",
        "管理責任者",
        "情報管理委員会",
        "指定",
        "秘密情報の取扱い",
        "申告",
        "秘密保持義務",
        "誓約書等",
        "退職者",
        "教育",
        "監査",
        "秘密情報の開示を伴う契約等",
        "第三者の情報の取扱い",
        "外来者・見学",
        "罰則",
    ];
    let expected: Vec<String> = titles.iter().enumerate().map(|(n, t)| format!("第{}条（{t}）", n + 1)).collect();
    assert_eq!(headings(&doc), expected);
    let en = build(&full(DocKind::Rules, Lang::En));
    assert_eq!(headings(&en).len(), 18);
    assert_eq!(headings(&en)[8], "Article 9 (Reporting)");
    assert_eq!(headings(&en)[13], "Article 14 (Internal audit)");
}

#[test]
fn the_rules_put_each_value_and_measure_under_its_article() {
    let doc = build(&full(DocKind::Rules, Lang::Ja));
    let article = |title: &str| -> String {
        let found = doc.blocks.iter().find_map(|b| match b {
            Block::Article(a) if a.heading.contains(&format!("（{title}）")) => Some(a),
            _ => None,
        });
        let a = found.unwrap();
        a.clauses
            .iter()
            .map(|c| {
                let items: Vec<String> = c.items.iter().map(|i| plain(Lang::Ja, i)).collect();
                format!("{}\n{}", plain(Lang::Ja, &c.spans), items.join("\n"))
            })
            .collect()
    };
    assert!(article("秘密情報の分類").contains("極秘\n社外秘"));
    assert!(!article("秘密情報の分類").contains("標準の名前"), "own labels need no confirming");
    assert!(article("管理責任者").contains("製造部長の職にある者をもって充てる。"));
    assert!(article("申告").contains("発見者 → 上長 → 佐藤部長 → 社長"));
    assert!(article("申告").contains("報告ルートを掲示する（期限：2026-10-31）"));
    assert!(article("教育").contains("毎年4月の全体会議"));
    assert!(article("秘密情報の取扱い").contains("現在実施している対策"));
    assert!(article("秘密情報の取扱い").contains("図面は施錠できる書庫に保管"));
    assert!(article("指定").contains("金型図面"));
    assert!(article("監査").contains("【要決定：監査の時期"));

    // Nothing entered: blanks and points to decide instead, and no lists of measures.
    let mut input = empty(DocKind::Rules, Lang::Ja);
    input.classes = vec!["極秘".into()];
    input.classes_are_default = true;
    let text = text_of(&build(&input));
    assert!(text.contains("【要決定：管理責任者に充てる役職"));
    assert!(text.contains("【要決定：報告の順番"));
    assert!(text.contains("【要決定：教育の時期と方法"));
    assert!(text.contains("標準の名前"), "default labels are to be confirmed");
    assert!(!text.contains("現在実施している対策"));
}

/// The clauses of the article titled `title`, as one text.
fn article_text(doc: &Doc, title: &str) -> String {
    let found = doc.blocks.iter().find_map(|b| match b {
        Block::Article(a) if a.heading.contains(title) => Some(a),
        _ => None,
    });
    let Some(a) = found else { panic!("no article {title}") };
    a.clauses
        .iter()
        .map(|c| {
            let items: Vec<String> = c.items.iter().map(|i| plain(doc.lang, i)).collect();
            format!("{}\n{}", plain(doc.lang, &c.spans), items.join("\n"))
        })
        .collect()
}

#[test]
fn the_rules_ask_staff_to_report_leaks_signs_and_breaches_and_have_an_internal_audit() {
    // The sample rules of the training material: 申告 (article 9) and 監査 (article 14).
    let ja = build(&full(DocKind::Rules, Lang::Ja));
    let report = article_text(&ja, "（申告）");
    for point in ["漏えい", "兆し", "規程又は情報管理基準に反する", "自らによるものを含む", "管理責任者に申し出る"]
    {
        assert!(report.contains(point), "申告: {point}\n{report}");
    }
    let audit = article_text(&ja, "（監査）");
    for point in ["定期的に監査", "担当していない者", "経営者に報告", "【要決定：監査の時期"]
    {
        assert!(audit.contains(point), "監査: {point}\n{audit}");
    }
    let en = build(&full(DocKind::Rules, Lang::En));
    assert!(article_text(&en, "(Reporting)").contains("against these rules or the standards"));
    let audit = article_text(&en, "(Internal audit)");
    assert!(audit.contains("audits regularly") && audit.contains("top management"), "{audit}");
}

#[test]
fn the_joining_pledge_keeps_duties_owed_to_earlier_employers() {
    // The training material's joining pledge, article 5: confidentiality and non-compete duties owed to an earlier
    // employer or others are reported to the superior and kept.
    let ja = article_text(&build(&full(DocKind::PledgeJoining, Lang::Ja)), "（入社前に負う義務と第三者の秘密）");
    for point in ["以前の勤務先", "秘密保持義務", "競業避止義務", "上司に申し出て", "その義務を守ります"]
    {
        assert!(ja.contains(point), "{point}\n{ja}");
    }
    let en = article_text(
        &build(&full(DocKind::PledgeJoining, Lang::En)),
        "(Duties from before joining and others' secrets)",
    );
    for point in ["earlier employer", "duty of confidentiality", "duty not to compete", "tell my superior"] {
        assert!(en.contains(point), "{point}\n{en}");
    }
}

#[test]
fn the_joining_pledge_covers_the_six_points_and_earlier_duties() {
    let doc = build(&full(DocKind::PledgeJoining, Lang::Ja));
    let h = headings(&doc);
    for title in [
        "在職中の秘密保持",
        "アクセス権がなくなった後と退職後",
        "規程の遵守",
        "報告と事故への対応",
        "記録の確認",
        "返却",
        "入社前に負う義務と第三者の秘密",
        "損害賠償",
    ] {
        assert!(h.iter().any(|x| x.contains(&format!("（{title}）"))), "{title}: {h:?}");
    }
    let text = text_of(&doc);
    for point in [
        "第三者（社外の者を含む。）に開示",
        "誰もが知ることのできる状態",
        "ルールを守ります",
        "兆候",
        "ログ",
        "返却",
        "競業避止義務",
    ] {
        assert!(text.contains(point), "{point}");
    }
    let en = text_of(&build(&full(DocKind::PledgeJoining, Lang::En)));
    for point in ["publicly available", "duty not to compete", "records (logs)", "return the documents"] {
        assert!(en.contains(point), "{point}");
    }
}

#[test]
fn html_escapes_what_the_user_typed_and_prints_on_a4() {
    let mut input = full(DocKind::PledgePartner, Lang::En);
    input.business = "<script>alert(1)</script> & \"Co\" <w:t>x</w:t>".into();
    input.classes = vec!["=cmd|' /C calc'!A0".into()];
    input.representative_name = "A\u{0}B".into();
    let page = html(&build(&input));
    assert!(page.starts_with("<!doctype html><html lang=\"en\">"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; &lt;w:t&gt;x&lt;/w:t&gt;"));
    assert!(!page.contains("<script"));
    assert!(!page.contains("<w:t>"));
    assert!(page.contains("=cmd|&#39; /C calc&#39;!A0"));
    assert!(page.contains("AB"), "control characters are dropped");
    assert!(page.contains("@page{size:A4"));
    assert_eq!(page.matches("<style>").count(), 1);
    assert!(!page.contains(" style="), "no style attributes: a strict CSP would block them");
    assert!(page.contains("<mark class=\"doc-decide\">[To decide: "));
    assert!(page.contains("<span class=\"doc-blank doc-w"));

    let ja = html(&build(&full(DocKind::Rules, Lang::Ja)));
    let body_font = ja.split("body{").nth(1).unwrap_or_default();
    assert!(body_font.contains("font-family:\"Yu Mincho\""), "Yu Mincho first: {body_font}");
    assert!(ja.contains("<h3>第18条（罰則）</h3>"));
    assert!(ja.contains("発見者 → 上長"), "arrows and Japanese text stay as they are");
}

/// The Japanese drafts read as a compliance officer writes a 規程 or a 誓約書 (issue 21): no colloquial turns, no
/// colon inside an article's sentences, and a purpose article that states its purpose as 「目的とする」.
#[test]
fn the_japanese_drafts_use_the_register_of_rules_and_pledges() {
    for kind in DocKind::ALL {
        let doc = build(&full(kind, Lang::Ja));
        let text = text_of(&doc);
        for phrase in ["上ほど", "預けるか、使わないようにします", "求められれば", "効力を持ちます", "ようにします"]
        {
            assert!(!text.contains(phrase), "{kind:?}: 「{phrase}」");
        }
        for block in &doc.blocks {
            if let Block::Article(a) = block {
                for c in &a.clauses {
                    let sentence = plain(Lang::Ja, &c.spans);
                    // A colon opens a list or a point to decide (【要決定：…】), never the middle of a sentence.
                    let outside: String =
                        sentence.split('【').map(|p| p.split_once('】').map_or(p, |(_, rest)| rest)).collect();
                    assert!(!outside.trim_end_matches('：').contains('：'), "{kind:?} {}: {sentence}", a.heading);
                }
            }
        }
    }
    let rules = text_of(&build(&full(DocKind::Rules, Lang::Ja)));
    assert!(rules.contains("目的とする"), "the purpose article says 目的とする");
}

/// Seed 004 ③ gives the manager's role as establishing the procedures and duties (2)–(5); the rules appoint by
/// post (役職), so a change of person does not change them, and name the person in an annex.
#[test]
fn the_rules_appoint_the_manager_by_post_with_the_whole_role_and_name_the_person_in_an_annex() {
    let doc = build(&full(DocKind::Rules, Lang::Ja));
    let role = article_text(&doc, "（管理責任者）");
    assert!(!role.contains("佐藤"), "the person is not in the article: {role}");
    for duty in [
        "管理の手順を定めること",
        "従業員等に教育を行うこと",
        "その実施の状況を把握すること",
        "漏えいの兆候及び事実の把握に努め",
        "記録を作成し、保管すること",
        "別表に記載する",
    ] {
        assert!(role.contains(duty), "「{duty}」 in: {role}");
    }
    let annex = doc.blocks.iter().position(|b| matches!(b, Block::Chapter(c) if c.starts_with("別表（第5条関係）")));
    let Some(Block::Signature(lines)) = annex.and_then(|n| doc.blocks.get(n + 1)) else {
        panic!("an annex after the rules, with its lines")
    };
    let line = |label: &str| lines.iter().find(|l| l.label == label).map(|l| plain(Lang::Ja, &l.value));
    assert_eq!(line("役職").as_deref(), Some("製造部長"));
    assert_eq!(line("氏名").as_deref(), Some("佐藤 花子"));
    let en = build(&full(DocKind::Rules, Lang::En));
    assert!(en
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Chapter(c) if c == "Annex (Article 5): the information manager")));
    assert!(article_text(&en, "(Information manager)").contains("the holder of the post of 製造部長."));
}

/// Classification is level 2 in the catalogue: the rules say it is optional unless the business classifies.
#[test]
fn the_rules_say_classification_is_optional_unless_the_business_classifies() {
    let optional = text_of(&build(&empty(DocKind::Rules, Lang::Ja)));
    assert!(optional.contains("区分は任意の取組です"), "{optional}");
    let chosen = text_of(&build(&full(DocKind::Rules, Lang::Ja)));
    assert!(!chosen.contains("区分は任意"));
}

/// The English drafts read as formal undertakings too (issue 21): no colloquial or vague turns, no contractions.
#[test]
fn the_english_drafts_use_the_register_of_rules_and_pledges() {
    for kind in DocKind::ALL {
        let text = text_of(&build(&full(kind, Lang::En)));
        for phrase in [
            "hand in or not use",
            "asks me to",
            "I will tell the following",
            "when the Company asks for them",
            "n't ",
            "'ll ",
            "'re ",
        ] {
            assert!(!text.contains(phrase), "{kind:?}: \"{phrase}\"");
        }
    }
    // The default classes are glossed in their own order: 極秘 > 関係者限り > 社外秘.
    let mut input = empty(DocKind::Rules, Lang::En);
    input.classes_are_default = true;
    input.classes = crate::documents::default_classes(Lang::En);
    let text = text_of(&build(&input));
    assert!(
        text.contains("関係者限り (for those concerned only)\n社外秘 (confidential, not for outside the company)"),
        "{text}"
    );
}
