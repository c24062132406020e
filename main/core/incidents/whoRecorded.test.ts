import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../contract/result';
import { startTestCore } from '../__fixtures__/testCore';
import type { Core } from '../createCore';
import type { CoreOptions } from '../hostTypes';
import { canonicalJson } from '../evidence/canonicalJson';
import { verifyEvidenceLog } from '../evidence/evidenceChain';
import { dispatch } from '../../contract/dispatch';

const CARE_PC = { host: 'CARE-PC-1', user: 'reception' };
let dataDir: string;
let cores: Core[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'holdfast-who-'));
});
afterEach(async () => {
  await Promise.all(cores.map((core) => core.close()));
  cores = [];
  await rm(dataDir, { recursive: true, force: true });
});

async function start(overrides: Partial<CoreOptions> = {}): Promise<Core['handlers']> {
  await Promise.all(cores.map((core) => core.close()));
  const core = await startTestCore(dataDir, overrides);
  cores = [core];
  return core.handlers;
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

type Line = Record<string, unknown> & { author: string; device?: unknown; seq: number };
const logLines = async (folder: string): Promise<Line[]> =>
  (await readFile(join(folder, 'log.jsonl'), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Line);

async function startIncident(handlers: Core['handlers'], author = 'Night carer Jo') {
  return value(
    await handlers['incidents.start']({
      name: 'Ransom note on office PC',
      runbook: 'ransomware',
      lead: 'Kim Keys',
      author,
    }),
  );
}

describe('who recorded each entry', () => {
  it('names the person recording on the opening entries, not the lead they named', async () => {
    const handlers = await start({ device: CARE_PC });
    const view = await startIncident(handlers);
    expect(view.lead).toBe('Kim Keys');
    expect(view.timeline.map((entry) => entry.author)).toEqual(
      view.timeline.map(() => 'Night carer Jo'),
    );
    const lines = await logLines(join(dataDir, 'incidents', view.id));
    expect(lines.map((line) => line.author)).toEqual(lines.map(() => 'Night carer Jo'));
  });

  it('refuses an entry with no one recording, through the contract, and the log is unchanged', async () => {
    const handlers = await start({ device: CARE_PC });
    const view = await startIncident(handlers);
    const folder = join(dataDir, 'incidents', view.id);
    const before = await readFile(join(folder, 'log.jsonl'));
    for (const author of [undefined, '', '   ', 'Holdfast']) {
      const refused = await dispatch(handlers, 'incidents.record', {
        id: view.id,
        ...(author === undefined ? {} : { author }),
        action: { type: 'note', text: 'Unplugged the office PC' },
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(await readFile(join(folder, 'log.jsonl'))).toEqual(before);
    const noOne = await dispatch(handlers, 'incidents.start', { name: 'x', lead: 'Kim Keys' });
    expect(!noOne.ok && noOne.error.message).toMatch(/author: say who is recording/);
  });

  it('names the scribe on an exercise it sets up, not the facilitator', async () => {
    const handlers = await start({ device: CARE_PC });
    const exercise = value(
      await handlers['exercises.create']({
        scenario: 'supplier-ransomware',
        facilitator: 'Ann Lee',
        author: 'Sam (scribe)',
      }),
    );
    expect(exercise.facilitator).toBe('Ann Lee');
    const lines = await logLines(join(dataDir, 'exercises', 'runs', exercise.id));
    expect(lines[0]).toMatchObject({ author: 'Sam (scribe)', kind: 'opened', device: CARE_PC });
  });
});

describe('the device each entry was recorded on', () => {
  it('is filled in by the core on every entry, and a screen cannot say it', async () => {
    const handlers = await start({ device: CARE_PC });
    const view = await startIncident(handlers);
    value(
      await handlers['incidents.record']({
        id: view.id,
        author: 'Night carer Jo',
        action: { type: 'note', text: 'Rang the IT supplier' },
      }),
    );
    const claimed = await dispatch(handlers, 'incidents.record', {
      id: view.id,
      author: 'Night carer Jo',
      device: { host: 'SOMEONE-ELSES-PC', user: 'manager' },
      action: { type: 'note', text: 'Typed somewhere else' },
    });
    expect(claimed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const lines = await logLines(join(dataDir, 'incidents', view.id));
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.device).toEqual(CARE_PC);
    const shown = value(await handlers['incidents.get']({ id: view.id }));
    for (const entry of shown.timeline) expect(entry.device).toEqual(CARE_PC);
  });

  it("is this computer's name and signed-in user when the shell does not say otherwise", async () => {
    const handlers = await start();
    const view = await startIncident(handlers);
    const [first] = await logLines(join(dataDir, 'incidents', view.id));
    expect(first?.device).toEqual({ host: hostname(), user: userInfo().username });
  });

  it('is covered by the hash: changing the device on an entry breaks the chain at that line', async () => {
    const handlers = await start({ device: CARE_PC });
    const view = await startIncident(handlers);
    const path = join(dataDir, 'incidents', view.id, 'log.jsonl');
    expect(verifyEvidenceLog(await readFile(path))).toMatchObject({ ok: true });
    const lines = await logLines(join(dataDir, 'incidents', view.id));
    const edited = lines.map((line, index) =>
      index === 1 ? { ...line, device: { host: 'OFFICE-PC', user: 'reception' } } : line,
    );
    await writeFile(path, edited.map((line) => `${canonicalJson(line)}\n`).join(''));
    expect(verifyEvidenceLog(await readFile(path))).toMatchObject({
      ok: false,
      line: 2,
      reason: 'hash does not match the content (edited or damaged)',
    });
  });

  it('is "not recorded" on entries written before devices were: such a log still verifies, replays and takes new entries', async () => {
    // A log written by a Holdfast that recorded no device.
    let handlers = await start({ device: null });
    const view = await startIncident(handlers, 'Kim Keys');
    value(
      await handlers['incidents.record']({
        id: view.id,
        author: 'Kim Keys',
        action: { type: 'note', text: 'Unplugged the office PC' },
      }),
    );
    const folder = join(dataDir, 'incidents', view.id);
    const old = await logLines(folder);
    for (const line of old) expect(line).not.toHaveProperty('device');
    expect(verifyEvidenceLog(await readFile(join(folder, 'log.jsonl')))).toMatchObject({
      ok: true,
      count: old.length,
    });

    handlers = await start({ device: CARE_PC });
    const reopened = value(await handlers['incidents.get']({ id: view.id }));
    expect(reopened.log.readOnly).toBe(false);
    expect(reopened.timeline.map((entry) => entry.device)).toEqual(old.map(() => undefined));
    value(
      await handlers['incidents.record']({
        id: view.id,
        author: 'Night carer Jo',
        action: { type: 'note', text: 'Night shift took over' },
      }),
    );
    const after = value(await handlers['incidents.get']({ id: view.id }));
    const newest = after.timeline.find((entry) => entry.text.includes('Night shift took over'));
    expect(newest).toMatchObject({ author: 'Night carer Jo', device: CARE_PC });
    expect(verifyEvidenceLog(await readFile(join(folder, 'log.jsonl')))).toMatchObject({
      ok: true,
      count: old.length + 1,
    });

    const report = value(await handlers['incidents.document']({ id: view.id, kind: 'report' }));
    expect(report.markdown).toContain('| Who | Device | What |');
    expect(report.markdown).toMatch(/\| Kim Keys \| not recorded \| .*Unplugged the office PC/);
    expect(report.markdown).toMatch(
      /\| Night carer Jo \| CARE\\?-PC\\?-1, signed in as reception \| .*Night shift took over/,
    );
  });
});
