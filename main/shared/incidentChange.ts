import type { IncidentChange, IncidentView, TimelineEntry } from '../contract/incidentTypes';

/** Timeline order: by event time, then by seq (the order entries were recorded). */
export function timelineOrder(
  a: Pick<TimelineEntry, 'eventAt' | 'seq'>,
  b: Pick<TimelineEntry, 'eventAt' | 'seq'>,
): number {
  return Date.parse(a.eventAt) - Date.parse(b.eventAt) || a.seq - b.seq;
}

/** Puts an entry into a timeline kept in timeline order, in place. */
export function insertInOrder(timeline: TimelineEntry[], entry: TimelineEntry): void {
  const before = (index: number): boolean => timelineOrder(timeline[index]!, entry) < 0;
  // Entries nearly always arrive in time order; a backfilled one is placed by binary search.
  let low = 0;
  let high = timeline.length;
  if (high > 0 && before(high - 1)) low = high;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  timeline.splice(low, 0, entry);
}

/**
 * The view after a recorded change: what `incidents.get` would now return, apart from the runbook
 * text of runbooks already shown (rendered when the view was fetched). Null when the view does not
 * hold exactly the entries the change follows (another window recorded meanwhile, or a save
 * failed part-way): fetch the whole view again.
 */
export function applyIncidentChange(
  view: IncidentView,
  change: IncidentChange,
): IncidentView | null {
  const { after, timeline: entries, steps: answered, calls, runbooks, ...whole } = change;
  if (view.log.entries !== after) return null;
  const timeline = [...view.timeline];
  for (const entry of entries) {
    const at = timeline.findIndex((known) => known.seq === entry.seq);
    if (at >= 0) timeline[at] = entry;
    else insertInOrder(timeline, entry);
  }
  const steps = { ...view.steps };
  for (const [key, progress] of Object.entries(answered))
    if (progress) steps[key] = progress;
    else delete steps[key];
  return {
    ...view,
    ...whole,
    timeline,
    steps,
    calls: [...view.calls, ...calls],
    runbooks: [...view.runbooks, ...runbooks],
  };
}
