import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashRecord, type EvidenceRecord } from '../evidence/evidenceChain';
import { replayIncident } from './replayIncident';
import { escapeMarkdown, plainText } from './reports/markdownText';

function chain(
  entries: Array<Pick<EvidenceRecord, 'kind' | 'body'> & Partial<EvidenceRecord>>,
): EvidenceRecord[] {
  const records: EvidenceRecord[] = [];
  for (const entry of entries) {
    const unhashed = {
      recordedAt: '2026-03-01T02:00:00.000Z',
      eventAt: '2026-03-01T02:00:00.000Z',
      author: 'Ann',
      ...entry,
      seq: records.length + 1,
      prevHash: records.at(-1)?.hash ?? GENESIS_HASH,
    };
    delete (unhashed as { hash?: string }).hash;
    records.push({ ...unhashed, hash: hashRecord(unhashed) });
  }
  return records;
}

const opened = {
  kind: 'opened' as const,
  body: {
    incident: '20260301-0200-abcdef',
    name: 'Test',
    awareAt: '2026-03-01T01:00:00.000Z',
    lead: 'Ann',
    exercise: false,
    runbook: null,
  },
};

describe('replaying an incident log', () => {
  it('needs an opening entry', () => {
    expect(replayIncident([], () => undefined)).toBeNull();
    expect(
      replayIncident(chain([{ kind: 'note', body: { text: 'x' } }]), () => undefined),
    ).toBeNull();
  });

  it('gives each timeline entry its fields in one order, with or without the optional ones', () => {
    const device = { host: 'OFFICE-PC', user: 'reception' };
    const state = replayIncident(
      chain([
        opened,
        { kind: 'note', body: { text: 'Phoned the supplier' }, device },
        { kind: 'correction', body: { text: 'Phoned at 02:10' }, amends: 2, device },
      ]),
      () => undefined,
    );
    expect(state?.timeline.map((entry) => Object.keys(entry))).toEqual([
      ['seq', 'eventAt', 'recordedAt', 'author', 'kind', 'text', 'correctedBy', 'backfilled'],
      [
        'seq',
        'eventAt',
        'recordedAt',
        'author',
        'device',
        'kind',
        'text',
        'correctedBy',
        'backfilled',
      ],
      [
        'seq',
        'eventAt',
        'recordedAt',
        'author',
        'device',
        'kind',
        'text',
        'amends',
        'correctedBy',
        'backfilled',
      ],
    ]);
    expect(state?.timeline[1]).toMatchObject({ device, correctedBy: [3], backfilled: false });
  });

  it('keeps entries it does not understand on the timeline instead of failing', () => {
    const state = replayIncident(
      chain([
        opened,
        { kind: 'step', body: { unexpected: true } },
        { kind: 'recovery', body: { summary: 'x' } },
      ]),
      () => undefined,
    );
    expect(state?.timeline.map((entry) => entry.text)).toEqual([
      'Incident opened: Test. Lead: Ann.',
      'Entry of kind "step"',
      'The log was repaired after an interrupted save (a copy of the damaged part was kept).',
    ]);
    expect(state?.steps).toEqual({});
  });

  it('applies a later lead change and ignores a stop for a clock that never started', () => {
    const state = replayIncident(
      chain([
        opened,
        { kind: 'role', body: { role: 'incident-lead', person: 'Bo' } },
        {
          kind: 'clock',
          body: { clock: 'cqc-safe-care', action: 'stop', outcome: 'done', reference: 'x' },
        },
      ]),
      () => undefined,
    );
    expect(state).toMatchObject({ lead: 'Bo', clocks: [] });
  });
});

describe('text in documents', () => {
  it('escapes every markdown character in user text and keeps it on one line', () => {
    expect(escapeMarkdown('**a** [b](c)\n<d> {{contact:x}}')).toBe(
      '\\*\\*a\\*\\* \\[b\\]\\(c\\) \\<d\\> \\{\\{contact\\:x\\}\\}',
    );
  });

  it('turns a runbook headline into plain words', () => {
    expect(
      plainText(
        'Phone {{contact:it-supplier}} and go to [tell CQC](#notify-cqc) **now**',
        () => 'IT supplier',
      ),
    ).toBe('Phone IT supplier and go to tell CQC now');
  });
});
