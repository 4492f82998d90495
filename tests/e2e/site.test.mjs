// End-to-end: the site's pages (plain HTML: every page in both languages without script, old hash links, tabs,
// the back button, the language switch, phone and wide layouts); the example association portal with two widgets,
// an overlay, a theme, hostile host CSS and an English host page; destroying a widget; invalid overlays;
// the completion event; printing from the widget; the catalogue checker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setup, openPage, isOwn, BLOCKED_SW_WARNING, ROOT } from './browser.mjs';

const root = ROOT;
const siteMap = JSON.parse(await readFile(path.join(root, 'content/site/pages.json'), 'utf8'));
const env = setup();

async function newPage(options = {}) {
  const context = await env.browser.newContext(options);
  const page = await context.newPage();
  page.errors = [];
  page.requests = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('request', (r) => page.requests.push(r.url()));
  return { context, page };
}

const title = (page) => page.getByTestId('page-title');

const pageUrl = (tab, page, lang = 'ja') => `${env.server.origin}/${lang === 'en' ? 'en/' : ''}${tab}/${page}/`;
const isWasm = (u) => u.endsWith('.wasm');

test('every page is a real HTML file in both languages, with its title and text, and content pages load no WebAssembly', async () => {
  const { context, page } = await newPage({ javaScriptEnabled: false });
  for (const lang of ['ja', 'en']) {
    for (const tab of siteMap.tabs) {
      for (const p of tab.pages) {
        await page.goto(pageUrl(tab.id, p.id, lang));
        await title(page).filter({ hasText: p.title[lang] }).waitFor();
        assert.equal(await page.getByTestId(`tab-${tab.id}`).getAttribute('aria-current'), 'page', `${tab.id} is current`);
        assert.equal(await page.getByTestId(`page-${tab.id}-${p.id}`).getAttribute('aria-current'), 'page');
        const text = await page.locator('.tics-site-main').innerText();
        assert.ok(text.length > 150, `${tab.id}/${p.id} has text without any script`);
        assert.equal(await page.title(), `${p.title[lang]} | ${lang === 'ja' ? '技術情報管理認証制度' : 'TICS'}`);
        assert.equal(await page.locator('meta[name=description]').getAttribute('content'), p.summary[lang]);
        assert.equal(await page.locator('html').getAttribute('lang'), lang);
      }
    }
  }
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.requests.filter((u) => !isOwn(env.server.origin, u)), []);
  await context.close();

  // With script on, a content page still fetches no WebAssembly.
  const { context: scripted, page: visitor } = await newPage();
  for (const [tab, p] of [['top', 'overview'], ['business', 'process'], ['reference', 'laws']]) {
    await visitor.goto(pageUrl(tab, p));
    await visitor.getByTestId('page-body').waitFor();
  }
  await visitor.goto(`${env.server.origin}/`);
  await title(visitor).filter({ hasText: '制度概要' }).waitFor();
  await visitor.waitForLoadState('load');
  assert.deepEqual(visitor.requests.filter(isWasm), [], 'no .wasm on content pages');
  await scripted.close();
});

test('old links to the one-page site arrive at their page', async () => {
  const { context, page } = await newPage();
  await page.goto(`${env.server.origin}/#/business/self-check`);
  await page.getByTestId('app').waitFor();
  assert.equal(page.url(), pageUrl('business', 'self-check'));
  await page.goto(`${env.server.origin}/#/top/nowhere`);
  await title(page).filter({ hasText: '制度概要' }).waitFor();
  assert.equal(page.url(), pageUrl('top', 'overview'), 'an unknown page of a known tab: its first page');
  // A visitor who had chosen English on the old site arrives in English.
  await page.evaluate(() => localStorage.setItem('tics-self-check:v1:lang', 'en'));
  await page.goto(`${env.server.origin}/#/reference/laws`);
  await title(page).filter({ hasText: 'Laws' }).waitFor();
  assert.equal(page.url(), pageUrl('reference', 'laws', 'en'));
  await context.close();
});

test('links move through the site and the back button returns', async () => {
  const { context, page } = await newPage();
  await page.goto(`${env.server.origin}/`);
  await title(page).filter({ hasText: '制度概要' }).waitFor();
  await page.getByTestId('tab-business').click();
  await title(page).filter({ hasText: '認証取得のメリット' }).waitFor();
  assert.equal(page.url(), pageUrl('business', 'benefits'));
  await page.getByTestId('page-business-self-check').click();
  await page.getByTestId('app').waitFor();
  await page.goBack();
  await title(page).filter({ hasText: '認証取得のメリット' }).waitFor();
  await page.goBack();
  await title(page).filter({ hasText: '制度概要' }).waitFor();
  await page.goForward();
  await title(page).filter({ hasText: '認証取得のメリット' }).waitFor();
  // The language switch leads to the same page in English, which stays English through navigation and reloads.
  await page.getByTestId('site-lang').click();
  await title(page).filter({ hasText: /Benefits/ }).waitFor();
  assert.equal(page.url(), pageUrl('business', 'benefits', 'en'));
  await page.getByTestId('tab-reference').click();
  await title(page).filter({ hasText: /Laws/ }).waitFor();
  await page.reload();
  await title(page).filter({ hasText: /Laws/ }).waitFor();
  // The skip link leads past the tabs and menu to the page.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'skip-to-content');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tics-main');
  await context.close();
});

test('the site reflows at 320 px without sideways scrolling', async () => {
  const { context, page } = await newPage({ viewport: { width: 320, height: 800 } });
  for (const [tab, p] of [['top', 'overview'], ['business', 'self-check'], ['top', 'faq']]) {
    await page.goto(pageUrl(tab, p));
    await title(page).waitFor();
    if (p === 'self-check') await page.getByTestId('app').waitFor();
    assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth) <= 320, `${tab}/${p} fits`);
  }
  await context.close();
});

test('on a phone, a tool\'s page shows the tool first and other pages their menu first', async () => {
  const { context, page } = await newPage({ viewport: { width: 375, height: 700 } });
  const top = (locator) => locator.evaluate((el) => el.getBoundingClientRect().top);
  await page.goto(pageUrl('business', 'self-check'));
  const app = page.getByTestId('app');
  await app.waitFor();
  const menu = page.locator('.tics-site-pages');
  assert.ok(await top(app) < await top(menu), 'the self-check comes before the page menu');
  assert.ok(await top(app) < 700, 'the self-check starts on the first screen');
  await page.goto(pageUrl('top', 'overview'));
  await page.getByTestId('page-body').waitFor();
  assert.ok(await top(page.locator('.tics-site-pages')) < await top(page.getByTestId('page-body')), 'other pages keep the menu first');
  await context.close();
});

test('when a tool appears on a phone, the text of its page does not jump (layout shift)', async () => {
  const { context, page } = await newPage({ viewport: { width: 412, height: 823 } });
  await page.addInitScript(() => {
    window.shifts = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.shifts += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // The module waits until the static page has been shown, as on a slow link.
  let release;
  const shown = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => { await shown; await route.continue(); });
  await page.goto(pageUrl('business', 'self-check'));
  await page.getByTestId('page-body').waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  release();
  await page.getByTestId('app').waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const shifts = await page.evaluate(() => window.shifts);
  assert.ok(shifts < 0.1, `cumulative layout shift ${shifts} stays under 0.1 (good, by Web Vitals)`);
  await context.close();
});

test('on a wide screen the page menu stays on the left of a tool', async () => {
  const { context, page } = await newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(pageUrl('business', 'self-check'));
  await page.getByTestId('app').waitFor();
  const left = (sel) => page.locator(sel).evaluate((el) => el.getBoundingClientRect().left);
  assert.ok(await left('.tics-site-pages') < await left('.tics-site-main'));
  await context.close();
});

const portal = () => `${env.server.origin}/examples/portal/`;
const member = (page) => page.locator('#member-check');
const guest = (page) => page.locator('#guest-check');

test('the portal runs two independent widgets: overlay, branding, theme, and an English host page', async () => {
  const { context, page } = await newPage();
  await page.goto(portal());
  await member(page).getByTestId('app').waitFor();
  await guest(page).getByTestId('app').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await member(page).getByTestId('app').getAttribute('lang'), 'ja');
  assert.equal(await guest(page).getByTestId('app').getAttribute('lang'), 'en');

  // The association's overlay: branding, its own topic and items, a hidden item, its reference column.
  assert.match(await member(page).getByTestId('branding').innerText(), /金型工業会/);
  assert.equal(await member(page).getByTestId('topic-mould').count(), 1);
  assert.equal(await guest(page).getByTestId('topic-mould').count(), 0);
  assert.equal(await member(page).getByTestId('item-physical-area-constant-monitoring').count(), 0);
  assert.equal(await guest(page).getByTestId('item-physical-area-constant-monitoring').count(), 1);
  assert.match(await member(page).getByTestId('item-identify-procedure').innerText(), /会ガイド\s*G-1\.1/);

  // The theme reaches inside the shadow root.
  const accent = await member(page).locator('.tics-tab-current').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(accent, 'rgb(138, 44, 13)');
  const plain = await guest(page).locator('.tics-tab-current').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(plain, 'rgb(11, 79, 156)');

  // Answers stay apart.
  await member(page).getByTestId('status-identify-procedure-done').check();
  await guest(page).getByTestId('answered').filter({ hasText: /^0 \// }).waitFor();
  await member(page).getByTestId('answered').filter({ hasText: /^1 \// }).waitFor();
  // Each under its own namespace; the guest, untouched, has written nothing.
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  assert.deepEqual(keys, ['die-mould:member:state']);
  await page.reload();
  await member(page).getByTestId('answered').filter({ hasText: /^1 \// }).waitFor();
  assert.ok(await member(page).getByTestId('status-identify-procedure-done').isChecked());
  assert.deepEqual(page.requests.filter((u) => !isOwn(env.server.origin, u)), []);
  await context.close();
});

test('hostile host CSS neither breaks the widget nor leaks into it', async () => {
  const { context, page } = await newPage();
  await page.goto(portal());
  await member(page).getByTestId('app').waitFor();
  await page.addStyleTag({ content: '* { all: unset !important; } html { font-size: 48px !important; } div, p, button, input { color: #f0f !important; font-family: fantasy !important; }' });
  const style = await member(page).getByTestId('app').evaluate((el) => {
    const s = getComputedStyle(el);
    return { display: getComputedStyle(el.getRootNode().host).display, size: s.fontSize, color: s.color, font: s.fontFamily };
  });
  assert.equal(style.display, 'block');
  assert.equal(style.size, '16px');
  assert.equal(style.color, 'rgb(26, 26, 26)');
  assert.ok(!style.font.includes('fantasy'));
  const button = member(page).getByTestId('lang-toggle');
  assert.ok((await button.boundingBox()).height >= 40, 'buttons keep their size');
  await member(page).getByTestId('status-identify-procedure-partial').check();
  await member(page).getByTestId('answered').filter({ hasText: /^1 \// }).waitFor();
  await context.close();
});

/**
 * Mounts another widget on the portal page through the JavaScript API, into a new <div id="{id}">. Keeps the
 * handle as window.handles[id].
 */
async function mountExtra(page, id, options) {
  const entry = await page.evaluate(() => document.querySelector('script[type=module][integrity]').src);
  await page.evaluate(async ([src, hostId, opts]) => {
    const { mount } = await import(src);
    const host = document.createElement('div');
    host.id = hostId;
    document.body.append(host);
    window.handles = { ...window.handles, [hostId]: await mount(host, opts) };
  }, [entry, id, options]);
  return page.locator(`#${id}`);
}

const PLAYWRIGHT_WINDOW_LISTENERS = new Set(['mousemove', 'pointerdown', 'pointerup', 'touchstart', 'touchend',
  'touchcancel', 'mousedown', 'mouseup', 'click', 'auxclick', 'dblclick', 'contextmenu', '__playwright_global_listeners_check__']);

/** Event listeners on window, document and the host element, counted through the DevTools protocol. */
async function listenerCount(page, cdp, hostSelector) {
  return (await listeners(cdp, hostSelector)).length;
}

async function listeners(cdp, hostSelector) {
  const all = [];
  for (const expression of ['window', 'document', `document.querySelector(${JSON.stringify(hostSelector)})`]) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    if (!result.objectId) continue;
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth: -1, pierce: true });
    // Playwright's own hit-target listeners on the window are not the app's.
    const ours = expression === 'window' ? listeners.filter((l) => !PLAYWRIGHT_WINDOW_LISTENERS.has(l.type)) : listeners;
    all.push(...ours.map((l) => `${expression}: ${l.type}`));
  }
  return all;
}

test('a destroyed widget leaves no nodes and no listeners behind', async () => {
  const { context, page } = await newPage();
  await page.goto(portal());
  // Both widgets fully there (the member's overlay is checked first), so that nothing they add is counted later.
  await guest(page).getByTestId('app').waitFor();
  await member(page).getByTestId('app').waitFor();
  // The probe's host exists (empty) before mounting, so listeners are counted on the same nodes before and after.
  await page.evaluate(() => {
    const host = document.createElement('div');
    host.id = 'probe';
    document.body.append(host);
  });
  // Playwright's real clicks add listeners of its own to the window; those are left out of the count.
  const cdp = await context.newCDPSession(page);
  const before = await listenerCount(page, cdp, '#probe');
  const entry = await page.evaluate(() => document.querySelector('script[type=module][integrity]').src);
  await page.evaluate(async (src) => {
    const { mount } = await import(src);
    window.probe = await mount(document.getElementById('probe'), { lang: 'en', namespace: 'probe' });
  }, entry);
  await page.locator('#probe').getByTestId('app').waitFor();
  // Clicked from the page's own script: Playwright's real clicks add listeners of its own to the window.
  await page.locator('#probe').getByTestId('view-report').evaluate((el) => el.click());
  await page.locator('#probe').getByTestId('print').evaluate((el) => el.click());
  await page.waitForFunction(() => document.getElementById('probe').shadowRoot.querySelector('iframe.tics-print-frame'));
  assert.ok(await listenerCount(page, cdp, '#probe') > before, 'the mounted app listens');
  await page.evaluate(() => window.probe.destroy());
  assert.equal(await page.evaluate(() => document.getElementById('probe').shadowRoot.childNodes.length), 0);
  assert.equal(await listenerCount(page, cdp, '#probe'), before, (await listeners(cdp, '#probe')).join('\n'));

  // The portal's own destroy button removes the guest widget completely too.
  await page.click('#destroy-guest');
  assert.equal(await page.locator('#guest-check').count(), 0);
  assert.equal(await member(page).getByTestId('app').count(), 1, 'the other widget is untouched');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('an invalid overlay is reported and the standard catalogue still works', async () => {
  const { context, page } = await newPage();
  await page.goto(portal());
  await member(page).getByTestId('app').waitFor();
  await mountExtra(page, 'bad-inline', {
    overlay: { format: 'tics-self-check-overlay', format_version: 1, id: 'x', version: '1', hide: ['no-such-item'] },
    namespace: 'bad-inline',
  });
  await mountExtra(page, 'bad-url', { overlay: 'https://elsewhere.example/overlay.json', namespace: 'bad-url' });
  const inline = page.locator('#bad-inline');
  await inline.getByTestId('overlay-problems').waitFor();
  assert.match(await inline.getByTestId('overlay-problems').innerText(), /\[no-such-item\] hide/);
  await inline.getByTestId('status-identify-procedure-done').check();
  await inline.getByTestId('answered').filter({ hasText: /^1 \// }).waitFor();
  const remote = page.locator('#bad-url');
  assert.match(await remote.getByTestId('overlay-problems').innerText(), /same origin/);
  assert.ok(!page.requests.some((u) => u.includes('elsewhere.example')), 'no request to another origin');
  await context.close();
});

test('completing a self-check sends the host page only the fields it asked for', async () => {
  const { context, page } = await newPage();
  await page.goto(portal());
  await guest(page).getByTestId('app').waitFor();
  const radios = guest(page).locator('input[type=radio][data-testid$="-not_done"]');
  const count = await radios.count();
  assert.ok(count > 10);
  for (let i = 0; i < count; i += 1) await radios.nth(i).check();
  await page.locator('#events li').waitFor();
  const text = await page.locator('#events li').innerText();
  const detail = JSON.parse(text.replace('Completed: ', ''));
  assert.deepEqual(Object.keys(detail).sort(), ['attainedLevel', 'overallScore']);
  assert.equal(detail.overallScore, 0);
  await context.close();
});

test('printing from the embedded widget prints its report, not the host page', async () => {
  const { context, page } = await newPage();
  await page.goto(portal());
  await member(page).getByTestId('app').waitFor();
  await member(page).getByTestId('view-report').click();
  await member(page).getByTestId('print').click();
  const printed = await page.waitForFunction(() => {
    const frame = document.getElementById('member-check').shadowRoot.querySelector('iframe.tics-print-frame');
    const body = frame?.contentDocument?.body;
    return body && body.querySelector('[data-testid=statement]') ? body.innerText : null;
  });
  const text = await printed.jsonValue();
  assert.match(text, /セルフチェック結果の宣言/);
  assert.ok(!text.includes('member portal'), 'the host page is not in the print');
  await context.close();
});

test('the catalogue checker lists every problem or previews the result', async () => {
  const { context, page } = await newPage();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'tics-cc-'));
  await page.goto(pageUrl('reference', 'catalogue-check'));
  await page.getByTestId('catalogue-check').waitFor();
  await page.getByTestId('catalogue-file').setInputFiles(path.join(root, 'examples/portal/die-mould-overlay.json'));
  await page.getByTestId('catalogue-preview').waitFor();
  assert.match(await page.getByTestId('catalogue-preview').innerText(), /tics-default\+die-mould-assoc/);

  const overlay = JSON.parse(await readFile(path.join(root, 'examples/portal/die-mould-overlay.json'), 'utf8'));
  overlay.items[0].level = 7;
  overlay.hide = ['gone'];
  const broken = path.join(tmp, 'broken-overlay.json');
  await writeFile(broken, JSON.stringify(overlay));
  await page.getByTestId('catalogue-file').setInputFiles(broken);
  const problems = page.getByTestId('catalogue-problems');
  await problems.waitFor();
  const rows = await problems.locator('tbody tr').allInnerTexts();
  assert.ok(rows.some((r) => r.includes('broken-overlay.json') && r.includes('mould-cad-data') && r.includes('level')), rows.join('\n'));
  assert.ok(rows.some((r) => r.includes('gone') && r.includes('hide')), rows.join('\n'));
  await context.close();
});

test('the page starts downloading the WebAssembly at once, and downloads it only once', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, pageUrl('business', 'self-check'));
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning' && m.text() !== BLOCKED_SW_WARNING) warnings.push(m.text()); });
  await page.reload();
  await page.getByTestId('app').waitFor();
  // The start-up module only: the views' chunks prefetched once the page is idle are other files.
  const wasm = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => /\/tics-self-check-[0-9a-f]+_bg\.wasm$/.test(e.name)).map((e) => e.initiatorType));
  // Started by the <link rel=preload> in the page, and that response is the one the widget's fetch used.
  assert.deepEqual(wasm, ['link']);
  assert.deepEqual(warnings, [], 'no warning about an unused or mismatched preload');
  await context.close();
});

test('built-in texts arrive rendered; Markdown from an overlay is rendered by a worker loaded only then', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, pageUrl('business', 'self-check'));
  // A site page and a built-in item's guidance, with their lists and emphasis, without the Markdown worker.
  await page.getByTestId('page-body').locator('.tics-md p').first().waitFor();
  const card = page.getByTestId('item-identify-procedure');
  await card.locator('.tics-guidance > summary').click();
  await card.locator('.tics-md li').first().waitFor();
  assert.equal(page.requests.filter((u) => u.includes('tics-md-worker')).length, 0, 'no Markdown worker for built-in text');

  // The portal's association overlay brings its own Markdown: its intro and its items' guidance.
  const portal = await context.newPage();
  portal.requests = [];
  portal.on('request', (r) => portal.requests.push(r.url()));
  await portal.goto(`${env.server.origin}/examples/portal/`);
  const widget = member(portal);
  await widget.getByTestId('branding').locator('.tics-md p').first().waitFor();
  // The overlay's item on machining data applies to level 2 with data on own servers.
  await widget.getByTestId('form-own_server').check();
  await widget.getByTestId('level-2').check();
  const own = widget.getByTestId('item-mould-cad-data');
  await own.locator('.tics-guidance > summary').click();
  await own.locator('.tics-md li', { hasText: '送付は決まった担当者と手段に限る' }).waitFor();
  // The association linked its own item to a register, as catalogue data.
  await own.getByTestId('template-link-mould-cad-data-takeout-register').waitFor();
  assert.ok(portal.requests.some((u) => /\/tics-md-worker-[0-9a-f]+_bg\.wasm$/.test(u)), 'the worker was loaded');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('an overlay item whose guidance reads like the app\'s own marker still shows that guidance', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  // Guidance fetched later is marked by the build, not by a text: "(lazy)" from an overlay is just text.
  await page.route('**/die-mould-overlay.json', async (route) => {
    const overlay = JSON.parse(await readFile(path.join(root, 'examples/portal/die-mould-overlay.json'), 'utf8'));
    const item = overlay.items.find((i) => i.id === 'mould-cad-data');
    item.guidance = { ja: '(lazy)', en: '(lazy)' };
    delete item.examples;
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify(overlay) });
  });
  await page.goto(`${env.server.origin}/examples/portal/`);
  const widget = member(page);
  await widget.getByTestId('form-own_server').check();
  await widget.getByTestId('level-2').check();
  const own = widget.getByTestId('item-mould-cad-data');
  await own.locator('.tics-guidance > summary').click();
  await own.locator('.tics-md p', { hasText: '(lazy)' }).waitFor();
  assert.equal(await own.locator('[role="alert"]').count(), 0, 'no "could not be loaded"');
  await context.close();
});

test('if the content worker cannot load, the widget says the overlay could not be checked and still works', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.route('**/tics-md-worker*', (route) => route.abort());
  await page.goto(`${env.server.origin}/examples/portal/`);
  // The overlay is checked in the content worker; without it the standard catalogue is used, and the widget says
  // why in both languages.
  const problems = member(page).getByTestId('overlay-problems');
  await problems.waitFor();
  assert.match(await problems.innerText(), /標準のカタログ/);
  assert.match(await problems.innerText(), /読み込めませんでした/);
  // The rest of the widget works.
  await member(page).getByTestId('status-identify-procedure-done').check();
  await member(page).getByTestId('answered').filter({ hasText: /^1 \// }).waitFor();
  await context.close();
});
