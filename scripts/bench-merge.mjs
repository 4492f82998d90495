#!/usr/bin/env node
// How long the owner waits when merging ten people's answers files into a self-check of the whole catalogue, in
// the app's Team view, with the CPU slowed 4× (DevTools throttling, as the other benchmarks use for a slow laptop).
// Each run: a fresh owner adds ten people and gives each one topic (the ten topics cover every item), downloads
// the ten assignment files; Node turns each into an answers file the way a person's browser would (every handed-out
// item answered, the digest recomputed); then the owner picks all ten at once. Timed from picking the files to the
// merge's confirmation on screen (reading ten files, checking their digests, the three-way merge, keeping a copy
// in the library, saving, rendering). Prints figures; asserts none.
//
//   node scripts/bench-merge.mjs            (against dist/; TICS_DIST=<dir> for another build; BENCH_RUNS=3)
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/e2e/server.mjs';
import { canonical } from '../tests/e2e/digest.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = process.env.TICS_DIST ?? path.join(ROOT, 'dist');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path.join(DIST, 'widget-manifest.json'))) {
  console.error(`${DIST} has no release build: run trunk build --release --offline first`);
  process.exit(1);
}
const catalogue = JSON.parse(readFileSync(path.join(ROOT, 'content/catalogue.json'), 'utf8'));
const topics = catalogue.topics.map((t) => t.id);

/** The answers file a person would send back for `assignment`: every handed-out item answered. */
function answered(assignment, n) {
  const file = JSON.parse(assignment);
  file.format = 'tics-self-check-answers';
  const { content } = file;
  for (const item of Object.keys(content.handed_out.given)) {
    content.check.answers[item] = { status: n % 3 === 0 ? 'partial' : 'done', reason: '', note: `確認済み (${n})`, checker: '', date: '2026-12-06' };
  }
  file.digest.value = createHash('sha256').update(canonical(content)).digest('hex');
  return JSON.stringify(file, null, 2);
}

const server = await startServer(DIST);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
const dir = await mkdtemp(path.join(os.tmpdir(), 'tics-bench-merge-'));
const times = [];
console.log(`merging 10 answers files (${catalogue.items.length} items in ${topics.length} topics), CPU 4× slower; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
for (let run = 0; run < RUNS; run += 1) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${server.origin}/#/business/self-check`);
  await page.getByTestId('app').waitFor();
  // Every item in scope: every form of information, entrusted information, the highest level.
  for (const box of await page.locator('input[data-testid^=form-]').all()) await box.check();
  await page.getByTestId('entrusted').check();
  await page.getByTestId('level-3').check();
  await page.getByTestId('view-team').click();
  await page.getByTestId('team').waitFor();
  const files = [];
  let handedOut = 0;
  for (const [n, topic] of topics.entries()) {
    const name = `担当${n + 1}`;
    await page.getByTestId('team-add-name').fill(name);
    await page.getByTestId('team-add-department').fill('製造部');
    await page.getByTestId('team-add').click();
    const group = page.getByRole('group', { name: `${name}（製造部）` });
    await group.waitFor();
    await page.getByTestId(`team-topic-select-${topic}`).selectOption({ label: `${name}（製造部）` });
    const button = group.getByRole('button', { name: '割り当てファイルをダウンロード' });
    if (await button.count() === 0) continue; // A topic with no item in scope hands out nothing.
    const [dl] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const file = path.join(dir, `run${run}-${n}.json`);
    await dl.saveAs(file);
    const text = answered(await readFile(file, 'utf8'), n);
    handedOut += Object.keys(JSON.parse(text).content.handed_out.given).length;
    await writeFile(file, text);
    files.push(file);
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const started = performance.now();
  await page.getByTestId('team-merge-input').setInputFiles(files);
  await page.getByTestId('flash').filter({ hasText: /件の回答を取り込み/ }).waitFor();
  const ms = performance.now() - started;
  times.push(ms);
  console.log(`  run ${run + 1}: ${files.length} files, ${handedOut} items: ${ms.toFixed(0)} ms — ${(await page.getByTestId('flash').textContent()).slice(0, 60)}…`);
  await context.close();
}
const sorted = [...times].sort((a, b) => a - b);
console.log(`median ${sorted[Math.floor((sorted.length - 1) / 2)].toFixed(0)} ms (min ${sorted[0].toFixed(0)}, max ${sorted.at(-1).toFixed(0)})`);
await browser.close();
await server.close();
