import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Browser } from '@playwright/test';
import { listenOnLoopback } from './loopbackServer';
import { RENDERER_HEADERS } from '../../main/shells/serve/staticAssets';

/**
 * How "readable" is measured, the same way for both pages:
 *
 * An init script (runs before any page script) watches the DOM with a MutationObserver. When the
 * reader's title and first `li.step` exist, it waits for the next animation frame, then posts a
 * message to itself: that message runs once the frame's style, layout and paint have been done on
 * the main thread, so the step is rendered, not just in the DOM. `performance.now()` there is the
 * time since navigation start (the page's time origin), so it covers the HTML request, CSS, JS
 * download and run, API calls, React render and the first paint of the steps. Timing inside the
 * page keeps Playwright's own round trips out of the figure.
 */
const READABLE_PROBE = `(() => {
  let done = false;
  const check = () => {
    if (done) return;
    const step = document.querySelector('article.reader li.step');
    if (!step || !document.querySelector('article.reader h1#page-title')) return;
    done = true;
    observer.disconnect();
    const inDom = performance.now();
    requestAnimationFrame(() => {
      const frame = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        window.__holdfastBench = { inDom, frame, painted: performance.now(), visible: step.checkVisibility() };
      };
      channel.port2.postMessage(null);
    });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** Milestones of one page load, in ms since navigation start. */
export interface ReadableSample {
  /** The steps are rendered: the figure that is reported. */
  painted: number;
  inDom: number;
  htmlEnd: number;
  domContentLoaded: number;
  firstContentfulPaint: number | null;
  /** Last byte of the page's own JS and CSS, and of each API call (null when there was none). */
  jsEnd: number | null;
  cssEnd: number | null;
  apiEnds: Record<string, number>;
}

interface RawSample {
  inDom: number;
  painted: number;
  visible: boolean;
  htmlEnd: number;
  domContentLoaded: number;
  fcp: number | null;
  resources: Array<{ name: string; end: number }>;
}

const COLLECT = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return {
    ...window.__holdfastBench,
    htmlEnd: nav ? nav.responseEnd : 0,
    domContentLoaded: nav ? nav.domContentLoadedEventEnd : 0,
    fcp: fcp ? fcp.startTime : null,
    resources: performance.getEntriesByType('resource').map((entry) => ({ name: entry.name, end: entry.responseEnd })),
  };
})()`;

/** Loads `url` in a fresh browser context (empty cache, no storage) and times it. */
export async function measureReadable(browser: Browser, url: string): Promise<ReadableSample> {
  const context = await browser.newContext();
  const errors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript({ content: READABLE_PROBE });
    await page.goto(url, { waitUntil: 'commit' });
    // A function, not a string: the app's CSP forbids eval, which a string predicate would need.
    await page.waitForFunction(
      () => (globalThis as { __holdfastBench?: unknown }).__holdfastBench !== undefined,
      null,
      { timeout: 15_000, polling: 50 },
    );
    const raw = await page.evaluate<RawSample>(COLLECT);
    if (!raw.visible) throw new Error('the first step is in the page but not visible');
    const lastEnd = (pattern: RegExp): number | null => {
      const ends = raw.resources
        .filter((r) => pattern.test(new URL(r.name).pathname))
        .map((r) => r.end);
      return ends.length > 0 ? Math.max(...ends) : null;
    };
    const apiEnds: Record<string, number> = {};
    for (const resource of raw.resources) {
      const call = /^\/api\/(.+)$/.exec(new URL(resource.name).pathname)?.[1];
      if (call) apiEnds[call] = resource.end;
    }
    return {
      painted: raw.painted,
      inDom: raw.inDom,
      htmlEnd: raw.htmlEnd,
      domContentLoaded: raw.domContentLoaded,
      firstContentfulPaint: raw.fcp,
      jsEnd: lastEnd(/\.js$/),
      cssEnd: lastEnd(/\.css$/),
      apiEnds,
    };
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      `could not time ${url.replace(/code=[^#&]+/, 'code=…')}: ${message}${errors.length > 0 ? `; page errors: ${errors.join('; ')}` : ''}`,
      { cause: error },
    );
  } finally {
    await context.close();
  }
}

export interface StaticSite {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the pre-rendered page and the app's stylesheet on 127.0.0.1, with the same headers the
 * harness sends (CSP, no-store), so both pages travel the same way: HTTP over loopback.
 */
export async function serveStaticPage(
  html: string,
  cssPath: string,
  cssUrlPath: string,
): Promise<StaticSite> {
  const css = await readFile(cssPath);
  const page = Buffer.from(html, 'utf8');
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const body = path === '/' ? page : path === cssUrlPath ? css : null;
    if (!body) {
      res.writeHead(404, RENDERER_HEADERS).end();
      return;
    }
    res.writeHead(200, {
      ...RENDERER_HEADERS,
      'Content-Type': path === '/' ? 'text/html; charset=utf-8' : 'text/css; charset=utf-8',
      'Content-Length': body.length,
    });
    res.end(body);
  });
  return listenOnLoopback(server);
}
