import type { RevisionSummary } from '../../contract/authoringTypes';
import { parseFrontMatter, splitFrontMatter } from '../runbooks/frontMatter';

/** Revisions read back at most per runbook: a long history's older reviews are not this period's. */
const MAX_REVISIONS_READ = 50;

/** The review date a revision's header gives, read with the same safe parser as the library. */
export function reviewedDateIn(text: string): string | null {
  const { yaml } = splitFrontMatter(text, 'revision');
  if (yaml === null) return null;
  const reviewed = parseFrontMatter(yaml, 'revision').value?.reviewed;
  return typeof reviewed === 'string' ? reviewed : null;
}

/**
 * Who recorded the runbook's current review date: the author of the earliest revision, in the
 * latest unbroken run of revisions whose header gives that date. Null when the date came with
 * Holdfast or was in the file before Holdfast's first change, so nobody here is named for a review
 * they did not save.
 */
export async function reviewedBy(
  reviewed: string,
  history: readonly RevisionSummary[],
  read: (seq: number) => Promise<string | null>,
): Promise<string | null> {
  let by: string | null = null;
  for (const revision of [...history].reverse().slice(0, MAX_REVISIONS_READ)) {
    if (revision.kind === 'trash') continue;
    const text = await read(revision.seq);
    if (text === null || reviewedDateIn(text) !== reviewed) break;
    // The text as it came with Holdfast (or as first found in the folder): nobody here saved it.
    if (revision.kind === 'original' || revision.kind === 'reset') return null;
    by = revision.author;
  }
  return by;
}
