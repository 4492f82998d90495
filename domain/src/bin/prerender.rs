//! Build step, run by scripts/post-build.mjs: renders the built-in Markdown — the site's pages and the built-in
//! catalogue's guidance and examples — to safe node trees (JSON) in the build's output folder:
//!
//! - `catalogue-guidance-<version>.json`: every item's guidance and examples ([`render_guidance`]);
//! - `site/<tab>/<page>.<lang>.json`: every page of the site.
//!
//! Why: the browser then never parses Markdown for the app's own content, so pulldown-cmark (about a sixth of the
//! app's compressed size, most of it a table of HTML entity names) stays out of the app's start-up download.
//!
//! Usage: `tics-prerender <output folder>`.
use std::path::Path;
use std::process::ExitCode;

use tics_domain::markdown::{render_guidance, render_under, PAGE_LEVEL};
use tics_domain::site::PAGES;
use tics_domain::Catalogue;

fn main() -> ExitCode {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: tics-prerender <output folder>");
        return ExitCode::FAILURE;
    };
    match run(Path::new(&out)) {
        Ok(count) => {
            println!("prerender: {count} files in {out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(out: &Path) -> Result<usize, String> {
    let catalogue = Catalogue::default_tics().map_err(|p| format!("the built-in catalogue has problems: {p:?}"))?;
    let mut files = vec![(
        out.join(format!("catalogue-guidance-{}.json", catalogue.version)),
        to_json(&render_guidance(&catalogue))?,
    )];
    for (tab, page, ja, en) in PAGES {
        for (lang, md) in [("ja", ja), ("en", en)] {
            let file = out.join("site").join(tab).join(format!("{page}.{lang}.json"));
            files.push((file, to_json(&render_under(md, PAGE_LEVEL))?));
        }
    }
    for (file, json) in &files {
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(file, json).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    Ok(files.len())
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| e.to_string())
}
