// Prints Lighthouse's mobile scores (median of runs) for a content page of the site and for the self-check page,
// with every file gzip-encoded on the wire as a static host serves it. Figures, not a test. Run after
// `trunk build --release --offline`:  node scripts/bench-lighthouse.mjs [runs]
// Uses the lighthouse npm package (12.x, Node 20) with Debian's Chromium (CHROME_PATH); nothing is downloaded.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { CHROMIUM, DIST, ROOT } from '../tests/e2e/browser.mjs';
import { startServer } from '../tests/e2e/server.mjs';

const RUNS = Number(process.argv[2] ?? 5);
const LH = path.join(ROOT, 'node_modules/lighthouse/cli/index.js');

function gzipCopy(from, to) {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const src = path.join(from, name);
    if (statSync(src).isDirectory()) gzipCopy(src, path.join(to, name));
    else writeFileSync(path.join(to, name), zlib.gzipSync(readFileSync(src), { level: 9 }));
  }
}

// Asynchronous: the file server runs in this process, so a blocking spawn would leave Lighthouse's page unanswered.
async function lighthouse(url) {
  const out = path.join(os.tmpdir(), `tics-lh-${process.pid}.json`);
  const child = spawn(process.execPath, [LH, url, '--output=json', `--output-path=${out}`, '--quiet',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu', '--only-categories=performance'],
  { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const timer = setTimeout(() => child.kill(), 240_000);
  const status = await new Promise((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  if (status !== 0) return { error: stderr.split('\n').slice(-3).join(' ') };
  const lhr = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out, { force: true });
  const ms = (id) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
  return {
    score: Math.round(lhr.categories.performance.score * 100),
    fcp: ms('first-contentful-paint'), lcp: ms('largest-contentful-paint'), tbt: ms('total-blocking-time'),
    bytes: ms('total-byte-weight'),
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dir = mkdtempSync(path.join(os.tmpdir(), 'tics-lh-gzip-'));
gzipCopy(DIST, dir);
const server = await startServer(dir, { 'content-encoding': 'gzip' });
console.log(`Lighthouse mobile, performance, served gzip, median of ${RUNS} runs`);
for (const [label, page] of [['content page top/overview/', 'top/overview/'], ['self-check business/self-check/', 'business/self-check/']]) {
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await lighthouse(`${server.origin}/${page}`));
  const ok = runs.filter((r) => !r.error);
  if (!ok.length) {
    console.log(`  ${label}: ${runs[0].error}`);
    continue;
  }
  console.log(`  ${label}: ${median(ok.map((r) => r.score))} (runs ${ok.map((r) => r.score).join(', ')}); ` +
    `FCP ${median(ok.map((r) => r.fcp))} ms, LCP ${median(ok.map((r) => r.lcp))} ms, TBT ${median(ok.map((r) => r.tbt))} ms, ` +
    `${median(ok.map((r) => r.bytes))} bytes on the wire`);
}
await server.close();
rmSync(dir, { recursive: true, force: true });
