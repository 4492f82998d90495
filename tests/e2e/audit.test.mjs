// End-to-end: evidence in the outputs and the audit pack. A self-check gets evidence for an item (one entry with
// a fingerprint, one of hostile text) from a result file, the way a file made elsewhere arrives, and more through
// the item's evidence panel; then the evidence shows in the periodic report, the action plan lists what is done
// without evidence, the evidence list downloads as CSV, and the audit pack downloads as one .zip that holds exactly
// what its list of contents says, each file with the size and SHA-256 the list gives.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { setup, openPage, axeViolations, isOwn } from './browser.mjs';
import { zipEntries, zipText } from './zip.mjs';
import { canonical } from './digest.mjs';

const env = setup();
let tmp;
before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'tics-audit-'));
});

/** The item with evidence: 表4-1 item 11, so the periodic report's row cs-11 cites it. */
const ITEM = 'physical-container-storage';
const SHA = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const FINGERPRINTED = {
  what: '入退室記録 2026年4月分', kept_at: '総務部キャビネット', version: '2026-04', checker: '山田 太郎',
  fingerprint: { sha256: SHA, file_name: '入退室記録_202604.pdf', bytes: 3, taken_on: '2026-11-20' },
};
const HOSTILE = { what: '=HYPERLINK("http://x") <b>鍵</b>', kept_at: '+共有', version: '', checker: '' };
const CITED = '入退室記録 2026年4月分（総務部キャビネット, 2026-04, SHA-256 ba7816bf…）';

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** Clicks `testId` and returns the downloaded file's name and bytes. */
async function download(page, testId) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const file = path.join(tmp, dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), bytes: await readFile(file), file };
}

/** The rows of a CSV file the app wrote (UTF-8 with a BOM, CRLF, RFC 4180 quoting). */
function csvRows(bytes) {
  const text = bytes.toString('utf8');
  assert.ok(text.startsWith('\uFEFF'), 'UTF-8 byte-order mark');
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  assert.equal(row.length + cell.length, 0, 'the file ends with a line end');
  return rows;
}

/** Every file of the ZIP archive `buf`, by name, in the archive's order (stored or deflated). */
function unzip(buf) {
  const names = zipEntries(buf);
  let eocd = buf.length - 22;
  while (buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let at = buf.readUInt32LE(eocd + 16);
  const files = new Map();
  for (const name of names) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const offset = buf.readUInt32LE(at + 42);
    const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
    const data = buf.subarray(start, start + size);
    files.set(name, method === 0 ? data : zlib.inflateRawSync(data));
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return files;
}

/**
 * A self-check named 本社工場 for 株式会社テスト: the container item done with the two entries above (from an
 * imported result file, its digest recomputed as the app would), the procedure item done without evidence.
 */
async function checkWithEvidence(context) {
  const page = await openPage(context, `${env.server.origin}/#/business/self-check`);
  await page.getByLabel('事業者名（事業所・部門）').fill('株式会社テスト');
  await page.getByTestId('form-container').check();
  await page.getByTestId('status-identify-procedure-done').check();
  await page.getByTestId(`status-${ITEM}-done`).check();
  await page.getByTestId('status-mark-label-done').check();
  await page.getByTestId('view-files').click();
  const id = await page.getByTestId('open-select').inputValue();
  await page.getByTestId(`rename-${id}`).click();
  await page.locator('input[data-testid^=rename-input-]').fill('本社工場');
  await page.keyboard.press('Enter');
  await page.getByTestId('library-entry').filter({ hasText: '本社工場' }).waitFor();

  const saved = await download(page, 'download-json');
  const envelope = JSON.parse(saved.bytes.toString('utf8'));
  envelope.content.evidence = { [ITEM]: [FINGERPRINTED, HOSTILE] };
  envelope.digest.value = sha256(canonical(envelope.content));
  const file = path.join(tmp, 'with-evidence.json');
  await writeFile(file, JSON.stringify(envelope, null, 2));
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-replace').click();
  await page.getByTestId('import-replace-confirm').click();
  await page.getByTestId('flash').filter({ hasText: '開いているセルフチェックを置き換えました' }).waitFor();
  return page;
}

/** Adds an entry to `item` through its card's evidence panel, as a user would. */
async function addEvidenceInPanel(page, item, what) {
  await page.getByTestId('view-check').click();
  await page.getByTestId(`evidence-${item}`).locator('summary').click();
  await page.getByTestId(`evidence-add-${item}`).click();
  await page.getByTestId(`evidence-what-${item}-0`).fill(what);
}

test('the evidence shows in the periodic report and the plan, and the evidence list downloads as CSV', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await checkWithEvidence(context);
  await addEvidenceInPanel(page, 'mark-label', '表示ラベルの写真（2026年11月）');

  // The periodic report: row cs-11 (the container item) cites both entries, the hostile one as plain text.
  await page.getByTestId('view-periodic').click();
  const cited = page.getByTestId('recorded-evidence-cs-11').locator('li');
  assert.deepEqual(await cited.allTextContents(), [CITED, '=HYPERLINK("http://x") <b>鍵</b>（+共有）']);
  assert.equal(await page.getByTestId('recorded-evidence-cs-11').locator('b').count(), 0, 'markup stays text');
  // The printed sheet's last column, 証跡, holds the same.
  const sheet = page.getByTestId('periodic-sheet');
  assert.equal((await sheet.locator('thead th').last().textContent()), '証跡');
  assert.ok((await sheet.locator('tbody').textContent()).includes(CITED));

  // The plan: the procedure item is done without evidence; the items with evidence are not listed.
  await page.getByTestId('view-plan').click();
  const missing = page.getByTestId('plan-missing-evidence');
  await missing.waitFor();
  assert.match(await missing.locator('h3').textContent(), /実施済みで証跡が未記録の項目 \(1\)/);
  const link = missing.getByTestId('missing-evidence-identify-procedure').locator('a');
  assert.equal(await link.textContent(), '決められた手順で重要情報を特定している');
  assert.equal(await missing.getByTestId(`missing-evidence-${ITEM}`).count(), 0);
  assert.equal(await missing.getByTestId('missing-evidence-mark-label').count(), 0, 'recorded in the panel');
  assert.deepEqual(await axeViolations(page, 'plan (ja)'), []);
  // The link leads to the item's card, where its evidence is recorded.
  await link.click();
  await page.locator('#tics-item-identify-procedure-title:focus').waitFor();

  // The printed report lists it after the plan.
  await page.getByTestId('view-report').click();
  assert.match(await page.getByTestId('report-missing-evidence').textContent(), /決められた手順で重要情報を特定している/);

  // The evidence list as CSV: a row per entry, user text neutralised against formulas, markup kept as text.
  await page.getByTestId('view-files').click();
  const csv = await download(page, 'download-evidence-csv');
  assert.match(csv.name, /^証跡一覧_本社工場_\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = csvRows(csv.bytes);
  assert.deepEqual(rows[0], ['トピック', '項目ID', '項目', '状況', '証跡', '保管場所', '日付・版', '確認者', 'ファイル名',
    'サイズ（バイト）', 'SHA-256', '指紋を取った日']);
  assert.deepEqual(rows.slice(1).map((r) => [r[1], r[4]]), [
    ['mark-label', '表示ラベルの写真（2026年11月）'],
    [ITEM, '入退室記録 2026年4月分'],
    [ITEM, '\'=HYPERLINK("http://x") <b>鍵</b>'],
  ], 'catalogue order, then entry order');
  assert.deepEqual(rows[2].slice(3), ['実施', '入退室記録 2026年4月分', '総務部キャビネット', '2026-04', '山田 太郎',
    '入退室記録_202604.pdf', '3', SHA, '2026-11-20']);
  assert.equal(rows[3][5], '\'+共有');

  // In English, the plan's section is worded in English and axe finds nothing either.
  await page.getByTestId('site-lang').click();
  await page.locator('[data-testid=app][lang=en]').waitFor();
  await page.getByTestId('view-plan').click();
  assert.match(await page.getByTestId('plan-missing-evidence').locator('h3').textContent(), /Done, but no evidence recorded \(1\)/);
  assert.deepEqual(await axeViolations(page, 'plan (en)'), []);

  assert.deepEqual(page.requests.filter((u) => !isOwn(env.server.origin, u)), [], 'nothing leaves the browser');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the audit pack holds exactly the files its contents list, with their sizes and SHA-256', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await checkWithEvidence(context);
  await page.getByTestId('view-files').click();
  const [dl] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByTestId('download-audit-pack').click(),
  ]);
  const file = path.join(tmp, dl.suggestedFilename());
  await dl.saveAs(file);
  const zip = await readFile(file);
  const date = /_(\d{4}-\d{2}-\d{2})\.zip$/.exec(dl.suggestedFilename())?.[1];
  assert.equal(dl.suggestedFilename(), `監査用パック_本社工場_${date}.zip`);
  await page.getByTestId('flash').filter({ hasText: `監査用パック_本社工場_${date}.zip をダウンロードしました（15 ファイル）` }).waitFor();

  // The list of contents comes first and lists every other file, in the archive's order, with size and SHA-256.
  const files = unzip(zip);
  const names = [...files.keys()];
  assert.equal(names[0], '収録ファイル一覧.csv');
  const listed = csvRows(files.get('収録ファイル一覧.csv'));
  assert.deepEqual(listed[0], ['ファイル名', '内容', 'サイズ（バイト）', 'SHA-256']);
  assert.deepEqual(listed.slice(1).map((r) => r[0]), names.slice(1), 'exactly the files of the pack');
  for (const [name, what, size, digest] of listed.slice(1)) {
    const bytes = files.get(name);
    assert.ok(what.length > 0, name);
    assert.equal(String(bytes.length), size, `${name}: size`);
    assert.equal(sha256(bytes), digest, `${name}: SHA-256`);
  }
  const named = (pattern) => names.filter((n) => pattern.test(n));
  assert.deepEqual(named(/\.json$/), [`セルフチェック結果_本社工場_${date}.json`]);
  assert.equal(named(/\.xlsx$/).length, 8, 'the workbook, the periodic report and the six registers');
  assert.equal(named(/_株式会社テスト_.*\.docx$/).length, 5, 'four pledges and the rules, named after the business');

  // The result file is the one the app loads again, evidence included.
  const result = JSON.parse(files.get(`セルフチェック結果_本社工場_${date}.json`).toString('utf8'));
  assert.deepEqual(result.content.evidence[ITEM][1], HOSTILE);
  assert.equal(result.digest.value, sha256(canonical(result.content)));

  // The workbook has the evidence list with both entries, the hostile one as text (no formula, markup escaped).
  const book = files.get(`セルフチェック結果一式_本社工場_${date}.xlsx`);
  const sheets = [...zipText(book, 'xl/workbook.xml').matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(sheets, ['概要', '脅威別', '結果', '行動計画', '定期報告', '目録', '証跡一覧']);
  const strings = zipText(book, 'xl/sharedStrings.xml');
  for (const text of ['入退室記録 2026年4月分', '入退室記録_202604.pdf', SHA, '=HYPERLINK("http://x") &lt;b&gt;鍵&lt;/b&gt;', '+共有']) {
    assert.ok(strings.includes(text), `the workbook holds ${text}`);
  }
  assert.ok(!zipText(book, 'xl/worksheets/sheet7.xml').includes('<f>'), 'no formula in the evidence list');

  // The periodic report cites the evidence in its last column.
  const periodic = files.get(`定期報告_本社工場_${date}.xlsx`);
  assert.ok(zipText(periodic, 'xl/sharedStrings.xml').includes(CITED));
  for (const name of named(/\.docx$/)) {
    assert.ok(zipText(files.get(name), 'word/document.xml')?.includes('<w:body>'), `${name} is a Word document`);
  }

  assert.deepEqual(page.requests.filter((u) => !isOwn(env.server.origin, u)), [], 'nothing is uploaded');
  assert.deepEqual(page.errors, []);
  await context.close();
});
