// End-to-end: the self-check open in two tabs of one browser. A change saved in one tab shows in the other at
// once; a tab that has not heard of the other's change (its `storage` event held back, as for a frozen tab or
// two saves at the same moment) merges before it writes; the same value changed in both keeps the later one and
// the other tab shows its own value to put back; a deleted self-check is offered back; a stale tab closed last
// writes nothing over newer data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, waitForFocus, waitForValue, axeViolations } from './browser.mjs';

const env = setup();
const selfCheck = () => `${env.server.origin}/#/business/self-check`;

/**
 * A context whose pages can be made deaf to other tabs' writes: a `storage` listener registered before the
 * app's own stops the event while `window.ticsDeaf` is set.
 */
async function newContext(options) {
  const context = await env.browser.newContext(options);
  await context.addInitScript(() => {
    window.addEventListener('storage', (e) => { if (window.ticsDeaf) e.stopImmediatePropagation(); });
  });
  return context;
}

/** Makes `page` deaf to other tabs' writes until `hear` is called. Its next save is its first look since. */
async function deafen(page) {
  await page.evaluate(() => { window.ticsDeaf = true; });
}

/** Lets `page` hear again, and makes it look at storage as it does when shown again (the `pageshow` event). */
async function hear(page) {
  await page.evaluate(() => {
    window.ticsDeaf = false;
    window.dispatchEvent(new Event('pageshow'));
  });
}

const checked = (page, item, status) => page.locator(`[data-testid="status-${item}-${status}"]:checked`);

/** Two tabs on saved data: the first answered an item before the second opened. */
async function twoTabs(url = selfCheck()) {
  const context = await newContext({ locale: 'ja-JP' });
  const first = await openPage(context, url);
  await first.getByTestId('status-identify-procedure-done').check();
  const second = await openPage(context, url);
  await checked(second, 'identify-procedure', 'done').waitFor();
  return { context, first, second };
}

function noErrors(...pages) {
  for (const page of pages) assert.deepEqual(page.errors, [], 'page errors');
}

test('answers given in two tabs that never heard of each other all survive', async () => {
  const { context, first, second } = await twoTabs();
  await deafen(first);
  await second.getByTestId('status-mark-label-done').check();
  await first.getByTestId('status-manager-appoint-partial').check();
  // The first tab merged what the second had saved before it wrote, and shows it.
  await checked(first, 'mark-label', 'done').waitFor();
  // The second tab hears the first's write and shows its answer, without a reload.
  await checked(second, 'manager-appoint', 'partial').waitFor();

  const later = await openPage(context, selfCheck());
  for (const [item, status] of [['identify-procedure', 'done'], ['mark-label', 'done'], ['manager-appoint', 'partial']]) {
    assert.ok(await later.getByTestId(`status-${item}-${status}`).isChecked(), `${item} is ${status}`);
  }
  assert.equal(await later.getByTestId('sync-lost').count(), 0);
  noErrors(first, second, later);
  await context.close();
});

test('a change in one tab shows in the other, which keeps its focus, its scroll and the text being typed', async () => {
  const { context, first, second } = await twoTabs();
  const note = first.getByTestId('note-identify-procedure');
  await note.click();
  await first.keyboard.type('入退室記録を');
  const scrolled = await first.evaluate(() => { window.scrollBy(0, 400); return window.scrollY; });

  await second.getByTestId('status-mark-label-partial').check();
  await checked(first, 'mark-label', 'partial').waitFor();
  await waitForFocus(first, (el) => el.dataset.testid === 'note-identify-procedure');
  assert.equal(await first.evaluate(() => window.scrollY), scrolled, 'the page did not move');
  await first.keyboard.type('毎月確認');
  assert.equal(await note.inputValue(), '入退室記録を毎月確認');
  await waitForValue(second, 'note-identify-procedure', '入退室記録を毎月確認');
  noErrors(first, second);
  await context.close();
});

test('the same note changed in both tabs keeps the later, and the other tab shows its value to put back', async () => {
  const { context, first, second } = await twoTabs();
  await deafen(first);
  await second.getByTestId('note-identify-procedure').fill('二つ目のタブで書いたメモ');
  await first.getByTestId('note-identify-procedure').fill('最初のタブで書いたメモ');

  // The first tab's change is the later one: it stays, in both tabs.
  const notice = second.getByTestId('sync-lost');
  await notice.waitFor();
  assert.equal(await second.getByTestId('note-identify-procedure').inputValue(), '最初のタブで書いたメモ');
  const text = await notice.textContent();
  assert.match(text, /別のタブで同じ箇所が同時に変更され/);
  assert.match(text, /決められた手順で重要情報を特定している/, 'names the item');
  assert.match(text, /メモ/, 'and the field');
  assert.equal(await second.getByTestId('sync-lost-value').textContent(), '二つ目のタブで書いたメモ');
  assert.equal(await first.getByTestId('sync-lost').count(), 0, 'the tab whose change stayed has nothing to say');
  assert.deepEqual(await axeViolations(second, 'lost value notice'), []);

  // Put back: the second tab's value again, and now the first tab hears of it.
  await second.getByTestId('sync-put-back').click();
  assert.equal(await second.getByTestId('note-identify-procedure').inputValue(), '二つ目のタブで書いたメモ');
  await second.getByTestId('sync-lost').waitFor({ state: 'detached' });
  await hear(first);
  await waitForValue(first, 'note-identify-procedure', '二つ目のタブで書いたメモ');
  assert.equal(await first.getByTestId('sync-lost').count(), 0, 'it had seen the value it replaced');
  noErrors(first, second);
  await context.close();
});

test('the notice of a lost value is in English when the self-check is', async () => {
  const context = await newContext({ locale: 'en-GB' });
  const url = `${env.server.origin}/examples/portal/`;
  const first = await context.newPage();
  await first.goto(url);
  const guest = (page) => page.locator('#guest-check');
  await guest(first).getByTestId('status-identify-procedure-done').check();
  const second = await context.newPage();
  await second.goto(url);
  await guest(second).locator('[data-testid="status-identify-procedure-done"]:checked').waitFor();
  await deafen(first);
  await guest(second).getByTestId('note-identify-procedure').fill('written in the second tab');
  await guest(first).getByTestId('note-identify-procedure').fill('written in the first tab');
  const notice = guest(second).getByTestId('sync-lost');
  await notice.waitFor();
  assert.match(await notice.textContent(), /changed in another tab at the same time.*note of item/s);
  assert.equal(await guest(second).getByTestId('sync-lost-value').textContent(), 'written in the second tab');
  // The member widget (another namespace) in the same tabs heard nothing.
  assert.equal(await second.locator('#member-check').getByTestId('sync-lost').count(), 0);
  assert.equal(await second.locator('#member-check [data-testid="status-identify-procedure-done"]:checked').count(), 0);
  await context.close();
});

test('a self-check created in one tab leaves the other tab on its own', async () => {
  const { context, first, second } = await twoTabs();
  const original = await second.getByTestId('open-select').inputValue();
  await first.getByTestId('view-files').click();
  await first.getByTestId('new-check').click();
  await first.locator(`[data-testid=open-select] option`).nth(1).waitFor({ state: 'attached' });
  assert.notEqual(await first.getByTestId('open-select').inputValue(), original, 'the new one is open there');

  // The second tab lists it, and stays on its own self-check with its answer.
  await first.getByTestId('view-check').click();
  await second.locator('[data-testid=open-select] option').nth(1).waitFor({ state: 'attached' });
  assert.equal(await second.getByTestId('open-select').inputValue(), original);
  assert.ok(await second.getByTestId('status-identify-procedure-done').isChecked());
  await second.getByTestId('status-mark-label-done').check();
  // And the first tab's new self-check stays empty.
  assert.equal(await first.getByTestId('status-mark-label-done').isChecked(), false);
  noErrors(first, second);
  await context.close();
});

test('a self-check deleted in one tab while open in the other is offered back there', async () => {
  const { context, first, second } = await twoTabs();
  await first.getByTestId('view-files').click();
  await first.getByTestId('new-check').click();
  await first.locator(`[data-testid=open-select] option`).nth(1).waitFor({ state: 'attached' });
  const created = await first.getByTestId('open-select').inputValue();
  await first.getByTestId('view-check').click();
  await first.getByTestId('status-mark-label-done').check();
  await second.locator(`[data-testid=open-select] option[value="${created}"]`).waitFor({ state: 'attached' });
  await second.getByTestId('open-select').selectOption(created);
  await second.getByTestId('note-mark-label').fill('この写しは残したい');

  await first.getByTestId('view-files').click();
  await first.getByTestId(`delete-${created}`).click();
  await first.getByTestId(`delete-confirm-${created}`).click();

  const notice = second.getByTestId('sync-deleted');
  await notice.waitFor();
  assert.match(await notice.textContent(), /別のタブで削除されました/);
  assert.equal(await second.locator(`[data-testid=open-select] option[value="${created}"]`).count(), 0);
  await waitForFocus(second, (el) => el.dataset.testid === 'sync-keep-copy');
  assert.deepEqual(await axeViolations(second, 'deleted notice'), []);
  await second.keyboard.press('Enter');
  await notice.waitFor({ state: 'detached' });
  assert.equal(await second.getByTestId('open-select').inputValue(), created);
  assert.equal(await second.getByTestId('note-mark-label').inputValue(), 'この写しは残したい');
  // The first tab has it back in its list.
  await first.locator(`[data-testid=open-select] option[value="${created}"]`).waitFor({ state: 'attached' });
  noErrors(first, second);
  await context.close();
});

test('a stale tab closed last writes nothing over newer data', async () => {
  const { context, first, second } = await twoTabs();
  await deafen(first);
  await second.getByTestId('status-mark-label-done').check();
  await second.getByTestId('note-mark-label').fill('二つ目のタブの記録');
  // The second tab is closed; the stale first one goes away last: it is hidden and closed, and has nothing of its
  // own to save.
  await second.close({ runBeforeUnload: true });
  await first.close({ runBeforeUnload: true });
  const later = await openPage(context, selfCheck());
  assert.ok(await later.getByTestId('status-mark-label-done').isChecked());
  assert.equal(await later.getByTestId('note-mark-label').inputValue(), '二つ目のタブの記録');
  noErrors(later);
  await context.close();
});

test('the inventory and the periodic report edited in two tabs keep every row and field', async () => {
  const { context, first, second } = await twoTabs();
  for (const page of [first, second]) await page.getByTestId('view-inventory').click();
  await first.getByTestId('inventory-add').click();
  await first.getByTestId('inv-0-name').fill('製品設計図');
  await second.getByTestId('inv-0-name').waitFor();
  await deafen(second);

  await first.getByTestId('inv-0-location').fill('設計室の施錠キャビネット');
  await first.getByTestId('inventory-add').click();
  await first.getByTestId('inv-1-name').fill('試作品');
  await first.getByTestId('view-periodic').click();
  await first.getByTestId('criterion-cs-1').getByLabel('定期報告の確認内容').fill('規程を閲覧し確認');

  // The second tab never heard of those changes. Its first save merges them in: the row it adds then shows
  // after the first tab's.
  assert.equal(await second.locator('[data-testid^=inv-row-]').count(), 1);
  await second.getByTestId('inventory-add').click();
  await second.getByTestId('inv-2-name').fill('製造条件表');
  await second.getByTestId('inv-0-manager').fill('開発部長');
  await second.getByTestId('view-periodic').click();
  await second.getByTestId('criterion-cs-3').getByLabel('確認者').fill('山田 太郎');

  const later = await openPage(context, selfCheck());
  await later.getByTestId('view-inventory').click();
  const names = [];
  for (let n = 0; n < 3; n++) names.push(await later.getByTestId(`inv-${n}-name`).inputValue());
  assert.deepEqual(names, ['製品設計図', '試作品', '製造条件表']);
  assert.equal(await later.getByTestId('inv-0-location').inputValue(), '設計室の施錠キャビネット');
  assert.equal(await later.getByTestId('inv-0-manager').inputValue(), '開発部長');
  await later.getByTestId('view-periodic').click();
  assert.equal(await later.getByTestId('criterion-cs-1').getByLabel('定期報告の確認内容').inputValue(), '規程を閲覧し確認');
  assert.equal(await later.getByTestId('criterion-cs-3').getByLabel('確認者').inputValue(), '山田 太郎');
  assert.equal(await second.getByTestId('sync-lost').count(), 0);
  noErrors(first, second, later);
  await context.close();
});

test('switching the language of a widget in one tab switches it in the other', async () => {
  const context = await newContext({ locale: 'ja-JP' });
  const url = `${env.server.origin}/examples/portal/`;
  const [first, second] = [await context.newPage(), await context.newPage()];
  for (const page of [first, second]) {
    await page.goto(url);
    await page.locator('#member-check').getByTestId('app').waitFor();
  }
  await first.locator('#member-check').getByTestId('lang-toggle').click();
  await second.locator('#member-check [data-testid=app][lang=en]').waitFor();
  await context.close();
});
