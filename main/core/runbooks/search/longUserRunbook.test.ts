import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DIR } from '../../__fixtures__/testCore';
import { loadRunbooks } from '../loadRunbooks';
import type { RunbookSearch } from '../../../shared/search';

/**
 * A long playbook of the provider's own, shaped like an imported one: every step says
 * "ransomware", and its last steps are a bibliography with HTML anchors.
 */
const PLAYBOOK = [
  '---',
  'id: playbook-ransomware',
  'title: "Playbook: Ransomware"',
  'category: ransom-or-locked',
  'summary: Our ransomware playbook.',
  'reviewed: 2026-01-01',
  'owner: IT team',
  'version: 1',
  '---',
  '',
  '## Playbook: Ransomware',
  '',
  ...Array.from(
    { length: 32 },
    (_, n) => `${n + 1}. Check ransomware indicators on system ${n + 1}. {#check-${n + 1}}`,
  ),
  ...[33, 34, 35, 36].map(
    (n) =>
      `${n}. <a name="ransomware-playbook-ref-${n}"></a> Ransomware guide, [reference ${n}](https://example.org/ransomware-ransomware). {#ref-${n}}`,
  ),
  '',
].join('\n');

let dir: string;
let search: RunbookSearch;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'holdfast-long-'));
  await writeFile(join(dir, 'playbook-ransomware.md'), PLAYBOOK);
  ({ search } = await loadRunbooks({ bundledDir: BUNDLED_DIR, userDir: dir }));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a very long runbook of the provider’s own', () => {
  it('comes after the bundled runbook for "ransomware", and never shows a bibliography line as its match', () => {
    const hits = search.search('ransomware', 5);
    expect(hits.map((hit) => hit.id).slice(0, 2)).toEqual(['ransomware', 'playbook-ransomware']);
    const own = hits[1];
    expect(own?.matches[0]?.stepId).toBe('check-1');
    expect(own?.matches.some((match) => match.stepId.startsWith('ref-'))).toBe(false);
  });

  it('still comes first when it matches clearly better', () => {
    expect(search.search('ransomware playbook', 1)[0]?.id).toBe('playbook-ransomware');
  });
});
