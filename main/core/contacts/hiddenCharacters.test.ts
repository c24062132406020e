import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dispatch } from '../../contract/dispatch';
import { hasInvisible, INVISIBLE_CHARACTERS, stripInvisible } from '../../contract/invisibleText';
import type { Result } from '../../contract/result';
import type { Core } from '../createCore';
import { createRng, type Rng } from '../__fixtures__/prng';
import { startTestCore } from '../__fixtures__/testCore';
import { trialCount } from '../__fixtures__/trialCounts';
import { buildPack } from '../packs/runbookPack';
import { runbookSource, SIMPLE_BODY } from '../runbooks/__fixtures__/runbookSource';

/**
 * Bidi controls and invisible characters sent through every contact, system and settings field
 * and every import path (CSV, vCard, a pack's contacts): each is refused (numbers and addresses)
 * or removed (free text), and nothing stored holds one.
 */

let dataDir: string;
let core: Core;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'holdfast-hidden-'));
  core = await startTestCore(dataDir);
});
afterAll(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

const call = (name: string, input: unknown): Promise<Result<unknown>> =>
  dispatch(core.handlers, name, input);

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

async function storedContact(): Promise<unknown> {
  const listed = await call('contacts.list', {});
  if (!listed.ok) throw new Error(listed.error.message);
  const { roles } = listed.value as { roles: Array<{ role: string; contact: unknown }> };
  return roles.find((entry) => entry.role === 'it-supplier')?.contact ?? null;
}

/** One contact field through one path: the stored contact is clean and, when removed, otherwise as typed. */
async function contactTrial(
  rng: Rng,
  char: string,
  path: 'save' | 'csv' | 'vcard' | 'pack',
  field: ContactField,
): Promise<{ outcome: Outcome; trimmedAway: boolean }> {
  await call('contacts.delete', { role: 'it-supplier' });
  const values = Object.fromEntries(
    Object.entries(CONTACT_FIELDS).map(([key, { plain }]) => [key, plain]),
  ) as Record<ContactField, string>;
  values[field] = plant(rng, values[field], char);
  // U+FEFF is white space to JavaScript: at either end it is trimmed away like a space.
  const trimmedAway = values[field].trim() === CONTACT_FIELDS[field].plain;
  const result =
    path === 'save'
      ? await call('contacts.save', contactOf(values))
      : path === 'pack'
        ? await call('packs.import', {
            base64: Buffer.from(
              buildPack([{ name: 'our-own.md', bytes: OWN_RUNBOOK }], new Date(), csvOf(values)),
            ).toString('base64'),
          })
        : await call('contacts.import', {
            format: path === 'csv' ? 'csv' : 'vcard',
            text: path === 'csv' ? csvOf(values) : vcardOf(values),
          });
  const stored = await storedContact();
  const label = `${path} ${field} U+${char.charCodeAt(0).toString(16)}`;
  if (result.ok) {
    expect(stored, label).not.toBeNull();
    expect(hasInvisible(JSON.stringify(stored)), label).toBe(false);
    const plainValues = { ...values, [field]: stripInvisible(values[field]) };
    expect(JSON.stringify(stored), label).toContain(
      JSON.stringify(plainValues[field]).slice(1, -1),
    );
    return { outcome: 'removed', trimmedAway };
  }
  expect(result.error.code, label).toBe('INVALID_INPUT');
  // The refusal names the field: the form's field path, or the file's column.
  expect(result.error.message, label).toMatch(
    path === 'save'
      ? /channels\.\d\.value: has a hidden character/
      : new RegExp(`${CONTACT_FIELDS[field].column}: has a hidden character`),
  );
  expect(stored, label).toBeNull();
  return { outcome: 'refused', trimmedAway };
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
async function otherTrial(rng: Rng, char: string, field: OtherField): Promise<Outcome> {
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
  expect(answer.ok, label).toBe(true);
  const everything = JSON.stringify([
    answer,
    await call('contacts.list', {}),
    await call('systems.list', {}),
    await call('settings.get', {}),
  ]);
  expect(hasInvisible(everything), label).toBe(false);
  expect(everything, label).toContain('Back office shelf 2');
  return 'removed';
}

it('refuses or removes bidi and invisible characters in every field and import path', async () => {
  const rng = createRng(20_261_204);
  const trials = trialCount('hiddenCharacters');
  const counts = { refused: 0, removed: 0 };
  const seen = new Set<string>();
  for (let trial = 0; trial < trials; trial += 1) {
    // Every character in turn, so each appears whatever the count.
    const char = INVISIBLE_CHARACTERS[trial % INVISIBLE_CHARACTERS.length] ?? '';
    const contactField = rng.chance(0.7);
    let outcome: Outcome;
    if (contactField) {
      const path = rng.pick(['save', 'csv', 'vcard', 'pack'] as const);
      const field = rng.pick(Object.keys(CONTACT_FIELDS) as ContactField[]);
      const tried = await contactTrial(rng, char, path, field);
      outcome = tried.outcome;
      // Import files are read cell by cell and each cell trimmed, so a number ending in U+FEFF
      // arrives without it; every other hidden character in a number is refused.
      const expected =
        tried.trimmedAway && path !== 'save' ? 'removed' : CONTACT_FIELDS[field].outcome;
      expect(outcome, `${path} ${field} U+${char.charCodeAt(0).toString(16)}`).toBe(expected);
      seen.add(`${path}:${field}`);
    } else {
      const field = rng.pick(OTHER_FIELDS);
      outcome = await otherTrial(rng, char, field);
      seen.add(field);
    }
    counts[outcome] += 1;
  }
  console.log(
    `hidden characters: ${trials} inputs (${INVISIBLE_CHARACTERS.length} characters, ${seen.size} field and path pairs), ${counts.refused} refused, ${counts.removed} removed, 0 stored`,
  );
  // Every field through every path it has (7 contact fields × 4 paths, plus 9 others) was reached.
  expect(seen.size).toBe(7 * 4 + OTHER_FIELDS.length);
}, 300_000);
