//! Markdown from any source renders raw HTML as text and keeps only http(s), mailto and relative links.
use tics_domain::markdown::{plain_text, render, safe_href, El, Node};

/// Collects every (element, href) pair in the tree.
fn elements(nodes: &[Node], out: &mut Vec<(El, Option<String>)>) {
    for n in nodes {
        if let Node::Element { el, href, children } = n {
            out.push((*el, href.clone()));
            elements(children, out);
        }
    }
}

fn all(src: &str) -> Vec<(El, Option<String>)> {
    let mut out = Vec::new();
    elements(&render(src), &mut out);
    out
}

#[test]
fn ordinary_markdown_becomes_the_expected_elements() {
    let els: Vec<El> =
        all("# 見出し\n\n本文の **強調** と *斜体*\n\n- 一\n- 二\n\n1. a\n").into_iter().map(|(e, _)| e).collect();
    assert_eq!(els, [El::H(4), El::P, El::Strong, El::Em, El::Ul, El::Li, El::Li, El::Ol, El::Li]);
}

#[test]
fn raw_html_blocks_and_inline_html_become_text() {
    let src = "<script>alert(1)</script>\n\n段落 <img src=x onerror=alert(1)> と <b onclick=\"x()\">b</b>";
    let nodes = render(src);
    let text = plain_text(&nodes);
    assert!(text.contains("<script>alert(1)</script>"), "script shown as text: {text}");
    assert!(text.contains("<img src=x onerror=alert(1)>"));
    assert!(all(src).iter().all(|(e, _)| matches!(e, El::P)), "no element other than paragraphs: {:?}", all(src));
}

#[test]
fn dangerous_links_are_dropped_but_their_text_is_kept() {
    for url in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java&#x09;script:alert(1)",
        "&#106;avascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/",
        "/\\evil.example/",
    ] {
        let src = format!("[押してください]({url})");
        let links: Vec<_> = all(&src).into_iter().filter(|(e, _)| *e == El::A).collect();
        assert!(links.is_empty(), "{url} must not become a link");
        assert!(plain_text(&render(&src)).contains("押してください"));
    }
}

#[test]
fn safe_links_are_kept() {
    for (src, href) in [
        ("[METI](https://www.meti.go.jp/)", "https://www.meti.go.jp/"),
        ("[http](http://example.jp/a?b=c)", "http://example.jp/a?b=c"),
        ("[mail](mailto:info@example.jp)", "mailto:info@example.jp"),
        ("[faq](#/faq)", "#/faq"),
        ("[doc](docs/guide.html)", "docs/guide.html"),
        ("<https://example.jp/>", "https://example.jp/"),
    ] {
        assert_eq!(all(src), [(El::P, None), (El::A, Some(href.to_owned()))], "{src}");
    }
}

#[test]
fn images_never_load_anything() {
    let src = "![代替テキスト](https://tracker.example/pixel.gif)";
    assert!(all(src).iter().all(|(e, _)| *e != El::A));
    assert!(plain_text(&render(src)).contains("代替テキスト"));
}

#[test]
fn scheme_check_ignores_case_whitespace_and_controls() {
    assert_eq!(safe_href("\u{0}javascript:alert(1)"), None);
    assert_eq!(safe_href("  HTTPS://example.jp "), Some("HTTPS://example.jp".into()));
    assert_eq!(safe_href("mailto:a@b.jp"), Some("mailto:a@b.jp".into()));
    assert_eq!(safe_href(""), None);
    assert_eq!(safe_href("page?x=a:b"), Some("page?x=a:b".into()), "a colon after ? is not a scheme");
}

#[test]
fn headings_follow_the_heading_they_sit_under() {
    use tics_domain::markdown::render_under;
    let levels = |parent| {
        let mut out = Vec::new();
        elements(&render_under("## a\n\n### b\n\n#### c", parent), &mut out);
        out.into_iter().map(|(e, _)| e).collect::<Vec<_>>()
    };
    assert_eq!(levels(1), [El::H(2), El::H(3), El::H(4)], "a site page under its h1");
    assert_eq!(levels(4), [El::H(5), El::H(6), El::H(6)], "guidance under a card's h4, never beyond h6");
}

#[test]
fn built_in_guidance_renders_for_every_item_and_survives_its_file_format() {
    use tics_domain::markdown::RenderedGuidance;
    use tics_domain::{Catalogue, Lang};
    let catalogue = Catalogue::default_tics().expect("the built-in catalogue");
    let rendered = catalogue.rendered_guidance();
    assert_eq!(rendered.len(), catalogue.items.len());
    for (id, g) in &rendered {
        assert!(!g.guidance.get(Lang::Ja).is_empty() && !g.guidance.get(Lang::En).is_empty(), "{id} has guidance");
    }
    let json = serde_json::to_string(&rendered).expect("json");
    let back: std::collections::BTreeMap<String, RenderedGuidance> = serde_json::from_str(&json).expect("parse");
    assert_eq!(back, rendered);
    // Compact names: a text node is {"t":…}, an element {"e":{"el":…}}.
    assert!(json.contains(r#"{"e":{"el":"ul","c":[{"e":{"el":"li""#), "{}", &json[..200]);
}
