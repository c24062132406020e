import { useEffect, useState } from 'react';
import { exerciseProjectorRoute } from '../main/contract/routes';
import { parseRoute, type IncidentTab, type Route } from './routes';

// The parsing lives apart from React so the small entry (main.ts) can read the route early.
export { INCIDENT_TABS, parseRoute, type IncidentTab, type Route } from './routes';

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

export const href = {
  home: '#/',
  all: '#/all',
  notSure: '#/not-sure',
  settings: '#/settings',
  incidents: '#/incidents',
  startIncident: (runbook?: string) =>
    runbook ? `#/incidents/new/${encodeURIComponent(runbook)}` : '#/incidents/new',
  incident: (id: string, tab: IncidentTab = 'steps') =>
    `#/incidents/${encodeURIComponent(id)}${tab === 'steps' ? '' : `/${tab}`}`,
  /** A step of a runbook in guided mode; without a step, that runbook's first step still to do. */
  incidentStep: (id: string, runbook: string, step?: string) =>
    `#/incidents/${encodeURIComponent(id)}/steps/${encodeURIComponent(runbook)}${step ? `/${encodeURIComponent(step)}` : ''}`,
  incidentDocument: (id: string, kind: 'report' | 'handover') =>
    `#/incidents/${encodeURIComponent(id)}/print/${kind}`,
  exercises: '#/exercises',
  exercise: (id: string) => `#/exercises/${encodeURIComponent(id)}`,
  projector: exerciseProjectorRoute,
  exerciseReport: (id: string) => `#/exercises/${encodeURIComponent(id)}/report`,
  injectCards: (scenario: string) => `#/exercises/cards/${encodeURIComponent(scenario)}`,
  newScenario: '#/exercises/new-scenario',
  editScenario: (id: string) => `#/exercises/edit-scenario/${encodeURIComponent(id)}`,
  contacts: (role?: string) => (role ? `#/contacts/${encodeURIComponent(role)}` : '#/contacts'),
  systems: (system?: string) => (system ? `#/systems/${encodeURIComponent(system)}` : '#/systems'),
  grabBag: '#/grab-bag',
  editRunbook: (id: string) => `#/edit/${encodeURIComponent(id)}`,
  /** A new runbook: from the template, or a copy of `from`. */
  runbookPacks: '#/runbook-packs',
  newRunbook: (from?: string) =>
    from ? `#/new-runbook/${encodeURIComponent(from)}` : '#/new-runbook',
  situation: (category: string) => `#/situations/${encodeURIComponent(category)}`,
  runbook: (id: string, stepId?: string) =>
    `#/runbooks/${encodeURIComponent(id)}${stepId ? `/${encodeURIComponent(stepId)}` : ''}`,
};
