import type { SystemEntry } from '../../../main/contract/types';
import { href } from '../../useRoute';

/**
 * The reader's list of the systems a runbook is about (front matter `systems:`), folded so the
 * steps come first: each one's paper fallback and where the paper copy is kept; systems with no
 * place recorded yet collapse into one line, each name a link to record it.
 */
export function SystemsPanel({ entries }: { entries: SystemEntry[] }) {
  const shown = entries.filter((entry) => entry.status !== 'not-used');
  if (shown.length === 0) return null;
  const recorded = shown.filter((entry) => entry.record?.paperLocation || entry.record?.fallback);
  const missing = shown.filter((entry) => !entry.record?.paperLocation);
  return (
    <details className="fold contacts" aria-labelledby="systems-title">
      <summary id="systems-title">
        Paper copies ({shown.length})
        {missing.length > 0 && (
          <span className="fold-gaps"> · {missing.length} not recorded yet</span>
        )}
      </summary>
      {missing.length > 0 && (
        <p className="contact-missing-text">
          Where the paper copy is kept, not recorded yet:{' '}
          {missing.map((entry, index) => (
            <span key={entry.system}>
              {index > 0 && ', '}
              <a href={href.systems(entry.system)}>
                <span className="visually-hidden">add where the paper copy is kept for </span>
                <bdi>{entry.label}</bdi>
              </a>
            </span>
          ))}
          .
        </p>
      )}
      <ul>
        {recorded.map((entry) => (
          <li key={entry.system} className="contact">
            <strong className="contact-label">
              <bdi>{entry.label}</bdi>
            </strong>
            {entry.record?.paperLocation && (
              <p className="contact-hours">
                Paper copy: <bdi>{entry.record.paperLocation}</bdi>
              </p>
            )}
            {entry.record?.fallback && (
              <p className="contact-hours">
                Fallback: <bdi>{entry.record.fallback}</bdi>
              </p>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
