/** The build's revision, set by vite.config.ts (`define`); names the service worker's cache. */
declare const __BUILD_REVISION__: string;
