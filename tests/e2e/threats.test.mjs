// End-to-end: the threats a business fears most. Picking them offers a list of the items by threat, each item under
// the first feared threat it answers; the summary counts each threat's measures; the choice survives a reload; the
// printed report and the Excel workbook show the same counts and items.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setup, openPage, waitForFocus, isOwn } from './browser.mjs';
import { zipText } from './zip.mjs';

const env = setup();
let tmp;
before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'tics-e2e-threats-'));
});

/** Clicks `testId` and returns the downloaded file's name and bytes. */
async function download(page, testId) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const file = path.join(tmp, dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), bytes: await readFile(file) };
}

/** Focuses the element with `testId` and presses `key` on it, as a keyboard-only user would. */
async function press(page, testId, key = 'Enter') {
  await page.getByTestId(testId).focus();
  await page.keyboard.press(key);
}

// In the built-in catalogue, identify-procedure answers every threat, so with leavers and partners feared it is
// listed under leavers (the first of the two); access-visitors and physical-transport-arrival answer partners but
// not leavers. All three are level 1, for every business.
const VISITORS = '訪問者は必要性確認・誓約書・立会いで対応';

test('feared threats list the items by threat, count them in the summary, survive a reload, print and export', async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP', acceptDownloads: true });
  const page = await openPage(context, env.server.origin + '/#/business/self-check');

  // Before any threat is chosen: all five threats in the summary, none marked, and no list by threat offered.
  assert.equal(await page.locator('[data-testid^="threat-score-"]').count(), 5);
  assert.doesNotMatch(await page.getByTestId('threat-chart').textContent(), /特に心配/);
  assert.equal(await page.getByTestId('items-by-threat').count(), 0);

  // Pick two threats (by their labels, as a screen reader user finds them).
  const choice = page.getByTestId('threat-choice');
  await choice.getByLabel('退職者').check();
  await choice.getByLabel('取引先').check();
  await page.getByTestId('items-by-threat').waitFor();
  assert.ok(await page.getByTestId('items-by-topic').isChecked(), 'the list stays by topic until asked');
  // The feared threats are marked in words in the summary.
  assert.match(await page.getByTestId('threat-score-leaver').textContent(), /退職者（特に心配）/);
  assert.match(await page.getByTestId('threat-score-partner').textContent(), /取引先（特に心配）/);
  assert.doesNotMatch(await page.getByTestId('threat-score-insider').textContent(), /特に心配/);

  // Switch to the list by threat: focus stays on the switch, one section per feared threat, no topic sections.
  await page.getByTestId('items-by-threat').check();
  await waitForFocus(page, (el) => el.id === 'tics-items-by-threat');
  const leaver = page.getByTestId('threat-leaver');
  const partner = page.getByTestId('threat-partner');
  await leaver.waitFor();
  await partner.waitFor();
  assert.equal(await page.getByTestId('threat-insider').count(), 0, 'a threat not feared has no section');
  assert.equal(await page.locator('section[data-testid^="topic-"]').count(), 0);
  assert.equal(await leaver.getByRole('heading', { level: 3 }).textContent(), '退職者');

  // Each item once, under the first feared threat it answers; the leavers' list starts with a baseline,
  // high-importance item in catalogue order.
  assert.equal(await page.getByTestId('item-identify-procedure').count(), 1);
  assert.equal(await leaver.getByTestId('item-identify-procedure').count(), 1);
  assert.equal(await partner.getByTestId('item-access-visitors').count(), 1);
  const first = await leaver.locator('article[data-testid^="item-"]').first().getAttribute('data-testid');
  assert.equal(first, 'item-identify-procedure');
  const ids = await page.getByTestId('app').locator('[id]').evaluateAll((els) => els.map((e) => e.id));
  assert.equal(new Set(ids).size, ids.length, 'element ids stay unique');
  // Items answering neither threat are counted and pointed to the list by topic.
  assert.match(await page.getByTestId('threat-others').textContent(), /\d+ 項目は、トピック別の一覧で確認できます/);

  // Answering an item changes its threat's count in the summary.
  const before = (await page.getByTestId('threat-done-partner').textContent()).match(/^(\d+) 項目のうち 0 項目を実施済み$/);
  assert.ok(before, 'nothing done yet');
  await page.getByTestId('status-access-visitors-done').check();
  await page.getByTestId('threat-done-partner').filter({ hasText: `${before[1]} 項目のうち 1 項目を実施済み` }).waitFor();
  assert.match(await page.getByTestId('threat-score-partner').textContent(), /\d+%/);

  // Setting an item aside takes it out of the list by threat: focus goes to its threat's heading and the message
  // says where the item still is.
  await press(page, 'aside-physical-transport-arrival');
  await waitForFocus(page, (el) => el.id === 'tics-item-physical-transport-arrival-aside');
  await page.keyboard.type('運送は取引先が担当');
  await page.keyboard.press('Enter');
  await waitForFocus(page, (el) => el.id === 'tics-threat-partner');
  await page.getByTestId('flash').filter({ hasText: 'トピック別の一覧に残っています' }).waitFor();
  assert.equal(await page.getByTestId('item-physical-transport-arrival').count(), 0);

  // Back to the list by topic, then a feared threat's link in the summary opens its list and focuses its heading.
  await page.getByTestId('items-by-topic').check();
  await page.getByTestId('topic-identify').waitFor();
  await page.getByTestId('threat-score-leaver').getByRole('link', { name: '退職者（特に心配）' }).click();
  await waitForFocus(page, (el) => el.id === 'tics-threat-leaver');
  assert.ok(await page.getByTestId('items-by-threat').isChecked());

  // After a reload the threats are still chosen, the answer counted, and the list starts by topic again.
  await page.reload();
  await page.getByTestId('app').waitFor();
  assert.ok(await page.getByTestId('fear-leaver').isChecked());
  assert.ok(await page.getByTestId('fear-partner').isChecked());
  assert.ok(!(await page.getByTestId('fear-insider').isChecked()));
  assert.ok(await page.getByTestId('items-by-topic').isChecked());
  assert.match(await page.getByTestId('threat-done-partner').textContent(), / 1 項目を実施済み$/);

  // The printed report: the counts with the feared threats marked, then each feared threat's items with status.
  await page.getByTestId('view-report').click();
  const report = page.getByTestId('report-threats');
  assert.match(await report.textContent(), /退職者（特に心配）/);
  assert.match(await report.textContent(), /取引先（特に心配）/);
  const row = page.getByTestId('report-threat-partner').locator('tr', { hasText: VISITORS });
  assert.equal(await row.locator('td').last().textContent(), '実施');
  assert.ok(await page.getByTestId('report-threat-leaver').getByText('決められた手順で重要情報を特定している', { exact: true }).isVisible());
  await page.getByTestId('print').click();
  const printed = await page.waitForFunction(() => {
    const frame = document.querySelector('tics-self-check').shadowRoot.querySelector('iframe.tics-print-frame');
    return frame?.contentDocument?.querySelector('[data-testid=report-threats]')?.textContent;
  });
  assert.match(await printed.jsonValue(), /取引先（特に心配）/);

  // The Excel workbook: a sheet by threat, second, with the counts above its header and the feared threats' items.
  await page.getByTestId('view-files').click();
  const xlsx = await download(page, 'download-xlsx');
  const sheets = [...zipText(xlsx.bytes, 'xl/workbook.xml').matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(sheets, ['概要', '脅威別', '結果', '行動計画', '定期報告', '目録', '証跡一覧']);
  const strings = zipText(xlsx.bytes, 'xl/sharedStrings.xml');
  assert.match(strings, new RegExp(`取引先（特に心配）: ${before[1] - 1} 項目のうち 1 項目を実施済み`),
    'the set-aside item no longer counts');
  assert.match(strings, /内部不正: \d+ 項目のうち 0 項目を実施済み/);
  assert.ok(strings.includes(VISITORS));

  assert.deepEqual(page.requests.filter((u) => !isOwn(env.server.origin, u)), [], 'requests outside the app');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('unticking the last feared threat goes back to the list by topic with focus kept on the box', async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP' });
  const page = await openPage(context, env.server.origin + '/#/business/self-check');
  await page.getByTestId('fear-malware').check();
  await page.getByTestId('items-by-threat').check();
  await page.getByTestId('threat-malware').waitFor();
  await press(page, 'fear-malware', 'Space');
  await page.getByTestId('topic-identify').waitFor();
  assert.equal(await page.getByTestId('items-by-threat').count(), 0);
  await waitForFocus(page, (el) => el.id === 'tics-fear-malware');
  assert.deepEqual(page.errors, []);
  await context.close();
});
