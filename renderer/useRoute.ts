import { useEffect, useState } from 'react';
import { exerciseProjectorRoute } from '../main/contract/routes';
import { askBeforeUnload, mayLeaveFor } from './lib/leaveGuard';
import { parseRoute, type IncidentTab, type Route, type SettingsSection } from './routes';

// The parsing lives apart from React so the small entry (main.ts) can read the route early.
export {
  INCIDENT_TABS,
  parseRoute,
  SETTINGS_SECTIONS,
  type IncidentTab,
  type Route,
  type SettingsSection,
} from './routes';

/**
 * The screen the address names. Every move between screens passes the leave guard first: a link
 * is held before it changes the address; a move that changed it already (the back button, a typed
 * address, the menu) is put back until the person has answered.
 */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    let shown = window.location.href;
    const update = (): void => {
      if (window.location.href === shown) return;
      if (!mayLeaveFor(window.location.hash)) {
        // Put the address back without a new history entry; the question decides what next.
        window.history.replaceState(window.history.state, '', shown);
        return;
      }
      shown = window.location.href;
      setRoute(parseRoute(window.location.hash));
    };
    const holdLink = (event: MouseEvent): void => {
      if (event.defaultPrevented || event.button !== 0) return;
      const link = (event.target as Element | null)?.closest?.('a[href^="#/"]');
      const target = link?.getAttribute('href');
      if (!target || target === window.location.hash) return;
      if (!mayLeaveFor(target)) event.preventDefault();
    };
    window.addEventListener('hashchange', update);
    document.addEventListener('click', holdLink, true);
    const stopAsking = askBeforeUnload();
    return () => {
      window.removeEventListener('hashchange', update);
      document.removeEventListener('click', holdLink, true);
      stopAsking();
    };
  }, []);
  return route;
}

export const href = {
  home: '#/',
  all: '#/all',
  notSure: '#/not-sure',
  settings: '#/settings',
  /** Settings opened at one part, its heading focused. */
  settingsSection: (section: SettingsSection) => `#/settings/${section}`,
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
  /** The whole "Getting ready" checklist, to read and print. */
  readiness: '#/readiness',
  /** Evidence for an assessor: the plan, exercises and incidents of a period, to print or save. */
  evidence: '#/evidence',
  editRunbook: (id: string) => `#/edit/${encodeURIComponent(id)}`,
  /** A file in the runbooks folder that could not be loaded, opened in the editor to fix. */
  fixRunbook: (file: string) => `#/fix/${encodeURIComponent(file)}`,
  /** A new runbook: from the template, or a copy of `from`. */
  runbookPacks: '#/runbook-packs',
  /** A plan written elsewhere (a file or pasted text), turned into a draft runbook. */
  importPlan: '#/import-plan',
  newRunbook: (from?: string) =>
    from ? `#/new-runbook/${encodeURIComponent(from)}` : '#/new-runbook',
  situation: (category: string) => `#/situations/${encodeURIComponent(category)}`,
  runbook: (id: string, stepId?: string) =>
    `#/runbooks/${encodeURIComponent(id)}${stepId ? `/${encodeURIComponent(stepId)}` : ''}`,
};
