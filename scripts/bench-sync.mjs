// Prints what keeping several tabs in step costs while a person types: the time of each sync (User Timing
// `tics:sync`) in the tab that types (it reads storage, finds nobody else wrote, writes) and in a second tab that
// hears every write (it reads the other tab's write and merges it); keystrokes that arrive before the page has
// rendered are saved together, so there are fewer syncs than keystrokes; for a small self-check and for a large
// one (a 1,000-row inventory and a note on every item), at 1× and 4× CPU. Figures, not a test: nothing is
// asserted. Run after `trunk build --release --offline`:
//   node scripts/bench-sync.mjs [keystrokes]
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launch, waitForValue, DIST, ROOT } from '../tests/e2e/browser.mjs';
import { startServer } from '../tests/e2e/server.mjs';

const KEYS = Number(process.argv[2] ?? 30);
const catalogue = JSON.parse(await readFile(path.join(ROOT, 'content/catalogue.json'), 'utf8'));

/** A saved state (version 4) with `rows` inventory rows and a note of `note` characters on every item. */
function savedState(rows, note) {
  const answers = Object.fromEntries(catalogue.items.map((item) => [item.id, {
    status: 'partial', reason: '', note: 'あ'.repeat(note), checker: '山田 太郎', date: '2026-12-01',
  }]));
  const inventory = Array.from({ length: rows }, (_, n) => ({
    id: `i${n + 1}`, name: `図面 ${n}`, description: '現行製品の組立図・部品図', forms: ['container', 'own_server'],
    location: `第${n % 3 + 1}工場の保管庫`, manager: `課長 ${n % 30}`, classification: '社外秘', access: '開発部',
    entrusted: false, conditions: '', retention: '10 年', disposal: '細断',
  }));
  return JSON.stringify({
    format: 'tics-self-check-state', version: 4, revision: 1, seen: 0, lang: 'ja',
    library: { open: 'sc-bench', entries: [{ id: 'sc-bench', name: '本社', created: '', revision: 1, check: {
      profile: { organisation: '株式会社ベンチ', checker: '', forms: ['container', 'own_server'], size: 'small', entrusted: false },
      target_level: 3, answers, inventory: { classes: [], rows: inventory },
    } }] },
  });
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };
const fmt = (ms) => `${ms.toFixed(1)} ms`;

const server = await startServer(DIST, {});
const browser = await launch();
const url = `${server.origin}/#/business/self-check`;
const item = catalogue.items[0].id;
console.log(`sync per keystroke, ${KEYS} keystrokes typed into one tab with a second tab open (median / max)`);
for (const [label, state] of [['small (one answer)', null], ['large (1,000 rows, 103 notes of 200 chars)', savedState(1000, 200)]]) {
  for (const rate of [1, 4]) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const setup = await context.newPage();
    await setup.goto(`${server.origin}/widget-manifest.json`);
    if (state) await setup.evaluate((s) => localStorage.setItem('tics-self-check:v1:state', s), state);
    await setup.close();
    const [typing, hearing] = [await context.newPage(), await context.newPage()];
    for (const page of [typing, hearing]) {
      await page.goto(url);
      await page.getByTestId('app').waitFor();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    }
    await typing.getByTestId(`status-${item}-done`).check();
    const note = typing.getByTestId(`note-${item}`);
    await note.click();
    const clear = () => performance.clearMeasures('tics:sync');
    await typing.evaluate(clear);
    await hearing.evaluate(clear);
    await typing.keyboard.type('x'.repeat(KEYS));
    // Keystrokes that come faster than the page renders are saved together; wait until the other tab shows all.
    const typed = await note.inputValue();
    await waitForValue(typing, `note-${item}`, typed);
    await waitForValue(hearing, `note-${item}`, typed);
    const times = (page) => page.evaluate(() => performance.getEntriesByName('tics:sync').map((e) => e.duration));
    const [own, heard] = [await times(typing), await times(hearing)];
    const bytes = await typing.evaluate(() => localStorage.getItem('tics-self-check:v1:state').length);
    console.log(`  ${label}, ${(bytes / 1024).toFixed(0)} K characters, ${rate}× CPU: typing tab ${fmt(median(own))} / ` +
      `${fmt(Math.max(...own))} (${own.length} syncs); other tab ${fmt(median(heard))} / ${fmt(Math.max(...heard))} (${heard.length})`);
    await context.close();
  }
}
await browser.close();
await server.close();
