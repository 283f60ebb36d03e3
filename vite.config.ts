import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

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
 * The service worker (src/sw.ts), built by vite-plugin-pwa with workbox: every
 * file of the build precached with its revision, old caches dropped. The app
 * registers it itself (src/main.ts), so nothing is injected into the page.
 */
const offline = VitePWA({
  strategies: 'injectManifest',
  srcDir: 'src',
  filename: 'sw.ts',
  injectRegister: false,
  manifest: false,
  injectManifest: {
    globPatterns: ['**/*.{html,js,css,csv,gz,geojson,json}'],
    // The largest sample file is under 2 MB; leave room for a larger force's month.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    // A classic script, which every browser with service workers can run.
    rollupFormat: 'iife',
  },
});

export default defineConfig({
  plugins: [contentSecurityPolicy(), offline],
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
