// End-to-end: a year between visits. The browser is asked to keep the data once there is work to keep (granted
// and refused), the header says when a result file was last downloaded and whether the browser keeps the data,
// and a gentle reminder to download a file comes when the user leaves a self-check with changes no file holds,
// at most once a day, with a reason fitted to the browser, never in a widget whose integrator turned it off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, axeViolations } from './browser.mjs';

const env = setup();
const selfCheck = () => `${env.server.origin}/#/business/self-check`;
const NS = 'tics-self-check:v1';

const SAFARI_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
const SAFARI_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

/**
 * Stands in for the browser's decision on `navigator.storage.persist()`: `answer` once asked, and not kept
 * before. Counts the requests in `window.ticsPersistAsked`.
 */
async function browserKeeps(context, answer) {
  await context.addInitScript((answer) => {
    let kept = false;
    window.ticsPersistAsked = 0;
    Object.defineProperty(navigator.storage, 'persisted', { value: async () => kept, configurable: true });
    Object.defineProperty(navigator.storage, 'persist', {
      value: async () => { window.ticsPersistAsked += 1; kept = answer; return answer; },
      configurable: true,
    });
  }, answer);
}

const asked = (page) => page.evaluate(() => window.ticsPersistAsked);
const kept = (page) => page.getByTestId('kept-status').textContent();

/** The user leaves the page: it is hidden (another tab, another app, or closing on a phone). */
async function hide(page) {
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

test('the browser is asked to keep the data once the first answer is saved, and says yes', async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP' });
  await browserKeeps(context, true);
  const page = await openPage(context, selfCheck());
  // Said once the browser has answered (until then the line says it is checking).
  await page.getByTestId('kept-status').filter({ hasText: '同意していません' }).waitFor();
  assert.equal(await asked(page), 0, 'not before there is anything to keep');

  await page.getByTestId('status-identify-procedure-done').check();
  await page.getByTestId('kept-status').filter({ hasText: '同意済み' }).waitFor();
  await page.getByTestId('status-mark-label-done').check();
  assert.equal(await asked(page), 1, 'asked once');
  await context.close();
});

test('a browser that refuses to keep the data is shown as such', async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP' });
  await browserKeeps(context, false);
  const page = await openPage(context, selfCheck());
  await page.getByTestId('status-identify-procedure-done').check();
  await page.waitForFunction(() => window.ticsPersistAsked === 1);
  assert.match(await kept(page), /同意していません（消えることがあります）/);
  await context.close();
});

test('leaving a self-check with changes in no file brings a reminder once a day, until a file is downloaded', async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP', acceptDownloads: true });
  await browserKeeps(context, false);
  const page = await openPage(context, selfCheck());
  assert.match(await page.getByTestId('file-status').textContent(), /まだ変更がありません/);
  assert.equal(await page.getByTestId('reminder').count(), 0, 'nothing to remind of yet');
  await page.getByTestId('status-identify-procedure-done').check();
  assert.match(await page.getByTestId('file-status').textContent(), /まだダウンロードしていません/);
  const first = await page.getByTestId('open-select').inputValue();

  // Leaving it for another self-check: the reminder names the one left, says why for this browser, and is a
  // status, not an alert or a dialog: work goes on.
  await page.getByTestId('view-files').click();
  await page.getByTestId('new-check').click();
  const reminder = page.getByTestId('reminder');
  await reminder.waitFor();
  const text = await reminder.textContent();
  assert.match(text, /「セルフチェック」には、まだどの結果ファイルにも入っていない変更があります/);
  assert.match(text, /ディスクの空きが少なくなると/, 'the reason for a Chromium browser');
  assert.equal(await reminder.getAttribute('role'), 'status');
  assert.equal(await page.locator('dialog[open], [role=alertdialog]').count(), 0);
  await page.getByTestId('view-check').click();
  await page.getByTestId('status-mark-label-done').check();

  // Downloading from the reminder records the file on the self-check left behind, and the reminder goes.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reminder-download').click()]);
  assert.match(download.suggestedFilename(), /^セルフチェック結果_.+\.json$/);
  await reminder.waitFor({ state: 'detached' });
  await page.getByTestId('open-select').selectOption(first);
  assert.match(await page.getByTestId('file-status').textContent(), /^結果ファイル: \d{4}-\d{2}-\d{2} \d{2}:\d{2} に保存$/);
  assert.equal(await reminder.count(), 0, 'the new self-check left behind was reminded of today already');

  // A later change is in no file; the header says so, and leaving again the same day does not nag.
  await page.getByTestId('status-mark-label-partial').check();
  assert.match(await page.getByTestId('file-status').textContent(), /その後の変更はファイルにありません/);
  await hide(page);
  await page.reload();
  await page.getByTestId('app').waitFor();
  assert.equal(await reminder.count(), 0, 'once a day');

  // Another day: the page, closed before the reminder could be seen, reminds on the next visit.
  await page.evaluate((key) => localStorage.setItem(key, '2000-01-01'), `${NS}:reminded`);
  await page.reload();
  await reminder.waitFor();
  // A second tab opened meanwhile, which nobody left, does not remind.
  const other = await openPage(context, selfCheck());
  assert.equal(await other.getByTestId('reminder').count(), 0);
  await page.getByTestId('reminder-later').click();
  await reminder.waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('status-mark-label-partial').isChecked(), true, 'nothing blocked the work');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('hiding the page is leaving it: the reminder is there when the user comes back, and counts from then', async () => {
  const context = await env.browser.newContext({ locale: 'en-GB' });
  const page = await openPage(context, `${selfCheck()}`);
  await page.getByTestId('site-lang').click();
  await page.getByTestId('status-identify-procedure-done').check();
  await hide(page);
  const reminder = page.getByTestId('reminder');
  await reminder.waitFor();
  assert.match(await reminder.textContent(), /has changes that are not in any result file yet/);
  assert.match(await reminder.textContent(), /may delete what this site saved when the disk runs short/);
  const reminded = () => page.evaluate((key) => localStorage.getItem(key), `${NS}:reminded`);
  assert.equal(await reminded(), null, 'not seen yet: a page closed now reminds on the next visit');
  const due = () => page.evaluate((key) => localStorage.getItem(key), `${NS}:remind`);
  assert.ok(await due(), 'due for the next visit');
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { value: false, configurable: true });
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  assert.match(await reminded(), /^\d{4}-\d{2}-\d{2}$/, 'seen: no more today');
  assert.equal(await due(), null);
  await context.close();
});

test('Safari is told about its 7 days, and where installing protects the data it is offered', async () => {
  for (const [userAgent, install] of [[SAFARI_MAC, /Dock に追加/], [SAFARI_IPHONE, /ホーム画面に追加/]]) {
    const context = await env.browser.newContext({ locale: 'ja-JP', userAgent });
    const page = await openPage(context, selfCheck());
    await page.getByTestId('status-identify-procedure-done').check();
    await hide(page);
    const reminder = page.getByTestId('reminder');
    await reminder.waitFor();
    assert.match(await reminder.textContent(), /7 日間開かずにいると/);
    assert.match(await page.getByTestId('install-offer').textContent(), install);
    assert.deepEqual(await axeViolations(page, `reminder (${userAgent.slice(13, 19)})`), []);
    await context.close();
  }
});

test('where the browser offers to install the site, the reminder has the button', async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP' });
  await browserKeeps(context, false);
  const page = await openPage(context, selfCheck());
  // What Chromium sends when the site can be installed.
  await page.evaluate(() => {
    const offer = new Event('beforeinstallprompt', { cancelable: true });
    offer.prompt = async () => { window.ticsPrompted = true; return { outcome: 'accepted' }; };
    window.dispatchEvent(offer);
  });
  await page.getByTestId('status-identify-procedure-done').check();
  await hide(page);
  await page.getByTestId('install-offer').waitFor();
  await page.getByTestId('install-app').click();
  await page.waitForFunction(() => window.ticsPrompted === true);
  await context.close();
});

test('a widget whose integrator turned the reminder off never shows it; one that did not, does', async () => {
  const context = await env.browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto(`${env.server.origin}/examples/portal/`);
  await page.evaluate(() => {
    document.body.insertAdjacentHTML('beforeend',
      '<tics-self-check id="quiet" storage-namespace="quiet" reminder="off"></tics-self-check>'
      + '<tics-self-check id="plain" storage-namespace="plain"></tics-self-check>');
  });
  for (const id of ['quiet', 'plain']) {
    const widget = page.locator(`#${id}`);
    await widget.getByTestId('status-identify-procedure-done').check();
    await widget.getByTestId('view-files').click();
    await widget.getByTestId('new-check').click();
  }
  await page.locator('#plain').getByTestId('reminder').waitFor();
  await hide(page);
  assert.equal(await page.locator('#quiet').getByTestId('reminder').count(), 0);
  assert.equal(await page.locator('#plain').getByTestId('install-offer').count(), 0, 'a portal is not this app');
  await context.close();
});
