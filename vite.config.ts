import { defineConfig, type Plugin } from 'vite';

/**
 * Content-Security-Policy headers. The page gets the same policy as the meta
 * tag in index.html plus frame-ancestors (which a meta tag cannot set).
 * Worker scripts get their own policy: arquero compiles its table expressions
 * with `Function`, so workers need 'unsafe-eval'; like the page they may only
 * connect to this origin.
 */
const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const WORKER_CSP = "default-src 'self'; script-src 'self' 'unsafe-eval'; connect-src 'self'; object-src 'none'; base-uri 'none'";
// Dev serves workers as /workers/x.worker.ts?worker_file&type=module; builds emit assets/x.worker-<hash>.js.
const isWorkerScript = (url: string) => /\.worker[-.][^/]*$/.test(url.split('?')[0]!) || url.includes('worker_file');

function contentSecurityPolicy(): Plugin {
  const middleware = (req: { url?: string }, res: { setHeader(name: string, value: string): void }, next: () => void) => {
    const url = req.url ?? '/';
    res.setHeader('Content-Security-Policy', isWorkerScript(url) ? WORKER_CSP : PAGE_CSP);
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  };
  return {
    name: 'csp-headers',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}

/**
 * Lists every file of the build in precache.json, so the service worker
 * (public/sw.js) can cache the whole app, workers included, when it installs.
 */
function precacheList(): Plugin {
  return {
    name: 'precache-list',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => !f.endsWith('.map') && f !== 'index.html');
      this.emitFile({ type: 'asset', fileName: 'precache.json', source: JSON.stringify(['/', ...files.map((f) => `/${f}`)], null, 1) });
    },
  };
}

/** Names this build's service-worker cache (public/sw.js): each build caches anew and drops the last one's files. */
const BUILD_REVISION = Date.now().toString(36);

export default defineConfig({
  plugins: [contentSecurityPolicy(), precacheList()],
  define: { __BUILD_REVISION__: JSON.stringify(BUILD_REVISION) },
  build: {
    target: 'es2022',
    // Every asset is a file of its own: data: URLs would fall outside connect-src 'self'.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
  worker: {
    format: 'es',
    rollupOptions: { output: { entryFileNames: 'assets/[name]-[hash].js' } },
  },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
});
