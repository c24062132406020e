import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALL_NAMES, type CallName } from '../contract/calls';
import { WRITING_CALLS, type CallInput, type Handlers } from '../contract/contract';
import { INCIDENT_ID, VALID_INPUTS } from '../contract/__fixtures__/validInputs';
import type { Result } from '../contract/result';
import { startTestCore } from './__fixtures__/testCore';
import type { Core } from './createCore';

/**
 * Each call's declaration says whether it writes (main/contract/contract.ts), and the read-only
 * mode is built from that. These tests hold the declarations to what the calls really do.
 */

/**
 * Every file under the data folder with a hash of its bytes, its inode and its modification time
 * (so a read that rewrites a file with the same bytes is caught too); derived caches and the lock
 * left out.
 */
async function folderState(dataDir: string): Promise<Record<string, string>> {
  const state: Record<string, string> = {};
  for (const entry of await readdir(dataDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(dataDir, join(entry.parentPath, entry.name));
    if (path.startsWith('cache') || path === 'holdfast.lock') continue;
    const { ino, mtimeMs } = await stat(join(dataDir, path));
    const hash = createHash('sha256')
      .update(await readFile(join(dataDir, path)))
      .digest('hex');
    state[path] = `${hash} ${ino} ${mtimeMs}`;
  }
  return state;
}

function call(handlers: Handlers, name: CallName, input: unknown): Promise<Result<unknown>> {
  const handler = handlers[name] as (input: CallInput<CallName>) => Promise<Result<unknown>>;
  return handler(input as CallInput<CallName>);
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

let dataDir: string;
const running: Core[] = [];
const start = async (): Promise<Core> => {
  const core = await startTestCore(dataDir);
  running.push(core);
  return core;
};

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'holdfast-access-'));
});
afterEach(async () => {
  for (const core of running.splice(0)) await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

/**
 * A data folder with something in every part (an incident, an exercise, a contact, a system and an
 * edited runbook), and inputs for every call that name those real things.
 */
async function furnish(handlers: Handlers): Promise<Record<CallName, unknown>> {
  const incident = value(
    await handlers['incidents.start']({
      name: 'Ransom note',
      runbook: 'ransomware',
      lead: 'Ann',
      author: 'Ann',
    }),
  );
  const exercise = value(
    await handlers['exercises.create']({
      scenario: 'supplier-ransomware',
      facilitator: 'Ann',
      author: 'Ann',
    }),
  );
  value(
    await handlers['contacts.save'](VALID_INPUTS['contacts.save'] as CallInput<'contacts.save'>),
  );
  value(await handlers['systems.save'](VALID_INPUTS['systems.save'] as CallInput<'systems.save'>));
  const source = value(await handlers['runbooks.source']({ id: 'ransomware' }));
  value(
    await handlers['runbooks.save']({
      id: 'ransomware',
      text: source.text.replace('title:', 'title: Our'),
      author: 'Ann',
      message: 'Our own title',
    }),
  );
  const withIds = (input: unknown, name: CallName): unknown => {
    if (typeof input !== 'object' || input === null || !('id' in input)) return input;
    if (input.id !== INCIDENT_ID) return input;
    return { ...input, id: name.startsWith('exercises.') ? exercise.id : incident.id };
  };
  return Object.fromEntries(
    CALL_NAMES.map((name) => [name, withIds(VALID_INPUTS[name], name)]),
  ) as Record<CallName, unknown>;
}

describe('each call says whether it writes', () => {
  it('declares at least the calls that save something a user typed as writing', () => {
    for (const name of [
      'settings.update',
      'contacts.save',
      'systems.save',
      'incidents.start',
      'incidents.record',
      'exercises.record',
      'runbooks.save',
      'packs.import',
    ] as const)
      expect(WRITING_CALLS.has(name), name).toBe(true);
  });

  it('leaves the data folder byte for byte as it was after every call declared as reading', async () => {
    const { handlers } = await start();
    const inputs = await furnish(handlers);
    const before = await folderState(dataDir);
    expect(Object.keys(before).length).toBeGreaterThan(5);
    const readers = CALL_NAMES.filter((name) => !WRITING_CALLS.has(name));
    let answered = 0;
    for (const name of readers) {
      const result = await call(handlers, name, inputs[name]);
      if (result.ok) answered += 1;
      expect(await folderState(dataDir), name).toEqual(before);
    }
    // Most reads must really have run on the furnished folder, not failed on a missing id.
    expect(answered).toBeGreaterThan(readers.length - 5);
  });

  it('refuses every writing call, and answers every other, while another Holdfast holds the folder', async () => {
    const first = await start();
    const inputs = await furnish(first.handlers);
    const { handlers } = await start();
    const before = await folderState(dataDir);
    for (const name of CALL_NAMES) {
      const result = await call(handlers, name, inputs[name]);
      if (WRITING_CALLS.has(name))
        expect(result, name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      else expect(result.ok ? 'ok' : result.error.code, name).not.toBe('FORBIDDEN');
    }
    expect(await folderState(dataDir)).toEqual(before);
  });
});
