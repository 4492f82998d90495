// End-to-end: the Excel and Markdown web workers when things go wrong. A worker file that does not arrive, a
// worker that never answers, and a tampered worker file each give a clear message; the worker is forgotten and the
// next click starts a fresh one that works. Also: the workers start without wasm-bindgen's deprecation warning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setup, openPage, ROOT } from './browser.mjs';

const env = setup();

/** A time-out as the app defines it (src/web/<file>.rs, `TIMEOUT_MS`), so the tests follow any change to it. */
async function timeoutMs(file) {
  const source = await readFile(path.join(ROOT, 'src/web', file), 'utf8');
  return Number(/const TIMEOUT_MS: i32 = ([\d_]+);/.exec(source)[1].replaceAll('_', ''));
}

// The workers' files (loaders and WebAssembly; the names of earlier builds match too, for comparison runs).
const EXCEL_LOADER = /\/tics-xlsx-worker(-[0-9a-f]+|_loader)\.js$/;
const EXCEL_WASM = /\/tics-xlsx-worker(-[0-9a-f]+)?_bg\.wasm$/;
const MD_WASM = /\/tics-md-worker(-[0-9a-f]+)?_bg\.wasm$/;

/** The self-check's files view, with one item answered so that there is something to export. */
async function filesView(context) {
  const page = await openPage(context, `${env.server.origin}/#/business/self-check`);
  await page.getByTestId('status-identify-procedure-done').check();
  await page.getByTestId('view-files').click();
  return page;
}

/** Follows the site's language switch (to the same page in `lang`) and opens the files view again. */
async function switchTo(page, lang) {
  await page.getByTestId('site-lang').click();
  await page.locator(`[data-testid=app][lang=${lang}]`).waitFor();
  await page.getByTestId('view-files').click();
  await page.getByTestId('files').waitFor();
}

/** Clicks "Excel" and waits until the download arrives. */
async function excelWorks(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  await page.getByTestId('flash').filter({ hasText: /セルフチェック結果一式_.+\.xlsx をダウンロードしました/ }).waitFor();
}

/** Clicks "Excel" and waits for a new error matching `message`. */
async function excelFails(page, message) {
  // A message stays on screen until the next one: the one shown now is marked, so that only a new one counts.
  await page.getByTestId('error').evaluateAll((els) => els.forEach((el) => { el.dataset.seen = ''; }));
  await page.getByTestId('download-xlsx').click();
  await page.locator('[data-testid=error]:not([data-seen])').filter({ hasText: message }).waitFor();
}

/** Console errors other than the browser's own report of a refused file (expected where a test refuses one). */
const unexpected = (errors) => errors.filter((e) => !/integrity|Failed to load resource|net::ERR_FAILED|404/.test(e));

test('an Excel worker file that does not arrive gives a clear message, and the next click works', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await filesView(context);

  // The worker starts but its WebAssembly is missing: the worker says so and is forgotten.
  await page.route(EXCEL_WASM, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await excelFails(page, /Excel ファイルを作る部品を読み込めませんでした/);
  await switchTo(page, 'en');
  await excelFails(page, /The Excel writer could not be loaded/);
  await switchTo(page, 'ja');
  await page.unroute(EXCEL_WASM);

  // The loader is missing: the app's own fetch of it fails.
  await page.route(EXCEL_LOADER, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await excelFails(page, /Excel ファイルを作る部品を読み込めませんでした/);
  await page.unroute(EXCEL_LOADER);

  // The files are back: a fresh worker makes the file.
  await excelWorks(page);
  await excelWorks(page);
  assert.deepEqual(unexpected(page.errors), []);
  await context.close();
});

test('an Excel worker that never answers times out with a message, and the button works again', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  // The page's clock is the test's to move, so the time-out comes without waiting for it.
  await context.clock.install();
  const page = await filesView(context);
  let stalled;
  const requested = new Promise((resolve) => { stalled = resolve; });
  // The WebAssembly's response never comes: the worker never says it is ready.
  await page.route(EXCEL_WASM, (route) => stalled(route));
  await page.getByTestId('download-xlsx').click();
  await requested;
  await page.clock.fastForward(await timeoutMs('excel.rs'));
  await page.getByTestId('error').filter({ hasText: /Excel ファイルの作成が時間内に終わりませんでした/ }).waitFor();
  await switchTo(page, 'en');
  await page.getByTestId('download-xlsx').click();
  await page.clock.fastForward(await timeoutMs('excel.rs'));
  await page.getByTestId('error').filter({ hasText: /Making the Excel file took too long/ }).waitFor();
  await switchTo(page, 'ja');

  await page.unroute(EXCEL_WASM);
  await excelWorks(page);
  assert.deepEqual(unexpected(page.errors), []);
  await context.close();
});

test('a tampered Excel worker file is refused with a clear message, and nothing else breaks', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await filesView(context);

  // A loader with a line added: it would run, but its digest does not match the one the entry announced.
  await page.route(EXCEL_LOADER, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: `${await response.text()}\nself.tampered = true;\n` });
  });
  await excelFails(page, /Excel ファイルを作る部品を読み込めませんでした/);
  await page.unroute(EXCEL_LOADER);

  // A WebAssembly file with one byte changed at its end (inside its last section).
  await page.route(EXCEL_WASM, async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    body[body.length - 1] ^= 0x01;
    await route.fulfill({ response, body });
  });
  await excelFails(page, /Excel ファイルを作る部品を読み込めませんでした/);
  await page.unroute(EXCEL_WASM);

  // The rest of the app works on, and the genuine files make the workbook.
  await page.getByTestId('view-check').click();
  await page.getByTestId('status-mark-label-partial').check();
  await page.getByTestId('answered').filter({ hasText: /^2 \// }).waitFor();
  await page.getByTestId('view-files').click();
  await excelWorks(page);
  assert.deepEqual(unexpected(page.errors), []);
  await context.close();
});

const portal = () => `${env.server.origin}/examples/portal/`;
const member = (page) => page.locator('#member-check');

/** Mounts one more widget with the member's overlay, from the page's own entry, and returns its host. */
async function mountWithOverlay(page) {
  await page.evaluate(async () => {
    const src = document.querySelector('script[type=module][integrity]').src;
    const { mount } = await import(src);
    const host = document.createElement('div');
    host.id = 'again';
    document.body.append(host);
    await mount(host, { lang: 'ja', namespace: 'again', overlay: './die-mould-overlay.json' });
  });
  return page.locator('#again');
}

test('a content worker that never answers times out: the overlay could not be checked, and the widget works', async () => {
  const context = await env.browser.newContext();
  await context.clock.install();
  const page = await context.newPage();
  let stalled;
  const requested = new Promise((resolve) => { stalled = resolve; });
  await page.route(MD_WASM, (route) => stalled(route));
  await page.goto(portal());
  await requested;
  // The overlay is checked by the content worker; its time-out decides.
  await page.clock.fastForward(await timeoutMs('content.rs'));
  const problems = member(page).getByTestId('overlay-problems');
  await problems.waitFor();
  assert.match(await problems.innerText(), /時間内に終わりませんでした/);
  await member(page).getByTestId('status-identify-procedure-done').check();
  await member(page).getByTestId('answered').filter({ hasText: /^1 \// }).waitFor();
  await context.close();
});

test('a tampered content worker file is refused with a message, and a fresh worker serves the next widget', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.route(MD_WASM, async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    body[body.length - 1] ^= 0x01;
    await route.fulfill({ response, body });
  });
  await page.goto(portal());
  await member(page).getByTestId('overlay-problems').filter({ hasText: /読み込めませんでした/ }).waitFor();
  await member(page).getByTestId('status-identify-procedure-done').check();
  await page.unroute(MD_WASM);
  // A widget mounted afterwards gets its overlay checked, and its intro rendered, by a fresh worker.
  const again = await mountWithOverlay(page);
  await again.getByTestId('branding').locator('.tics-md:not(.tics-md-plain)').waitFor();
  assert.equal(await again.getByTestId('overlay-problems').count(), 0);
  await context.close();
});

test('the workers start without a deprecation warning', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const messages = [];
  const listen = (target) => target.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  context.on('page', (page) => {
    listen(page);
    page.on('worker', listen);
  });
  const page = await filesView(context);
  await excelWorks(page);
  await page.goto(portal());
  await member(page).getByTestId('branding').locator('.tics-md p').first().waitFor();
  assert.deepEqual(messages.filter((m) => /deprecated/i.test(m)), []);
  assert.ok(page.workers().length > 0, 'a worker ran (and its console was listened to)');
  await context.close();
});
