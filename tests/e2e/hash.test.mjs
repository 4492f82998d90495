// End-to-end: the fingerprint worker of the release build (a file's SHA-256, read in pieces with progress). No view
// takes fingerprints yet, so the test starts the worker itself the way the app does (src/web/worker.rs): it fetches
// the loader named in widget-manifest.json with its digest, starts it from a blob: URL, tells it where its files
// are, and sends requests in the app's envelope with a File made in the page from bytes the test generated. Each
// fingerprint must equal Node's SHA-256 of the same bytes and the `sha256sum` program's of the same bytes on disk;
// the progress messages must arrive, one per piece, increasing, the last one at the file's size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setup, openPage, isOwn, DIST, ROOT } from './browser.mjs';

const env = setup();

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** The worker's piece size (hash-worker/src/main.rs, `PIECE`), so that the test follows any change to it. */
async function pieceSize() {
  const source = await readFile(path.join(ROOT, 'hash-worker/src/main.rs'), 'utf8');
  const [, base, shift] = /pub const PIECE: u64 = (\d+) << (\d+);/.exec(source);
  return Number(base) * 2 ** Number(shift);
}

/** The loader and WebAssembly of the fingerprint worker, as widget-manifest.json lists them. */
async function hashFiles() {
  const manifest = JSON.parse(await readFile(path.join(DIST, 'widget-manifest.json'), 'utf8'));
  const loader = Object.keys(manifest.onDemand).find((f) => /^tics-hash-worker-[0-9a-f]+\.js$/.test(f));
  const wasm = Object.keys(manifest.onDemand).find((f) => /^tics-hash-worker-[0-9a-f]+_bg\.wasm$/.test(f));
  return { manifest, loader, wasm, integrity: manifest.onDemand[loader] };
}

/** `size` pseudo-random bytes from `seed` (xorshift32): the same bytes on every run. */
function bytesOf(size, seed) {
  const words = new Uint32Array(Math.ceil(size / 4));
  let x = seed >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    words[i] = x;
  }
  return Buffer.from(words.buffer, 0, size);
}

/** The `sha256sum` program's fingerprint of `bytes`, written to a temporary file. */
async function sha256sum(bytes) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tics-hash-'));
  try {
    const file = path.join(dir, 'evidence.bin');
    await writeFile(file, bytes);
    return execFileSync('sha256sum', ['--binary', file], { encoding: 'utf8' }).split(/\s/)[0];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Starts the worker in the page from its verified loader and returns after it is ready; then `window.__hash(body)`
 * sends one request and resolves with `{ ok, progress }` (every progress figure that came before the reply) or
 * rejects with the worker's message.
 */
async function startWorker(page, loader, integrity) {
  await page.evaluate(async ({ loader, integrity }) => {
    const response = await fetch(new URL(loader, `${location.origin}/`), { integrity, credentials: 'same-origin' });
    const script = await response.text();
    const url = URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
    const worker = new Worker(url);
    const waiting = new Map();
    let nextId = 0;
    await new Promise((resolve, reject) => {
      worker.onmessage = ({ data }) => {
        if (data.ready) resolve();
        else if (data.fatal) reject(new Error(data.fatal));
        else if (waiting.has(data.id)) waiting.get(data.id)(data);
      };
      worker.onerror = (e) => reject(new Error(e.message));
      worker.postMessage({ base: `${location.origin}/` });
    });
    URL.revokeObjectURL(url);
    window.__hash = (body) => new Promise((resolve, reject) => {
      const id = ++nextId;
      const progress = [];
      waiting.set(id, (data) => {
        if ('progress' in data) {
          progress.push(data.progress);
          return;
        }
        waiting.delete(id);
        if ('error' in data) reject(new Error(data.error));
        else resolve({ ok: data.ok, progress });
      });
      worker.postMessage({ id, body });
    });
  }, { loader, integrity });
}

/**
 * Serves `bytes` to the page as `name` (only through the test's route: nothing is written to dist/), and has the
 * worker fingerprint them as a File made in the page.
 */
async function fingerprint(page, name, bytes) {
  const url = `${env.server.origin}/__fixture/${name}`;
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: bytes }));
  const reply = await page.evaluate(async ({ url, name }) => {
    const blob = await (await fetch(url)).blob();
    const { ok, progress } = await window.__hash(new File([blob], name));
    return { ok, progress, size: blob.size };
  }, { url, name });
  await page.unroute(url);
  return reply;
}

test('the app does not load the fingerprint worker at start, and the widget entry announces it', async () => {
  const { manifest, loader, wasm } = await hashFiles();
  assert.ok(loader && wasm, 'the fingerprint worker is listed under onDemand');
  assert.ok(!Object.keys(manifest.files).some((f) => f.includes('hash-worker')), 'and not among the start-up files');
  const entry = await readFile(path.join(DIST, manifest.entry), 'utf8');
  assert.ok(entry.includes(`"hash":{"url":"${loader}"`), 'the entry names its loader for the app');

  const context = await env.browser.newContext();
  const page = await openPage(context, `${env.server.origin}/#/business/self-check`);
  assert.ok(!page.requests.some((u) => u.includes('tics-hash-worker')), 'not loaded at start');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the worker fingerprints files as Node and sha256sum do, with progress piece by piece', async () => {
  const { loader, wasm, integrity } = await hashFiles();
  const piece = await pieceSize();
  const context = await env.browser.newContext();
  const page = await openPage(context, `${env.server.origin}/#/business/self-check`);
  await startWorker(page, loader, integrity);

  const files = [
    ['empty.bin', Buffer.alloc(0)],
    ['abc.txt', Buffer.from('abc')],
    // Exactly two pieces, and a file of about 20 MB that ends in a short piece.
    ['two-pieces.bin', bytesOf(2 * piece, 7)],
    ['証跡 evidence.pdf', bytesOf(20_000_003, 20260501)],
  ];
  for (const [name, bytes] of files) {
    const { ok, progress, size } = await fingerprint(page, name, bytes);
    assert.equal(size, bytes.length, `${name}: the page's file has the test's bytes`);
    const node = createHash('sha256').update(bytes).digest('hex');
    assert.equal(ok.sha256, node, `${name}: as Node's crypto`);
    assert.equal(ok.sha256, await sha256sum(bytes), `${name}: as sha256sum`);
    assert.equal(ok.bytes, bytes.length, `${name}: every byte hashed`);

    assert.equal(progress.length, Math.ceil(bytes.length / piece), `${name}: one progress message per piece`);
    progress.forEach((done, i) => {
      assert.ok(i === 0 ? done > 0 : done > progress[i - 1], `${name}: progress increases (${progress})`);
      assert.ok(done <= bytes.length, `${name}: progress within the file (${progress})`);
    });
    if (bytes.length > 0) assert.equal(progress.at(-1), bytes.length, `${name}: progress ends at the size`);
  }
  const { ok: empty } = await page.evaluate(() => window.__hash(new File([], 'nothing')));
  assert.deepEqual(empty, { sha256: EMPTY_SHA256, bytes: 0 });

  // A body that is not a file is refused with a message in both languages; the worker carries on.
  const refused = await page.evaluate(() => window.__hash('C:\\evidence.pdf').then(() => '', (e) => e.message));
  const message = JSON.parse(refused);
  assert.match(message.ja, /ファイルではありません/);
  assert.match(message.en, /not a file/);
  const { ok: again } = await fingerprint(page, 'again.txt', Buffer.from('abc'));
  assert.equal(again.sha256, 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');

  const foreign = page.requests.filter((u) => !isOwn(env.server.origin, u));
  assert.deepEqual(foreign, [], 'no request leaves the origin');
  assert.ok(page.requests.some((u) => u.endsWith(`/${wasm}`)), 'the worker fetched its WebAssembly');
  assert.deepEqual(page.errors, []);
  await context.close();
});
