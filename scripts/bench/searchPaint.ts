import { createServer } from 'node:http';
import type { Browser, Page } from '@playwright/test';
import { listenOnLoopback } from './loopbackServer';

/**
 * Keystroke to painted results in the real search box, in Chromium.
 *
 * An init script (runs before the app) notes each keydown in the search box: its `timeStamp` is
 * when the key event was created, on the page's clock. A MutationObserver waits until the result
 * list says it answers the box's current words (`data-query` on the results, set together with
 * the hits); then the next animation frame, then a message posted to itself: that runs once the
 * frame's style, layout and paint are done, as in reader.ts. The figure is that moment minus the
 * key's timeStamp, so it holds the input event, React, the call to the core and back, the render
 * and the paint. Each key waits for its results before the next is pressed.
 *
 * For the analysis it also notes, per key, when the search call left and when its response was
 * in (resource timing of /api/runbooks.search; the answer reaches the page's script later).
 */
const PAINT_PROBE = `(() => {
  const state = { key: null, samples: [], calls: [], focusedAt: null };
  window.__holdfastSearchPaint = state;
  performance.setResourceTimingBufferSize(100000);
  document.addEventListener('keydown', (event) => {
    if (event.target && event.target.id === 'search-input') state.key = { at: event.timeStamp };
  }, true);
  document.addEventListener('focusin', (event) => {
    if (event.target && event.target.id === 'search-input' && state.focusedAt === null)
      state.focusedAt = event.timeStamp;
  }, true);
  const lastSearchCall = () =>
    performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('/api/runbooks.search')).at(-1);
  const check = () => {
    const key = state.key;
    const input = document.getElementById('search-input');
    const list = document.querySelector('.search .search-results');
    if (!key || key.done || !input || !list || input.value.trim() === '') return;
    if (list.getAttribute('data-query') !== input.value || list.hidden) return;
    key.done = true;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        state.samples.push(performance.now() - key.at);
        const call = lastSearchCall();
        if (call && call.startTime >= key.at)
          state.calls.push({ asked: call.startTime - key.at, answered: call.responseEnd - key.at });
      };
      channel.port2.postMessage(null);
    });
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
})();`;

interface ProbeState {
  samples: number[];
  calls: Array<{ asked: number; answered: number }>;
  focusedAt: number | null;
}

/** The box's own search (renderer/features/search/localSearch.ts): what it cost to have it. */
export interface LocalSearchCost {
  /** The `runbooks.searchIndex` answer's JSON, bytes as sent (uncompressed). */
  responseBytes: number;
  /** From the box's first focus to the search being ready; 0 when it was ready before. */
  focusToReadyMs: number;
  /** From asking for the data to the search being ready (fetch, parse, restoring the index). */
  askedToReadyMs: number;
  /**
   * JS heap used after a full GC, once the keys are typed: in this page, holding the search, and
   * in the same app with the search's data call refused (every key asks the core).
   */
  heapWithSearchMb: number;
  heapWithoutSearchMb: number;
}

export interface SearchPaintResult {
  samples: number[];
  /** The keys answered by asking the core (the box's own search not yet in), with their timings. */
  calls: Array<{ asked: number; answered: number }>;
  keystrokes: number;
  local: LocalSearchCost | null;
}

/** Types each query a key at a time into the search box at `url` and times every keystroke. */
export async function measureSearchPaint(
  browser: Browser,
  url: string,
  queries: string[],
): Promise<SearchPaintResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: PAINT_PROBE });
    await page.goto(url);
    await page.locator('main[data-ready="true"] h1#page-title').waitFor({ timeout: 15_000 });
    const box = page.getByRole('searchbox', { name: /Search runbooks/ });
    const painted = (): Promise<number> =>
      page.evaluate(
        () =>
          (globalThis as unknown as { __holdfastSearchPaint: ProbeState }).__holdfastSearchPaint
            .samples.length,
      );
    let keystrokes = 0;
    for (const query of queries) {
      await box.fill('');
      for (const char of query) {
        const before = await painted();
        await page.keyboard.press(char === ' ' ? 'Space' : char);
        keystrokes += 1;
        // A function, not a string: the app's CSP forbids eval.
        await page.waitForFunction(
          (n) =>
            (globalThis as unknown as { __holdfastSearchPaint: ProbeState }).__holdfastSearchPaint
              .samples.length > n,
          before,
          { timeout: 5_000, polling: 'raf' },
        );
      }
    }
    const { samples, calls, focusedAt } = await page.evaluate(
      () => (globalThis as unknown as { __holdfastSearchPaint: ProbeState }).__holdfastSearchPaint,
    );
    const loaded = await page.evaluate(() => {
      const ready = performance.getEntriesByName('holdfast-search-ready')[0];
      const fetched = performance
        .getEntriesByType('resource')
        .find((entry) => entry.name.endsWith('/api/runbooks.searchIndex')) as
        PerformanceResourceTiming | undefined;
      return ready && fetched
        ? { readyAt: ready.startTime, askedAt: fetched.startTime, bytes: fetched.decodedBodySize }
        : null;
    });
    const local =
      loaded && focusedAt !== null
        ? {
            responseBytes: loaded.bytes,
            focusToReadyMs: Math.max(0, loaded.readyAt - focusedAt),
            askedToReadyMs: loaded.readyAt - loaded.askedAt,
            heapWithSearchMb: await heapMb(page),
            heapWithoutSearchMb: await heapWithoutSearch(browser, url, queries),
          }
        : null;
    return { samples, calls, keystrokes, local };
  } finally {
    await context.close();
  }
}

/** The page's JS heap in MB after a full garbage collection. */
async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

/** The same app and keys with the search's data refused, so every key asks the core; its heap then. */
async function heapWithoutSearch(
  browser: Browser,
  url: string,
  queries: string[],
): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.route('**/api/runbooks.searchIndex', (route) => route.abort());
    await page.goto(url);
    await page.locator('main[data-ready="true"] h1#page-title').waitFor({ timeout: 15_000 });
    const box = page.getByRole('searchbox', { name: /Search runbooks/ });
    for (const query of queries) {
      await box.fill(query);
      // A function, not a string: the app's CSP forbids eval.
      await page.waitForFunction(
        (words) => document.querySelector('.search-results')?.getAttribute('data-query') === words,
        query,
      );
    }
    return await heapMb(page);
  } finally {
    await context.close();
  }
}

/**
 * The floor under that figure on this machine: a page whose search box fills its list in the
 * keydown's own task (no call, no React), timed by the same probe. Whatever it measures is the
 * browser's input-to-paint cost and the frame wait, which no app change can remove.
 */
const FLOOR_PAGE = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>floor</title></head><body>
<main data-ready="true"><h1 id="page-title">Floor</h1></main>
<div class="search" role="search"><label for="search-input">Search runbooks</label>
<input id="search-input" type="search" aria-controls="results">
<ul id="results" class="search-results" aria-label="Matching runbooks"></ul></div>
<script>
const input = document.getElementById('search-input');
const list = document.getElementById('results');
input.addEventListener('input', () => {
  const item = document.createElement('li');
  item.textContent = input.value;
  list.replaceChildren(item);
  list.setAttribute('data-query', input.value);
});
</script></body></html>`;

export async function serveFloorPage(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(FLOOR_PAGE);
  });
  return listenOnLoopback(server);
}
