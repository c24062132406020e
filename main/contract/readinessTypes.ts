/** The checks on the home screen's "Getting ready" list, in the order they are shown. */
export const READINESS_CHECKS = [
  'local-contacts',
  'national-contacts',
  'runbooks-reviewed',
  'exercise',
  'grab-bag',
  'backup',
  'systems',
  'isolation-instruction',
] as const;
export type ReadinessCheck = (typeof READINESS_CHECKS)[number];

/** Where a line's "fix it" link goes; the renderer turns each into an address. */
export type ReadinessLink =
  | { to: 'contacts'; role?: string }
  | { to: 'systems'; system?: string }
  | { to: 'runbook-editor'; runbook: string }
  | { to: 'all-runbooks' }
  | { to: 'exercises'; exercise?: string }
  | { to: 'grab-bag' }
  | { to: 'settings'; section?: 'backup' | 'isolation' };

/** One thing named under a line (a missing role, an old runbook), with where to fix it. */
export interface ReadinessItem {
  text: string;
  link?: ReadinessLink;
}

/** One line of the checklist: its state in words, never a score. */
export interface ReadinessLine {
  check: ReadinessCheck;
  /** What is checked, e.g. "Local contacts". */
  title: string;
  ready: boolean;
  /** The state in a sentence, e.g. "3 roles have no contact yet." */
  summary: string;
  /** The things to fix, named; at most a handful. */
  items: ReadinessItem[];
  /** How many more there are than `items` names (they are on the screen the fix link opens). */
  more: number;
  /** The one link that fixes it, in words ("Fill in contacts"). */
  fix: { words: string; link: ReadinessLink };
}

export interface Readiness {
  /** When the checks were made (ISO), for the printed copy. */
  at: string;
  organisationName: string;
  lines: ReadinessLine[];
}
