// End-to-end: the information inventory (目録) filled by keyboard, the profile following it, the items of ①
// showing its state, templates offered beside items, downloads, and everything found again after a reload.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setup, openPage, waitForFocus, isOwn } from './browser.mjs';

const env = setup();
let tmp;
before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'tics-e2e-inv-'));
});

const SELF_CHECK = '/#/business/self-check';

async function download(page, testId) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const file = path.join(tmp, dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), bytes: await readFile(file) };
}

const focusedId = (page) => page.evaluate(() => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el?.id ?? '';
});

test('an inventory filled by keyboard decides the forms, survives a reload and downloads with hostile text neutralised', async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP' });
  const page = await openPage(context, env.server.origin + SELF_CHECK);

  // Before any inventory, the profile's forms are the user's own choice.
  assert.equal(await page.getByTestId('form-container').isDisabled(), false);

  await page.getByTestId('view-inventory').click();
  assert.match(await page.getByTestId('inventory-state').textContent(), /目録はまだ空です/);

  // Add a row by keyboard: focus lands in its name field.
  await page.getByTestId('inventory-add').focus();
  await page.keyboard.press('Enter');
  await waitForFocus(page, (el) => el.id === 'tics-inv-0-name');
  await page.keyboard.type('=cmd|\' /C calc\'!A0 <b>設計図</b>');
  // Tab to the classification and pick the second label with the keyboard.
  await page.keyboard.press('Tab');
  assert.equal(await focusedId(page), 'tics-inv-0-classification');
  await page.getByTestId('inv-0-classification').selectOption('社外秘');
  // The forms are checkboxes: Space ticks the focused one.
  await page.getByTestId('inv-0-form-container').focus();
  await page.keyboard.press('Space');
  await page.getByTestId('inv-0-manager').fill('@開発部長');
  // The training material's inventory also records the business area and the date the row was listed.
  await page.getByTestId('inv-0-business_area').fill('+技術');
  await page.getByTestId('inv-0-registered').fill('2026-04-01');

  // A worked example as the second row, entrusted by a customer and kept in the cloud.
  await page.getByTestId('inventory-example').selectOption({ label: '顧客から預かった図面' });
  await page.getByTestId('inventory-add-example').click();
  await waitForFocus(page, (el) => el.id === 'tics-inv-1-name');
  assert.equal(await page.getByTestId('inv-1-name').inputValue(), '顧客A社の部品図面');

  // Copy it, move the copy to the top by keyboard, then delete it with its confirmation.
  await page.getByTestId('inv-1-duplicate').click();
  await waitForFocus(page, (el) => el.id === 'tics-inv-2-name');
  await page.getByTestId('inv-2-up').focus();
  await page.keyboard.press('Enter');
  await waitForFocus(page, (el) => el.id === 'tics-inv-1-up');
  await page.keyboard.press('Enter');
  // At the top the up button is gone: focus takes the row's down button.
  await waitForFocus(page, (el) => el.id === 'tics-inv-0-down');
  await page.getByTestId('inv-0-delete').click();
  await waitForFocus(page, (el) => el.id === 'tics-inv-0-delete-confirm');
  await page.keyboard.press('Enter');
  await waitForFocus(page, (el) => el.id === 'tics-inv-0-heading');
  assert.equal(await page.getByTestId('inv-0-name').inputValue(), '=cmd|\' /C calc\'!A0 <b>設計図</b>');
  assert.equal(await page.locator('[data-testid^="inv-row-"]').count(), 2);

  const state = await page.getByTestId('inventory-state').textContent();
  assert.equal(state, '目録: 2 件');
  assert.match(await page.getByTestId('inventory-forms').textContent(), /書類・試作品 \/ クラウド/);

  // The profile follows: forms from the inventory, shown as such; entrusted information too.
  await page.getByTestId('view-check').click();
  assert.equal(await page.getByTestId('form-container').isChecked(), true);
  assert.equal(await page.getByTestId('form-container').isDisabled(), true);
  assert.equal(await page.getByTestId('form-cloud').isChecked(), true);
  assert.equal(await page.getByTestId('form-area').isChecked(), false);
  assert.equal(await page.getByTestId('entrusted').isChecked(), true);
  await page.getByTestId('forms-from-inventory').waitFor();
  // Container items are now in the self-check.
  await page.getByTestId('status-physical-container-storage-done').waitFor();

  // The items of ① show the inventory's state and offer the templates.
  assert.match(await page.getByTestId('templates-identify-procedure').textContent(), /目録: 2 件/);

  // Everything is still there after a reload.
  await page.reload();
  await page.getByTestId('app').waitFor();
  await page.getByTestId('view-inventory').click();
  assert.equal(await page.getByTestId('inv-0-name').inputValue(), '=cmd|\' /C calc\'!A0 <b>設計図</b>');
  assert.equal(await page.getByTestId('inv-0-classification').inputValue(), '社外秘');
  assert.equal(await page.getByTestId('inv-1-entrusted').isChecked(), true);
  assert.equal(await page.getByTestId('inv-0-business_area').inputValue(), '+技術');
  assert.equal(await page.getByTestId('inv-0-registered').inputValue(), '2026-04-01');
  assert.equal(await page.getByTestId('inv-1-business_area').inputValue(), '営業', 'the worked example has its area');
  // The markup is text, not an element.
  assert.equal(await page.locator('.tics-inv-row b').count(), 0);

  // The CSV neutralises the formula prefixes.
  const csv = await download(page, 'inventory-download-csv');
  assert.match(csv.name, /^重要情報の目録_.+_\d{4}-\d{2}-\d{2}\.csv$/);
  const text = csv.bytes.toString('utf8');
  assert.ok(text.startsWith('\uFEFF情報の名称,業務分類,'), text.slice(0, 40));
  assert.match(text.split('\r\n')[0], /,登録日$/);
  assert.ok(text.includes("'+技術"), 'leading + neutralised in the business area');
  assert.ok(text.includes(',2026-04-01\r\n'), 'the date registered, last');
  assert.ok(text.includes("'=cmd|"), 'formula neutralised');
  assert.ok(text.includes("'@開発部長"), 'leading @ neutralised');

  assert.deepEqual(page.requests.filter((u) => !isOwn(env.server.origin, u)), []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('moving rows up and down keeps each row\'s class on screen', async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP' });
  const page = await openPage(context, env.server.origin + SELF_CHECK);
  await page.getByTestId('view-inventory').click();
  const classes = ['極秘', '社外秘', ''];
  for (const [n, name] of ['図面', '配合表', '試作品'].entries()) {
    await page.getByTestId('inventory-add').click();
    await page.getByTestId(`inv-${n}-name`).fill(name);
    if (classes[n]) await page.getByTestId(`inv-${n}-classification`).selectOption(classes[n]);
  }
  const shown = async () => Promise.all([0, 1, 2].map(async (n) =>
    [await page.getByTestId(`inv-${n}-name`).inputValue(), await page.getByTestId(`inv-${n}-classification`).inputValue()]));
  await page.getByTestId('inv-1-up').click();
  assert.deepEqual(await shown(), [['配合表', '社外秘'], ['図面', '極秘'], ['試作品', '']]);
  await page.getByTestId('inv-1-down').click();
  assert.deepEqual(await shown(), [['配合表', '社外秘'], ['試作品', ''], ['図面', '極秘']]);
  await page.getByTestId('inv-0-down').click();
  assert.deepEqual(await shown(), [['試作品', ''], ['配合表', '社外秘'], ['図面', '極秘']]);
  await context.close();
});

test('an item of ① shows the inventory is empty and opens it', async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP' });
  const page = await openPage(context, env.server.origin + SELF_CHECK);
  const links = page.getByTestId('templates-identify-procedure');
  await links.waitFor();
  assert.match(await links.textContent(), /目録はまだ空です/);
  await links.getByRole('button', { name: '目録を開く' }).click();
  await page.getByTestId('inventory-view').waitFor();
  await context.close();
});

test('year over year: a copy keeps the inventory, and the comparison lists the rows added, removed and changed', async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP' });
  const page = await openPage(context, env.server.origin + SELF_CHECK);
  await page.getByTestId('view-inventory').click();
  await page.getByTestId('inventory-add-example').click();
  await page.getByTestId('inventory-example').selectOption({ label: '試作品' });
  await page.getByTestId('inventory-add-example').click();
  // This year's self-check starts as a copy of last year's (which opens), then the inventory changes.
  await page.getByTestId('view-files').click();
  await page.locator('[data-testid^="duplicate-"]').first().click();
  await page.getByTestId('view-inventory').click();
  assert.equal(await page.getByTestId('inv-1-name').inputValue(), '新製品の試作品');
  await page.getByTestId('inv-0-manager').fill('設計課長');
  await page.getByTestId('inv-1-delete').click();
  await page.getByTestId('inv-1-delete-confirm').click();
  await page.getByTestId('inventory-add').click();
  await page.getByTestId('inv-1-name').fill('金型図面');
  await page.getByTestId('view-compare').click();
  await page.getByTestId('inventory-changes').waitFor();
  const items = await page.getByTestId('inventory-changes').locator('li').allTextContents();
  assert.deepEqual(items, ['削除: 新製品の試作品', '変更: 製品設計図（管理者）', '追加: 金型図面']);
  await context.close();
});

test('an inventory kept in Excel comes in from a Shift_JIS CSV: header found below a title, bad rows named, mapping corrected', async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP' });
  const page = await openPage(context, env.server.origin + SELF_CHECK);
  await page.getByTestId('view-inventory').click();
  await page.getByTestId('inventory-add-example').click();

  const fixture = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures/inventory-sjis.csv');
  await page.getByTestId('inventory-import-file').setInputFiles(fixture);
  await page.getByTestId('inventory-preview').waitFor();
  await waitForFocus(page, (el) => el.id === 'tics-inv-preview');
  // The title lines are skipped: the headings are on row 3.
  assert.equal(await page.getByTestId('inv-import-header-row').inputValue(), '3');
  // The row number's box is styled like the drop-downs beside it (not a thin unstyled box).
  const box = await page.getByTestId('inv-import-header-row').evaluate((el) => {
    const s = getComputedStyle(el);
    return { height: el.getBoundingClientRect().height, radius: s.borderTopLeftRadius };
  });
  assert.ok(box.height >= 40 && box.radius === '4px', JSON.stringify(box));
  assert.equal(await page.getByTestId('inv-map-1').inputValue(), 'name');
  // 業務分類 and 登録日 are read too, as the training material's inventory has them.
  assert.equal(await page.getByTestId('inv-map-0').inputValue(), 'business_area');
  assert.equal(await page.getByTestId('inv-map-7').inputValue(), 'registered');
  // "金庫" is not an information form: row 5, column F is named, the other rows are kept.
  assert.match(await page.getByTestId('inv-import-count').textContent(), /取り込める行: 2 \/ 読んだ行: 3/);
  assert.match(await page.getByTestId('inv-import-problems').textContent(), /行 5・列 F/);
  // The first rows as they will be read, with their row numbers: a missing "entrusted" reads as no.
  const sample = await page.getByTestId('inv-import-sample').locator('tbody tr').allInnerTexts();
  assert.equal(sample.length, 2);
  assert.match(sample[0], /^4\s+製品設計図/);
  assert.match(sample[1], /^6\s+顧客図面[\s\S]*いいえ/);
  // Nothing has changed yet.
  assert.equal(await page.locator('[data-testid^="inv-row-"]').count(), 1);

  // Correct the mapping: column F holds where it is kept, not its form. Every row can now be taken.
  await page.getByTestId('inv-map-5').selectOption('location');
  await page.waitForFunction(() => {
    const root = document.querySelector('tics-self-check')?.shadowRoot ?? document;
    return /取り込める行: 3/.test(root.querySelector('[data-testid="inv-import-count"]')?.textContent ?? '');
  });
  await page.getByTestId('inv-import-add').click();
  await waitForFocus(page, (el) => el.id === 'tics-inv-1-heading');
  assert.equal(await page.locator('[data-testid^="inv-row-"]').count(), 4);
  assert.equal(await page.getByTestId('inv-2-name').inputValue(), '製造条件表');
  assert.equal(await page.getByTestId('inv-2-location').inputValue(), '金庫');
  assert.equal(await page.getByTestId('inv-1-manager').inputValue(), '開発部');
  assert.equal(await page.getByTestId('inv-1-business_area').inputValue(), '技術');
  assert.equal(await page.getByTestId('inv-1-registered').inputValue(), '2016-07-01', 'the date as YYYY-MM-DD');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a file that is not an inventory is refused with a message, and the inventory stays as it was', async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP' });
  const page = await openPage(context, env.server.origin + SELF_CHECK);
  await page.getByTestId('view-inventory').click();
  await page.getByTestId('inventory-add-example').click();
  await page.getByTestId('inventory-import-file').setInputFiles({
    name: 'picture.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
  });
  const error = page.getByTestId('error');
  await error.waitFor();
  assert.ok((await error.textContent()).length > 10);
  assert.equal(await page.getByTestId('inventory-preview').count(), 0);
  assert.equal(await page.locator('[data-testid^="inv-row-"]').count(), 1);
  await context.close();
});
