// End-to-end: a new user works through the self-check in Debian's Chromium against the release build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, waitForFocus, isOwn } from './browser.mjs';
import { largeOverlay, mountWithOverlay } from './large-overlay.mjs';

const env = setup();

/** Every request the page made went to the app's own origin. */
function assertOnlyOwnRequests(page) {
  const foreign = page.requests.filter((u) => !isOwn(env.server.origin, u));
  assert.deepEqual(foreign, [], 'requests outside the app');
}

/**
 * Replaces the saved data while the app is not open (leaving the app saves its state on page hide, which
 * would overwrite a value set under its feet), then opens the app again.
 */
async function corruptStorage(page, value) {
  await page.goto(env.server.origin + '/widget-manifest.json');
  await page.evaluate((v) => localStorage.setItem('tics-self-check:v1:state', v), value);
  await page.goto(env.server.origin + '/#/business/self-check');
}

test('a new user profiles, picks a level, answers items, and finds everything again after a reload', async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP' });
  const page = await openPage(context, env.server.origin + '/#/business/self-check');

  // Japanese by default.
  assert.equal((await page.getByTestId('page-title').textContent()).trim(), 'セルフチェック');
  assert.equal(await page.getByTestId('app').getAttribute('lang'), 'ja');

  // Before choosing forms, container-storage items are outside the self-check.
  const container = page.getByTestId('status-physical-container-storage-done');
  assert.equal(await container.count(), 0);

  // Profile: papers in containers and own servers; entrusted information.
  await page.getByLabel('事業者名（事業所・部門）').fill('株式会社テスト 本社工場');
  await page.getByLabel('確認者（既定）').fill('山田 太郎');
  await page.getByTestId('form-container').check();
  await page.getByTestId('form-own_server').check();
  await page.getByTestId('entrusted').check();
  await container.waitFor();

  // Level 2 adds standard measures.
  const standard = page.getByTestId('item-identify-inventory');
  await page.getByTestId('level-2').check();
  await standard.locator('input[type=radio]').first().waitFor();

  // Answer: done, partly done, not applicable with a reason, and a note.
  await page.getByTestId('status-identify-procedure-done').check();
  await page.getByTestId('status-physical-container-storage-partial').check();
  await page.getByTestId('status-mark-label-not_applicable').check();
  await page.getByTestId('reason-mark-label').fill('重要情報はすべて電子化済み');
  await page.getByTestId('note-identify-procedure').fill('情報管理規程 第7条で定義, "2026年改訂"');

  // The checker and today's date are recorded on the answered item.
  const card = page.getByTestId('item-identify-procedure');
  assert.equal(await card.getByLabel('確認者', { exact: true }).inputValue(), '山田 太郎');
  assert.match(await card.getByLabel('確認日').inputValue(), /^\d{4}-\d{2}-\d{2}$/);

  const answered = await page.getByTestId('answered').textContent();
  assert.match(answered, /^3 \/ \d+$/);

  // Guidance opens on demand, fetched only then, and is rendered from Markdown.
  assert.ok(!page.requests.some((u) => u.includes('catalogue-guidance')), 'guidance is not loaded at start');
  await card.locator('.tics-guidance > summary').click();
  await card.locator('.tics-md').first().waitFor();
  assert.ok(await card.locator('.tics-md p, .tics-md li').count() > 0);
  assert.ok(page.requests.some((u) => u.includes('catalogue-guidance-')), 'guidance was fetched on opening');

  await page.reload();
  await page.getByTestId('app').waitFor();
  assert.equal(await page.getByLabel('事業者名（事業所・部門）').inputValue(), '株式会社テスト 本社工場');
  assert.ok(await page.getByTestId('form-container').isChecked());
  assert.ok(await page.getByTestId('entrusted').isChecked());
  assert.ok(await page.getByTestId('level-2').isChecked());
  assert.ok(await page.getByTestId('status-identify-procedure-done').isChecked());
  assert.ok(await page.getByTestId('status-physical-container-storage-partial').isChecked());
  assert.equal(await page.getByTestId('reason-mark-label').inputValue(), '重要情報はすべて電子化済み');
  assert.equal(await page.getByTestId('note-identify-procedure').inputValue(), '情報管理規程 第7条で定義, "2026年改訂"');
  assert.equal(await page.getByTestId('answered').textContent(), answered);

  assertOnlyOwnRequests(page);
  assert.ok(!page.requests.some((u) => u.includes('tics-xlsx-worker')), 'the Excel writer is not loaded at start');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('switching to English changes the whole page and survives a reload', async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP' });
  const page = await openPage(context, env.server.origin + '/#/business/self-check');
  await page.getByTestId('site-lang').click();
  await page.getByTestId('page-title').filter({ hasText: 'Self-check' }).waitFor();
  assert.equal(await page.getByTestId('app').getAttribute('lang'), 'en');
  assert.ok(await page.getByText('Identify important information').first().isVisible());
  await page.getByLabel('Papers and prototypes that fit in a locked container').check();

  await page.reload();
  await page.getByTestId('page-title').filter({ hasText: 'Self-check' }).waitFor();
  assert.ok(await page.getByLabel('Papers and prototypes that fit in a locked container').isChecked());
  await page.getByTestId('site-lang').click();
  await page.getByTestId('page-title').filter({ hasText: 'セルフチェック' }).waitFor();

  assertOnlyOwnRequests(page);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('setting an item aside needs a reason, keeps it in view, and focus follows the card', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, env.server.origin + '/#/business/self-check');
  const card = page.getByTestId('item-identify-procedure');
  await page.getByTestId('aside-identify-procedure').click();
  const submit = card.locator('button[type=submit]');
  assert.ok(await submit.isDisabled(), 'no reason, no setting aside');
  await page.getByTestId('aside-reason-identify-procedure').fill('親会社の規程で特定済み');
  await page.keyboard.press('Enter');
  await card.getByText('親会社の規程で特定済み').waitFor();
  const bringBack = card.getByRole('button', { name: '対象に戻す' });
  await waitForFocus(page, (el) => el.textContent === '対象に戻す');
  await bringBack.press('Enter');
  await page.getByTestId('status-identify-procedure-done').waitFor();
  await waitForFocus(page, (el) => el.id === 'tics-item-identify-procedure-action');
  await context.close();
});

test('an item above the target level can be added to the self-check', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, env.server.origin + '/#/business/self-check');
  const card = page.getByTestId('item-identify-inventory');
  await card.locator('xpath=ancestor::details').locator('summary').first().click();
  await page.getByTestId('include-identify-inventory').click();
  await page.getByTestId('status-identify-inventory-done').check();
  await page.getByTestId('answered').filter({ hasText: /^1 \// }).waitFor();
  await context.close();
});

test('with storage blocked the app still works and says that answers will not be kept', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  const page = await openPage(context, env.server.origin + '/#/business/self-check');
  const warning = page.getByTestId('storage-warning');
  await warning.waitFor();
  assert.match(await warning.textContent(), /保存領域が使えません/);
  await page.getByTestId('status-identify-procedure-done').check();
  await page.getByTestId('answered').filter({ hasText: /^1 \// }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('damaged saved data is backed up, reported in both languages, and not lost', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, env.server.origin + '/#/business/self-check');
  await corruptStorage(page, '{"format":"tics-self-check-state", broken');
  const notice = page.getByTestId('notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /壊れて/);
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':backup:'))
    .map((k) => localStorage.getItem(k)));
  assert.deepEqual(backups, ['{"format":"tics-self-check-state", broken']);
  await page.getByTestId('site-lang').click();
  await page.getByTestId('notice').filter({ hasText: /damaged/ }).waitFor();
  await context.close();
});

test('when storage is full the app warns, keeps working, and saves everything once there is room', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  const page = await openPage(context, env.server.origin + '/#/business/self-check');
  await page.evaluate(() => { window.__full = true; });
  await page.getByTestId('status-identify-procedure-done').check();
  await page.getByTestId('storage-warning').filter({ hasText: /保存できませんでした/ }).waitFor();
  await page.getByTestId('note-identify-procedure').fill('容量不足でも消えないメモ');
  await page.getByTestId('answered').filter({ hasText: /^1 \// }).waitFor();
  await page.evaluate(() => { window.__full = false; });
  await page.getByTestId('status-mark-label-partial').check();
  await page.getByTestId('storage-warning').waitFor({ state: 'detached' });
  await page.reload();
  await page.getByTestId('app').waitFor();
  assert.ok(await page.getByTestId('status-identify-procedure-done').isChecked());
  assert.equal(await page.getByTestId('note-identify-procedure').inputValue(), '容量不足でも消えないメモ');
  await context.close();
});

/** Clicks the notice's download button and returns the downloaded file's text. */
async function downloadUnreadable(page) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-unreadable').click()]);
  const chunks = [];
  for await (const chunk of await dl.createReadStream()) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const stateOf = (page) => page.evaluate(() => localStorage.getItem('tics-self-check:v1:state'));

test('data saved by a newer version stays where that version will find it, and is offered as a file', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, env.server.origin + '/#/business/self-check');
  const newer = JSON.stringify({ format: 'tics-self-check-state', version: 99, lang: 'ja', library: { future: true } });
  await corruptStorage(page, newer);
  await page.getByTestId('notice').filter({ hasText: /新しい版のアプリ/ }).waitFor();
  await page.getByTestId('storage-warning').waitFor();
  // The app still works, in memory...
  await page.getByTestId('status-identify-procedure-done').check();
  await page.getByTestId('answered').filter({ hasText: /^1 \// }).waitFor();
  // ...and never writes over the newer data, not even when the page is hidden or reloaded.
  await page.reload();
  await page.getByTestId('notice').waitFor();
  assert.equal(await stateOf(page), newer);
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':backup:')));
  assert.deepEqual(backups, [], 'nothing moved away from where a newer app looks');
  assert.equal(await downloadUnreadable(page), newer);
  await context.close();
});

test('damaged data is not written over when storage is too full to keep a copy of it', async () => {
  const context = await env.browser.newContext();
  const broken = '{"format":"tics-self-check-state", broken';
  const page = await openPage(context, env.server.origin + '/#/business/self-check');
  await page.goto(env.server.origin + '/widget-manifest.json');
  await page.evaluate((v) => localStorage.setItem('tics-self-check:v1:state', v), broken);
  // From now on storage is full: no backup key can be written.
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto(env.server.origin + '/#/business/self-check');
  await page.getByTestId('notice').filter({ hasText: /上書きしない/ }).waitFor();
  await page.getByTestId('status-identify-procedure-done').check();
  await page.getByTestId('answered').filter({ hasText: /^1 \// }).waitFor();
  await page.reload();
  await page.getByTestId('notice').waitFor();
  assert.equal(await stateOf(page), broken, 'the only copy of the data is still there');
  assert.equal(await downloadUnreadable(page), broken);
  await context.close();
});

test('closing the tab right after typing and opening it again loses nothing', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, env.server.origin + '/#/business/self-check');
  await page.getByTestId('note-identify-procedure').pressSequentially('閉じる直前のメモ');
  await page.close({ runBeforeUnload: true });
  const again = await openPage(context, env.server.origin + '/#/business/self-check');
  assert.equal(await again.getByTestId('note-identify-procedure').inputValue(), '閉じる直前のメモ');
  await context.close();
});

test('a catalogue of hundreds of items is shown one topic at a time, and links and focus follow', async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP' });
  const page = await openPage(context, env.server.origin + '/#/business/self-check');
  // The standard catalogue shows every topic on one page.
  assert.equal(await page.getByTestId('topic-nav').count(), 0);
  assert.equal(await page.locator('section.tics-topic').count(), 10);

  const host = await mountWithOverlay(page, 'large', largeOverlay(150), { namespace: 'large' });
  const nav = host.getByTestId('topic-nav');
  await nav.waitFor();
  assert.equal(await host.locator('section.tics-topic').count(), 1, 'one topic at a time');
  assert.equal(await host.getByTestId('show-topic-identify').getAttribute('aria-current'), 'true');
  await host.getByTestId('item-large-0').waitFor();
  assert.equal(await host.getByTestId('item-large-7').count(), 0, 'items of other topics are not rendered');

  // Answering updates the topic's progress in the menu.
  const before = await host.getByTestId('show-topic-identify').innerText();
  await host.getByTestId('status-large-0-done').check();
  await host.getByTestId('show-topic-identify').filter({ hasNotText: before }).waitFor();
  assert.match(await host.getByTestId('show-topic-identify').innerText(), /回答 1 \/ \d+/);

  // The menu shows another topic and moves focus to its heading.
  await host.getByTestId('show-topic-physical').click();
  await host.getByTestId('item-large-7').waitFor();
  assert.equal(await host.locator('section.tics-topic').count(), 1);
  assert.equal(await host.getByTestId('show-topic-physical').getAttribute('aria-current'), 'true');
  await waitForFocus(page, (el) => el.id === 'tics-topic-physical');

  // "Next topic" goes on to the following one.
  await host.getByTestId('next-topic').click();
  await host.getByTestId('item-large-8').waitFor();
  await waitForFocus(page, (el) => el.id === 'tics-topic-electronic');

  // A gap in another topic, chosen from the summary, opens that topic and focuses the item, from any view.
  await host.getByTestId('view-plan').click();
  await host.getByTestId('view-check').click();
  await host.locator('.tics-gaps-box summary').click();
  await host.getByTestId('gaps').getByRole('link', { name: '追加の確認項目 3', exact: true }).click();
  await host.getByTestId('item-large-3').waitFor();
  await waitForFocus(page, (el) => el.id === 'tics-item-large-3-title');
  assert.equal(await host.getByTestId('show-topic-process').getAttribute('aria-current'), 'true');

  // The topic links of the score table work the same way.
  await host.getByTestId('score-mark').getByRole('link').click();
  await waitForFocus(page, (el) => el.id === 'tics-topic-mark');
  assert.deepEqual(page.errors, []);
  assertOnlyOwnRequests(page);
  await context.close();
});
