import './styles.css';
import './app/app-shell';

// Offline support for the built app (src/sw.ts, built by vite-plugin-pwa); not in development, where files change under it.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch((e: unknown) => console.warn('offline support unavailable:', e));
}
