import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '../../contract/contract';
import { VALID_INPUTS } from '../../contract/__fixtures__/validInputs';
import { startTestCore } from '../__fixtures__/testCore';
import { addEngineFiles, ENGINE_FILES } from './__fixtures__/engineFiles';
import { checkBackup, createBackup, type CheckedBackup } from './dataBackup';
import { restoreInPlace } from './restoreInPlace';
import {
  finishStoppedRestore,
  nodeRestoreFs,
  RESTORE_JOURNAL,
  type RestoreFs,
} from './restoreJournal';

/*
 * An in-app restore stopped at each step of its swap: the process is gone (nothing after the step
 * runs, no clean-up), and the next start must finish or undo it from the journal, lose nothing,
 * and say so. Each trial copies one prepared data folder and stops the restore at its n-th file
 * system call, from the journal's own write to the last removal.
 */

let scratch: string;
let template: string;
let backup: CheckedBackup;
const WHEN = new Date('2026-12-05T03:10:42Z');

type TestCore = Awaited<ReturnType<typeof startTestCore>>;

async function startIncident(core: TestCore, name: string): Promise<void> {
  const started = await core.handlers['incidents.start']({
    name,
    runbook: 'lost-device',
    lead: 'Sam',
    author: 'Sam',
  });
  if (!started.ok) throw new Error(started.error.message);
}

async function incidentNames(core: TestCore): Promise<string[]> {
  const listed = await core.handlers['incidents.list']({});
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.value.map((incident) => incident.name).sort();
}

const BEFORE = ['Laptop left on a bus', 'Phone stolen at the bus stop'];
const RESTORED = ['Laptop left on a bus'];

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'holdfast-restore-crash-'));
  template = join(scratch, 'template', 'Holdfast');
  const core = await startTestCore(template);
  try {
    await startIncident(core, BEFORE[0]!);
    const saved = await core.handlers['contacts.save'](
      VALID_INPUTS['contacts.save'] as CallInput<'contacts.save'>,
    );
    if (!saved.ok) throw new Error(saved.error.message);
    const checked = await checkBackup((await createBackup(template, WHEN)).zip);
    if (!checked.ok) throw new Error(checked.problem);
    backup = checked.backup;
    await startIncident(core, BEFORE[1]!);
  } finally {
    await core.close();
  }
  await addEngineFiles(template, 'this computer');
}, 60_000);
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/**
 * Node's file system, except that its `stopAt`-th call never returns: the process stopped there.
 * `stopped` resolves when it does.
 */
function stoppingFs(stopAt: number): { fs: RestoreFs; stopped: Promise<void> } {
  let calls = 0;
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const step =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      calls += 1;
      if (calls !== stopAt) return call(...args);
      stop();
      return new Promise<R>(() => undefined);
    };
  return {
    stopped,
    fs: {
      mkdir: step((path: string, options: { recursive: true; mode?: number }) =>
        nodeRestoreFs.mkdir(path, options),
      ),
      open: step((path: string, flags: 'wx' | 'r', mode?: number) =>
        nodeRestoreFs.open(path, flags, mode),
      ),
      rename: step((from: string, to: string) => nodeRestoreFs.rename(from, to)),
      rm: step((path: string, options: { force: true }) => nodeRestoreFs.rm(path, options)),
      removeFolder: step((path: string) => nodeRestoreFs.removeFolder(path)),
    },
  };
}

const exists = (path: string): Promise<boolean> =>
  readdir(path).then(
    () => true,
    () =>
      readFile(path).then(
        () => true,
        () => false,
      ),
  );

/** The incident folders in a data folder, or none if it has no incidents folder. */
const incidentFolders = (dir: string): Promise<string[]> =>
  readdir(join(dir, 'incidents')).catch(() => [] as string[]);

describe('an in-app restore stopped at any step', { timeout: 120_000 }, () => {
  it('is finished at the next start once its journal is written, else leaves the data as it was; nothing is lost and the person is told', async () => {
    const problems: string[] = [];
    let trials = 0;
    let finished = 0;
    for (let stopAt = 1; ; stopAt += 1) {
      const root = join(scratch, `trial-${stopAt}`);
      const dataDir = join(root, 'Holdfast');
      await cp(template, dataDir, { recursive: true });
      const before = await incidentFolders(dataDir);
      const { fs, stopped } = stoppingFs(stopAt);
      const outcome = await Promise.race([
        restoreInPlace(backup, dataDir, WHEN, async () => undefined, fs).then(() => 'done'),
        stopped.then(() => 'stopped'),
      ]);
      if (outcome === 'done') break;
      trials += 1;
      const journalWritten = await exists(join(dataDir, RESTORE_JOURNAL));
      // Stopped after its last step (the journal already removed): the restore is whole.
      const wasWhole =
        !journalWritten &&
        (await readdir(root)).some((name) => name.startsWith('Holdfast before restore'));

      const core = await startTestCore(dataDir);
      try {
        const say = (problem: string) => problems.push(`stopped at call ${stopAt}: ${problem}`);
        const names = await incidentNames(core);
        const expected = journalWritten || wasWhole ? RESTORED : BEFORE;
        if (JSON.stringify(names) !== JSON.stringify(expected))
          say(`incidents ${JSON.stringify(names)}, expected ${JSON.stringify(expected)}`);
        const messages = core.notices.map((notice) => notice.message).join('\n');
        if (journalWritten && !messages.includes('Holdfast has now finished it'))
          say(`no notice that the restore was finished: ${messages}`);
        if (journalWritten) finished += 1;
        // Nothing lost: every earlier incident is in the data folder or the folder set aside.
        const siblings = await readdir(root);
        const aside = siblings.filter((name) => name.startsWith('Holdfast before restore'));
        const kept = new Set(await incidentFolders(dataDir));
        for (const folder of aside)
          for (const id of await incidentFolders(join(root, folder))) kept.add(id);
        for (const id of before) if (!kept.has(id)) say(`incident ${id} was lost`);
        if (siblings.some((name) => /\.restor(ed|ing)-/.test(name)))
          say(`a restore copy was left: ${siblings.join(', ')}`);
        if (await exists(join(dataDir, RESTORE_JOURNAL))) say('the journal was left');
        for (const name of ENGINE_FILES)
          if ((await readFile(join(dataDir, ...name.split('/')), 'utf8')) !== 'this computer')
            say(`the engine file ${name} changed`);
        // And the data folder works: a new incident is written.
        await startIncident(core, 'After the restart');
        if (!(await incidentNames(core)).includes('After the restart'))
          say('could not write after the start');
      } finally {
        await core.close();
      }
      await rm(root, { recursive: true, force: true });
    }
    console.log(
      `restore stopped at each step: ${trials} steps (${finished} finished from the journal), ${problems.length} failures`,
    );
    expect(problems).toEqual([]);
    // The journal's write, each move out, each move in and the final removals were all reached.
    expect(trials).toBeGreaterThan(backup.restored.length);
    expect(finished).toBeGreaterThan(0);
  });

  it('is finished even when the start that finishes it is itself stopped at any step', async () => {
    const problems: string[] = [];
    let trials = 0;
    for (let stopAt = 1; ; stopAt += 1) {
      const root = join(scratch, `again-${stopAt}`);
      const dataDir = join(root, 'Holdfast');
      await cp(template, dataDir, { recursive: true });
      // Stopped in the middle of the swap: some moved out, nothing in yet.
      const first = stoppingFs(9);
      void restoreInPlace(backup, dataDir, WHEN, async () => undefined, first.fs);
      await first.stopped;
      const { fs, stopped } = stoppingFs(stopAt);
      const outcome = await Promise.race([
        finishStoppedRestore(dataDir, fs).then(() => 'done'),
        stopped.then(() => 'stopped'),
      ]);
      if (outcome === 'done') {
        await rm(root, { recursive: true, force: true });
        break;
      }
      trials += 1;
      const core = await startTestCore(dataDir);
      try {
        const names = await incidentNames(core);
        if (JSON.stringify(names) !== JSON.stringify(RESTORED))
          problems.push(`finishing stopped at call ${stopAt}: incidents ${JSON.stringify(names)}`);
        if (await exists(join(dataDir, RESTORE_JOURNAL)))
          problems.push(`finishing stopped at call ${stopAt}: the journal was left`);
      } finally {
        await core.close();
      }
      await rm(root, { recursive: true, force: true });
    }
    console.log(
      `finishing a stopped restore, stopped at each step: ${trials} steps, ${problems.length} failures`,
    );
    expect(problems).toEqual([]);
    expect(trials).toBeGreaterThan(backup.restored.length);
  });

  it('puts everything back at once when a move fails while the app runs', async () => {
    const root = join(scratch, 'failing-move');
    const dataDir = join(root, 'Holdfast');
    await cp(template, dataDir, { recursive: true });
    let renames = 0;
    const fs: RestoreFs = {
      ...nodeRestoreFs,
      rename: async (from, to) => {
        renames += 1;
        // The third move of the swap: a file another program holds open on Windows.
        if (renames === 4)
          throw Object.assign(new Error('EBUSY: resource busy'), { code: 'EBUSY' });
        return nodeRestoreFs.rename(from, to);
      },
    };
    await expect(restoreInPlace(backup, dataDir, WHEN, async () => undefined, fs)).rejects.toThrow(
      'EBUSY',
    );
    expect(await readdir(root)).toEqual(['Holdfast']);
    expect(await exists(join(dataDir, RESTORE_JOURNAL))).toBe(false);
    const core = await startTestCore(dataDir);
    try {
      expect(await incidentNames(core)).toEqual(BEFORE);
      expect(core.notices.map((notice) => notice.message).join('\n')).not.toContain('restore');
    } finally {
      await core.close();
    }
  });

  it('puts the earlier data back when the restored copy is no longer whole, and says so', async () => {
    const root = join(scratch, 'lost-copy');
    const dataDir = join(root, 'Holdfast');
    await cp(template, dataDir, { recursive: true });
    // Stopped after the journal and the first move out; then the restored copy was deleted.
    const { fs, stopped } = stoppingFs(7);
    void restoreInPlace(backup, dataDir, WHEN, async () => undefined, fs);
    await stopped;
    expect(await exists(join(dataDir, RESTORE_JOURNAL))).toBe(true);
    for (const name of await readdir(root))
      if (name.includes('.restored-')) await rm(join(root, name), { recursive: true });

    const core = await startTestCore(dataDir);
    try {
      expect(await incidentNames(core)).toEqual(BEFORE);
      expect(core.notices.map((notice) => notice.message)).toContainEqual(
        expect.stringContaining('Holdfast put your data back as it was before the restore'),
      );
      expect(await readdir(root)).toEqual(['Holdfast']);
    } finally {
      await core.close();
    }
  });

  it('removes nothing beside the data folder while a journal cannot be read, and says so', async () => {
    const root = join(scratch, 'unreadable');
    const dataDir = join(root, 'Holdfast');
    await cp(template, dataDir, { recursive: true });
    await writeFile(join(dataDir, RESTORE_JOURNAL), '{"format":"holdfast-restore-jou');
    await mkdir(join(root, 'Holdfast.restored-0123abcd', 'incidents'), { recursive: true });
    const core = await startTestCore(dataDir);
    try {
      expect(core.notices.map((notice) => notice.message)).toContainEqual(
        expect.stringContaining('cannot read its record'),
      );
      expect(await readdir(root)).toContain('Holdfast.restored-0123abcd');
    } finally {
      await core.close();
    }
  });
});
