import type { IncidentView } from '../../../../main/contract/incidentTypes';

/**
 * An open incident with nothing done yet, as the core would send it; a test names only the parts
 * it is about (its clocks, its timeline, who leads it).
 */
export function openIncidentView(parts: Partial<IncidentView> = {}): IncidentView {
  const awareAt = parts.awareAt ?? '2026-03-01T00:00:00.000Z';
  const clocks = parts.clocks ?? [];
  const timeline = parts.timeline ?? [];
  return {
    id: '20260301-0000-a1b2c3',
    name: 'Care records locked',
    exercise: false,
    status: 'open',
    awareAt,
    openedAt: awareAt,
    closedAt: null,
    lead: 'Sam',
    runbookTitles: [],
    stepsAnswered: 0,
    stepsTotal: 0,
    nextClock: clocks[0] ?? null,
    summary: null,
    roles: {},
    runbooks: [],
    steps: {},
    clocks,
    assessment: null,
    calls: [],
    timeline,
    log: { entries: 1, head: 'abc', checkCode: 'ABCD-1234', readOnly: false },
    ...parts,
  };
}
