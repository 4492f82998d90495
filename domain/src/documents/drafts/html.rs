//! A [`Doc`] as a complete HTML page, for printing from the browser on A4: the page size and margins come from
//! `@page`, Japanese is set in Yu Mincho (Yu Gothic for headings) with the usual fallbacks, blanks are underlined
//! spaces and points to decide are highlighted.
//!
//! Every text is escaped, so a name such as `<script>` prints as those characters. The page has exactly one
//! `<style>` element and no `style` attributes: the app moves that style sheet into its print frame with the
//! CSSOM, which a strict Content-Security-Policy (`style-src 'self'`) allows.
use std::fmt::Write;

use super::{clause_label, clean, decide_label, gap_before, item_label, seal_mark, Align, Block, Clause, Doc, Span};
use crate::base::text::{escape_html, Lang};

/// The widest blank, in full-width characters; wider ones are drawn this wide.
const MAX_BLANK: u8 = 24;

/// The page's style sheet. Latin text in English documents uses a Latin serif first; Japanese characters in
/// them still fall through to Yu Mincho.
fn style(lang: Lang) -> String {
    let serif = "\"Yu Mincho\", YuMincho, \"Hiragino Mincho ProN\", \"Noto Serif CJK JP\", \"Noto Serif JP\", serif";
    let gothic = "\"Yu Gothic\", YuGothic, \"Hiragino Sans\", \"Noto Sans CJK JP\", \"Noto Sans JP\", sans-serif";
    let (body, heading) = match lang {
        Lang::Ja => (serif.to_owned(), gothic.to_owned()),
        Lang::En => (format!("\"Times New Roman\", {serif}"), format!("Arial, {gothic}")),
    };
    let mut css = format!(
        "@page{{size:A4;margin:20mm 20mm 22mm}}\
         html{{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\
         body{{margin:0;font-family:{body};font-size:10.5pt;line-height:1.7;color:#000;background:#fff}}\
         h1,h2,h3{{font-family:{heading};font-weight:bold;break-after:avoid}}\
         h1{{font-size:16pt;text-align:center;margin:0 0 1em}}\
         h2{{font-size:12pt;margin:1.4em 0 .4em}}\
         h3{{font-size:10.5pt;margin:1em 0 .2em}}\
         p{{margin:.2em 0}}\
         .doc-notice{{border:1px solid #000;background:#f2f2f2;padding:.4em .8em;margin:0 0 1.4em;font-size:9pt;\
         break-inside:avoid}}\
         .doc-clause,.doc-items li{{padding-left:1.5em;text-indent:-1.5em}}\
         .doc-items{{list-style:none;margin:0;padding:0 0 0 1.5em}}\
         .doc-right{{text-align:right}}.doc-center{{text-align:center}}\
         .doc-signature{{margin:2.5em 0 0 40%;break-inside:avoid}}.doc-signature p{{margin:1em 0}}\
         .doc-label{{display:inline-block;min-width:6em}}\
         .doc-blank{{display:inline-block;height:1.2em;border-bottom:1px solid #000;vertical-align:bottom}}\
         mark.doc-decide{{background:#fff0a0;color:#000;font-weight:bold}}"
    );
    for n in 1..=MAX_BLANK {
        let _ = write!(css, ".doc-w{n}{{width:{n}em}}");
    }
    css
}

/// `text` escaped for HTML text and attribute values, with line breaks kept.
fn escape(out: &mut String, text: &str) {
    out.push_str(&escape_html(&clean(text)).replace('\n', "<br>"));
}

fn spans(out: &mut String, lang: Lang, spans: &[Span]) {
    for (n, span) in spans.iter().enumerate() {
        out.push_str(gap_before(lang, n.checked_sub(1).and_then(|p| spans.get(p)), span));
        match span {
            Span::Text(t) => escape(out, t),
            Span::Blank(n) => {
                let _ = write!(out, "<span class=\"doc-blank doc-w{}\"></span>", (*n).clamp(1, MAX_BLANK));
            }
            Span::Decide(what) => {
                out.push_str("<mark class=\"doc-decide\">");
                escape(out, &decide_label(lang, what));
                out.push_str("</mark>");
            }
        }
    }
}

fn clause(out: &mut String, lang: Lang, clause: &Clause, label: Option<String>) {
    if !clause.spans.is_empty() || label.is_some() {
        out.push_str("<p class=\"doc-clause\">");
        if let Some(label) = label {
            escape(out, &label);
        }
        spans(out, lang, &clause.spans);
        out.push_str("</p>");
    }
    if !clause.items.is_empty() {
        out.push_str("<ol class=\"doc-items\">");
        for (n, item) in clause.items.iter().enumerate() {
            out.push_str("<li>");
            escape(out, &item_label(lang, n + 1));
            spans(out, lang, item);
            out.push_str("</li>");
        }
        out.push_str("</ol>");
    }
}

/// The whole page: `<!doctype html>`, a head with the title and the style sheet, and the document.
pub fn html(doc: &Doc) -> String {
    let lang = doc.lang;
    let mut out = String::with_capacity(16 * 1024);
    let _ = write!(out, "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>", lang.tag());
    escape(&mut out, &doc.title);
    let _ = write!(out, "</title><style>{}</style></head><body><main class=\"doc\"><h1>", style(lang));
    escape(&mut out, &doc.title);
    out.push_str("</h1>");
    for block in &doc.blocks {
        match block {
            Block::Notice(lines) => {
                out.push_str("<div class=\"doc-notice\" role=\"note\">");
                for line in lines {
                    out.push_str("<p>");
                    escape(&mut out, line);
                    out.push_str("</p>");
                }
                out.push_str("</div>");
            }
            Block::Chapter(title) => {
                out.push_str("<h2>");
                escape(&mut out, title);
                out.push_str("</h2>");
            }
            Block::Article(article) => {
                out.push_str("<section class=\"doc-article\"><h3>");
                escape(&mut out, &article.heading);
                out.push_str("</h3>");
                let numbered = article.clauses.len() > 1;
                for (n, c) in article.clauses.iter().enumerate() {
                    clause(&mut out, lang, c, numbered.then(|| clause_label(lang, n + 1)));
                }
                out.push_str("</section>");
            }
            Block::Para { spans: content, align } => {
                out.push_str(match align {
                    Align::Left => "<p>",
                    Align::Center => "<p class=\"doc-center\">",
                    Align::Right => "<p class=\"doc-right\">",
                });
                spans(&mut out, lang, content);
                out.push_str("</p>");
            }
            Block::Signature(lines) => {
                out.push_str("<div class=\"doc-signature\">");
                for line in lines {
                    out.push_str("<p><span class=\"doc-label\">");
                    escape(&mut out, &line.label);
                    out.push_str("</span>");
                    spans(&mut out, lang, &line.value);
                    if line.seal {
                        escape(&mut out, seal_mark(lang));
                    }
                    out.push_str("</p>");
                }
                out.push_str("</div>");
            }
        }
    }
    out.push_str("</main></body></html>");
    out
}
