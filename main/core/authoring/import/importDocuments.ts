import type { PlanFormat } from '../../../contract/importTypes';
import type { Result } from '../../../contract/result';
import type { ProviderType } from '../../../contract/vocabulary';
import { stemOf } from './cleanSource';
import { proposeRunbook, runbookIdFor, type Proposal } from './proposeRunbook';
import { formatOf, readDocument } from './readDocument';

export interface ImportedDocument {
  name: string;
  format: PlanFormat;
  outcome: Result<Proposal>;
}

/**
 * Imports several documents at once, so links between them become `runbook:` links: each
 * document's id is settled from its file name first, then every document is proposed.
 */
export async function importDocuments(
  documents: Array<{ name: string; bytes: Uint8Array }>,
  context: {
    takenIds: ReadonlySet<string>;
    knownRoles: ReadonlySet<string>;
    today: string;
    organisation?: string;
    providerType?: ProviderType | null;
  },
): Promise<ImportedDocument[]> {
  const taken = new Set(context.takenIds);
  const siblings = new Map<string, string>();
  for (const { name } of documents) {
    const id = runbookIdFor(name, name, taken);
    taken.add(id);
    siblings.set(stemOf(name), id);
  }
  return Promise.all(
    documents.map(async ({ name, bytes }) => {
      const format = formatOf(name);
      const read = await readDocument(format, { bytes });
      if (!read.ok) return { name, format, outcome: read };
      const id = siblings.get(stemOf(name));
      const proposal = proposeRunbook(read.value, {
        name,
        today: context.today,
        organisation: context.organisation ?? '',
        providerType: context.providerType ?? null,
        // Every other document's id is taken; this one keeps the id settled for it above.
        takenIds: new Set([...taken].filter((taken) => taken !== id)),
        knownRoles: context.knownRoles,
        siblings,
      });
      return { name, format, outcome: { ok: true as const, value: proposal } };
    }),
  );
}
