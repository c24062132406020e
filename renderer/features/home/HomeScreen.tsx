import { lazy, Suspense } from 'react';
import type { RunbookLibrary } from '../../../main/contract/types';
import { CATEGORIES, type Category } from '../../../main/contract/vocabulary';
import { useCall } from '../../useCall';
import { href } from '../../useRoute';
import { ProblemsPanel } from '../library/ProblemsPanel';
import { ENTRY_POINTS } from './entryPoints';
import { OpenActionsPanel } from './OpenActionsPanel';
import { OpenIncidentsPanel } from './OpenIncidentsPanel';
import { pluralise } from '../../../main/shared/pluralise';

// Getting ready matters before an incident, not during one: the checklist loads after the entry
// points have drawn, and near the top it takes one line.
const ReadinessLine = lazy(() =>
  import('../readiness/ReadinessPanel').then((m) => ({ default: m.ReadinessLine })),
);
const ReadinessPanel = lazy(() =>
  import('../readiness/ReadinessPanel').then((m) => ({ default: m.ReadinessPanel })),
);

/** "What's happening?": large entry points by kind of problem. */
export function HomeScreen({ library }: { library: RunbookLibrary }) {
  // Asked once for both the line near the top and the checklist below the entry points.
  const [readiness] = useCall('readiness.get', {});
  const countFor = (category: string): number =>
    library.runbooks.filter((r) => r.category === category).length;
  return (
    <>
      <OpenIncidentsPanel />
      <h1 id="page-title" tabIndex={-1}>
        What's happening?
      </h1>
      <p className="lead">
        Choose the closest match. You can also search at the top of the page (Ctrl+K).
      </p>
      {readiness.status === 'ready' && (
        <Suspense fallback={null}>
          <ReadinessLine readiness={readiness.value} />
        </Suspense>
      )}
      <ul className="entry-points">
        {ENTRY_POINTS.map((entry) => {
          const count =
            entry.category === 'not-sure' ? library.runbooks.length : countFor(entry.category);
          return (
            <li key={entry.category}>
              <a
                className="entry-point"
                href={entry.category === 'not-sure' ? href.notSure : href.situation(entry.category)}
              >
                <span className="entry-label">{entry.label}</span>
                <span className="entry-hint">{entry.hint}</span>
                <span className="entry-count">{pluralise(count, 'runbook', 'runbooks')}</span>
              </a>
            </li>
          );
        })}
      </ul>
      <MoreSituations library={library} />
      <p className="start-incident">
        <a className="button-link button-primary" href={href.startIncident()}>
          Start an incident log now
        </a>
      </p>
      <OpenActionsPanel />
      {readiness.status === 'ready' && (
        <Suspense fallback={null}>
          <ReadinessPanel readiness={readiness.value} />
        </Suspense>
      )}
      <ProblemsPanel problems={library.problems} />
    </>
  );
}

/** Every other kind of problem that has runbooks, one click from home. */
function MoreSituations({ library }: { library: RunbookLibrary }) {
  const onHome = new Set<string>(ENTRY_POINTS.map((entry) => entry.category));
  const more = (Object.keys(CATEGORIES) as Category[]).filter(
    (category) =>
      !onHome.has(category) && library.runbooks.some((runbook) => runbook.category === category),
  );
  if (more.length === 0) return null;
  return (
    <section aria-labelledby="more-title">
      <h2 id="more-title">Something else?</h2>
      <ul className="more-situations">
        {more.map((category) => (
          <li key={category}>
            <a href={href.situation(category)}>{CATEGORIES[category]}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
