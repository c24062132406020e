// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IncidentView, TimelineEntry } from '../../../main/contract/incidentTypes';
import { LogPanel } from './LogPanel';
import { openIncidentView } from './__fixtures__/incidentView';

vi.mock('../../api', () => ({ request: vi.fn(), takeSettled: () => undefined }));

const AT = '2026-03-01T02:00:00.000Z';
const entry = (seq: number, patch: Partial<TimelineEntry>): TimelineEntry => ({
  seq,
  eventAt: AT,
  recordedAt: AT,
  author: 'Kim Keys',
  kind: 'note',
  text: `Entry ${seq}`,
  correctedBy: [],
  backfilled: false,
  ...patch,
});

const incident = (timeline: TimelineEntry[]): IncidentView =>
  openIncidentView({
    id: '20260301-0200-a1b2c3',
    awareAt: AT,
    lead: 'Kim Keys',
    timeline,
    log: { entries: timeline.length, head: 'abc', checkCode: 'ABCD-1234', readOnly: false },
  });

/** The "Who and device" cell of the row holding `text`, as one line. */
function whoCell(text: string): string {
  const row = screen.getAllByRole('row').find((each) => within(each).queryByText(text));
  const cells = row ? within(row).getAllByRole('cell') : [];
  return cells[3]?.textContent ?? '';
}

afterEach(cleanup);

describe('LogPanel', () => {
  it('shows who typed each entry and on which computer, and "not recorded" for entries from before devices were', () => {
    render(
      <LogPanel
        view={incident([
          entry(1, { text: 'Written before devices were recorded' }),
          entry(2, {
            author: 'Night carer Jo',
            device: { host: 'CARE-PC-1', user: 'reception' },
            text: 'Unplugged the office PC',
          }),
          entry(3, { author: 'Night carer Jo', device: { host: 'CARE-PC-1' }, text: 'Rang 111' }),
        ])}
        act={vi.fn()}
        saving={false}
      />,
    );
    expect(screen.getByRole('columnheader', { name: 'Who and device' })).toBeTruthy();
    expect(whoCell('Written before devices were recorded')).toBe('Kim KeysDevice: not recorded');
    expect(whoCell('Unplugged the office PC')).toBe(
      'Night carer JoDevice: CARE-PC-1, signed in as reception',
    );
    expect(whoCell('Rang 111')).toBe('Night carer JoDevice: CARE-PC-1, user not recorded');
  });

  it('shows a device name as text, however it looks', () => {
    render(
      <LogPanel
        view={incident([
          entry(1, { device: { host: '<img src=x onerror=alert(1)>', user: 'a&b' }, text: 'x' }),
        ])}
        act={vi.fn()}
        saving={false}
      />,
    );
    expect(whoCell('x')).toContain('<img src=x onerror=alert(1)>, signed in as a&b');
    expect(document.querySelector('table img')).toBeNull();
  });
});
