import type { Handlers } from '../../contract/contract';
import { ok } from '../../contract/result';
import type { SystemsRegisterService } from './systemsRegister';

/** The `systems.*` calls over the systems register; input is already checked by `dispatch`. */
export function systemsHandlers(
  systems: SystemsRegisterService,
): Pick<Handlers, 'systems.list' | 'systems.save' | 'systems.delete' | 'systems.add'> {
  return {
    'systems.list': async () => ok(systems.list()),
    'systems.save': async (record) => systems.save(record),
    'systems.delete': async ({ system }) => systems.delete(system),
    'systems.add': async ({ label }) => systems.add(label),
  };
}
