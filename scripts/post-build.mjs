// Trunk post-build hook: makes the widget entry file, writes the site's pages and points them and the example
// portal at it.
//
// Trunk names the app's files by content hash. This hook writes widget/loader.js with those names filled in as
// tics-self-check-widget-<version>-<hash>.js, records the names and SHA-384 digests in widget-manifest.json
// (for integrators' Subresource Integrity), writes the site's pages as plain HTML naming that entry on the
// tools' pages (no inline script, so a strict CSP without 'unsafe-inline' holds), and fills the entry's name into
// the example pages.
// It also writes each web worker's loader (widget/worker-loader.js with the worker's glue inlined; Trunk's own
// loader shim calls wasm-bindgen with deprecated parameters and checks no digest), and, for the standalone site,
// the web app manifest and the service worker (sw.js, from widget/sw.js) with this build's list of files.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, writeFile, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this from Trunk');

const files = await readdir(staging);
const find = (re) => {
  const found = files.filter((f) => re.test(f));
  if (found.length !== 1) throw new Error(`expected one file matching ${re}, found ${found.join(', ') || 'none'}`);
  return found[0];
};
const glue = find(/^tics-self-check-[0-9a-f]+\.js$/);
const wasm = find(/^tics-self-check-[0-9a-f]+_bg\.wasm$/);
const css = find(/^app-[0-9a-f]+\.css$/);
const siteCss = find(/^site-[0-9a-f]+\.css$/);
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const short = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 8);
// Filled in with a function: a replacement string would give `$&`, `$'` and the like in the glue a meaning.
const fill = (text, values) => Object.entries(values).reduce((t, [key, value]) => t.replaceAll(key, () => value), text);

const cargo = await readFile(path.join(source, 'Cargo.toml'), 'utf8');
const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)[1];

// The workers. Trunk leaves <name>.js (wasm-bindgen's no-modules glue) and <name>_bg.wasm under fixed names. Each
// becomes one content-hashed loader with the glue inlined, and a content-hashed .wasm whose digest the loader
// checks; the entry carries each loader's name and digest, so every file is pinned from the page's `integrity`.
const workerTemplate = await readFile(path.join(source, 'widget/worker-loader.js'), 'utf8');
const workers = {};
const workerFiles = [];
const workerNames = [['excel', 'tics-xlsx-worker'], ['reader', 'tics-xlsx-reader-worker'], ['markdown', 'tics-md-worker'],
  ['word', 'tics-docx-worker'], ['hash', 'tics-hash-worker']];
for (const [key, name] of workerNames) {
  const workerGlue = await readFile(path.join(staging, `${name}.js`), 'utf8');
  const workerWasm = await readFile(path.join(staging, `${name}_bg.wasm`));
  const wasmName = `${name}-${short(workerWasm)}_bg.wasm`;
  await rename(path.join(staging, `${name}_bg.wasm`), path.join(staging, wasmName));
  const text = fill(workerTemplate, {
    __NAME__: name, __VERSION__: version, __GLUE__: workerGlue, __WASM__: wasmName, __WASM_SRI__: sri(workerWasm),
  });
  const loaderName = `${name}-${short(text)}.js`;
  await writeFile(path.join(staging, loaderName), text);
  await rm(path.join(staging, `${name}.js`));
  await rm(path.join(staging, `${name}_loader.js`), { force: true });
  workers[key] = { url: loaderName, integrity: sri(text) };
  workerFiles.push(loaderName, wasmName);
}

// The chunks of the app's module (see src/ui/lazy.rs): scripts/wasm-split/wasm-bindgen left them, with their
// loader __wasm_split.js, in the target folder. Each chunk is optimised like the main module (wasm-opt -Oz, same
// features) and named by content hash; the loader fetches each with its SHA-384 digest (a changed chunk is
// refused) relative to its own URL (so a portal loads them from wherever the widget's files are), and is itself
// named by content hash, with the app's glue pointed at that name.
const target = process.env.CARGO_TARGET_DIR ?? path.join(source, 'target');
const splitDir = path.join(target, 'wasm-bindgen', process.env.TRUNK_PROFILE ?? 'release', 'wasm-split-tics-self-check');
const chunks = [];
let splitLoader = null;
const splitFiles = await readdir(splitDir).catch(() => []);
if (splitFiles.includes('__wasm_split.js')) {
  const optFlags = ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
    '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
  let text = await readFile(path.join(splitDir, '__wasm_split.js'), 'utf8');
  if (!text.includes('from "./main.js"')) throw new Error('unexpected __wasm_split.js: no import of ./main.js');
  text = text.replace('from "./main.js"', `from "./${glue}"`);
  // The splitter heads each shared chunk with a comment naming the views that share it: a start-up file carries
  // nothing a browser does not run (about 0.5 KB brotli with 95 chunks).
  text = text.replace(/^\/\* [^*]*\*\/\n/gm, '');
  for (const name of splitFiles.filter((f) => f.endsWith('.wasm')).sort()) {
    const optimised = path.join(staging, name);
    execFileSync('wasm-opt', [...optFlags, path.join(splitDir, name), '-o', optimised], { stdio: 'inherit' });
    const bytes = await readFile(optimised);
    const hashed = `tics-self-check-${name.replace(/\.wasm$/, '').replace('_', '-')}-${short(bytes)}.wasm`;
    await rename(optimised, path.join(staging, hashed));
    const fetchOf = `fetch(new URL("./${name}", import.meta.url))`;
    if (!text.includes(fetchOf)) throw new Error(`__wasm_split.js does not fetch ${name} as expected`);
    text = text.replaceAll(fetchOf, `fetch(new URL("./${hashed}", import.meta.url), { integrity: "${sri(bytes)}" })`);
    chunks.push(hashed);
  }
  splitLoader = `tics-self-check-split-${short(text)}.js`;
  await writeFile(path.join(staging, splitLoader), text);
  const gluePath = path.join(staging, glue);
  const glueText = await readFile(gluePath, 'utf8');
  // Only the imports: the module's import name (the key "./__wasm_split.js" in its imports) stays as the wasm has it.
  if (!glueText.includes('from "./__wasm_split.js"')) throw new Error('the glue does not import ./__wasm_split.js');
  await writeFile(gluePath, glueText.replaceAll('from "./__wasm_split.js"', `from "./${splitLoader}"`));
  console.log(`post-build: ${chunks.length} chunks, loader ${splitLoader}`);
}

const loader = fill(await readFile(path.join(source, 'widget/loader.js'), 'utf8'), {
  __VERSION__: version,
  __GLUE__: glue,
  __WASM__: wasm,
  __CSS__: css,
  __WASM_SRI__: sri(await readFile(path.join(staging, wasm))),
  __WORKERS__: JSON.stringify(workers),
});
const entry = `tics-self-check-widget-${version}-${short(loader)}.js`;
await writeFile(path.join(staging, entry), loader);

// `files`: what every page that shows the widget downloads at start; `onDemand`: the chunks of the views off the
// first screen and the workers' files, fetched on first use (and counted apart, so the start-up download stays
// what it is).
const manifest = { version, entry, files: {}, onDemand: {} };
for (const name of [entry, glue, wasm, css, ...(splitLoader ? [splitLoader] : [])]) {
  manifest.files[name] = sri(await readFile(path.join(staging, name)));
}
for (const name of [...chunks, ...workerFiles]) {
  manifest.onDemand[name] = sri(await readFile(path.join(staging, name)));
}
manifest.integrity = manifest.files[entry];
await writeFile(path.join(staging, 'widget-manifest.json'), JSON.stringify(manifest, null, 2) + '\n');

// The site's theme colour (browser bars, the installed app) is the app's accent colour.
const styles = await readFile(path.join(source, 'styles/app.css'), 'utf8');
const colour = (property) => new RegExp(`${property}:\\s*(#[0-9a-fA-F]{3,8})`).exec(styles)[1];

// The site pages' one script (old links, offline use): every tab with its pages, from the site map.
const siteMap = JSON.parse(await readFile(path.join(source, 'content/site/pages.json'), 'utf8'));
const routes = Object.fromEntries(siteMap.tabs.map((tab) => [tab.id, tab.pages.map((p) => p.id)]));
const siteScriptText = fill(await readFile(path.join(source, 'widget/site.js'), 'utf8'), {
  __BUILD__: version, __ROUTES__: JSON.stringify(routes),
});
const siteScript = `site-${short(siteScriptText)}.js`;
await writeFile(path.join(staging, siteScript), siteScriptText);

// The built-in Markdown, rendered (see domain/src/bin/prerender.rs): the catalogue's guidance and examples
// (fetched on first use; build.rs leaves them out of the WebAssembly) and every page of the site as plain HTML,
// this build's files named in each: its stylesheets, its script, and on the tools' pages the widget entry, with
// the app's WebAssembly preloaded (the widget fetches it with its digest; Chromium ignores `integrity` on fetch
// preloads), and the glue and the chunks' loader preloaded as modules with their digests. Trunk's own index.html
// is written over: it only named the assets to build.
const asset = (name) => ({ path: name, integrity: sri(readFileSync(path.join(staging, name))) });
const assets = {
  styles: [asset(css), asset(siteCss)],
  favicon: find(/^favicon-[0-9a-f]+\.svg$/),
  theme: colour('--tics-accent'),
  script: asset(siteScript),
  widget: { path: entry, integrity: manifest.integrity },
  preloads: [{ wasm }, ...[glue, ...(splitLoader ? [splitLoader] : [])].map((name) => ({ module: asset(name) }))],
};
const assetsFile = path.join(staging, '.site-assets.json');
await writeFile(assetsFile, JSON.stringify(assets));
execFileSync('cargo', ['run', '--quiet', '--offline', '-p', 'tics-domain', '--bin', 'tics-prerender', '--', staging, assetsFile],
  { cwd: source, stdio: 'inherit' });
await rm(assetsFile);
const index = await readFile(path.join(staging, 'index.html'), 'utf8');

// The web app manifest of the standalone site, with its icons (the favicon, and PNG renderings of it for systems
// that want bitmaps) and the colours of the app's stylesheet.
const icons = [{ src: `./${find(/^favicon-[0-9a-f]+\.svg$/)}`, sizes: 'any', type: 'image/svg+xml' }];
for (const size of [192, 512]) {
  const png = await readFile(path.join(source, `assets/icon-${size}.png`));
  const name = `icon-${size}-${short(png)}.png`;
  await writeFile(path.join(staging, name), png);
  icons.push({ src: `./${name}`, sizes: `${size}x${size}`, type: 'image/png' });
}
const appManifest = {
  id: './',
  name: '技術情報管理認証制度（TICS）セルフチェック',
  short_name: 'TICS',
  description: /<meta name="description" content="([^"]*)"/.exec(index)[1],
  lang: 'ja',
  dir: 'ltr',
  start_url: './',
  scope: './',
  display: 'standalone',
  theme_color: colour('--tics-accent'),
  background_color: colour('--tics-bg'),
  icons,
};
await writeFile(path.join(staging, 'manifest.webmanifest'), JSON.stringify(appManifest, null, 2) + '\n');

// The service worker: every file the site and its self-check can ask for (not the example portal, nor the
// integrators' manifest), each with its digest except the pages (some hosts rewrite HTML). Its build id changes
// with any of them.
const listing = await readdir(staging, { recursive: true, withFileTypes: true });
const offline = listing.filter((e) => e.isFile())
  .map((e) => path.relative(staging, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'))
  .filter((f) => !f.startsWith('examples/') && f !== 'widget-manifest.json' && f !== 'sw.js')
  .sort();
const precache = [];
for (const file of offline) {
  precache.push([file, file.endsWith('.html') ? null : sri(await readFile(path.join(staging, file)))]);
}
const pages = await Promise.all(offline.filter((f) => f.endsWith('.html')).map((f) => readFile(path.join(staging, f), 'utf8')));
const build = short(JSON.stringify(precache) + pages.join(''));
const sw = fill(await readFile(path.join(source, 'widget/sw.js'), 'utf8'), {
  __BUILD__: build, __FILES__: JSON.stringify(precache, null, 1),
});
await writeFile(path.join(staging, 'sw.js'), sw);

// Example pages name the entry through placeholders.
for (const page of ['examples/portal/index.html', 'examples/portal/portal.js']) {
  const file = path.join(staging, page);
  const html = await readFile(file, 'utf8').catch(() => null);
  if (html === null) continue;
  await writeFile(file, html.replaceAll('__WIDGET_ENTRY__', `../../${entry}`).replaceAll('__WIDGET_SRI__', manifest.integrity));
}
console.log(`post-build: ${entry} (${manifest.integrity}); sw.js build ${build} with ${precache.length} files`);
