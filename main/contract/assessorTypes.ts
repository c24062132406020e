/**
 * "Evidence for an assessor": what the plan, the exercises and the incidents of a chosen period
 * show, as the core found them. The renderer shows it; every string a person typed stays a
 * separate field so the screen can set it apart from Holdfast's own words.
 */

/** A span of days in London, both ends included, as YYYY-MM-DD. */
export interface EvidencePeriod {
  from: string;
  to: string;
}

/** The parts of the document, in the order they are shown. */
export const EVIDENCE_PARTS = ['plan', 'exercises', 'incidents', 'people'] as const;
export type EvidencePart = (typeof EVIDENCE_PARTS)[number];

/** What a part supports, in plain words, for the assessor and for whoever fills in the toolkit. */
export interface EvidenceLabel {
  /** The topic, e.g. "Business continuity: the plan is tested". */
  topic: string;
  /** One sentence on what the part shows. */
  shows: string;
}

/** One runbook of the plan, with when its header says it was reviewed and its last change here. */
export interface PlanRunbook {
  id: string;
  title: string;
  version: number;
  /** The review date in the runbook's header (YYYY-MM-DD). */
  reviewed: string;
  /** The owner in the runbook's header. */
  owner: string;
  /** Who saved the current review date in Holdfast; null when it came with the runbook's file. */
  reviewedBy: string | null;
  /** The review date falls inside the period. */
  reviewedInPeriod: boolean;
  /** Came with Holdfast and never changed here, or the provider's own (or edited) runbook. */
  source: 'bundled' | 'user';
  /** The last saved change in its history (when, who, what); null when it was never changed here. */
  lastChange: { at: string; by: string; what: string } | null;
}

/** A follow-up action from an exercise debrief, with its state on the day the document was made. */
export interface EvidenceAction {
  number: number;
  text: string;
  owner: string;
  /** YYYY-MM-DD */
  due: string;
  state: 'open' | 'overdue' | 'done';
  doneAt?: string;
}

/** A log's size and the check code printed on paper copies. */
export interface EvidenceLog {
  entries: number;
  /** The log check code, or words saying the log does not verify. */
  checkCode: string;
}

export interface ExerciseEvidence {
  id: string;
  title: string;
  scenario: string;
  scenarioVersion: number;
  facilitator: string;
  startedAt: string;
  finishedAt: string | null;
  attendees: Array<{ name: string; role: string }>;
  actions: EvidenceAction[];
  log: EvidenceLog;
  /** Where its after-action report is inside the zip. */
  reportFile: string;
}

/** A report the incident's clocks record: made (with its reference), not needed (with why), or still to do. */
export interface EvidenceReport {
  label: string;
  state: 'done' | 'not-needed' | 'not-done';
  reference?: string;
  reason?: string;
  at?: string;
}

export interface IncidentEvidence {
  id: string;
  name: string;
  awareAt: string;
  openedAt: string;
  closedAt: string | null;
  lead: string;
  reports: EvidenceReport[];
  log: EvidenceLog;
  /** Where its incident report is inside the zip. */
  reportFile: string;
}

/** Someone named in the period's exercises or incidents, and how they took part. */
export interface Participant {
  name: string;
  /** e.g. { as: "Facilitator", in: "Supplier ransomware drill" }; `as` may be a role someone typed. */
  took: Array<{ as: string; in: string }>;
}

export interface AssessorEvidence {
  title: string;
  /** The markdown file's name; the zip and the PDF take the same name. */
  filename: string;
  period: EvidencePeriod;
  /** When the document was made (ISO). */
  madeAt: string;
  organisationName: string;
  labels: Record<EvidencePart, EvidenceLabel>;
  /** Said once under the title: where the toolkit's item numbers go. */
  labelNote: string;
  plan: PlanRunbook[];
  exercises: ExerciseEvidence[];
  incidents: IncidentEvidence[];
  people: Participant[];
  /** The whole document as markdown, the same words as the screen. */
  markdown: string;
}
