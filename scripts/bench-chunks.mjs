// Prints each view's chunk sizes (brotli: its own chunk, and with the shared chunks it needs that the start-up
// does not bring) and the time from a click on a view not yet loaded to that view shown, on a throttled slow link
// (Lighthouse's mobile "slow 4G": 150 ms latency, 1.6 Mbit/s down, 4x CPU), cold (nothing fetched before the
// click) and prefetched (the pointer rested on the tab first). Figures, not a test. Run after
// `trunk build --release --offline`:  node scripts/bench-chunks.mjs [runs]
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, DIST } from '../tests/e2e/browser.mjs';
import { startServer } from '../tests/e2e/server.mjs';

const RUNS = Number(process.argv[2] ?? 3);
const manifest = JSON.parse(await readFile(path.join(DIST, 'widget-manifest.json'), 'utf8'));
const brotli = async (file) => zlib.brotliCompressSync(await readFile(path.join(DIST, file)),
  { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const loader = Object.keys(manifest.files).find((f) => /^tics-self-check-split-[0-9a-f]+\.js$/.test(f));
const loaderText = await readFile(path.join(DIST, loader), 'utf8');

/** The chunk files a view's load fetches: its own and the shared ones it lists. */
function filesOf(view) {
  const own = Object.keys(manifest.onDemand).find((f) => f.startsWith(`tics-self-check-split-${view}-`));
  const load = new RegExp(`__wasm_split_load_${view} = [\\s\\S]*?\\n, \\[([^\\]]*)\\]\\)\\);`).exec(loaderText);
  const deps = (load?.[1] ?? '').split(',').map((d) => d.trim()).filter(Boolean);
  const shared = deps.map((d) => {
    const chunk = new RegExp(`const ${d} = makeLoad\\(\\(\\) => \\{\\s*const src = fetch\\(new URL\\("\\./([^"]+)"`).exec(loaderText);
    return chunk?.[1];
  }).filter(Boolean);
  return { own, shared };
}

const VIEWS = [['inventory', 'inventory-view'], ['plan', 'plan'], ['documents', 'documents-view'], ['periodic', 'periodic'],
  ['compare', 'compare'], ['files', 'files'], ['report', 'report-view']];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log('view        own chunk   with shared chunks (brotli)   click → shown, slow 4G + 4x CPU: cold / prefetched (median of runs)');
const server = await startServer(DIST, {});
const browser = await launch();
for (const [view, testid] of VIEWS) {
  const { own, shared } = filesOf(view);
  let all = await brotli(own);
  for (const f of shared) all += await brotli(f);
  const times = { cold: [], prefetched: [] };
  for (let run = 0; run < RUNS; run++) {
    for (const mode of ['cold', 'prefetched']) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      // No idle prefetch: the test is the click.
      await page.addInitScript(() => { window.requestIdleCallback = () => 0; });
      const cdp = await context.newCDPSession(page);
      await page.goto(`${server.origin}/business/self-check/`);
      await page.getByTestId('app').waitFor();
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const tab = page.getByTestId(`view-${view}`);
      if (mode === 'prefetched') {
        const fetched = page.waitForResponse((r) => r.url().endsWith(`/${own}`));
        await tab.hover();
        await fetched;
      }
      const started = Date.now();
      await tab.click();
      await page.getByTestId(testid).first().waitFor({ timeout: 120_000 });
      times[mode].push(Date.now() - started);
      await context.close();
    }
  }
  console.log(`${view.padEnd(11)} ${String(await brotli(own)).padStart(8)} B   ${String(all).padStart(8)} B (${shared.length} shared)        ` +
    `${median(times.cold)} ms / ${median(times.prefetched)} ms`);
}
await browser.close();
await server.close();
