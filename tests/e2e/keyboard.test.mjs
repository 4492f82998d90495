// Keyboard only: a whole self-check and a download without the mouse; focus stays visible; Enter while composing
// Japanese text (IME) never submits a form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './browser.mjs';

const env = setup();

/** The focused element, looking inside shadow roots. */
function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const style = el ? getComputedStyle(el) : null;
    return el ? { testid: el.dataset?.testid ?? null, id: el.id, tag: el.tagName.toLowerCase(), outline: style.outlineStyle, outlineWidth: style.outlineWidth } : null;
  });
}

/** Presses Tab (or Shift+Tab) until the focused element has data-testid `testid`. */
async function tabTo(page, testid, { back = false, max = 600 } = {}) {
  for (let i = 0; i < max; i += 1) {
    const f = await focused(page);
    if (f?.testid === testid) return f;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${testid} with the keyboard`);
}

test('a whole self-check and a download with the keyboard alone', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${env.server.origin}/#/business/self-check`);
  await page.getByTestId('app').waitFor();

  await tabTo(page, 'form-container');
  await page.keyboard.press('Space');
  await tabTo(page, 'level-1');
  await page.keyboard.press('ArrowDown');
  await page.getByTestId('level-2').waitFor();
  assert.ok(await page.getByTestId('level-2').isChecked(), 'arrow keys choose the level');

  const f = await tabTo(page, 'status-identify-procedure-done');
  assert.equal(f.outline, 'solid', 'focus is visible');
  await page.keyboard.press('Space');
  await tabTo(page, 'note-identify-procedure');
  await page.keyboard.type('キーボードだけで入力');
  await tabTo(page, 'status-mark-label-done');
  await page.keyboard.press('ArrowRight');
  assert.ok(await page.getByTestId('status-mark-label-partial').isChecked(), 'arrow keys move within the statuses');
  await page.getByTestId('answered').filter({ hasText: /^2 \// }).waitFor();

  await tabTo(page, 'view-files', { back: true });
  await page.keyboard.press('Enter');
  await tabTo(page, 'download-results-csv');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(download.suggestedFilename(), /^回答一覧_.+\.csv$/);
  // After the action, focus is still on the button that was pressed, not lost.
  assert.equal((await focused(page)).testid, 'download-results-csv');
  await context.close();
});

test('Enter while composing Japanese (IME) does not submit, Enter afterwards does', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.server.origin}/#/business/self-check`);
  await page.getByTestId('app').waitFor();
  await page.getByTestId('aside-identify-procedure').click();
  await page.getByTestId('aside-reason-identify-procedure').focus();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'りゆう', selectionStart: 3, selectionEnd: 3 });
  await page.keyboard.press('Enter');
  assert.equal(await page.getByTestId('aside-reason-identify-procedure').count(), 1, 'still editing: nothing was submitted');
  await cdp.send('Input.insertText', { text: '理由' });
  await page.keyboard.press('Enter');
  await page.getByTestId('item-identify-procedure').getByText('理由').waitFor();
  assert.equal(await page.getByTestId('aside-reason-identify-procedure').count(), 0, 'submitted once composition ended');
  await context.close();
});
