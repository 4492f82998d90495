//! The pledges and the management rules themselves: a small document model ([`Doc`]), the builders that fill
//! it from a [`DocInput`] in Japanese or English, and its HTML rendering for printing from the browser.
//!
//! Only the Word worker (`tics-docx-worker`, through the `tics-docx` crate) calls this module. The app never does,
//! so the linker leaves the documents' text out of the app's start-up download; the app only builds the small
//! [`DocInput`] (see [`crate::documents`]).
//!
//! The model keeps apart what the writers must show differently: plain text, a blank to fill in by hand, and a
//! point the business must still decide. Every text taken from the user stays a plain string here; the writers
//! escape it.
use crate::base::text::Lang;
use crate::catalogue::templates::{DocKind, Template};
use crate::documents::DocInput;

mod html;
mod pledges;
mod rules;

pub use html::html;

/// One document: its title and its blocks, top to bottom.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doc {
    pub lang: Lang,
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// The framed note that the document is a starting point to adapt, not legal advice; a paragraph each.
    Notice(Vec<String>),
    /// A chapter heading of the rules (第1章 総則).
    Chapter(String),
    Article(Article),
    Para {
        spans: Vec<Span>,
        align: Align,
    },
    /// Lines to sign: a label, what goes there (a blank as a rule) and whether a seal goes at its end.
    Signature(Vec<SignLine>),
}

/// A numbered article: its heading ("第1条（目的）") and its clauses, numbered when there is more than one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    pub heading: String,
    pub clauses: Vec<Clause>,
}

/// One clause: its text and the numbered items under it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Clause {
    pub spans: Vec<Span>,
    pub items: Vec<Vec<Span>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Span {
    Text(String),
    /// An underlined space to write in by hand, about this many full-width characters wide.
    Blank(u8),
    /// What the business must still decide, shown marked: 【要決定：…】 / [To decide: …].
    Decide(String),
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignLine {
    pub label: String,
    pub value: Vec<Span>,
    /// A seal (印) or signature goes at the end of the line.
    pub seal: bool,
}

/// The document `input.kind` asks for, in `input.lang`, filled from `input`.
pub fn build(input: &DocInput) -> Doc {
    let lang = input.lang;
    let title = Template::Document(input.kind).title().get(lang).to_owned();
    let blocks = match input.kind {
        DocKind::PledgeJoining => pledges::joining(input),
        DocKind::PledgeLeaving => pledges::leaving(input),
        DocKind::PledgeVisitor => pledges::visitor(input),
        DocKind::PledgePartner => pledges::partner(input),
        DocKind::Rules => rules::rules(input),
    };
    Doc { lang, title, blocks }
}

/// How a point to decide reads in `lang`, brackets included; the writers show it highlighted and in bold.
pub fn decide_label(lang: Lang, what: &str) -> String {
    match lang {
        Lang::Ja => format!("【要決定：{what}】"),
        Lang::En => format!("[To decide: {what}]"),
    }
}

/// The number before clause `n` (from 1) of an article that has more than one.
pub fn clause_label(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ja => format!("{n}\u{3000}"),
        Lang::En => format!("{n}. "),
    }
}

/// The number before item `n` (from 1) of a clause: (1), (2) in Japanese; (a), (b) in English.
pub fn item_label(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ja => format!("({n})\u{3000}"),
        Lang::En => {
            let letter = u8::try_from(n.saturating_sub(1) % 26).map_or('a', |i| char::from(b'a' + i));
            format!("({letter}) ")
        }
    }
}

/// What follows the blank of a line to seal or sign, its separator included.
pub fn seal_mark(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "\u{3000}印",
        Lang::En => "  (signature or seal)",
    }
}

/// The text put before a span so that it does not run into the one before: English needs a space before a point
/// to decide; Japanese runs on.
pub fn gap_before(lang: Lang, previous: Option<&Span>, span: &Span) -> &'static str {
    match (lang, previous, span) {
        (Lang::En, Some(Span::Text(t)), Span::Decide(_)) if !t.ends_with(' ') => " ",
        (Lang::En, Some(Span::Blank(_)), Span::Decide(_)) => " ",
        _ => "",
    }
}

/// `text` without the characters a Word file or a web page cannot carry (control characters other than tab and
/// line feed, unpaired surrogates cannot occur in a `str`, and the non-characters U+FFFE and U+FFFF); carriage
/// returns go, so that Windows line ends become single line breaks.
pub fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| c == '\t' || c == '\n' || !(c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}'))
        .collect()
}

/// The text of `spans` as the writers show it (blanks as underscores): for tests and plain-text uses.
pub fn plain(lang: Lang, spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| match s {
            Span::Text(t) => t.clone(),
            Span::Blank(n) => "_".repeat(usize::from(*n)),
            Span::Decide(what) => decide_label(lang, what),
        })
        .collect()
}

/// Small helpers the builders share.
mod parts {
    use super::{Align, Article, Block, Clause, SignLine, Span};
    use crate::base::text::Lang;
    use crate::documents::DocInput;

    /// The text in the document's language.
    pub fn tr(lang: Lang, ja: &str, en: &str) -> String {
        match lang {
            Lang::Ja => ja.to_owned(),
            Lang::En => en.to_owned(),
        }
    }

    pub fn text(s: impl Into<String>) -> Span {
        Span::Text(s.into())
    }

    /// The value when there is one, otherwise a blank of `width`.
    pub fn value(s: &str, width: u8) -> Span {
        if s.trim().is_empty() {
            Span::Blank(width)
        } else {
            Span::Text(s.trim().to_owned())
        }
    }

    pub fn decide(lang: Lang, ja: &str, en: &str) -> Span {
        Span::Decide(tr(lang, ja, en))
    }

    pub fn clause(spans: Vec<Span>) -> Clause {
        Clause { spans, items: Vec::new() }
    }

    /// A clause of one sentence.
    pub fn sentence(lang: Lang, ja: &str, en: &str) -> Clause {
        clause(vec![text(tr(lang, ja, en))])
    }

    /// A clause of one sentence that introduces a list of items.
    pub fn listing(lang: Lang, ja: &str, en: &str, items: Vec<Vec<Span>>) -> Clause {
        Clause { spans: vec![text(tr(lang, ja, en))], items }
    }

    pub fn para(spans: Vec<Span>) -> Block {
        Block::Para { spans, align: Align::Left }
    }

    /// Numbers articles as they are made, so that the numbering always follows their order.
    pub struct Articles {
        lang: Lang,
        next: usize,
    }

    impl Articles {
        pub fn new(lang: Lang) -> Self {
            Articles { lang, next: 1 }
        }

        /// The number the next article will get.
        pub fn next_number(&self) -> usize {
            self.next
        }

        pub fn article(&mut self, ja: &str, en: &str, clauses: Vec<Clause>) -> Block {
            let n = self.next;
            self.next += 1;
            let heading = match self.lang {
                Lang::Ja => format!("第{n}条（{ja}）"),
                Lang::En => format!("Article {n} ({en})"),
            };
            Block::Article(Article { heading, clauses })
        }
    }

    /// The notice every document starts with: a starting point, not legal advice.
    pub fn notice(lang: Lang, pledge: bool) -> Block {
        let mut lines = vec![
            tr(
                lang,
                "この文書は、セルフチェックに入力した内容から作った下書きです。そのまま使うのではなく、自社の就業規則・契約・仕事の進め方に合わせて書き直すための出発点としてお使いください。",
                "This document is a draft made from what you entered in the self-check. It is a starting point: \
                 rewrite it to fit your own work rules, contracts and ways of working before you use it.",
            ),
            tr(
                lang,
                "法的な助言ではありません。使い始める前に、弁護士や社会保険労務士などの専門家に内容を確かめてもらうことをおすすめします。",
                "It is not legal advice. Before you use it, have it checked by a lawyer or another qualified expert \
                 (in Japan, for example, a 社会保険労務士 for employment matters).",
            ),
        ];
        lines.push(if pledge {
            tr(
                lang,
                "【要決定】と示した箇所は自社で決めて書き換えてください。下線の空欄は、署名する人が記入します。文面が固まったら、この枠は削除してください。",
                "Replace each [To decide] point with your own decision. The underlined blanks are for the person \
                 who signs. Delete this box once the text is final.",
            )
        } else {
            tr(
                lang,
                "【要決定】と示した箇所は、自社で決めて書き換えてください。下線の空欄には、決まった内容を書き入れます。対策の一覧はセルフチェックの回答と対策計画から写したものです。文面が固まったら、この枠は削除してください。",
                "Replace each [To decide] point with your own decision and fill in the underlined blanks. The lists \
                 of measures are copied from your self-check answers and action plan. Delete this box once the text \
                 is final.",
            )
        });
        Block::Notice(lines)
    }

    /// A date written by hand: blanks before 年, 月 and 日 in Japanese, one blank in English.
    pub fn date_blank(lang: Lang) -> Vec<Span> {
        match lang {
            Lang::Ja => vec![Span::Blank(3), text("年"), Span::Blank(2), text("月"), Span::Blank(2), text("日")],
            Lang::En => vec![Span::Blank(10)],
        }
    }

    /// The date line and the addressee (the business and its representative) that open a pledge.
    pub fn addressed(lang: Lang, input: &DocInput) -> Vec<Block> {
        let mut date = match lang {
            Lang::Ja => Vec::new(),
            Lang::En => vec![text("Date: ")],
        };
        date.extend(date_blank(lang));
        let date = Block::Para { spans: date, align: Align::Right };
        let business = value(&input.business, 14);
        let title = value(&input.representative_title, 6);
        let name = value(&input.representative_name, 8);
        let to = match lang {
            Lang::Ja => vec![business, text("\u{3000}"), title, text("\u{3000}"), name, text("\u{3000}殿")],
            Lang::En => vec![text("To: "), business, text(", "), title, text(" "), name],
        };
        vec![date, para(to)]
    }

    pub fn sign_line(label: String, value: Vec<Span>, seal: bool) -> SignLine {
        SignLine { label, value, seal }
    }

    /// The business's labels joined for a sentence: 「極秘」「社外秘」 / "A", "B" or "C".
    pub fn classes(lang: Lang, classes: &[String]) -> String {
        match lang {
            Lang::Ja => classes.iter().map(|c| format!("「{}」", c.trim())).collect(),
            Lang::En => {
                let quoted: Vec<String> = classes.iter().map(|c| format!("\"{}\"", c.trim())).collect();
                match quoted.split_last() {
                    Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
                    _ => quoted.concat(),
                }
            }
        }
    }

    /// The business's name, defined once as "the Company"; in Japanese the rules' plain style (という) or the
    /// pledges' polite one (といいます).
    pub fn business_defined(lang: Lang, input: &DocInput, rules: bool) -> Vec<Span> {
        match (lang, rules) {
            (Lang::Ja, true) => vec![value(&input.business, 14), text("（以下「会社」という。）")],
            (Lang::Ja, false) => vec![value(&input.business, 14), text("（以下「会社」といいます。）")],
            (Lang::En, _) => vec![value(&input.business, 14), text(" (the \"Company\")")],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_read_naturally_in_each_language() {
        assert_eq!(decide_label(Lang::Ja, "頻度"), "【要決定：頻度】");
        assert_eq!(decide_label(Lang::En, "how often"), "[To decide: how often]");
        assert_eq!(item_label(Lang::En, 2), "(b) ");
        assert_eq!(item_label(Lang::Ja, 2), "(2)\u{3000}");
        assert_eq!(clause_label(Lang::En, 3), "3. ");
        let (ja, en) = (Lang::Ja, Lang::En);
        assert_eq!(parts::classes(en, &["A".into(), "B".into(), "C".into()]), r#""A", "B" or "C""#);
        assert_eq!(parts::classes(en, &["A".into()]), r#""A""#);
        assert_eq!(parts::classes(ja, &["A".into(), "B".into()]), "「A」「B」");
    }

    #[test]
    fn clean_drops_what_a_file_cannot_carry_and_keeps_the_rest() {
        assert_eq!(clean("a\u{0}b\u{1b}c\r\nd\te\u{FFFF}<&>"), "abc\nd\te<&>");
        assert_eq!(clean("金型\u{3000}図面"), "金型\u{3000}図面");
    }
}

#[cfg(test)]
mod document_tests;
