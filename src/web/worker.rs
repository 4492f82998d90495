//! One client for the app's web workers (the Excel writer, the Word writer, the content worker, the fingerprinter): it
//! starts a worker on first use, matches replies to requests by id, gives every request a time-out, and forgets a
//! worker that fails to load, breaks or does not answer, so that the next request starts a fresh one.
//!
//! Why the worker starts from a blob: URL: browsers check no Subresource Integrity on `new Worker(url)`. The app
//! therefore fetches the worker's loader itself, with the SHA-384 digest the widget entry announced (the entry is
//! pinned by the host page's `integrity`), and starts the worker from those verified bytes. The loader in turn
//! fetches the worker's WebAssembly with its digest. scripts/post-build.mjs writes each loader from
//! widget/worker-loader.js, which implements the worker's side of the envelope below.
//!
//! Envelope (structured-clone messages, the same for every worker):
//! - app → worker, first: `{ base }`, the absolute URL of the folder holding the worker's WebAssembly (a worker
//!   started from a blob: URL cannot resolve relative URLs).
//! - worker → app: `{ ready: true }` once it listens, or `{ fatal }` if it cannot start or breaks (a trap).
//! - app → worker: `{ id, body }`; worker → app: `{ id, ok }`, or `{ id, error }` with the worker's own
//!   message in Japanese and English.
//! - worker → app, before the reply, any number of times (only a long job sends them; the fingerprinter does):
//!   `{ id, progress }`, a number. It goes to the request's progress callback ([`request_with_progress`]) and
//!   starts the request's time-out again: a job that reports progress is moving, however long it takes in all.
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect};
use serde::Deserialize;
use tics_domain::Text;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, MessageEvent, Url, Worker};

/// One worker's loader: its absolute URL and the digest its bytes must have (`sha384-…`).
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct WorkerFile {
    pub url: String,
    pub integrity: String,
}

/// The workers' loaders, as the widget entry announces them in the mount options (`workers`).
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct Workers {
    pub excel: Option<WorkerFile>,
    pub reader: Option<WorkerFile>,
    pub markdown: Option<WorkerFile>,
    pub word: Option<WorkerFile>,
    pub hash: Option<WorkerFile>,
}

/// Which worker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Excel,
    /// The reader of imported spreadsheets (its own worker: it is twice the writer's size).
    ExcelReader,
    Markdown,
    Word,
    /// The fingerprinter: a file's SHA-256, with progress.
    Hash,
}

/// How a kind of worker is used: its time-out and what the user reads when it fails.
pub struct Spec {
    pub kind: Kind,
    /// How long a request may take, from the moment it is made or from its last progress message; the first one
    /// includes starting the worker.
    pub timeout_ms: i32,
    /// The worker could not be loaded (network, wrong digest, blocked), or it broke.
    pub unavailable: fn() -> Text,
    /// The worker did not answer in time.
    pub timed_out: fn() -> Text,
}

#[derive(Clone, Debug)]
enum Failure {
    Unavailable,
    TimedOut,
    /// The worker's own message (already in Japanese and English).
    Refused(String),
}

type Outcome = Rc<RefCell<Option<Result<JsValue, Failure>>>>;

/// Hears a request's progress (the worker's own measure, such as bytes done).
type OnProgress = Rc<dyn Fn(f64)>;

/// A request waiting for its reply.
struct Pending {
    /// Wakes the request's future; the result is in `outcome`.
    wake: Function,
    outcome: Outcome,
    timer: i32,
    /// The request's time-out, for starting it again on progress.
    timeout_ms: i32,
    /// Kept so that the time-out's callback lives exactly as long as the request (and can be set again).
    on_timeout: Closure<dyn FnMut()>,
    on_progress: Option<OnProgress>,
}

/// A worker that is starting or running.
struct Client {
    /// Tells this worker's events from those of a worker forgotten before.
    generation: u32,
    /// None while its loader is being fetched.
    worker: Option<Worker>,
    /// The blob: URL the worker was started from, revoked when it is forgotten.
    blob_url: Option<String>,
    ready: bool,
    /// Envelopes made before the worker listened: a message posted earlier could be lost.
    waiting: Vec<JsValue>,
    pending: HashMap<u32, Pending>,
    /// The worker's message and error handlers, dropped (after `terminate`) when it is forgotten.
    handlers: Vec<Closure<dyn FnMut(JsValue)>>,
}

thread_local! {
    static FILES: RefCell<Workers> = RefCell::new(Workers::default());
    static CLIENTS: RefCell<HashMap<Kind, Client>> = RefCell::new(HashMap::new());
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
    static GENERATION: Cell<u32> = const { Cell::new(0) };
}

#[wasm_bindgen]
extern "C" {
    /// The global `fetch` with an init object (for `integrity`).
    #[wasm_bindgen(catch, js_name = fetch)]
    fn fetch_with_init(url: &str, init: &JsValue) -> Result<Promise, JsValue>;
}

/// Tells where the workers' loaders are and what digests they must have (from the widget entry).
pub fn set_files(workers: &Workers) {
    if *workers != Workers::default() {
        FILES.with(|f| *f.borrow_mut() = workers.clone());
    }
}

/// Sends `body` to the worker of `spec.kind` (starting it if need be) and returns its `ok` value.
pub async fn request(spec: &Spec, body: &JsValue) -> Result<JsValue, Text> {
    send(spec, body, None).await
}

/// Like [`request`], for a long job: `on_progress` hears each progress message the worker sends before its reply,
/// and each one starts the time-out again, so that only a worker that stops moving times out.
pub async fn request_with_progress(
    spec: &Spec,
    body: &JsValue,
    on_progress: impl Fn(f64) + 'static,
) -> Result<JsValue, Text> {
    send(spec, body, Some(Rc::new(on_progress))).await
}

async fn send(spec: &Spec, body: &JsValue, on_progress: Option<OnProgress>) -> Result<JsValue, Text> {
    let kind = spec.kind;
    let id = NEXT_ID.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    let window = web_sys::window().ok_or_else(spec.unavailable)?;
    let envelope = Object::new();
    let _ = Reflect::set(&envelope, &"id".into(), &id.into());
    let _ = Reflect::set(&envelope, &"body".into(), body);

    let mut wake = None;
    let woken = Promise::new(&mut |resolve, _| wake = Some(resolve));
    let wake = wake.ok_or_else(spec.unavailable)?;
    let outcome: Outcome = Rc::new(RefCell::new(None));
    let on_timeout = Closure::<dyn FnMut()>::new(move || time_out(kind, id));
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(on_timeout.as_ref().unchecked_ref(), spec.timeout_ms)
        .map_err(|_| (spec.unavailable)())?;
    let pending =
        Pending { wake, outcome: outcome.clone(), timer, timeout_ms: spec.timeout_ms, on_timeout, on_progress };

    // Registered (and posted, or queued) in one step, so that no reply or failure can slip in between.
    let (start, posted) = CLIENTS.with(|c| {
        let mut clients = c.borrow_mut();
        let start = !clients.contains_key(&kind);
        let client = clients.entry(kind).or_insert_with(|| Client {
            generation: GENERATION.with(|g| {
                g.set(g.get().wrapping_add(1));
                g.get()
            }),
            worker: None,
            blob_url: None,
            ready: false,
            waiting: Vec::new(),
            pending: HashMap::new(),
            handlers: Vec::new(),
        });
        client.pending.insert(id, pending);
        let posted = match (&client.worker, client.ready) {
            (Some(worker), true) => worker.post_message(&envelope).is_ok(),
            _ => {
                client.waiting.push(envelope.into());
                true
            }
        };
        (start.then_some(client.generation), posted)
    });
    if !posted {
        settle(kind, id, Err(Failure::Unavailable));
    }
    if let Some(generation) = start {
        wasm_bindgen_futures::spawn_local(start_worker(kind, generation));
    }

    let _ = JsFuture::from(woken).await;
    let result = outcome.borrow_mut().take();
    match result {
        Some(Ok(value)) => Ok(value),
        Some(Err(Failure::TimedOut)) => Err((spec.timed_out)()),
        // The worker's own refusal: a message in both languages, as JSON (`Text::to_wire`).
        Some(Err(Failure::Refused(message))) => Err(Text::from_wire(&message)),
        Some(Err(Failure::Unavailable)) | None => Err((spec.unavailable)()),
    }
}

/// Fetches the loader (checked against its digest), starts the worker from it and tells it where its files are.
async fn start_worker(kind: Kind, generation: u32) {
    let Some(file) = FILES.with(|f| {
        let f = f.borrow();
        match kind {
            Kind::Excel => f.excel.clone(),
            Kind::ExcelReader => f.reader.clone(),
            Kind::Markdown => f.markdown.clone(),
            Kind::Word => f.word.clone(),
            Kind::Hash => f.hash.clone(),
        }
    }) else {
        return fail(kind, generation, Failure::Unavailable);
    };
    let started = launch(&file).await;
    let current = CLIENTS.with(|c| c.borrow().get(&kind).map(|client| client.generation)) == Some(generation);
    let (worker, blob_url, base) = match started {
        // Given up meanwhile (timed out): this worker is not wanted any more.
        Ok((worker, blob_url, _)) if !current => {
            worker.terminate();
            let _ = Url::revoke_object_url(&blob_url);
            return;
        }
        Ok(started) => started,
        Err(()) => return fail(kind, generation, Failure::Unavailable),
    };
    let on_message = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        if let Some(event) = event.dyn_ref::<MessageEvent>() {
            on_message(kind, generation, &event.data());
        }
    });
    // A script error, an uncaught exception or a failed load of the blob: the worker is of no more use.
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_| fail(kind, generation, Failure::Unavailable));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let hello = Object::new();
    let _ = Reflect::set(&hello, &"base".into(), &base.into());
    let said = worker.post_message(&hello).is_ok();
    CLIENTS.with(|c| {
        if let Some(client) = c.borrow_mut().get_mut(&kind) {
            client.worker = Some(worker);
            client.blob_url = Some(blob_url);
            client.handlers = vec![on_message, on_error];
        }
    });
    if !said {
        fail(kind, generation, Failure::Unavailable);
    }
}

/// The worker, the blob: URL it runs from, and the absolute URL of its folder.
async fn launch(file: &WorkerFile) -> Result<(Worker, String, String), ()> {
    let base = Url::new_with_base("./", &file.url).map_err(|_| ())?.href();
    let init = Object::new();
    let _ = Reflect::set(&init, &"integrity".into(), &file.integrity.as_str().into());
    let _ = Reflect::set(&init, &"credentials".into(), &"same-origin".into());
    // A wrong digest rejects here, just as a network failure does.
    let response = JsFuture::from(fetch_with_init(&file.url, &init).map_err(|_| ())?).await.map_err(|_| ())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| ())?;
    if !response.ok() {
        return Err(());
    }
    let script = JsFuture::from(response.text().map_err(|_| ())?).await.map_err(|_| ())?;
    let options = BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&script), &options).map_err(|_| ())?;
    let blob_url = Url::create_object_url_with_blob(&blob).map_err(|_| ())?;
    // Throws when a Content-Security-Policy does not allow blob: workers.
    match Worker::new(&blob_url) {
        Ok(worker) => Ok((worker, blob_url, base)),
        Err(_) => {
            let _ = Url::revoke_object_url(&blob_url);
            Err(())
        }
    }
}

fn on_message(kind: Kind, generation: u32, data: &JsValue) {
    let field = |name: &str| Reflect::get(data, &name.into()).ok().filter(|v| !v.is_undefined());
    if field("ready").and_then(|v| v.as_bool()) == Some(true) {
        let flushed = CLIENTS.with(|c| {
            let mut clients = c.borrow_mut();
            let Some(client) = clients.get_mut(&kind).filter(|client| client.generation == generation) else {
                return true;
            };
            client.ready = true;
            // The worker runs now: its blob: URL is no longer needed.
            if let Some(url) = client.blob_url.take() {
                let _ = Url::revoke_object_url(&url);
            }
            let Some(worker) = client.worker.clone() else {
                return false;
            };
            std::mem::take(&mut client.waiting).iter().all(|envelope| worker.post_message(envelope).is_ok())
        });
        if !flushed {
            fail(kind, generation, Failure::Unavailable);
        }
    } else if field("fatal").is_some() {
        fail(kind, generation, Failure::Unavailable);
    } else if let (Some(id), Some(done)) =
        (field("id").and_then(|v| v.as_f64()), field("progress").and_then(|v| v.as_f64()))
    {
        progress(kind, generation, id as u32, done);
    } else if let Some(id) = field("id").and_then(|v| v.as_f64()) {
        let current = CLIENTS.with(|c| c.borrow().get(&kind).map(|client| client.generation)) == Some(generation);
        if !current {
            return;
        }
        let result = match (field("ok"), field("error")) {
            (Some(ok), _) => Ok(ok),
            (None, Some(error)) => Err(Failure::Refused(error.as_string().unwrap_or_default())),
            (None, None) => Err(Failure::Unavailable),
        };
        settle(kind, id as u32, result);
    }
}

/// One request's progress: its time-out starts again, and its callback hears how far it is.
fn progress(kind: Kind, generation: u32, id: u32, done: f64) {
    let on_progress = CLIENTS.with(|c| {
        let mut clients = c.borrow_mut();
        let pending = clients
            .get_mut(&kind)
            .filter(|client| client.generation == generation)
            .and_then(|client| client.pending.get_mut(&id))?;
        if let Some(window) = web_sys::window() {
            // The new timer first: if it cannot be set, the old one still ends the request in time.
            let restarted = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                pending.on_timeout.as_ref().unchecked_ref(),
                pending.timeout_ms,
            );
            if let Ok(timer) = restarted {
                window.clear_timeout_with_handle(pending.timer);
                pending.timer = timer;
            }
        }
        pending.on_progress.clone()
    });
    // Called outside the borrow: the callback may update a component, which may make another request.
    if let Some(on_progress) = on_progress {
        on_progress(done);
    }
}

/// Ends one request with `result`.
fn settle(kind: Kind, id: u32, result: Result<JsValue, Failure>) {
    let pending = CLIENTS.with(|c| c.borrow_mut().get_mut(&kind).and_then(|client| client.pending.remove(&id)));
    if let Some(pending) = pending {
        finish(pending, result);
    }
}

fn finish(pending: Pending, result: Result<JsValue, Failure>) {
    if let Some(window) = web_sys::window() {
        window.clear_timeout_with_handle(pending.timer);
    }
    *pending.outcome.borrow_mut() = Some(result);
    let _ = pending.wake.call0(&JsValue::NULL);
}

/// A request ran out of time: the worker is stuck (or still not loaded), so it is given up with all its requests.
fn time_out(kind: Kind, id: u32) {
    let generation =
        CLIENTS.with(|c| c.borrow().get(&kind).filter(|client| client.pending.contains_key(&id)).map(|c| c.generation));
    if let Some(generation) = generation {
        fail(kind, generation, Failure::TimedOut);
    }
}

/// Terminates and forgets the worker of `generation` and fails its requests; the next request starts a new one.
fn fail(kind: Kind, generation: u32, failure: Failure) {
    let client = CLIENTS.with(|c| {
        let mut clients = c.borrow_mut();
        match clients.get(&kind) {
            Some(client) if client.generation == generation => clients.remove(&kind),
            _ => None,
        }
    });
    let Some(client) = client else {
        return;
    };
    if let Some(worker) = &client.worker {
        worker.set_onmessage(None);
        worker.set_onerror(None);
        worker.terminate();
    }
    if let Some(url) = &client.blob_url {
        let _ = Url::revoke_object_url(url);
    }
    for (_, pending) in client.pending {
        finish(pending, Err(failure.clone()));
    }
    // The handlers may be running right now (this may be called from one); wasm-bindgen frees them after that.
    drop(client.handlers);
}

/// The client's side of progress, against a fake worker: progress reaches the request's callback and starts its
/// time-out again, a request that stops reporting times out, and the next request starts a fresh worker. The
/// page's clock is the test's (a fake `setTimeout`), and the fake worker moves only when told to (a
/// `BroadcastChannel`), so nothing waits on real time.
#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use js_sys::{Function, Reflect};
    use tics_domain::Text;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use wasm_bindgen_test::*;

    use super::{request_with_progress, set_files, Kind, Spec, WorkerFile, Workers};

    wasm_bindgen_test_configure!(run_in_browser);

    const TIMEOUT_MS: i32 = 1_000;
    const SPEC: Spec = Spec { kind: Kind::Hash, timeout_ms: TIMEOUT_MS, unavailable, timed_out };
    const URL: &str = "http://worker.test/fake-worker.js";

    fn unavailable() -> Text {
        Text::new("unavailable", "unavailable")
    }

    fn timed_out() -> Text {
        Text::new("timed out", "timed out")
    }

    /// Installs the fake clock, the fake worker (served by a fake `fetch` at `URL`) and the channel that moves it.
    const FAKE: &str = r#"
        const real = { setTimeout: window.setTimeout, clearTimeout: window.clearTimeout, fetch: window.fetch };
        let now = 0, next = 1;
        const timers = new Map();
        window.setTimeout = (f, ms) => { const id = next++; timers.set(id, { at: now + ms, f }); return id; };
        window.clearTimeout = (id) => { timers.delete(id); };
        const script = `
            const steps = new BroadcastChannel('tics-worker-test');
            let current;
            self.onmessage = ({ data }) => {
              if ('base' in data) { postMessage({ ready: true }); return; }
              current = data.id;
              postMessage({ id: current, progress: 1 });
            };
            steps.onmessage = ({ data }) => {
              postMessage(data === 'finish' ? { id: current, ok: 'done' } : { id: current, progress: data });
            };`;
        const log = [];
        window.fetch = (url, init) => (log.push(`fetch ${url}`), url === URL) ? Promise.resolve(new Response(script)) : real.fetch(url, init);
        const channel = new BroadcastChannel('tics-worker-test');
        return {
          advance(ms) {
            now += ms;
            for (const [id, t] of [...timers]) if (t.at <= now) { timers.delete(id); t.f(); }
          },
          step(what) { channel.postMessage(what); },
          tick() { return new Promise((resolve) => real.setTimeout.call(window, resolve, 0)); },
          log() { return log.join(' | ') + ` timers ${[...timers.values()].map((t) => t.at)} now ${now}`; },
          restore() { Object.assign(window, real); channel.close(); },
        };
    "#;

    struct Fake(JsValue);

    impl Fake {
        fn install() -> Fake {
            let install = Function::new_with_args("URL", FAKE);
            Fake(install.call1(&JsValue::NULL, &URL.into()).expect("the fake installs"))
        }

        fn call(&self, name: &str, arg: &JsValue) -> JsValue {
            let method: Function = Reflect::get(&self.0, &name.into()).expect("a method").unchecked_into();
            method.call1(&self.0, arg).expect("the call")
        }

        fn advance(&self, ms: i32) {
            self.call("advance", &ms.into());
        }

        fn step(&self, what: JsValue) {
            self.call("step", &what);
        }

        /// One turn of the page's event loop (with the real clock): messages are delivered, and the futures woken
        /// meanwhile run.
        async fn turn(&self) {
            let _ = JsFuture::from(self.call("tick", &JsValue::NULL).unchecked_into::<js_sys::Promise>()).await;
        }

        /// Lets the browser deliver messages until `check` holds.
        async fn until(&self, mut check: impl FnMut() -> bool) {
            for _ in 0..500 {
                if check() {
                    return;
                }
                self.turn().await;
            }
            panic!("condition not reached: {:?}", self.call("log", &JsValue::NULL));
        }
    }

    type Slot = Rc<RefCell<Option<Result<JsValue, Text>>>>;

    /// Starts a request with progress; its progress and its outcome land in what is returned.
    fn start() -> (Rc<RefCell<Vec<f64>>>, Slot) {
        let (seen, outcome): (Rc<RefCell<Vec<f64>>>, Slot) = Default::default();
        let (heard, settled) = (seen.clone(), outcome.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let result = request_with_progress(&SPEC, &JsValue::NULL, move |p| heard.borrow_mut().push(p)).await;
            *settled.borrow_mut() = Some(result);
        });
        (seen, outcome)
    }

    #[wasm_bindgen_test]
    async fn progress_keeps_a_long_request_alive_and_a_silent_one_times_out() {
        let fake = Fake::install();
        let file = WorkerFile { url: URL.into(), integrity: "sha384-unchecked-by-the-fake".into() };
        set_files(&Workers { hash: Some(file), ..Workers::default() });

        // Twice nine tenths of the time-out pass, with progress in between: the request lives on.
        let (seen, outcome) = start();
        fake.until(|| *seen.borrow() == [1.0]).await;
        fake.advance(TIMEOUT_MS * 9 / 10);
        fake.step(2.into());
        fake.until(|| *seen.borrow() == [1.0, 2.0]).await;
        fake.advance(TIMEOUT_MS * 9 / 10);
        fake.turn().await;
        assert!(outcome.borrow().is_none(), "not timed out: progress started the time-out again");
        fake.step("finish".into());
        fake.until(|| outcome.borrow().is_some()).await;
        assert_eq!(outcome.borrow_mut().take().and_then(|r| r.ok()).and_then(|v| v.as_string()), Some("done".into()));

        // A request that reports once and then falls silent times out after the time-out from its last report.
        let (seen, outcome) = start();
        fake.until(|| *seen.borrow() == [1.0]).await;
        fake.advance(TIMEOUT_MS - 1);
        fake.turn().await;
        assert!(outcome.borrow().is_none());
        fake.advance(1);
        fake.until(|| outcome.borrow().is_some()).await;
        assert_eq!(outcome.borrow_mut().take().and_then(|r| r.err()), Some(timed_out()));

        // The stuck worker was forgotten: the next request starts a fresh one.
        let (seen, outcome) = start();
        fake.until(|| *seen.borrow() == [1.0]).await;
        fake.step("finish".into());
        fake.until(|| outcome.borrow().is_some()).await;
        assert!(matches!(outcome.borrow_mut().take(), Some(Ok(_))));
        fake.call("restore", &JsValue::NULL);
    }
}
