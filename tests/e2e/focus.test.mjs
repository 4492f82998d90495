// End-to-end: where keyboard focus goes when an action removes or moves the control that had it, and that
// repeated confirmations are announced again. Each step uses the keyboard, as a keyboard-only user would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setup, openPage, waitForFocus } from './browser.mjs';

const env = setup();

/** The focused element's id, looking inside open shadow roots. */
const focusedId = (page) => page.evaluate(() => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el?.id || el?.localName;
});

/** Focuses the element with `testId` and presses `key` on it. */
async function press(page, testId, key = 'Enter') {
  await page.getByTestId(testId).focus();
  await page.keyboard.press(key);
}

test('files: focus lands on a sensible, focusable place after every action that removes its control', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await openPage(context, env.server.origin + '/#/business/self-check');
  await page.getByTestId('status-identify-procedure-done').check();
  await press(page, 'view-files');
  const firstId = await page.getByTestId('open-select').inputValue();

  // Rename: the form's field takes focus; Escape closes it and gives focus back to the button.
  await press(page, `rename-${firstId}`);
  await waitForFocus(page, (el) => el.id.startsWith('tics-rename-') && el.localName === 'input');
  await page.keyboard.press('Escape');
  await waitForFocus(page, (el) => el.id.startsWith('tics-rename-button-'));
  await page.keyboard.press('Enter');
  await waitForFocus(page, (el) => el.id.startsWith('tics-rename-') && el.localName === 'input');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('本社');
  await page.keyboard.press('Enter');
  await waitForFocus(page, (el) => el.id.startsWith('tics-rename-button-'));
  assert.match(await page.getByTestId('flash').textContent(), /本社/);

  // A second self-check, then open the first again from the list: the "open" button goes away.
  await press(page, 'new-check');
  await page.getByTestId('library-entry').nth(1).waitFor();
  const first = page.getByTestId('library-entry').filter({ hasText: '本社' });
  await first.getByRole('button', { name: '開く' }).focus();
  await page.keyboard.press('Enter');
  await waitForFocus(page, (el) => el.id === 'tics-download-heading');
  assert.match(await page.getByTestId('flash').textContent(), /「本社」を開きました/);

  // Delete the other one: its entry goes away, focus moves to the list's heading.
  const other = page.getByTestId('library-entry').filter({ hasNotText: '本社' });
  await other.getByRole('button', { name: '削除…' }).focus();
  await page.keyboard.press('Enter');
  await other.getByRole('button', { name: '削除する' }).focus();
  await page.keyboard.press('Enter');
  await waitForFocus(page, (el) => el.id === 'tics-library-heading');
  assert.equal(await page.getByTestId('library-entry').count(), 1);
  assert.equal(await page.getByTestId('flash').textContent(), 'セルフチェックを削除しました');
  assert.ok(await page.getByTestId('flash').isVisible(), 'the confirmation is on screen');

  // Import a file: focus goes to the panel that asks what to do; cancelling returns it to the file field.
  const [dl] = await Promise.all([page.waitForEvent('download'), press(page, 'download-json')]);
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'tics-focus-')), dl.suggestedFilename());
  await dl.saveAs(file);
  await page.getByTestId('import-file').setInputFiles(file);
  await waitForFocus(page, (el) => el.id === 'tics-pending-heading');
  await page.getByRole('button', { name: '取り消す' }).focus();
  await page.keyboard.press('Enter');
  await waitForFocus(page, (el) => el.id === 'tics-import');

  // Add as new: the name is told apart from the one already there.
  await page.getByTestId('import-file').setInputFiles(file);
  await press(page, 'import-as-new');
  await waitForFocus(page, (el) => el.id === 'tics-library-heading');
  assert.deepEqual(await page.locator('.tics-entry-name').allTextContents(), ['本社', '本社 (2)']);
  await context.close();
});

test('files: the same confirmation twice is a new message (announced again) and names the file', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await openPage(context, env.server.origin + '/#/business/self-check');
  await press(page, 'view-files');
  await page.evaluate(() => {
    window.__added = 0;
    const root = document.querySelector('tics-self-check').shadowRoot.querySelector('.tics-flash');
    new MutationObserver((list) => { for (const m of list) window.__added += m.addedNodes.length; })
      .observe(root, { childList: true, subtree: true });
  });
  for (const testId of ['download-results-csv', 'download-results-csv']) {
    await Promise.all([page.waitForEvent('download'), press(page, testId)]);
    await waitForFocus(page, (el) => el.dataset.testid === 'download-results-csv');
  }
  await page.waitForFunction(() => window.__added >= 2);
  assert.match(await page.getByTestId('flash').textContent(), /^回答一覧_.+\.csv をダウンロードしました$/);
  await context.close();
});

test('item card: setting aside opens a field with focus, Escape closes it, and the status radios stay reachable', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, env.server.origin + '/#/business/self-check');
  await press(page, 'aside-identify-procedure');
  await waitForFocus(page, (el) => el.id === 'tics-item-identify-procedure-aside');
  await page.keyboard.press('Escape');
  await waitForFocus(page, (el) => el.id === 'tics-item-identify-procedure-action');

  // Pass through the status radios (without choosing one), set the item aside and bring it back. Chromium kept
  // the removed radio group's state under its name and left the card's new radios out of the Tab order.
  await page.getByTestId('status-identify-procedure-done').focus();
  await press(page, 'aside-identify-procedure');
  await waitForFocus(page, (el) => el.id === 'tics-item-identify-procedure-aside');
  await page.keyboard.type('該当なし');
  await page.keyboard.press('Enter');
  await waitForFocus(page, (el) => el.textContent === '対象に戻す');
  await page.keyboard.press('Enter');
  await waitForFocus(page, (el) => el.id === 'tics-item-identify-procedure-action');
  // From the note, Shift+Tab reaches the status radios (not the guidance above them).
  await page.getByTestId('note-identify-procedure').focus();
  await page.keyboard.press('Shift+Tab');
  await waitForFocus(page, (el) => el.type === 'radio' && el.value === 'unknown');
  await context.close();
});

test('plan: changing a priority moves the card, focus follows it and the move is announced', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, env.server.origin + '/#/business/self-check');
  await page.getByTestId('status-mark-label-partial').check();
  await press(page, 'view-plan');
  const select = page.getByTestId('plan-priority-mark-label');
  const before = await page.locator('article[data-testid^=plan-]').evaluateAll(
    (cards) => cards.map((c) => c.dataset.testid).indexOf('plan-mark-label'));
  await select.focus();
  await select.selectOption('low');
  await waitForFocus(page, (el) => el.id === 'tics-item-mark-label-plan-priority');
  const after = await page.locator('article[data-testid^=plan-]').evaluateAll(
    (cards) => cards.map((c) => c.dataset.testid).indexOf('plan-mark-label'));
  assert.notEqual(after, before, 'the card moved');
  assert.match(await page.getByTestId('flash').textContent(), /優先度を「低」にしました/);
  assert.equal(await focusedId(page), 'tics-item-mark-label-plan-priority');
  await context.close();
});

test('site: the language switch leads by keyboard to the same page in the other language; the skip link reaches the content', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, env.server.origin + '/business/self-check/');
  await press(page, 'site-lang');
  await page.locator('[data-testid=app][lang=en]').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.getByTestId('site-lang').textContent(), '日本語');
  await press(page, 'site-lang');
  await page.locator('[data-testid=app][lang=ja]').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');

  // The skip link is the first stop and is out of sight until focused; it leads to the page's main content.
  await page.keyboard.press('Tab');
  await waitForFocus(page, (el) => el.dataset.testid === 'skip-to-content');
  assert.ok(await page.getByTestId('skip-to-content').isVisible());
  await page.keyboard.press('Enter');
  await waitForFocus(page, (el) => el.id === 'tics-main');

  // One main landmark: the site's page; the app inside it is not a second one.
  const mains = await page.evaluate(() => document.querySelectorAll('main, [role=main]').length
    + document.querySelector('tics-self-check').shadowRoot.querySelectorAll('main, [role=main]').length);
  assert.equal(mains, 1);
  await context.close();
});

test('narrow screens: table cells name their column when the table is shown as a list', async () => {
  const context = await env.browser.newContext({ viewport: { width: 320, height: 800 } });
  const page = await openPage(context, env.server.origin + '/#/business/self-check');
  await page.getByTestId('status-mark-label-partial').check();
  await page.getByTestId('view-report').click();
  const label = await page.locator('.tics-report td[data-label]').first().evaluate(
    (td) => getComputedStyle(td, '::before').content);
  assert.equal(label, '"優先度: "');
  await context.close();
});

test('periodic report: spreading the years over the rotation is confirmed in the status region', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, env.server.origin + '/#/business/self-check');
  await press(page, 'view-periodic');
  await press(page, 'spread-rotation');
  await page.getByTestId('flash').filter({ hasText: '3 年間で均等になるよう年を割り振りました' }).waitFor();
  await waitForFocus(page, (el) => el.dataset.testid === 'spread-rotation');
  await context.close();
});

test('dismissing the damaged-data notice returns focus to the current view tab', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.server.origin + '/widget-manifest.json');
  await page.evaluate(() => localStorage.setItem('tics-self-check:v1:state', '{"broken":'));
  await page.goto(env.server.origin + '/#/business/self-check');
  await page.getByTestId('notice').getByRole('button', { name: '閉じる' }).focus();
  await page.keyboard.press('Enter');
  await waitForFocus(page, (el) => el.id === 'tics-tab-check');
  assert.equal(await page.getByTestId('notice').count(), 0);
  await context.close();
});

test('files: a bad file chosen while another waits to be loaded keeps focus at the file field', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await openPage(context, env.server.origin + '/#/business/self-check');
  await press(page, 'view-files');
  const [dl] = await Promise.all([page.waitForEvent('download'), press(page, 'download-json')]);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tics-focus-'));
  const good = path.join(dir, dl.suggestedFilename());
  await dl.saveAs(good);
  const bad = path.join(dir, 'broken.json');
  await writeFile(bad, '{"broken":');
  await page.getByTestId('import-file').setInputFiles(good);
  await waitForFocus(page, (el) => el.id === 'tics-pending-heading');
  await page.getByTestId('import-file').setInputFiles(bad);
  await page.getByTestId('error').waitFor();
  await waitForFocus(page, (el) => el.id === 'tics-import');
  await context.close();
});

test('site: the skip button shows over the page when focused, without moving it', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, env.server.origin + '/#/business/self-check');
  const top = () => page.locator('.tics-site-header').evaluate((h) => h.getBoundingClientRect().top);
  const before = await top();
  await page.getByTestId('skip-to-content').focus();
  assert.ok(await page.getByTestId('skip-to-content').isVisible());
  assert.equal(await top(), before);
  await context.close();
});
