#!/usr/bin/env node
// How fast the fingerprint worker (hash-worker/) takes a large file's SHA-256, and whether the page stays
// responsive meanwhile: a 200 MB file on disk (pseudo-random bytes), picked through a file input in the app's page,
// hashed by the worker the way the app starts it (src/web/worker.rs: the loader fetched with its digest, started
// from a blob: URL, the `{ base }` / `{ id, body }` envelope), in Debian's Chromium.
//
//   /tmp/bd.sh /tmp/dist-hash && TICS_DIST=/tmp/dist-hash node scripts/bench-hash.mjs   (or dist/ by default)
//
// Prints the worker's sizes, then per run (BENCH_RUNS, default 3, after a warm-up on 20 MB that loads the worker)
// the throughput in MB/s (10^6 bytes, from the request to the reply), the number of progress messages, the longest
// main-thread task the browser reported (PerformanceObserver 'longtask': tasks of 50 ms or more) and the longest
// gap between two turns of a timer loop on the page (what a click would wait for at most). For comparison: the
// same file through the browser's own crypto.subtle.digest on the page (the whole file in memory at once, no
// progress) and Node's crypto. Checks that the fingerprints agree; asserts no figure.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/e2e/server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = process.env.TICS_DIST ?? path.join(ROOT, 'dist');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const SIZE = Number(process.env.BENCH_HASH_BYTES ?? 200_000_000);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(path.join(DIST, 'widget-manifest.json'))) {
  console.error(`${DIST} has no release build: run /tmp/bd.sh /tmp/dist-hash (or trunk build --release --offline) first`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(path.join(DIST, 'widget-manifest.json'), 'utf8'));
const loader = Object.keys(manifest.onDemand).find((f) => /^tics-hash-worker-[0-9a-f]+\.js$/.test(f));
if (!loader) {
  console.error('this build has no fingerprint worker (tics-hash-worker)');
  process.exit(1);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
console.log('fingerprint worker (raw / gzip -9 / brotli 11):');
for (const name of Object.keys(manifest.onDemand).filter((f) => f.startsWith('tics-hash-worker-')).sort()) {
  const bytes = readFileSync(path.join(DIST, name));
  const gz = zlib.gzipSync(bytes, { level: 9 }).length;
  const br = zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`  ${name.padEnd(40)} ${kb(bytes.length).padStart(9)} / ${kb(gz).padStart(9)} / ${kb(br).padStart(9)}`);
}
console.log(`load average: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);

/** Writes `size` pseudo-random bytes (xorshift32, 1 MiB at a time) to `file`. */
async function writeBytes(file, size) {
  const handle = await open(file, 'w');
  const words = new Uint32Array(1 << 18);
  let x = 2463534242;
  for (let written = 0; written < size;) {
    for (let i = 0; i < words.length; i++) {
      x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
      words[i] = x;
    }
    const n = Math.min(size - written, words.byteLength);
    await handle.write(Buffer.from(words.buffer, 0, n));
    written += n;
  }
  await handle.close();
}

const nodeSha256 = (file) => new Promise((resolve, reject) => {
  const started = performance.now();
  const hash = createHash('sha256');
  createReadStream(file).on('data', (d) => hash.update(d)).on('error', reject)
    .on('end', () => resolve({ hex: hash.digest('hex'), ms: performance.now() - started }));
});

const dir = await mkdtemp(path.join(os.tmpdir(), 'tics-bench-hash-'));
const bigFile = path.join(dir, 'evidence-200MB.bin');
const warmFile = path.join(dir, 'warm-up-20MB.bin');
await writeBytes(bigFile, SIZE);
await writeBytes(warmFile, Math.min(SIZE, 20_000_000));
const node = await nodeSha256(bigFile);

const server = await startServer(DIST);
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
let failed = false;
try {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${server.origin}/#/business/self-check`);
  await page.getByTestId('app').waitFor();

  // The worker, started as the app starts it; a file input (outside the app) to pick the file from disk.
  await page.evaluate(async ({ loader, integrity }) => {
    const response = await fetch(new URL(loader, `${location.origin}/`), { integrity, credentials: 'same-origin' });
    const url = URL.createObjectURL(new Blob([await response.text()], { type: 'text/javascript' }));
    const worker = new Worker(url);
    const waiting = new Map();
    await new Promise((resolve, reject) => {
      worker.onmessage = ({ data }) => {
        if (data.ready) resolve();
        else if (data.fatal) reject(new Error(data.fatal));
        else waiting.get(data.id)?.(data);
      };
      worker.postMessage({ base: `${location.origin}/` });
    });
    URL.revokeObjectURL(url);
    const input = Object.assign(document.createElement('input'), { type: 'file', id: 'bench-file', hidden: true });
    document.body.append(input);

    let nextId = 0;
    // Hashes the picked file, watching the main thread meanwhile.
    window.__bench = () => new Promise((resolve, reject) => {
      const file = input.files[0];
      const longTasks = [];
      const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
      observer.observe({ type: 'longtask' });
      let gap = 0;
      let last = performance.now();
      let beating = true;
      const beat = () => {
        const now = performance.now();
        gap = Math.max(gap, now - last);
        last = now;
        if (beating) setTimeout(beat, 0);
      };
      setTimeout(beat, 0);
      const id = ++nextId;
      let progress = 0;
      const started = performance.now();
      waiting.set(id, (data) => {
        if ('progress' in data) { progress += 1; return; }
        const ms = performance.now() - started;
        waiting.delete(id);
        beating = false;
        // Long tasks are reported after they end: one more turn lets the last ones in.
        setTimeout(() => {
          observer.disconnect();
          if ('error' in data) reject(new Error(data.error));
          else resolve({ ...data.ok, ms, progress, longest: Math.max(0, ...longTasks), longTasks: longTasks.length, gap });
        }, 0);
      });
      worker.postMessage({ id, body: file });
    });
    // The same file through the browser's own digest, on the page: read whole, then hashed (no progress).
    window.__subtle = async () => {
      const started = performance.now();
      const digest = await crypto.subtle.digest('SHA-256', await input.files[0].arrayBuffer());
      const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
      return { hex, ms: performance.now() - started };
    };
  }, { loader, integrity: manifest.onDemand[loader] });

  const input = page.locator('#bench-file');
  await input.setInputFiles(warmFile);
  await page.evaluate(() => window.__bench());
  await input.setInputFiles(bigFile);
  const mbs = (bytes, ms) => bytes / 1e6 / (ms / 1000);
  console.log(`\n${(SIZE / 1e6).toFixed(0)} MB file on disk, through the worker (warm), ${RUNS} runs:`);
  const rates = [];
  for (let run = 1; run <= RUNS; run++) {
    const r = await page.evaluate(() => window.__bench());
    if (r.sha256 !== node.hex || r.bytes !== SIZE) throw new Error(`run ${run}: ${r.sha256} (${r.bytes} B) ≠ Node's ${node.hex}`);
    rates.push(mbs(SIZE, r.ms));
    console.log(`  run ${run}: ${(r.ms / 1000).toFixed(2)} s = ${mbs(SIZE, r.ms).toFixed(0)} MB/s; ${r.progress} progress messages; `
      + `longest main-thread task ${r.longTasks ? `${r.longest.toFixed(0)} ms (${r.longTasks} long tasks ≥ 50 ms)` : 'none ≥ 50 ms'}; `
      + `longest gap between timer turns ${r.gap.toFixed(1)} ms`);
  }
  console.log(`  median: ${median(rates).toFixed(0)} MB/s`);
  const subtle = await page.evaluate(() => window.__subtle());
  if (subtle.hex !== node.hex) throw new Error('crypto.subtle disagrees with Node');
  console.log(`for comparison: crypto.subtle.digest on the page ${mbs(SIZE, subtle.ms).toFixed(0)} MB/s (whole file in memory, `
    + `no progress); Node's crypto ${mbs(SIZE, node.ms).toFixed(0)} MB/s`);
  await context.close();
} catch (e) {
  console.error(e);
  failed = true;
} finally {
  await browser.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
