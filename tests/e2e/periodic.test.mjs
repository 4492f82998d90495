// End-to-end: the periodic report by criterion — 表4-1's rows with their evidence, an audit checksheet imported
// from a Shift_JIS CSV (nothing entered is lost), and the report downloaded and printed on A4 landscape.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setup, openPage, waitForFocus, ROOT } from './browser.mjs';

const env = setup();
let tmp;
before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'tics-e2e-periodic-'));
});

async function download(page, testId) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const file = path.join(tmp, dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), bytes: await readFile(file) };
}

const printFrame = (page) => page.waitForFunction(() => {
  const frame = document.querySelector('tics-self-check').shadowRoot.querySelector('iframe.tics-print-frame');
  return frame?.contentDocument?.querySelector('[data-testid=periodic-sheet]')?.textContent;
});

test('the periodic report starts from table 4-1, takes an audit checksheet and prints it with nothing lost', async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP' });
  const page = await openPage(context, env.server.origin + '/#/business/self-check');
  await page.getByTestId('status-identify-procedure-done').check();
  await page.getByTestId('view-periodic').click();
  await page.getByTestId('periodic').waitFor();

  // Fifteen rows, each with the self-check items that support it and their status.
  assert.equal(await page.locator('[data-testid^="criterion-"]').count(), 15);
  assert.match(await page.getByTestId('evidence-cs-1').textContent(), /1 項目が実施済み/);
  const cs1 = page.getByTestId('criterion-cs-1');
  assert.match(await page.getByTestId('links-cs-1').textContent(), /決められた手順で重要情報を特定している実施/);
  // A row of chapter Ⅳ links every item of its chapter: those outside this self-check are counted, listed only on
  // request.
  const out14 = page.getByTestId('links-out-cs-14');
  assert.match(await out14.locator('summary').textContent(), /対象外の項目（\d+ 件）/);
  assert.equal(await out14.evaluate((d) => d.open), false);
  assert.equal(await page.getByTestId('links-cs-14').locator('li').count(), 0);

  // This period's check on row 1: what the audit saw, "no change" in one click (dated), a problem and its handling.
  await cs1.getByLabel('審査時の確認内容').fill('=HYPERLINK("http://x") 規程を閲覧');
  await page.getByTestId('unchanged-cs-1').check();
  assert.match(await cs1.getByLabel('確認日').inputValue(), /^\d{4}-\d{2}-\d{2}$/);
  await cs1.getByLabel('見つかった問題').fill('<b>目録の更新漏れ</b>');
  await cs1.getByLabel('問題への対応').fill('目録を更新し、担当者に周知');
  // Row 15 is left out this period, with the reason and who decided it.
  await page.getByTestId('excluded-cs-15').check();
  // A reason may run to a few lines.
  assert.equal(await page.getByTestId('criterion-cs-15').getByLabel('除外の理由').evaluate((el) => el.tagName), 'TEXTAREA');
  await page.getByTestId('criterion-cs-15').getByLabel('除外の理由').fill('今期は委託先なし');
  await page.getByTestId('criterion-cs-15').getByLabel('除外を決めた経営層').fill('代表取締役 山田');
  // Links: add one by keyboard-reachable controls, and focus stays on the picker.
  await page.getByTestId('criterion-cs-2').getByLabel('項目を追加').selectOption('access-register');
  await page.getByTestId('link-cs-2').click();
  await waitForFocus(page, (el) => el.id === 'tics-crit-cs-2-link-pick');
  assert.match(await page.getByTestId('criterion-cs-2').locator('.tics-evidence').textContent(), /アクセス権者の管理簿/);

  await page.getByLabel('開始日').fill('2026-04-01');
  await page.getByLabel('開始日').dispatchEvent('change');
  await page.getByLabel('終了日').fill('2027-03-31');
  await page.getByLabel('終了日').dispatchEvent('change');

  // The audit checksheet, as a certification body hands it out: Shift_JIS, a title above the header.
  await page.getByTestId('checksheet-file').setInputFiles(path.join(ROOT, 'tests/e2e/fixtures/checksheet-sjis.csv'));
  await page.getByTestId('checksheet-preview').waitFor();
  await page.getByTestId('checksheet-accept').click();
  await page.getByTestId('flash').waitFor();
  assert.match(await page.getByTestId('periodic-source').textContent(), /checksheet-sjis\.csv/);
  const references = await page.locator('[data-testid^="criterion-"] .tics-badge-cs').allTextContents();
  assert.ok(references.some((r) => r.startsWith('Ⅰ')), `one numbering style: ${references}`);
  assert.ok(!references.some((r) => /^I\b/.test(r)), `no Latin I: ${references}`);
  // What was entered on 表4-1's rows is still there, at the end, marked as not in the checksheet.
  const kept = page.locator('[data-testid^="criterion-"]').filter({ hasText: '取り込んだチェックシートにない行' });
  assert.ok(await kept.count() >= 2);
  assert.equal(await kept.first().getByLabel('問題への対応').inputValue(), '目録を更新し、担当者に周知');

  // After a reload the imported rows and the entries are still there.
  await page.reload();
  await page.getByTestId('view-periodic').click();
  assert.match(await page.getByTestId('periodic-source').textContent(), /checksheet-sjis\.csv/);

  // CSV in 付録1's order; formulas neutralised.
  const csv = (await download(page, 'periodic-csv')).bytes.toString('utf8');
  assert.match(csv, /^\uFEFF章,節,項,番,内容,審査時の確認内容,定期報告の確認内容,確認日,確認者,/);
  assert.ok(csv.includes(`"'=HYPERLINK(""http://x"") 規程を閲覧"`), 'formula neutralised');
  assert.ok(csv.includes('今回は確認の対象外（理由: 今期は委託先なし）'));
  const xlsx = await download(page, 'periodic-xlsx');
  assert.match(xlsx.name, /^定期報告_.+\.xlsx$/);
  assert.equal(xlsx.bytes.subarray(0, 2).toString(), 'PK');

  // The printed report: business, period, 付録1's columns, the rows, and a signature block; markup as text.
  await page.getByTestId('periodic-print').click();
  const printed = await (await printFrame(page)).jsonValue();
  assert.match(printed, /対象期間: 2026-04-01 〜 2027-03-31/);
  assert.match(printed, /審査時の確認内容/);
  assert.match(printed, /変更無し/);
  assert.match(printed, /<b>目録の更新漏れ<\/b>/, 'markup printed as text');
  assert.match(printed, /上記のとおり報告します/);
  const bolded = await page.evaluate(() => document.querySelector('tics-self-check').shadowRoot
    .querySelector('iframe.tics-print-frame').contentDocument.querySelectorAll('[data-testid=periodic-sheet] b').length);
  assert.equal(bolded, 0);
  await context.close();
});
