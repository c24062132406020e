import { pluralise } from '../../../main/shared/pluralise';
import type { Readiness } from '../../../main/contract/readinessTypes';
import { href } from '../../useRoute';
import { ReadinessList } from './ReadinessList';

/** How many checks still need doing, in words: the one line home shows near the top. */
export function ReadinessLine({ readiness }: { readiness: Readiness }) {
  const toDo = readiness.lines.filter((line) => !line.ready).length;
  return (
    <p className="readiness-line-home">
      <strong>Getting ready:</strong>{' '}
      {toDo === 0
        ? 'everything on the checklist is done.'
        : `${pluralise(toDo, 'thing', 'things')} to do before you need them.`}{' '}
      <a href={href.readiness}>See the checklist</a>
    </p>
  );
}

/** Home's "Getting ready" checklist: every line with its state and the link that fixes it. */
export function ReadinessPanel({ readiness }: { readiness: Readiness }) {
  return (
    <section className="readiness" aria-labelledby="readiness-title">
      <h2 id="readiness-title">Getting ready</h2>
      <ReadinessList lines={readiness.lines} detailed={false} headingLevel={3} />
      <p>
        <a href={href.readiness}>See what to fix in each, and print the checklist</a>
      </p>
    </section>
  );
}
