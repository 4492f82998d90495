// TICS Self-Check: the service worker of the standalone site (offline use), build __BUILD__.
// scripts/post-build.mjs writes it as sw.js with the exact list of this build's files. It is registered only by
// the site (index.html's `service-worker` attribute) or by an integrator who opts in (docs/EMBEDDING.md).
// - install: downloads every file of this build into one cache, each checked against its SHA-384 digest;
// - fetch: answers those files from that cache (cache-first). It never answers, caches or fetches anything on
//   another origin, nor any other file of this one: those requests go to the network as if it were not there;
// - activate: deletes the caches of older builds of this same folder.
'use strict';

/** [path relative to this file, SHA-384 digest or null]; the pages (.html) have none: some hosts rewrite HTML. */
const FILES = __FILES__;
const here = (file) => new URL(file, self.location.href).href;
/** One cache per build and folder, so that copies of the site in other folders of the origin are left alone. */
const PREFIX = `tics-self-check:${here('./')}:`;
const CACHE = `${PREFIX}__BUILD__`;
const PRECACHED = new Set(FILES.map(([file]) => here(file)));

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // The pages have fixed names: revalidated, so a stale copy in the HTTP cache is not taken for this build's.
    await cache.addAll(FILES.map(([file, integrity]) => new Request(here(file), integrity ? { integrity } : { cache: 'no-cache' })));
    // A new build takes over at the next visit rather than after every tab of the site has been closed.
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = url.origin + url.pathname;
  let key = null;
  // A page of the site is asked for by its folder (`business/self-check/`): its file is that folder's index.html.
  const page = path.endsWith('/') ? `${path}index.html` : path;
  if (request.mode === 'navigate' && PRECACHED.has(page)) key = page;
  else if (url.search === '' && PRECACHED.has(path)) key = path;
  if (key === null) return;
  event.respondWith((async () => (await caches.match(key, { cacheName: CACHE })) ?? fetch(request))());
});
