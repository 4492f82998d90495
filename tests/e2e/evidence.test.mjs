// End-to-end: an item's evidence index in its card (issue 23 §2). The panel arrives from its own chunk when the
// fold-out opens; an entry is written; a file picked for it is fingerprinted in the worker, and the fingerprint
// equals Node's SHA-256 and `sha256sum`'s; "check again" with the same file says so, with another file says it
// changed and offers to record the new one; the periodic report's row cites the entry; a reload keeps it all;
// axe finds nothing on the open panel in Japanese and English; nothing leaves the page's origin.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setup, openPage, axeViolations } from './browser.mjs';

const env = setup();
let tmp;
before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'tics-e2e-evidence-'));
});

// The container item: row cs-11 of the periodic report links it.
const ITEM = 'physical-container-storage';

/** `size` pseudo-random bytes from `seed` (xorshift32), written to `name` in the test's folder. */
async function fileOf(name, size, seed) {
  const bytes = Buffer.alloc(size);
  let x = seed >>> 0;
  for (let i = 0; i < size; i += 1) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    bytes[i] = x & 0xff;
  }
  const file = path.join(tmp, name);
  await writeFile(file, bytes);
  return { file, hex: createHash('sha256').update(bytes).digest('hex') };
}

test('evidence with a fingerprint: taken in a worker, checked again, cited by the periodic report, kept on reload', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(context, `${env.server.origin}/#/business/self-check`);
  // The container item applies once information is kept in containers.
  await page.getByTestId('form-container').check();
  await page.getByTestId(`status-${ITEM}-done`).check();
  const fold = page.getByTestId(`evidence-${ITEM}`);
  assert.equal((await fold.locator('summary').textContent()).trim(), '証跡 (0)');
  await fold.locator('summary').click();
  await page.getByTestId(`evidence-panel-${ITEM}`).waitFor();
  await page.getByTestId(`evidence-add-${ITEM}`).click();
  // Focus goes to the new entry's first field.
  const what = page.getByTestId(`evidence-what-${ITEM}-0`);
  await page.waitForFunction(() => document.querySelector('tics-self-check').shadowRoot.activeElement?.dataset.testid?.startsWith('evidence-what-'));
  await what.fill('施錠キャビネットの鍵の貸出簿 2026年11月');
  await page.getByTestId(`evidence-kept-at-${ITEM}-0`).fill('総務部');
  await page.getByTestId(`evidence-version-${ITEM}-0`).fill('2026-11');

  // A 9 MB file: three pieces for the worker.
  const first = await fileOf('貸出簿.pdf', 9_000_000, 7);
  assert.equal(execFileSync('sha256sum', [first.file], { encoding: 'utf8' }).split(' ')[0], first.hex);
  await page.getByTestId(`evidence-file-${ITEM}-0`).setInputFiles(first.file);
  const print = page.getByTestId(`evidence-fingerprint-${ITEM}-0`);
  await print.getByText(`SHA-256 ${first.hex.slice(0, 16)}…（貸出簿.pdf、9.0 MB、`).waitFor();
  assert.equal((await fold.locator('summary').textContent()).trim(), '証跡 (1)');

  // Check again: the same file, then a changed one (which may be recorded instead).
  await page.getByTestId(`evidence-file-${ITEM}-0`).setInputFiles(first.file);
  await page.getByTestId(`evidence-recheck-${ITEM}-0`).filter({ hasText: '同じファイルです' }).waitFor();
  const second = await fileOf('貸出簿.pdf', 9_000_000, 8);
  await page.getByTestId(`evidence-file-${ITEM}-0`).setInputFiles(second.file);
  await page.getByTestId(`evidence-recheck-${ITEM}-0`).filter({ hasText: '指紋が一致しません' }).waitFor();
  await page.getByTestId(`evidence-replace-${ITEM}-0`).click();
  await print.getByText(`SHA-256 ${second.hex.slice(0, 16)}…`).waitFor();

  const found = await axeViolations(page, 'ja evidence panel');
  await page.getByTestId('site-lang').click();
  await page.locator('[data-testid=app][lang=en]').waitFor();
  // The English page shows the self-check afresh: the fold-out is opened again.
  if (await page.getByTestId(`evidence-${ITEM}`).getAttribute('open') === null) {
    await page.getByTestId(`evidence-${ITEM}`).locator('summary').click();
  }
  await page.getByTestId(`evidence-panel-${ITEM}`).waitFor();
  found.push(...await axeViolations(page, 'en evidence panel'));
  assert.deepEqual(found, []);
  await page.getByTestId('site-lang').click();
  await page.locator('[data-testid=app][lang=ja]').waitFor();

  // The periodic report's row for the container cites it, with the fingerprint.
  await page.getByTestId('view-periodic').click();
  const cited = page.getByTestId('recorded-evidence-cs-11');
  await cited.waitFor();
  assert.match(await cited.textContent(), new RegExp(`施錠キャビネットの鍵の貸出簿 2026年11月（総務部, 2026-11, SHA-256 ${second.hex.slice(0, 8)}`));

  // A reload loses nothing.
  await page.reload();
  await page.getByTestId('app').waitFor();
  await page.getByTestId(`evidence-${ITEM}`).locator('summary').click();
  await page.getByTestId(`evidence-fingerprint-${ITEM}-0`).getByText(`SHA-256 ${second.hex.slice(0, 16)}…`).waitFor();
  assert.equal(await page.getByTestId(`evidence-what-${ITEM}-0`).inputValue(), '施錠キャビネットの鍵の貸出簿 2026年11月');
  assert.deepEqual(page.errors, []);
  assert.ok(page.requests.every((u) => u.startsWith(env.server.origin) || u.startsWith('blob:')), 'nothing leaves the origin');
  await context.close();
});
