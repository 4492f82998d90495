#!/usr/bin/env node
// How long each template (the six Excel registers, the four pledges and the rules in Word) takes to make once its
// worker is loaded, at 4× CPU throttling, and the workers' sizes. Issue 11's bar: each ≤ 300 ms.
//
//   trunk build --release --offline && node scripts/bench-documents.mjs
//
// Prints one line per template (median of BENCH_RUNS clicks, default 5, after one warm-up click that loads the
// worker) from the app's User Timing measures: tics:export-xlsx for the registers (the worker's round trip; the
// tables are made in the page just before), tics:export-docx for the Word documents. DevTools' CPU throttling does
// not fully slow a worker's thread, so besides the throttled figure it prints 4 × the unthrottled one as a bound. The self-check holds the inventory's six worked
// examples, a business name and a few answers. Asserts nothing; exits 1 only if dist/ is missing or a step fails.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/e2e/server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const RATE = 4;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(path.join(DIST, 'widget-manifest.json'))) {
  console.error('dist/ has no release build: run `trunk build --release --offline` first');
  process.exit(1);
}

const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// Worker sizes: every on-demand file, by worker.
const manifest = JSON.parse(readFileSync(path.join(DIST, 'widget-manifest.json'), 'utf8'));
console.log('on-demand files (raw / gzip -9 / brotli 11):');
for (const name of Object.keys(manifest.onDemand).sort()) {
  const bytes = readFileSync(path.join(DIST, name));
  const gz = zlib.gzipSync(bytes, { level: 9 }).length;
  const br = zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`  ${name.padEnd(48)} ${kb(bytes.length).padStart(10)} / ${kb(gz).padStart(9)} / ${kb(br).padStart(9)}`);
}
const startup = Object.keys(manifest.files).reduce((sum, name) => {
  const bytes = readFileSync(path.join(DIST, name));
  return sum + zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}, 0);
console.log(`start-up download (manifest files, brotli 11): ${kb(startup)}`);
console.log(`load average: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);

const server = await startServer(DIST);
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
let failed = false;
try {
  const context = await browser.newContext({ locale: 'ja-JP', serviceWorkers: 'block', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${server.origin}/#/business/self-check`);
  await page.getByTestId('app').waitFor();
  await page.getByLabel('事業者名（事業所・部門）').fill('株式会社ベンチ');
  await page.getByTestId('status-identify-procedure-done').check();
  await page.getByTestId('view-inventory').click();
  const examples = await page.getByTestId('inventory-example').locator('option').count();
  for (let n = 0; n < examples; n++) {
    await page.getByTestId('inventory-example').selectOption(String(n));
    await page.getByTestId('inventory-add-example').click();
  }
  await page.getByTestId('view-documents').click();
  const cdp = await context.newCDPSession(page);

  // DevTools' CPU slowdown reaches the page's main thread fully but a dedicated worker's thread only in part
  // (measured at 1.6–1.9× for 4×): the same busy loop is timed on the page and in a worker to say how much.
  const loop = () => { const t = performance.now(); let x = 0; for (let i = 0; i < 3e7; i++) x += i % 7; return [performance.now() - t, x]; };
  const calibrate = () => page.evaluate(async (source) => {
    const onPage = (0, eval)(`(${source})`)()[0];
    const url = URL.createObjectURL(new Blob([`postMessage((${source})()[0])`], { type: 'text/javascript' }));
    const inWorker = await new Promise((resolve) => { const w = new Worker(url); w.onmessage = (e) => { resolve(e.data); w.terminate(); }; });
    URL.revokeObjectURL(url);
    return { onPage, inWorker };
  }, loop.toString());
  const plain = await calibrate();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  const slowed = await calibrate();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const workerFactor = slowed.inWorker / plain.inWorker;
  console.log(`\nCPU slowdown ${RATE}×: page thread ×${(slowed.onPage / plain.onPage).toFixed(1)}, worker thread ×${workerFactor.toFixed(1)}`);

  const buttons = await page.locator('[data-testid^="template-"][data-testid$="-xlsx"], [data-testid^="template-"][data-testid$="-docx"]')
    .evaluateAll((els) => els.map((e) => e.dataset.testid));
  const timeClicks = async (testid, measure) => {
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      await page.evaluate((m) => performance.clearMeasures(m), measure);
      await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
      times.push(await page.evaluate((m) => performance.getEntriesByName(m).at(-1)?.duration ?? null, measure));
    }
    return median(times);
  };
  console.log(`\ntemplate, warm worker, median of ${RUNS} (click to file, User Timing); "${RATE}× bound" = ${RATE} × the 1× time,`);
  console.log(`the figure the bar is judged on since the throttle does not fully reach the worker (target ≤ 300 ms):`);
  for (const testid of buttons) {
    const measure = testid.endsWith('-xlsx') ? 'tics:export-xlsx' : 'tics:export-docx';
    // The first click loads the worker.
    await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
    const at1 = await timeClicks(testid, measure);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
    const atRate = await timeClicks(testid, measure);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const bound = at1 == null ? null : at1 * RATE;
    const f = (ms) => (ms == null ? 'n/a' : `${ms.toFixed(0)} ms`);
    console.log(`  ${testid.padEnd(34)} 1×: ${f(at1).padStart(7)}   throttled ${RATE}×: ${f(atRate).padStart(7)}   ${RATE}× bound: ${f(bound).padStart(7)}  ${bound != null && bound <= 300 ? 'ok' : 'OVER'}`);
  }
  await context.close();
} catch (e) {
  console.error(e);
  failed = true;
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
