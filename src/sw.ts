/// <reference lib="webworker" />
/**
 * Offline support, built by vite-plugin-pwa (workbox) from this file: once
 * the workbench has loaded it opens and works without a network.
 *
 * - Every file of the build is precached with its revision (hashed assets by
 *   their name, index.html by a content hash the build writes into the
 *   manifest below); a new build replaces only what changed.
 * - Only successful responses are kept: workbox refuses to precache
 *   anything but a 2xx, and nothing is cached at run time.
 * - A navigation gets the precached index.html, which was a 200 when it was
 *   stored: a 404 or 503 page from the server is never kept or shown as the app.
 * - Caches of older builds are removed: workbox's outdated precaches, and the
 *   hand-written worker's `csp-workbench-<revision>` caches from before.
 */
import { clientsClaim } from 'workbox-core';
import { addPlugins, cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

// Module scripts are requested with an Origin header and the server answers `Vary: Origin`; the precache fetched them
// without one. Looking files up by address alone keeps them found offline.
addPlugins([{ cacheKeyWillBeUsed: async ({ request }) => new Request(request.url) }]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith('csp-workbench-')).map((k) => caches.delete(k)))));
});
void self.skipWaiting();
clientsClaim();
