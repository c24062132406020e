import { checkCodeFooter } from '../incidents/incidentsHandlers';
import type { Handlers } from '../../contract/contract';
import { fail, ok } from '../../contract/result';
import { exerciseProjectorRoute } from '../../contract/routes';
import type { Runbook } from '../../contract/types';
import { isolatedText } from '../../shared/documentText';
import { shownText } from '../lib/shownText';
import { contactDisplay, renderMarkdown } from '../../shared/markdown';
import { contactMarkdown } from '../incidents/reports/markdownText';
import type { NationalContact } from '../contacts/nationalContacts';
import type { ContactRef } from '../../contract/types';
import type { CoreOptions } from '../hostTypes';
import type { DeviceIdentity } from '../evidence/evidenceChain';
import { openIncidentStore } from '../evidence/logStore';
import { afterActionReport, injectCards } from './exerciseDocuments';
import { projectorScreen } from './exerciseView';
import { createExerciseService } from './exerciseService';
import type { BundledContentGuard } from '../runbooks/bundledManifest';
import { loadScenarios, scenariosDir, type ScenarioLibraryState } from './scenarioLibrary';

type ExerciseCalls = Pick<
  Handlers,
  | 'exercises.scenarios'
  | 'exercises.scenario'
  | 'exercises.cards'
  | 'exercises.list'
  | 'exercises.create'
  | 'exercises.get'
  | 'exercises.record'
  | 'exercises.report'
  | 'exercises.exportFiles'
  | 'exercises.openProjector'
  | 'exercises.projector'
>;

export interface ExerciseDeps {
  options: CoreOptions;
  /** `<dataDir>/exercises/runs`: one folder per exercise, apart from every incident. */
  runsDir: string;
  /** `<dataDir>/scenarios`: the provider's own scenarios, beside their own runbooks. */
  userScenariosDir: string;
  quarantineDir: string;
  now: () => Date;
  readOnlyReason: string | null;
  /** The computer every new entry is recorded on. */
  device: DeviceIdentity | undefined;
  runbooks: () => ReadonlyMap<string, Runbook>;
  national: () => Map<string, NationalContact>;
  /** Roles the provider added to their contacts. */
  ownRoles: () => ReadonlySet<string>;
  contactRef: (role: string) => ContactRef;
  organisation: () => string;
  /** Checks each bundled scenario against the manifest of what came with Holdfast. */
  guard?: BundledContentGuard;
}

/**
 * The exercise calls over their own store. Scenarios are loaded with the runbooks (and again on
 * `reload`), so a scenario naming a runbook that has gone is reported and left out.
 */
export async function createExerciseHandlers(deps: ExerciseDeps): Promise<{
  handlers: ExerciseCalls;
  reload: () => Promise<void>;
  scenarios: () => ScenarioLibraryState;
  close: () => Promise<void>;
}> {
  const { options, now } = deps;
  let library: ScenarioLibraryState = { scenarios: new Map(), problems: [] };
  const reload = async (): Promise<void> => {
    library = await loadScenarios({
      folders: [
        {
          dir: scenariosDir(options.bundledRunbooksDir),
          label: 'runbooks/scenarios',
          source: 'bundled',
        },
        { dir: deps.userScenariosDir, label: 'scenarios', source: 'user' },
      ],
      runbooks: deps.runbooks(),
      national: deps.national(),
      ownRoles: deps.ownRoles(),
      ...(deps.guard
        ? {
            accept: (name: string, bytes: Uint8Array) =>
              deps.guard!.accept(`scenarios/${name}`, bytes),
          }
        : {}),
    });
  };
  await reload();

  const exercises = createExerciseService({
    store: openIncidentStore({
      dirs: { real: deps.runsDir, exercise: deps.runsDir },
      quarantineDir: deps.quarantineDir,
      now,
      readOnlyReason: deps.readOnlyReason,
      noun: 'exercise',
      device: deps.device,
    }),
    now,
    scenarios: () => library,
    render: () => ({
      env: { resolveContact: (role) => contactDisplay(deps.contactRef(role)) },
      runbookTitle: (id) => deps.runbooks().get(id)?.title ?? id,
    }),
    ...(options.log ? { log: options.log } : {}),
  });
  const date = (): string => now().toISOString().slice(0, 10);

  const handlers: ExerciseCalls = {
    'exercises.scenarios': async () => ok(exercises.scenarios()),
    'exercises.scenario': async ({ id }) => exercises.scenario(id),
    'exercises.cards': async ({ scenario }) => {
      const parsed = exercises.parsedScenario(scenario);
      if (!parsed) return fail('NOT_FOUND', `There is no scenario with the id "${scenario}".`);
      const markdown = injectCards(parsed, {
        contact: (role) => contactMarkdown(contactDisplay(deps.contactRef(role))),
        runbook: (id) => deps.runbooks().get(id)?.title ?? id,
      });
      const env = { resolveContact: (role: string) => contactDisplay(deps.contactRef(role)) };
      return ok({
        title: `Inject cards: ${isolatedText(parsed.meta.title)}`,
        filename: `holdfast-exercise-inject-cards-${scenario}.md`,
        markdown,
        html: renderMarkdown(markdown, env),
      });
    },
    'exercises.list': async () => shownText(ok(await exercises.list())),
    'exercises.create': async (input) => shownText(await exercises.create(input)),
    'exercises.get': async ({ id }) => shownText(await exercises.get(id)),
    'exercises.record': async (input) => shownText(await exercises.record(input)),
    'exercises.report': async ({ id }) => {
      const view = await exercises.get(id);
      if (!view.ok) return view;
      const markdown = afterActionReport(view.value, deps.organisation());
      const title = `After-action report: ${isolatedText(view.value.title)}`;
      return ok({
        title,
        filename: `holdfast-exercise-after-action-report-${date()}-${id}.md`,
        markdown,
        html: renderMarkdown(markdown),
        pageFooter: checkCodeFooter(view.value.log, title),
      });
    },
    'exercises.exportFiles': async ({ id }) => exercises.exportFiles(id),
    'exercises.projector': async ({ id }) => {
      const view = await exercises.get(id);
      return view.ok ? shownText(ok(projectorScreen(view.value))) : view;
    },
    'exercises.openProjector': async ({ id }) => {
      const view = await exercises.get(id);
      if (!view.ok) return view;
      const route = exerciseProjectorRoute(id);
      return ok(
        options.openProjector
          ? await options.openProjector(route)
          : { opened: false, address: route },
      );
    },
  };
  return { handlers, reload, scenarios: () => library, close: () => exercises.close() };
}
