// The start-up download's budget: it counts bytes, not time. It fails when what the self-check page downloads
// before its first screen works (the files widget-manifest.json lists under `files`, brotli quality 11, as a
// static host serves them) grows past the budget, so the first screen cannot grow back silently. Views off the
// first screen are chunks loaded on first use (`onDemand`): they do not count, and must not be needed at start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST, ROOT } from './browser.mjs';

/**
 * Bytes (brotli) allowed at start-up. Issue 20 aims at 200 KB; the budget follows the start-up module down as
 * work moves out of it (docs/BENCHMARKS.md, session 8), and never up without a decision written there.
 */
const BUDGET = 347_500;

test(`the start-up download stays within its budget (${BUDGET} bytes brotli)`, async () => {
  const manifest = JSON.parse(await readFile(path.join(DIST, 'widget-manifest.json'), 'utf8'));
  let total = 0;
  const sizes = [];
  for (const file of Object.keys(manifest.files)) {
    const bytes = await readFile(path.join(DIST, file));
    const brotli = zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    sizes.push(`${file} ${brotli}`);
    total += brotli;
  }
  assert.ok(total <= BUDGET, `start-up download ${total} bytes brotli, over the budget of ${BUDGET}:\n${sizes.join('\n')}`);
  // The views' chunks are not part of it.
  assert.ok(Object.keys(manifest.files).every((f) => !/-split-[a-z_-]+-[0-9a-f]+\.wasm$/.test(f)));
  assert.ok(Object.keys(manifest.onDemand).some((f) => /^tics-self-check-split-inventory-[0-9a-f]+\.wasm$/.test(f)));
});

/** Bytes (brotli) a content page of the site may take with everything it loads: its HTML, stylesheets and script. */
const CONTENT_PAGE_BUDGET = 40_000;

test(`every content page of the site, with its stylesheets and script, stays within ${CONTENT_PAGE_BUDGET} bytes brotli and names no WebAssembly`, async () => {
  const siteMap = JSON.parse(await readFile(path.join(ROOT, 'content/site/pages.json'), 'utf8'));
  const brotli = (bytes) => zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const tools = new Set(['self-check', 'aggregate', 'catalogue-check']);
  for (const lang of ['', 'en/']) {
    for (const tab of siteMap.tabs) {
      for (const p of tab.pages.filter((page) => !tools.has(page.id))) {
        const file = `${lang}${tab.id}/${p.id}/index.html`;
        const html = await readFile(path.join(DIST, file), 'utf8');
        assert.ok(!/\.wasm|tics-self-check-widget/.test(html), `${file} names no WebAssembly and no widget`);
        // What the page links to: its stylesheets and script, by their paths from the site's root.
        const linked = [...html.matchAll(/(?:href|src)="(?:\.\.\/)*([^"]+\.(?:css|js))"/g)].map((m) => m[1]);
        let total = brotli(Buffer.from(html));
        for (const asset of linked) total += brotli(await readFile(path.join(DIST, asset)));
        assert.ok(total <= CONTENT_PAGE_BUDGET, `${file}: ${total} bytes brotli with ${linked.join(', ')}`);
      }
    }
  }
});
