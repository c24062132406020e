import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { UnsavedDraft } from '../../contract/authoringTypes';
import { writeFileDurable } from '../storage/durableFile';
import { PRIVATE_DIRS } from '../storage/privateModes';

const draftSchema = z.strictObject({ text: z.string(), savedAt: z.string() });

/**
 * Text typed in the editor but not saved yet, one file per runbook (and one for a new runbook),
 * so a crash, a power cut or closing the app does not lose it. Written whole or not at all;
 * a file that cannot be read is treated as no draft, never as an error in the editor.
 */
export function openEditorDrafts(dir: string, now: () => Date) {
  // Runbook ids are lower-case letters, digits and hyphens, so "_new" is never one of them.
  const fileOf = (id: string | null): string => join(dir, `${id ?? '_new'}.json`);
  return {
    async get(id: string | null): Promise<UnsavedDraft | null> {
      try {
        const parsed = draftSchema.safeParse(JSON.parse(await readFile(fileOf(id), 'utf8')));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    async keep(id: string | null, text: string): Promise<UnsavedDraft> {
      const draft = { text, savedAt: now().toISOString() };
      await mkdir(dir, PRIVATE_DIRS);
      await writeFileDurable(fileOf(id), `${JSON.stringify(draft)}\n`);
      return draft;
    },
    async discard(id: string | null): Promise<void> {
      await rm(fileOf(id), { force: true });
    },
  };
}

export type EditorDrafts = ReturnType<typeof openEditorDrafts>;
