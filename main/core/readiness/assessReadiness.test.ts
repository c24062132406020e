import { describe, expect, it } from 'vitest';
import type { ExerciseSummary, FollowUpAction } from '../../contract/exerciseTypes';
import type { ReadinessCheck, ReadinessLine } from '../../contract/readinessTypes';
import type {
  ContactRole,
  NationalContactView,
  PackStatus,
  Settings,
  SystemEntry,
} from '../../contract/types';
import { assessReadiness, ITEMS_SHOWN, type ReadinessInputs } from './assessReadiness';

const NOW = new Date('2026-12-05T10:00:00Z');
const FINGERPRINT = { settings: 'a', contacts: 'b', systems: 'c', runbooks: 'd' };

function role(id: string, label: string, overrides: Partial<ContactRole> = {}): ContactRole {
  return {
    role: id,
    label,
    isCustom: false,
    status: 'current',
    contact: {
      role: id,
      name: 'Sam Jones',
      organisation: '',
      channels: [{ kind: 'mobile', value: '07700 900123', outOfBand: true }],
      hours: '',
      notes: '',
      lastVerified: '2026-06-01',
    },
    ...overrides,
  };
}

function national(name: string, checked: string | null, stale: boolean): NationalContactView {
  return {
    id: name.toLowerCase(),
    name,
    use: '',
    channels: [],
    hours: '',
    source: 'https://www.ncsc.gov.uk/',
    checked,
    pageDate: null,
    stale,
  };
}

function system(id: string, status: SystemEntry['status']): SystemEntry {
  return {
    system: id,
    label: id === 'emar' ? 'eMAR (medicines)' : 'Care records',
    isCustom: false,
    suggestedSupplierRole: null,
    record: null,
    status,
    isStale: false,
    supplier: null,
  };
}

function action(overrides: Partial<FollowUpAction>): FollowUpAction {
  return {
    number: 1,
    text: 'Print the pack',
    owner: 'Ali',
    due: '2027-01-10',
    status: 'open',
    ...overrides,
  };
}

function exercise(finishedAt: string | null, openActions: FollowUpAction[] = []): ExerciseSummary {
  return {
    id: 'ex-1',
    title: 'Ransomware at night',
    scenario: { id: 'night', title: 'Night', version: 1 },
    facilitator: 'Jo',
    status: finishedAt ? 'finished' : 'running',
    createdAt: '2026-10-01T09:00:00Z',
    startedAt: '2026-10-01T09:00:00Z',
    finishedAt,
    openActions,
  };
}

const SETTINGS: Settings = {
  organisationName: 'Rose House',
  providerType: 'care-home',
  pharmacyCqcRegistered: false,
  isolationInstruction: 'Unplug the blue cable; leave it on.',
  contractClocks: [],
};

const PRINTED: PackStatus = {
  version: 2,
  fingerprint: FINGERPRINT,
  lastPrinted: { at: '2026-11-20T10:00:00Z', version: 2, how: 'print', fingerprint: FINGERPRINT },
  changedSince: [],
};

/** Everything ready: each test changes one thing. */
function ready(overrides: Partial<ReadinessInputs> = {}): ReadinessInputs {
  return {
    now: NOW,
    settings: SETTINGS,
    directory: {
      roles: [role('it-supplier', 'IT supplier'), role('registered-manager', 'Registered manager')],
      national: [national('CSOC', '2026-12-04', false)],
    },
    criticalRoles: ['it-supplier', 'registered-manager'],
    runbooks: [{ id: 'ransomware', title: 'Ransomware', reviewed: '2026-12-04' }],
    exercises: [exercise('2026-10-01T11:00:00Z')],
    pack: PRINTED,
    lastBackupAt: '2026-11-30T09:00:00Z',
    systems: [system('care-records', 'recorded'), system('emar', 'not-used')],
    ...overrides,
  };
}

function line(inputs: ReadinessInputs, check: ReadinessCheck): ReadinessLine {
  const found = assessReadiness(inputs).find((entry) => entry.check === check);
  if (!found) throw new Error(`no line ${check}`);
  return found;
}

describe('assessReadiness', () => {
  it('lists every check once, in order, all ready for a provider who has done everything', () => {
    const lines = assessReadiness(ready());
    expect(lines.map((entry) => entry.check)).toEqual([
      'local-contacts',
      'national-contacts',
      'runbooks-reviewed',
      'exercise',
      'grab-bag',
      'backup',
      'systems',
      'isolation-instruction',
    ]);
    for (const entry of lines) {
      expect(entry.ready, entry.check).toBe(true);
      expect(entry.items).toEqual([]);
    }
  });

  describe('local contacts', () => {
    it('names a missing critical role first, with a link to fill it in', () => {
      const result = line(
        ready({
          directory: {
            roles: [
              role('insurer', 'Insurer incident line', { status: 'missing', contact: null }),
              role('it-supplier', 'IT supplier', { status: 'missing', contact: null }),
            ],
            national: [],
          },
        }),
        'local-contacts',
      );
      expect(result.ready).toBe(false);
      expect(result.summary).toBe('2 roles have no contact yet.');
      expect(result.items[0]).toEqual({
        text: 'IT supplier: not set yet. You need this one in the first 15 minutes.',
        link: { to: 'contacts', role: 'it-supplier' },
      });
      expect(result.items[1]?.text).toBe('Insurer incident line: not set yet');
    });

    it('says when a contact needed first can only be reached through your own systems', () => {
      const officeOnly = role('registered-manager', 'Registered manager');
      officeOnly.contact!.channels = [
        { kind: 'email', value: 'manager@rose.example', outOfBand: false },
      ];
      const result = line(
        ready({ directory: { roles: [officeOnly], national: [] } }),
        'local-contacts',
      );
      expect(result.ready).toBe(false);
      expect(result.summary).toBe(
        '1 contact you need first has no way to reach them when your systems are down.',
      );
      expect(result.items[0]?.link).toEqual({ to: 'contacts', role: 'registered-manager' });
    });

    it('says when a contact is due a check', () => {
      const result = line(
        ready({
          directory: {
            roles: [role('insurer', 'Insurer incident line', { status: 'stale' })],
            national: [],
          },
        }),
        'local-contacts',
      );
      expect(result.ready).toBe(false);
      expect(result.summary).toBe('1 contact is due a check.');
      expect(result.items[0]?.text).toBe(
        'Insurer incident line: last checked 1 June 2026, more than 12 months ago',
      );
    });

    it('names at most a handful, the roles needed first first, and counts the rest', () => {
      const roles = [
        ...Array.from({ length: ITEMS_SHOWN + 2 }, (_, index) =>
          role(`custom-${index}`, `Role ${index}`, { status: 'missing', contact: null }),
        ),
        role('it-supplier', 'IT supplier', { status: 'stale' }),
      ];
      const result = line(ready({ directory: { roles, national: [] } }), 'local-contacts');
      expect(result.items).toHaveLength(ITEMS_SHOWN);
      expect(result.more).toBe(3);
      expect(result.items[0]?.text).toBe(
        'IT supplier: last checked 1 June 2026, more than 12 months ago',
      );
      expect(result.summary).toBe(
        `${ITEMS_SHOWN + 2} roles have no contact yet and 1 contact is due a check.`,
      );
    });

    it('says everything wrong with one contact in one item', () => {
      const both = role('it-supplier', 'IT supplier', { status: 'stale' });
      both.contact!.channels = [{ kind: 'phone', value: '01632 960123', outOfBand: false }];
      const result = line(ready({ directory: { roles: [both], national: [] } }), 'local-contacts');
      expect(result.items).toEqual([
        {
          text: 'IT supplier: last checked 1 June 2026, more than 12 months ago; no way marked to reach them when your own systems are down (a mobile, or a number that does not go through your office systems)',
          link: { to: 'contacts', role: 'it-supplier' },
        },
      ]);
    });
  });

  it('national contacts: names those last checked over 12 months ago', () => {
    const result = line(
      ready({
        directory: {
          roles: [],
          national: [national('ICO', '2025-10-01', true), national('CSOC', '2026-12-04', false)],
        },
      }),
      'national-contacts',
    );
    expect(result.ready).toBe(false);
    expect(result.items).toEqual([{ text: 'ICO: last checked 1 October 2025' }]);
    expect(result.summary).toMatch(/^1 national contact was last checked more than 12 months ago/);
  });

  it('runbooks: names those not reviewed in 12 months, each with its editor', () => {
    const result = line(
      ready({
        runbooks: [
          { id: 'ransomware', title: 'Ransomware', reviewed: '2025-11-01' },
          { id: 'power-cut', title: 'Power cut', reviewed: '2026-12-04' },
        ],
      }),
      'runbooks-reviewed',
    );
    expect(result.ready).toBe(false);
    expect(result.items).toEqual([
      {
        text: 'Ransomware: last reviewed 1 November 2025',
        link: { to: 'runbook-editor', runbook: 'ransomware' },
      },
    ]);
  });

  describe('exercises', () => {
    it('says when none has been held', () => {
      const result = line(ready({ exercises: [] }), 'exercise');
      expect(result.ready).toBe(false);
      expect(result.summary).toMatch(/^No exercise has been held yet\./);
      expect(result.fix.words).toBe('Run an exercise');
    });

    it('says when the last one was more than 12 months ago', () => {
      const result = line(ready({ exercises: [exercise('2025-09-01T10:00:00Z')] }), 'exercise');
      expect(result.ready).toBe(false);
      expect(result.summary).toContain('That is more than 12 months ago.');
    });

    it('is ready with open actions not yet due, and lists them', () => {
      const result = line(
        ready({ exercises: [exercise('2026-10-01T11:00:00Z', [action({})])] }),
        'exercise',
      );
      expect(result.ready).toBe(true);
      expect(result.summary).toContain('1 action from exercises is still open.');
      expect(result.items[0]?.text).toBe('Open (due 10 January 2027): Print the pack, owner Ali');
    });

    it('is not ready with an overdue action, named first', () => {
      const result = line(
        ready({
          exercises: [
            exercise('2026-10-01T11:00:00Z', [
              action({}),
              action({ number: 2, text: 'Fill in contacts', due: '2026-11-01' }),
            ]),
          ],
        }),
        'exercise',
      );
      expect(result.ready).toBe(false);
      expect(result.summary).toContain('2 actions from exercises are still open, 1 overdue.');
      expect(result.items[0]).toEqual({
        text: 'Overdue (was due 1 November 2026): Fill in contacts, owner Ali',
        link: { to: 'exercises', exercise: 'ex-1' },
      });
    });
  });

  describe('grab-bag pack', () => {
    it('says when it has never been printed', () => {
      const result = line(ready({ pack: { ...PRINTED, lastPrinted: null } }), 'grab-bag');
      expect(result.ready).toBe(false);
      expect(result.fix.words).toBe('Print the grab-bag pack');
    });

    it('names what changed since it was printed', () => {
      const result = line(
        ready({ pack: { ...PRINTED, changedSince: ['contacts', 'systems'] } }),
        'grab-bag',
      );
      expect(result.ready).toBe(false);
      expect(result.summary).toBe(
        'The printed pack (version 2, printed 20 November 2026) is out of date: contacts and systems changed since.',
      );
    });
  });

  describe('backup', () => {
    it('says when none has been made', () => {
      const result = line(ready({ lastBackupAt: null }), 'backup');
      expect(result.ready).toBe(false);
      expect(result.summary).toMatch(/^No backup of Holdfast has been made on this computer/);
    });

    it('says its age in days, and asks for a new one after 30 days', () => {
      expect(line(ready(), 'backup').summary).toBe(
        'The last backup was made 5 days ago (30 November 2026).',
      );
      const old = line(ready({ lastBackupAt: '2026-10-01T09:00:00Z' }), 'backup');
      expect(old.ready).toBe(false);
      expect(old.summary).toBe(
        'The last backup was made 65 days ago (1 October 2026). Make a new one: it is more than 30 days old.',
      );
    });
  });

  it('systems: names those in use with no paper location', () => {
    const result = line(
      ready({ systems: [system('care-records', 'no-paper-location'), system('emar', 'missing')] }),
      'systems',
    );
    expect(result.ready).toBe(false);
    expect(result.items.map((item) => item.text)).toEqual([
      'Care records: where the paper copy is kept is not recorded',
      'eMAR (medicines): nothing recorded yet',
    ]);
  });

  it("isolation: says what the steps do until the IT supplier's instruction is recorded", () => {
    const result = line(
      ready({ settings: { ...SETTINGS, isolationInstruction: '  ' } }),
      'isolation-instruction',
    );
    expect(result.ready).toBe(false);
    expect(result.summary).toContain('take it off the network and leave it switched on');
    expect(result.fix.link).toEqual({ to: 'settings', section: 'isolation' });
  });
});
