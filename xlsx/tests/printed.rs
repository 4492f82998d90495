//! The six registers (管理簿) as they come out of a printer: each workbook is converted to PDF by LibreOffice
//! (headless, one call for all of them), and the PDF is checked for what someone holding the paper would notice:
//! every ruled row of every sheet is printed, the take-out register's 200 rows run over several pages, the header
//! is on every page, and the ruled rows are tall enough to write in by hand (at least 7 mm).
//!
//! LibreOffice (`soffice`), poppler-utils (`pdftotext`, `pdftoppm`) and Carlito (the font LibreOffice sets in
//! Calibri's place, with the same widths) must be installed; `scripts/test.sh` installs them. Without them the
//! test fails, saying so, rather than passing unchecked.
//!
//! How the rows are measured: the entry rows are empty, so there is no text to locate; but they are ruled, and
//! the rules are what a person writes between. Each page is rasterised (`pdftoppm -gray`), and the pixel rows
//! dark across more than half the page's width are the table's horizontal rules: the table is fitted to the page
//! width, so its rules span nearly all of it, while text, the title and the header's light fill never do. The
//! distance between successive rules is a row's height on paper. The first ruled row of each page is the header,
//! repeated; the others are the rows to write in. This measures the printed result itself, whatever the row
//! heights, column widths and scale in the file, and counts the rows that print, which is how a missing print
//! area shows. poppler draws each thin rule on a whole pixel row, so one distance can be off by a pixel (0.13 mm
//! at 200 dpi): a row is taken as the average of five neighbouring rows on its page, which is off by a fifth of
//! that, and no single distance may be more than a pixel short.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use tics_domain::inventory::{examples, InventoryAction};
use tics_domain::registers::register_tables;
use tics_domain::table::Table;
use tics_domain::templates::RegisterKind;
use tics_domain::{Lang, SelfCheck};

/// Resolution of the rasterised pages: a pixel is 0.127 mm.
const DPI: f64 = 200.0;
const PIXEL_MM: f64 = 25.4 / DPI;
/// The least height of a row to write in on paper, in millimetres: room for a word by hand.
const MIN_ROW_MM: f64 = 7.0;
/// A4 landscape is 210 mm high, and the top and bottom margins take 15 mm each (0.6 in, see the writer's
/// `print_setup`): at 7 mm a row, a page holds at most this many rows, fewer with the header.
const MAX_ROWS_PER_PAGE: usize = ((210.0 - 30.0) / MIN_ROW_MM) as usize;
/// How many neighbouring rows a row's height is averaged over.
const AVERAGE_OVER: usize = 5;

const LIBREOFFICE: &str = "libreoffice-calc-nogui";
const POPPLER: &str = "poppler-utils";
const CARLITO: &str = "fonts-crosextra-carlito";

/// A small self-check: a business, an officer and the six worked examples of the inventory.
fn sample() -> SelfCheck {
    let mut check = SelfCheck::default();
    check.profile.organisation = "Yamada Precision Co., Ltd.".into();
    check.documents.manager = "Taro Yamada".into();
    for n in 0..examples().len() {
        check.inventory.apply(InventoryAction::AddExample(n)).unwrap();
    }
    check
}

/// Runs a command and returns its output, failing with the output when it fails, or with how to install it when
/// it is missing.
fn run(program: &str, args: &[&str], package: &str) -> String {
    let output = Command::new(program).args(args).output().unwrap_or_else(|e| {
        panic!(
            "{program} could not be run ({e}). This test prints the registers through LibreOffice and reads the PDF \
             with poppler-utils: run scripts/test.sh, which installs them (Debian package {package})."
        )
    });
    assert!(
        output.status.success(),
        "{program} {args:?} failed ({}):\n{}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The temporary folder of the test, removed when it ends, passed or failed.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A greyscale image, as `pdftoppm -gray` writes it (binary PGM).
struct Grey {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

fn read_pgm(path: &Path) -> Grey {
    let bytes = std::fs::read(path).unwrap();
    // "P5", the width, the height and the largest value, each followed by white space, then the pixels.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
    }
    assert_eq!((fields[0].as_str(), fields[3].as_str()), ("P5", "255"), "{}", path.display());
    let (width, height): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let pixels = bytes[at + 1..].to_vec();
    assert_eq!(pixels.len(), width * height, "{}", path.display());
    Grey { width, height, pixels }
}

/// The y positions (in pixels, from the top) of the horizontal rules on a page: the middles of the runs of pixel
/// rows of which more than half the pixels are darker than the header's light fill.
fn rules(page: &Grey) -> Vec<f64> {
    let is_rule = |y: usize| {
        let row = &page.pixels[y * page.width..(y + 1) * page.width];
        row.iter().filter(|p| **p < 200).count() * 2 > page.width
    };
    let mut rules = Vec::new();
    let mut run: Option<(usize, usize)> = None;
    for y in 0..page.height {
        if is_rule(y) {
            run = Some(run.map_or((y, y), |(start, _)| (start, y)));
        } else if let Some((start, end)) = run.take() {
            rules.push((start + end) as f64 / 2.0);
        }
    }
    rules.extend(run.map(|(start, end)| (start + end) as f64 / 2.0));
    rules
}

/// One printed page: its text (`pdftotext -layout`) and the heights of the rows to write in (all the ruled rows
/// but the header), in millimetres, top first.
struct Page {
    text: String,
    rows_mm: Vec<f64>,
}

impl Page {
    /// The sheet named on the left of the footer ("&A"), the page's last line.
    fn sheet<'a>(&self, tables: &'a [Table]) -> &'a Table {
        let footer = self.text.lines().rev().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
        tables
            .iter()
            .filter(|t| footer.starts_with(&t.name))
            .max_by_key(|t| t.name.len())
            .unwrap_or_else(|| panic!("no sheet named in the footer {footer:?} of the page:\n{}", self.text))
    }

    /// The heights of its rows, each averaged with its neighbours (see the top of the file).
    fn averaged_rows_mm(&self) -> Vec<f64> {
        let n = AVERAGE_OVER.min(self.rows_mm.len()).max(1);
        self.rows_mm.windows(n).map(|w| w.iter().sum::<f64>() / n as f64).collect()
    }
}

fn pages(pdf: &Path, dir: &Path) -> Vec<Page> {
    let text = run("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"], POPPLER);
    // Pages end with a form feed.
    let mut texts: Vec<&str> = text.split('\u{c}').collect();
    if texts.last().is_some_and(|t| t.trim().is_empty()) {
        texts.pop();
    }
    let stem = pdf.file_stem().unwrap().to_str().unwrap();
    let prefix = dir.join(format!("{stem}-page"));
    run("pdftoppm", &["-r", &DPI.to_string(), "-gray", pdf.to_str().unwrap(), prefix.to_str().unwrap()], POPPLER);
    // pdftoppm numbers the files "-1.pgm" or "-01.pgm" and so on, as wide as the last page's number.
    let mut images: BTreeMap<usize, PathBuf> = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if let Some(n) = name.strip_prefix(&format!("{stem}-page-")).and_then(|n| n.strip_suffix(".pgm")) {
            images.insert(n.parse().unwrap(), path);
        }
    }
    assert_eq!(images.len(), texts.len(), "{}: as many images as pages of text", pdf.display());
    texts
        .into_iter()
        .zip(images.values())
        .map(|(text, image)| {
            let rules = rules(&read_pgm(image));
            std::fs::remove_file(image).unwrap();
            let heights = rules.windows(2).map(|w| (w[1] - w[0]) * PIXEL_MM);
            Page { text: text.to_owned(), rows_mm: heights.skip(1).collect() }
        })
        .collect()
}

#[test]
fn every_register_prints_all_its_ruled_rows_tall_enough_to_write_in_with_the_header_on_every_page() {
    // LibreOffice measures the columns in the digits of the workbook's font, Calibri; in its place it takes
    // Carlito, which has the same widths, or else any font, whose other widths would print other rows.
    let font = run("fc-match", &["Calibri"], CARLITO);
    assert!(
        font.contains("Carlito") || font.contains("Calibri"),
        "LibreOffice would print Calibri as {font}: run scripts/test.sh, which installs {CARLITO}"
    );
    let dir = TempDir(std::env::temp_dir().join(format!("tics-printed-{}", std::process::id())));
    let dir = dir.0.as_path();
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).unwrap();
    let check = sample();
    let mut files = Vec::new();
    let mut registers = Vec::new();
    for kind in RegisterKind::ALL {
        let tables = register_tables(kind, &check, Lang::En);
        let path = dir.join(format!("{kind:?}.xlsx"));
        std::fs::write(&path, tics_xlsx::workbook(&tables).unwrap()).unwrap();
        files.push(path.to_str().unwrap().to_owned());
        registers.push((kind, tables));
    }

    // All six in one call: LibreOffice starts once. Its own profile in the temporary folder, so that it neither
    // waits for nor disturbs a LibreOffice someone has open.
    let profile = format!("-env:UserInstallation=file://{}", dir.join("profile").display());
    let mut args = vec![profile.as_str(), "--headless", "--convert-to", "pdf", "--outdir", dir.to_str().unwrap()];
    args.extend(files.iter().map(String::as_str));
    let started = Instant::now();
    run("soffice", &args, LIBREOFFICE);
    eprintln!("LibreOffice converted the six registers to PDF in {:.1} s", started.elapsed().as_secs_f64());

    // Every problem of every sheet, so that one run tells all of them.
    let mut problems = Vec::new();
    let mut report = Vec::new();
    for (kind, tables) in &registers {
        let pdf = dir.join(format!("{kind:?}.pdf"));
        assert!(pdf.exists(), "LibreOffice made no {}", pdf.display());
        let pages = pages(&pdf, dir);
        let mut by_sheet: BTreeMap<&str, Vec<&Page>> = BTreeMap::new();
        for page in &pages {
            by_sheet.entry(page.sheet(tables).name.as_str()).or_default().push(page);
        }
        for table in tables {
            let name = table.name.as_str();
            let printed = by_sheet.get(name).map(Vec::as_slice).unwrap_or_default();
            let Some(first) = printed.first() else {
                problems.push(format!("{name}: the sheet does not print"));
                continue;
            };
            if !first.text.contains(&table.title[0]) {
                problems.push(format!("{name}: the title is not on the first page"));
            }
            // Every page shows the header, so that a loose page can still be read: each column's first word.
            for (n, page) in printed.iter().enumerate() {
                for column in &table.columns {
                    let word = column.header.split_whitespace().next().unwrap_or_default();
                    if !page.text.contains(word) {
                        problems.push(format!("{name}, page {}: no header {word:?}", n + 1));
                    }
                }
            }
            // All the rows to write in print: the pre-filled ones and the blank ones.
            let per_page: Vec<usize> = printed.iter().map(|p| p.rows_mm.len()).collect();
            let expected = table.rows.len() + table.blank_rows as usize;
            let rows: usize = per_page.iter().sum();
            if rows != expected {
                problems
                    .push(format!("{name}: {rows} of its {expected} ruled rows print, on {} page(s)", printed.len()));
            }
            if *kind == RegisterKind::TakeOut && printed.len() < 2 {
                problems.push(format!("{name}: its {expected} ruled rows are meant to print on several pages"));
            }
            // Tall enough to write in.
            let single = printed.iter().flat_map(|p| p.rows_mm.iter().copied()).fold(f64::INFINITY, f64::min);
            let averaged = printed.iter().flat_map(|p| p.averaged_rows_mm()).fold(f64::INFINITY, f64::min);
            if averaged < MIN_ROW_MM || single < MIN_ROW_MM - PIXEL_MM {
                problems.push(format!(
                    "{name}: its rows are {averaged:.2} mm high on paper (one of them {single:.2} mm), under \
                     {MIN_ROW_MM} mm"
                ));
            }
            // Full pages (all but the last) are neither crammed nor wasteful.
            for (n, on_page) in per_page.iter().enumerate().take(printed.len() - 1) {
                if *on_page <= 10 || *on_page > MAX_ROWS_PER_PAGE {
                    problems.push(format!(
                        "{name}, page {}: {on_page} rows, not between 11 and {MAX_ROWS_PER_PAGE}",
                        n + 1
                    ));
                }
            }
            let all: Vec<f64> = printed.iter().flat_map(|p| p.rows_mm.iter().copied()).collect();
            let mean = all.iter().sum::<f64>() / all.len().max(1) as f64;
            report.push(format!(
                "{name}: {} page(s), rows per page {per_page:?}, rows at least {averaged:.2} mm (mean {mean:.2})",
                printed.len()
            ));
        }
    }
    eprintln!("as printed:\n  {}", report.join("\n  "));
    assert!(problems.is_empty(), "the registers as LibreOffice prints them:\n  {}", problems.join("\n  "));
}
