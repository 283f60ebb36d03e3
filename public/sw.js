// Offline support: once the workbench has loaded, it opens and works without a
// network. Hashed build assets (/assets/*) never change, so they are served
// from the cache first; the page itself is fetched fresh when the network is
// there (so a new version is picked up) and from the cache when it is not.
// Only this origin's GET requests are handled; nothing is fetched from elsewhere.
const CACHE = 'csp-workbench-v1';

// precache.json is written by the build (vite.config.ts) and lists the page and every asset, workers included.
self.addEventListener('install', (event) => {
  event.waitUntil(
    fetch('/precache.json')
      .then((r) => r.json())
      .then((files) => caches.open(CACHE).then((c) => c.addAll(files)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          const copy = response.clone();
          caches.open(CACHE).then((c) => c.put('/', copy));
          return response;
        })
        .catch(() => caches.match('/', { ignoreVary: true })),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      // ignoreVary: module scripts are requested with an Origin header; the precache fetched them without one.
      caches.match(request, { ignoreVary: true }).then(
        (hit) =>
          hit ??
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              caches.open(CACHE).then((c) => c.put(request, copy));
            }
            return response;
          }),
      ),
    );
  }
});
