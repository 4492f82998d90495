// TICS Self-Check: the loader of the __NAME__ web worker (a classic worker script), version __VERSION__.
// scripts/post-build.mjs writes it once per worker, with wasm-bindgen's glue inlined below and the worker's
// WebAssembly file name and SHA-384 digest filled in, under a content-hashed name. The app fetches this file
// with its digest (announced by the widget entry) and starts it from a blob: URL (see src/web/worker.rs, which
// describes the envelope spoken here), so the worker runs only verified code; the WebAssembly is fetched with
// its digest too. Nothing here contacts any server but the one these files are served from.
__GLUE__
(() => {
  let started = false;
  self.onmessage = (event) => {
    const message = event.data;
    // The first message says where the files are: a worker started from a blob: URL has no folder of its own.
    if (!started) {
      started = true;
      let wasm;
      try {
        wasm = fetch(new URL('./__WASM__', message.base), { integrity: '__WASM_SRI__' });
      } catch (e) {
        postMessage({ fatal: String(e) });
        return;
      }
      // A failed download or a wrong digest rejects here; the app then forgets this worker.
      wasm_bindgen({ module_or_path: wasm }).then(
        () => postMessage({ ready: true }),
        (e) => postMessage({ fatal: String(e) }),
      );
      return;
    }
    const { id, body } = message;
    let ok;
    try {
      // The id is for a worker that reports progress before its reply (`{ id, progress }`, the hash worker);
      // the others' `handle` takes one parameter, and JavaScript drops the extra argument.
      ok = wasm_bindgen.handle(body, id);
    } catch (e) {
      // The worker's own refusal is a string (a message's JSON, in Japanese and English). Anything else is a
      // trap: this instance of the WebAssembly cannot be trusted any more, so the app is told to start a new worker.
      if (typeof e === 'string') {
        postMessage({ id, error: e });
      } else {
        postMessage({ fatal: String(e) });
        close();
      }
      return;
    }
    postMessage({ id, ok }, ok instanceof Uint8Array ? [ok.buffer] : []);
  };
})();
