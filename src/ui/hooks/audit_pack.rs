//! The audit pack: every file an audit asks to see, each made as its own download makes it (the result file at
//! once, the workbooks by the Excel worker, the pledges and rules by the Word worker), listed with its size and
//! SHA-256 (`tics_domain::export::pack_contents`), and put in one .zip by the Word worker. All of it happens in
//! this browser; nothing is uploaded.
use tics_domain::export::{audit_pack, pack_contents, pack_downloaded, pack_failed, AuditPack, Made, PackContent};
use tics_domain::export::{PackPart, ZIP_TYPE};
use tics_domain::library::Entry;
use tics_domain::{Lang, Text};
use yew::prelude::*;

use crate::ui::hooks::download::{use_download, Download};
use crate::ui::state::context::SelfCheckContext;
use crate::web::{excel, perf, word};

/// Makes the audit pack of the open self-check, one at a time.
#[derive(Clone)]
pub struct AuditPacker {
    download: Download,
}

impl AuditPacker {
    /// For the render: whether the pack was being made when it was made.
    pub fn shown(&self) -> bool {
        self.download.shown()
    }

    /// Makes the pack of `entry` in the user's language and hands it over; the outcome (its name and how many
    /// files it holds, or which file failed and why) is announced. A click while it is being made does nothing.
    pub fn make(&self, sc: &SelfCheckContext, entry: &Entry) {
        if self.download.running() {
            return;
        }
        let (today, now) = (sc.today(), sc.now());
        let made = Made { today: &today, now: &now, app_version: env!("CARGO_PKG_VERSION") };
        let AuditPack { file_name, parts } = audit_pack(&sc.catalogue, entry, sc.lang, made);
        // The files made, and the list of them.
        let count = parts.len() + 1;
        let sc = sc.clone();
        self.download.when_made(file_name, ZIP_TYPE, pack(parts, sc.lang), move |result| match result {
            Ok(name) => sc.flash(pack_downloaded(&name, count)),
            Err(e) => sc.fail(e),
        });
    }
}

/// The .zip of `parts`: each made in turn (the workers make one file at a time anyway), then the list of
/// contents first, then the files in the pack's order.
async fn pack(parts: Vec<PackPart>, lang: Lang) -> Result<Vec<u8>, Text> {
    // The whole round trip, the workers' downloads included the first time (read by the benchmark).
    perf::start("tics:export-pack");
    let mut made = Vec::with_capacity(parts.len());
    for part in &parts {
        let bytes = match &part.content {
            PackContent::Bytes(bytes) => Ok(bytes.clone()),
            PackContent::Workbook(request) => excel::workbook(request).await,
            PackContent::Document(input) => word::docx(input).await,
        };
        made.push(bytes.map_err(|why| pack_failed(&part.file_name, &why))?);
    }
    let listed: Vec<(&PackPart, &[u8])> = parts.iter().zip(made.iter().map(Vec::as_slice)).collect();
    let contents = pack_contents(&listed, lang);
    let files: Vec<(String, Vec<u8>)> =
        std::iter::once(contents).chain(parts.into_iter().map(|p| p.file_name).zip(made)).collect();
    let zipped = word::zip(&files).await;
    perf::end("tics:export-pack");
    zipped
}

#[hook]
pub fn use_audit_pack() -> AuditPacker {
    AuditPacker { download: use_download() }
}
