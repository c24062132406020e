import { dispatch } from '../../../contract/dispatch';
import {
  hasInvisible,
  INVISIBLE_CHARACTERS,
  stripInvisible,
} from '../../../contract/invisibleText';
import type { Result } from '../../../contract/result';
import type { Core } from '../../createCore';
import { createRng, type Rng } from '../../__fixtures__/prng';
import { buildPack } from '../../packs/runbookPack';
import { runbookSource, SIMPLE_BODY } from '../../runbooks/__fixtures__/runbookSource';

/**
 * Bidi controls and invisible characters sent through every contact, system and settings field
 * and every import path (CSV, vCard, a pack's contacts) of a running core: each must be refused
 * (numbers and addresses, naming the field) or removed (free text), and nothing stored holds one.
 * Shared by the test (`npm test` and the reliability tier) and `npm run soak`.
 */
export interface HiddenCharacterFigures {
  inputs: number;
  refused: number;
  removed: number;
  /** Field and path pairs reached. */
  pairs: number;
  /** Checks that failed; the first 20 are described in `problems`. */
  failures: number;
  problems: string[];
}

/** 7 contact fields × 4 paths (save, CSV, vCard, a pack), plus 9 system and settings fields. */
export const FIELD_PATH_PAIRS = 7 * 4 + 9;

/** How a trial reaches the core, and where it notes what went wrong. */
interface Probe {
  call: (name: string, input: unknown) => Promise<Result<unknown>>;
  check: (passed: boolean, problem: string) => void;
}

/** Puts `char` at the start, the middle or the end of `text` (trimming must not hide it). */
function plant(rng: Rng, text: string, char: string): string {
  const at = rng.pick([0, Math.floor(text.length / 2), text.length]);
  return text.slice(0, at) + char + text.slice(at);
}

type Outcome = 'refused' | 'removed';
type ContactField = 'name' | 'organisation' | 'hours' | 'notes' | 'phone' | 'email' | 'other';
const CONTACT_FIELDS: Record<ContactField, { plain: string; outcome: Outcome; column: string }> = {
  name: { plain: 'Sam Patel', outcome: 'removed', column: 'name' },
  organisation: { plain: 'Acme IT', outcome: 'removed', column: 'organisation' },
  hours: { plain: '9 to 5', outcome: 'removed', column: 'hours' },
  notes: { plain: 'Ask for the on call team', outcome: 'removed', column: 'notes' },
  phone: { plain: '0300 999 1111', outcome: 'refused', column: 'phone' },
  email: { plain: 'help@acme.example', outcome: 'refused', column: 'email' },
  other: { plain: 'Radio channel 4', outcome: 'refused', column: 'other' },
};

const csvOf = (v: Record<ContactField, string>): string =>
  'role,name,organisation,phone,email,other,hours,notes,last_verified\n' +
  `it-supplier,${v.name},${v.organisation},${v.phone},${v.email},${v.other},${v.hours},${v.notes},2026-01-10\n`;

const vcardOf = (v: Record<ContactField, string>): string =>
  [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `FN:${v.name}`,
    `ORG:${v.organisation}`,
    `TEL:${v.phone}`,
    `EMAIL:${v.email}`,
    `X-HOLDFAST-OTHER:${v.other}`,
    `NOTE:${v.notes}`,
    'X-HOLDFAST-ROLE:it-supplier',
    `X-HOLDFAST-HOURS:${v.hours}`,
    'X-HOLDFAST-LAST-VERIFIED:2026-01-10',
    'END:VCARD',
    '',
  ].join('\r\n');

const contactOf = (v: Record<ContactField, string>) => ({
  role: 'it-supplier',
  name: v.name,
  organisation: v.organisation,
  channels: [
    { kind: 'phone', value: v.phone, outOfBand: true },
    { kind: 'email', value: v.email, outOfBand: false },
    { kind: 'other', value: v.other, outOfBand: false, note: v.notes.slice(0, 20) },
  ],
  hours: v.hours,
  notes: v.notes,
  lastVerified: '2026-01-10',
});

const OWN_RUNBOOK = new TextEncoder().encode(runbookSource({ id: 'our-own', body: SIMPLE_BODY }));

async function storedContact(call: Probe['call']): Promise<unknown> {
  const listed = await call('contacts.list', {});
  if (!listed.ok) throw new Error(listed.error.message);
  const { roles } = listed.value as { roles: Array<{ role: string; contact: unknown }> };
  return roles.find((entry) => entry.role === 'it-supplier')?.contact ?? null;
}

/** One contact field through one path: the stored contact is clean and, when removed, otherwise as typed. */
async function contactTrial(
  { call, check }: Probe,
  rng: Rng,
  char: string,
  path: 'save' | 'csv' | 'vcard' | 'pack',
  field: ContactField,
): Promise<{ outcome: Outcome }> {
  await call('contacts.delete', { role: 'it-supplier' });
  const values = Object.fromEntries(
    Object.entries(CONTACT_FIELDS).map(([key, { plain }]) => [key, plain]),
  ) as Record<ContactField, string>;
  values[field] = plant(rng, values[field], char);
  const result =
    path === 'save'
      ? await call('contacts.save', contactOf(values))
      : path === 'pack'
        ? await call('packs.import', {
            base64: Buffer.from(
              buildPack([{ name: 'our-own.md', bytes: OWN_RUNBOOK }], new Date(), csvOf(values)),
            ).toString('base64'),
            // A pack's contacts are imported only when the person ticks "Also import its contacts".
            includeContacts: true,
            acceptUnsigned: true,
          })
        : await call('contacts.import', {
            format: path === 'csv' ? 'csv' : 'vcard',
            text: path === 'csv' ? csvOf(values) : vcardOf(values),
          });
  const stored = await storedContact(call);
  const label = `${path} ${field} U+${char.charCodeAt(0).toString(16)}`;
  if (result.ok) {
    check(stored !== null, `${label}: accepted but nothing stored`);
    check(!hasInvisible(JSON.stringify(stored)), `${label}: stored with the character`);
    check(
      JSON.stringify(stored).includes(JSON.stringify(stripInvisible(values[field])).slice(1, -1)),
      `${label}: the rest of the value was not kept as typed`,
    );
    return { outcome: 'removed' };
  }
  // The refusal names the field: the form's field path, or the file's column.
  const names =
    path === 'save'
      ? /channels\.\d\.value: has a hidden character/
      : new RegExp(`${CONTACT_FIELDS[field].column}: has a hidden character`);
  check(
    result.error.code === 'INVALID_INPUT' && names.test(result.error.message),
    `${label}: refused with "${result.error.message}"`,
  );
  check(stored === null, `${label}: refused but something was stored`);
  return { outcome: 'refused' };
}

type OtherField =
  | 'roleLabel'
  | 'systemLabel'
  | 'fallback'
  | 'paperLocation'
  | 'systemNotes'
  | 'organisationName'
  | 'isolationInstruction'
  | 'clockLabel'
  | 'clockDuty';
const OTHER_FIELDS: OtherField[] = [
  'roleLabel',
  'systemLabel',
  'fallback',
  'paperLocation',
  'systemNotes',
  'organisationName',
  'isolationInstruction',
  'clockLabel',
  'clockDuty',
];

/** One free-text field outside contacts: saved with the character removed, and read back clean. */
async function otherTrial(
  { call, check }: Probe,
  rng: Rng,
  char: string,
  field: OtherField,
): Promise<Outcome> {
  const typed = plant(rng, 'Back office shelf 2', char);
  const label = `${field} U+${char.charCodeAt(0).toString(16)}`;
  let answer: Result<unknown>;
  switch (field) {
    case 'roleLabel':
      answer = await call('contacts.addRole', { label: typed });
      break;
    case 'systemLabel':
      answer = await call('systems.add', { label: typed });
      break;
    case 'fallback':
    case 'paperLocation':
    case 'systemNotes':
      answer = await call('systems.save', {
        system: 'emar',
        inUse: true,
        supplierRole: null,
        impact: 8,
        fallback: field === 'fallback' ? typed : '',
        paperLocation: field === 'paperLocation' ? typed : '',
        notes: field === 'systemNotes' ? typed : '',
        lastReviewed: '2026-01-10',
      });
      break;
    case 'organisationName':
    case 'isolationInstruction':
      answer = await call('settings.update', { [field]: typed });
      break;
    case 'clockLabel':
    case 'clockDuty':
      answer = await call('settings.update', {
        contractClocks: [
          {
            label: field === 'clockLabel' ? typed : 'Tell the council',
            hours: 24,
            duty: field === 'clockDuty' ? typed : '',
          },
        ],
      });
      break;
  }
  check(answer.ok, `${label}: refused`);
  const everything = JSON.stringify([
    answer,
    await call('contacts.list', {}),
    await call('systems.list', {}),
    await call('settings.get', {}),
  ]);
  check(!hasInvisible(everything), `${label}: stored with the character`);
  check(everything.includes('Back office shelf 2'), `${label}: the text was not kept`);
  return 'removed';
}

export async function hiddenCharacterTrials(options: {
  core: Core;
  inputs: number;
  seed: number;
}): Promise<HiddenCharacterFigures> {
  const problems: string[] = [];
  let failures = 0;
  const probe: Probe = {
    call: (name, input) => dispatch(options.core.handlers, name, input),
    check: (passed, problem) => {
      if (passed) return;
      failures += 1;
      if (problems.length < 20) problems.push(problem);
    },
  };
  const rng = createRng(options.seed);
  const counts = { refused: 0, removed: 0 };
  const seen = new Set<string>();
  for (let trial = 0; trial < options.inputs; trial += 1) {
    // Every character in turn, so each appears whatever the count.
    const char = INVISIBLE_CHARACTERS[trial % INVISIBLE_CHARACTERS.length] ?? '';
    const code = `U+${char.charCodeAt(0).toString(16).toUpperCase()}`;
    let outcome: Outcome;
    if (rng.chance(0.7)) {
      const path = rng.pick(['save', 'csv', 'vcard', 'pack'] as const);
      const field = rng.pick(Object.keys(CONTACT_FIELDS) as ContactField[]);
      const tried = await contactTrial(probe, rng, char, path, field);
      outcome = tried.outcome;
      // Every path treats a hidden character the same wherever it sits: import files trim spaces
      // from each cell but keep U+FEFF (white space to JavaScript), so it is refused there too.
      const expected = CONTACT_FIELDS[field].outcome;
      probe.check(
        outcome === expected,
        `${path} ${field} ${code}: ${outcome}, expected ${expected}`,
      );
      seen.add(`${path}:${field}`);
    } else {
      const field = rng.pick(OTHER_FIELDS);
      outcome = await otherTrial(probe, rng, char, field);
      seen.add(field);
    }
    counts[outcome] += 1;
  }
  return { inputs: options.inputs, ...counts, pairs: seen.size, failures, problems };
}

/** The figure line, the same in the test and the soak. */
export const describeHiddenCharacters = (figures: HiddenCharacterFigures): string =>
  `hidden characters: ${figures.inputs} inputs (${INVISIBLE_CHARACTERS.length} characters, ${figures.pairs} field and path pairs), ${figures.refused} refused, ${figures.removed} removed, ${figures.failures} failures`;
