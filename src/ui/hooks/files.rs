//! Files the user hands the app: the one chosen in a file field, or many dropped or chosen at once (a folder),
//! read here and checked by the workers (the content worker for result and catalogue files, the Excel worker
//! for tables). Each reader tells its caller the outcome; nothing here changes the self-check.
use std::cell::RefCell;
use std::rc::Rc;

use serde::de::DeserializeOwned;
use tics_domain::aggregate::{Collection, MemberReply};
use tics_domain::catalogue::Problem;
use tics_domain::content::unreadable_reply;
use tics_domain::envelope::Imported;
use tics_domain::import::{Preview, Request};
use tics_domain::{Catalogue, Text};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::web::{clock, content, excel, file, perf};

/// A file read whole, kept so that a corrected choice can read it again.
#[derive(PartialEq)]
pub struct Picked {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The one file chosen in the field whose change is `e`. The field is cleared, so that choosing the same file
/// again (after fixing it) is a change again.
pub fn take_chosen(e: &Event) -> Option<web_sys::File> {
    let input = e.target_unchecked_into::<HtmlInputElement>();
    let chosen = input.files().and_then(|files| files.get(0))?;
    input.set_value("");
    Some(chosen)
}

/// Reads `chosen` whole (refusing it unread when over the size limit), then tells `then`.
pub fn read(chosen: web_sys::File, then: impl FnOnce(Result<Picked, Text>) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        let name = chosen.name();
        then(file::read(chosen).await.map(|bytes| Picked { name, bytes }).map_err(|e| e.message()));
    });
}

/// The self-check in the result file `chosen`, read by the content worker, which carries the import with its
/// digest and range checks; or why the file is refused.
pub fn import(catalogue: Rc<Catalogue>, chosen: web_sys::File, then: impl FnOnce(Result<Imported, Text>) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        let result = match file::read(chosen).await {
            Ok(bytes) => content::import(&catalogue, &bytes).await.and_then(|reply| reply),
            Err(e) => Err(e.message()),
        };
        then(result);
    });
}

/// The catalogue or overlay file `chosen` (an overlay applied to `base`), checked by the content worker, which
/// carries the validator; or every problem found.
pub fn check_catalogue(
    base: Rc<Catalogue>,
    chosen: web_sys::File,
    then: impl FnOnce(Result<Catalogue, Vec<Problem>>) + 'static,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let problem = |message| vec![Problem { item: None, field: "(file)".into(), message }];
        let result = match file::read(chosen).await {
            Ok(bytes) => content::check_file(&base, &bytes).await.unwrap_or_else(|e| Err(problem(e))),
            Err(e) => Err(problem(e.message())),
        };
        then(result);
    });
}

/// The table in `picked` as the Excel worker reads it for `request` (with the user's corrections, if any).
pub fn read_table<R: DeserializeOwned + Default + 'static>(
    picked: Rc<Picked>,
    request: Request,
    then: impl FnOnce(Result<Preview<R>, Text>) + 'static,
) {
    wasm_bindgen_futures::spawn_local(async move { then(excel::read_table::<R>(&picked.bytes, &request).await) });
}

/// The files of a file list (an input's or a drop's).
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|n| list.get(n)).collect()
}

/// Files per request to the content worker: enough that a thousand files take few round trips, few enough that
/// the progress moves and one request stays far below the worker's time-out.
const BATCH_FILES: usize = 100;
/// Bytes per request, so that a batch of large files does not hold a big copy in memory at once.
const BATCH_BYTES: usize = 4 * 1024 * 1024;
/// Files whose size is checked between two pauses for the browser (see [`read_members`]).
const YIELD_EVERY: usize = 20;

/// Reads members' shared `files` in batches into `collection`, against the catalogue `checked` (its checked
/// form), calling `progress` after each batch with the files done. Files over the size limit are refused unread.
pub async fn read_members(
    checked: Rc<str>,
    files: Vec<web_sys::File>,
    collection: Rc<RefCell<Collection>>,
    progress: impl Fn(usize),
) {
    // The User Timing measure scripts/bench-aggregate.mjs reads.
    perf::start("tics:aggregate");
    let mut done = 0;
    let mut rest = files.into_iter().peekable();
    while rest.peek().is_some() {
        let mut batch: Vec<web_sys::File> = Vec::new();
        let mut bytes = 0;
        while let Some(file) = rest.next_if(|_| batch.len() < BATCH_FILES && bytes < BATCH_BYTES) {
            done += 1;
            // Asking a file picked from disk for its size makes the browser look at the disk, on this thread:
            // a pause every few files keeps a batch of a hundred from becoming one long task.
            if done % YIELD_EVERY == 0 {
                clock::yield_now().await;
            }
            match file::size_allowed(&file) {
                Ok(size) => {
                    bytes += size;
                    batch.push(file);
                }
                Err(e) => collection.borrow_mut().add(file::name(&file), Err(e.message())),
            }
        }
        let names = batch.iter().map(file::name);
        let replies: Vec<MemberReply> = match content::members(&checked, &batch).await {
            Ok(replies) => replies,
            Err(why) => vec![Err(why); batch.len()],
        };
        let mut c = collection.borrow_mut();
        // A reply one short (a worker of another version) refuses the rest rather than dropping them.
        let mut replies = replies.into_iter();
        for name in names {
            c.add(name, replies.next().unwrap_or_else(|| Err(unreadable_reply())));
        }
        drop(c);
        progress(done);
    }
    perf::end("tics:aggregate");
}
