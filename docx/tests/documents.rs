//! The .docx files as Word would open them: every document in both languages is written and unzipped, and its
//! XML is checked for what a reader would see (the business's values, blanks, points to decide, the notice, the
//! articles) and for what makes it an A4 document in Yu Mincho / Yu Gothic. Hostile text must come out literally.
use std::io::{Cursor, Read};
use std::time::Instant;

use tics_docx::{answer, docx, Reply};
use tics_domain::documents::{DocInput, Measure, MeasureState, Op, Request, TopicMeasures};
use tics_domain::drafts::build;
use tics_domain::templates::DocKind;
use tics_domain::Lang;

fn full(kind: DocKind, lang: Lang) -> DocInput {
    DocInput {
        kind,
        lang,
        business: "株式会社サンプル精工".into(),
        representative_title: "代表取締役".into(),
        representative_name: "山田 太郎".into(),
        classes: vec!["極秘".into(), "社外秘".into(), "関係者限り".into()],
        classes_are_default: false,
        classification_chosen: true,
        manager_post: "製造部長".into(),
        manager: "佐藤 花子".into(),
        reporting_route: "発見者 → 上長 → 佐藤部長 → 社長".into(),
        training: "毎年4月の全体会議".into(),
        information: vec!["金型図面".into(), "焼入れ条件".into()],
        measures: vec![TopicMeasures {
            topic: "physical".into(),
            title: "物理的保管".into(),
            measures: vec![
                Measure {
                    text: "図面は施錠できる書庫に保管".into(), state: MeasureState::InPlace, due: String::new()
                },
                Measure {
                    text: "鍵の貸出し簿を作る".into(), state: MeasureState::Planned, due: "2026-10-31".into()
                },
            ],
        }],
    }
}

fn empty(kind: DocKind, lang: Lang) -> DocInput {
    Request::from_json(&format!(r#"{{"op":"docx","input":{{"kind":"{}","lang":"{}"}}}}"#, serde_kind(kind), lang.tag()))
        .unwrap()
        .input
}

fn serde_kind(kind: DocKind) -> &'static str {
    match kind {
        DocKind::PledgeJoining => "pledge_joining",
        DocKind::PledgeLeaving => "pledge_leaving",
        DocKind::PledgeVisitor => "pledge_visitor",
        DocKind::PledgePartner => "pledge_partner",
        DocKind::Rules => "rules",
    }
}

/// The parts of a .docx file by name.
fn unzip(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip file");
    let mut parts = std::collections::BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        if file.is_dir() {
            continue;
        }
        let name = file.name().unwrap().to_string();
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap();
        parts.insert(name, text);
    }
    parts
}

/// The text Word shows: the content of every `<w:t>` element, unescaped, one paragraph a line.
fn shown(document: &str) -> String {
    let mut out = String::new();
    for paragraph in document.split("</w:p>") {
        for piece in paragraph.split("<w:t").skip(1) {
            let Some(start) = piece.find('>') else { continue };
            let Some(end) = piece.find("</w:t>") else { continue };
            out.push_str(&unescape(&piece[start + 1..end]));
        }
        out.push('\n');
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

fn write(input: &DocInput) -> std::collections::BTreeMap<String, String> {
    let bytes = docx(&build(input)).unwrap();
    assert!(bytes.starts_with(b"PK"));
    unzip(&bytes)
}

#[test]
fn every_document_in_both_languages_is_a4_in_yu_mincho_and_yu_gothic_with_the_notice() {
    for kind in DocKind::ALL {
        for lang in [Lang::Ja, Lang::En] {
            let started = Instant::now();
            let parts = write(&full(kind, lang));
            eprintln!("{kind:?} {lang:?}: {:.1} ms on the host", started.elapsed().as_secs_f64() * 1000.0);
            let document = &parts["word/document.xml"];
            assert!(document.contains(r#"<w:pgSz w:w="11906" w:h="16838""#), "{kind:?}: A4");
            let styles = &parts["word/styles.xml"];
            assert!(styles.contains(r#"w:eastAsia="Yu Mincho""#), "{kind:?}: body in Yu Mincho");
            assert!(styles.contains(r#"w:eastAsia="Yu Gothic""#), "{kind:?}: headings in Yu Gothic");
            assert!(styles.contains(r#"w:name w:val="heading 2""#));
            let text = shown(document);
            assert!(text.contains("株式会社サンプル精工"), "{kind:?} {lang:?}");
            match lang {
                Lang::Ja => {
                    assert!(text.contains("法的な助言ではありません"));
                    assert!(text.contains("【要決定："));
                }
                Lang::En => {
                    assert!(text.contains("It is not legal advice"));
                    assert!(text.contains("[To decide: "));
                    assert!(styles.contains(r#"w:ascii="Times New Roman""#), "Latin text in a Latin font");
                }
            }
            // Points to decide stand out: bold and highlighted.
            let marker = if lang == Lang::Ja { "【要決定：" } else { "[To decide: " };
            let decide = document.split(marker).next().unwrap_or_default();
            let run_start = decide.rfind("<w:r>").unwrap();
            let props = &decide[run_start..];
            assert!(props.contains("<w:b />") || props.contains("<w:b/>"), "{kind:?}: bold: {props}");
            assert!(props.contains(r#"<w:highlight w:val="yellow""#), "{kind:?}: highlighted: {props}");
        }
    }
}

#[test]
fn the_rules_carry_the_self_check_and_all_eighteen_articles() {
    let text = shown(&write(&full(DocKind::Rules, Lang::Ja))["word/document.xml"]);
    for title in [
        "第1条（目的）",
        "第2条（適用範囲）",
        "第3条（定義）",
        "第4条（秘密情報の分類）",
        "第5条（管理責任者）",
        "第6条（情報管理委員会）",
        "第7条（指定）",
        "第8条（秘密情報の取扱い）",
        "第9条（申告）",
        "第10条（秘密保持義務）",
        "第11条（誓約書等）",
        "第12条（退職者）",
        "第13条（教育）",
        "第14条（監査）",
        "第15条（秘密情報の開示を伴う契約等）",
        "第16条（第三者の情報の取扱い）",
        "第17条（外来者・見学）",
        "第18条（罰則）",
    ] {
        assert!(text.contains(&format!("{title}\n")), "{title} is a heading of its own");
    }
    for value in [
        "極秘",
        "社外秘",
        "関係者限り",
        "製造部長の職にある者をもって充てる。",
        "佐藤 花子",
        "別表（第5条関係）",
        "発見者 → 上長 → 佐藤部長 → 社長",
        "毎年4月の全体会議",
        "図面は施錠できる書庫に保管",
        "鍵の貸出し簿を作る（期限：2026-10-31）",
    ] {
        assert!(text.contains(value), "{value}");
    }
    let en = shown(&write(&full(DocKind::Rules, Lang::En))["word/document.xml"]);
    assert!(en.contains("Article 9 (Reporting)\n"));
    assert!(en.contains("Article 14 (Internal audit)\n"));
    assert!(en.contains("Chapter 3: Staff\n"));
}

#[test]
fn the_joining_pledge_has_the_six_points_and_the_duties_from_before_joining() {
    let text = shown(&write(&full(DocKind::PledgeJoining, Lang::Ja))["word/document.xml"]);
    for heading in [
        "（在職中の秘密保持）",
        "（アクセス権がなくなった後と退職後）",
        "（規程の遵守）",
        "（報告と事故への対応）",
        "（記録の確認）",
        "（返却）",
        "（入社前に負う義務と第三者の秘密）",
    ] {
        assert!(text.contains(heading), "{heading}");
    }
    assert!(text.contains("代表取締役\u{3000}山田 太郎\u{3000}殿"));
    assert!(text.contains("「極秘」「社外秘」「関係者限り」"), "the business's labels");
    assert!(text.contains("氏名\u{3000}"), "a line to sign");
    assert!(text.contains("\u{3000}印\n"), "with a seal at its end");
}

#[test]
fn an_empty_input_still_makes_a_valid_document_with_blanks() {
    for kind in DocKind::ALL {
        for lang in [Lang::Ja, Lang::En] {
            let parts = write(&empty(kind, lang));
            let document = &parts["word/document.xml"];
            assert!(document.starts_with("<?xml"), "{kind:?}");
            assert!(document.contains("<w:u w:val=\"single\" />") || document.contains("<w:u w:val=\"single\"/>"));
            assert!(shown(document).contains("\u{a0}\u{a0}\u{a0}\u{a0}"), "{kind:?} {lang:?}: underlined blanks");
            assert!(parts.contains_key("[Content_Types].xml"));
            assert!(balanced(document), "{kind:?}: well-formed");
        }
    }
}

/// Every element opened is closed in order: enough to catch text that broke out of its `<w:t>`.
fn balanced(xml: &str) -> bool {
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let Some(close) = rest.find('>') else { return false };
        let tag = &rest[..close];
        rest = &rest[close + 1..];
        if tag.starts_with('?') || tag.starts_with('!') || tag.ends_with('/') {
            continue;
        }
        let name = tag.trim_start_matches('/').split_whitespace().next().unwrap_or_default();
        if tag.starts_with('/') {
            if stack.pop() != Some(name) {
                return false;
            }
        } else {
            stack.push(name);
        }
    }
    stack.is_empty()
}

#[test]
fn hostile_text_is_escaped_and_appears_literally() {
    let hostile = ["<w:t>injected</w:t>", "R&D", "=cmd|' /C calc'!A0", "<script>alert(1)</script>", "\u{1}\u{b}"];
    for kind in DocKind::ALL {
        let mut input = full(kind, Lang::En);
        input.business = hostile.join(" ");
        input.manager = hostile[0].into();
        input.manager_post = hostile[3].into();
        input.reporting_route = format!("{}\nline two", hostile[3]);
        input.classes = vec![hostile[2].into()];
        input.information = vec![hostile[1].into()];
        let parts = write(&input);
        let document = &parts["word/document.xml"];
        assert!(balanced(document), "{kind:?}: well-formed");
        assert!(!document.contains("<w:t>injected"), "{kind:?}");
        assert!(!document.contains("<script>"), "{kind:?}");
        assert!(!document.contains('\u{1}') && !document.contains('\u{b}'), "control characters are dropped");
        assert!(document.contains("&lt;w:t&gt;injected&lt;/w:t&gt;"), "{kind:?}");
        let text = shown(document);
        assert!(text.contains("<w:t>injected</w:t> R&D =cmd|' /C calc'!A0 <script>alert(1)</script>"), "{kind:?}");
        // No field codes or hyperlinks: user text never becomes one.
        assert!(!document.contains("w:instrText") && !document.contains("w:hyperlink"), "{kind:?}");
        if kind == DocKind::Rules || kind == DocKind::PledgeJoining {
            assert!(
                document.contains("<w:br w:type=\"textWrapping\" />") || document.contains("<w:br"),
                "line break kept"
            );
            assert!(text.contains("line two"));
        }
    }
}

#[test]
fn the_worker_answers_docx_and_html_requests_and_refuses_others() {
    for op in [Op::Docx, Op::Html] {
        let started = Instant::now();
        let request = Request { op, input: full(DocKind::Rules, Lang::Ja) };
        let reply = answer(&request.to_json()).unwrap();
        eprintln!("{op:?} of the rules: {:.1} ms on the host", started.elapsed().as_secs_f64() * 1000.0);
        match (op, reply) {
            (Op::Docx, Reply::Docx(bytes)) => {
                assert!(bytes.starts_with(b"PK"));
                eprintln!("rules .docx: {} bytes", bytes.len());
            }
            (Op::Html, Reply::Html(page)) => assert!(page.contains("<h3>第9条（申告）</h3>")),
            (op, reply) => panic!("{op:?} answered with {reply:?}"),
        }
    }
    let refused = answer("not json").unwrap_err();
    assert!(refused.ja.contains("読めませんでした") && refused.en.contains("Could not read"), "{refused:?}");
}
