import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore } from './__fixtures__/testCore';
import { runbookSource, SIMPLE_BODY } from './runbooks/__fixtures__/runbookSource';

let dataDir: string;
let opened: string[];
let logged: string[];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'holdfast-core-'));
  opened = [];
  logged = [];
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const start = () =>
  startTestCore(dataDir, {
    shell: 'desktop',
    version: '1.2.3',
    openExternal: async (url) => {
      opened.push(url);
      return { opened: true };
    },
    log: (message) => logged.push(message),
  });

describe('createCore', () => {
  it('creates the user runbooks folder and starts with the bundled library', async () => {
    const { handlers, notices } = await start();
    expect(notices).toEqual([]);
    expect((await stat(join(dataDir, 'runbooks'))).isDirectory()).toBe(true);
    const list = await handlers['runbooks.list']({});
    expect(list.ok && list.value.runbooks.map((r) => r.id)).toEqual(
      expect.arrayContaining(['ransomware', 'lost-device', 'care-record-system-down']),
    );
  });

  it('shows a damaged-settings notice in app.status so the user is told at start-up', async () => {
    await writeFile(join(dataDir, 'settings.json'), '{"organisationName": "Ro');
    const { handlers } = await start();
    const status = await handlers['app.status']({});
    expect(status).toMatchObject({
      ok: true,
      value: { version: '1.2.3', shell: 'desktop', dataDir, notices: [{ level: 'warning' }] },
    });
  });

  it('picks up a runbook the user adds, on reload, and reports a broken one without hiding the rest', async () => {
    const { handlers } = await start();
    await writeFile(
      join(dataDir, 'runbooks', 'our-plan.md'),
      runbookSource({ id: 'our-plan', title: 'Our own plan', body: SIMPLE_BODY }),
    );
    await writeFile(join(dataDir, 'runbooks', 'broken.md'), 'not a runbook');
    const reloaded = await handlers['runbooks.reload']({});
    expect(reloaded.ok).toBe(true);
    if (!reloaded.ok) return;
    expect(reloaded.value.runbooks.find((r) => r.id === 'our-plan')).toMatchObject({
      source: 'user',
      title: 'Our own plan',
    });
    expect(reloaded.value.runbooks.length).toBeGreaterThanOrEqual(4);
    // The missing header first; its text is checked too, so every problem is there at once.
    expect(reloaded.value.problems[0]).toMatchObject({
      file: 'your runbooks/broken.md',
      line: 1,
      severity: 'error',
      message: expect.stringContaining('missing details at the top (front matter)') as unknown,
    });
    expect(reloaded.value.problems.every((p) => p.file === 'your runbooks/broken.md')).toBe(true);
    expect(await handlers['runbooks.get']({ id: 'our-plan' })).toMatchObject({
      ok: true,
      value: { file: 'your runbooks/our-plan.md' },
    });
  });

  it('answers NOT_FOUND for a runbook that does not exist', async () => {
    const { handlers } = await start();
    expect(await handlers['runbooks.get']({ id: 'no-such-runbook' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('re-checks links itself: a refused scheme never reaches the host', async () => {
    const { handlers } = await start();
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'http://example.com',
      'ms-msdt:/id',
    ]) {
      expect(await handlers['links.openExternal']({ url })).toMatchObject({
        ok: true,
        value: { opened: false },
      });
    }
    expect(opened).toEqual([]);
    expect(await handlers['links.openExternal']({ url: 'https://www.ncsc.gov.uk' })).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(opened).toEqual(['https://www.ncsc.gov.uk']);
  });

  it('answers STORAGE_FAILED in plain words when settings cannot be saved, and logs the cause', async () => {
    const { handlers } = await start();
    await mkdir(join(dataDir, 'settings.json.bak')); // the last-good copy cannot be written
    const result = await handlers['settings.update']({ organisationName: 'Rose Lodge' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'STORAGE_FAILED',
        message:
          'Your settings could not be saved. Check there is free disk space, then try again.',
      },
    });
    expect(logged).toEqual(['settings.update failed']);
  });

  it('starts again from its parse cache and still sees a runbook edited in between', async () => {
    const file = join(dataDir, 'runbooks', 'mine.md');
    await mkdir(join(dataDir, 'runbooks'), { recursive: true });
    await writeFile(file, runbookSource({ id: 'mine', title: 'First title', body: SIMPLE_BODY }));
    const first = await start();
    expect((await stat(join(dataDir, 'cache', 'runbooks.json'))).isFile()).toBe(true);
    const before = await first.handlers['runbooks.get']({ id: 'mine' });
    expect(before.ok && before.value.title).toBe('First title');

    await writeFile(file, runbookSource({ id: 'mine', title: 'Second title', body: SIMPLE_BODY }));
    const second = await start();
    const after = await second.handlers['runbooks.get']({ id: 'mine' });
    expect(after.ok && after.value.title).toBe('Second title');
    const ransomware = await second.handlers['runbooks.get']({ id: 'ransomware' });
    expect(ransomware.ok && ransomware.value.phases.length).toBeGreaterThan(2);
  });
});
