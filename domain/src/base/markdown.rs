//! Safe Markdown: parses Markdown from any source into a small tree of allowed elements.
//!
//! Raw HTML (block or inline) becomes plain text, images become their alt text (so nothing is fetched from
//! elsewhere), and links keep their target only for http(s), mailto and relative URLs. The UI turns the tree
//! into DOM nodes without ever parsing HTML, so no markup can be injected.
//!
//! The tree is also a file format (serde, compact names): the built-in content is rendered when the app is
//! built (see `src/bin/prerender.rs`), so the browser never parses Markdown for it, and Markdown that arrives at
//! run time (an association's overlay) is rendered by a worker that loads only when needed.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag};
use serde::{Deserialize, Serialize};

use crate::Lang;

/// The heading level each kind of text sits under in the UI (see [`render_under`]): a site page under the
/// page's h1, an item's guidance under the item's h4, its examples under their own h5.
pub const PAGE_LEVEL: u8 = 1;
pub const GUIDANCE_LEVEL: u8 = 4;
pub const EXAMPLES_LEVEL: u8 = 5;

/// The elements the renderer may produce.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum El {
    P,
    /// A heading, already moved to the level it takes in the page (see [`render_under`]).
    H(u8),
    Ul,
    Ol,
    Li,
    Strong,
    Em,
    Del,
    Code,
    Pre,
    Blockquote,
    Br,
    Hr,
    /// A link with a checked target.
    A,
    /// A run of inline content kept without its original element (a dropped link or an image).
    Span,
}

impl El {
    pub fn tag(self) -> &'static str {
        match self {
            El::P => "p",
            El::H(2) => "h2",
            El::H(3) => "h3",
            El::H(4) => "h4",
            El::H(5) => "h5",
            El::H(_) => "h6",
            El::Ul => "ul",
            El::Ol => "ol",
            El::Li => "li",
            El::Strong => "strong",
            El::Em => "em",
            El::Del => "del",
            El::Code => "code",
            El::Pre => "pre",
            El::Blockquote => "blockquote",
            El::Br => "br",
            El::Hr => "hr",
            El::A => "a",
            El::Span => "span",
        }
    }
}

/// A node of rendered Markdown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Node {
    #[serde(rename = "t")]
    Text(String),
    #[serde(rename = "e")]
    Element {
        el: El,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        href: Option<String>,
        #[serde(default, rename = "c", skip_serializing_if = "Vec::is_empty")]
        children: Vec<Node>,
    },
}

/// A text rendered in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rendered {
    pub ja: Vec<Node>,
    pub en: Vec<Node>,
}

impl Rendered {
    pub fn get(&self, lang: Lang) -> &[Node] {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
}

/// An item's guidance and examples, rendered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenderedGuidance {
    pub guidance: Rendered,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub examples: Option<Rendered>,
}

/// Parses `src` into safe nodes.
///
/// ```
/// use tics_domain::markdown::{render, Node};
/// let nodes = render("<script>alert(1)</script>");
/// // The script tag survives only as visible text.
/// assert!(format!("{nodes:?}").contains("Text(\"<script>"));
/// ```
pub fn render(src: &str) -> Vec<Node> {
    render_under(src, 3)
}

/// Like [`render`], for text placed under a heading of level `parent` (1–5): Markdown's `#` and `##` become
/// `parent + 1`, `###` the level below, and so on (never beyond h6), so the page's outline has no gaps.
pub fn render_under(src: &str, parent: u8) -> Vec<Node> {
    let top = parent.clamp(1, 5) + 1;
    // Stack of open elements; the bottom entry collects the top-level nodes.
    let mut stack: Vec<(El, Option<String>, Vec<Node>)> = vec![(El::Span, None, Vec::new())];
    let push_node = |stack: &mut Vec<(El, Option<String>, Vec<Node>)>, node: Node| {
        if let Some(top) = stack.last_mut() {
            top.2.push(node);
        }
    };
    for event in Parser::new(src) {
        match event {
            Event::Start(tag) => {
                let (el, href) = open(&tag, top);
                stack.push((el, href, Vec::new()));
            }
            Event::End(_) => {
                if stack.len() < 2 {
                    continue;
                }
                if let Some((el, href, children)) = stack.pop() {
                    push_node(&mut stack, Node::Element { el, href, children });
                }
            }
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => {
                push_node(&mut stack, Node::Text(t.into_string()))
            }
            Event::Code(t) => push_node(
                &mut stack,
                Node::Element { el: El::Code, href: None, children: vec![Node::Text(t.into_string())] },
            ),
            Event::SoftBreak => push_node(&mut stack, Node::Text("\n".into())),
            Event::HardBreak => push_node(&mut stack, Node::Element { el: El::Br, href: None, children: vec![] }),
            Event::Rule => push_node(&mut stack, Node::Element { el: El::Hr, href: None, children: vec![] }),
            _ => {}
        }
    }
    // Close anything left open (the parser balances tags, so this is defensive).
    while stack.len() > 1 {
        if let Some((el, href, children)) = stack.pop() {
            push_node(&mut stack, Node::Element { el, href, children });
        }
    }
    stack.pop().map(|(_, _, nodes)| merge_text(nodes)).unwrap_or_default()
}

fn open(tag: &Tag, top: u8) -> (El, Option<String>) {
    match tag {
        // A raw HTML block is shown as the text it is, in a paragraph of its own.
        Tag::Paragraph | Tag::HtmlBlock => (El::P, None),
        Tag::Heading { level, .. } => {
            let below = match level {
                HeadingLevel::H1 | HeadingLevel::H2 => 0,
                HeadingLevel::H3 => 1,
                HeadingLevel::H4 => 2,
                _ => 3,
            };
            (El::H((top + below).min(6)), None)
        }
        Tag::BlockQuote(_) => (El::Blockquote, None),
        Tag::CodeBlock(_) => (El::Pre, None),
        Tag::List(Some(_)) => (El::Ol, None),
        Tag::List(None) => (El::Ul, None),
        Tag::Item => (El::Li, None),
        Tag::Emphasis => (El::Em, None),
        Tag::Strong => (El::Strong, None),
        Tag::Strikethrough => (El::Del, None),
        Tag::Link { dest_url, .. } => match safe_href(dest_url) {
            Some(href) => (El::A, Some(href)),
            None => (El::Span, None),
        },
        // Images would fetch from anywhere: keep only their alt text.
        _ => (El::Span, None),
    }
}

/// Returns the URL if it is http(s), mailto or relative; `None` for anything else (javascript:, data:, ...).
///
/// ```
/// use tics_domain::markdown::safe_href;
/// assert_eq!(safe_href("https://www.meti.go.jp/").as_deref(), Some("https://www.meti.go.jp/"));
/// assert_eq!(safe_href(" JaVa\tScRiPt:alert(1)"), None);
/// assert_eq!(safe_href("#/faq").as_deref(), Some("#/faq"));
/// ```
pub fn safe_href(url: &str) -> Option<String> {
    // Browsers ignore ASCII whitespace and control characters inside a scheme, so strip them before looking.
    let cleaned: String = url.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_control()).collect();
    if cleaned.is_empty() {
        return None;
    }
    let scheme_end = cleaned.find(':');
    let path_start = cleaned.find(['/', '?', '#']).unwrap_or(cleaned.len());
    match scheme_end {
        Some(colon) if colon < path_start => {
            let scheme = cleaned[..colon].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto").then_some(cleaned)
        }
        // Protocol-relative URLs ("//host") leave the site; treat them as not relative.
        _ if cleaned.len() >= 2 && cleaned.bytes().take(2).all(|b| b == b'/' || b == b'\\') => None,
        _ => Some(cleaned),
    }
}

/// Joins adjacent text nodes so the tree stays small.
fn merge_text(nodes: Vec<Node>) -> Vec<Node> {
    let mut out: Vec<Node> = Vec::with_capacity(nodes.len());
    for node in nodes {
        match (out.last_mut(), node) {
            (Some(Node::Text(prev)), Node::Text(t)) => prev.push_str(&t),
            (_, Node::Element { el, href, children }) => {
                out.push(Node::Element { el, href, children: merge_text(children) })
            }
            (_, node) => out.push(node),
        }
    }
    out
}

/// All the plain text of `nodes`, for tests and for search.
pub fn plain_text(nodes: &[Node]) -> String {
    let mut s = String::new();
    for n in nodes {
        match n {
            Node::Text(t) => s.push_str(t),
            Node::Element { children, .. } => s.push_str(&plain_text(children)),
        }
    }
    s
}
