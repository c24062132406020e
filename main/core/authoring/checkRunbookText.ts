import type { RunbookPreview } from '../../contract/authoringTypes';
import type { Problem, Runbook, RunbookView } from '../../contract/types';
import type { NationalContact } from '../contacts/nationalContacts';
import { crossCheck, toRunbook, type LoadedLibrary } from '../runbooks/library';
import { parseRunbook, type ParsedRunbook } from '../runbooks/parseRunbook';
import { headerProblems } from './headerProblems';
import { addMissingStepIds } from './stepIds';

/** How problems in text being edited are named: the editor shows them by line. */
export const EDITED_FILE = 'this runbook';

export interface CheckedText {
  preview: RunbookPreview;
  parsed: ParsedRunbook | null;
}

/**
 * Runs the checks `npm run runbooks:check` runs (parser, then contact roles and links against
 * the rest of the library) over text being edited, and renders it as the reader would.
 */
export function checkRunbookText(
  text: string,
  context: {
    library: LoadedLibrary;
    national: Map<string, NationalContact>;
    /** Roles the provider added to their contacts. */
    ownRoles: ReadonlySet<string>;
    isBundledId: (id: string) => boolean;
    present: (runbook: Runbook) => RunbookView;
  },
): CheckedText {
  const textWithIds = addMissingStepIds(text);
  const { runbook: parsed, problems } = parseRunbook(Buffer.from(textWithIds, 'utf8'), EDITED_FILE);
  const header = headerProblems(textWithIds);
  if (!parsed)
    return { parsed, preview: { problems, view: null, textWithIds, headerProblems: header } };
  const ownId = parsed.meta.id;
  const targets = (id: string) => (id === ownId ? parsed : context.library.runbooks.get(id));
  const all: Problem[] = [
    ...problems,
    ...crossCheck({ parsed, file: EDITED_FILE }, targets, context.national, context.ownRoles),
  ].sort((a, b) => a.line - b.line);
  const runbook = toRunbook(
    { parsed, file: EDITED_FILE, source: 'user', overridesBundled: context.isBundledId(ownId) },
    context.national,
  );
  return {
    parsed,
    preview: { problems: all, view: context.present(runbook), textWithIds, headerProblems: header },
  };
}

/** The first few errors as one sentence, for a refused save. */
export function describeErrors(problems: Problem[]): string {
  const errors = problems.filter((problem) => problem.severity === 'error');
  const shown = errors.slice(0, 3).map((problem) => `line ${problem.line}: ${problem.message}`);
  const more = errors.length > 3 ? `; and ${errors.length - 3} more` : '';
  return `The runbook was not saved because it has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}. ${shown.join('; ')}${more}.`;
}
