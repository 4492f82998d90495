// End-to-end: the built-in catalogue's guidance ("解説と例") is downloaded once however many sections open while
// it is on its way, and a failed download is tried again when a section is opened again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage } from './browser.mjs';

const env = setup();
const GUIDANCE = /catalogue-guidance-[^/]*\.json$/;

test('opening many guidance sections while the file is on its way downloads it once', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, `${env.server.origin}/#/business/self-check`);
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  const asked = [];
  await page.route(GUIDANCE, async (route) => {
    asked.push(route.request().url());
    await released;
    await route.continue();
  });
  const sections = page.locator('details.tics-guidance');
  const count = await sections.count();
  assert.ok(count >= 12, `${count} sections`);
  for (let i = 0; i < 12; i += 1) {
    await sections.nth(i).locator('summary').click();
    await sections.nth(i).getByRole('status').waitFor();
  }
  release();
  for (let i = 0; i < 12; i += 1) await sections.nth(i).locator('.tics-md p, .tics-md li').first().waitFor();
  assert.equal(asked.length, 1, asked.join('\n'));
  assert.equal(page.requests.filter((u) => u.includes('catalogue-guidance-')).length, 1);
  await context.close();
});

test('guidance that failed to load is fetched again when a section is opened again', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, `${env.server.origin}/#/business/self-check`);
  await page.route(GUIDANCE, (route) => route.fulfill({ status: 503, body: 'busy' }));
  const section = page.locator('details.tics-guidance').first();
  await section.locator('summary').click();
  await section.getByRole('alert').filter({ hasText: /解説を読み込めませんでした/ }).waitFor();
  await page.unroute(GUIDANCE);
  await section.locator('summary').click();
  await section.locator('summary').click();
  await section.locator('.tics-md p, .tics-md li').first().waitFor();
  await context.close();
});

test('on a first visit with the offline service worker, many sections opened at once download the guidance once', async () => {
  // The service worker keeps every file of the build, the guidance too: the page must not fetch it a second time
  // while the worker is installing. Counted at the server, which sees the worker's requests as well as the page's.
  const context = await env.browser.newContext({ serviceWorkers: 'allow' });
  const before = env.server.requests.length;
  const page = await openPage(context, `${env.server.origin}/#/business/self-check`);
  const sections = page.locator('details.tics-guidance');
  const count = await sections.count();
  for (let i = 0; i < Math.min(count, 36); i += 1) await sections.nth(i).locator('summary').click();
  for (let i = 0; i < Math.min(count, 36); i += 1) await sections.nth(i).locator('.tics-md p, .tics-md li').first().waitFor();
  // Until the worker has the whole build and controls the page, so that a late second download would be counted.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  const guidance = env.server.requests.slice(before).filter((p) => p.includes('catalogue-guidance-'));
  assert.deepEqual(guidance.length, 1, guidance.join('\n'));
  assert.deepEqual(page.errors, []);
  await context.close();
});
