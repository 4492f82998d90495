// The site and the widget work under a strict Content-Security-Policy and report no violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, DIST } from './browser.mjs';
import { startServer } from './server.mjs';

// The policy of docs/EMBEDDING.md §6. `blob:` workers: the app starts each worker from its loader's verified
// bytes; `manifest-src`: the site's web app manifest.
export const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
  + "connect-src 'self'; worker-src 'self' blob:; manifest-src 'self'";
const env = setup({ 'content-security-policy': CSP });

test('under a strict CSP the site, the self-check, Excel, printing and the portal work with no violation', async () => {
  // Service workers allowed: the site registers its own under this policy too.
  const context = await env.browser.newContext({ acceptDownloads: true, serviceWorkers: 'allow' });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));

  await page.goto(`${env.server.origin}/#/business/self-check`);
  await page.getByTestId('app').waitFor();
  await page.getByTestId('status-identify-procedure-done').check();
  await page.getByTestId('answered').filter({ hasText: /^1 \// }).waitFor();
  await page.getByTestId('view-files').click();
  await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
  await page.getByTestId('view-report').click();
  await page.getByTestId('print').click();
  await page.waitForFunction(() => {
    const host = document.querySelector('tics-self-check');
    return host.shadowRoot.querySelector('iframe.tics-print-frame')?.contentDocument?.querySelector('[data-testid=statement]');
  });
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.ready).active.scriptURL),
    `${env.server.origin}/sw.js`);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);

  await page.goto(`${env.server.origin}/examples/portal/`);
  // The overlay's introduction, rendered by the Markdown worker (a plain-text fallback has no paragraphs).
  await page.locator('#member-check').getByTestId('branding').locator('.tics-md p').first().waitFor();
  await page.locator('#guest-check').getByTestId('app').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a policy without blob: workers gets a clear message for Excel, and the rest works', async (t) => {
  // The policy before the workers were started from verified bytes: `worker-src` falls back to `script-src`.
  const older = CSP.replace("worker-src 'self' blob:; ", '');
  const server = await startServer(DIST, { 'content-security-policy': older });
  t.after(() => server.close());
  const context = await env.browser.newContext({ acceptDownloads: true });
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(`${server.origin}/#/business/self-check`);
  await page.getByTestId('status-identify-procedure-done').check();
  await page.getByTestId('view-files').click();
  await page.getByTestId('download-xlsx').click();
  await page.getByTestId('error').filter({ hasText: /Excel ファイルを作る部品を読み込めませんでした/ }).waitFor();
  await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
});
