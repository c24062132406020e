import type { SystemEntry } from '../../../main/contract/types';
import { href } from '../../useRoute';

/**
 * The reader's list of the systems a runbook is about (front matter `systems:`): each one's paper
 * fallback and where the paper copy is kept, or a link to record it.
 */
export function SystemsPanel({ entries }: { entries: SystemEntry[] }) {
  const shown = entries.filter((entry) => entry.status !== 'not-used');
  if (shown.length === 0) return null;
  return (
    <section className="contacts" aria-labelledby="systems-title">
      <h2 id="systems-title">Where the paper copies are kept</h2>
      <ul>
        {shown.map((entry) => (
          <li key={entry.system} className="contact">
            <strong className="contact-label">{entry.label}</strong>
            {entry.record?.paperLocation ? (
              <p className="contact-hours">Paper copy: {entry.record.paperLocation}</p>
            ) : (
              <p className="contact-missing-text">
                <span aria-hidden="true">⚠ </span>Paper copy: not recorded yet —{' '}
                <a href={href.systems(entry.system)}>
                  add it in Systems<span className="visually-hidden"> for {entry.label}</span>
                </a>
                .
              </p>
            )}
            {entry.record?.fallback && (
              <p className="contact-hours">Fallback: {entry.record.fallback}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
