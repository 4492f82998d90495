// Launches Debian's Chromium through playwright-core (never a browser downloaded by a tool).
import { before, after } from 'node:test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { startServer } from './server.mjs';

/** The repository root and the release build the tests run against. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/// `TICS_DIST` points the tests at another build (for example an older one, to see a new test fail there).
export const DIST = process.env.TICS_DIST ?? path.join(ROOT, 'dist');

/** What Playwright logs (a console warning) when the site registers its service worker in a blocking context. */
export const BLOCKED_SW_WARNING = 'Service Worker registration blocked by Playwright';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * True for a request to the app's own files: its origin, or a blob: URL of that origin (a web worker is started
 * from the verified bytes of its loader, held in memory; see src/web/worker.rs). Nothing else is allowed.
 */
export const isOwn = (origin, url) => url.startsWith(`${origin}/`) || url.startsWith(`blob:${origin}/`);

/// Opens a page that records every request it makes and every page error.
export async function openPage(context, url) {
  const page = await context.newPage();
  page.requests = [];
  page.errors = [];
  page.on('request', (r) => page.requests.push(r.url()));
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  await page.goto(url);
  await page.getByTestId('app').waitFor();
  return page;
}

/// Waits until the focused element — looking inside open shadow roots — satisfies `check(el)` (run in the page).
export async function waitForFocus(page, check) {
  await page.waitForFunction((source) => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    // eslint-disable-next-line no-new-func
    return el && new Function('el', `return (${source})(el)`)(el);
  }, check.toString());
}

/** The WCAG 2.0–2.2 A and AA rules axe checks. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/// What axe finds on the page as it is now, one line per rule, prefixed with `where`.
export async function axeViolations(page, where) {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return result.violations.map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/// Waits until the field with `data-testid` `testId` — looking inside open shadow roots — holds `value`.
export async function waitForValue(page, testId, value) {
  await page.waitForFunction(([id, wanted]) => {
    const find = (root) => root.querySelector(`[data-testid="${id}"]`)
      ?? [...root.querySelectorAll('*')].map((el) => el.shadowRoot && find(el.shadowRoot)).find(Boolean);
    return find(document)?.value === wanted;
  }, [testId, value]);
}

/**
 * Starts the release build's server and a browser before the file's tests and stops both after them.
 * Returns an object whose `server` and `browser` are set once the tests run.
 */
export function setup(headers = {}) {
  const env = {};
  before(async () => {
    env.server = await startServer(DIST, headers);
    env.browser = await launch();
    // The site registers a service worker, which would answer later requests from its cache and hide them from
    // the tests that count requests or intercept them. Contexts block it unless a test asks for it
    // (`serviceWorkers: 'allow'`, as offline.test.mjs does); Playwright then logs BLOCKED_SW_WARNING.
    const newContext = env.browser.newContext.bind(env.browser);
    env.browser.newContext = (options = {}) => newContext({ serviceWorkers: 'block', ...options });
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
