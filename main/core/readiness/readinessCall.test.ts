import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Readiness } from '../../contract/readinessTypes';
import { startTestCore } from '../__fixtures__/testCore';
import type { Core } from '../createCore';

let root: string;
let core: Core;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'holdfast-readiness-'));
  core = await startTestCore(join(root, 'data'));
});

afterEach(async () => {
  await core.close();
  await rm(root, { recursive: true, force: true });
});

async function readiness(): Promise<Readiness> {
  const result = await core.handlers['readiness.get']({});
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const stateOf = (value: Readiness) =>
  Object.fromEntries(value.lines.map((line) => [line.check, line.ready]));

describe('readiness.get', () => {
  it('on a new data folder, says what to do first and names the contacts the first 15 minutes need', async () => {
    const value = await readiness();
    expect(stateOf(value)).toEqual({
      'local-contacts': false,
      'national-contacts': true,
      'runbooks-reviewed': true,
      exercise: false,
      'grab-bag': false,
      backup: false,
      systems: false,
      'isolation-instruction': false,
    });
    const contacts = value.lines.find((line) => line.check === 'local-contacts');
    expect(contacts?.items.slice(0, 3).map((item) => item.text)).toEqual([
      'IT supplier: not set yet. You need this one in the first 15 minutes.',
      'Registered manager: not set yet. You need this one in the first 15 minutes.',
      'Owner or director: not set yet. You need this one in the first 15 minutes.',
    ]);
  });

  it('a backup and the isolation instruction turn their lines ready', async () => {
    expect(
      (await core.handlers['settings.update']({ isolationInstruction: 'Unplug the cable.' })).ok,
    ).toBe(true);
    expect((await core.handlers['backup.export']({ passphrase: 'correct horse battery' })).ok).toBe(
      true,
    );
    const value = await readiness();
    expect(stateOf(value)['isolation-instruction']).toBe(true);
    const backup = value.lines.find((line) => line.check === 'backup');
    expect(backup?.ready).toBe(true);
    expect(backup?.summary).toBe('The last backup was made today (1 March 2026).');
  });
});
