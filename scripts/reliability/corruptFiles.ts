/**
 * Corrupt-file trials for the provider's JSON documents (settings, contacts, systems register,
 * grab-bag print record), in real temp folders through the real open functions. A good file and its
 * last good copy are written once through the service; each trial damages the main file
 * (truncated, zero-filled, bit-flipped, replaced by other JSON, emptied, deleted) and reopens it.
 * Damage that leaves no valid document must be detected every time: the damaged bytes kept in
 * quarantine byte for byte, the last good copy back in place, the user told. A bit flip that
 * still reads as a valid document cannot be detected without a checksum; it must then be left
 * exactly as it is (never overwritten) and is counted apart. Used by corruptFiles.test.ts and
 * `npm run soak -- --suite=corrupt`.
 */
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import Conf from 'conf';
import { contract } from '../../main/contract/contract';
import type { Notice } from '../../main/contract/types';
import { VALID_INPUTS } from '../../main/contract/__fixtures__/validInputs';
import { openContactsDirectory } from '../../main/core/contacts/contactsDirectory';
import { openPrintRecord } from '../../main/core/grabbag/printRecord';
import { openSettings } from '../../main/core/settings/settings';
import {
  openSystemsRegister,
  type SupplierContacts,
} from '../../main/core/systems/systemsRegister';
import { createRng, type Rng } from '../bench/prng';

const NOW = new Date('2026-03-01T02:15:30.000Z');
const now = (): Date => NOW;

/** Every supplier role exists, so saving a system with one succeeds. */
const SUPPLIERS: SupplierContacts = {
  roles: () => [],
  resolve: (role) => ({ role, label: role, national: false, channels: [], stale: false }),
};

interface Target {
  name: string;
  file: string;
  /** Opens the document at `filePath`; returns what the user is told. */
  open: (filePath: string, quarantineDir: string) => Promise<Notice[]>;
  /** Writes one real change, so the file and its last good copy exist. */
  seed: (filePath: string, quarantineDir: string) => Promise<void>;
  /** Settings are keys with defaults: any JSON object is a valid (if emptier) file. */
  isAnyObjectValid?: boolean;
}

/** Settings the way the app opens them: Conf over `<dir>/settings.json`. */
const settingsAt = (filePath: string, quarantineDir: string) =>
  openSettings({
    filePath,
    quarantineDir,
    open: () =>
      new Conf({ cwd: dirname(filePath), configName: 'settings', projectName: 'holdfast' }),
    now,
  });

const TARGETS: Target[] = [
  {
    name: 'settings',
    file: 'settings.json',
    isAnyObjectValid: true,
    open: async (filePath, quarantineDir) => (await settingsAt(filePath, quarantineDir)).notices,
    seed: async (filePath, quarantineDir) => {
      const { settings } = await settingsAt(filePath, quarantineDir);
      await settings.update({
        organisationName: 'Rose Lodge Care Home',
        providerType: 'care-home',
        isolationInstruction: 'Pull the blue cable.',
      });
    },
  },
  {
    name: 'contacts',
    file: 'contacts.json',
    open: async (filePath, quarantineDir) =>
      (await openContactsDirectory({ filePath, quarantineDir, national: () => [], now })).notices,
    seed: async (filePath, quarantineDir) => {
      const { contacts } = await openContactsDirectory({
        filePath,
        quarantineDir,
        national: () => [],
        now,
      });
      const result = await contacts.save(
        contract['contacts.save'].input.parse(VALID_INPUTS['contacts.save']),
      );
      if (!result.ok) throw new Error(`could not write the contacts file: ${result.error.message}`);
    },
  },
  {
    name: 'systems register',
    file: 'systems.json',
    open: async (filePath, quarantineDir) =>
      (await openSystemsRegister({ filePath, quarantineDir, suppliers: SUPPLIERS, now })).notices,
    seed: async (filePath, quarantineDir) => {
      const { systems } = await openSystemsRegister({
        filePath,
        quarantineDir,
        suppliers: SUPPLIERS,
        now,
      });
      const result = await systems.save(
        contract['systems.save'].input.parse(VALID_INPUTS['systems.save']),
      );
      if (!result.ok) throw new Error(`could not write the systems file: ${result.error.message}`);
    },
  },
  {
    name: 'grab-bag print record',
    file: 'grabbag.json',
    open: async (filePath, quarantineDir) =>
      (await openPrintRecord({ filePath, quarantineDir, now })).notices,
    seed: async (filePath, quarantineDir) => {
      const { prints } = await openPrintRecord({ filePath, quarantineDir, now });
      const { fingerprint, how } = contract['grabbag.markPrinted'].input.parse(
        VALID_INPUTS['grabbag.markPrinted'],
      );
      const result = await prints.record(fingerprint, how);
      if (!result.ok) throw new Error(`could not write the print record: ${result.error.message}`);
    },
  },
];

type Damage =
  'truncated' | 'zero-filled' | 'bit-flipped' | 'other JSON' | 'empty' | 'NUL-filled' | 'deleted';
const DAMAGES: Damage[] = [
  'truncated',
  'zero-filled',
  'bit-flipped',
  'other JSON',
  'empty',
  'NUL-filled',
  'deleted',
];

/** The damaged bytes, or null for a deleted file. */
function damage(rng: Rng, kind: Damage, good: Buffer): Buffer | null {
  const bytes = Buffer.from(good);
  switch (kind) {
    case 'truncated':
      return bytes.subarray(0, rng.int(0, bytes.length - 1));
    case 'zero-filled': {
      // A range of zeros with the size kept, as a crashed file system leaves it.
      const from = rng.int(0, bytes.length - 1);
      bytes.fill(0, from, Math.min(bytes.length, from + rng.pick([1, 16, 512, 4096])));
      return bytes;
    }
    case 'bit-flipped': {
      for (let n = rng.pick([1, 1, 2, 8]); n > 0; n -= 1) {
        const at = rng.int(0, bytes.length - 1);
        bytes[at] = (bytes[at] ?? 0) ^ (1 << rng.int(0, 7));
      }
      return bytes;
    }
    case 'other JSON':
      return Buffer.from(
        rng.pick([
          'null',
          '[]',
          '{}',
          '42',
          '"contacts"',
          'true',
          '{"formatVersion":2}',
          '{"__proto__":{"polluted":true}}',
          JSON.stringify([JSON.parse(good.toString('utf8'))]),
        ]),
      );
    case 'empty':
      return Buffer.alloc(0);
    case 'NUL-filled':
      return Buffer.alloc(good.length);
    case 'deleted':
      return null;
  }
}

/** What a batch of corrupt-file trials found. */
export interface CorruptFileSummary {
  mutations: number;
  failures: number;
  /** Damaged files that left no valid document; every one must be detected. */
  invalid: number;
  detected: number;
  /** Bit flips that still read as a valid document (kept untouched; no checksum can tell). */
  stillValid: number;
  examples: string[];
}

/** Runs `mutations` trials from `seed` in `dir` (an empty folder the caller removes). */
export async function runCorruptFileTrials(options: {
  mutations: number;
  seed: number;
  dir: string;
}): Promise<CorruptFileSummary> {
  const summary: CorruptFileSummary = {
    mutations: 0,
    failures: 0,
    invalid: 0,
    detected: 0,
    stillValid: 0,
    examples: [],
  };
  const fail = (text: string): void => {
    summary.failures += 1;
    if (summary.examples.length < 5) summary.examples.push(text);
  };
  const goods = await Promise.all(
    TARGETS.map(async (target) => {
      const home = join(options.dir, `good-${target.file}`);
      await mkdir(home, { recursive: true });
      await target.seed(join(home, target.file), join(home, 'quarantine'));
      return {
        main: await readFile(join(home, target.file)),
        backup: join(home, `${target.file}.bak`),
      };
    }),
  );

  for (let trial = 0; trial < options.mutations; trial += 1) {
    const rng = createRng(options.seed + trial);
    const index = rng.int(0, TARGETS.length - 1);
    const target = TARGETS[index] as Target;
    const good = goods[index] as (typeof goods)[number];
    const kind = rng.pick(DAMAGES);
    const where = `${target.name}, ${kind}, trial ${trial} (seed ${options.seed + trial})`;
    const home = join(options.dir, `trial-${trial}`);
    const filePath = join(home, target.file);
    const quarantineDir = join(home, 'quarantine');
    await mkdir(home);
    await copyFile(good.backup, `${filePath}.bak`);
    const damaged = damage(rng, kind, good.main);
    if (damaged) await writeFile(filePath, damaged);
    summary.mutations += 1;
    try {
      let isValidJson = true;
      let isObject = false;
      // Cutting off only the final newline leaves the same document: nothing to detect.
      let isSameDocument = false;
      try {
        const parsed: unknown = JSON.parse((damaged ?? Buffer.alloc(0)).toString('utf8'));
        isObject = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
        isSameDocument =
          JSON.stringify(parsed) === JSON.stringify(JSON.parse(good.main.toString('utf8')));
      } catch {
        isValidJson = false;
      }
      const notices = await target.open(filePath, quarantineDir);
      const kept = await readdir(quarantineDir).catch(() => [] as string[]);
      const after = await readFile(filePath).catch(() => null);
      const isRestored = after !== null && after.equals(good.main);
      const isUnchanged = damaged !== null && after !== null && after.equals(damaged);
      if (damaged === null || damaged.equals(good.main)) {
        // Nothing to detect (a deleted file, or flips that cancelled out): the last good copy must still be used.
        summary.invalid += damaged === null ? 1 : 0;
        if (!isRestored) fail(`${where}: the last good copy was not put back`);
        else if (
          damaged === null &&
          !notices.some((notice) =>
            /missing\. Holdfast restored the last good copy/.test(notice.message),
          )
        )
          fail(`${where}: the user was not told`);
        else if (damaged === null) summary.detected += 1;
        continue;
      }
      const isDetected = notices.some((notice) => /damaged/.test(notice.message));
      if (isDetected) {
        summary.invalid += 1;
        summary.detected += 1;
        const quarantined =
          kept.length === 1 ? await readFile(join(quarantineDir, kept[0] as string)) : null;
        if (!quarantined?.equals(damaged))
          fail(
            `${where}: the damaged file is not in quarantine byte for byte (${kept.length} files there)`,
          );
        if (!isRestored) fail(`${where}: the last good copy was not restored`);
        if (!notices.some((notice) => /restored the last good copy/.test(notice.message)))
          fail(`${where}: the user was not told the copy was restored`);
      } else if (
        !isValidJson ||
        (kind !== 'bit-flipped' && !isSameDocument && !(target.isAnyObjectValid && isObject))
      ) {
        summary.invalid += 1;
        fail(
          `${where}: damage not detected (${JSON.stringify(damaged.toString('utf8').slice(0, 120))})`,
        );
      } else {
        // A flip inside a value that still validates (or, for settings, any object; or the same
        // document without its final newline): accepted as it is, never overwritten.
        summary.stillValid += 1;
        if (!isUnchanged || kept.length > 0 || notices.length > 0)
          fail(`${where}: a still-valid file was changed or quarantined`);
      }
    } catch (error: unknown) {
      fail(`${where}: threw ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  }
  return summary;
}

/** `corrupt files: N mutations, F failures` and the detection figures. */
export function describeCorruptFiles(summary: CorruptFileSummary): string[] {
  return [
    `corrupt files: ${summary.mutations} mutations, ${summary.failures} failures`,
    `# ${summary.detected} of ${summary.invalid} damaged files detected, quarantined and restored; ${summary.stillValid} damaged files still read as a valid document (bit flips inside values, a lost final newline; for settings, any JSON object) and were left untouched (no checksum can tell)`,
    ...summary.examples.map((example) => `# failure: ${example}`),
  ];
}
