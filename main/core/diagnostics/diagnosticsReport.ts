import { readdir, stat } from 'node:fs/promises';
import { arch, release, type } from 'node:os';
import { join } from 'node:path';
import type { Notice } from '../../contract/types';
import { describeForLog } from './diagnosticsLog';

/** How many entries a folder of the data folder has, or why it could not be read. */
async function folderState(path: string): Promise<string> {
  try {
    return `${(await readdir(path)).length} entries`;
  } catch (error: unknown) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'none yet' : describeForLog(error);
  }
}

async function fileState(path: string): Promise<string> {
  try {
    return `${Math.ceil((await stat(path)).size / 1024)} KB`;
  } catch (error: unknown) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'none yet' : describeForLog(error);
  }
}

/**
 * Plain text for the person's IT supplier: the version, the system, the state of the data
 * folder (counts and sizes only, never what is in the files) and the last errors from the log.
 * Copied by the person; nothing is ever sent.
 */
export async function diagnosticsText(input: {
  version: string;
  shell: string;
  dataDir: string;
  readOnlyReason: string | null;
  notices: readonly Notice[];
  lastErrors: readonly string[];
  now: Date;
}): Promise<string> {
  const { dataDir } = input;
  const versions = process.versions as NodeJS.ProcessVersions & {
    electron?: string;
    chrome?: string;
  };
  const lines = [
    'Holdfast diagnostics',
    `Made: ${input.now.toISOString()}`,
    `Version: ${input.version} (${input.shell})`,
    `System: ${type()} ${release()} ${arch()}; Node ${versions.node}${versions.electron ? `; Electron ${versions.electron}; Chromium ${versions.chrome ?? '?'}` : ''}`,
    `Data folder: ${dataDir}`,
    `  In use by another Holdfast: ${input.readOnlyReason ? 'yes, read-only here' : 'no'}`,
    `  settings.json: ${await fileState(join(dataDir, 'settings.json'))}`,
    `  contacts.json: ${await fileState(join(dataDir, 'contacts.json'))}`,
    `  systems.json: ${await fileState(join(dataDir, 'systems.json'))}`,
    `  incidents: ${await folderState(join(dataDir, 'incidents'))}`,
    `  practice incidents: ${await folderState(join(dataDir, 'exercises', 'incidents'))}`,
    `  exercises: ${await folderState(join(dataDir, 'exercises', 'runs'))}`,
    `  your runbooks: ${await folderState(join(dataDir, 'runbooks'))}`,
    `  quarantine: ${await folderState(join(dataDir, 'quarantine'))}`,
    `Notices at start: ${input.notices.length === 0 ? 'none' : ''}`,
    ...input.notices.map((notice) => `  ${notice.level}: ${notice.message}`),
    `Last errors: ${input.lastErrors.length === 0 ? 'none' : ''}`,
    ...input.lastErrors.map((line) => `  ${line}`),
  ];
  return `${lines.join('\n')}\n`;
}
