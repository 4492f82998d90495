// End-to-end: downloads through the browser's download event, import (good and bad files), comparison,
// several self-checks, and the print view.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setup, openPage } from './browser.mjs';

const env = setup();
let tmp;
before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'tics-e2e-'));
});

/** Clicks `testId` and returns the downloaded file's name and bytes. */
async function download(page, testId) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const file = path.join(tmp, dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), bytes: await readFile(file), file };
}

/** A page with a small answered self-check named "本社工場". */
async function answeredPage(context) {
  const page = await openPage(context, env.server.origin + '/#/business/self-check');
  await page.getByLabel('事業者名（事業所・部門）').fill('株式会社テスト');
  await page.getByTestId('form-container').check();
  await page.getByTestId('status-identify-procedure-done').check();
  await page.getByTestId('status-mark-label-partial').check();
  await page.getByTestId('note-identify-procedure').fill('=SUM(A1), "規程" 第3条\n改訂');
  await page.getByTestId('view-files').click();
  await page.getByTestId(`rename-${await openId(page)}`).click();
  await page.locator('input[data-testid^=rename-input-]').fill('本社工場');
  await page.keyboard.press('Enter');
  await page.getByTestId('library-entry').filter({ hasText: '本社工場' }).waitFor();
  return page;
}

async function openId(page) {
  return page.getByTestId('open-select').inputValue();
}

test('every download arrives as a file with the self-check name and date', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await answeredPage(context);
  const today = new Date();
  const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;

  const json = await download(page, 'download-json');
  assert.equal(json.name, `セルフチェック結果_本社工場_${date}.json`);
  const envelope = JSON.parse(json.bytes.toString('utf8'));
  assert.equal(envelope.format, 'tics-self-check-result');
  assert.equal(envelope.name, '本社工場');
  assert.equal(envelope.content.answers['identify-procedure'].status, 'done');
  assert.match(envelope.digest.value, /^[0-9a-f]{64}$/);

  const results = await download(page, 'download-results-csv');
  assert.equal(results.name, `回答一覧_本社工場_${date}.csv`);
  assert.deepEqual([...results.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const csv = results.bytes.toString('utf8');
  assert.ok(csv.includes('\r\n'));
  assert.ok(csv.includes('"\'=SUM(A1), ""規程"" 第3条\n改訂"'), 'formula neutralised, quotes doubled');

  const plan = await download(page, 'download-plan-csv');
  assert.match(plan.bytes.toString('utf8'), /^\uFEFF優先度,トピック,項目ID/);
  const periodic = await download(page, 'download-periodic-csv');
  assert.match(periodic.bytes.toString('utf8'), /^\uFEFF章,節,項,番,内容,審査時の確認内容,定期報告の確認内容,確認日,確認者/);

  const xlsx = await download(page, 'download-xlsx');
  assert.equal(xlsx.name, `セルフチェック結果一式_本社工場_${date}.xlsx`);
  assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK', 'an xlsx is a zip file');
  await page.getByTestId('flash').filter({ hasText: `セルフチェック結果一式_本社工場_${date}.xlsx をダウンロードしました` }).waitFor();

  const foreign = page.requests.filter((u) => !u.startsWith(env.server.origin + '/') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a downloaded file imports as a new self-check and compares item by item', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await answeredPage(context);
  const saved = await download(page, 'download-json');

  // Change this year's answers, then load last year's file as a new self-check.
  await page.getByTestId('view-check').click();
  await page.getByTestId('status-mark-label-done').check();
  await page.getByTestId('status-identify-procedure-not_done').check();
  await page.getByTestId('view-files').click();
  await page.getByTestId('import-file').setInputFiles(saved.file);
  await page.getByTestId('import-pending').waitFor();
  await page.getByTestId('import-as-new').click();
  await page.getByTestId('flash').filter({ hasText: '新しいセルフチェックとして読み込みました' }).waitFor();
  assert.equal(await page.getByTestId('library-entry').count(), 2);

  // Open the edited one again and compare it with the imported (earlier) one, which is told apart by its name.
  const entries = await page.getByTestId('open-select').locator('option').allTextContents();
  assert.deepEqual(entries, ['本社工場', '本社工場 (2)']);
  const firstId = await page.getByTestId('open-select').locator('option').first().getAttribute('value');
  await page.getByTestId('open-select').selectOption(firstId);
  await page.getByTestId('view-compare').click();
  assert.equal(await page.getByTestId('change-mark-label').getAttribute('data-change'), 'improved');
  assert.equal(await page.getByTestId('change-identify-procedure').getAttribute('data-change'), 'worsened');

  // Carry the earlier answers forward into a new self-check.
  await page.getByTestId('carry-forward').click();
  await page.getByTestId('view-check').click();
  assert.ok(await page.getByTestId('status-identify-procedure-done').isChecked());
  assert.equal(await page.getByTestId('open-select').locator('option').count(), 3);
  await context.close();
});

test('a file made with catalogue 1.0.0 imports, says what changed since, and compares on the shared items', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await answeredPage(context);
  const saved = await download(page, 'download-json');
  // The same file as the app wrote it with catalogue 1.0.0: the digest covers the content, not the reference.
  const envelope = JSON.parse(saved.bytes.toString('utf8'));
  assert.equal(envelope.catalogue.version, '1.1.0');
  envelope.catalogue.version = '1.0.0';
  const old = path.join(tmp, 'catalogue-1.0.0.json');
  await writeFile(old, JSON.stringify(envelope, null, 2));

  await page.getByTestId('view-check').click();
  await page.getByTestId('status-mark-label-done').check();
  await page.getByTestId('view-files').click();
  await page.getByTestId('import-file').setInputFiles(old);
  await page.getByTestId('import-pending').waitFor();
  assert.match(await page.getByTestId('import-warnings').textContent(), /前の版のカタログ（1\.0\.0）/);
  const preview = page.getByTestId('import-catalogue-changes');
  assert.equal(await preview.getAttribute('data-version'), '1.1.0');
  await preview.locator('summary').click();
  assert.match(await preview.locator('li[data-item=incident-evidence]').textContent(), /レベル2 → レベル1/);
  assert.match(await preview.locator('li[data-item=incident-accountability]').textContent(), /から分けて追加/);
  await page.getByTestId('import-as-new').click();
  await page.getByTestId('flash').filter({ hasText: '新しいセルフチェックとして読み込みました' }).waitFor();

  // The comparison says the earlier answers were given against 1.0.0, lists the changes, and compares the rest.
  const compareWithOld = async () => {
    const firstId = await page.getByTestId('open-select').locator('option').first().getAttribute('value');
    await page.getByTestId('open-select').selectOption(firstId);
    await page.getByTestId('view-compare').click();
    await page.getByTestId('compare').waitFor();
  };
  await compareWithOld();
  assert.match(await page.getByTestId('compare-catalogue-note').textContent(), /カタログ 1\.0\.0 で確認/);
  assert.equal(await page.getByTestId('compare-catalogue-changes').getAttribute('data-version'), '1.1.0');
  assert.equal(await page.getByTestId('change-mark-label').getAttribute('data-change'), 'improved');
  assert.equal(await page.getByTestId('change-identify-procedure').getAttribute('data-change'), 'unchanged');

  // The catalogue's own history, at the foot of the self-check, opens on demand.
  const history = page.getByTestId('catalogue-history');
  assert.match(await history.locator('summary').textContent(), /1\.1\.0/);
  await history.locator('summary').click();
  await history.getByTestId('catalogue-changes').locator('li[data-item=identify-classify]').waitFor();
  assert.match(await history.textContent(), /レベル3 → レベル2/);

  // A reload keeps which version the imported answers were given against.
  await page.reload();
  await page.getByTestId('app').waitFor();
  await page.getByTestId('view-files').click();
  await compareWithOld();
  await page.getByTestId('compare-catalogue-note').waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('bad files get a clear message in both languages and change nothing', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await answeredPage(context);
  const saved = await download(page, 'download-json');
  const original = await readFile(saved.file, 'utf8');
  // After the download, which records on the self-check that a result file holds it.
  const before = await page.evaluate(() => localStorage.getItem('tics-self-check:v1:state'));

  const cases = [
    ['broken.json', original.slice(0, original.length / 2), /途中で切れています/, /ends too early/],
    ['edited.json', original.replace('"done"', '"not_done"'), /ダイジェストと一致しません/, /does not match its digest/],
    ['newer.json', original.replace('"schema_version": 5', '"schema_version": 9'), /新しい版のアプリ/, /newer version/],
    ['other.json', '{"format": "something-else"}', /結果ファイルではありません/, /not a result file/],
    ['photo.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]), /テキストではない/, /not a text file/],
    ['sjis.json', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0x96, 0x7b, 0x8e, 0xd0, 0x22, 0x7d]), /Shift_JIS/, /Shift_JIS/],
    ['big.json', Buffer.alloc(5 * 1024 * 1024 + 1, 0x20), /大きすぎます/, /too large/],
  ];
  for (const [name, content] of cases) await writeFile(path.join(tmp, name), content);
  // Each refusal in Japanese, then (the language switch leads to the English page) in English.
  for (const lang of ['ja', 'en']) {
    if (lang === 'en') {
      await page.getByTestId('site-lang').click();
      await page.locator('[data-testid=app][lang=en]').waitFor();
      await page.getByTestId('view-files').click();
    }
    for (const [name, , ja, en] of cases) {
      await page.getByTestId('import-file').setInputFiles(path.join(tmp, name));
      await page.getByTestId('error').filter({ hasText: lang === 'ja' ? ja : en }).waitFor();
      assert.equal(await page.getByTestId('import-pending').count(), 0, `${name}: nothing offered for import`);
    }
  }
  const afterwards = await page.evaluate(() => localStorage.getItem('tics-self-check:v1:state'));
  assert.equal(afterwards, before, 'the saved self-checks are untouched');
  assert.equal(await page.getByTestId('library-entry').count(), 1);
  await context.close();
});

test('replacing the open self-check asks first', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await answeredPage(context);
  const saved = await download(page, 'download-json');
  await page.getByTestId('view-check').click();
  await page.getByTestId('status-identify-procedure-not_done').check();
  await page.getByTestId('view-files').click();
  await page.getByTestId('import-file').setInputFiles(saved.file);
  await page.getByTestId('import-replace').click();
  await page.getByTestId('import-replace-confirm').click();
  await page.getByTestId('view-check').click();
  assert.ok(await page.getByTestId('status-identify-procedure-done').isChecked(), 'the file replaced the open answers');
  assert.equal(await page.getByTestId('open-select').locator('option').count(), 1);
  await context.close();
});

test('self-checks can be created, duplicated and deleted after confirmation', async () => {
  const context = await env.browser.newContext();
  const page = await answeredPage(context);
  const id = await openId(page);
  await page.getByTestId(`duplicate-${id}`).click();
  await page.getByTestId('library-entry').filter({ hasText: '本社工場 のコピー' }).waitFor();
  await page.getByTestId('new-check').click();
  assert.equal(await page.getByTestId('library-entry').count(), 3);
  await page.getByTestId(`delete-${id}`).click();
  assert.equal(await page.getByTestId('library-entry').count(), 3, 'nothing deleted before confirming');
  await page.getByTestId(`delete-confirm-${id}`).click();
  await page.getByTestId('flash').filter({ hasText: '削除しました' }).waitFor();
  assert.equal(await page.getByTestId('library-entry').count(), 2);
  await page.reload();
  await page.getByTestId('view-files').click();
  await page.getByTestId('files').waitFor();
  assert.equal(await page.getByTestId('library-entry').count(), 2, 'the list survives a reload');
  await context.close();
});

test('the periodic report marks no change in one click and the plan keeps its entries', async () => {
  const context = await env.browser.newContext();
  const page = await answeredPage(context);
  await page.getByTestId('view-periodic').click();
  await page.getByTestId('unchanged-cs-1').check();
  await page.getByTestId('spread-rotation').click();
  await page.getByTestId('view-plan').click();
  await page.getByTestId('plan-measure-mark-label').fill('全書類に「社外秘」印を押す');
  await page.reload();
  await page.getByTestId('view-periodic').click();
  assert.ok(await page.getByTestId('unchanged-cs-1').isChecked());
  assert.match(await page.getByTestId('criterion-cs-1').getByLabel('確認日').inputValue(), /^\d{4}-\d{2}-\d{2}$/);
  await page.getByTestId('view-plan').click();
  assert.equal(await page.getByTestId('plan-measure-mark-label').inputValue(), '全書類に「社外秘」印を押す');
  await context.close();
});

test('the print view shows the report and statement with no interactive controls', async () => {
  const context = await env.browser.newContext();
  const page = await answeredPage(context);
  await page.getByTestId('view-report').click();
  await page.getByLabel('署名者の氏名').fill('山田 太郎');
  const statement = page.getByTestId('statement');
  assert.match(await statement.textContent(), /認証ではなく/);
  assert.match(await page.getByTestId('statement-id').textContent(), /^TICS-SC-\d{8}-/);
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.getByTestId('report').isVisible());
  const visibleControls = await page.locator('button, input, select, textarea').evaluateAll(
    (els) => els.filter((e) => e.offsetParent !== null || e.getClientRects().length > 0).length);
  assert.equal(visibleControls, 0);
  assert.match(await page.getByTestId('report').textContent(), /山田 太郎/);
  await context.close();
});
