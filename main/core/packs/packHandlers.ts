import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type {
  PackChange,
  PackContactChange,
  PackRunbookPreview,
} from '../../contract/authoringTypes';
import type { Handlers } from '../../contract/contract';
import { fail, ok, type Result } from '../../contract/result';
import type { CareGroupKey, ImportCounts, RunbookLibrary } from '../../contract/types';
import type { Authoring } from '../authoring/authoringHandlers';
import type { LoadedLibrary } from '../runbooks/library';
import { textDiff } from '../../shared/textDiff';
import { fsyncDir, writeFileDurable } from '../storage/durableFile';
import type { ScenarioAuthoring } from '../exercises/scenarioAuthoring';
import type { ScenarioLibraryState } from '../exercises/scenarioLibrary';
import { buildPack, readPack, type PackRunbook, type PackScenario } from './runbookPack';
import { signatureVerdict, type SignatureVerdict } from './signatureVerdict';
import { PRIVATE_DIRS } from '../storage/privateModes';

type PackCall = 'packs.export' | 'packs.previewImport' | 'packs.import';

/** The contacts directory as packs need it: its CSV, and a checked import ready to save. */
export interface PackContacts {
  exportCsv(): string;
  check(csv: string):
    | {
        ok: true;
        counts: ImportCounts;
        changes: PackContactChange[];
        save: () => Promise<Result<unknown>>;
      }
    | { ok: false; problem: string };
}

export interface PackOptions {
  authoring: Authoring;
  contacts: PackContacts;
  userDir: string;
  /** The provider's own exercise scenarios: carried in packs beside the runbooks. */
  scenarios: {
    authoring: ScenarioAuthoring;
    library: () => ScenarioLibraryState;
    userDir: string;
    reload: () => Promise<void>;
  };
  /** Scratch folder on the same disk as the user folder, so files move in by rename. */
  stagingDir: string;
  library: () => LoadedLibrary;
  reload: () => Promise<void>;
  summary: () => RunbookLibrary;
  now: () => Date;
  /** Care group keys trusted here, from Settings, and a way to note the newest pack from each. */
  careGroupKeys: () => CareGroupKey[];
  recordSignedPack: (keyId: string, packCreated: string) => Promise<void>;
  log?: (message: string, error: unknown) => void;
}

/**
 * Moves every staged file into place, or none: if one move fails, the files already moved are
 * put back as they were before the error is passed on. Resolves to a way of undoing the lot.
 */
async function commitAll(
  writes: Array<{ path: string; text: string }>,
  stagingDir: string,
): Promise<() => Promise<void>> {
  const stage = join(stagingDir, randomBytes(6).toString('hex'));
  await mkdir(stage, PRIVATE_DIRS);
  const moved: Array<{ path: string; previous: Buffer | null }> = [];
  const undo = async (): Promise<void> => {
    for (const { path, previous } of moved.reverse()) {
      if (previous === null) await rm(path, { force: true });
      else await writeFileDurable(path, previous);
    }
  };
  try {
    const staged = await Promise.all(
      writes.map(async ({ text }, index) => {
        const path = join(stage, `${index}.md`);
        await writeFileDurable(path, text);
        return path;
      }),
    );
    try {
      const folders = [...new Set(writes.map(({ path }) => dirname(path)))];
      for (const folder of folders) await mkdir(folder, PRIVATE_DIRS);
      for (const [index, { path }] of writes.entries()) {
        const previous = await readFile(path).catch((error: unknown) => {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
          throw error;
        });
        await rename(staged[index] ?? '', path);
        moved.push({ path, previous });
      }
      for (const folder of folders) await fsyncDir(folder);
    } catch (error: unknown) {
      await undo();
      throw error;
    }
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
  return undo;
}

/** Export and import of packs of the provider's own runbooks. */
export function packHandlers(options: PackOptions): Pick<Handlers, PackCall> {
  const { authoring } = options;

  /** What the pack's runbook would do here, with the text it would replace. */
  const compare = async ({
    parsed,
    text,
  }: PackRunbook): Promise<{ change: PackChange; here?: string }> => {
    const current = options.library().runbooks.get(parsed.meta.id);
    const origin = options.library().origins.get(parsed.meta.id);
    if (!current || !origin) return { change: 'new' };
    const here = await readFile(origin.path, 'utf8');
    if (here === text) return { change: 'same' };
    return { change: current.source === 'bundled' ? 'overrides-bundled' : 'replaces-yours', here };
  };
  const changeOf = async (runbook: PackRunbook): Promise<PackChange> =>
    (await compare(runbook)).change;

  /** What the pack's scenario would do here. */
  const scenarioChange = async ({ parsed, text }: PackScenario): Promise<PackChange> => {
    const current = options.scenarios.library().scenarios.get(parsed.meta.id);
    if (!current) return 'new';
    if ((await readFile(current.origin.path, 'utf8')) === text) return 'same';
    return current.source === 'bundled' ? 'overrides-bundled' : 'replaces-yours';
  };

  /**
   * Each runbook as the preview lists it; one that replaces a runbook here carries its changed lines
   * (the unchanged ones stay behind: a 6 MB pack must not double on its way to the screen).
   */
  const previewOf = async (runbook: PackRunbook): Promise<PackRunbookPreview> => {
    const { change, here } = await compare(runbook);
    const { id, title } = runbook.parsed.meta;
    if (here === undefined) return { id, title, change };
    const titleHere = options.library().runbooks.get(id)?.title;
    return {
      id,
      title,
      change,
      ...(titleHere !== undefined && titleHere !== title ? { replacesTitle: titleHere } : {}),
      diff: textDiff(here, runbook.text).filter((line) => line.change !== 'same'),
    };
  };

  return {
    'packs.export': async ({ includeContacts }) => {
      const library = options.library();
      const scenarios = await Promise.all(
        [...options.scenarios.library().scenarios.values()]
          .filter((scenario) => scenario.source === 'user')
          .map(async (scenario) => ({
            name: `${scenario.parsed.meta.id}.md`,
            bytes: new Uint8Array(await readFile(scenario.origin.path)),
          })),
      );
      const files = await Promise.all(
        [...library.runbooks.values()]
          .filter((runbook) => runbook.source === 'user')
          .flatMap((runbook) => {
            const origin = library.origins.get(runbook.id);
            return origin
              ? [
                  readFile(origin.path).then((bytes) => ({
                    name: `${runbook.id}.md`,
                    bytes: new Uint8Array(bytes),
                  })),
                ]
              : [];
          }),
      );
      if (files.length === 0 && scenarios.length === 0 && !includeContacts)
        return fail(
          'INVALID_INPUT',
          'You have no runbooks of your own or edited runbooks to export yet.',
        );
      const zip = buildPack(
        files,
        options.now(),
        includeContacts ? options.contacts.exportCsv() : null,
        scenarios,
      );
      const date = options.now().toISOString().slice(0, 10);
      return ok({
        filename: `holdfast-runbooks-${date}.zip`,
        mimeType: 'application/zip',
        base64: Buffer.from(zip).toString('base64'),
        count: files.length,
      });
    },
    'packs.previewImport': async ({ base64 }) => {
      const pack = readPack(new Uint8Array(Buffer.from(base64, 'base64')), options.careGroupKeys());
      if (!pack.ok) return fail('INVALID_INPUT', pack.problem);
      const verdict = signatureVerdict(pack.signature, options.careGroupKeys());
      if (verdict.refuse) return fail('INVALID_INPUT', verdict.refuse);
      const contacts = pack.contactsCsv === null ? null : options.contacts.check(pack.contactsCsv);
      if (contacts && !contacts.ok) return fail('INVALID_INPUT', contacts.problem);
      const runbooks = await Promise.all(pack.runbooks.map(previewOf));
      return ok({
        created: pack.created,
        signature: verdict.view,
        runbooks,
        scenarios: await Promise.all(
          pack.scenarios.map(async (scenario) => ({
            id: scenario.parsed.meta.id,
            title: scenario.parsed.meta.title,
            change: await scenarioChange(scenario),
          })),
        ),
        contacts: contacts ? { ...contacts.counts, changes: contacts.changes } : null,
      });
    },
    'packs.import': ({ base64, author, includeContacts, packName, acceptUnsigned }) =>
      authoring.serial(async () => {
        const pack = readPack(
          new Uint8Array(Buffer.from(base64, 'base64')),
          options.careGroupKeys(),
        );
        if (!pack.ok) return fail('INVALID_INPUT', pack.problem);
        const verdict: SignatureVerdict = signatureVerdict(pack.signature, options.careGroupKeys());
        if (verdict.refuse) return fail('INVALID_INPUT', verdict.refuse);

        // The whole pack must be sound, but its contacts are written only when the user chose
        // them as well as the runbooks: sharing runbooks must never swap a provider's numbers.
        const checked = pack.contactsCsv === null ? null : options.contacts.check(pack.contactsCsv);
        if (checked && !checked.ok) return fail('INVALID_INPUT', checked.problem);
        if (verdict.view.status !== 'good' && verdict.view.mustAccept && acceptUnsigned !== true)
          return fail(
            'INVALID_INPUT',
            'Nothing was imported: no care group key added in Settings vouches for this pack. Tick “I accept this pack as unsigned” if you know where it came from.',
          );
        const contacts = includeContacts === true ? checked : null;
        const changed: PackRunbook[] = [];
        for (const runbook of pack.runbooks)
          if ((await changeOf(runbook)) !== 'same') changed.push(runbook);
        const changedScenarios: PackScenario[] = [];
        for (const scenario of pack.scenarios)
          if ((await scenarioChange(scenario)) !== 'same') changedScenarios.push(scenario);
        const made = pack.created.slice(0, 10);
        const message = packName
          ? `Imported from the pack “${packName}” made ${made}`
          : `Imported from a pack made ${made}`;
        try {
          for (const { parsed } of changed) await authoring.recordBaseline(parsed.meta.id);
          for (const { parsed } of changedScenarios)
            await options.scenarios.authoring.recordBaseline(parsed.meta.id);
          const undo = await commitAll(
            [
              ...changed.map(({ parsed, text }) => ({
                path:
                  authoring.userPathOf(parsed.meta.id) ??
                  join(options.userDir, `${basename(parsed.meta.id)}.md`),
                text,
              })),
              ...changedScenarios.map(({ parsed, text }) => ({
                path:
                  options.scenarios.authoring.userPathOf(parsed.meta.id) ??
                  join(options.scenarios.userDir, `${basename(parsed.meta.id)}.md`),
                text,
              })),
            ],
            options.stagingDir,
          );
          const saved = contacts ? await contacts.save() : null;
          if (saved && !saved.ok) {
            await undo();
            return fail(
              'STORAGE_FAILED',
              'Nothing was imported: the contacts could not be saved. Check there is free disk space, then try again.',
            );
          }
        } catch (error: unknown) {
          options.log?.('pack import failed', error);
          return fail(
            'STORAGE_FAILED',
            'Nothing was imported: the runbooks could not be written. Check there is free disk space, then try again.',
          );
        }
        await options.reload();
        await options.scenarios.reload();
        for (const { parsed, text } of changedScenarios)
          await options.scenarios.authoring.recordSaved(parsed.meta.id, text, {
            author,
            message,
            fromPack: { name: packName || null, created: pack.created },
          });
        if (pack.signature.status === 'good')
          await options.recordSignedPack(pack.signature.keyId, pack.signature.packCreated);
        for (const { parsed, text } of changed)
          await authoring.recordSaved(parsed.meta.id, text, {
            author,
            message,
            fromPack: { name: packName || null, created: pack.created },
          });
        return ok({
          library: options.summary(),
          imported: changed.length,
          unchanged: pack.runbooks.length - changed.length,
          scenarios: changedScenarios.length,
          contacts: contacts ? contacts.counts : null,
        });
      }),
  };
}
