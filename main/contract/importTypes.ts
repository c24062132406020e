import type { Category, ProviderType } from './vocabulary';
import type { Problem } from './types';

/** The kinds of document "Import a plan" reads. */
export type PlanFormat = 'md' | 'txt' | 'docx';

/** The proposed runbook header; every field can be changed in the preview before saving. */
export interface ImportHeader {
  id: string;
  title: string;
  category: Category;
  summary: string;
  providerTypes: ProviderType[];
  reviewed: string;
  owner: string;
}

/** Where a step came from in the document, said in the preview. */
export type StepOrigin = 'numbered' | 'checklist' | 'bullets';

/** One block of the proposed runbook, in document order. */
export type ImportBlock =
  | { kind: 'phase'; id: string; title: string }
  | {
      kind: 'step';
      id: string;
      /** 1, 2, 3… within its phase. */
      number: number;
      text: string;
      details: string;
      from: StepOrigin;
      /** The step as the reader shows it: contacts, settings and systems filled in. */
      html?: { text: string; details: string };
    }
  | {
      kind: 'text';
      text: string;
      /** Set when a list was kept as text on purpose (references, appendix, plain bullets). */
      kept?: 'reference' | 'list';
      /** The text as the reader shows it. */
      html?: string;
    };

/**
 * A placeholder written in the document (`{{COMPANY_NAME}}`, `[ORG NAME]`, `<Organisation>`) and
 * what it becomes: `contact:<role>`, `setting:regulator`, `organisation` (the name in Settings),
 * or `keep` (left as written, and reported).
 */
export interface ImportVariable {
  written: string;
  uses: number;
  suggested: string;
  chosen: string;
}

export interface PlanCounts {
  phases: number;
  steps: number;
  textBlocks: number;
  mapped: number;
  unmapped: number;
}

/** What "Import a plan" proposes for one document. */
export interface PlanPreview {
  header: ImportHeader;
  blocks: ImportBlock[];
  variables: ImportVariable[];
  counts: PlanCounts;
  /** The document as markdown: send it back (format "md") with changed choices, instead of the file. */
  source: string;
  /** The runbook file "Save as draft" writes (a draft, with step ids written in). */
  text: string;
  /** The checks `npm run runbooks:check` runs, over `text`. */
  problems: Problem[];
  /** Things the import did that the person should know (a header dropped, links made plain text). */
  notes: string[];
}

/**
 * What happened to one document imported as a draft: saved (it opens in the editor), or kept in
 * the runbooks folder as a file to fix, because it has errors the editor must resolve first.
 */
export type ImportedDraft =
  | { outcome: 'saved'; id: string; title: string; counts: PlanCounts }
  | { outcome: 'to-fix'; file: string; title: string; problems: Problem[] };
