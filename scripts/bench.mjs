#!/usr/bin/env node
// Performance figures of the release build (dist/), side by side with a vanilla-JavaScript baseline (bench/).
//
//   trunk build --release --offline && node scripts/bench.mjs
//
// Prints a table of every figure with its target and writes the same to bench/results.json. It asserts nothing:
// it exits 0 once it has printed its figures, 1 if dist/ is missing or a step failed (it still prints what it
// has). A snapshot of dist/ and the bench pages is served from 127.0.0.1 by tests/e2e/server.mjs; the browser is
// Debian's Chromium, headless, through playwright-core. It stops by itself: a watchdog prints what it has and
// exits after BENCH_TIME_LIMIT_S (default 870 s).
//
// Environment: BENCH_RUNS (runs per figure and CPU rate, default 5), BENCH_LIGHTHOUSE_RUNS (default 5),
// BENCH_SKIP_LIGHTHOUSE=1, BENCH_CLICK=locator (see realClick), BENCH_WAIT_QUIET_S (wait up to this long for the
// 1-minute load average to drop below 1 before starting; default 0), CHROMIUM_PATH (default /usr/bin/chromium).
// Other work on the machine (a build, tests) distorts every timing: the output reports the load average.
//
// What is measured (docs/BENCHMARKS.md explains each figure and the latest results):
//  1. startup download: the bytes the self-check needs at start, raw / gzip -9 / brotli q11, and the baseline's;
//  2. first contentful paint and "catalogue ready" (every item card in the DOM), from navigation start;
//  3. toggling an item's status with real clicks: Event Timing p75 over interactions (max duration per
//     interactionId), for the app, the baseline and the app with a generated 1,000-item catalogue;
//  4. exports of the 1,000-item self-check, on the same page after its toggles (User Timing tics:export-*);
//  5. WebAssembly memory and JS heap after a full self-check;
//  6. Lighthouse (mobile and desktop presets), with the files gzip-encoded as a static host serves them; as
//     diagnostics, one uncompressed run per preset and the mobile runs again with brotli;
//  7. the self-check page over a throttled mobile link (DevTools network throttling as Lighthouse's mobile preset
//     sets it, gzip, 4× CPU): first contentful paint, largest contentful paint and catalogue ready.
// 2–5 run at CPU throttling 1× and 4× (memory at 1×), each run in a fresh browser context, medians reported.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/e2e/server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const BENCH = path.join(ROOT, 'bench');
const RESULTS_FILE = path.join(BENCH, 'results.json');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const LH_RUNS = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5));
const RATES = [1, 4];
// Lighthouse's mobile preset as DevTools applies it (its "devtools" throttling: 562.5 ms latency, 1,474.56 Kbit/s
// down, 675 Kbit/s up), for the slow-link figures.
const SLOW_MOBILE = { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };
const TOGGLES = 20; // real clicks per run: 10 items set to "done", then the same 10 to "partial"
const TIME_LIMIT_MS = Number(process.env.BENCH_TIME_LIMIT_S ?? 870) * 1000;
let STARTED = Date.now(); // reset after an optional wait for a quiet machine
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
  // Unquantised performance.memory (otherwise Chromium rounds usedJSHeapSize to 100 KB steps).
  '--enable-precise-memory-info'];

const results = {
  date: new Date().toISOString(),
  command: ['BENCH_RUNS', 'BENCH_LIGHTHOUSE_RUNS', 'BENCH_SKIP_LIGHTHOUSE', 'BENCH_CLICK', 'BENCH_WAIT_QUIET_S', 'BENCH_TIME_LIMIT_S']
    .filter((k) => process.env[k] !== undefined).map((k) => `${k}=${process.env[k]} `).join('') + 'node scripts/bench.mjs',
  config: { runs: RUNS, lighthouseRuns: LH_RUNS, rates: RATES, toggles: TOGGLES, launchArgs: LAUNCH_ARGS },
  machine: {},
  sizes: {},
  load: {},
  toggle: {},
  exports: {},
  memory: {},
  lighthouse: {},
  notes: [],
  loadAverage: { samples: [] },
};
const sampleLoad = (at) => results.loadAverage.samples.push({ at, seconds: Math.round(elapsed() / 1000), load1: loadAverage() });

const loadAverage = () => {
  try { return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]); } catch { return null; }
};
const log = (...a) => console.error(`[bench ${((Date.now() - STARTED) / 1000).toFixed(0).padStart(4)}s]`, ...a);
const elapsed = () => Date.now() - STARTED;

// ---------------------------------------------------------------------------------------------------------------
// Statistics and formatting

const sorted = (xs) => [...xs].sort((a, b) => a - b);
function median(xs) {
  const v = sorted(xs.filter((x) => typeof x === 'number' && Number.isFinite(x)));
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}
/** Nearest-rank percentile. */
function percentile(xs, p) {
  const v = sorted(xs.filter((x) => typeof x === 'number' && Number.isFinite(x)));
  if (!v.length) return null;
  return v[Math.max(0, Math.ceil((p / 100) * v.length) - 1)];
}
const summary = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x));
  return { median: median(v), min: v.length ? Math.min(...v) : null, max: v.length ? Math.max(...v) : null, runs: v };
};
// Event Timing reports only events of 16 ms or more (durationThreshold's minimum), in 8 ms steps. An interaction
// without entries took less than 16 ms: it counts as 0 here and is printed as "<16".
const ET_THRESHOLD = 16;
const fmtMs = (x) => (x === null || x === undefined ? 'n/a' : `${x.toFixed(0)} ms`);
const fmtEt = (x) => (x === null || x === undefined ? 'n/a' : x < ET_THRESHOLD ? '<16 ms' : `${x.toFixed(0)} ms`);
const fmtBytes = (b) => (b === null || b === undefined ? 'n/a' : `${(b / 1000).toFixed(1)} KB`);
const fmtMiB = (b) => (b === null || b === undefined ? 'n/a' : `${(b / 1048576).toFixed(2)} MiB`);
const fmtRatio = (r) => (r === null || r === undefined || !Number.isFinite(r) ? '' : `${r.toFixed(2)}×`);

// ---------------------------------------------------------------------------------------------------------------
// A snapshot of what is served, so a build running meanwhile (Trunk replaces dist/ as a whole) cannot change the
// files under a run: dist/, the bench pages and the catalogue the baseline reads, laid out as in the repository.

function snapshot() {
  for (let attempt = 0; attempt < 24; attempt += 1) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tics-bench-'));
    try {
      cpSync(DIST, path.join(dir, 'dist'), { recursive: true });
      const manifest = JSON.parse(readFileSync(path.join(dir, 'dist/widget-manifest.json'), 'utf8'));
      const index = readFileSync(path.join(dir, 'dist/business/self-check/index.html'), 'utf8');
      const complete = [...Object.keys(manifest.files), ...Object.keys(manifest.onDemand ?? {})].every((f) => existsSync(path.join(dir, 'dist', f)))
        && index.includes(manifest.entry) && existsSync(path.join(dir, 'dist/sw.js'));
      if (complete) {
        for (const f of ['baseline.html', 'baseline.js', 'baseline.css', 'thousand.html', 'thousand.js']) {
          cpSync(path.join(BENCH, f), path.join(dir, 'bench', f));
        }
        cpSync(path.join(ROOT, 'content/catalogue.json'), path.join(dir, 'content/catalogue.json'));
        // The same build's .wasm before wasm-opt, which still has function names (for twiggy), if it is the same
        // build: wasm-bindgen's JavaScript glue is byte for byte the one in dist/, and Trunk wrote the served .wasm
        // (after wasm-opt) less than two minutes after it.
        const named = path.join(ROOT, 'target/wasm-bindgen/release/tics-self-check_bg.wasm');
        const namedGlue = path.join(ROOT, 'target/wasm-bindgen/release/tics-self-check.js');
        const glue = Object.keys(manifest.files).find((f) => /^tics-self-check-[0-9a-f]+\.js$/.test(f));
        const served = Object.keys(manifest.files).find((f) => f.endsWith('_bg.wasm'));
        if (existsSync(named) && existsSync(namedGlue)
          && readFileSync(namedGlue).equals(readFileSync(path.join(dir, 'dist', glue)))) {
          const gap = statSync(path.join(DIST, served)).mtimeMs - statSync(named).mtimeMs;
          if (gap >= 0 && gap < 120_000) cpSync(named, path.join(dir, 'named_bg.wasm'));
        }
        return { dir, manifest };
      }
    } catch {
      // dist/ is being replaced right now: try again
    }
    rmSync(dir, { recursive: true, force: true });
    log('dist/ is incomplete (a build is running?); trying again in 5 s');
    execFileSync('sleep', ['5']);
  }
  throw new Error('dist/ stayed incomplete for 2 minutes; build first: trunk build --release --offline');
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Startup download

const brotli = (buf) => zlib.brotliCompressSync(buf, {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
});

function compressed(buf) {
  return { raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length, brotli: brotli(buf).length };
}

function sizeGroup(base, files) {
  const list = files.map(([label, file]) => ({ label, file: path.relative(base, file), ...compressed(readFileSync(file)) }));
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of list) for (const k of Object.keys(total)) total[k] += f[k];
  return { files: list, total };
}

function measureSizes(base, manifest) {
  const dist = path.join(base, 'dist');
  const names = Object.keys(manifest.files);
  const pick = (re) => names.find((n) => re.test(n));
  const app = [
    ['widget entry .js', manifest.entry],
    ['glue .js', pick(/^tics-self-check-[0-9a-f]+\.js$/)],
    ['split loader .js', pick(/^tics-self-check-split-[0-9a-f]+\.js$/)],
    ['.wasm (catalogue compiled in)', pick(/_bg\.wasm$/)],
    ['app .css', pick(/\.css$/)],
  ].map(([l, n]) => [l, path.join(dist, n)]);
  const distFiles = readdirSync(dist);
  const site = [['business/self-check/index.html', 'business/self-check/index.html'],
    ...distFiles.filter((f) => /^site-.*\.(css|js)$/.test(f)).map((f) => [`site ${path.extname(f)}`, f]),
    ...distFiles.filter((f) => /^favicon-.*\.svg$/.test(f)).map((f) => ['favicon .svg', f])]
    .map(([l, n]) => [l, path.join(dist, n)]);
  const worker = distFiles.filter((f) => /^tics-xlsx-worker/.test(f)).sort().map((f) => [f, path.join(dist, f)]);
  const mdWorker = distFiles.filter((f) => /^tics-md-worker/.test(f)).sort().map((f) => [f, path.join(dist, f)]);
  const guidance = distFiles.filter((f) => /^catalogue-guidance.*\.json$/.test(f)).sort().map((f) => [f, path.join(dist, f)]);
  const baseline = [['baseline.html', 'bench/baseline.html'], ['baseline.js', 'bench/baseline.js'],
    ['baseline.css', 'bench/baseline.css'], ['catalogue.json', 'content/catalogue.json']]
    .map(([l, n]) => [l, path.join(base, n)]);
  const group = (files) => sizeGroup(base, files);
  return { app: group(app), siteShell: group(site), excelWorker: group(worker),
    markdownWorker: mdWorker.length ? group(mdWorker) : undefined, guidance: guidance.length ? group(guidance) : undefined,
    baseline: group(baseline) };
}

/** Code and data sections of a .wasm, raw and brotli q11: which part of the download is program, which is data. */
function wasmSections(file) {
  const d = readFileSync(file);
  const leb = (i) => {
    let r = 0;
    let shift = 0;
    for (;;) {
      const x = d[i++];
      r += (x & 0x7f) * 2 ** shift;
      shift += 7;
      if (x < 0x80) return [r, i];
    }
  };
  const parts = { code: [], data: [], other: [] };
  let i = 8;
  while (i < d.length) {
    const id = d[i];
    const [size, start] = leb(i + 1);
    (id === 10 ? parts.code : id === 11 ? parts.data : parts.other).push(d.subarray(start, start + size));
    i = start + size;
  }
  return Object.fromEntries(Object.entries(parts).map(([k, v]) => {
    const c = compressed(Buffer.concat(v));
    return [k, { raw: c.raw, brotli: c.brotli }];
  }));
}

/** `twiggy top -n 25` of a .wasm, if twiggy is installed (cargo install twiggy). */
function twiggyTop(file) {
  for (const bin of ['twiggy', path.join(os.homedir(), '.cargo/bin/twiggy')]) {
    try {
      const out = execFileSync(bin, ['top', '-n', '25', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      return out.split('\n').map((line) => /^\s*(\d+)\s*┊\s*([\d.]+)%\s*┊\s*(.+)$/.exec(line))
        .filter(Boolean).map(([, bytes, percent, item]) => ({ bytes: Number(bytes), percent: Number(percent), item: item.trim() }));
    } catch {
      // try the next place
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Pages: what each run opens

/** Runs in every page before its own scripts: Event Timing, first paint, card counting (also in shadow roots). */
function instrument(expected) {
  const b = { et: [], inp: [], ready: null, readyPainted: null, cards: 0, roots: [document], exportClicks: [], downloads: [] };
  window.__bench = b;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        b.et.push({ name: e.name, duration: e.duration, id: e.interactionId, start: e.startTime,
          processing: e.processingEnd - e.processingStart, delay: e.processingStart - e.startTime });
      }
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
  } catch (e) {
    b.etError = String(e);
  }
  b.q = (selector) => {
    for (const r of b.roots) {
      const found = r.querySelector(selector);
      if (found) return found;
    }
    return null;
  };
  b.qa = (selector) => b.roots.flatMap((r) => [...r.querySelectorAll(selector)]);
  // "Catalogue ready": the moment the last expected item card is in the DOM. `expected` is a number of cards or,
  // for a catalogue shown one topic at a time, the selector of the last card of the first topic.
  const check = () => {
    if (b.ready !== null) return;
    let n = 0;
    for (const r of b.roots) n += r.querySelectorAll('[data-testid^="item-"]').length;
    b.cards = n;
    if (typeof expected === 'number' ? n >= expected : b.q(expected)) {
      b.ready = performance.now();
      observer.disconnect();
      // And when they are first painted: the task after the next frame.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { b.readyPainted = performance.now(); };
        channel.port2.postMessage(null);
      });
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function patchedAttachShadow(init) {
    const root = attachShadow.call(this, init);
    b.roots.push(root);
    if (b.ready === null) observer.observe(root, { childList: true, subtree: true });
    return root;
  };
  // A finer figure than Event Timing's 8 ms steps and 16 ms floor: from the click's timestamp (the mouse
  // button's release) to the task after the next frame (≈ the next paint).
  // Exports: when a download button was clicked and when the app clicked its download link (the file is ready).
  addEventListener('click', (e) => {
    const testid = e.composedPath().find((n) => n.dataset?.testid)?.dataset.testid;
    if (testid?.startsWith('download-')) b.exportClicks.push({ testid, at: e.timeStamp });
  }, true);
  const anchorClick = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function clickAndRecord() {
    if (this.download) b.downloads.push({ name: this.download, at: performance.now() });
    return anchorClick.call(this);
  };
  addEventListener('click', (e) => {
    const start = e.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => b.inp.push(performance.now() - start);
      channel.port2.postMessage(null);
    });
  }, true);
}

async function openRun(browser, target, rate, network = null) {
  // Service workers blocked: the site's would download the whole build into its cache during the measurement.
  const context = await browser.newContext({ locale: 'ja-JP', serviceWorkers: 'block',
    ...(network ? { viewport: { width: 412, height: 823 } } : {}) });
  await context.addInitScript(instrument, target.expected);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  if (network) {
    // The last largest-contentful-paint entry before any input: what a person on this link saw as the main content.
    await context.addInitScript(() => {
      window.__lcp = null;
      new PerformanceObserver((list) => {
        const e = list.getEntries().at(-1);
        const el = e.element;
        window.__lcp = { time: e.startTime, size: e.size, element: el ? `${el.localName}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}` : null };
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  await page.goto(target.url, { timeout: 120_000 });
  await page.waitForFunction(() => window.__bench.readyPainted !== null, null, { timeout: 240_000, polling: 250 });
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null,
    { timeout: 60_000, polling: 250 });
  const load = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
    ready: window.__bench.ready,
    readyPainted: window.__bench.readyPainted,
    cards: window.__bench.cards,
    lcp: window.__lcp ?? null,
  }));
  return { context, page, cdp, load };
}

/** Waits until the page has painted twice and then been idle a little. */
const settle = (page, ms = 50) => page.evaluate((wait) => new Promise((r) => {
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, wait)));
}), ms);

/** IDs of the items shown with status radios (the self-check's items), in page order. */
const answerableIds = (page) => page.evaluate(() => window.__bench.qa('input[type=radio][value=done]')
  .map((el) => el.dataset.testid.replace(/^status-/, '').replace(/-done$/, '')));

function pickSpread(ids, n) {
  if (ids.length <= n) return ids;
  return Array.from({ length: n }, (_, k) => ids[Math.floor((k * ids.length) / n)]);
}

/**
 * A real click (browser input events through CDP, as a person's mouse makes them) on the element with this test ID.
 * By default the mouse is pressed at the element's centre after the locator has scrolled it into view: that is
 * Playwright's locator.click without its hit-target check, which otherwise runs elementsFromPoint inside the
 * pointerdown/pointerup/click handlers and so inside the measured interaction (on the 1,000-item page it added tens
 * of ms at 4×). BENCH_CLICK=locator uses locator.click() itself.
 */
async function realClick(page, testid) {
  const locator = page.getByTestId(testid);
  if (process.env.BENCH_CLICK === 'locator') {
    await locator.click({ timeout: 60_000 });
    return;
  }
  await locator.scrollIntoViewIfNeeded({ timeout: 60_000 });
  await settle(page);
  const box = await locator.boundingBox({ timeout: 60_000 });
  if (!box) throw new Error(`${testid} has no box`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** 3. Toggles an item's status with real clicks and reads Event Timing. */
async function toggleRun(page, ids) {
  const targets = pickSpread(ids, TOGGLES / 2);
  await settle(page, 300);
  await page.evaluate(() => { window.__bench.et.length = 0; window.__bench.inp.length = 0; });
  for (let k = 0; k < TOGGLES; k += 1) {
    const id = targets[k % targets.length];
    const status = k < targets.length ? 'done' : 'partial';
    const testid = `status-${id}-${status}`;
    await realClick(page, testid);
    // Nothing polls the page until the click has been painted: a query running before the next paint would be
    // counted in the interaction.
    await settle(page);
    await page.waitForFunction((t) => window.__bench.q(`[data-testid="${t}"]`)?.checked, testid,
      { timeout: 60_000, polling: 100 });
  }
  await settle(page, 300);
  const { et, inp, answered } = await page.evaluate(() => ({
    et: window.__bench.et, inp: window.__bench.inp, answered: window.__bench.q('[data-testid=answered]')?.textContent,
  }));
  const perInteraction = new Map();
  for (const e of et) {
    if (!e.id) continue;
    const seen = perInteraction.get(e.id) ?? { duration: 0, processing: 0, names: [] };
    seen.duration = Math.max(seen.duration, e.duration);
    seen.processing += e.processing; // handlers of all its events (pointerdown, pointerup, click…)
    seen.names.push(e.name);
    perInteraction.set(e.id, seen);
  }
  const durations = [...perInteraction.values()].map((x) => x.duration);
  const below = Math.max(0, TOGGLES - durations.length);
  for (let i = 0; i < below; i += 1) durations.push(0);
  const clickDurations = et.filter((e) => e.name === 'click').map((e) => e.duration);
  while (clickDurations.length < TOGGLES) clickDurations.push(0);
  return {
    p75: percentile(durations, 75),
    clickP75: percentile(clickDurations, 75),
    processingP75: percentile([...perInteraction.values()].map((x) => x.processing), 75),
    inpFineP75: percentile(inp, 75),
    interactionsMeasured: perInteraction.size,
    interactionsBelowThreshold: below,
    durations,
    inpFine: inp,
    answered,
  };
}

/**
 * On the 1,000-item page, which shows one topic at a time: real clicks on the topic menu, each timed in the page
 * from the click to the next paint (the new topic's ~100 cards are rendered in between). No target.
 */
async function topicSwitchRun(page) {
  const times = [];
  for (const topic of ['physical', 'electronic', 'identify']) {
    await page.evaluate(() => { window.__bench.inp.length = 0; });
    await realClick(page, `show-topic-${topic}`);
    await settle(page);
    await page.waitForFunction((t) => window.__bench.q(`[data-testid="topic-${t}"]`) && window.__bench.inp.length > 0,
      topic, { timeout: 60_000, polling: 100 });
    times.push(await page.evaluate(() => window.__bench.inp[0]));
  }
  return percentile(times, 50);
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Exports of the 1,000-item self-check

async function measureOf(page, name) {
  return page.evaluate((n) => {
    const entries = performance.getEntriesByName(n);
    return entries.length ? entries[entries.length - 1].duration : null;
  }, name);
}

/** Runs on the 1,000-item page right after toggleRun, which has answered 10 items. */
async function exportRun(page) {
  await page.getByTestId('view-files').click({ timeout: 60_000 });
  await page.getByTestId('download-json').waitFor({ timeout: 60_000 });
  await settle(page, 200);
  const out = {};
  const steps = [
    ['json', 'download-json', 'tics:export-json'],
    ['csv', 'download-results-csv', 'tics:export-csv'],
    ['xlsxFirst', 'download-xlsx', 'tics:export-xlsx'],
    ['xlsx', 'download-xlsx', 'tics:export-xlsx'],
  ];
  for (const [key, testid, measure] of steps) {
    const before = await page.evaluate((n) => performance.getEntriesByName(n).length, measure);
    const t0 = Date.now();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 180_000 }),
      page.getByTestId(testid).click({ timeout: 180_000 }),
    ]);
    const wall = Date.now() - t0;
    const file = await download.path();
    const bytes = file ? statSync(file).size : null;
    // The measure may be recorded just after the download starts (e.g. when the worker's reply is handled).
    await page.waitForFunction(([n, c]) => performance.getEntriesByName(n).length > c, [measure, before],
      { timeout: 5_000, polling: 50 }).catch(() => {});
    const timed = await measureOf(page, measure);
    // In the page, from the button's click to the app's click on the download link.
    const inPage = await page.evaluate(() => {
      const click = window.__bench.exportClicks.at(-1);
      const file = window.__bench.downloads.at(-1);
      return click && file && file.at >= click.at ? file.at - click.at : null;
    });
    out[key] = { measure: timed !== null ? timed : null, inPage, wall, bytes, file: download.suggestedFilename() };
    if (key.startsWith('xlsx')) out[key].tables = await measureOf(page, 'tics:export-tables');
    await settle(page, 200);
  }
  return out;
}

function summariseExports(rate, runs) {
  if (!runs.length) return;
  const xlsxMeasured = runs.every((r) => r.xlsx.measure !== null && r.xlsxFirst.measure !== null);
  const inPage = (key) => summary(runs.map((r) => r[key].inPage));
  results.exports[rate] = {
    json: summary(runs.map((r) => r.json.measure)),
    csv: summary(runs.map((r) => r.csv.measure)),
    xlsxFirst: summary(runs.map((r) => (xlsxMeasured ? r.xlsxFirst.measure : r.xlsxFirst.inPage))),
    xlsx: summary(runs.map((r) => (xlsxMeasured ? r.xlsx.measure : r.xlsx.inPage))),
    tables: summary(runs.map((r) => r.xlsx.tables)),
    clickToFile: { json: inPage('json'), csv: inPage('csv'), xlsxFirst: inPage('xlsxFirst'), xlsx: inPage('xlsx') },
    xlsxSource: xlsxMeasured ? 'tics:export-xlsx' : 'click→file, no tics:export-xlsx',
    bytes: Object.fromEntries(Object.entries(runs[0]).map(([k, v]) => [k, v.bytes])),
    runs,
  };
  if (!xlsxMeasured) {
    results.notes.push(`${rate}×: the page recorded no 'tics:export-xlsx' measure; the Excel figures are the time in the page from the button's click to the app's click on the download link`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 5. Memory after a full self-check

async function memoryRun(page, cdp, entryUrl) {
  const startWasm = entryUrl ? await page.evaluate(async (u) => (await import(u)).wasmMemoryBytes(), entryUrl) : null;
  // Every topic in turn when the catalogue is shown one topic at a time.
  const total = await page.evaluate(async () => {
    const b = window.__bench;
    const topics = b.qa('[data-testid^="show-topic-"]').map((el) => el.dataset.testid);
    let n = 0;
    for (const topic of topics.length ? topics : [null]) {
      if (topic) {
        b.q(`[data-testid="${topic}"]`).click();
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      }
      const radios = b.qa('input[type=radio][value=done]:not(:checked)');
      for (const r of radios) r.click();
      n += radios.length;
    }
    return n;
  });
  await page.waitForFunction((n) => window.__bench.q('[data-testid=answered]')?.textContent.trim().startsWith(`${n} /`),
    total, { timeout: 240_000, polling: 250 });
  await settle(page, 500);
  await cdp.send('HeapProfiler.collectGarbage');
  await settle(page, 100);
  return page.evaluate(async ([u, n, w0]) => ({
    answered: window.__bench.q('[data-testid=answered]')?.textContent.trim(),
    items: n,
    wasmAtStart: w0,
    wasm: u ? (await import(u)).wasmMemoryBytes() : null,
    jsHeapUsed: performance.memory?.usedJSHeapSize ?? null,
    jsHeapTotal: performance.memory?.totalJSHeapSize ?? null,
  }), [entryUrl, total, startWasm]);
}

// ---------------------------------------------------------------------------------------------------------------
// 6. Lighthouse

const LH_CLI = path.join(ROOT, 'node_modules/lighthouse/cli/index.js');
let lighthouseChild = null; // the running Lighthouse process, ended if the watchdog fires

function runLighthouse(url, preset, tag) {
  const out = path.join(os.tmpdir(), `tics-bench-lh-${process.pid}-${tag}.json`);
  const args = [LH_CLI, url, '--output=json', `--output-path=${out}`, '--quiet',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    '--only-categories=performance,accessibility,best-practices'];
  if (preset === 'desktop') args.push('--preset=desktop');
  return new Promise((resolve) => {
    let stderr = '';
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: CHROMIUM },
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 240_000,
    });
    lighthouseChild = child;
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', (e) => resolve({ error: `could not start Lighthouse: ${e.message}` }));
    child.on('close', (code, signal) => {
      lighthouseChild = null;
      if (code !== 0 || !existsSync(out)) {
        resolve({ error: `Lighthouse exited with ${signal ?? code}: ${stderr.trim().split('\n').slice(-5).join(' | ')}` });
        return;
      }
      try {
        const lhr = JSON.parse(readFileSync(out, 'utf8'));
        rmSync(out, { force: true });
        if (lhr.runtimeError) {
          resolve({ error: `Lighthouse runtime error: ${lhr.runtimeError.code} ${lhr.runtimeError.message}` });
          return;
        }
        const score = (c) => (lhr.categories[c]?.score ?? null) === null ? null : Math.round(lhr.categories[c].score * 100);
        const metric = (id) => lhr.audits[id]?.numericValue ?? null;
        const failing = [];
        for (const c of ['performance', 'accessibility', 'best-practices']) {
          for (const ref of lhr.categories[c]?.auditRefs ?? []) {
            const a = lhr.audits[ref.id];
            if (ref.weight > 0 && a && a.score !== null && a.score < 1) {
              failing.push({ category: c, id: ref.id, score: a.score, weight: ref.weight, value: a.displayValue ?? '' });
            }
          }
        }
        resolve({
          lighthouseVersion: lhr.lighthouseVersion,
          performance: score('performance'),
          accessibility: score('accessibility'),
          bestPractices: score('best-practices'),
          metrics: {
            fcp: metric('first-contentful-paint'), lcp: metric('largest-contentful-paint'),
            tbt: metric('total-blocking-time'), speedIndex: metric('speed-index'), cls: metric('cumulative-layout-shift'),
            interactive: metric('interactive'), totalByteWeight: metric('total-byte-weight'),
            bootupTime: metric('bootup-time'), mainThreadWork: metric('mainthread-work-breakdown'),
          },
          failing,
          lcpElement: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? null,
          runWarnings: lhr.runWarnings ?? [],
        });
      } catch (e) {
        resolve({ error: `could not read Lighthouse's report: ${e.message}` });
      }
    });
  });
}

/** Copies a folder with every file compressed by `encode` (a Buffer → Buffer function). */
function encodedCopy(from, to, encode) {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const src = path.join(from, name);
    if (statSync(src).isDirectory()) encodedCopy(src, path.join(to, name), encode);
    else writeFileSync(path.join(to, name), encode(readFileSync(src)));
  }
}

async function lighthouseRuns(url, preset, runs, tag) {
  const out = [];
  for (let i = 0; i < runs; i += 1) {
    if (elapsed() > TIME_LIMIT_MS - 60_000) {
      results.notes.push(`Lighthouse ${preset} (${tag}): stopped after ${out.length} runs to stay within the time limit`);
      break;
    }
    log(`lighthouse ${preset} (${tag}) run ${i + 1}/${runs}`);
    const r = await runLighthouse(url, preset, `${tag}-${preset}-${i}`);
    out.push(r);
    if (r.error) { log(r.error); break; }
  }
  const ok = out.filter((r) => !r.error);
  return {
    runs: out,
    error: ok.length ? undefined : out.find((r) => r.error)?.error ?? 'no run',
    performance: median(ok.map((r) => r.performance)),
    accessibility: median(ok.map((r) => r.accessibility)),
    bestPractices: median(ok.map((r) => r.bestPractices)),
    metrics: Object.fromEntries(Object.keys(ok[0]?.metrics ?? {}).map((k) => [k, median(ok.map((r) => r.metrics[k]))])),
  };
}

// The scored runs get the build the way a static host serves it: every file gzip -9 encoded on the wire (the
// publishing notes in docs/EMBEDDING.md ask for compression; gzip is what every host offers, brotli is smaller
// still). Diagnostics: one run per preset without any compression, and the mobile runs again with brotli.
async function lighthouseSection(gzipUrl, plainUrl, brotliUrl) {
  if (process.env.BENCH_SKIP_LIGHTHOUSE) {
    results.lighthouse.skipped = 'BENCH_SKIP_LIGHTHOUSE is set';
    return;
  }
  if (!existsSync(LH_CLI)) {
    results.lighthouse.skipped = `Lighthouse cannot run: ${path.relative(ROOT, LH_CLI)} is missing (run npm install)`;
    return;
  }
  const [major, minor] = process.versions.node.split('.').map(Number);
  results.lighthouse.engines = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8')).engines?.node;
  results.lighthouse.node = `${major}.${minor}`;
  results.lighthouse.served = 'gzip -9 on the wire';
  results.lighthouse.url = gzipUrl;
  for (const preset of ['mobile', 'desktop']) results.lighthouse[preset] = await lighthouseRuns(gzipUrl, preset, LH_RUNS, 'gzip');
  results.lighthouse.uncompressedDiagnostic = {};
  for (const preset of ['mobile', 'desktop']) {
    if (elapsed() > TIME_LIMIT_MS - 90_000) break;
    results.lighthouse.uncompressedDiagnostic[preset] = await lighthouseRuns(plainUrl, preset, 1, 'uncompressed');
  }
  if (brotliUrl && elapsed() < TIME_LIMIT_MS - 240_000) {
    results.lighthouse.brotliDiagnostic = { mobile: await lighthouseRuns(brotliUrl, 'mobile', LH_RUNS, 'brotli') };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The table

function buildRows() {
  const rows = [];
  const row = (r) => rows.push(r);
  const verdict = (ok) => (ok === null || ok === undefined ? 'n/a' : ok ? 'met' : 'MISSED');
  const s = results.sizes;
  if (s.app) {
    row({ measure: 'startup download, brotli q11', rate: '', app: fmtBytes(s.app.total.brotli), baseline: fmtBytes(s.baseline.total.brotli),
      ratio: fmtRatio(s.app.total.brotli / s.baseline.total.brotli), target: '≤ 120 KB', verdict: verdict(s.app.total.brotli <= 120_000) });
    row({ measure: 'startup download, gzip -9', rate: '', app: fmtBytes(s.app.total.gzip), baseline: fmtBytes(s.baseline.total.gzip),
      ratio: fmtRatio(s.app.total.gzip / s.baseline.total.gzip), target: '', verdict: '' });
    row({ measure: 'startup download, raw', rate: '', app: fmtBytes(s.app.total.raw), baseline: fmtBytes(s.baseline.total.raw),
      ratio: fmtRatio(s.app.total.raw / s.baseline.total.raw), target: '', verdict: '' });
    if (s.siteStart) {
      row({ measure: `  site page business/self-check/: all ${s.siteStart.files.length} files at start, brotli`, rate: '',
        app: fmtBytes(s.siteStart.total.brotli), baseline: fmtBytes(s.baseline.total.brotli), ratio: fmtRatio(s.siteStart.total.brotli / s.baseline.total.brotli),
        target: '', verdict: '' });
    }
    row({ measure: 'Excel worker (lazy), brotli / raw', rate: '', app: `${fmtBytes(s.excelWorker.total.brotli)} / ${fmtBytes(s.excelWorker.total.raw)}`,
      baseline: '', ratio: '', target: '', verdict: '' });
    if (s.markdownWorker) {
      row({ measure: 'Markdown worker (lazy, overlays only), brotli / raw', rate: '',
        app: `${fmtBytes(s.markdownWorker.total.brotli)} / ${fmtBytes(s.markdownWorker.total.raw)}`,
        baseline: '', ratio: '', target: '', verdict: '' });
    }
    if (s.guidance) {
      row({ measure: 'guidance file (lazy), brotli / raw', rate: '', app: `${fmtBytes(s.guidance.total.brotli)} / ${fmtBytes(s.guidance.total.raw)}`,
        baseline: '', ratio: '', target: '', verdict: '' });
    }
  }
  for (const rate of RATES) {
    const L = results.load[rate];
    if (!L) continue;
    for (const [key, label, target] of [['fcp', 'first contentful paint', true], ['ready', 'catalogue ready (all cards in DOM)', true],
      ['readyPainted', '  catalogue ready, then next paint', false]]) {
      const a = L.app?.[key]?.median;
      const b = L.baseline?.[key]?.median;
      row({ measure: label, rate: `${rate}×`, app: fmtMs(a), baseline: fmtMs(b), ratio: fmtRatio(a / b),
        target: target ? '≤ 2× baseline' : '', verdict: target ? verdict(a == null || b == null ? null : a <= 2 * b) : '' });
    }
    for (const [key, label] of [['fcp', 'first contentful paint, 1,000 items'], ['ready', 'catalogue ready, 1,000 items']]) {
      row({ measure: label, rate: `${rate}×`, app: fmtMs(L.thousand?.[key]?.median), baseline: '', ratio: '', target: '', verdict: '' });
    }
  }
  const S = results.slowStart;
  if (S) {
    for (const [key, label] of [['fcp', 'slow mobile link (gzip), first contentful paint'],
      ['lcp', 'slow mobile link (gzip), largest contentful paint'], ['ready', 'slow mobile link (gzip), catalogue ready']]) {
      const x = S.app?.[key]?.median;
      const y = S.baseline?.[key]?.median;
      const what = key === 'lcp' ? ` (${S.app?.lcpElements?.join(', ')})` : '';
      row({ measure: label, rate: '4×', app: `${fmtMs(x)}${what}`, baseline: fmtMs(y), ratio: fmtRatio(x / y), target: '', verdict: '' });
    }
  }
  for (const rate of RATES) {
    const T = results.toggle[rate];
    if (!T) continue;
    const a = T.app?.p75?.median;
    const b = T.baseline?.p75?.median;
    const af = T.app?.inpFineP75?.median;
    const bf = T.baseline?.inpFineP75?.median;
    // When Event Timing cannot resolve the baseline (below 16 ms, or in the lowest bucket 16–23 ms), compare the
    // in-page figures instead.
    const fine = b !== null && b !== undefined && b <= ET_THRESHOLD;
    const ratio = fine ? af / bf : a / b;
    row({ measure: 'toggle status p75 (Event Timing)', rate: `${rate}×`, app: fmtEt(a), baseline: fmtEt(b),
      ratio: fine ? `${fmtRatio(ratio)} (in-page)` : fmtRatio(ratio), target: '≤ 1.5× baseline',
      verdict: verdict(a == null || b == null ? null : ratio <= 1.5) });
    row({ measure: '  in-page input→next paint p75', rate: `${rate}×`, app: fmtMs(af), baseline: fmtMs(bf),
      ratio: fmtRatio(af / bf), target: '', verdict: '' });
    row({ measure: '  event processing p75 (handlers + render)', rate: `${rate}×`, app: fmtMs(T.app?.processingP75?.median),
      baseline: fmtMs(T.baseline?.processingP75?.median), ratio: '', target: '', verdict: '' });
    if (rate === 4) {
      row({ measure: 'toggle status p75 (Event Timing)', rate: '4×', app: fmtEt(a), baseline: '', ratio: '', target: '≤ 50 ms',
        verdict: verdict(a == null ? null : a <= 50) });
    }
    const k = T.thousand?.p75?.median;
    row({ measure: 'toggle status p75, 1,000 items', rate: `${rate}×`, app: fmtEt(k), baseline: '', ratio: '',
      target: rate === 4 ? '≤ 100 ms' : '', verdict: rate === 4 ? verdict(k == null ? null : k <= 100) : '' });
    row({ measure: '  in-page input→next paint p75, 1,000', rate: `${rate}×`, app: fmtMs(T.thousand?.inpFineP75?.median),
      baseline: '', ratio: '', target: '', verdict: '' });
    row({ measure: '  event processing p75, 1,000', rate: `${rate}×`, app: fmtMs(T.thousand?.processingP75?.median),
      baseline: '', ratio: '', target: '', verdict: '' });
    row({ measure: 'show another topic, 1,000 items (in-page input→next paint)', rate: `${rate}×`,
      app: fmtMs(T.thousand?.topicSwitch?.median), baseline: '', ratio: '', target: '', verdict: '' });
  }
  for (const rate of RATES) {
    const E = results.exports[rate];
    if (!E) continue;
    const ex = (key) => E[key]?.median ?? null;
    const xlsxSource = E.xlsxSource ? ` (${E.xlsxSource})` : '';
    row({ measure: 'export JSON, 1,000 items (tics:export-json)', rate: `${rate}×`, app: fmtMs(ex('json')), baseline: '', ratio: '',
      target: '≤ 50 ms', verdict: verdict(ex('json') == null ? null : ex('json') <= 50) });
    row({ measure: 'export CSV, 1,000 items (tics:export-csv)', rate: `${rate}×`, app: fmtMs(ex('csv')), baseline: '', ratio: '',
      target: '≤ 50 ms', verdict: verdict(ex('csv') == null ? null : ex('csv') <= 50) });
    row({ measure: `export Excel, warm worker${xlsxSource}`, rate: `${rate}×`, app: fmtMs(ex('xlsx')), baseline: '', ratio: '',
      target: '≤ 200 ms', verdict: verdict(ex('xlsx') == null ? null : ex('xlsx') <= 200) });
    row({ measure: `export Excel, first (loads worker)${xlsxSource}`, rate: `${rate}×`, app: fmtMs(ex('xlsxFirst')), baseline: '',
      ratio: '', target: '', verdict: '' });
    row({ measure: '  Excel tables in page (tics:export-tables)', rate: `${rate}×`, app: fmtMs(ex('tables')), baseline: '',
      ratio: '', target: '', verdict: '' });
    const c = E.clickToFile ?? {};
    row({ measure: '  click→file JSON / CSV / Excel warm', rate: `${rate}×`,
      app: `${fmtMs(c.json?.median)} / ${fmtMs(c.csv?.median)} / ${fmtMs(c.xlsx?.median)}`, baseline: '', ratio: '', target: '', verdict: '' });
  }
  const M = results.memory;
  if (M.app) {
    row({ measure: `wasm memory, full self-check (${M.app.items} items)`, rate: '1×', app: fmtMiB(M.app.wasm?.median), baseline: '',
      ratio: '', target: '', verdict: '' });
    row({ measure: `JS heap used, full self-check`, rate: '1×', app: fmtMiB(M.app.jsHeapUsed?.median),
      baseline: fmtMiB(M.baseline?.jsHeapUsed?.median), ratio: fmtRatio(M.app.jsHeapUsed?.median / M.baseline?.jsHeapUsed?.median),
      target: '', verdict: '' });
  }
  if (M.thousand) {
    row({ measure: `wasm memory, full self-check (${M.thousand.items} items)`, rate: '1×', app: fmtMiB(M.thousand.wasm?.median),
      baseline: '', ratio: '', target: '', verdict: '' });
    row({ measure: `JS heap used, full self-check (${M.thousand.items} items)`, rate: '1×', app: fmtMiB(M.thousand.jsHeapUsed?.median),
      baseline: '', ratio: '', target: '', verdict: '' });
  }
  const LH = results.lighthouse;
  for (const preset of ['mobile', 'desktop']) {
    const r = LH[preset];
    if (!r) {
      if (LH.skipped) row({ measure: `Lighthouse ${preset}`, rate: '', app: 'not run', baseline: '', ratio: '', target: '', verdict: LH.skipped });
      continue;
    }
    if (r.error) {
      row({ measure: `Lighthouse ${preset}`, rate: '', app: 'failed', baseline: '', ratio: '', target: '≥ 95 / 100 / 100', verdict: r.error });
      continue;
    }
    for (const [key, label, target] of [['performance', 'performance', 95], ['accessibility', 'accessibility', 100],
      ['bestPractices', 'best-practices', 100]]) {
      row({ measure: `Lighthouse ${preset}, gzip: ${label}`, rate: '', app: r[key] ?? 'n/a', baseline: '', ratio: '',
        target: `≥ ${target}`, verdict: verdict(r[key] == null ? null : r[key] >= target) });
    }
  }
  const b = LH.brotliDiagnostic?.mobile;
  if (b && !b.error) {
    row({ measure: `  Lighthouse mobile, brotli (diagnostic, ${b.runs.length} runs)`, rate: '', app: `${b.performance} / ${b.accessibility} / ${b.bestPractices}`,
      baseline: '', ratio: '', target: '', verdict: '' });
  }
  for (const preset of ['mobile', 'desktop']) {
    const g = LH.uncompressedDiagnostic?.[preset];
    if (g && !g.error) {
      row({ measure: `  Lighthouse ${preset}, served uncompressed (diagnostic, 1 run)`, rate: '', app: `${g.performance} / ${g.accessibility} / ${g.bestPractices}`,
        baseline: '', ratio: '', target: '', verdict: '' });
    }
  }
  return rows;
}

function printTable(rows) {
  const cols = [['measure', 'figure'], ['rate', 'CPU'], ['app', 'app'], ['baseline', 'baseline'], ['ratio', 'app/base'],
    ['target', 'target'], ['verdict', 'verdict']];
  const width = cols.map(([k, h]) => Math.max(h.length, ...rows.map((r) => String(r[k] ?? '').length)));
  const line = (cells) => cells.map((c, i) => String(c ?? '').padEnd(width[i])).join(' | ').trimEnd();
  const out = [line(cols.map(([, h]) => h)), width.map((w) => '-'.repeat(w)).join('-|-')];
  for (const r of rows) out.push(line(cols.map(([k]) => r[k])));
  return out.join('\n');
}

function report(final) {
  results.elapsedSeconds = Math.round(elapsed() / 1000);
  results.complete = final;
  results.table = buildRows();
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  const m = results.machine;
  console.log(`\nTICS Self-Check benchmark — ${results.date}${final ? '' : ' (INCOMPLETE: stopped early)'}`);
  console.log(`machine: ${m.nproc} cores, ${m.cpu}, ${m.memory}; ${m.chromium}; node ${process.versions.node}`);
  console.log(`build: ${results.manifest?.entry ?? '?'} (commit ${results.commit ?? 'unknown'})`);
  const loads = results.loadAverage.samples.map((x) => x.load1).filter((x) => x !== null);
  if (loads.length) {
    console.log(`load average (1 min): ${loads[0]} at the start, at most ${Math.max(...loads)} during the run ` +
      `(the bench itself accounts for about 1–2 on this machine)${loads[0] >= 1 ? ' — WARNING: other work was running; timings are disturbed' : ''}`);
  }
  console.log(`medians of ${RUNS} runs per figure and CPU rate (fresh browser context each), ${TOGGLES} toggles per run; ` +
    `Lighthouse median of ${LH_RUNS}; KB = 1,000 bytes; MiB = 1,048,576 bytes\n`);
  console.log(printTable(results.table));
  const s = results.sizes;
  if (s.app) {
    console.log('\nstartup files (raw / gzip -9 / brotli q11):');
    for (const group of ['app', 'siteStart', 'siteShell', 'excelWorker', 'guidance', 'baseline']) {
      for (const f of s[group]?.files ?? []) {
        console.log(`  ${group.padEnd(11)} ${f.label.padEnd(42)} ${String(f.raw).padStart(9)} ${String(f.gzip).padStart(9)} ${String(f.brotli).padStart(9)}  ${f.file}`);
      }
    }
  }
  const w = results.wasm;
  if (w?.sections) {
    const sec = w.sections;
    console.log(`\n.wasm sections (raw / brotli q11): code ${sec.code.raw} / ${sec.code.brotli}, data ${sec.data.raw} / ${sec.data.brotli}, ` +
      `other ${sec.other.raw} / ${sec.other.brotli}`);
    const show = (title, rows) => {
      if (!rows) return;
      console.log(title);
      for (const r of rows.slice(0, 12)) console.log(`  ${String(r.bytes).padStart(8)} ${r.percent.toFixed(2).padStart(6)}%  ${r.item.slice(0, 110)}`);
    };
    show('twiggy top (dist .wasm, first 12 of 25 in results.json):', w.twiggy);
    show('twiggy top (same build before wasm-opt, with names):', w.namedBuild?.twiggy);
    if (w.namedBuild?.missing) console.log(`named .wasm: ${w.namedBuild.missing}`);
  }
  if (results.lighthouse.mobile || results.lighthouse.desktop) {
    console.log(`\nLighthouse metrics (median runs; served ${results.lighthouse.served}):`);
    for (const [preset, r] of [['mobile', results.lighthouse.mobile], ['desktop', results.lighthouse.desktop],
      ['mobile, brotli', results.lighthouse.brotliDiagnostic?.mobile]]) {
      if (!r?.metrics) continue;
      const mm = r.metrics;
      console.log(`  ${preset}: FCP ${fmtMs(mm.fcp)}, LCP ${fmtMs(mm.lcp)}, TBT ${fmtMs(mm.tbt)}, Speed Index ${fmtMs(mm.speedIndex)}, ` +
        `CLS ${mm.cls?.toFixed(3)}, bytes ${fmtBytes(mm.totalByteWeight)}`);
      const failing = new Map();
      for (const run of r.runs) for (const f of run.failing ?? []) failing.set(`${f.category}: ${f.id}`, f.value);
      if (failing.size) console.log(`    audits below 1 in any run: ${[...failing].map(([k, v]) => (v ? `${k} (${v})` : k)).join('; ')}`);
      console.log(`    runs (performance, LCP, LCP element): ${r.runs.filter((x) => !x.error).map((x) => `${x.performance} ${fmtMs(x.metrics.lcp)} ${x.lcpElement?.slice(0, 40) ?? '?'}`).join(' | ')}`);
    }
  }
  for (const n of results.notes) console.log(`note: ${n}`);
  console.log(`\nwritten: ${path.relative(ROOT, RESULTS_FILE)} (${results.elapsedSeconds} s)`);
}

// ---------------------------------------------------------------------------------------------------------------

function machineInfo(browserVersion) {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const cpu = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  let nproc = os.availableParallelism?.() ?? os.cpus().length;
  try { nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()); } catch { /* keep os's figure */ }
  return { nproc, cpu, memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`, chromium: `Chromium ${browserVersion}`,
    node: process.versions.node, os: `${os.type()} ${os.release()}` };
}

async function main() {
  const manifestFile = path.join(DIST, 'widget-manifest.json');
  if (!existsSync(manifestFile)) {
    console.error('bench: dist/widget-manifest.json is missing; build first: trunk build --release --offline');
    process.exit(1);
  }
  const quiet = Number(process.env.BENCH_WAIT_QUIET_S ?? 0) * 1000;
  while (quiet && elapsed() < quiet && loadAverage() >= 1) {
    log(`waiting for a quiet machine: load average ${loadAverage()}`);
    execFileSync('sleep', ['10']);
  }
  results.waitedForQuietSeconds = Math.round(elapsed() / 1000);
  STARTED = Date.now();
  sampleLoad('start');
  const { dir: snap, manifest } = snapshot();
  process.on('exit', () => rmSync(snap, { recursive: true, force: true }));
  results.manifest = { entry: manifest.entry, files: Object.keys(manifest.files) };
  try {
    const head = execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['-C', ROOT, 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
    results.commit = `${head}${dirty ? ' (with uncommitted changes)' : ''}`;
  } catch { /* not a git checkout */ }
  results.sizes = measureSizes(snap, manifest);
  const wasmFile = path.join(snap, 'dist', Object.keys(manifest.files).find((f) => f.endsWith('_bg.wasm')));
  results.wasm = { sections: wasmSections(wasmFile), twiggy: twiggyTop(wasmFile) };
  const namedWasm = path.join(snap, 'named_bg.wasm');
  if (existsSync(namedWasm)) {
    results.wasm.namedBuild = { file: 'target/wasm-bindgen/release/tics-self-check_bg.wasm', raw: statSync(namedWasm).size, twiggy: twiggyTop(namedWasm) };
  } else {
    results.wasm.namedBuild = { missing: 'target/wasm-bindgen/release is from another build than dist/ (or missing)' };
  }
  log(`snapshot of dist/ (${manifest.entry}) taken; sizes measured`);

  const watchdog = setTimeout(() => {
    results.notes.push(`stopped by the time limit of ${TIME_LIMIT_MS / 1000} s; figures above are from the runs that finished`);
    lighthouseChild?.kill('SIGTERM');
    try { report(false); } finally { process.exit(0); }
  }, TIME_LIMIT_MS);
  watchdog.unref();

  const dist = await startServer(path.join(snap, 'dist'));
  const repo = await startServer(snap); // bench/ and dist/ on one origin, and content/catalogue.json for the baseline
  // The same snapshot with every file encoded as a static host sends it: gzip -9 (and brotli for a diagnostic).
  const encodedServer = async (encoding, encode) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), `tics-bench-${encoding}-`));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    encodedCopy(path.join(snap, 'dist'), path.join(dir, 'dist'), encode);
    encodedCopy(path.join(snap, 'bench'), path.join(dir, 'bench'), encode);
    encodedCopy(path.join(snap, 'content'), path.join(dir, 'content'), encode);
    return startServer(dir, { 'content-encoding': encoding });
  };
  const gz = await encodedServer('gzip', (b) => zlib.gzipSync(b, { level: 9 }));
  const br = await encodedServer('br', brotli);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
  results.machine = machineInfo(browser.version());
  const targets = {
    app: { url: `${dist.origin}/business/self-check/`, expected: 103 },
    baseline: { url: `${repo.origin}/bench/baseline.html`, expected: 103 },
    // Shown one topic at a time: ready when the first topic's last card (bench-0890) is in the DOM.
    thousand: { url: `${repo.origin}/bench/thousand.html`, expected: '[data-testid="item-bench-0890"]' },
  };
  const entryUrl = `${dist.origin}/${manifest.entry}`;
  const thousandEntryUrl = `${repo.origin}/dist/${manifest.entry}`;

  try {
    // Warm-up (discarded): fills the OS file cache and checks every page works; the app tells which items it asks.
    const ids = {};
    for (const kind of ['app', 'baseline', 'thousand']) {
      const before = dist.requests.length;
      const run = await openRun(browser, targets[kind], 1);
      ids[kind] = await answerableIds(run.page);
      if (kind === 'app') {
        // Everything the site's self-check page fetched until its catalogue was ready (and 0.5 s more).
        await settle(run.page, 500);
        const files = [...new Set(dist.requests.slice(before))].map((p) => (p.endsWith('/') ? `${p}index.html` : p))
          .map((p) => path.join(snap, 'dist', decodeURIComponent(p))).filter((f) => existsSync(f));
        results.sizes.siteStart = sizeGroup(snap, files.map((f) => [path.basename(f), f]));
      }
      if (run.page.errors.length) results.notes.push(`${kind}: page errors: ${run.page.errors.join('; ')}`);
      await run.context.close();
      log(`warm-up ${kind}: ${run.load.cards} cards, ${ids[kind].length} answerable`);
    }
    // The baseline toggles the same items as the app.
    const baselineIds = ids.app.filter((id) => ids.baseline.includes(id));
    results.toggledItems = { app: pickSpread(ids.app, TOGGLES / 2), thousand: pickSpread(ids.thousand, TOGGLES / 2) };

    // 2 + 3: load, then toggles, in the same fresh context; kinds alternate order between runs.
    for (const rate of RATES) {
      const load = { app: [], baseline: [], thousand: [] };
      const toggle = { app: [], baseline: [], thousand: [] };
      const exportRuns = [];
      for (let i = 0; i < RUNS; i += 1) {
        const order = i % 2 ? ['baseline', 'app', 'thousand'] : ['app', 'baseline', 'thousand'];
        for (const kind of order) {
          const run = await openRun(browser, targets[kind], rate);
          load[kind].push(run.load);
          const t = await toggleRun(run.page, kind === 'baseline' ? baselineIds : ids[kind]);
          toggle[kind].push(t);
          log(`${rate}× run ${i + 1}/${RUNS} ${kind}: fcp ${fmtMs(run.load.fcp)}, ready ${fmtMs(run.load.ready)}, ` +
            `toggle p75 ${fmtEt(t.p75)} (${t.interactionsMeasured} ≥16 ms), in-page ${fmtMs(t.inpFineP75)}, answered ${t.answered}`);
          if (kind === 'thousand') {
            t.topicSwitch = await topicSwitchRun(run.page);
            log(`${rate}× run ${i + 1}/${RUNS} show another topic: ${fmtMs(t.topicSwitch)}`);
            // 4: exports of the 1,000-item self-check, on the same page now that items are answered.
            const e = await exportRun(run.page);
            exportRuns.push(e);
            log(`${rate}× run ${i + 1}/${RUNS} exports: json ${fmtMs(e.json.measure)}, csv ${fmtMs(e.csv.measure)}, ` +
              `xlsx first ${fmtMs(e.xlsxFirst.measure ?? e.xlsxFirst.inPage)}, xlsx ${fmtMs(e.xlsx.measure ?? e.xlsx.inPage)}` +
              `${e.xlsx.measure === null ? ' (no tics:export-xlsx measure: click→download link)' : ''}`);
          }
          await run.context.close();
        }
      }
      summariseExports(rate, exportRuns);
      sampleLoad(`load, toggle and export runs at ${rate}×`);
      results.load[rate] = Object.fromEntries(Object.entries(load).map(([k, runs]) => [k, {
        fcp: summary(runs.map((r) => r.fcp)), ready: summary(runs.map((r) => r.ready)),
        readyPainted: summary(runs.map((r) => r.readyPainted)), cards: runs[0]?.cards,
      }]));
      results.toggle[rate] = Object.fromEntries(Object.entries(toggle).map(([k, runs]) => [k, {
        p75: summary(runs.map((r) => r.p75)),
        clickP75: summary(runs.map((r) => r.clickP75)),
        processingP75: summary(runs.map((r) => r.processingP75)),
        inpFineP75: summary(runs.map((r) => r.inpFineP75)),
        topicSwitch: summary(runs.map((r) => r.topicSwitch ?? null)),
        runs,
      }]));
    }

    // 5: memory after a full self-check (1×).
    const memory = { app: [], baseline: [], thousand: [] };
    for (let i = 0; i < RUNS; i += 1) {
      for (const kind of ['app', 'baseline', 'thousand']) {
        const run = await openRun(browser, targets[kind], 1);
        const entry = kind === 'app' ? entryUrl : kind === 'thousand' ? thousandEntryUrl : null;
        memory[kind].push(await memoryRun(run.page, run.cdp, entry));
        await run.context.close();
      }
      log(`memory run ${i + 1}/${RUNS}: app wasm ${fmtMiB(memory.app.at(-1).wasm)} heap ${fmtMiB(memory.app.at(-1).jsHeapUsed)}; ` +
        `baseline heap ${fmtMiB(memory.baseline.at(-1).jsHeapUsed)}; 1,000 wasm ${fmtMiB(memory.thousand.at(-1).wasm)} ` +
        `heap ${fmtMiB(memory.thousand.at(-1).jsHeapUsed)} (${memory.thousand.at(-1).answered})`);
    }
    sampleLoad('memory runs');
    for (const [k, runs] of Object.entries(memory)) {
      results.memory[k] = {
        items: runs[0]?.items,
        answered: runs[0]?.answered,
        wasmAtStart: summary(runs.map((r) => r.wasmAtStart)),
        wasm: summary(runs.map((r) => r.wasm)),
        jsHeapUsed: summary(runs.map((r) => r.jsHeapUsed)),
        jsHeapTotal: summary(runs.map((r) => r.jsHeapTotal)),
      };
    }

    // 7: the self-check page as a phone on a slow link gets it: Lighthouse's mobile network throttling applied
    // for real (not simulated), 4× CPU, files gzip-encoded. No target; it shows what the download costs.
    const slow = { app: [], baseline: [] };
    const slowUrls = { app: `${gz.origin}/dist/business/self-check/`, baseline: `${gz.origin}/bench/baseline.html` };
    for (let i = 0; i < RUNS; i += 1) {
      for (const kind of ['app', 'baseline']) {
        const run = await openRun(browser, { ...targets[kind], url: slowUrls[kind] }, 4, SLOW_MOBILE);
        slow[kind].push(run.load);
        await run.context.close();
      }
      log(`slow-link run ${i + 1}/${RUNS}: app FCP ${fmtMs(slow.app.at(-1).fcp)} ready ${fmtMs(slow.app.at(-1).ready)}; ` +
        `baseline FCP ${fmtMs(slow.baseline.at(-1).fcp)} ready ${fmtMs(slow.baseline.at(-1).ready)}`);
    }
    results.slowStart = Object.fromEntries(Object.entries(slow).map(([k, runs]) => [k, {
      fcp: summary(runs.map((r) => r.fcp)), ready: summary(runs.map((r) => r.ready)),
      lcp: summary(runs.map((r) => r.lcp?.time ?? null)), lcpElements: [...new Set(runs.map((r) => r.lcp?.element))],
    }]));
    sampleLoad('slow-link runs');
  } finally {
    await browser.close();
  }

  // 6: Lighthouse, against the site's self-check page on this machine (content pages: scripts/bench-lighthouse.mjs).
  try {
    await lighthouseSection(`${gz.origin}/dist/business/self-check/`, `${dist.origin}/business/self-check/`,
      `${br.origin}/dist/business/self-check/`);
  } catch (e) {
    results.lighthouse.error = String(e);
  }
  sampleLoad('Lighthouse runs');
  await dist.close();
  await repo.close();
  await gz.close();
  await br.close();
  report(true);
}

main().then(() => process.exit(0), (e) => {
  console.error('bench: failed:', e);
  results.notes.push(`failed: ${e?.message ?? e}`);
  lighthouseChild?.kill('SIGTERM');
  try { report(false); } catch { /* nothing more to print */ }
  process.exit(1);
});
