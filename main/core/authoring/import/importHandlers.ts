import type { Handlers } from '../../../contract/contract';
import { fail, ok, type Result } from '../../../contract/result';
import type { Problem, Settings } from '../../../contract/types';
import type { RunbookPreview } from '../../../contract/authoringTypes';
import type { PlanFormat } from '../../../contract/importTypes';
import type { SavedImport } from '../authoringHandlers';
import { formatOf, readDocument } from './readDocument';
import { proposeRunbook, type ProposeOptions, type Proposal } from './proposeRunbook';

export interface ImportOptions {
  /** Ids of every runbook in the library and of the bundled files. */
  takenIds: () => Promise<ReadonlySet<string>>;
  knownRoles: () => ReadonlySet<string>;
  settings: () => Pick<Settings, 'organisationName' | 'providerType'>;
  /** The editor's checks over the proposed file. */
  check: (text: string) => Promise<RunbookPreview>;
  /** Markdown as the reader shows it, so the preview shows contacts filled in, not placeholders. */
  render: (markdown: string, inline?: boolean) => string;
  /** Saves a proposed runbook as a draft, or keeps it as a file to fix when it has errors. */
  saveDraft: (
    text: string,
    who: { author?: string | undefined; message: string },
  ) => Promise<Result<SavedImport>>;
  now: () => Date;
}

interface DocumentInput {
  name?: string | undefined;
  format?: PlanFormat | undefined;
  base64?: string | undefined;
  text?: string | undefined;
}

/**
 * "Import a plan": turns a document into a proposed draft runbook and checks it, writing nothing;
 * saving a previewed one goes through `runbooks.save`, like any runbook written in the editor.
 * Several documents chosen at once are each saved as a draft as proposed (`runbooks.importDraft`).
 */
export function importHandlers(
  options: ImportOptions,
): Pick<Handlers, 'runbooks.importPreview' | 'runbooks.importDraft'> {
  /** Reads the document and proposes a runbook from it, with the person's changes applied. */
  async function propose(
    input: DocumentInput,
    changes: Pick<ProposeOptions, 'header' | 'mappings'> = {},
  ): Promise<Result<{ proposal: Proposal; source: string; taken: ReadonlySet<string> }>> {
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
      render: options.render,
      ...changes,
    });
    return ok({ proposal, source: read.value, taken });
  }

  return {
    'runbooks.importPreview': async (input) => {
      const proposed = await propose(input, { header: input.header, mappings: input.mappings });
      if (!proposed.ok) return proposed;
      const { proposal, source, taken } = proposed.value;
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
        source,
        text: checked.textWithIds,
        problems: [...idTaken, ...checked.problems],
      });
    },
    'runbooks.importDraft': async (input) => {
      const proposed = await propose(input);
      if (!proposed.ok) return proposed;
      const { proposal } = proposed.value;
      const saved = await options.saveDraft(proposal.text, {
        author: input.author,
        message: `Imported from ${input.name ?? 'pasted text'}`.slice(0, 500),
      });
      if (!saved.ok) return saved;
      const title = proposal.header.title;
      return ok(
        saved.value.outcome === 'saved'
          ? { outcome: 'saved', id: saved.value.id, title, counts: proposal.counts }
          : { outcome: 'to-fix', file: saved.value.file, title, problems: saved.value.problems },
      );
    },
  };
}
