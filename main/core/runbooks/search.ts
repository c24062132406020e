import MiniSearch from 'minisearch';
import type { Runbook, SearchHit, StepMatch } from '../../contract/types';

interface IndexedDoc {
  key: string;
  runbookId: string;
  kind: 'runbook' | 'step';
  title: string;
  summary: string;
  synonyms: string;
  text: string;
  phaseTitle: string;
  stepId: string;
  stepNumber: number;
}

/** Full-text search over runbooks and their steps, typo-tolerant, grouped by runbook. */
export interface RunbookSearch {
  search(query: string, limit?: number): SearchHit[];
}

/** Markdown to searchable words: link text kept, link targets, ids and markup dropped. */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\{\{\s*contact\s*:\s*([a-z0-9-]+)\s*\}\}/g, (_, role: string) => role.replace(/-/g, ' '))
    .replace(/[*_`#>[\]]/g, ' ');
}

/**
 * Indexes one document per runbook (title, summary, synonyms) and one per step (text, phase),
 * so a hit can say which step matched; results are grouped back into runbooks.
 */
export function buildSearch(runbooks: Iterable<Runbook>): RunbookSearch {
  const index = new MiniSearch<IndexedDoc>({
    idField: 'key',
    fields: ['title', 'summary', 'synonyms', 'text', 'phaseTitle'],
    storeFields: ['runbookId', 'kind', 'text', 'phaseTitle', 'stepId', 'stepNumber'],
    searchOptions: {
      boost: { title: 4, synonyms: 3, summary: 2, text: 1, phaseTitle: 0.5 },
      prefix: true,
      fuzzy: (term) => (term.length > 3 ? 0.2 : false),
      combineWith: 'AND',
    },
  });
  const meta = new Map<string, Runbook>();
  const docs: IndexedDoc[] = [];
  for (const runbook of runbooks) {
    meta.set(runbook.id, runbook);
    docs.push({
      key: runbook.id,
      runbookId: runbook.id,
      kind: 'runbook',
      title: runbook.title,
      summary: runbook.summary,
      synonyms: runbook.synonyms.join(' '),
      text: plain(runbook.intro),
      phaseTitle: '',
      stepId: '',
      stepNumber: 0,
    });
    for (const phase of runbook.phases) {
      for (const step of phase.steps) {
        docs.push({
          key: `${runbook.id}#${step.id}`,
          runbookId: runbook.id,
          kind: 'step',
          title: '',
          summary: '',
          synonyms: '',
          text: plain(`${step.text} ${step.details} ${step.options.map((o) => o.text).join(' ')}`),
          phaseTitle: phase.title,
          stepId: step.id,
          stepNumber: step.number,
        });
      }
    }
  }
  index.addAll(docs);

  return {
    search(query, limit = 10) {
      const trimmed = query.trim();
      if (trimmed === '') return [];
      let results = index.search(trimmed);
      // A stressed user types loosely: if every word can't match, fall back to any word.
      if (results.length === 0) results = index.search(trimmed, { combineWith: 'OR' });
      const hits = new Map<string, SearchHit>();
      for (const result of results) {
        const runbook = meta.get(result.runbookId as string);
        if (!runbook) continue;
        let hit = hits.get(runbook.id);
        if (!hit) {
          hit = { id: runbook.id, title: runbook.title, summary: runbook.summary, category: runbook.category, score: 0, matches: [] };
          hits.set(runbook.id, hit);
        }
        hit.score += result.score;
        if (result.kind === 'step' && hit.matches.length < 3) {
          const match: StepMatch = {
            phaseTitle: result.phaseTitle as string,
            stepId: result.stepId as string,
            stepNumber: result.stepNumber as number,
            text: snippet(result.text as string),
          };
          hit.matches.push(match);
        }
      }
      return [...hits.values()].sort((a, b) => b.score - a.score).slice(0, limit);
    },
  };
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 140 ? `${flat.slice(0, 137)}…` : flat;
}
