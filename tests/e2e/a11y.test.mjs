// Accessibility: axe-core (WCAG 2.0/2.1/2.2 A and AA rules) finds no violation on any view or tab, in Japanese
// and English, in the site and in the embedded widget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setup, ROOT, axeViolations as violations } from './browser.mjs';
import { largeOverlay, mountWithOverlay } from './large-overlay.mjs';

const root = ROOT;
const siteMap = JSON.parse(await readFile(path.join(root, 'content/site/pages.json'), 'utf8'));
const env = setup();

test('every page of the site, in Japanese and English', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const found = [];
  for (const lang of ['ja', 'en']) {
    for (const tab of siteMap.tabs) {
      for (const p of tab.pages) {
        await page.goto(`${env.server.origin}/${lang === 'en' ? 'en/' : ''}${tab.id}/${p.id}/`);
        await page.getByTestId('page-title').filter({ hasText: p.title[lang] }).waitFor();
        await page.getByTestId('page-body').waitFor();
        // A tool's page: once the tool is there.
        if (['self-check'].includes(p.id)) await page.getByTestId('app').waitFor();
        found.push(...await violations(page, `${lang} ${tab.id}/${p.id}`));
      }
    }
  }
  assert.deepEqual(found, []);
  await context.close();
});

test('every view of the self-check with answers, gaps, open guidance and the list by threat, in both languages', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.server.origin}/#/business/self-check`);
  await page.getByTestId('app').waitFor();
  await page.getByTestId('form-container').check();
  await page.getByTestId('status-identify-procedure-done').check();
  await page.getByTestId('status-mark-label-not_applicable').check();
  await page.getByTestId('aside-manager-appoint').click();
  await page.getByTestId('item-identify-procedure').locator('.tics-guidance > summary').click();
  // Two feared threats: marked in the summary and the report, and the list by threat offered.
  await page.getByTestId('fear-insider').check();
  await page.getByTestId('fear-partner').check();
  // An inventory with a worked example and a blank row (the profile's forms then follow it, shown as such).
  await page.getByTestId('view-inventory').click();
  await page.getByTestId('inventory-add-example').click();
  await page.getByTestId('inventory-add').click();
  await page.getByTestId('inv-1-delete').click();
  const found = [];
  for (const lang of ['ja', 'en']) {
    for (const view of ['check', 'inventory', 'plan', 'documents', 'periodic', 'compare', 'team', 'schedule', 'files', 'report']) {
      await page.getByTestId(`view-${view}`).click();
      // A view from a chunk: once it is there.
      await page.getByTestId('view-loading').waitFor({ state: 'detached' });
      found.push(...await violations(page, `${lang} view ${view}`));
      if (view === 'check') {
        await page.getByTestId('items-by-threat').check();
        await page.getByTestId('threat-partner').waitFor();
        found.push(...await violations(page, `${lang} view check by threat`));
        await page.getByTestId('items-by-topic').check();
      }
    }
    if (lang === 'ja') {
      await page.getByTestId('site-lang').click();
      await page.locator('[data-testid=app][lang=en]').waitFor();
    }
  }
  assert.deepEqual(found, []);
  await context.close();
});

test('the embedded widgets on the example portal (English host page)', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.server.origin}/examples/portal/`);
  await page.locator('#member-check').getByTestId('branding').waitFor();
  await page.locator('#guest-check').getByTestId('app').waitFor();
  const found = await violations(page, 'portal');
  await page.locator('#member-check').getByTestId('view-report').click();
  found.push(...await violations(page, 'portal report'));
  assert.deepEqual(found, []);
  await context.close();
});

test('a large catalogue shown one topic at a time, in both languages', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.server.origin}/examples/portal/`);
  await page.locator('#guest-check').getByTestId('app').waitFor();
  const host = await mountWithOverlay(page, 'large', largeOverlay(150), { namespace: 'large' });
  await host.getByTestId('status-large-0-done').check();
  await host.getByTestId('show-topic-physical').click();
  await host.locator('.tics-gaps-box summary').click();
  const found = await violations(page, 'large ja');
  await host.getByTestId('lang-toggle').click();
  await host.locator('[data-testid=app][lang=en]').waitFor();
  found.push(...await violations(page, 'large en'));
  assert.deepEqual(found, []);
  await context.close();
});
