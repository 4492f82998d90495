// End-to-end: a member makes the file to share with their association (with and without their name), and the
// association adds up 50 generated members' files plus broken ones on the site's aggregate page and in the widget's
// aggregate mode: the right figures, refused files listed with their reason, hostile text kept as text on screen
// and neutralised in the files, and no request leaving the page.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setup, openPage, isOwn } from './browser.mjs';
import AxeBuilder from '@axe-core/playwright';
import { zipText } from './zip.mjs';
import { mountWithOverlay } from './large-overlay.mjs';
import { canonical } from './digest.mjs';

const env = setup();
let tmp;
before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'tics-e2e-aggregate-'));
});

async function download(page, locator) {
  const [dl] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  const file = path.join(tmp, dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), bytes: await readFile(file) };
}

/** A sharing file's text after its content changed, with the digest recomputed as the app would. */
function sealed(file) {
  file.digest.value = createHash('sha256').update(canonical(file.content)).digest('hex');
  return JSON.stringify(file, null, 2);
}

const HOSTILE_NAMES = ['=HYPERLINK("http://example.invalid","x")', '<img src=x onerror="window.__pwned=1">悪意'];

/**
 * 50 members made from one real sharing file: members 0–29 have done every item, 30–49 none. Members 0–4 share
 * a name (two of them hostile). Plus an older copy of member 0, and four files the aggregate must refuse.
 */
function memberFiles(template, resultFile) {
  const files = [];
  const make = (n, savedAt) => {
    const file = structuredClone(template);
    file.id = `sc-member-${n}`;
    file.saved_at = savedAt;
    const check = file.content.check;
    check.profile.organisation = n < 5 ? (HOSTILE_NAMES[n] ?? `会員${String(n).padStart(2, '0')}`) : '';
    check.answers = {};
    for (const id of file.content.catalogue_items) {
      check.answers[id] = { status: n < 30 ? 'done' : 'not_done', reason: '', note: '', checker: '', date: '2026-11-01' };
    }
    return file;
  };
  for (let n = 0; n < 50; n += 1) {
    files.push({ name: `member-${n}.json`, mimeType: 'application/json', buffer: Buffer.from(sealed(make(n, '2026-11-20T10:00:00+09:00'))) });
  }
  const older = make(0, '2026-10-01T10:00:00+09:00');
  older.content.check.answers = {};
  files.push({ name: 'member-0-older.json', mimeType: 'application/json', buffer: Buffer.from(sealed(older)) });
  const good = sealed(make(49, '2026-11-20T10:00:00+09:00'));
  files.push({ name: 'cut-short.json', mimeType: 'application/json', buffer: Buffer.from(good.slice(0, 200)) });
  files.push({ name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(good.replace('"not_done"', '"done"')) });
  files.push({ name: 'full-result.json', mimeType: 'application/json', buffer: resultFile });
  files.push({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('会議のメモ') });
  return files;
}

test('a member shares a file with the association, and the association sees the right figures', async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP', acceptDownloads: true });
  const page = await openPage(context, env.server.origin + '/#/business/self-check');
  await page.getByLabel('事業者名（事業所・部門）').fill('株式会社テスト工業');
  await page.getByTestId('status-identify-procedure-done').check();
  await page.getByTestId('note-identify-procedure').fill('金庫の暗証番号は社長のみ');
  await page.getByTestId('view-files').click();

  // By default nothing optional: no name, no note; the purpose is said inside.
  const share = page.getByTestId('share');
  // Before anything is chosen, the screen does not speak of what the member chose.
  await share.getByText('下で選べます').waitFor();
  assert.doesNotMatch(await share.innerText(), /選びました/);
  for (const key of ['organisation', 'notes', 'plan', 'inventory', 'names']) {
    assert.equal(await share.getByTestId(`share-${key}`).isChecked(), false, key);
  }
  const anonymous = await download(page, share.getByTestId('download-share'));
  // Named after what it is; without the business's name while the name is not shared.
  assert.match(anonymous.name, /^団体への共有ファイル_\d{4}-\d{2}-\d{2}\.json$/);
  const text = anonymous.bytes.toString('utf8');
  assert.ok(!text.includes('株式会社テスト工業') && !text.includes('暗証番号'), 'nothing optional by default');
  const template = JSON.parse(text);
  assert.equal(template.format, 'tics-self-check-share');
  assert.match(template.purpose.ja, /所属団体と共有する/);
  assert.equal(template.content.check.answers['identify-procedure'].status, 'done');
  assert.match(template.digest.value, /^[0-9a-f]{64}$/);
  assert.equal(template.digest.value, createHash('sha256').update(canonical(template.content)).digest('hex'));

  await share.getByLabel('事業者名').check();
  const named = await download(page, share.getByTestId('download-share'));
  assert.ok(named.bytes.toString('utf8').includes('株式会社テスト工業'), 'the name once chosen');
  assert.ok(!named.bytes.toString('utf8').includes('暗証番号'), 'notes still not');
  const result = await download(page, page.getByTestId('download-json'));

  // The association's page.
  await page.goto(env.server.origin + '/#/reference/aggregate');
  const aggregate = page.getByTestId('aggregate');
  await aggregate.waitFor();
  await page.getByTestId('aggregate-files').setInputFiles(memberFiles(template, result.bytes));
  await page.getByTestId('aggregate-members').filter({ hasText: '会員数: 50' }).waitFor();

  // Refused files with their reasons; the older copy counted once.
  const refused = await page.getByTestId('aggregate-refused').textContent();
  assert.match(refused, /読み込めなかったファイル: 4/);
  assert.match(refused, /cut-short\.json: ファイルが途中で切れています/);
  assert.match(refused, /edited\.json: ファイルの内容がダイジェストと一致しません/);
  assert.match(refused, /full-result\.json: 保存用の結果ファイルです/);
  assert.match(refused, /notes\.txt: JSON ファイルとして読めません/);
  assert.match(await page.getByTestId('aggregate-duplicates').textContent(), /: 1/);

  // 30 of 50 have done every item (those above their target level too): they attain the highest level that
  // applies; 20 attain nothing.
  const levels = await page.getByTestId('table-levels').locator('tbody tr').allTextContents();
  assert.equal(levels[0], '基本レベル未達成2040%');
  assert.equal(levels.filter((row) => row.endsWith('3060%')).length, 1, levels.join(' / '));
  // Per topic: 20 zeros and 30 hundreds: lower quartile 0, median 100.
  const identify = await page.getByTestId('table-topics').locator('tbody tr').first().locator('td').allTextContents();
  assert.deepEqual(identify.slice(0, 6), ['50', '0', '0', '100', '100', '100']);
  // Every item in scope is not done by the same 20 of 50.
  const item = await page.getByTestId('table-items').locator('tbody tr').first().locator('td').allTextContents();
  assert.deepEqual(item.slice(-3), ['50', '20', '40%']);
  // A box for each topic with scores, as many as the table's rows with a median.
  const medians = await page.getByTestId('table-topics').locator('tbody tr td:nth-of-type(4)').allTextContents();
  const scored = medians.filter((m) => m !== '').length;
  assert.ok(scored >= 1);
  assert.equal(await page.getByTestId('chart-topics').locator('rect').count(), scored);

  // Names only where shared; hostile text stays text.
  const names = await page.getByTestId('aggregate-names').locator('li').allTextContents();
  assert.deepEqual(names.sort(), ['<img src=x onerror="window.__pwned=1">悪意', '=HYPERLINK("http://example.invalid","x")', '会員02', '会員03', '会員04'].sort());
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await aggregate.locator('img').count(), 0);

  // The figures, refused files and filters pass axe (WCAG 2.2 AA) with the lists open.
  await page.getByTestId('aggregate-refused').locator('summary').click();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`), []);

  // Charts keep the start of every label inside the picture; narrow columns keep their headings whole
  // (「会員数」, not 「会員 / 数」).
  for (const chart of ['chart-levels', 'chart-items', 'chart-threats']) {
    const lefts = await page.getByTestId(chart).evaluate((svg) => [...svg.querySelectorAll('text')].map((t) => t.getBBox().x));
    assert.ok(lefts.every((x) => x >= 0), `${chart}: a label starts outside the chart (${Math.min(...lefts)})`);
  }
  // Every share in a chart says its base: 20 of the 50 members with the item have not done it.
  assert.match(await page.getByTestId('chart-items').textContent(), /40% \(20\/50\)/);
  assert.match(await page.getByTestId('chart-levels').textContent(), /40% \(20\/50\)/);
  await page.setViewportSize({ width: 700, height: 900 });
  const broken = await aggregate.evaluate((el) => [...el.querySelectorAll('thead th')]
    .filter((th) => !/\s/.test(th.textContent.trim()) && th.textContent.trim().length <= 6)
    .filter((th) => {
      const range = document.createRange();
      range.selectNodeContents(th);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
    }).map((th) => th.textContent));
  assert.deepEqual(broken, [], 'short headings on one line');
  await page.setViewportSize({ width: 1280, height: 720 });

  // Filters: no member holds entrusted information.
  await page.getByTestId('aggregate-entrusted').selectOption('yes');
  await page.getByTestId('aggregate-members').filter({ hasText: '会員数: 0' }).waitFor();
  await page.getByTestId('aggregate-entrusted').selectOption('');
  await page.getByTestId('aggregate-members').filter({ hasText: '会員数: 50' }).waitFor();

  // CSV: the members' table neutralises the formula and keeps markup as plain text.
  const members = await download(page, page.getByTestId('aggregate-csv-members'));
  assert.match(members.name, /^会員の結果の集計_.+_\d{4}-\d{2}-\d{2}\.csv$/, 'named after what it is');
  const csv = members.bytes.toString('utf8');
  assert.ok(csv.includes(`"'=HYPERLINK(""http://example.invalid"",""x"")"`), 'formula neutralised');
  assert.ok(csv.includes('（名称の共有なし）'), 'no name where none was shared');
  assert.equal(csv.trim().split('\n').length, 51, 'a header and 50 members');
  // Excel: every table as a sheet, no formula, the hostile text as a plain string.
  const xlsx = await download(page, page.getByTestId('aggregate-xlsx'));
  const strings = zipText(xlsx.bytes, 'xl/sharedStrings.xml');
  assert.ok(strings.includes('=HYPERLINK'), 'kept as text');
  for (let n = 1; n <= 6; n += 1) {
    assert.ok(!zipText(xlsx.bytes, `xl/worksheets/sheet${n}.xml`).includes('<f>'), `no formula in sheet ${n}`);
  }
  // Print: the figures go to the print frame.
  await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
  await page.getByTestId('aggregate-print').click();
  const printed = await page.waitForFunction(() => {
    const frame = document.querySelector('tics-self-check').shadowRoot.querySelector('iframe.tics-print-frame');
    return frame?.contentDocument?.querySelector('[data-testid=aggregate-figures]')?.textContent;
  });
  assert.match(await printed.jsonValue(), /会員数: 50/);

  assert.deepEqual(page.requests.filter((u) => !isOwn(env.server.origin, u)), [], 'no request leaves the page');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the widget mounts in aggregate mode and reads a folder of files in English', async () => {
  const context = await env.browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(env.server.origin + '/business/self-check/');
  const entry = await page.evaluate(() => document.querySelector('script[type=module][integrity]').src);
  await page.evaluate(async (src) => {
    const { mount } = await import(src);
    const host = document.createElement('div');
    host.id = 'assoc';
    document.body.append(host);
    await mount(host, { mode: 'aggregate', lang: 'en' });
  }, entry);
  const view = page.locator('#assoc').getByTestId('aggregate');
  await view.waitFor();
  assert.match(await view.locator('h2').textContent(), /Add up members' results/);
  await page.locator('#assoc').getByTestId('aggregate-files').setInputFiles([
    { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('{}') },
  ]);
  await page.locator('#assoc').getByTestId('aggregate-refused').filter({ hasText: 'Files refused: 1' }).waitFor();
  assert.match(await page.locator('#assoc').getByTestId('aggregate-refused').textContent(), /no "format" field/);
  assert.deepEqual(requests.filter((u) => !isOwn(env.server.origin, u)), []);
  await context.close();
});

test("an association's overlay names it and its contact on the sharing screen, and its aggregate counts the file", async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(env.server.origin + '/business/self-check/');
  const overlay = {
    format: 'tics-self-check-overlay', format_version: 1, id: 'assoc', version: '2026.1',
    branding: {
      name: { ja: '架空工業会', en: 'Fictitious Association' },
      contact: { ja: '<b>事務局</b> 共有ファイルは担当へ', en: 'Send the file to the office' },
    },
  };
  const member = await mountWithOverlay(page, 'member', overlay, { namespace: 'assoc-member' });
  await member.getByTestId('view-files').click();
  assert.equal((await member.getByTestId('share-association').textContent()).trim(), '共有先: 架空工業会');
  assert.equal((await member.getByTestId('share-contact').textContent()).trim(), '<b>事務局</b> 共有ファイルは担当へ');
  assert.equal(await member.getByTestId('share').locator('b').count(), 0, 'the contact line is text');
  const file = await download(page, member.getByTestId('download-share'));
  const shared = JSON.parse(file.bytes.toString('utf8'));
  assert.deepEqual(shared.association.name, overlay.branding.name);
  assert.deepEqual(shared.catalogue.id, 'tics-default+assoc');

  const entry = await page.evaluate(() => document.querySelector('script[type=module][integrity]').src);
  await page.evaluate(async ([src, o]) => {
    const { mount } = await import(src);
    const host = document.createElement('div');
    host.id = 'office';
    document.body.append(host);
    await mount(host, { mode: 'aggregate', overlay: o });
  }, [entry, overlay]);
  const office = page.locator('#office');
  await office.getByTestId('aggregate').waitFor();
  await office.getByTestId('aggregate-files').setInputFiles([{ name: 'member.json', mimeType: 'application/json', buffer: file.bytes }]);
  await office.getByTestId('aggregate-members').filter({ hasText: '会員数: 1' }).waitFor();
  assert.equal(await office.getByTestId('aggregate-version-note').count(), 0, 'same catalogue: nothing to say');
  assert.equal(await office.getByTestId('aggregate-names').count(), 0, 'no name shared');
  await context.close();
});
