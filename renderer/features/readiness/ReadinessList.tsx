import type { ReadinessLine } from '../../../main/contract/readinessTypes';
import { readinessHref } from './readinessLinks';

/**
 * The checklist's lines, each a heading with its state as a word ("Ready" / "To do") as well as
 * a mark, so it never depends on colour. `detailed` adds the named things to fix under each.
 */
export function ReadinessList({
  lines,
  detailed,
  headingLevel,
}: {
  lines: readonly ReadinessLine[];
  detailed: boolean;
  /** The level of each line's heading under the page's own headings. */
  headingLevel: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="readiness-list">
      {lines.map((line) => (
        <li key={line.check} className={line.ready ? 'readiness-ready' : 'readiness-todo'}>
          <Heading className="readiness-title">
            <span className="readiness-state">
              <span aria-hidden="true">{line.ready ? '✓' : '!'}</span>{' '}
              {line.ready ? 'Ready' : 'To do'}
              <span className="visually-hidden">:</span>
            </span>{' '}
            {line.title}
          </Heading>
          <p className="readiness-summary">{line.summary}</p>
          {detailed && line.items.length > 0 && (
            <ul className="readiness-items">
              {line.items.map((item) => (
                <li key={item.text}>
                  {item.link ? <a href={readinessHref(item.link)}>{item.text}</a> : item.text}
                </li>
              ))}
              {line.more > 0 && <li>and {line.more} more</li>}
            </ul>
          )}
          {!line.ready && (
            <p className="readiness-fix no-print">
              <a href={readinessHref(line.fix.link)}>{line.fix.words}</a>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
