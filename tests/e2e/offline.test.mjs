// End-to-end: the standalone site's offline support (sw.js, see docs/EMBEDDING.md §7). After a first visit the
// site and the self-check work with the network off; a repeat visit downloads no app file; a new build replaces
// the old build's cache; the example portal registers no service worker unless it opts in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setup, openPage, DIST } from './browser.mjs';
import { startServer } from './server.mjs';

const env = setup();
// browser.mjs blocks service workers in every other test's contexts.
const ALLOW = { serviceWorkers: 'allow' };

/** Opens the site's self-check and waits until the service worker has cached the build and controls the page. */
async function firstVisit(context, origin) {
  const page = await openPage(context, `${origin}/#/business/self-check`);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  return page;
}

test('after a first visit the site and the self-check work offline, and an answer survives a reload', async () => {
  const context = await env.browser.newContext({ ...ALLOW, acceptDownloads: true });
  const page = await firstVisit(context, env.server.origin);
  await context.setOffline(true);
  assert.equal(await page.evaluate(() => navigator.onLine), false);

  await page.reload();
  await page.getByTestId('page-title').filter({ hasText: 'セルフチェック' }).waitFor();
  await page.getByTestId('status-identify-procedure-done').check();
  await page.getByTestId('answered').filter({ hasText: /^1 \// }).waitFor();
  // The guidance, fetched on first opening, was never opened online.
  const card = page.getByTestId('item-identify-procedure');
  await card.locator('.tics-guidance > summary').click();
  await card.locator('.tics-md li, .tics-md p').first().waitFor();
  // The Excel worker's files (its loader, then its WebAssembly from inside the worker).
  await page.getByTestId('view-files').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
  assert.match(download.suggestedFilename(), /\.xlsx$/);

  await page.reload();
  await page.getByTestId('app').waitFor();
  // Every view, each from its chunk, from the service worker's cache.
  for (const [tab, testid] of [['inventory', 'inventory-view'], ['plan', 'plan'], ['documents', 'documents-view'],
    ['periodic', 'periodic'], ['compare', 'compare'], ['files', 'files'], ['report', 'report-view']]) {
    await page.getByTestId(`view-${tab}`).click();
    await page.getByTestId(testid).first().waitFor();
  }
  assert.equal(await page.getByTestId('view-failed').count(), 0);
  await page.getByTestId('view-check').click();
  assert.ok(await page.getByTestId('status-identify-procedure-done').isChecked(), 'the answer was kept');
  // Another page of the site, fetched page by page.
  await page.getByTestId('tab-top').click();
  await page.getByTestId('page-title').filter({ hasText: '制度概要' }).waitFor();
  await page.getByTestId('page-body').locator('.tics-md p').first().waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a repeat visit downloads no app file again: the service worker answers from its cache', async () => {
  const context = await env.browser.newContext(ALLOW);
  const first = await firstVisit(context, env.server.origin);
  // The first page's own fetches (the views it prefetches while idle) are over before counting starts.
  await first.waitForLoadState('networkidle');
  await first.close();

  const before = env.server.requests.length;
  const page = await context.newPage();
  const fromNetwork = [];
  page.on('response', (r) => { if (!r.fromServiceWorker()) fromNetwork.push(r.url()); });
  await page.goto(`${env.server.origin}/#/business/self-check`);
  await page.getByTestId('app').waitFor();
  const card = page.getByTestId('item-identify-procedure');
  await card.locator('.tics-guidance > summary').click();
  await card.locator('.tics-md li, .tics-md p').first().waitFor();
  // The browser asks whether sw.js has changed (that is how a new build is found); nothing else reaches the server.
  assert.deepEqual(env.server.requests.slice(before).filter((p) => p !== '/sw.js'), []);
  assert.deepEqual(fromNetwork, []);

  // A file that is not in the build's list (an overlay, say) goes to the network and is not cached.
  const overlay = `${env.server.origin}/examples/portal/die-mould-overlay.json`;
  const cached = await page.evaluate(async (url) => {
    const response = await fetch(url);
    return { ok: response.ok, cached: (await caches.match(url)) !== undefined };
  }, overlay);
  assert.deepEqual(cached, { ok: true, cached: false });
  assert.ok(env.server.requests.includes('/examples/portal/die-mould-overlay.json'));
  await context.close();
});

test("a new build's service worker takes over and deletes the older build's cache, and no other", async (t) => {
  // A copy of the build, so that its sw.js can change between visits.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tics-sw-'));
  await cp(DIST, dir, { recursive: true });
  const server = await startServer(dir);
  t.after(() => server.close());
  const context = await env.browser.newContext(ALLOW);
  t.after(() => context.close());
  const page = await firstVisit(context, server.origin);
  const [older] = await page.evaluate(() => caches.keys());
  assert.match(older, new RegExp(`^tics-self-check:${server.origin}/:[0-9a-f]{8}$`));
  // The cache of a copy of the site in another folder of the same origin.
  const other = `tics-self-check:${server.origin}/other/:00000000`;
  await page.evaluate((name) => caches.open(name), other);

  const sw = path.join(dir, 'sw.js');
  const script = await readFile(sw, 'utf8');
  const build = /build ([0-9a-f]{8})/.exec(script)[1];
  await writeFile(sw, script.replaceAll(build, 'feedbeef'));
  // The browser finds the changed sw.js; the new one installs, then activates (which deletes the older cache).
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    const current = registration.active;
    await registration.update();
    const incoming = [registration.installing, registration.waiting, registration.active].find((w) => w && w !== current);
    if (!incoming) throw new Error('no new service worker');
    await new Promise((resolve) => {
      const activated = () => { if (incoming.state === 'activated') resolve(); };
      incoming.addEventListener('statechange', activated);
      activated();
    });
  });
  assert.deepEqual((await page.evaluate(() => caches.keys())).sort(),
    [`tics-self-check:${server.origin}/:feedbeef`, other].sort());

  await page.reload();
  await page.getByTestId('status-identify-procedure-done').check();
  await page.getByTestId('answered').filter({ hasText: /^1 \// }).waitFor();
});

test('the example portal registers no service worker unless it opts in', async () => {
  const context = await env.browser.newContext(ALLOW);
  await context.addInitScript(() => {
    const register = ServiceWorkerContainer.prototype.register;
    window.__registered = [];
    ServiceWorkerContainer.prototype.register = function (url, options) {
      window.__registered.push(String(url));
      return register.call(this, url, options);
    };
  });
  const page = await context.newPage();
  await page.goto(`${env.server.origin}/examples/portal/`);
  // Both widgets are mounted, so each has passed the point where it would register one.
  await page.locator('#member-check').getByTestId('app').waitFor();
  await page.locator('#guest-check').getByTestId('app').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__registered), []);
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);

  // Opting in (the `serviceWorker` option) registers the build's sw.js.
  const entry = await page.evaluate(() => document.querySelector('script[type=module][integrity]').src);
  await page.evaluate(async (src) => {
    const { mount } = await import(src);
    const host = document.createElement('div');
    document.body.append(host);
    await mount(host, { namespace: 'opted-in', serviceWorker: true });
  }, entry);
  assert.deepEqual(await page.evaluate(() => window.__registered), [`${env.server.origin}/sw.js`]);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.close();
});
