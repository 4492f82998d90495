// End-to-end: WCAG 1.4.10 (reflow): at 320 CSS px no view of the self-check, and no tool page of the site, scrolls
// sideways, with the content that used to push them wider: long unbroken tokens (a file name, a URL) in the
// inventory, and the periodic report's add-link drop-down with its long option names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage } from './browser.mjs';

const env = setup();
const FILE = 'Assembly_Drawing_ProductA_Rev12_final_approved_by_customer.dwg';
const URL = 'https://fileserver.example.co.jp/projects/2026/productA/drawings/assembly/rev12/final/index.html';

/** How far the page reaches beyond the screen's width, with the widest element found (for the message). */
const overflow = (page) => page.evaluate(() => {
  const width = document.documentElement.clientWidth;
  let widest = '';
  let max = 0;
  const visit = (root) => {
    for (const el of root.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > max) { max = r.right; widest = `${el.tagName.toLowerCase()}.${el.className}`; }
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  return { scroll: document.scrollingElement.scrollWidth - width, widest, right: Math.round(max) };
});

async function fits(page, what) {
  const o = await overflow(page);
  assert.ok(o.scroll <= 0, `${what}: the page scrolls sideways by ${o.scroll} px (widest: ${o.widest}, right edge ${o.right})`);
}

const VIEWS = [
  ['check', 'item-identify-procedure'],
  ['inventory', 'inventory-view'],
  ['plan', 'plan'],
  ['documents', 'documents-view'],
  ['periodic', 'periodic'],
  ['compare', 'compare'],
  ['files', 'files'],
  ['report', 'report-view'],
];

test('at 320 px no view of the self-check scrolls sideways, long file names and URLs included', async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP', viewport: { width: 320, height: 800 } });
  const page = await openPage(context, `${env.server.origin}/business/self-check/`);
  await page.getByTestId('status-identify-procedure-partial').check();
  await page.getByTestId('view-inventory').click();
  await page.getByTestId('inventory-add').click();
  await page.getByTestId('inv-0-name').fill(FILE);
  await page.getByTestId('inv-0-location').fill(URL);
  await page.getByTestId('inv-0-description').fill(URL);
  for (const [view, shown] of VIEWS) {
    await page.getByTestId(`view-${view}`).click();
    await page.getByTestId(shown).first().waitFor();
    await fits(page, view);
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('at 320 px the aggregate, the catalogue check and an English self-check do not scroll sideways', async () => {
  const context = await env.browser.newContext({ viewport: { width: 320, height: 800 } });
  for (const [url, shown] of [
    ['reference/aggregate/', 'aggregate'],
    ['reference/catalogue-check/', 'catalogue-check-app'],
    ['en/business/self-check/', 'item-identify-procedure'],
  ]) {
    const page = await context.newPage();
    await page.goto(`${env.server.origin}/${url}`);
    await page.getByTestId(shown).first().waitFor();
    await fits(page, url);
    await page.close();
  }
  await context.close();
});
