//! Build step, run by scripts/post-build.mjs: renders the built-in Markdown into the build's output folder:
//!
//! - `catalogue-guidance-<version>.json`: every item's guidance and examples as safe node trees
//!   (`Catalogue::rendered_guidance`), fetched by the app when a user first opens "解説と例";
//! - every page of the site, in both languages, as plain HTML ([`tics_domain::site_html`]): `index.html`,
//!   `<tab>/<page>/index.html`, `en/…`. The pages need no script; the tools' pages load the self-check component.
//!
//! Why: the browser never parses Markdown for the app's own content, so pulldown-cmark (about a sixth of the
//! app's compressed size, most of it a table of HTML entity names) stays out of the app, and the site's pages are
//! there for any visitor, search engine or browser without script.
//!
//! Usage: `tics-prerender <output folder> <assets.json>` (the build's file names and digests, see
//! [`tics_domain::site_html::Assets`]).
use std::path::Path;
use std::process::ExitCode;

use tics_domain::markdown::{render_under, PAGE_LEVEL};
use tics_domain::site::{page_markdown, SiteMap};
use tics_domain::site_html::{files, render_page, Assets};
use tics_domain::Catalogue;

fn main() -> ExitCode {
    let (Some(out), Some(assets)) = (std::env::args().nth(1), std::env::args().nth(2)) else {
        eprintln!("usage: tics-prerender <output folder> <assets.json>");
        return ExitCode::FAILURE;
    };
    match run(Path::new(&out), Path::new(&assets)) {
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

fn run(out: &Path, assets: &Path) -> Result<usize, String> {
    let catalogue = Catalogue::default_tics().map_err(|p| format!("the built-in catalogue has problems: {p:?}"))?;
    let assets: Assets = serde_json::from_str(&std::fs::read_to_string(assets).map_err(|e| e.to_string())?)
        .map_err(|e| format!("{}: {e}", assets.display()))?;
    let mut written = vec![(
        out.join(format!("catalogue-guidance-{}.json", catalogue.version)),
        to_json(&catalogue.rendered_guidance())?,
    )];
    let site = SiteMap::builtin();
    for (file, route, lang, depth) in files(&site) {
        let markdown = page_markdown(&route, lang).ok_or_else(|| format!("no text for {route:?}"))?;
        let page = render_page(&site, &route, lang, depth, &render_under(markdown, PAGE_LEVEL), &assets);
        if page.is_empty() {
            return Err(format!("{route:?} is not in the site map"));
        }
        written.push((out.join(file), page));
    }
    for (file, json) in &written {
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(file, json).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    Ok(written.len())
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| e.to_string())
}
