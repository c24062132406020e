import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Runbook } from '../../../contract/types';
import { parseNationalContacts } from '../../contacts/nationalContacts';
import { loadLibrary } from '../library';
import { buildSearch, type RunbookSearch } from '../../../shared/search';
import { snippetText } from '../../../shared/search/snippetText';

const BUNDLED_DIR = resolve(import.meta.dirname, '../../../../runbooks');

let ransomware: Runbook;
let search: RunbookSearch;

beforeAll(async () => {
  const national = parseNationalContacts(
    await readFile(join(BUNDLED_DIR, 'national-contacts.json'), 'utf8'),
    'national-contacts.json',
  );
  const library = await loadLibrary(
    [{ dir: BUNDLED_DIR, source: 'bundled', label: 'runbooks' }],
    national.contacts,
  );
  ransomware = library.runbooks.get('ransomware') as Runbook;
  search = buildSearch(library.runbooks.values());
});

describe('snippetText', () => {
  it('names contacts by their label, as people read them', () => {
    expect(snippetText('Phone {{contact:it-supplier}} now.', ransomware)).toBe(
      'Phone IT supplier now.',
    );
    expect(snippetText('Ask {{ contact : ig-lead }}.', ransomware)).toBe(
      'Ask Data protection or IG lead.',
    );
  });

  it('never shows a raw placeholder', () => {
    const text = snippetText(
      'Do this: {{setting:isolation-instruction}} then check {{system:emar.paper-location}} and {{odd thing}}',
      ransomware,
    );
    expect(text).not.toMatch(/\{\{|\}\}/);
    expect(text).toContain("Your IT supplier's instruction");
    expect(text).toContain('(shown in the runbook)');
  });

  it('cuts a long snippet before a placeholder rather than through it, and between words', () => {
    const text = snippetText(
      `${'Check the doors. '.repeat(7)}Your plan: {{setting:isolation-instruction}} now.`,
      ransomware,
    );
    expect(text.length).toBeLessThanOrEqual(140);
    expect(text).toMatch(/Your plan:…$/);
    const words = snippetText('abcdefghij '.repeat(20), ransomware);
    expect(words).toMatch(/abcdefghij…$/);
  });

  it('drops list markers, which read as stray dashes on one line', () => {
    expect(
      snippetText('Do not pay.\n\n- Leave the message.\n- Do not reply.\n1. Ring.', ransomware),
    ).toBe('Do not pay. Leave the message. Do not reply. Ring.');
    expect(snippetText('Costs 5 - 10 minutes', ransomware)).toBe('Costs 5 - 10 minutes');
  });

  it('keeps link text, drops emphasis, and cuts long text to one short line', () => {
    expect(snippetText('See **the** [guide](https://example.org/x) _now_', ransomware)).toBe(
      'See the guide now',
    );
    const long = snippetText('word '.repeat(100), ransomware);
    expect(long.length).toBeLessThanOrEqual(140);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('search result snippets from the bundled runbooks', () => {
  it.each(['screen says pay', 'phone it supplier', 'isolation instruction', 'paper charts'])(
    '"%s" shows role labels and no placeholder',
    (query) => {
      const hits = search.search(query, 8);
      const texts = hits.flatMap((hit) => hit.matches.map((match) => match.text));
      expect(texts.length).toBeGreaterThan(0);
      for (const text of texts) {
        expect(text).not.toMatch(/\{\{|\}\}/);
        expect(text).not.toMatch(/\bit supplier\b/);
        expect(text).not.toMatch(/(^| )- /);
      }
    },
  );
});
