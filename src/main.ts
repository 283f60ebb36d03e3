import './styles.css';
import './app/app-shell';

// Offline support for the built app (see public/sw.js); not in development, where files change under it.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  // The build's revision names the worker's cache, so a new build replaces the old one's files.
  navigator.serviceWorker.register(`/sw.js?rev=${encodeURIComponent(__BUILD_REVISION__)}`).catch((e: unknown) => console.warn('offline support unavailable:', e));
}
