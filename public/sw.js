// Offline support: once the workbench has loaded, it opens and works without a
// network. Hashed build assets (/assets/*) never change, so they are served
// from the cache first; the page itself is fetched fresh when the network is
// there (so a new version is picked up) and from the cache when it is not.
// Only this origin's GET requests are handled; nothing is fetched from elsewhere.
//
// The cache is named after the build (`?rev=` on this script's address, set
// by src/main.ts from the build), so each build installs its own cache and
// removes the ones before it; only successful responses are ever cached (a
// 404 or 503 page is never kept as the app).
const REVISION = new URL(self.location.href).searchParams.get('rev') || 'dev';
const CACHE = `csp-workbench-${REVISION}`;
const PAGE = '/';

// precache.json is written by the build (vite.config.ts) and lists the page and every asset, workers included.
self.addEventListener('install', (event) => {
  event.waitUntil(
    fetch('/precache.json', { cache: 'no-cache' })
      .then((r) => r.json())
      .then((files) => caches.open(CACHE).then((c) => c.addAll(files)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('csp-workbench-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

const cachedPage = () => caches.open(CACHE).then((c) => c.match(PAGE, { ignoreVary: true }));

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          // Only the app's own page, and only a good copy of it, replaces the cached page.
          if (response.ok && response.type === 'basic' && (url.pathname === '/' || url.pathname === '/index.html')) {
            const copy = response.clone();
            event.waitUntil(caches.open(CACHE).then((c) => c.put(PAGE, copy)));
            return response;
          }
          // A server error while a good copy is cached: the cached app, not the error page.
          if (response.status >= 500) return cachedPage().then((hit) => hit ?? response);
          return response;
        })
        .catch(() => cachedPage().then((hit) => hit ?? Response.error())),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      // ignoreVary: module scripts are requested with an Origin header; the precache fetched them without one.
      caches.match(request, { ignoreVary: true, cacheName: CACHE }).then(
        (hit) =>
          hit ??
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              event.waitUntil(caches.open(CACHE).then((c) => c.put(request, copy)));
            }
            return response;
          }),
      ),
    );
  }
});
