//! Word (.docx) files of the pledges and the management rules, written with docx-rs from the domain's document
//! model (`tics_domain::drafts::Doc`), and the Word worker's answer to a request; and the audit pack's .zip
//! ([`zip`]), which the Word worker writes since it has the archive writer already.
//!
//! The documents' text and the writer live in the `docx-worker` web worker, which the app starts only when
//! someone asks for a document; the app sends a small `tics_domain::documents::Request` as JSON.
//!
//! The layout: A4 portrait with 20 mm margins, Japanese in Yu Mincho (body) and Yu Gothic (headings), the fonts
//! Word on Windows has; English Latin text in Times New Roman and Arial. Blanks are underlined spaces, points to
//! decide are bold and highlighted, and the notice sits in a shaded box. The parts are stored in the ZIP archive
//! by `package.rs` (uncompressed, as docx-rs stores them). User text goes into text runs only,
//! which docx-rs escapes: never into fields, hyperlinks or document properties.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

mod package;

use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, PageMargin, PageNum, Paragraph, Run, RunFonts, Shading, SpecialIndentType,
    Style, StyleType, Table, TableCell, TableRow, WidthType,
};
use tics_domain::documents::{Op, Request};
use tics_domain::drafts::{
    self, clause_label, clean, decide_label, gap_before, item_label, seal_mark, Align, Block, Doc, Span,
};
use tics_domain::{Lang, Text};

/// A4 in twentieths of a point (210 × 297 mm).
pub const A4: (u32, u32) = (11906, 16838);
/// 20 mm in twentieths of a point.
const MARGIN: i32 = 1134;
/// The width between the margins, for the notice's box.
const TEXT_WIDTH: usize = 11906 - 2 * 1134;
/// One full-width character at 10.5 pt, in twentieths of a point: the unit of the indents.
const CHAR: i32 = 210;

const MINCHO: &str = "Yu Mincho";
const GOTHIC: &str = "Yu Gothic";

/// What the Word worker answers.
#[derive(Debug)]
pub enum Reply {
    Docx(Vec<u8>),
    Html(String),
}

/// The worker's answer to one request (JSON, see `tics_domain::documents::Request`).
pub fn answer(json: &str) -> Result<Reply, Text> {
    let request = Request::from_json(json)?;
    let doc = drafts::build(&request.input);
    match request.op {
        Op::Docx => docx(&doc).map(Reply::Docx),
        Op::Html => Ok(Reply::Html(drafts::html(&doc))),
    }
}

/// The audit pack: `files` (name, bytes) in one .zip, stored as they are (the workbooks are compressed already,
/// and no deflate encoder is linked for the rest: see `package`), in the order given, with the same bytes for the
/// same files. Refused: a name that is empty, absolute, climbs out of the archive (`..`), holds a backslash or a
/// control character, or comes twice.
///
/// ```
/// let zip = tics_docx::zip(&[("収録ファイル一覧.csv".into(), b"a".to_vec())]).unwrap();
/// assert!(zip.starts_with(b"PK"));
/// assert!(tics_docx::zip(&[("../x".into(), Vec::new())]).is_err());
/// ```
pub fn zip(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, Text> {
    for (n, (name, _)) in files.iter().enumerate() {
        let unsafe_name = name.is_empty()
            || name.starts_with('/')
            || name.contains('\\')
            || name.chars().any(char::is_control)
            || name.split('/').any(|part| part.is_empty() || part == "." || part == "..");
        if unsafe_name {
            return Err(Text::new(
                format!("ZIP に入れるファイルの名前「{name}」は使えません"),
                format!("\"{name}\" cannot be the name of a file in the ZIP archive"),
            ));
        }
        // A pack holds some fifteen files: a plain search is enough, and links no set into the worker.
        if files[..n].iter().any(|(earlier, _)| earlier == name) {
            return Err(Text::new(
                format!("ZIP に同じ名前のファイル「{name}」が 2 つあります"),
                format!("two files in the ZIP archive are called \"{name}\""),
            ));
        }
    }
    package::zip_stored(files, || {
        Text::new("ZIP ファイルが大きすぎます（4 GB まで）", "the ZIP archive is too large (at most 4 GB)")
    })
}

/// The .docx file of `doc`.
///
/// ```
/// use tics_domain::documents::Request;
/// let request = Request::from_json(r#"{"op":"docx","input":{"kind":"pledge_visitor"}}"#).unwrap();
/// let bytes = tics_docx::docx(&tics_domain::drafts::build(&request.input)).unwrap();
/// assert!(bytes.starts_with(b"PK"));
/// ```
pub fn docx(doc: &Doc) -> Result<Vec<u8>, Text> {
    let lang = doc.lang;
    let (body, heading) = latin(lang);
    let mut file = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(PageMargin::new().top(MARGIN).bottom(MARGIN).left(MARGIN).right(MARGIN).header(567).footer(567))
        .default_fonts(fonts(body, MINCHO))
        .default_size(21)
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .fonts(fonts(heading, GOTHIC))
                .size(32)
                .bold()
                .align(AlignmentType::Center),
        )
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("heading 1")
                .fonts(fonts(heading, GOTHIC))
                .size(24)
                .bold()
                .outline_lvl(0),
        )
        .add_style(
            Style::new("Heading2", StyleType::Paragraph)
                .name("heading 2")
                .fonts(fonts(heading, GOTHIC))
                .size(21)
                .bold()
                .outline_lvl(1),
        )
        .footer(
            Footer::new().add_paragraph(Paragraph::new().add_page_num(PageNum::new()).align(AlignmentType::Center)),
        );

    file = file.add_paragraph(Paragraph::new().style("Title").add_run(Run::new().add_text(clean(&doc.title))));
    for block in &doc.blocks {
        match block {
            Block::Notice(lines) => {
                let mut cell =
                    TableCell::new().shading(Shading::new().fill("F2F2F2")).width(TEXT_WIDTH, WidthType::Dxa);
                for line in lines {
                    cell = cell.add_paragraph(Paragraph::new().add_run(Run::new().size(18).add_text(clean(line))));
                }
                file = file
                    .add_table(
                        Table::new(vec![TableRow::new(vec![cell])])
                            .set_grid(vec![TEXT_WIDTH])
                            .width(TEXT_WIDTH, WidthType::Dxa),
                    )
                    .add_paragraph(Paragraph::new());
            }
            Block::Chapter(title) => {
                file = file.add_paragraph(
                    Paragraph::new().style("Heading1").keep_next(true).add_run(Run::new().add_text(clean(title))),
                );
            }
            Block::Article(article) => {
                file = file.add_paragraph(
                    Paragraph::new()
                        .style("Heading2")
                        .keep_next(true)
                        .add_run(Run::new().add_text(clean(&article.heading))),
                );
                let numbered = article.clauses.len() > 1;
                for (n, clause) in article.clauses.iter().enumerate() {
                    if !clause.spans.is_empty() || numbered {
                        let mut p = Paragraph::new().indent(
                            Some(CHAR * 3 / 2),
                            Some(SpecialIndentType::Hanging(CHAR * 3 / 2)),
                            None,
                            None,
                        );
                        if numbered {
                            p = p.add_run(Run::new().add_text(clause_label(lang, n + 1)));
                        }
                        file = file.add_paragraph(runs(p, lang, &clause.spans));
                    }
                    for (i, item) in clause.items.iter().enumerate() {
                        let p = Paragraph::new()
                            .indent(Some(CHAR * 4), Some(SpecialIndentType::Hanging(CHAR * 5 / 2)), None, None)
                            .add_run(Run::new().add_text(item_label(lang, i + 1)));
                        file = file.add_paragraph(runs(p, lang, item));
                    }
                }
            }
            Block::Para { spans, align } => {
                let p = Paragraph::new().align(match align {
                    Align::Left => AlignmentType::Left,
                    Align::Center => AlignmentType::Center,
                    Align::Right => AlignmentType::Right,
                });
                file = file.add_paragraph(runs(p, lang, spans));
            }
            Block::Signature(lines) => {
                file = file.add_paragraph(Paragraph::new());
                for line in lines {
                    let mut p = Paragraph::new()
                        .indent(Some(CHAR * 18), None, None, None)
                        .add_run(Run::new().add_text(format!("{}\u{3000}", clean(&line.label))));
                    p = runs(p, lang, &line.value);
                    if line.seal {
                        p = p.add_run(Run::new().add_text(seal_mark(lang)));
                    }
                    file = file.add_paragraph(p).add_paragraph(Paragraph::new());
                }
            }
        }
    }

    package::package(file.build())
}

/// The Latin fonts for body text and headings: in Japanese documents Yu Mincho and Yu Gothic throughout, so that
/// digits and Latin letters match the Japanese text.
fn latin(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Ja => (MINCHO, GOTHIC),
        Lang::En => ("Times New Roman", "Arial"),
    }
}

fn fonts(latin: &str, east_asia: &str) -> RunFonts {
    RunFonts::new().ascii(latin).hi_ansi(latin).cs(latin).east_asia(east_asia)
}

/// `spans` appended to `p` as runs.
fn runs(mut p: Paragraph, lang: Lang, spans: &[Span]) -> Paragraph {
    for (n, span) in spans.iter().enumerate() {
        let gap = gap_before(lang, n.checked_sub(1).and_then(|p| spans.get(p)), span);
        if !gap.is_empty() {
            p = p.add_run(Run::new().add_text(gap));
        }
        p = p.add_run(match span {
            Span::Text(t) => text_run(Run::new(), t),
            // No-break spaces: Word does not underline ordinary spaces at the end of a line.
            Span::Blank(n) => Run::new().underline("single").add_text("\u{a0}".repeat(usize::from(*n) * 2)),
            Span::Decide(what) => text_run(Run::new().bold().highlight("yellow"), &decide_label(lang, what)),
        });
    }
    p
}

/// A run of `text`, its line breaks kept as breaks (a line feed in the XML would show as a space).
fn text_run(mut run: Run, text: &str) -> Run {
    for (n, line) in clean(text).split('\n').enumerate() {
        if n > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    run
}
