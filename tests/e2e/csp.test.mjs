// The site and the widget work under a strict Content-Security-Policy and report no violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './browser.mjs';

export const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";
const env = setup({ 'content-security-policy': CSP });

test('under a strict CSP the site, the self-check, Excel, printing and the portal work with no violation', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
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
  assert.deepEqual(await page.evaluate(() => window.__violations), []);

  await page.goto(`${env.server.origin}/examples/portal/`);
  await page.locator('#member-check').getByTestId('branding').waitFor();
  await page.locator('#guest-check').getByTestId('app').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});
