//! The site's pages as plain HTML, written at build time (by `tics-prerender`): each page of the site map in
//! each language is a file that reads and navigates with no script at all — the tabs per visitor, the side menu
//! with icons, the page's text, the language switch, its own title and description. Paths are real
//! (`business/self-check/`, `en/business/self-check/`) and every link is relative, so the site works from any
//! folder of any static host. Only the pages that hold a tool (the self-check, the aggregate, the catalogue
//! check) load the self-check component, inside the same page frame.
//!
//! Text is escaped here and the page text comes from the safe Markdown tree ([`crate::base::markdown`]), so no markup
//! from any source reaches a page.
use serde::Deserialize;

use crate::base::markdown::{safe_href, El, Node};
use crate::base::text::{Lang, Text};
use crate::site::{Page, Route, SiteMap, Tab, Tool};

/// The files a page links to, with their digests, as the build named them (paths relative to the site's root).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Assets {
    /// Stylesheets: the app's (the page frame shares its rules) and the site's.
    pub styles: Vec<Asset>,
    pub favicon: String,
    /// The browser's bar colour: the app's accent.
    #[serde(default)]
    pub theme: String,
    /// The small script of every page: it registers the service worker (offline use) and sends old links
    /// (`#/business/self-check`) to their page. Pages work without it.
    pub script: Asset,
    /// What a tool's page loads: the widget entry and the files to preload, in order.
    pub widget: Asset,
    pub preloads: Vec<Preload>,
}

/// A file with its SHA-384 digest (`sha384-…`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Asset {
    pub path: String,
    pub integrity: String,
}

/// A file a tool's page fetches at once: a module (the app's glue) or the WebAssembly.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Preload {
    Module(Asset),
    Wasm(String),
}

/// The storage namespace of the site's self-check (the widget's default).
pub const NAMESPACE: &str = "tics-self-check:v1";

/// The file of `route` in `lang`, from the site's root: `business/self-check/index.html`,
/// `en/business/self-check/index.html`.
pub fn page_file(route: &Route, lang: Lang) -> String {
    format!("{}{}/{}/index.html", prefix(lang), route.tab, route.page)
}

fn prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "",
        Lang::En => "en/",
    }
}

/// Text for an HTML text node (the words layer's escape).
pub use crate::base::text::escape_html as escape;

/// The safe Markdown tree as HTML, inside `<div class="tics-md">`. Links are checked again (only http(s), mailto
/// and relative targets), and links away from the site open beside it.
pub fn nodes_html(nodes: &[Node]) -> String {
    fn node(n: &Node, out: &mut String) {
        match n {
            Node::Text(t) => out.push_str(&escape(t)),
            Node::Element { el, href, children } => {
                let tag = el.tag();
                out.push('<');
                out.push_str(tag);
                if let Some(href) = href.as_deref().filter(|_| *el == El::A).and_then(safe_href) {
                    if !href.starts_with('#') {
                        out.push_str(" target=\"_blank\" rel=\"noopener noreferrer\"");
                    }
                    out.push_str(&format!(" href=\"{}\"", escape(&href)));
                }
                out.push('>');
                if matches!(el, El::Br | El::Hr) {
                    return;
                }
                for child in children {
                    node(child, out);
                }
                out.push_str(&format!("</{tag}>"));
            }
        }
    }
    let mut out = String::from("<div class=\"tics-md\">");
    for n in nodes {
        node(n, &mut out);
    }
    out.push_str("</div>");
    out
}

/// SVG path data (24×24, stroked) for an icon name of the site map.
pub fn icon_path(name: &str) -> &'static str {
    match name {
        "home" => "M3 11l9-8 9 8M5 10v10h5v-6h4v6h5V10",
        "info" => "M12 8h.01M11 12h1v5h1M12 3a9 9 0 100 18 9 9 0 000-18z",
        "news" => "M4 5h13v14H6a2 2 0 01-2-2V5zm13 4h3v8a2 2 0 01-2 2M7 9h7M7 13h7",
        "star" => "M12 3l2.8 5.7 6.2.9-4.5 4.4 1 6.2L12 17.3 6.5 20.2l1-6.2L3 9.6l6.2-.9z",
        "doc" => "M6 3h8l4 4v14H6zM14 3v4h4M9 12h6M9 16h6",
        "building" => "M4 21V5l8-3v19M12 8h8v13M7 8h2M7 12h2M7 16h2M15 12h2M15 16h2M2 21h20",
        "badge" => "M12 3l7 3v5c0 5-3 8-7 10-4-2-7-5-7-10V6zM9 12l2 2 4-4",
        "chat" => "M4 5h16v11H9l-5 4z",
        "question" => "M9.5 9a2.5 2.5 0 115 0c0 2-2.5 2-2.5 4M12 17h.01M12 3a9 9 0 100 18 9 9 0 000-18z",
        "mail" => "M3 6h18v12H3zM3 7l9 6 9-6",
        "gift" => "M4 10h16v11H4zM2 7h20v3H2zM12 7v14M12 7c-2-4-6-4-6-1s6 1 6 1 6 2 6-1-4-3-6 1",
        "flow" => "M4 5h6v4H4zM14 15h6v4h-6zM7 9v5a2 2 0 002 2h5",
        "book" => "M4 5a2 2 0 012-2h14v16H6a2 2 0 00-2 2zM4 5v16M8 7h8",
        "check" => "M4 12l5 5L20 6",
        "compass" => "M12 3a9 9 0 100 18 9 9 0 000-18zM15.5 8.5l-2 5-5 2 2-5z",
        "role" => "M12 11a4 4 0 100-8 4 4 0 000 8zM4 21a8 8 0 0116 0",
        "form" => "M5 3h14v18H5zM8 8h8M8 12h8M8 16h5",
        "law" => "M12 3v18M5 7h14M5 7l-3 7a3 3 0 006 0zM19 7l-3 7a3 3 0 006 0zM8 21h8",
        "link" => "M10 14a4 4 0 005.7 0l3-3a4 4 0 00-5.7-5.7l-1 1M14 10a4 4 0 00-5.7 0l-3 3a4 4 0 005.7 5.7l1-1",
        "chart" => "M4 20V4M4 20h16M8 16v-5M12 16V8M16 16v-8",
        "tool" => "M14.7 6.3a4 4 0 00-5.4 5.4L3 18l3 3 6.3-6.3a4 4 0 005.4-5.4l-2.5 2.5-2.8-.7-.7-2.8z",
        _ => "M12 3a9 9 0 100 18 9 9 0 000-18z",
    }
}

/// A decorative icon: the label beside it carries the meaning, so assistive technology skips it.
fn icon(name: &str) -> String {
    format!(
        "<svg class=\"tics-icon\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\"><path d=\"{}\"/></svg>",
        icon_path(name)
    )
}

/// Where a page is and how it links to the others.
struct Place {
    lang: Lang,
    /// `../` as many times as the page is deep: the way back to the site's root.
    root: String,
}

impl Place {
    fn href(&self, route: &Route, lang: Lang) -> String {
        format!("{}{}{}/{}/", self.root, prefix(lang), route.tab, route.page)
    }

    fn asset(&self, path: &str) -> String {
        format!("{}{path}", self.root)
    }

    fn t<'a>(&self, text: &'a Text) -> &'a str {
        text.get(self.lang)
    }
}

fn say(lang: Lang, ja: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
    }
}

/// The page of `route` in `lang` as a whole HTML document. `depth` is how many folders below the site's root
/// the file is (the home page at the root is 0); `body` is the page's text.
pub fn render_page(site: &SiteMap, route: &Route, lang: Lang, depth: usize, body: &[Node], assets: &Assets) -> String {
    let place = Place { lang, root: "../".repeat(depth) };
    let (Some(tab), Some(page)) = (site.tab(&route.tab), site.page(route)) else {
        return String::new();
    };
    let other = match lang {
        Lang::Ja => Lang::En,
        Lang::En => Lang::Ja,
    };
    let tool = route.tool();
    let site_name = say(lang, "技術情報管理認証制度", "TICS");
    let mut head = vec![
        "<meta charset=\"utf-8\">".to_owned(),
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">".to_owned(),
        format!("<title>{} | {site_name}</title>", escape(place.t(&page.title))),
        format!("<meta name=\"description\" content=\"{}\">", escape(place.t(&page.summary))),
        format!("<link rel=\"icon\" href=\"{}\" type=\"image/svg+xml\">", place.asset(&assets.favicon)),
        format!("<link rel=\"manifest\" href=\"{}\">", place.asset("manifest.webmanifest")),
        format!("<meta name=\"theme-color\" content=\"{}\">", escape(&assets.theme)),
        format!("<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">", other.tag(), place.href(route, other)),
    ];
    for style in &assets.styles {
        head.push(format!(
            "<link rel=\"stylesheet\" href=\"{}\" integrity=\"{}\" crossorigin=\"anonymous\">",
            place.asset(&style.path),
            style.integrity
        ));
    }
    if tool.is_some() {
        for preload in &assets.preloads {
            head.push(match preload {
                Preload::Wasm(path) => format!(
                    "<link rel=\"preload\" href=\"{}\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\">",
                    place.asset(path)
                ),
                Preload::Module(m) => format!(
                    "<link rel=\"modulepreload\" href=\"{}\" crossorigin=\"anonymous\" integrity=\"{}\">",
                    place.asset(&m.path),
                    m.integrity
                ),
            });
        }
        head.push(format!(
            "<script type=\"module\" src=\"{}\" integrity=\"{}\" crossorigin=\"anonymous\"></script>",
            place.asset(&assets.widget.path),
            assets.widget.integrity
        ));
    }
    head.push(format!(
        "<script src=\"{}\" integrity=\"{}\" crossorigin=\"anonymous\" defer></script>",
        place.asset(&assets.script.path),
        assets.script.integrity
    ));

    let tabs: String = site
        .tabs
        .iter()
        .map(|t| {
            let to = Route { tab: t.id.clone(), page: t.pages.first().map(|p| p.id.clone()).unwrap_or_default() };
            let current = if t.id == tab.id { " aria-current=\"page\"" } else { "" };
            format!(
                "<li><a class=\"tics-site-tab\" href=\"{}\"{current} data-testid=\"tab-{}\">{}<span class=\"tics-site-tab-title\">{}</span></a></li>",
                place.href(&to, lang),
                escape(&t.id),
                icon(&t.icon),
                escape(place.t(&t.title))
            )
        })
        .collect();
    let menu = menu(&place, tab, page);
    let main = main(&place, page, tool, body);
    let (first, second) = if tool.is_some() { (main, menu) } else { (menu, main) };
    let body_class = if tool.is_some() { "tics-site-body tics-site-body-tool" } else { "tics-site-body" };
    let home_href = format!("{}{}", place.root, prefix(lang));
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n{head}\n</head>\n<body>\n\
<div class=\"tics-app tics-site\" lang=\"{lang}\" data-testid=\"site\">\n\
<a class=\"tics-skip\" href=\"#tics-main\" data-testid=\"skip-to-content\">{skip}</a>\n\
<header class=\"tics-site-header\">\n\
<p class=\"tics-site-name\"><a href=\"{home_href}\">{badge}<span>{long_name}</span></a></p>\n\
<a class=\"tics-lang\" href=\"{other_href}\" lang=\"{other}\" hreflang=\"{other}\" data-testid=\"site-lang\">{other_name}</a>\n\
</header>\n\
<nav class=\"tics-site-tabs\" aria-label=\"{tabs_label}\"><ul role=\"list\">{tabs}</ul></nav>\n\
<p class=\"tics-site-audience\">{audience}</p>\n\
<div class=\"{body_class}\">\n{first}\n{second}\n</div>\n\
<footer class=\"tics-footer\"><p>{footer}</p></footer>\n\
</div>\n</body>\n</html>\n",
        lang = lang.tag(),
        head = head.join("\n"),
        skip = say(lang, "本文へ移動", "Skip to content"),
        badge = icon("badge"),
        long_name = say(lang, "技術情報管理認証制度", "Technology Information Management Certification System"),
        other_href = place.href(route, other),
        other = other.tag(),
        other_name = match other {
            Lang::En => "English",
            Lang::Ja => "日本語",
        },
        tabs_label = say(lang, "訪問者別のタブ", "Sections by visitor"),
        audience = escape(place.t(&tab.audience)),
        footer = say(
            lang,
            "このサイトの文章は、経済産業省の委託調査報告書（2022年）と技術情報管理認証制度の研修素材をもとに、独自の表現で書いたものです。元資料にない情報は掲載していません。",
            "The text of this site is written in our own words from METI's commissioned 2022 report and the TICS training material. Information the sources do not give is not included."
        ),
    )
}

/// The tab's pages as a menu of cards: icon, title, summary.
fn menu(place: &Place, tab: &Tab, page: &Page) -> String {
    let links: String = tab
        .pages
        .iter()
        .map(|p| {
            let to = Route { tab: tab.id.clone(), page: p.id.clone() };
            let current = if p.id == page.id { " aria-current=\"page\"" } else { "" };
            format!(
                "<li><a class=\"tics-site-page-link\" href=\"{}\"{current} data-testid=\"page-{}-{}\">{}<span><span class=\"tics-site-page-title\">{}</span><span class=\"tics-site-page-summary\">{}</span></span></a></li>",
                place.href(&to, place.lang),
                escape(&tab.id),
                escape(&p.id),
                icon(&p.icon),
                escape(place.t(&p.title)),
                escape(place.t(&p.summary))
            )
        })
        .collect();
    format!(
        "<nav class=\"tics-site-pages\" aria-label=\"{} — {}\"><ul role=\"list\">{links}</ul></nav>",
        escape(place.t(&tab.title)),
        say(place.lang, "ページ", "pages")
    )
}

/// The page itself: its title, the tool if it has one, and its text.
fn main(place: &Place, page: &Page, tool: Option<Tool>, body: &[Node]) -> String {
    let lang = place.lang;
    let tool = tool.map(|tool| {
        let (mode, what) = match tool {
            Tool::SelfCheck => ("self-check", say(lang, "セルフチェック", "the self-check")),
            Tool::Aggregate => ("aggregate", say(lang, "集計", "the aggregate")),
            Tool::CatalogueCheck => ("catalogue-check", say(lang, "カタログの確認", "the catalogue check")),
        };
        let loading = match lang {
            Lang::Ja => format!("{what}を読み込み中…"),
            Lang::En => format!("Loading {what}…"),
        };
        format!(
            "<tics-self-check mode=\"{mode}\" in-site lang=\"{}\" storage-namespace=\"{NAMESPACE}\" service-worker><p class=\"tics-tool-loading\" role=\"status\">{loading}</p></tics-self-check>\n\
<noscript><p class=\"tics-banner tics-banner-warn\">{}</p></noscript>",
            lang.tag(),
            say(
                lang,
                "この道具を使うには JavaScript を有効にしてください。このページの説明は、そのままお読みいただけます。",
                "Please enable JavaScript to use this tool. The explanation on this page reads as it is."
            )
        )
    });
    format!(
        "<main class=\"tics-site-main\" id=\"tics-main\" tabindex=\"-1\">\n\
<h1 class=\"tics-site-title\" data-testid=\"page-title\">{}{}</h1>\n{}\
<div class=\"tics-page-body\" data-testid=\"page-body\">{}</div>\n</main>",
        icon(&page.icon),
        escape(place.t(&page.title)),
        tool.map(|t| format!("{t}\n")).unwrap_or_default(),
        nodes_html(body)
    )
}

/// Every page of the site in both languages, with the file each goes in: `(file, route, lang, depth)`. The home
/// page (the first page of the first tab) is also the site's root, `index.html` and `en/index.html`.
pub fn files(site: &SiteMap) -> Vec<(String, Route, Lang, usize)> {
    let mut out = Vec::new();
    for lang in [Lang::Ja, Lang::En] {
        let deep = if lang == Lang::En { 1 } else { 0 };
        out.push((format!("{}index.html", prefix(lang)), site.home(), lang, deep));
        for tab in &site.tabs {
            for page in &tab.pages {
                let route = Route { tab: tab.id.clone(), page: page.id.clone() };
                out.push((page_file(&route, lang), route, lang, deep + 2));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::markdown::{render_under, PAGE_LEVEL};

    fn assets() -> Assets {
        Assets {
            styles: vec![Asset { path: "app-1.css".into(), integrity: "sha384-a".into() }],
            favicon: "favicon-1.svg".into(),
            theme: "#0b4f9c".into(),
            script: Asset { path: "site-1.js".into(), integrity: "sha384-s".into() },
            widget: Asset { path: "widget-1.js".into(), integrity: "sha384-w".into() },
            preloads: vec![Preload::Wasm("app_bg.wasm".into())],
        }
    }

    #[test]
    fn a_content_page_is_plain_html_with_relative_links_and_no_tool() {
        let site = SiteMap::builtin();
        let route = Route { tab: "top".into(), page: "features".into() };
        let body = render_under("## 見出し\n\n本文 <script>x</script> [外](https://example.jp)", PAGE_LEVEL);
        let html = render_page(&site, &route, Lang::Ja, 2, &body, &assets());
        assert!(html.starts_with("<!doctype html>\n<html lang=\"ja\">"));
        assert!(html.contains("<title>制度の特徴・メリット | 技術情報管理認証制度</title>"));
        assert!(html.contains("href=\"../../business/benefits/\""), "tabs link to real paths");
        assert!(html.contains("href=\"../../en/top/features/\" lang=\"en\""), "the language switch is a link");
        assert!(html.contains("href=\"../../app-1.css\""));
        assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"), "markup from text stays text");
        assert!(html.contains("<a target=\"_blank\" rel=\"noopener noreferrer\" href=\"https://example.jp\">"));
        assert!(!html.contains("<tics-self-check") && !html.contains("widget-1.js") && !html.contains(".wasm"));
        assert!(
            html.contains("data-testid=\"page-top-features\" ")
                || html.contains("aria-current=\"page\" data-testid=\"page-top-features\"")
        );
    }

    #[test]
    fn a_tool_page_holds_the_component_in_the_same_frame() {
        let site = SiteMap::builtin();
        let route = Route { tab: "business".into(), page: "self-check".into() };
        let html = render_page(&site, &route, Lang::En, 3, &[], &assets());
        assert!(html.contains("<tics-self-check mode=\"self-check\" in-site lang=\"en\""));
        assert!(html.contains("src=\"../../../widget-1.js\" integrity=\"sha384-w\""));
        assert!(html.contains("<link rel=\"preload\" href=\"../../../app_bg.wasm\""));
        assert!(html.contains("href=\"../../../business/self-check/\" lang=\"ja\""));
        // The tool comes before the page menu (on a phone it is not pushed below the menu).
        assert!(html.find("tics-site-main").unwrap() < html.find("tics-site-pages").unwrap());
    }

    #[test]
    fn every_page_has_a_file_in_both_languages_and_the_home_page_is_the_root() {
        let site = SiteMap::builtin();
        let files = files(&site);
        let pages: usize = site.tabs.iter().map(|t| t.pages.len()).sum();
        assert_eq!(files.len(), 2 * (pages + 1));
        assert!(files.iter().any(|(f, r, l, d)| f == "index.html" && *r == site.home() && *l == Lang::Ja && *d == 0));
        assert!(files.iter().any(|(f, _, l, d)| f == "en/business/self-check/index.html" && *l == Lang::En && *d == 3));
    }

    #[test]
    fn text_is_escaped_for_text_and_attributes() {
        assert_eq!(escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }
}
