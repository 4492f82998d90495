#!/usr/bin/env node
// How fast the association's aggregate reads members' sharing files, and whether the page stays responsive.
//
//   trunk build --release --offline && node scripts/bench-aggregate.mjs [counts...]   (default: 1000 5000)
//
// For each count it generates that many sharing files of about 25 KB (every item of the built-in catalogue
// answered, with notes), opens the site's aggregate page in Debian's headless Chromium at 1× CPU, chooses the
// files, and prints: the time from choosing to the figures (User Timing tics:aggregate, measured by the app),
// the longest main-thread task while reading (Long Tasks API), the longest gap between animation frames, and the
// members counted. It asserts nothing; it exits 1 only if dist/ is missing or the page never shows the figures.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/e2e/server.mjs';
import { canonical } from '../tests/e2e/digest.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const COUNTS = process.argv.slice(2).map(Number).filter((n) => n > 0);
const STATUSES = ['done', 'partial', 'not_done', 'unknown', 'done', 'done'];

/** One member's sharing file, as the app writes it (see domain/src/association/share.rs). */
function memberFile(catalogue, n) {
  const items = catalogue.items.map((i) => i.id);
  const answers = {};
  items.forEach((id, k) => {
    answers[id] = {
      status: STATUSES[(n + k) % STATUSES.length], reason: '', checker: '', date: '2026-11-01',
      note: `会員 ${n} の記録: 手順書と管理簿で確認した。`,
    };
  });
  const forms = ['container', 'area', 'own_server', 'cloud', 'third_party'].filter((_, k) => (n >> k) & 1);
  const content = {
    check: {
      profile: { organisation: '', checker: '', forms, size: n % 3 ? 'small' : 'large', entrusted: n % 4 === 0 },
      target_level: 1 + (n % 3), overrides: {}, answers, plan: {},
      periodic: { rows: [], source: '', period_from: '', period_to: '' },
      statement: { issuer_address: '', scope: '', signer_name: '', signer_title: '' },
      inventory: { classes: [], rows: [] },
      documents: { manager: '', reporting_route: '', training: '' },
    },
    shared: ['notes'],
    catalogue_items: items,
    summary: { attained_level: null, overall_score: null, topic_scores: {} },
  };
  const file = {
    format: 'tics-self-check-share', schema_version: 1,
    purpose: { ja: '団体との共有用', en: 'For sharing' }, app_version: 'bench',
    catalogue: { id: catalogue.id, version: catalogue.version },
    saved_at: `2026-${String(4 + (n % 8)).padStart(2, '0')}-10T09:00:00+09:00`, id: `sc-bench-${n}`,
    content,
    digest: { algorithm: 'SHA-256', value: createHash('sha256').update(canonical(content)).digest('hex'), note: '' },
  };
  return Buffer.from(JSON.stringify(file, null, 2));
}

async function run(browser, origin, files) {
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto(`${origin}/#/reference/aggregate`);
  await page.getByTestId('aggregate-files').waitFor();
  // Long tasks and frame gaps are kept with their times: only those after the app starts reading count (giving
  // the browser the files is Playwright's work, not the app's).
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => [e.startTime, e.duration])))
      .observe({ type: 'longtask', buffered: false });
    window.__gaps = [];
    let last = performance.now();
    const frame = (t) => { window.__gaps.push([last, t - last]); last = t; requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
  });
  await page.getByTestId('aggregate-files').setInputFiles(files);
  await page.waitForFunction(() => performance.getEntriesByName('tics:aggregate').length > 0, null, { timeout: 600_000 });
  const figures = await page.evaluate(() => {
    const m = performance.getEntriesByName('tics:aggregate')[0];
    const during = (list) => list.filter(([t]) => t >= m.startTime && t <= m.startTime + m.duration).map(([, d]) => d);
    const long = during(window.__long);
    return { ms: m.duration, longest: Math.max(0, ...long), longTasks: long.length, gap: Math.max(0, ...during(window.__gaps)) };
  });
  figures.members = (await page.getByTestId('aggregate-members').textContent()).trim();
  await context.close();
  return figures;
}

if (!existsSync(path.join(DIST, 'index.html'))) {
  console.error('dist/ is missing: run `trunk build --release --offline` first');
  process.exit(1);
}
const catalogue = JSON.parse(readFileSync(path.join(ROOT, 'content/catalogue.json'), 'utf8'));
const server = await startServer(DIST);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, load ${os.loadavg()[0].toFixed(2)}; CPU 1×`);
try {
  for (const count of COUNTS.length ? COUNTS : [1000, 5000]) {
    // Written to disk and given by path: Playwright refuses buffers over 50 MB in all.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tics-bench-aggregate-'));
    let bytes = 0;
    const files = Array.from({ length: count }, (_, n) => {
      const file = path.join(dir, `m${n}.json`);
      const buffer = memberFile(catalogue, n);
      bytes += buffer.length;
      writeFileSync(file, buffer);
      return file;
    });
    const kb = bytes / count / 1024;
    const f = await run(browser, server.origin, files);
    console.log(`${count} files (${kb.toFixed(1)} KB each): ${(f.ms / 1000).toFixed(2)} s to the figures; ` +
      `longest main-thread task ${f.longest.toFixed(0)} ms (${f.longTasks} over 50 ms); longest frame gap ${f.gap.toFixed(0)} ms; ${f.members}`);
    if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true }); else console.log(dir);
  }
} finally {
  await browser.close();
  await server.close();
}
