//! The site map: the tabs and pages of 表4-2, every page has text in both languages, and routes round-trip.
use tics_domain::markdown::{render, El, Node};
use tics_domain::site::{page_markdown, Route, SiteMap, PAGES};
use tics_domain::Lang;

#[test]
fn tabs_follow_the_redesign_with_their_pages() {
    let site = SiteMap::builtin();
    let tabs: Vec<&str> = site.tabs.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(tabs, ["top", "business", "body", "reference"]);
    let ja: Vec<&str> = site.tabs.iter().map(|t| t.title.ja.as_str()).collect();
    assert_eq!(ja, ["トップページ", "認証取得を目指す事業者向け", "認証機関を目指す組織向け", "参考情報"]);
    let pages = |tab: &str| {
        site.tab(tab).map(|t| t.pages.iter().map(|p| p.id.as_str()).collect::<Vec<_>>()).unwrap_or_default()
    };
    assert_eq!(
        pages("top"),
        ["overview", "news", "features", "pamphlet", "bodies", "certified", "voices", "faq", "contact"]
    );
    assert_eq!(pages("business"), ["benefits", "process", "training", "self-check", "audit"]);
    assert_eq!(pages("body"), ["role", "forms"]);
    assert_eq!(pages("reference"), ["laws", "links", "catalogue-check", "aggregate", "accessibility"]);
}

#[test]
fn every_page_has_text_in_both_languages_and_an_icon() {
    let site = SiteMap::builtin();
    let mut count = 0;
    for tab in &site.tabs {
        assert!(!tab.icon.is_empty() && !tab.audience.is_incomplete());
        for page in &tab.pages {
            count += 1;
            let route = Route { tab: tab.id.clone(), page: page.id.clone() };
            for lang in [Lang::Ja, Lang::En] {
                let md = page_markdown(&route, lang).unwrap_or_else(|| panic!("no text for {route:?}"));
                assert!(md.trim().len() > 100, "{route:?} {lang:?} is too short");
            }
            assert!(!page.icon.is_empty() && !page.title.is_incomplete() && !page.summary.is_incomplete());
        }
    }
    assert_eq!(count, PAGES.len(), "every page in pages.json has Markdown and the other way round");
}

#[test]
fn the_six_certification_bodies_are_listed() {
    let md = page_markdown(&Route { tab: "top".into(), page: "bodies".into() }, Lang::Ja).unwrap_or_default();
    for body in [
        "日本検査キューエイ",
        "日本品質保証機構",
        "日本環境認証機構",
        "防衛基盤整備協会",
        "情報セキュリティ関西研究所",
        "日本金型工業会",
    ] {
        assert!(md.contains(body), "{body} is missing");
    }
}

#[test]
fn page_markdown_has_no_links_images_or_raw_html() {
    fn walk(nodes: &[Node], route: &str) {
        for n in nodes {
            if let Node::Element { el, children, .. } = n {
                assert!(*el != El::A, "{route}: a link");
                walk(children, route);
            }
        }
    }
    for (tab, page, ja, en) in PAGES {
        for md in [ja, en] {
            assert!(!md.contains('<') && !md.contains("]("), "{tab}/{page}: raw HTML or a link");
            walk(&render(md), &format!("{tab}/{page}"));
        }
    }
}

#[test]
fn routes_round_trip_and_unknown_ones_fall_back() {
    let site = SiteMap::builtin();
    for tab in &site.tabs {
        for page in &tab.pages {
            let route = Route { tab: tab.id.clone(), page: page.id.clone() };
            assert_eq!(site.route(&route.hash()), route);
        }
    }
    assert_eq!(site.route(""), site.home());
    assert_eq!(site.route("#/business/nope"), Route { tab: "business".into(), page: "benefits".into() });
    assert_eq!(site.route("#/business/self-check").tool(), Some(tics_domain::site::Tool::SelfCheck));
}

/// Facts the pages must state as the seeds do (issue 21's check against the seeds).
#[test]
fn pages_state_the_seeds_facts_with_their_limits() {
    let md = |tab: &str, page: &str, lang| page_markdown(&Route { tab: tab.into(), page: page.into() }, lang).unwrap();
    // Only of the associations interviewed, not of every association.
    assert!(md("reference", "aggregate", Lang::Ja).contains("ヒアリングした"));
    assert!(md("reference", "aggregate", Lang::En).contains("it interviewed"));
    // The yearly periodic report is planned, not in force.
    assert!(md("business", "audit", Lang::Ja).contains("想定されています"));
    assert!(md("business", "audit", Lang::En).contains("plans"));
    // The validity is up to three years, on every page that gives it.
    for (tab, page) in [("top", "news"), ("top", "faq"), ("top", "pamphlet"), ("business", "process")] {
        let ja = md(tab, page, Lang::Ja);
        assert!(!ja.contains("有効期間(3年)") && !ja.contains("有効期間は3年"), "{tab}/{page}: 最長3年");
        assert!(!md(tab, page, Lang::En).contains("three-year validity"), "{tab}/{page}: up to three years");
    }
}
