import type { DiffLine } from '../../../main/contract/authoringTypes';

/** The changed lines of a line diff, each marked in words (never by colour alone). */
export function DiffLines({ lines }: { lines: DiffLine[] }) {
  return (
    <ol className="diff-lines">
      {lines.map((line, index) =>
        line.change === 'same' ? null : (
          <li key={index} className={`diff-${line.change}`}>
            <span className="diff-sign">
              {line.change === 'added' ? 'Added' : 'Removed'} line{' '}
              {line.change === 'added' ? line.newLine : line.oldLine}:
            </span>{' '}
            <code>{line.text || ' '}</code>
          </li>
        ),
      )}
    </ol>
  );
}
