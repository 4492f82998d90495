// TICS Self-Check widget loader, version __VERSION__.
// Defines <tics-self-check> and exports mount(element, options). Built by scripts/post-build.mjs, which fills in
// the content-hashed names of the app's files; see docs/EMBEDDING.md. Nothing here contacts any server but the
// one these files are served from.
import init, { mount as wasmMount } from './__GLUE__';

const stylesheet = new URL('./__CSS__', import.meta.url).href;
const assetBase = new URL('./', import.meta.url).href;
// The web workers' loaders and their SHA-384 digests: the app fetches a loader with its digest and starts the
// worker from the verified bytes (browsers check no integrity on `new Worker(url)`).
const workers = Object.fromEntries(Object.entries(__WORKERS__).map(([kind, file]) => [
  kind, { url: new URL(`./${file.url}`, import.meta.url).href, integrity: file.integrity },
]));
let started;
let exports;
let serviceWorker;

/** Loads the WebAssembly once per page (checked against its SHA-384 digest). */
function start() {
  if (!started) {
    const wasm = fetch(new URL('./__WASM__', import.meta.url), { integrity: '__WASM_SRI__' });
    started = init({ module_or_path: wasm }).then((e) => (exports = e));
  }
  return started;
}

/**
 * Offline use, for the standalone site or a portal that opts in: registers sw.js, which keeps this build's files
 * (see docs/EMBEDDING.md). Never done unless asked for: a service worker acts for the whole folder of a site.
 */
function registerServiceWorker() {
  if (serviceWorker || !('serviceWorker' in navigator)) return;
  // After the page has loaded: the service worker then fetches the whole build, which must not compete with the
  // files the first screen needs on a slow connection.
  serviceWorker = new Promise((resolve) => {
    if (document.readyState === 'complete') resolve();
    else addEventListener('load', () => resolve(), { once: true });
  }).then(() => navigator.serviceWorker.register(new URL('./sw.js', import.meta.url), { scope: assetBase }))
    .catch((e) => console.warn(`tics-self-check: オフライン用の service worker を登録できませんでした / could not register the offline service worker: ${e}`));
  // The app waits on this before fetching a file the worker keeps but the first screen does not need (the
  // guidance): fetched meanwhile, it would be downloaded twice, by the page and by the worker's install.
  globalThis.ticsServiceWorkerSettled = serviceWorker.then(settled);
}

/**
 * Resolves once a service worker that is installing has taken the page over, or has failed; at once when none is
 * installing or one already controls the page. Then a file the worker downloads anyway comes from its cache.
 */
function settled(registration) {
  const worker = registration?.installing ?? registration?.waiting;
  if (!worker || navigator.serviceWorker.controller) return undefined;
  return new Promise((resolve) => {
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
    worker.addEventListener('statechange', () => {
      if (worker.state === 'redundant') resolve();
    });
  });
}

/** Bytes of WebAssembly memory in use by all widgets on the page (for the benchmark script). */
export function wasmMemoryBytes() {
  return exports?.memory?.buffer.byteLength ?? 0;
}

/** An overlay is an object, or a URL on this page's own origin (no request goes anywhere else). */
async function resolveOverlay(overlay) {
  if (overlay === undefined || overlay === null || overlay === '') return {};
  if (typeof overlay === 'object') return { overlayJson: JSON.stringify(overlay) };
  let url;
  try {
    url = new URL(String(overlay), document.baseURI);
  } catch {
    return { overlayError: `カタログの URL が不正です / invalid catalogue URL: ${overlay}` };
  }
  if (url.origin !== location.origin) {
    return { overlayError: `カタログは同じオリジンからだけ読み込めます / catalogues load from the same origin only: ${url.href}` };
  }
  try {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) return { overlayError: `HTTP ${response.status}: ${url.href}` };
    return { overlayJson: await response.text() };
  } catch (e) {
    return { overlayError: `${url.href}: ${e}` };
  }
}

/**
 * Mounts the self-check (or the whole site) into `element`, inside an open shadow root.
 * Options: lang ('ja' | 'en'), mode ('self-check' | 'aggregate' | 'catalogue-check'), overlay (object or
 * same-origin URL), namespace (storage), completeEvent (array of field names), inSite (true on a page of the TICS
 * site, which carries the title, the language switch and the main landmark),
 * serviceWorker (true to keep the files for offline use; off unless asked for), reminder ('off' never reminds
 * the user to download a result file).
 * Resolves to a handle whose destroy() removes the app and everything it added.
 */
export async function mount(element, options = {}) {
  await start();
  const overlay = await resolveOverlay(options.overlay);
  const handle = wasmMount(element, {
    lang: options.lang ?? 'ja',
    mode: options.mode ?? 'self-check',
    namespace: options.namespace,
    completeEvent: options.completeEvent ?? [],
    inSite: options.inSite === true,
    reminder: options.reminder === false ? 'off' : options.reminder,
    assetBase,
    stylesheet,
    workers,
    ...overlay,
  });
  if (options.serviceWorker === true) registerServiceWorker();
  let live = true;
  return {
    destroy() {
      if (!live) return;
      live = false;
      handle.destroy();
      handle.free();
    },
  };
}

/**
 * <tics-self-check lang="ja" mode="self-check" overlay="..." storage-namespace="..." complete-event="..."
 *                  reminder="off" in-site service-worker>
 */
class TicsSelfCheckElement extends HTMLElement {
  connectedCallback() {
    if (this.mounting) return;
    const attr = (name) => this.getAttribute(name) ?? undefined;
    this.mounting = mount(this, {
      lang: attr('lang'),
      mode: attr('mode'),
      overlay: attr('overlay'),
      namespace: attr('storage-namespace'),
      completeEvent: (attr('complete-event') ?? '').split(/[\s,]+/).filter(Boolean),
      inSite: this.hasAttribute('in-site'),
      reminder: attr('reminder'),
      serviceWorker: this.hasAttribute('service-worker') && attr('service-worker') !== 'false',
    });
    this.mounting.catch((e) => console.error('tics-self-check:', e));
  }

  disconnectedCallback() {
    const mounting = this.mounting;
    this.mounting = undefined;
    mounting?.then((handle) => handle.destroy(), () => {});
  }
}

if (!customElements.get('tics-self-check')) customElements.define('tics-self-check', TicsSelfCheckElement);
