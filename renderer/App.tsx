import { lazy, Suspense, useEffect, useRef } from 'react';
import { focusPageTitle } from './lib/focusPageTitle';
import { CATEGORIES, type Category } from '../main/contract/vocabulary';
import { describeError } from './errors';
import { HomeScreen } from './features/home/HomeScreen';
import { RunbookReader } from './features/reader/RunbookReader';
import { AppHeader } from './ui/AppHeader';
import { LeaveGuardDialog } from './ui/LeaveGuardDialog';
import { useReloadOnFocus } from './lib/useReloadOnFocus';
import { WhoIsRecordingDialog } from './ui/recordingAs/WhoIsRecordingDialog';
import { useCall } from './useCall';
import { useRoute } from './useRoute';

// Screens used before an incident load on demand, so the first screen in a crisis ships less code.
// The home screen, the reader and the search box stay in the first load: they are the crisis path.
const SituationScreen = lazy(() =>
  import('./features/library/SituationScreen').then((m) => ({ default: m.SituationScreen })),
);
const NotSureScreen = lazy(() =>
  import('./features/notSure/NotSureScreen').then((m) => ({ default: m.NotSureScreen })),
);
const ContactsScreen = lazy(() =>
  import('./features/contacts/ContactsScreen').then((m) => ({ default: m.ContactsScreen })),
);
const IncidentsScreen = lazy(() =>
  import('./features/incidents/IncidentsScreen').then((m) => ({ default: m.IncidentsScreen })),
);
const StartIncidentForm = lazy(() =>
  import('./features/incidents/StartIncidentForm').then((m) => ({ default: m.StartIncidentForm })),
);
const IncidentScreen = lazy(() =>
  import('./features/incidents/IncidentScreen').then((m) => ({ default: m.IncidentScreen })),
);
const IncidentDocumentView = lazy(() =>
  import('./features/incidents/IncidentDocumentView').then((m) => ({
    default: m.IncidentDocumentView,
  })),
);
const ExercisesScreen = lazy(() =>
  import('./features/exercises/ExercisesScreen').then((m) => ({ default: m.ExercisesScreen })),
);
const ExerciseConsole = lazy(() =>
  import('./features/exercises/ExerciseConsole').then((m) => ({ default: m.ExerciseConsole })),
);
const ProjectorView = lazy(() =>
  import('./features/exercises/ProjectorView').then((m) => ({ default: m.ProjectorView })),
);
const AfterActionReportView = lazy(() =>
  import('./features/exercises/ExerciseDocuments').then((m) => ({
    default: m.AfterActionReportView,
  })),
);
const InjectCardsView = lazy(() =>
  import('./features/exercises/ExerciseDocuments').then((m) => ({ default: m.InjectCardsView })),
);
// The scenario editor brings CodeMirror too, so it loads only when someone opens it.
const ScenarioEditorScreen = lazy(() =>
  import('./features/exercises/ScenarioEditorScreen').then((m) => ({
    default: m.ScenarioEditorScreen,
  })),
);
const SettingsScreen = lazy(() =>
  import('./features/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })),
);
const SystemsScreen = lazy(() =>
  import('./features/systems/SystemsScreen').then((m) => ({ default: m.SystemsScreen })),
);
// The editor brings CodeMirror, so it loads only when someone opens it.
const RunbookEditorScreen = lazy(() =>
  import('./features/authoring/RunbookEditorScreen').then((m) => ({
    default: m.RunbookEditorScreen,
  })),
);
const PacksScreen = lazy(() =>
  import('./features/authoring/PacksScreen').then((m) => ({ default: m.PacksScreen })),
);
const ReadinessScreen = lazy(() =>
  import('./features/readiness/ReadinessScreen').then((m) => ({ default: m.ReadinessScreen })),
);
const EvidenceScreen = lazy(() =>
  import('./features/assessor/EvidenceScreen').then((m) => ({ default: m.EvidenceScreen })),
);
const ImportPlanScreen = lazy(() =>
  import('./features/authoring/ImportPlanScreen').then((m) => ({ default: m.ImportPlanScreen })),
);
const GrabBagScreen = lazy(() =>
  import('./features/grabbag/GrabBagScreen').then((m) => ({ default: m.GrabBagScreen })),
);

/** The app frame: skip link, header with search, one screen per route, and notices. */
export function App() {
  const route = useRoute();
  const [library, retry, refreshLibrary] = useCall('runbooks.list', {});
  // Runbook files changed in another program show up when the user comes back to Holdfast.
  useReloadOnFocus(refreshLibrary);
  const [status] = useCall('app.status', {});

  // Moving between screens puts focus on the new title. The first screen keeps the browser's own
  // start, so Tab reaches the skip link first (its data may already be in on the first render).
  const isFirstRoute = useRef(true);
  useEffect(() => {
    if (isFirstRoute.current) {
      isFirstRoute.current = false;
      return;
    }
    // Settings opened at one part focuses that part's heading itself, once it has loaded.
    if (route.name === 'settings' && route.section) return;
    if (!['runbook', 'incident', 'exercise', 'exercise-projector'].includes(route.name))
      // The screen's code may still be on its way (each screen loads when first opened).
      return focusPageTitle();
    return undefined;
  }, [route]);

  let screen;
  // The reader fetches its own runbook, so it does not wait for the whole list.
  if (route.name === 'runbook')
    screen = <RunbookReader id={route.id} {...(route.stepId ? { stepId: route.stepId } : {})} />;
  else if (route.name === 'settings')
    screen = <SettingsScreen {...(route.section ? { section: route.section } : {})} />;
  else if (route.name === 'incidents') screen = <IncidentsScreen />;
  else if (route.name === 'start-incident')
    screen = <StartIncidentForm {...(route.runbook ? { runbook: route.runbook } : {})} />;
  else if (route.name === 'incident')
    screen = (
      <IncidentScreen
        key={route.id}
        id={route.id}
        tab={route.tab}
        {...(route.runbook ? { runbook: route.runbook } : {})}
        {...(route.step ? { step: route.step } : {})}
      />
    );
  else if (route.name === 'incident-document')
    screen = <IncidentDocumentView id={route.id} kind={route.kind} />;
  else if (route.name === 'exercises') screen = <ExercisesScreen />;
  else if (route.name === 'exercise') screen = <ExerciseConsole key={route.id} id={route.id} />;
  else if (route.name === 'exercise-projector')
    screen = <ProjectorView key={route.id} id={route.id} />;
  else if (route.name === 'exercise-report') screen = <AfterActionReportView id={route.id} />;
  else if (route.name === 'inject-cards') screen = <InjectCardsView scenario={route.scenario} />;
  else if (route.name === 'edit-scenario')
    screen = <ScenarioEditorScreen key={route.id ?? 'new'} id={route.id} />;
  else if (route.name === 'contacts')
    screen = <ContactsScreen {...(route.role ? { role: route.role } : {})} />;
  else if (route.name === 'systems')
    screen = <SystemsScreen {...(route.system ? { system: route.system } : {})} />;
  else if (route.name === 'grab-bag') screen = <GrabBagScreen />;
  else if (route.name === 'readiness') screen = <ReadinessScreen />;
  else if (route.name === 'evidence') screen = <EvidenceScreen />;
  else if (route.name === 'edit-runbook')
    screen = <RunbookEditorScreen key={route.id} id={route.id} />;
  else if (route.name === 'runbook-packs') screen = <PacksScreen />;
  else if (route.name === 'import-plan') screen = <ImportPlanScreen />;
  else if (route.name === 'fix-runbook')
    screen = <RunbookEditorScreen key={`fix-${route.file}`} id={null} refusedFile={route.file} />;
  else if (route.name === 'new-runbook')
    screen = (
      <RunbookEditorScreen
        key={`new-${route.from ?? ''}`}
        id={null}
        {...(route.from ? { from: route.from } : {})}
      />
    );
  else if (library.status === 'loading') screen = <p role="status">Loading runbooks…</p>;
  else if (library.status === 'failed') {
    screen = (
      <div role="alert">
        <h1 id="page-title" tabIndex={-1}>
          Runbooks could not be loaded
        </h1>
        <p>{describeError(library.error)}</p>
        <button type="button" onClick={retry}>
          Try again
        </button>
      </div>
    );
  } else if (route.name === 'not-sure') screen = <NotSureScreen library={library.value} />;
  else if (route.name === 'all')
    screen = <SituationScreen library={library.value} category="all" />;
  else if (route.name === 'situation' && route.category in CATEGORIES) {
    screen = <SituationScreen library={library.value} category={route.category as Category} />;
  } else screen = <HomeScreen library={library.value} />;

  // The projector is a screen for the room: the inject alone, no navigation.
  if (route.name === 'exercise-projector') {
    return (
      <main id="main" tabIndex={-1} className="projector-main" data-ready="true">
        <Suspense fallback={<p role="status">Opening…</p>}>{screen}</Suspense>
      </main>
    );
  }

  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to main content
      </a>
      <AppHeader />
      {status.status === 'ready' && status.value.notices.length > 0 && (
        <div className="notices" role="alert">
          {status.value.notices.map((notice, index) => (
            <p key={index}>{notice.message}</p>
          ))}
        </div>
      )}
      <main id="main" tabIndex={-1} data-ready={library.status !== 'loading' ? 'true' : 'false'}>
        <Suspense fallback={<p role="status">Opening…</p>}>{screen}</Suspense>
      </main>
      <footer className="app-footer">
        <p>Holdfast works without the internet. Nothing you type leaves this computer.</p>
      </footer>
      <WhoIsRecordingDialog />
      <LeaveGuardDialog />
    </>
  );
}
