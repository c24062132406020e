import { join } from 'node:path';
import Conf from 'conf';
import {
  openContactsDirectory,
  type ContactsDirectoryService,
} from '../../main/core/contacts/contactsDirectory';
import { openSettings, type SettingsService } from '../../main/core/settings/settings';

/** The contacts directory and settings of a data folder, opened as the app opens them. */
export async function openTrialStores(
  dataDir: string,
): Promise<{ contacts: ContactsDirectoryService; settings: SettingsService }> {
  const quarantineDir = join(dataDir, 'quarantine');
  const now = (): Date => new Date();
  const { contacts } = await openContactsDirectory({
    filePath: join(dataDir, 'contacts.json'),
    quarantineDir,
    national: () => [],
    now,
  });
  const { settings } = await openSettings({
    filePath: join(dataDir, 'settings.json'),
    quarantineDir,
    open: () => new Conf({ cwd: dataDir, configName: 'settings', projectName: 'holdfast' }),
    now,
  });
  return { contacts, settings };
}

/** Version n of the IT supplier contact: the name carries n, the notes grow and shrink. */
export const supplierVersion = (n: number) => ({
  role: 'it-supplier',
  name: `Alex Morgan ${n}`,
  organisation: 'Northgate IT Support',
  channels: [{ kind: 'phone' as const, value: '0161 496 0000', outOfBand: true }],
  hours: '24 hours',
  notes: `version ${n} ${'x'.repeat((n * 37) % 400)}`,
  lastVerified: '2026-11-01',
});

/** The version each store holds now (0 when it holds none). */
export function versionsIn(stores: {
  contacts: ContactsDirectoryService;
  settings: SettingsService;
}): { contacts: number; settings: number } {
  const supplier = stores.contacts
    .list()
    .roles.find((role) => role.role === 'it-supplier')?.contact;
  const number = (text: string | undefined): number => Number(/(\d+)$/.exec(text ?? '')?.[1] ?? 0);
  return {
    contacts: number(supplier?.name),
    settings: number(stores.settings.get().organisationName),
  };
}
