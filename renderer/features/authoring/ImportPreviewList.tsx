import type { ImportBlock } from '../../../main/contract/importTypes';
import { SafeHtml } from '../../ui/SafeHtml';

const ORIGIN = {
  numbered: 'from a numbered list',
  checklist: 'from a checklist',
  bullets: 'from a bullet list of things to do',
} as const;

const KEPT = {
  reference: 'Stays as text (references and appendices are never steps)',
  list: 'Stays as text (a list that is not things to do)',
} as const;

/**
 * The proposed runbook block by block: each phase, each step with its number and id, and what
 * stays as text. Every kind is said in words, never by colour alone. Text is shown as the reader
 * will show it (contacts filled in) when the core rendered it, and as typed otherwise.
 */
export function ImportPreviewList({ blocks }: { blocks: ImportBlock[] }) {
  return (
    <ol className="import-preview" aria-label="What the plan becomes">
      {blocks.map((block, index) => {
        if (block.kind === 'phase')
          return (
            <li key={index} className="import-phase">
              <strong>Phase:</strong> {block.title}
            </li>
          );
        if (block.kind === 'step')
          return (
            <li key={index} className="import-step">
              <strong>Step {block.number}</strong>{' '}
              <span className="import-origin">
                ({ORIGIN[block.from]}, id “{block.id}”)
              </span>
              {block.html ? (
                <>
                  <p className="import-step-text">
                    <SafeHtml html={block.html.text} inline />
                  </p>
                  {block.details && (
                    <SafeHtml html={block.html.details} className="import-kept import-rendered" />
                  )}
                </>
              ) : (
                <>
                  <p className="import-step-text">{block.text}</p>
                  {block.details && <pre className="import-kept">{block.details}</pre>}
                </>
              )}
            </li>
          );
        return (
          <li key={index} className="import-text">
            <strong>{block.kept ? KEPT[block.kept] : 'Stays as text'}</strong>
            {block.html ? (
              <SafeHtml html={block.html} className="import-kept import-rendered" />
            ) : (
              <pre className="import-kept">{block.text}</pre>
            )}
          </li>
        );
      })}
    </ol>
  );
}
