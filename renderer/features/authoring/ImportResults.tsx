import type { ImportedDraft } from '../../../main/contract/importTypes';
import { pluralise } from '../../../main/shared/pluralise';
import { href } from '../../useRoute';

/** One chosen file: still being imported, imported (saved or kept to fix), or not imported. */
export type FileResult =
  | { name: string; state: 'waiting' }
  | { name: string; state: 'done'; draft: ImportedDraft }
  | { name: string; state: 'refused'; reason: string };

function ResultLine({ result }: { result: FileResult }) {
  if (result.state === 'waiting') return <>Importing…</>;
  if (result.state === 'refused')
    return (
      <>
        <strong>Not imported.</strong> {result.reason}
      </>
    );
  const { draft } = result;
  if (draft.outcome === 'saved')
    return (
      <>
        <strong>Saved as a draft:</strong> {draft.title} (
        {pluralise(draft.counts.steps, 'step', 'steps')}).{' '}
        <a href={href.editRunbook(draft.id)}>
          Open the draft<span className="visually-hidden">: {draft.title}</span>
        </a>
      </>
    );
  const errors = draft.problems.filter((problem) => problem.severity === 'error');
  return (
    <>
      <strong>Kept as a file to fix:</strong> {draft.title}.{' '}
      {errors.length > 0
        ? `${pluralise(errors.length, 'problem', 'problems')} to fix first, such as: ${errors[0]?.message ?? ''}.`
        : 'It has problems to fix first.'}{' '}
      <a href={href.fixRunbook(draft.file)}>
        Fix it in the editor<span className="visually-hidden">: {draft.title}</span>
      </a>
    </>
  );
}

/**
 * What happened to each of several files imported at once, one line per file, said in words:
 * saved as a draft, kept as a file to fix (with a link to fix it), or not imported and why.
 */
export function ImportResults({ results }: { results: FileResult[] }) {
  const finished = results.filter((result) => result.state !== 'waiting');
  const saved = results.filter(
    (result) => result.state === 'done' && result.draft.outcome === 'saved',
  ).length;
  return (
    <section aria-labelledby="import-results-title">
      <h2 id="import-results-title" tabIndex={-1}>
        What happened to each file
      </h2>
      <p role="status">
        {finished.length < results.length
          ? `Importing ${finished.length + 1} of ${results.length}…`
          : `${pluralise(saved, 'file', 'files')} of ${results.length} saved as ${saved === 1 ? 'a draft' : 'drafts'}.`}
      </p>
      <ul className="import-results">
        {results.map((result, index) => (
          <li key={`${index}-${result.name}`}>
            <span className="import-file-name">{result.name}</span>: <ResultLine result={result} />
          </li>
        ))}
      </ul>
    </section>
  );
}
