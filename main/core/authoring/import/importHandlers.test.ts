import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ContactRef, Settings } from '../../../contract/types';
import { markdownRenderer } from '../../runbooks/runbookPresenter';
import { importHandlers } from './importHandlers';

const SETTINGS: Settings = {
  organisationName: 'Rose Lodge',
  providerType: 'care-home',
  pharmacyCqcRegistered: false,
  isolationInstruction: '',
  contractClocks: [],
};
const CONTACTS: Record<string, ContactRef> = {
  'it-supplier': {
    role: 'it-supplier',
    label: 'IT supplier',
    national: false,
    channels: [{ kind: 'phone', value: '01632 960 123', outOfBand: true }],
    stale: false,
    name: 'Sam Byte',
  },
  'data-protection-lead': {
    role: 'data-protection-lead',
    label: 'Data protection lead',
    national: false,
    channels: null,
    stale: false,
  },
};

const handlers = importHandlers({
  takenIds: async () => new Set(['ransomware', 'printer-plan']),
  knownRoles: () => new Set(['it-supplier']),
  settings: () => ({ organisationName: 'Rose Lodge', providerType: 'care-home' }),
  check: async (text) => ({ problems: [], headerProblems: [], view: null, textWithIds: text }),
  render: markdownRenderer({
    contact: (role) =>
      CONTACTS[role] ?? { role, label: role, national: false, channels: null, stale: false },
    settings: () => SETTINGS,
    systems: () => undefined,
  }),
  saveDraft: async () => ({ ok: true, value: { outcome: 'saved', id: 'unused' } }),
  now: () => new Date('2026-12-05T02:00:00Z'),
});
const preview = handlers['runbooks.importPreview'];

describe('runbooks.importPreview', () => {
  it('proposes a draft from pasted text, with the header from Settings and the title', async () => {
    const result = await preview({
      text: '# Printer hacked\n\nThe printer prints pages nobody sent.\n\n## Contain\n\n1. Unplug the printer.',
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.header).toEqual({
      id: 'printer-hacked',
      title: 'Printer hacked',
      category: 'guide',
      summary: 'The printer prints pages nobody sent.',
      providerTypes: ['care-home'],
      reviewed: '2026-12-05',
      owner: 'Rose Lodge',
    });
    expect(result.value.text).toContain('status: draft');
    expect(result.value.problems).toEqual([]);
  });

  it('reads a Word file sent as base64', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Fire plan', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: 'Steps', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: 'Call 999 if anyone is in danger.', bullet: { level: 0 } }),
          ],
        },
      ],
    });
    const base64 = Buffer.from(await Packer.toBuffer(doc)).toString('base64');
    const result = await preview({ name: 'fire plan.docx', base64 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.header.id).toBe('fire-plan');
    expect(result.value.blocks.filter((block) => block.kind === 'step')).toMatchObject([
      { text: 'Call 999 if anyone is in danger.', from: 'bullets' },
    ]);
  });

  it('refuses a file that is not really a Word document, in words a Word user understands', async () => {
    for (const bytes of [
      Buffer.from('not a zip at all'),
      Buffer.from(zipSync({ 'notes.txt': new Uint8Array([104, 105]) })),
    ]) {
      const result = await preview({ name: 'plan.docx', base64: bytes.toString('base64') });
      if (result.ok) throw new Error('a fake Word file was read');
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.message).toMatch(/^This is not a Word document/);
    }
  });

  it('refuses a Word file that breaks the zip limits before mammoth opens it', async () => {
    // More parts than any real document has: refused from the zip's directory, nothing inflated.
    const parts = Object.fromEntries(
      Array.from({ length: 2001 }, (_, index) => [`word/part${index}.xml`, new Uint8Array(1)]),
    );
    const crowded = zipSync({ ...parts, 'word/document.xml': new Uint8Array(1) });
    const result = await preview({
      name: 'plan.docx',
      base64: Buffer.from(crowded).toString('base64'),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('says when the chosen short name is already used by another runbook', async () => {
    const result = await preview({
      text: '# Printer plan\n\n## Contain\n\n1. Unplug the printer.',
      header: { id: 'ransomware' },
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.header.id).toBe('ransomware');
    expect(result.value.problems[0]).toMatchObject({
      severity: 'error',
      message: 'the short name "ransomware" is already used by another runbook; choose another',
    });
    const fresh = await preview({
      name: 'printer-plan.md',
      text: '# Printer plan\n\n1. Unplug it.',
    });
    expect(fresh.ok && fresh.value.header.id).toBe('printer-plan-imported');
  });

  it('shows contacts in the preview as the reader does: the number, or a prompt to add it', async () => {
    const result = await preview({
      text: '# Printer plan\n\n## Contain\n\n1. Phone {{contact:it-supplier}}.\n2. Tell {{contact:data-protection-lead}}.\n\nAsk {{contact:it-supplier}} later.',
    });
    if (!result.ok) throw new Error(result.error.message);
    const [phone, tell] = result.value.blocks.filter((block) => block.kind === 'step');
    expect(phone?.text).toBe('Phone {{contact:it-supplier}}.');
    expect(phone?.html?.text).toContain('<strong><bdi>IT supplier</bdi></strong>');
    expect(phone?.html?.text).toContain('01632 960 123');
    expect(phone?.html?.text).not.toContain('{{');
    expect(tell?.html?.text).toContain('not set yet');
    expect(tell?.html?.text).toContain('add your local number');
    const after = result.value.blocks.find((block) => block.kind === 'text');
    expect(after?.kind === 'text' && after.html).toContain('Sam Byte');
  });
});
