import { useEffect } from 'react';
import type { RunbookLibrary } from '../../../main/contract/types';
import { CATEGORIES, type Category } from '../../../main/contract/vocabulary';
import { href } from '../../useRoute';
import { DraftRunbooks } from './DraftRunbooks';
import { ProblemsPanel } from './ProblemsPanel';
import { RunbookList } from './RunbookList';
import { RefusedRunbooks } from '../authoring/RefusedRunbooks';
import { TrashedRunbooks } from '../authoring/TrashedRunbooks';

/** Runbooks for one kind of problem, or every runbook grouped by kind ("Not sure"). */
export function SituationScreen({
  library,
  category,
}: {
  library: RunbookLibrary;
  category: Category | 'all';
}) {
  // Loaded on demand, so the title can appear after the app's route change looked for it.
  useEffect(() => document.getElementById('page-title')?.focus(), []);
  if (category !== 'all') {
    return (
      <>
        <p>
          <a href={href.home}>← What's happening?</a>
        </p>
        <h1 id="page-title" tabIndex={-1}>
          {CATEGORIES[category]}
        </h1>
        <RunbookList runbooks={library.runbooks.filter((r) => r.category === category)} />
      </>
    );
  }
  const groups = (Object.keys(CATEGORIES) as Category[])
    .map((key) => ({ key, runbooks: library.runbooks.filter((r) => r.category === key) }))
    .filter((group) => group.runbooks.length > 0);
  return (
    <>
      <p>
        <a href={href.home}>← What's happening?</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        All runbooks
      </h1>
      <p className="lead">
        If you are not sure what is happening, start with the guide for any incident, or the closest
        match below.
      </p>
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`group-${group.key}`}>
          <h2 id={`group-${group.key}`}>{CATEGORIES[group.key]}</h2>
          <RunbookList runbooks={group.runbooks} />
        </section>
      ))}
      <ProblemsPanel problems={library.problems} />
      <DraftRunbooks library={library} />
      <RefusedRunbooks />
      <p>
        <a href={href.newRunbook()}>Write a new runbook of your own</a>
      </p>
      <p>
        <a href={href.importPlan}>Import a plan you already have (Word, text or markdown)</a>
      </p>
      <p>
        <a href={href.runbookPacks}>Share runbooks: export or import a pack</a>
      </p>
      <TrashedRunbooks />
    </>
  );
}
