// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClockView } from '../../main/contract/incidentTypes';
import type { ContactRef, SystemEntry } from '../../main/contract/types';
import { ClocksPanel } from './incidents/ClocksPanel';
import { LogPanel } from './incidents/LogPanel';
import { RolesPanel } from './incidents/RolesPanel';
import { RunningClocks } from './incidents/RunningClocks';
import { openIncidentView } from './incidents/__fixtures__/incidentView';
import { ContactsPanel } from './reader/ContactsPanel';
import { SystemsPanel } from './systems/SystemsPanel';
import { supplierText } from './systems/supplierText';
import { expectIsolated, hostile } from './__fixtures__/expectIsolated';

// Calls the panels make on their own (settings, the log check) stay pending.
vi.mock('../api', () => ({
  request: vi.fn(() => new Promise(() => {})),
  takeSettled: () => undefined,
}));

/*
 * A value someone typed, shown on a screen, sits in an element of its own direction (<bdi>), or
 * (inside a line made in one string) has its hidden characters removed and any right-to-left
 * text isolated: a right-to-left override in it cannot reverse the words or number after it.
 */

const AT = '2026-03-01T02:00:00.000Z';

afterEach(cleanup);

const clock = (patch: Partial<ClockView>): ClockView => ({
  id: 'contract-council',
  label: 'Tell the council',
  duty: '',
  kind: 'deadline',
  startedAt: AT,
  dueAt: '2026-03-02T02:00:00.000Z',
  urgentFrom: '2026-03-01T14:00:00.000Z',
  status: 'running',
  ...patch,
});

describe('typed values on incident screens', () => {
  it('the log: who typed each entry and its words', () => {
    const { container } = render(
      <LogPanel
        view={openIncidentView({
          timeline: [
            {
              seq: 1,
              eventAt: AT,
              recordedAt: AT,
              author: hostile('Author'),
              kind: 'note',
              text: hostile('Note'),
              correctedBy: [],
              backfilled: false,
            },
          ],
        })}
        act={vi.fn()}
        saving={false}
      />,
    );
    expectIsolated(container, 'Author');
    expectIsolated(container, 'Note');
  });

  it('roles, running clocks and the clock details', () => {
    const view = openIncidentView({
      roles: { scribe: hostile('Scribe') },
      clocks: [
        clock({ id: 'contract-a', label: hostile('ClockLabel'), duty: hostile('Duty') }),
        clock({
          id: 'contract-b',
          label: hostile('DoneLabel'),
          status: 'done',
          stoppedAt: AT,
          reference: hostile('Reference'),
        }),
        clock({
          id: 'contract-c',
          label: 'Tell the bank',
          status: 'not-needed',
          stoppedAt: AT,
          reason: hostile('Reason'),
        }),
      ],
    });
    const roles = render(<RolesPanel view={view} act={vi.fn()} saving={false} />);
    expectIsolated(roles.container, 'Scribe');
    const running = render(<RunningClocks view={view} />);
    expectIsolated(running.container, 'ClockLabel');
    const clocks = render(<ClocksPanel view={view} act={vi.fn()} saving={false} />);
    for (const field of ['ClockLabel', 'Duty', 'DoneLabel', 'Reference', 'Reason'])
      expectIsolated(clocks.container, field);
  });
});

describe('typed values in the reader and the systems register', () => {
  const supplier: ContactRef = {
    role: 'it-supplier',
    label: hostile('RoleLabel'),
    national: false,
    channels: [
      { kind: 'phone', value: '0300 999 1111', outOfBand: true, note: hostile('ChannelNote') },
    ],
    stale: false,
    name: hostile('ContactName'),
    organisation: hostile('Organisation'),
    hours: hostile('Hours'),
    lastVerified: '2026-01-10',
  };

  it("a runbook's contacts: label, name, organisation, channel note and hours", () => {
    const { container } = render(<ContactsPanel contacts={[supplier]} onNotice={vi.fn()} />);
    for (const field of ['RoleLabel', 'ContactName', 'Organisation', 'ChannelNote', 'Hours'])
      expectIsolated(container, field);
    // The number sits in its own left-to-right box.
    const number = [...container.querySelectorAll('bdi')].find(
      (each) => each.textContent === '0300 999 1111',
    );
    expect(number?.getAttribute('dir')).toBe('ltr');
  });

  it('paper copies and fallbacks, and the supplier line of a system', () => {
    const entry: SystemEntry = {
      system: 'our-rota',
      label: hostile('SystemLabel'),
      isCustom: true,
      suggestedSupplierRole: null,
      record: {
        system: 'our-rota',
        inUse: true,
        supplierRole: 'it-supplier',
        impact: 7,
        fallback: hostile('Fallback'),
        paperLocation: hostile('PaperLocation'),
        notes: '',
        lastReviewed: '2026-01-10',
      },
      status: 'recorded',
      isStale: false,
      supplier,
    };
    const { container } = render(<SystemsPanel entries={[entry]} />);
    for (const field of ['SystemLabel', 'Fallback', 'PaperLocation'])
      expectIsolated(container, field);
    // Made as one string for the Systems screen: the name is neutralised, the number unchanged.
    expect(supplierText(entry)).toBe('evilRoleLabel: evilContactName — 0300 999 1111');
    const arabic = supplierText({ ...entry, supplier: { ...supplier, name: 'مرحبا' } });
    expect(arabic).toBe('evilRoleLabel: \u2068مرحبا\u2069 — 0300 999 1111');
  });
});
