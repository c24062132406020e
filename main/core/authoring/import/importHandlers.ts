import type { Handlers } from '../../../contract/contract';
import { fail, ok } from '../../../contract/result';
import type { Problem, Settings } from '../../../contract/types';
import type { RunbookPreview } from '../../../contract/authoringTypes';
import { formatOf, readDocument } from './readDocument';
import { proposeRunbook } from './proposeRunbook';

export interface ImportOptions {
  /** Ids of every runbook in the library and of the bundled files. */
  takenIds: () => Promise<ReadonlySet<string>>;
  knownRoles: () => ReadonlySet<string>;
  settings: () => Pick<Settings, 'organisationName' | 'providerType'>;
  /** The editor's checks over the proposed file. */
  check: (text: string) => Promise<RunbookPreview>;
  now: () => Date;
}

/**
 * "Import a plan": turns a document into a proposed draft runbook and checks it, writing nothing.
 * Saving goes through `runbooks.save`, like any runbook written in the editor.
 */
export function importHandlers(options: ImportOptions): Pick<Handlers, 'runbooks.importPreview'> {
  return {
    'runbooks.importPreview': async (input) => {
      const format = input.format ?? formatOf(input.name, input.text);
      const content =
        input.text !== undefined
          ? { text: input.text }
          : { bytes: Buffer.from(input.base64 ?? '', 'base64') };
      const read = await readDocument(format, content);
      if (!read.ok) return read;
      if (read.value.trim() === '')
        return fail('INVALID_INPUT', 'There is no text in this document to import.');
      const taken = await options.takenIds();
      const settings = options.settings();
      const proposal = proposeRunbook(read.value, {
        name: input.name,
        today: options.now().toISOString().slice(0, 10),
        organisation: settings.organisationName,
        providerType: settings.providerType,
        takenIds: taken,
        knownRoles: options.knownRoles(),
        header: input.header,
        mappings: input.mappings,
      });
      const checked = await options.check(proposal.text);
      const idTaken: Problem[] = taken.has(proposal.header.id)
        ? [
            {
              file: 'this runbook',
              line: 2,
              severity: 'error',
              message: `the short name "${proposal.header.id}" is already used by another runbook; choose another`,
            },
          ]
        : [];
      return ok({
        ...proposal,
        source: read.value,
        text: checked.textWithIds,
        problems: [...idTaken, ...checked.problems],
      });
    },
  };
}
