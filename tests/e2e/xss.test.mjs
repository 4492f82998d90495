// Security: a corpus of XSS payloads placed in an association's overlay catalogue, in notes typed by a user and
// in an imported result file. Nothing executes, and no script, event-handler attribute or script URL reaches the
// DOM of the app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setup, ROOT } from './browser.mjs';
import { PAYLOADS } from './xss-payloads.mjs';
import { canonical } from './digest.mjs';

const root = ROOT;
const env = setup();

test('the corpus has at least 100 payloads', () => {
  assert.ok(new Set(PAYLOADS).size >= 100, `${new Set(PAYLOADS).size} payloads`);
});

async function watchedPage() {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  page.dialogs = [];
  page.on('dialog', (d) => { page.dialogs.push(d.message()); d.dismiss(); });
  page.foreign = [];
  page.on('request', (r) => { if (!r.url().startsWith(env.server.origin + '/') && !r.url().startsWith('blob:')) page.foreign.push(r.url()); });
  return { context, page };
}

/** Everything dangerous found in the document and in every open shadow root (and same-origin frames). */
async function dangers(page) {
  return page.evaluate(() => {
    const found = [];
    const scan = (rootNode) => {
      for (const el of rootNode.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        if (['script', 'object', 'embed', 'base', 'meta', 'img', 'video', 'audio', 'svg', 'math', 'style', 'form'].includes(tag)
            && el.closest('head') === null && !el.classList.contains('tics-icon') && !el.closest('svg.tics-icon, svg.tics-bar')
            // The app's own forms (adding a person, the schedule, setting an item aside) carry its class names.
            && !(tag === 'form' && [...el.classList].some((c) => c.startsWith('tics-')))) {
          found.push(`<${tag}>`);
        }
        for (const attr of el.attributes) {
          const name = attr.name.toLowerCase();
          const value = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
          if (name.startsWith('on')) found.push(`${tag} ${name}`);
          if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(name)
              && (value.startsWith('javascript:') || value.startsWith('vbscript:') || value.startsWith('data:text'))) {
            found.push(`${tag} ${name}=${attr.value}`);
          }
        }
        if (tag === 'iframe' && !el.classList.contains('tics-print-frame')) found.push('<iframe>');
        if (el.shadowRoot) scan(el.shadowRoot);
        if (tag === 'iframe' && el.contentDocument) scan(el.contentDocument);
      }
    };
    scan(document);
    return { found, ran: window.__xss ?? null };
  });
}

async function assertClean(page, where) {
  const { found, ran } = await dangers(page);
  assert.equal(ran, null, `${where}: a payload ran`);
  assert.deepEqual(found, [], `${where}: dangerous markup reached the DOM`);
  assert.deepEqual(page.dialogs, [], `${where}: a dialog opened`);
  assert.deepEqual(page.foreign, [], `${where}: a request left the site`);
}

/** Opens every guidance section and every folded list so all Markdown is rendered. */
async function openEverything(page, host) {
  await page.locator(host).evaluate((el) => {
    for (const d of el.shadowRoot.querySelectorAll('details')) d.open = true;
  });
  await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelectorAll('details .tics-md').length > 0, host);
}

test('payloads in an overlay catalogue render as text', async () => {
  const { context, page } = await watchedPage();
  await page.goto(`${env.server.origin}/examples/portal/`);
  await page.locator('#guest-check').getByTestId('app').waitFor();
  const items = PAYLOADS.map((p, n) => ({
    id: `xss-${n}`, topic: 'identify',
    title: { ja: p, en: p }, requirement: { ja: p, en: p },
    level: 1, importance: 'high', forms: ['any'], threats: ['insider'],
    guidance: { ja: p, en: p }, examples: { ja: p, en: p },
    crosswalk: { x: p },
  }));
  const overlay = {
    format: 'tics-self-check-overlay', format_version: 1, id: 'xss', version: '1',
    branding: { name: { ja: PAYLOADS[0], en: PAYLOADS[0] }, intro: { ja: PAYLOADS.join('\n\n'), en: PAYLOADS.join('\n\n') } },
    columns: [{ id: 'x', label: { ja: PAYLOADS[2], en: PAYLOADS[2] } }],
    topics: [{ id: 'xss-topic', mark: PAYLOADS[5], title: { ja: PAYLOADS[6], en: PAYLOADS[6] }, summary: { ja: PAYLOADS[7], en: PAYLOADS[7] } }],
    items,
  };
  const entry = await page.evaluate(() => document.querySelector('script[type=module][integrity]').src);
  await page.evaluate(async ([src, o]) => {
    const { mount } = await import(src);
    const host = document.createElement('div');
    host.id = 'xss-host';
    document.body.append(host);
    await mount(host, { overlay: o, namespace: 'xss' });
  }, [entry, overlay]);
  const host = page.locator('#xss-host');
  await host.getByTestId('item-xss-0').waitFor();
  assert.equal(await host.getByTestId('overlay-problems').count(), 0, 'the overlay itself is valid');
  await openEverything(page, '#xss-host');
  await assertClean(page, 'overlay (Japanese)');
  // With its payload items the catalogue is large, so it shows one topic at a time: show the overlay's own topic.
  await host.getByTestId('show-topic-xss-topic').click();
  await host.getByTestId('topic-xss-topic').waitFor();
  await assertClean(page, 'overlay topic (Japanese)');
  await host.getByTestId('show-topic-identify').click();
  assert.ok((await host.getByTestId('item-xss-0').innerText()).includes('<script>'), 'shown as text');
  await host.getByTestId('lang-toggle').click();
  await openEverything(page, '#xss-host');
  await assertClean(page, 'overlay (English)');
  await context.close();
});

test('payloads typed into notes and names render as text in every view', async () => {
  const { context, page } = await watchedPage();
  await page.goto(`${env.server.origin}/#/business/self-check`);
  await page.getByTestId('app').waitFor();
  await page.getByLabel('事業者名（事業所・部門）').fill(PAYLOADS.slice(0, 10).join(' '));
  const notes = page.locator('textarea[data-testid^=note-]');
  const count = await notes.count();
  for (let i = 0; i < count; i += 1) await notes.nth(i).fill(PAYLOADS[i % PAYLOADS.length]);
  await page.getByTestId('status-identify-procedure-not_done').check();
  await page.getByTestId('view-plan').click();
  await page.getByTestId('plan-measure-identify-procedure').fill(PAYLOADS.slice(10, 30).join('\n'));
  for (const view of ['check', 'plan', 'periodic', 'compare', 'files', 'report']) {
    await page.getByTestId(`view-${view}`).click();
    await assertClean(page, `view ${view}`);
  }
  await page.getByTestId('print').click();
  await page.waitForFunction(() => document.querySelector('tics-self-check').shadowRoot.querySelector('iframe.tics-print-frame')?.contentDocument?.querySelector('[data-testid=statement]'));
  await assertClean(page, 'print frame');
  await context.close();
});

test('payloads inside an imported file render as text', async () => {
  const { context, page } = await watchedPage();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'tics-xss-'));
  await page.goto(`${env.server.origin}/#/business/self-check`);
  await page.getByTestId('status-identify-procedure-partial').check();
  await page.getByTestId('view-files').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
  const file = path.join(tmp, 'result.json');
  await download.saveAs(file);
  const envelope = JSON.parse(await readFile(file, 'utf8'));
  envelope.name = PAYLOADS[0];
  const content = envelope.content;
  content.profile.organisation = PAYLOADS[1];
  content.answers['identify-procedure'].note = PAYLOADS.join('\n');
  content.plan['identify-procedure'] = { measure: PAYLOADS[3], owner: PAYLOADS[4], due: '', priority: null };
  content.periodic = {
    source: PAYLOADS[16 % PAYLOADS.length],
    period_from: '',
    period_to: '',
    rows: [{
      id: 'r1', chapter: PAYLOADS[5], section: '', clause: '', number: '', content: PAYLOADS[6], audit_check: PAYLOADS[5],
      links: ['identify-procedure', PAYLOADS[2]], period_check: PAYLOADS[6], unchanged: false, date: '', checker: PAYLOADS[7],
      excluded: true, excluded_reason: PAYLOADS[8], excluded_by: PAYLOADS[9], problems: PAYLOADS[8], handling: PAYLOADS[9], year: null,
    }],
  };
  content.statement = { issuer_address: PAYLOADS[10], scope: PAYLOADS[11], signer_name: PAYLOADS[12], signer_title: PAYLOADS[13] };
  content.answers[PAYLOADS[14]] = { status: 'done', reason: '', note: PAYLOADS[15], checker: '', date: '' };
  // Schema 5's parts: the evidence index, the team with a conflict to decide, the certification.
  content.evidence = {
    'identify-procedure': [{
      what: PAYLOADS[16 % PAYLOADS.length], kept_at: PAYLOADS[1], version: PAYLOADS[2], checker: PAYLOADS[3],
      fingerprint: { sha256: 'a'.repeat(64), file_name: PAYLOADS[4], bytes: 3, taken_on: '2026-11-20' },
    }],
  };
  const person = { id: 'p1', name: PAYLOADS[5], department: PAYLOADS[6] };
  content.team = {
    people: [person],
    topics: { identify: 'p1' },
    conflicts: [{
      item: 'identify-procedure',
      ours: { status: 'partial', reason: '', note: PAYLOADS[7], checker: '', date: '' },
      theirs: [[person, { status: 'done', reason: '', note: PAYLOADS[8], checker: PAYLOADS[9], date: '' }]],
    }],
  };
  content.certification = { from: '2026-01-10', valid_years: 3 };
  envelope.digest.value = createHash('sha256').update(canonical(content)).digest('hex');
  await writeFile(file, JSON.stringify(envelope));
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-pending').waitFor();
  await assertClean(page, 'import preview');
  await page.getByTestId('import-as-new').click();
  await page.getByTestId('flash').waitFor();
  for (const view of ['check', 'plan', 'periodic', 'compare', 'team', 'schedule', 'files', 'report']) {
    await page.getByTestId(`view-${view}`).click();
    await page.getByTestId('view-loading').waitFor({ state: 'detached' });
    if (view === 'check') {
      // The evidence panel comes from a chunk when its fold-out opens.
      await page.getByTestId('evidence-identify-procedure').locator('summary').click();
      await page.getByTestId('evidence-panel-identify-procedure').waitFor();
    }
    await assertClean(page, `imported, view ${view}`);
  }
  await context.close();
});
