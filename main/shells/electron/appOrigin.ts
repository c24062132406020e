/** The custom scheme the renderer is served from; registered as privileged before `ready`. */
export const APP_SCHEME = 'app';

/** The only host the `app://` scheme answers for. */
export const APP_HOST = 'bundle';

/** The renderer's origin in a packaged or built app. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The document the main window loads in a built app. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

// A dot segment ("/../", "/./", or their %2e spellings) before any query or fragment.
const DOT_SEGMENT = /^[^?#]*\/(?:\.|%2e){1,2}(?:[/?#]|$)/i;

/**
 * True when a raw URL still holds a dot segment. The URL parser would silently normalise it away,
 * so a URL built with one is treated as an attempt to confuse the origin or path checks.
 */
export const hasDotSegment = (url: string): boolean => DOT_SEGMENT.test(url);

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * True only when `url` parses and has exactly the scheme, host and port of `origin`, with no
 * credentials. Uses the URL parser because a prefix test lets `app://bundle.evil` through.
 */
export function hasOrigin(url: string, origin: string): boolean {
  const candidate = parseUrl(url);
  const expected = parseUrl(origin);
  if (!candidate || !expected) return false;
  // "app://evil@bundle/" reads as the app to a person but carries attacker-chosen text.
  if (candidate.username !== '' || candidate.password !== '') return false;
  return (
    candidate.protocol === expected.protocol &&
    candidate.host === expected.host &&
    candidate.host !== ''
  );
}

/**
 * The origin of the electron-vite dev server, or null unless the URL is plain http(s) on a
 * loopback host: a stray ELECTRON_RENDERER_URL must never point the app at a remote page.
 */
export function devServerOrigin(raw: string | undefined): string | null {
  if (!raw) return null;
  const url = parseUrl(raw);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  if (url.username !== '' || url.password !== '' || !LOOPBACK_HOSTS.has(url.hostname)) return null;
  return url.origin;
}
