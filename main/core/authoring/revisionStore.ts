import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type {
  PackOrigin,
  Revision,
  RevisionKind,
  RevisionSummary,
} from '../../contract/authoringTypes';
import { sha256 } from '../lib/hash';
import { fsyncDir } from '../storage/durableFile';
import { PRIVATE_DIRS } from '../storage/privateModes';
import { versionOf } from './versionBump';

const FILE_NAME = /^(\d{6})\.json$/;

const revisionSchema = z.strictObject({
  seq: z.int().min(1),
  kind: z.enum(['original', 'save', 'restore', 'reset', 'trash']),
  savedAt: z.string(),
  author: z.string(),
  message: z.string(),
  sha256: z.string(),
  restoredFrom: z.int().min(1).optional(),
  fromPack: z.strictObject({ name: z.string().nullable(), created: z.string() }).optional(),
  text: z.string(),
});

const summaryOf = ({
  seq,
  kind,
  savedAt,
  author,
  message,
  sha256: hash,
  restoredFrom,
  fromPack,
  text,
}: Revision): RevisionSummary => ({
  seq,
  kind,
  savedAt,
  author,
  message,
  sha256: hash,
  ...versionField(text),
  ...(restoredFrom === undefined ? {} : { restoredFrom }),
  ...(fromPack === undefined ? {} : { fromPack }),
});

const versionField = (text: string): { version?: number } => {
  const version = versionOf(text);
  return version === null ? {} : { version };
};

export interface NewRevision {
  kind: RevisionKind;
  author: string;
  message: string;
  text: string;
  restoredFrom?: number;
  fromPack?: PackOrigin;
}

/**
 * Writes `data` to a file that must not exist yet, durably: temp file, fsync, then a hard link
 * that fails if the name is taken, so a revision once written is never replaced.
 */
async function writeNewFileDurable(path: string, dir: string, data: string): Promise<void> {
  const temp = join(dir, `.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, path);
  } finally {
    await rm(temp, { force: true });
  }
  await fsyncDir(dir);
}

/**
 * Every saved version of each runbook, one file per revision under `<dir>/<runbook id>/`:
 * append-only (a number is never reused or overwritten) and durable before the call resolves.
 */
export function openRevisionStore(dir: string, now: () => Date) {
  const folder = (id: string): string => join(dir, id);

  async function seqs(id: string): Promise<number[]> {
    try {
      return (await readdir(folder(id)))
        .flatMap((name) => {
          const match = FILE_NAME.exec(name);
          return match ? [Number(match[1])] : [];
        })
        .sort((a, b) => a - b);
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  async function read(id: string, seq: number): Promise<Revision | null> {
    let text: string;
    try {
      text = await readFile(join(folder(id), `${String(seq).padStart(6, '0')}.json`), 'utf8');
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const parsed = revisionSchema.safeParse(JSON.parse(text));
    if (!parsed.success || parsed.data.seq !== seq) return null;
    const { restoredFrom, ...rest } = parsed.data;
    return restoredFrom === undefined ? rest : { ...rest, restoredFrom };
  }

  return {
    read,
    /** Every runbook id with a history, whether or not the runbook is still in the library. */
    async ids(): Promise<string[]> {
      try {
        return (await readdir(dir)).filter((name) => /^[a-z0-9][a-z0-9-]{0,63}$/.test(name)).sort();
      } catch (error: unknown) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
    },
    async list(id: string): Promise<RevisionSummary[]> {
      const all = await Promise.all((await seqs(id)).map((seq) => read(id, seq)));
      // A damaged revision file is left where it is and simply not listed.
      return all.flatMap((revision) => (revision ? [summaryOf(revision)] : []));
    },
    /** Appends a revision; callers serialise appends (the core has one writer per data folder). */
    async append(id: string, revision: NewRevision): Promise<RevisionSummary> {
      await mkdir(folder(id), PRIVATE_DIRS);
      const seq = ((await seqs(id)).at(-1) ?? 0) + 1;
      const summary: RevisionSummary = {
        seq,
        kind: revision.kind,
        savedAt: now().toISOString(),
        author: revision.author,
        message: revision.message,
        sha256: sha256(Buffer.from(revision.text, 'utf8')),
        ...(revision.restoredFrom === undefined ? {} : { restoredFrom: revision.restoredFrom }),
        ...(revision.fromPack === undefined ? {} : { fromPack: revision.fromPack }),
      };
      const path = join(folder(id), `${String(seq).padStart(6, '0')}.json`);
      await writeNewFileDurable(
        path,
        folder(id),
        `${JSON.stringify({ ...summary, text: revision.text }, null, 2)}\n`,
      );
      // The version is read from the text, not stored beside it, so the two can never disagree.
      return { ...summary, ...versionField(revision.text) };
    },
  };
}

export type RevisionStore = ReturnType<typeof openRevisionStore>;
