import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
} from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CONTACT_ROLES } from '../../../contract/vocabulary';
import { checkFolder } from '../../runbooks/checkFolder';
import { parseRunbook } from '../../runbooks/parseRunbook';
import { importDocuments, type ImportedDocument } from './importDocuments';

const FIXTURES = join(import.meta.dirname, '__fixtures__');
const BUNDLED = resolve(import.meta.dirname, '..', '..', '..', '..', 'runbooks');

/** The steps each document should give, headline by headline, in order. */
const EXPECTED: Record<string, string[]> = {
  'ransomware-bullets.md': [
    'Write down what the screen says and when it appeared.',
    'Find out which computers show the message.',
    'Unplug the network cable of every affected computer.',
    'Turn off Wi-Fi on the affected computers.',
    'Leave the computers switched on.',
    'Ask the IT supplier to find how the attackers got in.',
    'Change every password used on the affected computers.',
  ],
  'nested-lists.md': [
    'Check whether other systems still work.',
    'Tell the person in charge.',
    'Get the paper care plans out.',
    'Record every medicine given on the paper chart.',
    'Hand over on paper at shift change.',
  ],
  'lost-device-tables.md': [
    'Write down what was on the device and when it was last seen.',
    'Ask the IT supplier to wipe the device remotely.',
    'Change the passwords the device had saved.',
    'Order a replacement device.',
    'Restore files from the backup.',
  ],
  'phishing-checklist.md': [
    'Disconnect the computer from the network',
    'Tell the person in charge',
    'Keep the email: do not delete it',
    'Report the email to the IT supplier',
  ],
  'data-breach-bibliography.md': [
    'Ask the person who received it to delete it and confirm in writing.',
    'Write down what data it was and how many people it is about.',
    'Tell the data protection lead today.',
  ],
  'variables-plan.md': [
    'Phone {{contact:it-supplier}} and say what happened.',
    'Phone {{contact:insurer}} before you agree to anything.',
    'Tell your organisation directors what is happening.',
    'Ask {{contact:ig-lead}} whether the data breach must be reported.',
    'Check the backups at [BACKUP_LOCATION].',
  ],
  'security-foreign-header.md': [
    'Stop the attack in progress.',
    "Cut off the attacker's access.",
    'Assess the risk to people and data.',
  ],
  'phishing-plan.md': [
    'Disconnect the computer from the network.',
    'If a password was typed in, follow the [account plan](runbook:account-plan).',
    'See our other plan and the top.',
  ],
  'account-plan.md': [
    "Change the account's password from a different device.",
    'Sign the account out of every device.',
    'If it started with an email, also follow the [phishing plan](runbook:phishing-plan).',
  ],
  'ddos-plain.txt': [
    "Keep the internet provider's support number on paper.",
    'Know who looks after the website.',
    'Phone the internet provider and say the website is under attack.',
    'Tell staff to use the phones and paper forms.',
    'Write down when the attack started.',
  ],
  'business-continuity.docx': [
    'Phone the care record supplier.',
    'Print the paper care plans.',
    'Tell the families who visit today.',
    'Check the paper charts are complete.',
  ],
};

/** A Word document built here, as a provider's continuity plan might be written. */
async function continuityPlanDocx(): Promise<Uint8Array> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'steps',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Business continuity plan', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('What we do when the care record system is down for more than an hour.'),
          new Paragraph({ text: 'What to do', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            text: 'Phone the care record supplier.',
            numbering: { reference: 'steps', level: 0 },
          }),
          new Paragraph({
            text: 'Print the paper care plans.',
            numbering: { reference: 'steps', level: 0 },
          }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('Folder')] }),
                  new TableCell({ children: [new Paragraph('Where')] }),
                ],
              }),
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('Care plans')] }),
                  new TableCell({ children: [new Paragraph('Office cupboard')] }),
                ],
              }),
            ],
          }),
          new Paragraph({ text: 'Tell people', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Tell the families who visit today.', bullet: { level: 0 } }),
          new Paragraph({ text: 'Check the paper charts are complete.', bullet: { level: 0 } }),
          new Paragraph({ text: 'References', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Our continuity policy, version 3', bullet: { level: 0 } }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const stepsOf = (document: ImportedDocument): string[] =>
  document.outcome.ok
    ? document.outcome.value.blocks.flatMap((block) => (block.kind === 'step' ? [block.text] : []))
    : [];

describe('importing a corpus of plans written elsewhere', () => {
  let out: string;
  let imported: ImportedDocument[];
  let sources: Array<{ name: string; bytes: Uint8Array }>;
  const context = {
    takenIds: new Set(['ransomware']),
    knownRoles: new Set([...Object.keys(LOCAL_CONTACT_ROLES), 'ico', 'csoc', 'police-101']),
    today: '2026-12-05',
  };

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'holdfast-import-'));
    const names = (await readdir(FIXTURES)).sort();
    sources = [
      ...(await Promise.all(
        names.map(async (name) => ({ name, bytes: await readFile(join(FIXTURES, name)) })),
      )),
      { name: 'business-continuity.docx', bytes: await continuityPlanDocx() },
    ];
    imported = await importDocuments(sources, context);
    for (const document of imported)
      if (document.outcome.ok)
        await writeFile(
          join(out, `${document.outcome.value.header.id}.md`),
          document.outcome.value.text,
        );
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('finds the expected steps in every document and the result passes the checks', async () => {
    const { problems, count } = await checkFolder(out, BUNDLED);
    const errors = problems.filter((problem) => problem.severity === 'error');
    let found = 0;
    let expected = 0;
    for (const document of imported) {
      const want = EXPECTED[document.name] ?? [];
      const got = stepsOf(document);
      expected += want.length;
      found += want.filter((step) => got.includes(step)).length;
    }
    console.log(
      `import corpus: ${imported.length} documents, ${found}/${expected} steps found, ${errors.length} errors`,
    );
    expect(errors).toEqual([]);
    expect(count).toBe(Object.keys(EXPECTED).length);
    for (const document of imported)
      expect({ name: document.name, steps: stepsOf(document) }).toEqual({
        name: document.name,
        steps: EXPECTED[document.name],
      });
  });

  it('writes drafts whose steps carry ids made from their words, the same every time', async () => {
    const again = await importDocuments(sources, context);
    for (const [index, document] of imported.entries()) {
      if (!document.outcome.ok) throw new Error(`${document.name} was not imported`);
      expect(again[index]?.outcome).toEqual(document.outcome);
      const { runbook } = parseRunbook(Buffer.from(document.outcome.value.text), document.name);
      expect(runbook?.meta.status).toBe('draft');
      expect(runbook?.meta.version).toBe(1);
    }
    const ransomware = imported.find((document) => document.name === 'ransomware-bullets.md');
    const ids = ransomware?.outcome.ok
      ? ransomware.outcome.value.blocks.flatMap((block) =>
          block.kind === 'step' ? [block.id] : [],
        )
      : [];
    expect(ids.slice(0, 3)).toEqual([
      'write-down-what-the-screen-says',
      'find-out-which-computers-show-the',
      'unplug-the-network-cable-of-every',
    ]);
  });

  it('keeps references, appendices and plain bullet lists as text, never steps', () => {
    const breach = imported.find((document) => document.name === 'data-breach-bibliography.md');
    if (!breach?.outcome.ok) throw new Error('not imported');
    const kept = breach.outcome.value.blocks.filter((block) => block.kind === 'text');
    expect(kept.map((block) => block.kind === 'text' && (block.kept ?? false))).toEqual([
      false,
      'reference',
      'reference',
    ]);
    expect(breach.outcome.value.text).toContain('- 1\\. UK GDPR Article 33');
    const ransomware = imported.find((document) => document.name === 'ransomware-bullets.md');
    expect(ransomware?.outcome.ok && ransomware.outcome.value.text).toContain(
      '## Background\n\n* Ransomware spreads over shared drives.',
    );
  });

  it('keeps tables as tables in the step they follow, and sub-headings as "Parent: Child" phases', () => {
    const lost = imported.find((document) => document.name === 'lost-device-tables.md');
    const wipe =
      lost?.outcome.ok &&
      lost.outcome.value.blocks.find(
        (block) => block.kind === 'step' && block.id.startsWith('ask-the-it-supplier'),
      );
    expect(wipe && wipe.kind === 'step' && wipe.details).toContain(
      '| Data protection lead | Within 1 hour |',
    );
    const ransomware = imported.find((document) => document.name === 'ransomware-bullets.md');
    const phases = ransomware?.outcome.ok
      ? ransomware.outcome.value.blocks.flatMap((block) =>
          block.kind === 'phase' ? [block.title] : [],
        )
      : [];
    expect(phases).toEqual([
      'Investigate',
      'Remediate: Containment',
      'Remediate: Eradication',
      'Background',
    ]);
  });

  it('drops a header from another tool instead of making it a phase', () => {
    const security = imported.find((document) => document.name === 'security-foreign-header.md');
    if (!security?.outcome.ok) throw new Error('not imported');
    expect(security.outcome.value.text).not.toContain('cover:');
    expect(security.outcome.value.header.title).toBe('Security incident response');
    expect(security.outcome.value.text).toContain('**Warning: Do not investigate alone**');
    expect(security.outcome.value.notes[0]).toMatch(/header at the top .* left out/);
  });

  it('maps known placeholders to contacts and the organisation, and lists the rest', () => {
    const plan = imported.find((document) => document.name === 'variables-plan.md');
    if (!plan?.outcome.ok) throw new Error('not imported');
    expect(plan.outcome.value.variables.map(({ written, chosen }) => [written, chosen])).toEqual([
      ['{{COMPANY_NAME}}', 'organisation'],
      ['[ORG NAME]', 'organisation'],
      ['{{IT_CONTACT}}', 'contact:it-supplier'],
      ['{{INSURANCE_VENDOR}}', 'contact:insurer'],
      ['<Organisation>', 'organisation'],
      ['{{DPO}}', 'contact:ig-lead'],
      ['{{BACKUP_LOCATION}}', 'keep'],
    ]);
    expect(plan.outcome.value.counts).toMatchObject({ mapped: 6, unmapped: 1 });
    const { runbook } = parseRunbook(Buffer.from(plan.outcome.value.text), 'plan.md');
    expect(runbook?.meta.contacts).toEqual(['it-supplier', 'insurer', 'ig-lead']);
    expect(plan.outcome.value.header.title).toBe('Incident Response Plan for your organisation');
  });

  it('reads a Word document: headings, numbered and bulleted steps, tables and references', () => {
    const docx = imported.find((document) => document.name === 'business-continuity.docx');
    if (!docx?.outcome.ok) throw new Error('not imported');
    const { header, text } = docx.outcome.value;
    expect(header.title).toBe('Business continuity plan');
    expect(header.summary).toBe(
      'What we do when the care record system is down for more than an hour.',
    );
    expect(text).toMatch(/\| Care plans \| Office cupboard \|/);
    expect(text).toContain('## References');
  });
});
