import { lstat, mkdir, readFile, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type {
  DiffLine,
  PackOrigin,
  RevisionKind,
  RevisionSummary,
} from '../../contract/authoringTypes';
import { fail, ok, type Result } from '../../contract/result';
import { sha256 } from '../lib/hash';
import { fsyncDir, writeFileDurable } from '../storage/durableFile';
import { PRIVATE_DIRS } from '../storage/privateModes';
import { openRevisionStore } from './revisionStore';
import { textDiff } from '../../shared/textDiff';

const NOBODY = 'Not given';

/** Who made a change, as the history keeps it. */
export interface ChangeBy {
  author?: string | undefined;
  message?: string | undefined;
}

/** A change written and recorded: the document's id and its new revision. */
export interface Recorded {
  id: string;
  revision: RevisionSummary;
}

/**
 * A kind of document the provider edits in Holdfast (runbooks, exercise scenarios): where its
 * files are, which one is in use for an id, and how it is named in what people read.
 */
export interface DocumentKind {
  /** "runbook" or "scenario", in messages. */
  noun: string;
  /** How the history names the provider's folder ("your runbooks folder"). */
  folderName: string;
  userDir: string;
  historyDir: string;
  trashDir: string;
  /** The file in use for an id and where it comes from; null when there is none. */
  inUse: (id: string) => { path: string; source: 'bundled' | 'user' } | null;
  /** The file Holdfast ships for an id; null when it ships none. */
  bundledPath: (id: string) => Promise<string | null>;
  /** Reads the folders again, so every screen shows what was just written. */
  reload: () => Promise<void>;
  /** The one queue every change to the data folder's documents goes through. */
  serial: <T>(task: () => Promise<T>) => Promise<T>;
  now: () => Date;
  log?: ((message: string, error: unknown) => void) | undefined;
}

const exists = (path: string): Promise<boolean> =>
  lstat(path).then(
    () => true,
    () => false,
  );

/**
 * What editing any kind of document shares: every change is written durably to the provider's
 * folder (a bundled file is never written) and kept as a revision in history, so it can be
 * compared, restored, reset to the version that comes with Holdfast, or moved to the trash and
 * brought back. The kind decides how a text is checked before it is saved (`save` arguments).
 */
export function openDocumentAuthoring(kind: DocumentKind) {
  const revisions = openRevisionStore(kind.historyDir, kind.now);
  const ownPathOf = (id: string): string | null => {
    const file = kind.inUse(id);
    return file?.source === 'user' ? file.path : null;
  };

  /** Records the text in use before Holdfast's first change, or after a change made outside it. */
  async function recordBaseline(id: string): Promise<void> {
    const file = kind.inUse(id);
    if (!file) return;
    const text = await readFile(file.path, 'utf8');
    const last = (await revisions.list(id)).at(-1);
    if (last?.sha256 === sha256(Buffer.from(text, 'utf8'))) return;
    await revisions.append(id, {
      kind: 'original',
      author: last || file.source === 'user' ? NOBODY : 'Holdfast',
      message: last
        ? 'Changed outside Holdfast'
        : file.source === 'bundled'
          ? 'The version that comes with Holdfast'
          : `As found in ${kind.folderName}`,
      text,
    });
  }

  /** Moves a file of the provider's folder to the trash folder, under the time it was moved. */
  async function moveToTrash(path: string): Promise<void> {
    await mkdir(kind.trashDir, PRIVATE_DIRS);
    const stamp = kind.now().toISOString().replace(/[:.]/g, '-');
    await rename(path, join(kind.trashDir, `${stamp}-${basename(path)}`));
    await fsyncDir(kind.trashDir);
    await fsyncDir(kind.userDir);
  }

  /** Appends a revision and reads the folders again. */
  async function record(
    id: string,
    revisionKind: RevisionKind,
    text: string,
    who: ChangeBy,
    restoredFrom?: number,
  ): Promise<Recorded> {
    const revision = await revisions.append(id, {
      kind: revisionKind,
      author: who.author || NOBODY,
      message: who.message ?? '',
      text,
      ...(restoredFrom === undefined ? {} : { restoredFrom }),
    });
    await kind.reload();
    return { id, revision };
  }

  /**
   * Writes checked text as the provider's own file for `id` and records it. A file already at
   * that name that did not load (it has errors) is moved to the trash, never overwritten.
   */
  async function write(
    id: string,
    text: string,
    who: ChangeBy,
    restoredFrom?: number,
  ): Promise<Recorded> {
    await recordBaseline(id);
    const ownPath = ownPathOf(id);
    const path = ownPath ?? join(kind.userDir, `${id}.md`);
    await mkdir(kind.userDir, PRIVATE_DIRS);
    if (!ownPath && (await exists(path))) await moveToTrash(path);
    await writeFileDurable(path, text);
    await fsyncDir(kind.userDir);
    return record(id, restoredFrom === undefined ? 'save' : 'restore', text, who, restoredFrom);
  }

  const failed =
    (doing: string) =>
    (error: unknown): Result<never> => {
      kind.log?.(`${kind.noun} ${doing} failed`, error);
      return fail(
        'STORAGE_FAILED',
        `The ${kind.noun} could not be ${doing === 'trash' ? 'moved to the trash' : `${doing}`}. Check there is free disk space, then try again.`,
      );
    };

  return {
    revisions,
    recordBaseline,
    moveToTrash,
    write,
    ownPathOf,
    /** Every revision of one document, oldest first. */
    history: (id: string) => revisions.list(id),
    /** Line-by-line differences between two revisions of one document. */
    diff: async (id: string, from: number, to: number): Promise<Result<DiffLine[]>> => {
      const [older, newer] = await Promise.all([revisions.read(id, from), revisions.read(id, to)]);
      if (!older || !newer)
        return fail('NOT_FOUND', `Revision ${older ? to : from} of "${id}" does not exist.`);
      return ok(textDiff(older.text, newer.text));
    },
    /**
     * Brings an older revision back as a new one, through the kind's own `save` (which checks
     * the text against today's library first).
     */
    restore: <T>(
      id: string,
      seq: number,
      who: ChangeBy,
      save: (text: string, who: ChangeBy, restoredFrom: number) => Promise<Result<T>>,
    ): Promise<Result<T>> =>
      kind.serial(async () => {
        const revision = await revisions.read(id, seq);
        if (!revision) return fail('NOT_FOUND', `Revision ${seq} of "${id}" does not exist.`);
        return save(
          revision.text,
          { ...who, message: who.message || `Restored revision ${seq}` },
          seq,
        );
      }),
    /** Stops using the provider's own version of a bundled document; it stays in the trash and history. */
    resetToBundled: (id: string, who: ChangeBy): Promise<Result<Recorded>> =>
      kind.serial(async () => {
        const bundledPath = await kind.bundledPath(id);
        const ownPath = ownPathOf(id);
        if (!bundledPath)
          return fail(
            'INVALID_INPUT',
            `"${id}" is not a ${kind.noun} that comes with Holdfast, so there is nothing to reset to.`,
          );
        if (!ownPath)
          return fail(
            'INVALID_INPUT',
            `"${id}" has no edited version: it already shows the version that comes with Holdfast.`,
          );
        try {
          await recordBaseline(id);
          await moveToTrash(ownPath);
          return ok(
            await record(id, 'reset', await readFile(bundledPath, 'utf8'), {
              author: who.author,
              message: who.message || 'Reset to the version that comes with Holdfast',
            }),
          );
        } catch (error: unknown) {
          return failed('reset')(error);
        }
      }),
    /** Moves the provider's own document to the trash; its history can bring it back. */
    trash: (id: string, who: ChangeBy): Promise<Result<Recorded>> =>
      kind.serial(async () => {
        if (await kind.bundledPath(id))
          return fail(
            'INVALID_INPUT',
            `"${id}" comes with Holdfast and cannot be deleted. To undo your changes, reset it to the version that comes with Holdfast.`,
          );
        const ownPath = ownPathOf(id);
        if (!ownPath)
          return fail('NOT_FOUND', `There is no ${kind.noun} of yours with the id "${id}".`);
        try {
          await recordBaseline(id);
          const text = await readFile(ownPath, 'utf8');
          await moveToTrash(ownPath);
          return ok(
            await record(id, 'trash', text, {
              author: who.author,
              message: who.message || 'Moved to the trash',
            }),
          );
        } catch (error: unknown) {
          return failed('trash')(error);
        }
      }),
    /** Records text just written by someone other than the editor (a pack import). */
    recordSaved: (id: string, text: string, who: ChangeBy & { fromPack?: PackOrigin }) =>
      revisions.append(id, {
        kind: 'save',
        author: who.author || NOBODY,
        message: who.message ?? '',
        text,
        ...(who.fromPack ? { fromPack: who.fromPack } : {}),
      }),
    /** Says a save failed in plain words, and logs why. */
    saveFailed: failed('saved'),
  };
}

export type DocumentAuthoring = ReturnType<typeof openDocumentAuthoring>;
