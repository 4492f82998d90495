// End-to-end: the Word worker of the release build (pledges and the management rules). No view offers the
// documents yet, so the test starts the worker itself the way the app does (src/web/worker.rs): it fetches the
// loader named in widget-manifest.json with its digest, starts it from a blob: URL, tells it where its files are,
// and sends requests in the app's envelope. It checks that the app does not load the worker at start, that every
// document comes back as a .docx (a ZIP: "PK") and as a printable page, that the page prints under the strict
// Content-Security-Policy of docs/EMBEDDING.md, and that no request leaves the origin. It prints how long each
// document takes with the CPU slowed down four times.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setup, openPage, isOwn, DIST } from './browser.mjs';
import { startServer } from './server.mjs';

// The policy of docs/EMBEDDING.md §6, as csp.test.mjs has it (importing that file would run its tests here).
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
  + "connect-src 'self'; worker-src 'self' blob:; manifest-src 'self'";

const env = setup();

const KINDS = ['pledge_joining', 'pledge_leaving', 'pledge_visitor', 'pledge_partner', 'rules'];

/** The loader and WebAssembly of the Word worker, as widget-manifest.json lists them. */
async function wordFiles() {
  const manifest = JSON.parse(await readFile(path.join(DIST, 'widget-manifest.json'), 'utf8'));
  const loader = Object.keys(manifest.onDemand).find((f) => /^tics-docx-worker-[0-9a-f]+\.js$/.test(f));
  const wasm = Object.keys(manifest.onDemand).find((f) => /^tics-docx-worker-[0-9a-f]+_bg\.wasm$/.test(f));
  return { manifest, loader, wasm, integrity: manifest.onDemand[loader] };
}

/** An input as the app builds it from a self-check, with text a hostile user might type. */
const input = (kind, lang) => ({
  kind,
  lang,
  business: '株式会社<script>alert(1)</script> & <w:t>x</w:t>',
  representative_title: '代表取締役',
  representative_name: '山田 太郎',
  classes: ['極秘', '社外秘', "=cmd|' /C calc'!A0"],
  classes_are_default: false,
  manager: '製造部長 佐藤',
  reporting_route: '発見者 → 上長 → 管理責任者',
  training: '毎年4月',
  information: ['金型図面'],
  measures: [{ topic: 'physical', title: '物理的保管', measures: [{ text: '施錠保管', state: 'in_place' }, { text: '鍵の管理簿', state: 'planned', due: '2026-12-01' }] }],
});

/**
 * Starts the worker in the page from its verified loader and returns after it is ready; then
 * `window.__word(body)` sends one request and resolves with `{ ok, ms }` or rejects with the worker's message.
 */
async function startWorker(page, loader, integrity) {
  await page.evaluate(async ({ loader, integrity }) => {
    const response = await fetch(new URL(loader, `${location.origin}/`), { integrity, credentials: 'same-origin' });
    const script = await response.text();
    const url = URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
    const worker = new Worker(url);
    const waiting = new Map();
    let nextId = 0;
    await new Promise((resolve, reject) => {
      worker.onmessage = ({ data }) => {
        if (data.ready) resolve();
        else if (data.fatal) reject(new Error(data.fatal));
        else if (waiting.has(data.id)) waiting.get(data.id)(data);
      };
      worker.onerror = (e) => reject(new Error(e.message));
      worker.postMessage({ base: `${location.origin}/` });
    });
    URL.revokeObjectURL(url);
    window.__word = (body) => new Promise((resolve, reject) => {
      const id = ++nextId;
      const started = performance.now();
      waiting.set(id, (data) => {
        const ms = performance.now() - started;
        if ('error' in data) reject(new Error(data.error));
        else resolve({ ok: data.ok, ms });
      });
      worker.postMessage({ id, body });
    });
  }, { loader, integrity });
}

test('the app does not load the Word worker at start; the worker makes every document as .docx and page', async () => {
  const { manifest, loader, wasm, integrity } = await wordFiles();
  assert.ok(loader && wasm, 'the Word worker is listed under onDemand');
  assert.ok(!Object.keys(manifest.files).some((f) => f.includes('docx')), 'and not among the start-up files');

  const context = await env.browser.newContext();
  const page = await openPage(context, `${env.server.origin}/#/business/self-check`);
  assert.ok(!page.requests.some((u) => u.includes('tics-docx-worker')), 'not loaded at start');

  await startWorker(page, loader, integrity);
  for (const kind of KINDS) {
    for (const lang of ['ja', 'en']) {
      const docx = await page.evaluate(async (body) => {
        const { ok } = await window.__word(body);
        return { isBytes: ok instanceof Uint8Array, head: String.fromCharCode(ok[0], ok[1]), length: ok.length };
      }, JSON.stringify({ op: 'docx', input: input(kind, lang) }));
      assert.deepEqual([docx.isBytes, docx.head], [true, 'PK'], `${kind} ${lang}`);
      assert.ok(docx.length > 10_000, `${kind} ${lang}: ${docx.length} bytes`);

      const { ok: html } = await page.evaluate((body) => window.__word(body),
        JSON.stringify({ op: 'html', input: input(kind, lang) }));
      assert.ok(html.startsWith(`<!doctype html><html lang="${lang}">`), `${kind} ${lang}`);
      assert.ok(html.includes('株式会社&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;w:t&gt;x&lt;/w:t&gt;'), kind);
      assert.ok(!html.includes('<script'), kind);
      assert.ok(html.includes(lang === 'ja' ? '法的な助言ではありません' : 'It is not legal advice'), kind);
    }
  }

  // A request the worker cannot read is refused with a message in both languages; the worker carries on.
  const refused = await page.evaluate(() => window.__word('{"op":"pdf"}').then(() => '', (e) => e.message));
  assert.match(refused, /読めませんでした.*Could not read/s);
  const again = await page.evaluate((body) => window.__word(body).then(({ ok }) => ok.length),
    JSON.stringify({ op: 'docx', input: { kind: 'rules' } }));
  assert.ok(again > 10_000, 'an empty input still makes a document');

  const foreign = page.requests.filter((u) => !isOwn(env.server.origin, u));
  assert.deepEqual(foreign, [], 'no request leaves the origin');
  assert.ok(page.requests.some((u) => u.endsWith(`/${wasm}`)), 'the worker fetched its WebAssembly');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a document page prints under the strict CSP: its style sheet is adopted, no inline style is needed', async (t) => {
  const server = await startServer(DIST, { 'content-security-policy': CSP });
  t.after(() => server.close());
  const { loader, integrity } = await wordFiles();
  const context = await env.browser.newContext();
  t.after(() => context.close());
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
  });
  const page = await openPage(context, `${server.origin}/#/business/self-check`);
  await startWorker(page, loader, integrity);
  // What src/web/print.rs does with the page: its body into an about:blank frame, its style sheet adopted
  // through the frame's own CSSStyleSheet.
  const result = await page.evaluate(async (body) => {
    const { ok: html } = await window.__word(body);
    const part = (open, close) => html.slice(html.indexOf(open) + open.length, html.indexOf(close));
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const inner = frame.contentDocument;
    const sheet = new frame.contentWindow.CSSStyleSheet();
    sheet.replaceSync(part('<style>', '</style>'));
    inner.adoptedStyleSheets = [sheet];
    inner.body.innerHTML = part('<body>', '</body>');
    const h1 = inner.querySelector('h1');
    const decide = inner.querySelector('mark.doc-decide');
    return {
      title: h1.textContent,
      font: frame.contentWindow.getComputedStyle(inner.body).fontFamily,
      headingFont: frame.contentWindow.getComputedStyle(h1).fontFamily,
      decideWeight: frame.contentWindow.getComputedStyle(decide).fontWeight,
      articles: inner.querySelectorAll('section.doc-article h3').length,
      pageRule: [...sheet.cssRules].some((r) => r.cssText.startsWith('@page') && /size: a4;/i.test(r.cssText)),
    };
  }, JSON.stringify({ op: 'html', input: input('rules', 'ja') }));
  assert.equal(result.title, '技術情報管理規程（案）');
  assert.match(result.font, /^"Yu Mincho"/);
  assert.match(result.headingFont, /^"Yu Gothic"/);
  assert.equal(result.decideWeight, '700');
  assert.equal(result.articles, 18);
  assert.ok(result.pageRule, 'A4 through @page');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
});
