import type { Handlers } from '../../contract/contract';
import { ok, type Result } from '../../contract/result';
import type { Readiness } from '../../contract/readinessTypes';
import type { Runbook } from '../../contract/types';
import type { BackupRecordService } from '../backup/backupRecord';
import { FIRST_RUNBOOK } from '../grabbag/grabBagHandlers';
import { runbooksInUse } from '../runbooks/library';
import { assessReadiness } from './assessReadiness';

/** The other domains' read calls the checklist is made from: it decides nothing they decide. */
type Reads = Pick<
  Handlers,
  'settings.get' | 'contacts.list' | 'exercises.list' | 'grabbag.status' | 'systems.list'
>;

export interface ReadinessSources {
  reads: Reads;
  runbooks: () => ReadonlyMap<string, Runbook>;
  backups: BackupRecordService;
  now: () => Date;
}

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** `readiness.get`: the home screen's "Getting ready" checklist, each line in words. */
export function readinessHandlers(sources: ReadinessSources): Pick<Handlers, 'readiness.get'> {
  return {
    'readiness.get': async () => {
      const { reads } = sources;
      const [settings, directory, exercises, pack, register] = await Promise.all([
        reads['settings.get']({}),
        reads['contacts.list']({}),
        reads['exercises.list']({}),
        reads['grabbag.status']({}),
        reads['systems.list']({}),
      ]);
      for (const result of [settings, directory, exercises, pack, register])
        if (!result.ok) return result;
      const now = sources.now();
      const providerType = valueOf(settings).providerType;
      const runbooks = runbooksInUse(sources.runbooks().values(), providerType);
      const first = sources.runbooks().get(FIRST_RUNBOOK);
      const localRoles = new Set(valueOf(directory).roles.map((entry) => entry.role));
      return ok<Readiness>({
        at: now.toISOString(),
        organisationName: valueOf(settings).organisationName,
        lines: assessReadiness({
          now,
          settings: valueOf(settings),
          directory: valueOf(directory),
          criticalRoles: (first?.contacts ?? [])
            .map((contact) => contact.role)
            .filter((role) => localRoles.has(role)),
          runbooks,
          exercises: valueOf(exercises),
          pack: valueOf(pack),
          lastBackupAt: sources.backups.lastMadeAt(),
          systems: valueOf(register).systems,
        }),
      });
    },
  };
}
