// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GrabBagPack, RunbookView, SystemEntry } from '../../../main/contract/types';
import { PackDocument } from './PackDocument';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** A runbook as the pack reads it: a title, a summary and one phase of one step. */
const runbook = (id: string, title: string): RunbookView =>
  ({
    id,
    title,
    summary: `When ${title.toLowerCase()}.`,
    category: 'guide',
    synonyms: [],
    version: 1,
    reviewed: '2026-12-04',
    phases: [
      {
        id: 'act',
        title: 'Act',
        steps: [
          { id: 'first', number: 1, kind: 'action', text: 'Do it', details: '', options: [] },
        ],
      },
    ],
    html: { steps: { first: { text: `First step of ${title}`, details: '', options: [] } } },
  }) as unknown as RunbookView;

const system = (id: string, label: string, impact: number | null): SystemEntry =>
  ({
    system: id,
    label,
    status: impact === null ? 'not-recorded' : 'recorded',
    record:
      impact === null
        ? null
        : {
            impact,
            fallback: 'Paper MAR charts',
            paperLocation: 'Office, red folder',
            lastReviewed: '2026-11-01',
          },
    supplier: null,
  }) as unknown as SystemEntry;

const pack = {
  version: 3,
  fingerprint: { settings: 'a', contacts: 'b', systems: 'c', runbooks: 'd' },
  lastPrinted: null,
  changedSince: [],
  organisationName: 'Rose House',
  generatedAt: '2026-12-05T06:00:00.000Z',
  contacts: { roles: [], national: [] },
  systems: [system('rota', 'Rota', null), system('emar', 'eMAR', 8)],
  runbooks: [],
} as unknown as GrabBagPack;

/** The printed sheets, each as the text on it. */
const sheets = (): HTMLElement[] =>
  [
    ...screen.getByRole('article', { name: 'Grab-bag pack, as it prints' }).children,
  ] as HTMLElement[];

describe('PackDocument on paper', () => {
  it('runs one runbook on after another instead of starting each on a new sheet', () => {
    render(
      <PackDocument
        pack={pack}
        runbooks={[runbook('power-cut', 'Power cut'), runbook('ransomware', 'Ransomware')]}
        printedOn="2026-12-05"
      />,
    );
    // Nothing has a height here, so only a forced page break starts a new sheet.
    const withRunbooks = sheets().filter((sheet) => sheet.textContent?.includes('Runbooks'));
    const last = withRunbooks.at(-1);
    expect(last?.textContent).toContain('First step of Power cut');
    expect(last?.textContent).toContain('First step of Ransomware');
  });

  it('prints the systems in four columns, worst first, each row with its column names for screen readers', () => {
    render(<PackDocument pack={pack} runbooks={[]} printedOn="2026-12-05" />);
    const printed = screen.getByRole('article', { name: 'Grab-bag pack, as it prints' });
    const rows = [...printed.querySelectorAll('.pack-systems-row tbody tr')];
    expect(rows.map((row) => row.querySelector('th[scope="row"]')?.textContent)).toEqual([
      'eMARHow bad: 8 out of 10',
      'RotaHow bad: not recorded',
    ]);
    const emar = rows[0] as HTMLElement;
    expect(
      within(emar)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      'Paper MAR charts',
      'Office, red folder',
      'Not recordedLast reviewed 1 November 2026',
    ]);
    const table = emar.closest('table')!;
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual([
      'System, and how bad if it is down',
      'Paper or manual fallback',
      'Where the paper copy is kept',
      'Supplier',
    ]);
  });

  it('shows the column names again above the first system on each further sheet', async () => {
    // Every block measures 400 px and a sheet holds 1,000: the heading and one system fill a sheet.
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: Element,
    ) {
      const height = this.classList.contains('paged-capacity') ? 1000 : 400;
      return { height, width: 0, top: 0, left: 0, bottom: height, right: 0, x: 0, y: 0 } as DOMRect;
    });
    render(<PackDocument pack={pack} runbooks={[]} printedOn="2026-12-05" />);
    const printed = screen.getByRole('article', { name: 'Grab-bag pack, as it prints' });
    await waitFor(() => expect(printed.querySelector('.pack-systems-continued')).not.toBeNull());
    const rows = [...printed.querySelectorAll('.pack-systems-row')];
    expect(rows.map((row) => row.querySelector('thead')?.className ?? '')).toEqual([
      'visually-hidden',
      '',
    ]);
    // The continued row is on a sheet of its own, under its column names.
    expect(rows[1]?.closest('.paged-page')).not.toBe(rows[0]?.closest('.paged-page'));
  });
});
