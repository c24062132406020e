import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { test, expect } from '@playwright/test';
import { desktopRendererDir, harnessRendererDir } from '../main/shells/web/startHarness';

const repoRoot = resolve(import.meta.dirname, '..');

/** What only the harness's HTTP client contains: where it calls. */
const HARNESS_CLIENT_MARKERS = ['/api/'];

async function scriptsIn(rendererDir: string): Promise<Map<string, string>> {
  const names = (await readdir(join(rendererDir, 'assets'))).filter((name) => name.endsWith('.js'));
  const bodies = await Promise.all(
    names.map((name) => readFile(join(rendererDir, 'assets', name), 'utf8')),
  );
  return new Map(names.map((name, index) => [name, bodies[index] ?? '']));
}

const holding = (scripts: Map<string, string>, marker: string): string[] =>
  [...scripts].filter(([, body]) => body.includes(marker)).map(([name]) => name);

test('the desktop renderer ships no web-harness client', async () => {
  const desktop = await scriptsIn(desktopRendererDir(repoRoot));
  expect(desktop.size).toBeGreaterThan(0);
  for (const marker of HARNESS_CLIENT_MARKERS)
    expect(holding(desktop, marker), `desktop scripts containing "${marker}"`).toEqual([]);
});

test('the harness renderer has its client, so the scan above can find one', async () => {
  const harness = await scriptsIn(harnessRendererDir(repoRoot));
  for (const marker of HARNESS_CLIENT_MARKERS)
    expect(holding(harness, marker), `harness scripts containing "${marker}"`).not.toEqual([]);
});
