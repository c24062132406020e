import type { z } from 'zod';
import type { impactSchema, likelihoodSchema, stepStatusSchema } from './incidentSchemas';
import type { RunbookView } from './types';
import type { IncidentRole } from './vocabulary';

/** What happened to a step in guided mode (see `stepStatusSchema`). */
export type StepStatus = z.output<typeof stepStatusSchema>;

export interface StepProgress {
  status: Exclude<StepStatus, 'reopened'>;
  reason?: string;
  at: string;
  by: string;
  seq: number;
}

/** The runbook text an incident follows: the snapshot taken when it was added, rendered with today's contacts. */
export interface IncidentRunbook {
  id: string;
  title: string;
  version: number;
  /** SHA-256 of the snapshot file, as recorded in the log. */
  sha256: string;
  /** Null when the snapshot could not be read or does not match the log (see `problem`). */
  view: RunbookView | null;
  problem?: string;
  /** The library now holds different text for this runbook; the incident keeps following its snapshot. */
  newerVersionAvailable: boolean;
}

export type ClockKind = 'deadline' | 'asap' | 'threshold';

export interface ClockView {
  id: string;
  label: string;
  /** What must be sent, to whom, when the clock runs out. */
  duty: string;
  kind: ClockKind;
  startedAt: string;
  /** Null for "as soon as possible" clocks. */
  dueAt: string | null;
  /**
   * From this moment the clock is urgent (12 hours before its deadline, or from its start when it
   * has none): decided by the core, so every screen only compares it with the time now.
   */
  urgentFrom: string;
  status: 'running' | 'done' | 'not-needed';
  stoppedAt?: string;
  reference?: string;
  reason?: string;
}

/** How likely harm to people's rights and freedoms is, in the DSPT tool's words. */
export type Likelihood = z.output<typeof likelihoodSchema>;
/** How bad that harm would be, in the DSPT tool's words. */
export type Impact = z.output<typeof impactSchema>;

/** The reportability decision for a personal data breach, with the reason the ICO expects on record. */
export interface Assessment {
  likelihood: Likelihood;
  impact: Impact;
  /** What the harm × impact test suggests. */
  suggestsReporting: boolean;
  decision: 'report' | 'not-report';
  reason: string;
  at: string;
  by: string;
}

/** One log entry as the timeline shows it. */
export interface TimelineEntry {
  seq: number;
  eventAt: string;
  recordedAt: string;
  author: string;
  /** The computer it was typed on, as the core recorded it; absent on entries from before devices were recorded. */
  device?: { host?: string; user?: string };
  kind: string;
  /** Plain words: what the entry records. */
  text: string;
  amends?: number;
  /** Seqs of later corrections to this entry. */
  correctedBy: number[];
  /** The event happened well before it was typed (filled in from paper notes). */
  backfilled: boolean;
  /** Read from after the point where a damaged log stops verifying: shown, but not checked. */
  unverified?: boolean;
}

export interface LogStatus {
  entries: number;
  /** Hash of the last entry: quote it on reports so a printout can be matched to the file. */
  head: string;
  /** The first 8 hex digits of `head` as "7F3A-19C2": the code written on paper (see logCheckCode). */
  checkCode: string;
  readOnly: boolean;
  /** The log does not verify, or does not match its check record: `checkCode` then anchors nothing. */
  damaged?: boolean;
  /** Why the log is read-only, or what was repaired when it was opened. */
  problem?: string;
  recovered?: string;
  /** The line where the log stops verifying; timeline entries from there on are `unverified`. */
  breaksAtLine?: number;
  /** Entries recorded at an earlier time than the entry before them (the clock went back), in words. */
  timeWarnings?: string[];
}

export interface ContactCall {
  role: string;
  label: string;
  at: string;
  by: string;
  note: string;
}

export interface IncidentSummary {
  id: string;
  name: string;
  exercise: boolean;
  status: 'open' | 'closed';
  awareAt: string;
  openedAt: string;
  closedAt: string | null;
  lead: string;
  runbookTitles: string[];
  stepsAnswered: number;
  stepsTotal: number;
  /** The running clock due soonest (or the oldest "as soon as possible" one). */
  nextClock: ClockView | null;
  /** Set when the incident's log is damaged or could not be opened: it is then read-only. */
  problem?: string;
}

export interface IncidentView extends IncidentSummary {
  summary: string | null;
  roles: Partial<Record<IncidentRole, string>>;
  runbooks: IncidentRunbook[];
  /** Keyed `runbookId/stepId`. */
  steps: Record<string, StepProgress>;
  clocks: ClockView[];
  assessment: Assessment | null;
  calls: ContactCall[];
  timeline: TimelineEntry[];
  log: LogStatus;
}

/**
 * What one `incidents.record` changed, for the screen to merge into the view it holds (see
 * `applyIncidentChange`). The parts of the view that stay small come whole; the timeline, steps,
 * calls and runbooks, which grow with the incident, come as what was added or changed.
 */
export interface IncidentChange extends Pick<
  IncidentView,
  | 'status'
  | 'closedAt'
  | 'lead'
  | 'runbookTitles'
  | 'stepsAnswered'
  | 'stepsTotal'
  | 'nextClock'
  | 'summary'
  | 'roles'
  | 'clocks'
  | 'assessment'
  | 'log'
> {
  /** How many entries the log had before: the change applies to a view of exactly that many. */
  after: number;
  /** The new entries, and earlier entries a correction now points at, as the timeline shows them. */
  timeline: TimelineEntry[];
  /** Steps these entries answered, keyed `runbookId/stepId`; null where a step was reopened. */
  steps: Record<string, StepProgress | null>;
  /** Calls these entries noted, in log order. */
  calls: ContactCall[];
  /** Runbooks these entries added (a decision or "add runbook"), shown as `incidents.get` shows them. */
  runbooks: IncidentRunbook[];
}

/** A document made from an incident: markdown to save, and the same text as safe HTML to print. */
export interface IncidentDocument {
  title: string;
  filename: string;
  markdown: string;
  html: string;
  /** Printed at the foot of every page: the log check code, so each sheet of paper anchors the log. */
  pageFooter?: string;
}

export interface DraftField {
  label: string;
  value: string;
  /** What to add by hand when the log does not hold the answer. */
  hint?: string;
}

/** A prefilled report for reading out on the phone or pasting into a form later. */
export interface ReportDraft {
  id: 'ncsc' | 'dspt' | 'csoc' | 'icb-pharmacy' | 'cqc' | 'police';
  title: string;
  /** Who it goes to and how. */
  howToSend: string;
  fields: DraftField[];
  /** The whole draft as plain text for the clipboard. */
  text: string;
}

export interface ChainCheck {
  ok: boolean;
  entries: number;
  head: string;
  /** Where the chain breaks, in plain words. */
  problem?: string;
}
