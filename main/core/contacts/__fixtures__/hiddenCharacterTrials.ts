import { unzipSync } from 'fflate';
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
 * Bidi controls and invisible characters sent through every field and import path of a running
 * core, each handled in one of four ways:
 *   refused   numbers and addresses, naming the field (contact form, CSV, vCard, a pack's contacts)
 *   removed   free text of contacts, systems and settings: nothing stored holds one
 *   flagged   runbook text (the editor, a document import, a pack's runbooks): a warning names the
 *             character and its line, as `npm run runbooks:check` does
 *   isolated  incident and exercise names, people and notes: the log keeps what was typed (it is
 *             evidence), and every report made from it shows the text without the character and
 *             with right-to-left text isolated
 * Shared by the test (`npm test` and the reliability tier) and `npm run soak`.
 */
export interface HiddenCharacterFigures {
  inputs: number;
  refused: number;
  removed: number;
  flagged: number;
  isolated: number;
  /** Field and path pairs reached. */
  pairs: number;
  /** Checks that failed; the first 20 are described in `problems`. */
  failures: number;
  problems: string[];
}

/**
 * 7 contact fields × 4 paths (save, CSV, vCard, a pack), 9 system and settings fields, 3 runbook
 * paths and 6 incident and exercise fields.
 */
export const FIELD_PATH_PAIRS = 7 * 4 + 9 + 3 + 6;

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

type Outcome = 'refused' | 'removed' | 'flagged' | 'isolated';
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

/** The code a runbook warning names a character by: U+202E. */
const codeOf = (char: string): string =>
  `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

type RunbookPath = 'editor' | 'import' | 'pack';
const RUNBOOK_PATHS: RunbookPath[] = ['editor', 'import', 'pack'];

/** One runbook step with the character in it, through one path: a warning names it. */
async function runbookTrial(
  { call, check }: Probe,
  rng: Rng,
  char: string,
  path: RunbookPath,
): Promise<Outcome> {
  // Mid-line, so no path can take it for a byte-order mark or trim it off a line's end.
  const step = `Phone ${plant(rng, 'the manager', char)} now.`;
  const label = `runbook ${path} ${codeOf(char)}`;
  const source = runbookSource({
    id: 'our-own',
    body: ['', '## Contain {#contain}', '', `1. ${step} {#call-manager}`, ''],
  });
  let problems: Array<{ severity: string; message: string }> = [];
  if (path === 'editor') {
    const preview = await call('runbooks.preview', { text: source });
    if (preview.ok) problems = (preview.value as { problems: typeof problems }).problems;
  } else if (path === 'import') {
    const preview = await call('runbooks.importPreview', {
      format: 'txt',
      text: `Our own plan\n\nContain\n\n1. ${step}\n2. Unplug the office PC.\n`,
    });
    if (preview.ok) problems = (preview.value as { problems: typeof problems }).problems;
  } else {
    const imported = await call('packs.import', {
      base64: Buffer.from(
        buildPack([{ name: 'our-own.md', bytes: new TextEncoder().encode(source) }], new Date()),
      ).toString('base64'),
      includeContacts: false,
      acceptUnsigned: true,
    });
    check(imported.ok, `${label}: the pack was refused`);
    const library = await call('runbooks.list', {});
    if (library.ok) problems = (library.value as { problems: typeof problems }).problems;
  }
  check(
    problems.some(
      (problem) =>
        problem.severity === 'warning' &&
        problem.message.startsWith(`hidden character ${codeOf(char)} `),
    ),
    `${label}: no warning names the character`,
  );
  return 'flagged';
}

type EvidenceField =
  | 'incidentName'
  | 'incidentLead'
  | 'incidentNote'
  | 'exerciseTitle'
  | 'exerciseFacilitator'
  | 'exerciseDecision';
const EVIDENCE_FIELDS: EvidenceField[] = [
  'incidentName',
  'incidentLead',
  'incidentNote',
  'exerciseTitle',
  'exerciseFacilitator',
  'exerciseDecision',
];

/** An isolate with nothing inside that could close it early, as documents put round typed text. */
const CLEAN_ISOLATE =
  /\u2068[^\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]*\u2069/g;

/** The text with every clean isolate taken away, innermost first. */
function outsideIsolates(text: string): string {
  let outside = text;
  for (let previous = ''; previous !== outside;) {
    previous = outside;
    outside = outside.replace(CLEAN_ISOLATE, '');
  }
  return outside;
}

/** One incident or exercise field: kept in the log as typed, shown neutralised in its report. */
async function evidenceTrial(
  { call, check }: Probe,
  rng: Rng,
  char: string,
  field: EvidenceField,
): Promise<Outcome> {
  const plain = 'Night shift 2 rang';
  const typed = plant(rng, plain, char);
  const value = (name: EvidenceField, fallback: string): string =>
    name === field ? typed : fallback;
  const label = `${field} ${codeOf(char)}`;
  let files: Result<unknown>;
  let document: Result<unknown>;
  if (field.startsWith('incident')) {
    const started = await call('incidents.start', {
      name: value('incidentName', 'Care records locked'),
      lead: value('incidentLead', 'Ann Lee'),
      author: 'Ann Lee',
    });
    if (!started.ok) {
      check(false, `${label}: refused with "${started.error.message}"`);
      return 'isolated';
    }
    const id = (started.value as { id: string }).id;
    if (field === 'incidentNote')
      check(
        (
          await call('incidents.record', {
            id,
            author: 'Ann Lee',
            action: { type: 'note', text: typed },
          })
        ).ok,
        `${label}: the note was refused`,
      );
    files = await call('incidents.exportFiles', { id });
    document = await call('incidents.document', { id, kind: 'report' });
  } else {
    const created = await call('exercises.create', {
      scenario: 'supplier-ransomware',
      facilitator: value('exerciseFacilitator', 'Ann Lee'),
      author: 'Ann Lee',
      title: value('exerciseTitle', 'Autumn drill'),
    });
    if (!created.ok) {
      check(false, `${label}: refused with "${created.error.message}"`);
      return 'isolated';
    }
    const id = (created.value as { id: string }).id;
    if (field === 'exerciseDecision')
      check(
        (
          await call('exercises.record', {
            id,
            author: 'Ann Lee',
            action: { type: 'decision', text: typed },
          })
        ).ok,
        `${label}: the decision was refused`,
      );
    files = await call('exercises.exportFiles', { id });
    document = await call('exercises.report', { id });
  }
  // The log file itself, exactly as on disk (the copy saved for investigation).
  const logText = files.ok
    ? Object.entries(unzipSync(Buffer.from((files.value as { base64: string }).base64, 'base64')))
        .filter(([name]) => name.endsWith('/log.jsonl'))
        .map(([, bytes]) => new TextDecoder().decode(bytes))
        .join('')
    : '';
  // As typed, after the trim every text field has (U+FEFF is white space to JavaScript).
  check(logText.includes(JSON.stringify(typed.trim()).slice(1, -1)), `${label}: not kept as typed`);
  if (!document.ok) {
    check(false, `${label}: no report: ${document.error.message}`);
    return 'isolated';
  }
  const { markdown, html } = document.value as { markdown: string; html: string };
  for (const [part, text] of [
    ['markdown', markdown],
    ['html', html],
  ] as const) {
    check(!hasInvisible(outsideIsolates(text)), `${label}: the ${part} report holds the character`);
    check(text.includes(plain), `${label}: the ${part} report lost the words`);
  }
  return 'isolated';
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
  const counts = { refused: 0, removed: 0, flagged: 0, isolated: 0 };
  const seen = new Set<string>();
  for (let trial = 0; trial < options.inputs; trial += 1) {
    // Every character in turn, so each appears whatever the count.
    const char = INVISIBLE_CHARACTERS[trial % INVISIBLE_CHARACTERS.length] ?? '';
    const code = `U+${char.charCodeAt(0).toString(16).toUpperCase()}`;
    let outcome: Outcome;
    // Runbook checks and starting an incident or exercise cost ten times a contact save, so they
    // take a smaller share; 300 inputs still reach all 9 of their pairs.
    const draw = rng.next();
    if (draw < 0.6) {
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
    } else if (draw < 0.8) {
      const field = rng.pick(OTHER_FIELDS);
      outcome = await otherTrial(probe, rng, char, field);
      seen.add(field);
    } else if (draw < 0.87) {
      const path = rng.pick(RUNBOOK_PATHS);
      outcome = await runbookTrial(probe, rng, char, path);
      seen.add(`runbook:${path}`);
    } else {
      const field = rng.pick(EVIDENCE_FIELDS);
      outcome = await evidenceTrial(probe, rng, char, field);
      seen.add(field);
    }
    counts[outcome] += 1;
  }
  return { inputs: options.inputs, ...counts, pairs: seen.size, failures, problems };
}

/** The figure line, the same in the test and the soak. */
export const describeHiddenCharacters = (figures: HiddenCharacterFigures): string =>
  `hidden characters: ${figures.inputs} inputs (${INVISIBLE_CHARACTERS.length} characters, ${figures.pairs} field and path pairs), ${figures.refused} refused, ${figures.removed} removed, ${figures.flagged} flagged in runbooks, ${figures.isolated} kept in the log and neutralised in reports, ${figures.failures} failures`;
