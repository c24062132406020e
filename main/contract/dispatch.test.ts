import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, type CallName } from './calls';
import type { Handlers } from './contract';
import { dispatch } from './dispatch';
import { ok } from './result';
import { INCIDENT_ID, VALID_INPUTS } from './__fixtures__/validInputs';

/** One spy per call that records its input; none of them should run for bad input. */
function spyHandlers() {
  const spies = Object.fromEntries(
    CALL_NAMES.map((name) => [name, vi.fn(async (_input: unknown) => ok(`${name} ran`))]),
  );
  return {
    spies: spies as Record<CallName, ReturnType<typeof vi.fn>>,
    handlers: spies as unknown as Handlers,
  };
}

const VALID = VALID_INPUTS;

const SYSTEM = VALID['systems.save'] as Record<string, unknown>;
const PRINTED = VALID['grabbag.markPrinted'] as {
  fingerprint: Record<string, string>;
  how: string;
};

const CONTACT = VALID['contacts.save'] as Record<string, unknown>;
const withChannel = (channel: Record<string, unknown>) => ({
  ...CONTACT,
  channels: [{ outOfBand: false, ...channel }],
});

const HUGE = 'x'.repeat(1_000_000);

/** `input` with an own `__proto__` key, as JSON.parse produces it from a request body. */
function withJsonProtoKey(input: unknown): unknown {
  const fields = JSON.stringify(input).slice(1, -1);
  return JSON.parse(`{"__proto__":{"isAdmin":true}${fields ? `,${fields}` : ''}}`);
}

/** Payloads no call accepts; JSON.parse is used where a transport would produce the value. */
const MALFORMED_FOR_EVERY_CALL: Array<[string, unknown]> = [
  ['an array', []],
  ['an array holding valid input', [{}]],
  ['a number', 42],
  ['NaN', Number.NaN],
  ['a string', 'ransomware'],
  ['a huge string', HUGE],
  ['true', true],
  ['an unknown key', { unexpected: 1 }],
  ['a __proto__ key from JSON', JSON.parse('{"__proto__": {"isAdmin": true}}')],
  ['a constructor.prototype key', { constructor: { prototype: { isAdmin: true } } }],
];

/** Per-call payloads with the right shape but wrong contents, plus valid input with an extra key. */
const MALFORMED_FOR: Record<CallName, Array<[string, unknown]>> = {
  'app.status': [],
  'runbooks.list': [],
  'runbooks.reload': [],
  'settings.get': [],
  'runbooks.source': [['a path as id', { id: '../../etc/passwd' }]],
  'runbooks.preview': [
    ['no text', {}],
    ['text over 512 KB', { text: 'x'.repeat(512 * 1024 + 1) }],
  ],
  'runbooks.save': [
    ['no id key', { text: 'x' }],
    ['a path as id', { id: '../x', text: 'x' }],
    ['text over 512 KB', { id: null, text: 'x'.repeat(512 * 1024 + 1) }],
    ['a huge message', { id: null, text: 'x', message: 'm'.repeat(501) }],
  ],
  'runbooks.importPreview': [
    ['neither a file nor text', { name: 'plan.md' }],
    ['both a file and text', { base64: 'UEsFBg==', text: 'x' }],
    ['a file over 5 MB', { base64: 'A'.repeat(7_000_004) }],
    ['an unknown mapping target', { text: 'x', mappings: { '{{X}}': 'contact:../x' } }],
    ['a path as id', { text: 'x', header: { id: '../x' } }],
  ],
  'runbooks.importDraft': [
    ['neither a file nor text', { name: 'plan.md' }],
    ['a file over 5 MB', { base64: 'A'.repeat(7_000_004) }],
    ['a header to change', { text: 'x', header: { id: 'x' } }],
  ],
  'runbooks.history': [['a path as id', { id: '..' }]],
  'runbooks.unsavedDraft': [['a path as id', { id: '../x' }]],
  'runbooks.keepDraft': [
    ['no text', { id: null }],
    ['text over 512 KB', { id: null, text: 'x'.repeat(512 * 1024 + 1) }],
  ],
  'runbooks.discardDraft': [['a path as id', { id: '../x' }]],
  'runbooks.refused': [],
  'runbooks.refusedSource': [
    ['a path as file', { file: '../../etc/passwd.md' }],
    ['a hidden file', { file: '.x.md' }],
    ['not a markdown file', { file: 'notes.txt' }],
  ],
  'scenarios.source': [['a path as id', { id: '../../etc/passwd' }]],
  'scenarios.check': [['no text', {}]],
  'scenarios.save': [
    ['no id key', { text: 'x' }],
    ['a path as id', { id: '../x', text: 'x' }],
  ],
  'scenarios.history': [['a path as id', { id: '..' }]],
  'scenarios.diff': [['a path as id', { id: '../x', from: 1, to: 2 }]],
  'scenarios.restore': [['no revision', { id: 'lost-tablet' }]],
  'scenarios.resetToBundled': [['a path as id', { id: '../x' }]],
  'scenarios.trash': [['a path as id', { id: '../x' }]],
  'runbooks.revision': [
    ['revision 0', { id: 'ransomware', seq: 0 }],
    ['a fractional revision', { id: 'ransomware', seq: 1.5 }],
    ['a revision as text', { id: 'ransomware', seq: '1' }],
  ],
  'runbooks.trashed': [],
  'runbooks.diff': [['no "to"', { id: 'ransomware', from: 1 }]],
  'runbooks.restore': [['a negative revision', { id: 'ransomware', seq: -1 }]],
  'runbooks.resetToBundled': [['a path as id', { id: '/etc' }]],
  'runbooks.trash': [['an absolute path as id', { id: '/home/x.md' }]],
  'runbooks.publish': [['a path as id', { id: '../x' }]],
  'packs.export': [['no choice about contacts', {}]],
  'backup.export': [
    ['no passphrase', {}],
    ["a passphrase too short to protect residents' data", { passphrase: 'short' }],
  ],
  'app.diagnostics': [],
  'backup.check': [
    ['no file', { passphrase: null }],
    ['text that is not base64', { base64: 'not base64!', passphrase: null }],
  ],
  'backup.restore': [['no passphrase field', { base64: 'AAAA' }]],
  'packs.previewImport': [
    ['no file', {}],
    ['text that is not base64', { base64: 'not base64!' }],
  ],
  'packs.import': [['a pack over 6 MB', { base64: 'A'.repeat(8_400_004) }]],
  'runbooks.get': [
    ['no id', {}],
    ['a numeric id', { id: 5 }],
    ['a null id', { id: null }],
    ['an id in an array', { id: ['ransomware'] }],
    ['a path as id', { id: '../../etc/passwd' }],
    ['an id with capitals', { id: 'Ransomware' }],
    ['a huge id', { id: HUGE }],
  ],
  'runbooks.search': [
    ['no query', {}],
    ['a numeric query', { query: 5 }],
    ['a query over 200 characters', { query: 'a'.repeat(201) }],
    ['a huge query', { query: HUGE }],
    ['limit 0', { query: 'x', limit: 0 }],
    ['limit 51', { query: 'x', limit: 51 }],
    ['a fractional limit', { query: 'x', limit: 1.5 }],
    ['a limit as text', { query: 'x', limit: '5' }],
  ],
  'runbooks.searchIndex': [
    ['a numeric revision', { known: 5 }],
    ['a huge revision', { known: HUGE }],
  ],
  'settings.update': [
    ['a numeric name', { organisationName: 5 }],
    ['a name over 120 characters', { organisationName: 'a'.repeat(121) }],
    ['a huge name', { organisationName: HUGE }],
    ['an unknown provider type', { providerType: 'hospital' }],
    ['a provider type in an array', { providerType: ['gp'] }],
  ],
  'contacts.list': [],
  'incidents.list': [],
  'incidents.start': [
    ['no lead', { name: 'x', author: 'Jo' }],
    ['an empty name', { name: '  ', lead: 'Ann', author: 'Jo' }],
    ['a huge name', { name: HUGE, lead: 'Ann', author: 'Jo' }],
    [
      'an awareness time that is not a time',
      { name: 'x', lead: 'Ann', author: 'Jo', awareAt: 'yesterday' },
    ],
    ['a runbook path', { name: 'x', lead: 'Ann', author: 'Jo', runbook: '../secrets' }],
    ['exercise as text', { name: 'x', lead: 'Ann', author: 'Jo', exercise: 'yes' }],
    ['no one saying who is recording', { name: 'x', lead: 'Ann' }],
    ['a recorder of spaces', { name: 'x', lead: 'Ann', author: '   ' }],
    ["the app's own name as recorder", { name: 'x', lead: 'Ann', author: 'holdfast' }],
  ],
  'incidents.get': [
    ['a path as id', { id: '../../etc' }],
    ['a numeric id', { id: 5 }],
  ],
  'incidents.record': [
    ['no action', { id: INCIDENT_ID, author: 'Ann' }],
    ['no author', { id: INCIDENT_ID, action: { type: 'note', text: 'x' } }],
    ['an empty author', { id: INCIDENT_ID, author: '', action: { type: 'note', text: 'x' } }],
    [
      "the app's own name as author",
      { id: INCIDENT_ID, author: 'Holdfast', action: { type: 'note', text: 'x' } },
    ],
    ['an unknown action', { id: INCIDENT_ID, author: 'Ann', action: { type: 'delete', seq: 1 } }],
    [
      "can't do without a reason",
      {
        id: INCIDENT_ID,
        author: 'Ann',
        action: { type: 'step', runbook: 'ransomware', step: 'unplug', status: 'cant' },
      },
    ],
    [
      'a clock done without a reference',
      {
        id: INCIDENT_ID,
        author: 'Ann',
        action: { type: 'stopClock', clock: 'cqc-safe-care', outcome: 'done' },
      },
    ],
    ['a huge note', { id: INCIDENT_ID, author: 'Ann', action: { type: 'note', text: HUGE } }],
    [
      'recordedAt supplied by the caller',
      {
        id: INCIDENT_ID,
        author: 'Ann',
        recordedAt: '2020-01-01T00:00:00Z',
        action: { type: 'note', text: 'x' },
      },
    ],
    [
      'a hash supplied by the caller',
      { id: INCIDENT_ID, author: 'Ann', action: { type: 'note', text: 'x', hash: '0'.repeat(64) } },
    ],
    [
      'an unknown role',
      { id: INCIDENT_ID, author: 'Ann', action: { type: 'role', role: 'king', person: 'Bob' } },
    ],
    [
      'a decision with both text and option',
      {
        id: INCIDENT_ID,
        author: 'Ann',
        action: { type: 'decision', text: 'x', option: { runbook: 'a', step: 'b', index: 0 } },
      },
    ],
  ],
  'incidents.verify': [['no id', {}]],
  'incidents.exportFiles': [['a path as id', { id: '../settings' }]],
  'incidents.document': [['an unknown kind', { id: INCIDENT_ID, kind: 'pdf' }]],
  'incidents.drafts': [['an id with a slash', { id: '20260301-0215-a1b2c3/..' }]],
  'exercises.scenarios': [],
  'exercises.list': [],
  'exercises.scenario': [
    ['a path as id', { id: '../runbooks' }],
    ['no id', {}],
  ],
  'exercises.cards': [['a scenario path', { scenario: '../../etc/passwd' }]],
  'exercises.create': [
    ['no facilitator', { scenario: 'lost-tablet', author: 'Sam' }],
    ['a facilitator of spaces', { scenario: 'lost-tablet', facilitator: '   ', author: 'Sam' }],
    ['a scenario path', { scenario: '../x', facilitator: 'Ann', author: 'Sam' }],
    ['a huge title', { scenario: 'lost-tablet', facilitator: 'Ann', author: 'Sam', title: HUGE }],
    ['no one saying who is recording', { scenario: 'lost-tablet', facilitator: 'Ann' }],
  ],
  'exercises.get': [['a path as id', { id: '../../exercises' }]],
  'exercises.record': [
    ['an unknown action', { id: INCIDENT_ID, author: 'Ann', action: { type: 'delete' } }],
    [
      'a release with an unknown trigger',
      {
        id: INCIDENT_ID,
        author: 'Ann',
        action: { type: 'release', inject: 'app-down', trigger: 'auto' },
      },
    ],
    [
      'an inject path',
      { id: INCIDENT_ID, author: 'Ann', action: { type: 'note', inject: '../x', text: 'x' } },
    ],
    [
      'a huge decision',
      { id: INCIDENT_ID, author: 'Ann', action: { type: 'decision', text: HUGE } },
    ],
    [
      'an action without a due date',
      {
        id: INCIDENT_ID,
        author: 'Ann',
        action: { type: 'action', text: 'Print MAR sheets', owner: 'Bo' },
      },
    ],
    [
      'an action due "next week"',
      {
        id: INCIDENT_ID,
        author: 'Ann',
        action: { type: 'action', text: 'x', owner: 'Bo', due: 'next week' },
      },
    ],
    [
      'a release time supplied by the caller',
      {
        id: INCIDENT_ID,
        author: 'Ann',
        eventAt: '2020-01-01T00:00:00Z',
        action: { type: 'start' },
      },
    ],
  ],
  'exercises.report': [['a numeric id', { id: 7 }]],
  'exercises.exportFiles': [['no id', {}]],
  'exercises.openProjector': [['a url instead of an id', { id: 'https://example.com' }]],
  'exercises.projector': [['a path as id', { id: '../runs' }]],
  'contacts.export': [
    ['an unknown format', { format: 'xlsx' }],
    ['no format', {}],
  ],
  'contacts.previewImport': [
    ['no text', { format: 'csv' }],
    ['an unknown format', { format: 'json', text: '' }],
    ['text over 512 KB', { format: 'csv', text: 'a'.repeat(512 * 1024 + 1) }],
  ],
  'contacts.import': [
    ['a huge file', { format: 'vcard', text: HUGE }],
    ['rows instead of text', { format: 'csv', text: [['role', 'name']] }],
  ],
  'contacts.save': [
    ['an empty name', { ...CONTACT, name: '' }],
    ['a name of spaces', { ...CONTACT, name: '   ' }],
    ['a name over 120 characters', { ...CONTACT, name: 'a'.repeat(121) }],
    ['a huge name', { ...CONTACT, name: HUGE }],
    ['huge notes', { ...CONTACT, notes: HUGE }],
    ['no channels', { ...CONTACT, channels: [] }],
    [
      'eleven channels',
      {
        ...CONTACT,
        channels: Array.from({ length: 11 }, () => ({
          kind: 'phone',
          value: '0300 123 4567',
          outOfBand: false,
        })),
      },
    ],
    ['a phone with letters', withChannel({ kind: 'phone', value: '0800 CALL NOW' })],
    ['a phone with two digits', withChannel({ kind: 'phone', value: '99' })],
    ['a phone with 21 digits', withChannel({ kind: 'mobile', value: '1'.repeat(21) })],
    ['a phone as a link', withChannel({ kind: 'phone', value: 'tel:01632960123' })],
    ['an email without @', withChannel({ kind: 'email', value: 'it.acme.example' })],
    ['an email with a script', withChannel({ kind: 'email', value: '<script>@x.y' })],
    ['an unknown channel kind', withChannel({ kind: 'fax', value: '01632 960123' })],
    [
      'a channel without outOfBand',
      { ...CONTACT, channels: [{ kind: 'phone', value: '01632 960123' }] },
    ],
    ['a date that is not a date', { ...CONTACT, lastVerified: 'last week' }],
    ['a role that is a path', { ...CONTACT, role: '../settings' }],
  ],
  'contacts.delete': [
    ['no role', {}],
    ['a role with capitals', { role: 'IT' }],
  ],
  'contacts.addRole': [
    ['an empty label', { label: ' ' }],
    ['a label over 80 characters', { label: 'a'.repeat(81) }],
  ],
  'systems.list': [],
  'grabbag.get': [],
  'grabbag.status': [],
  'readiness.get': [],
  'assessor.document': [
    ['a first day that is not a date', { from: 'last year' }],
    ['a first day after the last', { from: '2026-12-01', to: '2026-11-01' }],
    ['an unknown field', { year: 2026 }],
  ],
  'assessor.files': [['a last day that is not a date', { to: '31/12/2026' }]],
  'systems.save': [
    ['an unknown system id with capitals', { ...SYSTEM, system: 'EMAR' }],
    ['a system id that is a path', { ...SYSTEM, system: '../contacts' }],
    ['impact 0', { ...SYSTEM, impact: 0 }],
    ['impact 11', { ...SYSTEM, impact: 11 }],
    ['a fractional impact', { ...SYSTEM, impact: 7.5 }],
    ['impact as text', { ...SYSTEM, impact: '9' }],
    ['no impact for a system in use', { ...SYSTEM, impact: null }],
    ['a huge paper location', { ...SYSTEM, paperLocation: HUGE }],
    ['a paper location over 300 characters', { ...SYSTEM, paperLocation: 'a'.repeat(301) }],
    ['a huge fallback', { ...SYSTEM, fallback: HUGE }],
    ['huge notes', { ...SYSTEM, notes: HUGE }],
    ['a supplier role that is a path', { ...SYSTEM, supplierRole: '../it' }],
    ['a date that is not a date', { ...SYSTEM, lastReviewed: 'spring' }],
    ['no inUse', { ...SYSTEM, inUse: undefined }],
  ],
  'systems.delete': [
    ['no system', {}],
    ['a system with capitals', { system: 'Email' }],
  ],
  'systems.add': [
    ['an empty label', { label: '' }],
    ['a label of spaces', { label: '   ' }],
    ['a label over 80 characters', { label: 'a'.repeat(81) }],
    ['a huge label', { label: HUGE }],
  ],
  'grabbag.markPrinted': [
    ['no fingerprint', { how: 'pdf' }],
    ['a short hash', { ...PRINTED, fingerprint: { ...PRINTED.fingerprint, contacts: 'abc' } }],
    [
      'a hash in capitals',
      { ...PRINTED, fingerprint: { ...PRINTED.fingerprint, systems: 'C'.repeat(64) } },
    ],
    [
      'a missing section',
      {
        ...PRINTED,
        fingerprint: {
          settings: 'a'.repeat(64),
          contacts: 'b'.repeat(64),
          systems: 'c'.repeat(64),
        },
      },
    ],
    [
      'an extra section',
      { ...PRINTED, fingerprint: { ...PRINTED.fingerprint, extra: 'e'.repeat(64) } },
    ],
    ['an unknown way of printing', { ...PRINTED, how: 'fax' }],
  ],
  'documents.savePdf': [
    ['no name', {}],
    ['an empty name', { suggestedName: ' ' }],
    ['a path', { suggestedName: '../../Startup/pack.pdf' }],
    ['a Windows path', { suggestedName: 'C:\\Users\\pack.pdf' }],
    ['a name with a control character', { suggestedName: 'pack\u0000.pdf' }],
    ['a hidden file name', { suggestedName: '.bashrc' }],
    ['a name over 120 characters', { suggestedName: `${'a'.repeat(121)}.pdf` }],
    ['a huge name', { suggestedName: HUGE }],
  ],
  'links.openExternal': [
    ['no url', {}],
    ['a numeric url', { url: 5 }],
    ['a null url', { url: null }],
    ['a url over 2048 characters', { url: `https://www.ncsc.gov.uk/${'a'.repeat(2048)}` }],
    ['a huge url', { url: HUGE }],
  ],
};

describe('dispatch', () => {
  it('explains a rejected contact in words the form can show', async () => {
    const { handlers } = spyHandlers();
    const bad = { ...withChannel({ kind: 'phone', value: '0800 CALL NOW' }), name: '' };
    const result = await dispatch(handlers, 'contacts.save', bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain('name: enter a name');
    expect(result.error.message).toContain(
      'channels.0.value: a phone number may use only digits, spaces, +, brackets and hyphens, with 3 to 20 digits',
    );
    const huge = await dispatch(handlers, 'contacts.save', { ...CONTACT, notes: HUGE });
    expect(!huge.ok && huge.error.message).toBe(
      'contacts.save: notes: must be 2000 characters or fewer',
    );
  });

  it.each([
    ['incidents.start', { name: 'Ransom note', lead: 'Ann Lee' }],
    ['incidents.record', { id: INCIDENT_ID, action: { type: 'note', text: 'Rang 111' } }],
    ['incidents.record', { id: INCIDENT_ID, author: ' ', action: { type: 'note', text: 'x' } }],
    ['exercises.create', { scenario: 'lost-tablet', facilitator: 'Ann Lee' }],
    ['exercises.record', { id: INCIDENT_ID, author: '', action: { type: 'start' } }],
  ] as const)(
    '%s without the person recording is refused in words, and nothing is written',
    async (name, input) => {
      const { spies, handlers } = spyHandlers();
      const result = await dispatch(handlers, name, input);
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: `${name}: author: say who is recording: every log entry names the person who typed it, never anyone else`,
        },
      });
      expect(spies[name]).not.toHaveBeenCalled();
    },
  );
  it.each(CALL_NAMES)('%s: passes valid input through to its handler', async (name) => {
    const { spies, handlers } = spyHandlers();
    expect(await dispatch(handlers, name, VALID[name])).toEqual({ ok: true, value: `${name} ran` });
    expect(spies[name]).toHaveBeenCalledOnce();
  });

  const cases = CALL_NAMES.flatMap((name) =>
    [
      ...MALFORMED_FOR_EVERY_CALL,
      ...MALFORMED_FOR[name],
      ['valid input plus an extra key', { ...(VALID[name] as object), extra: true }] as [
        string,
        unknown,
      ],
      ['valid input plus a __proto__ key from JSON', withJsonProtoKey(VALID[name])] as [
        string,
        unknown,
      ],
    ].map(([label, payload]) => [name, label, payload] as const),
  );

  it.each(cases)(
    '%s refuses %s with INVALID_INPUT, and no handler runs',
    async (name, _label, payload) => {
      const { spies, handlers } = spyHandlers();
      const result = await dispatch(handlers, name, payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      for (const spy of Object.values(spies)) expect(spy).not.toHaveBeenCalled();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    },
  );

  it('keeps the INVALID_INPUT message short even for a huge payload', async () => {
    const result = await dispatch(spyHandlers().handlers, 'runbooks.get', { id: HUGE });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result).length).toBeLessThan(1000);
  });

  it.each(
    CALL_NAMES.filter((name) =>
      [
        'app.status',
        'runbooks.list',
        'runbooks.reload',
        'settings.get',
        'settings.update',
      ].includes(name),
    ),
  )('%s refuses a null payload instead of treating it as no input', async (name) => {
    // dispatch does `rawInput ?? {}`, so null (a JSON body of "null") becomes {} and the
    // handler runs. Only `undefined` (no argument) should mean "no input".
    const { spies, handlers } = spyHandlers();
    expect(await dispatch(handlers, name, null)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(spies[name]).not.toHaveBeenCalled();
  });

  it('treats a missing payload as empty input for calls that take none', async () => {
    const { spies, handlers } = spyHandlers();
    expect(await dispatch(handlers, 'runbooks.list', undefined)).toEqual({
      ok: true,
      value: 'runbooks.list ran',
    });
    expect(spies['runbooks.list']).toHaveBeenCalledWith({});
  });

  it('hands the handler the parsed input, not the caller’s object', async () => {
    const { spies, handlers } = spyHandlers();
    await dispatch(handlers, 'settings.update', { organisationName: '  Rose Lodge  ' });
    expect(spies['settings.update']).toHaveBeenCalledWith({ organisationName: 'Rose Lodge' });
  });

  it.each([
    'runbooks.delete',
    'incidents.append',
    '__proto__',
    'constructor',
    'toString',
    '',
    'app.status ',
    'APP.STATUS',
  ])('answers UNKNOWN_CALL for %j without running anything', async (name) => {
    const { spies, handlers } = spyHandlers();
    expect(await dispatch(handlers, name, {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CALL' },
    });
    for (const spy of Object.values(spies)) expect(spy).not.toHaveBeenCalled();
  });

  it('does not echo a huge unknown call name back', async () => {
    const result = await dispatch(spyHandlers().handlers, `x${HUGE}`, {});
    expect(JSON.stringify(result).length).toBeLessThan(300);
  });

  it('turns a throwing handler into INTERNAL without leaking its message or stack', async () => {
    const { handlers } = spyHandlers();
    const secret = new Error(
      'EACCES: permission denied, open /home/manager/holdfast/settings.json',
    );
    handlers['runbooks.list'] = async () => {
      throw secret;
    };
    const logged: Array<[string, unknown]> = [];
    const result = await dispatch(handlers, 'runbooks.list', {}, (name, error) =>
      logged.push([name, error]),
    );

    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'Something went wrong inside Holdfast. Your saved work is safe; try again.',
      },
    });
    const text = JSON.stringify(result);
    expect(text).not.toContain('EACCES');
    expect(text).not.toContain('/home/manager');
    expect(text).not.toMatch(/\bat .*:\d+:\d+/);
    expect(logged).toEqual([['runbooks.list', secret]]);
  });

  it('treats a handler that rejects with something other than an Error the same way', async () => {
    const { handlers } = spyHandlers();
    // A third-party library might reject with a bare string; it must not reach the renderer either.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    handlers['runbooks.get'] = () => Promise.reject('a bare string with /secret/path');
    const result = await dispatch(handlers, 'runbooks.get', { id: 'ransomware' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('/secret/path');
  });
});
