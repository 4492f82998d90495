// TICS site, build __BUILD__: the one script of the site's pages, written by scripts/post-build.mjs. The pages
// read and navigate without it. It does two things:
// - an old link to the site that was one page (`#/business/self-check`) arrives at its page
//   (`business/self-check/`), in English if the visitor chose English there;
// - the site keeps its files for offline use: it registers the service worker (sw.js) once the page has loaded.
'use strict';
(() => {
  /** Every tab of the site with its pages, first page first. */
  const ROUTES = __ROUTES__;
  const root = new URL('./', document.currentScript.src);
  const old = /^#\/([^/?#]*)(?:\/([^/?#]*))?/.exec(location.hash);
  if (old) {
    // As the old site read a hash: an unknown tab goes home, an unknown page to its tab's first page.
    const tabs = Object.keys(ROUTES);
    const tab = ROUTES[old[1]] ? old[1] : tabs[0];
    const page = ROUTES[tab].includes(old[2]) ? old[2] : ROUTES[tab][0];
    let english = false;
    try {
      english = localStorage.getItem('tics-self-check:v1:lang') === 'en';
    } catch {
      // Storage blocked: Japanese, the site's first language.
    }
    location.replace(new URL(`${english ? 'en/' : ''}${tab}/${page}/`, root));
    return;
  }
  if ('serviceWorker' in navigator) {
    addEventListener('load', () => {
      navigator.serviceWorker.register(new URL('sw.js', root), { scope: root.href }).catch((e) => {
        console.warn(`TICS: オフライン用の service worker を登録できませんでした / could not register the offline service worker: ${e}`);
      });
    }, { once: true });
  }
})();
