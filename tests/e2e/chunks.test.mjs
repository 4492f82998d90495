// End-to-end: the views off the first screen are chunks of the app's module, loaded on first use (src/ui/lazy.rs).
// The first screen fetches none of them but those prefetched while idle; each view's first open loads its chunk and
// renders; pointing at a tab fetches its chunk before the click; a view still loading says so (aria-busy); a
// chunk that cannot be fetched, or that fails its integrity check, gives a message in both languages with a retry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setup, openPage, axeViolations, DIST } from './browser.mjs';

const env = setup();
const selfCheck = () => `${env.server.origin}/#/business/self-check`;
const manifest = JSON.parse(await readFile(path.join(DIST, 'widget-manifest.json'), 'utf8'));

/** The chunk of a view: `tics-self-check-split-<name>-<hash>.wasm`, listed under onDemand. */
function chunkOf(name) {
  const found = Object.keys(manifest.onDemand).filter((f) => f.startsWith(`tics-self-check-split-${name}-`));
  assert.equal(found.length, 1, `one chunk for ${name}: ${found}`);
  return found[0];
}

// Each view of the self-check: its tab, the chunk, and an element that only the loaded view has.
const VIEWS = [
  ['inventory', 'inventory', 'inventory-view'],
  ['plan', 'plan', 'plan'],
  ['documents', 'documents', 'documents-view'],
  ['periodic', 'periodic', 'periodic'],
  ['compare', 'compare', 'compare'],
  ['team', 'team', 'team'],
  ['schedule', 'schedule', 'schedule'],
  ['files', 'files', 'files'],
  ['report', 'report', 'report-view'],
];

const fetched = (page, file) => page.requests.some((u) => u.endsWith(`/${file}`));

test('the first screen fetches no view chunk but those it prefetches; each view loads its chunk on first open', async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP' });
  const page = await openPage(context, selfCheck());
  await page.getByTestId('status-identify-procedure-done').check();
  // Every chunk is integrity-checked and listed for integrators; the loader of chunks is a start-up file.
  for (const [, name] of VIEWS) assert.match(manifest.onDemand[chunkOf(name)], /^sha384-/);
  assert.ok(Object.keys(manifest.files).some((f) => /^tics-self-check-split-[0-9a-f]+\.js$/.test(f)));
  // Only the likely next views are prefetched; the others wait for their tab.
  for (const name of ['documents', 'periodic', 'compare', 'team', 'schedule', 'report', 'evidence', 'notices']) {
    assert.ok(!fetched(page, chunkOf(name)), `${name} is not fetched at start`);
  }
  for (const [tab, name, testid] of VIEWS) {
    await page.getByTestId(`view-${tab}`).click();
    await page.getByTestId(testid).first().waitFor();
    assert.ok(fetched(page, chunkOf(name)), `${name}'s chunk was fetched`);
    assert.equal(await page.getByTestId('view-loading').count(), 0);
  }
  // Back and forth: a loaded view shows at once, with what was entered.
  await page.getByTestId('view-check').click();
  await page.getByTestId('view-files').click();
  assert.equal(await page.getByTestId('view-loading').count(), 0, 'no loading state for a chunk already here');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('once the first screen is idle, the likely next views arrive one after the other without a click', async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP' });
  const page = await openPage(context, selfCheck());
  const likely = ['inventory', 'plan', 'files'].map(chunkOf);
  while (!likely.every((file) => fetched(page, file))) await page.waitForEvent('requestfinished');
  // A prefetched view opens without a loading state.
  await page.getByTestId('view-files').click();
  await page.getByTestId('files').first().waitFor();
  assert.equal(await page.getByTestId('view-loading').count(), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('pointing at a tab or reaching it by keyboard fetches its chunk before the click', async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP' });
  const page = await openPage(context, selfCheck());
  const report = chunkOf('report');
  const asked = page.waitForRequest((r) => r.url().endsWith(`/${report}`));
  await page.getByTestId('view-report').hover();
  await asked;
  const compare = chunkOf('compare');
  const askedByKeyboard = page.waitForRequest((r) => r.url().endsWith(`/${compare}`));
  await page.getByTestId('view-compare').focus();
  await askedByKeyboard;
  await context.close();
});

test('a view still loading says so, labelled and busy, then shows', async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP' });
  const page = await openPage(context, selfCheck());
  const periodic = chunkOf('periodic');
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(`**/${periodic}`, async (route) => { await held; await route.continue(); });
  await page.getByTestId('view-periodic').click();
  const loading = page.getByTestId('view-loading');
  await loading.waitFor();
  assert.equal(await loading.getAttribute('aria-busy'), 'true');
  assert.equal(await loading.getAttribute('role'), 'status');
  assert.match(await loading.textContent(), /読み込んでいます/);
  assert.deepEqual(await axeViolations(page, 'view loading'), []);
  release();
  await page.getByTestId('periodic').waitFor();
  await context.close();
});

test('a chunk that cannot be fetched gives a message in both languages, and a retry loads it', async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP' });
  const page = await openPage(context, selfCheck());
  const documents = chunkOf('documents');
  await page.route(`**/${documents}`, (route) => route.abort('internetdisconnected'));
  await page.getByTestId('view-documents').click();
  const failed = page.getByTestId('view-failed');
  await failed.waitFor();
  assert.match(await failed.textContent(), /この画面を読み込めませんでした/);
  assert.equal(await failed.getAttribute('role'), 'alert');
  assert.deepEqual(await axeViolations(page, 'view failed'), []);
  // The rest of the app goes on.
  await page.getByTestId('view-check').click();
  await page.getByTestId('status-mark-label-done').check();
  await page.getByTestId('site-lang').click();
  await page.getByTestId('view-documents').click();
  assert.match(await failed.textContent(), /This screen could not be loaded/);

  await page.unroute(`**/${documents}`);
  await page.getByTestId('view-retry').click();
  await page.getByTestId('documents-view').waitFor();
  assert.equal(await failed.count(), 0);
  assert.deepEqual(page.errors.filter((e) => !/Failed to load resource|documents|TypeError: Failed to fetch/.test(e)), []);
  await context.close();
});

test('a tampered chunk is refused, and the view says so', async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP' });
  const page = await openPage(context, selfCheck());
  const compare = chunkOf('compare');
  const bytes = await readFile(path.join(DIST, compare));
  const tampered = Buffer.from(bytes);
  tampered[tampered.length - 1] ^= 0xff;
  await page.route(`**/${compare}`, (route) => route.fulfill({ body: tampered, contentType: 'application/wasm' }));
  await page.getByTestId('view-compare').click();
  await page.getByTestId('view-failed').waitFor();
  assert.equal(await page.getByTestId('compare').count(), 0, 'nothing of the tampered chunk ran');
  await page.unroute(`**/${compare}`);
  await page.getByTestId('view-retry').click();
  await page.getByTestId('compare').first().waitFor();
  await context.close();
});

test('on a portal the widget loads its chunks from where its own files are', async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  page.requests = [];
  page.on('request', (r) => page.requests.push(r.url()));
  await page.goto(`${env.server.origin}/examples/portal/`);
  const member = page.locator('#member-check');
  await member.getByTestId('view-report').click();
  await member.getByTestId('report-view').waitFor();
  assert.ok(page.requests.includes(`${env.server.origin}/${chunkOf('report')}`), 'fetched beside the entry, not under /examples/portal/');
  await context.close();
});
