import type { IncidentChange, IncidentView, TimelineEntry } from '../contract/incidentTypes';

/**
 * True for the one form `Date.prototype.toISOString` writes (`2026-03-01T02:15:30.000Z`), which
 * sorts as text in time order. Times in the log are checked ISO datetimes, and that is the only
 * one of them with 24 characters, a `T` at 10 and a final `Z`.
 */
function isUtcMillis(time: string): boolean {
  return time.length === 24 && time[10] === 'T' && time[23] === 'Z';
}

/** Earlier first; the text comparison is the same order as the parsed times, and much cheaper. */
function byTime(a: string, b: string): number {
  if (isUtcMillis(a) && isUtcMillis(b)) return a < b ? -1 : a > b ? 1 : 0;
  return Date.parse(a) - Date.parse(b);
}

/** Timeline order: by event time, then by seq (the order entries were recorded). */
export function timelineOrder(
  a: Pick<TimelineEntry, 'eventAt' | 'seq'>,
  b: Pick<TimelineEntry, 'eventAt' | 'seq'>,
): number {
  return byTime(a.eventAt, b.eventAt) || a.seq - b.seq;
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
  const replacing = new Map(entries.map((entry) => [entry.seq, entry]));
  const timeline = view.timeline.map((known) => replacing.get(known.seq) ?? known);
  for (const entry of replacing.values()) if (entry.seq > after) timeline.push(entry);
  // Nearly in order already (a backfilled entry may belong further back): a quick sort.
  timeline.sort(timelineOrder);
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
