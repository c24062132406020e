import { useState } from 'react';
import type {
  DiffLine,
  RevisionKind,
  RevisionSummary,
} from '../../../main/contract/authoringTypes';
import type { Result } from '../../../main/contract/result';
import { describeError } from '../../errors';
import { formatMoment } from '../../lib/time';
import { DiffLines } from './DiffLines';

const KIND: Record<RevisionKind, string> = {
  original: 'Before editing',
  save: 'Saved',
  restore: 'Restored',
  reset: 'Reset to the version that comes with Holdfast',
  trash: 'Moved to the trash',
};

/**
 * Every saved revision of a document (a runbook or a scenario), the changes between any two, and
 * a way to bring an older one back.
 */
export function HistoryPanel({
  revisions,
  diff: diffOf,
  onRestore,
}: {
  revisions: RevisionSummary[];
  /** The differences between two revisions of this document. */
  diff: (from: number, to: number) => Promise<Result<DiffLine[]>>;
  onRestore: (seq: number) => Promise<void>;
}) {
  const latest = revisions.at(-1)?.seq ?? 0;
  const [from, setFrom] = useState(Math.max(latest - 1, 1));
  const [to, setTo] = useState(latest);
  const [diff, setDiff] = useState<{ from: number; to: number; lines: DiffLine[] } | null>(null);
  const [error, setError] = useState('');

  const compare = async (older: number, newer: number): Promise<void> => {
    setFrom(older);
    setTo(newer);
    const result = await diffOf(older, newer);
    if (result.ok) {
      setDiff({ from: older, to: newer, lines: result.value });
      setError('');
    } else setError(describeError(result.error));
  };

  if (revisions.length === 0) {
    return (
      <section className="history-panel" aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <p>No changes have been saved in Holdfast yet. Each save will be kept here.</p>
      </section>
    );
  }
  const changed = diff?.lines.filter((line) => line.change !== 'same').length ?? 0;
  return (
    <section className="history-panel" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <table className="history-table">
        <caption className="visually-hidden">Revisions, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Revision</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((revision) => (
            <tr key={revision.seq}>
              <td>
                {revision.seq}
                {revision.seq === latest ? ' (latest)' : ''}
              </td>
              <td>{formatMoment(revision.savedAt)}</td>
              <td>
                <bdi>{revision.author}</bdi>
              </td>
              <td>
                {KIND[revision.kind]}
                {revision.restoredFrom ? ` revision ${revision.restoredFrom}` : ''}
                {revision.message &&
                revision.message !== KIND[revision.kind] &&
                !revision.message.startsWith('Restored revision') ? (
                  <>
                    : <bdi>{revision.message}</bdi>
                  </>
                ) : null}
              </td>
              <td className="history-actions">
                {revision.seq > 1 && (
                  <button
                    type="button"
                    onClick={() => void compare(revision.seq - 1, revision.seq)}
                  >
                    Show changes<span className="visually-hidden"> in revision {revision.seq}</span>
                  </button>
                )}
                {revision.seq !== latest && (
                  <button type="button" onClick={() => void onRestore(revision.seq)}>
                    Restore<span className="visually-hidden"> revision {revision.seq}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {revisions.length > 1 && (
        <form
          className="compare-form"
          onSubmit={(event) => {
            event.preventDefault();
            void compare(from, to);
          }}
        >
          <label>
            Compare revision{' '}
            <select value={from} onChange={(event) => setFrom(Number(event.target.value))}>
              {revisions.map((revision) => (
                <option key={revision.seq} value={revision.seq}>
                  {revision.seq}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            with revision{' '}
            <select value={to} onChange={(event) => setTo(Number(event.target.value))}>
              {revisions.map((revision) => (
                <option key={revision.seq} value={revision.seq}>
                  {revision.seq}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="submit">Compare</button>
        </form>
      )}
      {error && (
        <p role="alert" className="save-failed">
          {error}
        </p>
      )}
      {diff && (
        <div
          className="diff"
          role="region"
          aria-label={`Changes from revision ${diff.from} to revision ${diff.to}`}
        >
          <p role="status">
            {changed === 0
              ? `Revisions ${diff.from} and ${diff.to} have the same text.`
              : `Changes from revision ${diff.from} to revision ${diff.to}: ${changed} ${changed === 1 ? 'line' : 'lines'}.`}
          </p>
          <DiffLines lines={diff.lines} />
        </div>
      )}
    </section>
  );
}
