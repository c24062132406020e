import { mkdir, mkdtemp, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Problem } from '../../contract/types';
import { parseNationalContacts, type NationalContact } from '../contacts/nationalContacts';
import { lineOf, runbookSource, SIMPLE_BODY } from './__fixtures__/runbookSource';
import {
  loadLibrary,
  runbookFromSnapshot,
  snapshotFromLibrary,
  type RunbookFolder,
} from './library';

const BUNDLED_DIR = resolve(import.meta.dirname, '../../../runbooks');
const bundled: RunbookFolder = { dir: BUNDLED_DIR, source: 'bundled', label: 'runbooks' };

let dir: string;
let user: RunbookFolder;
let national: NationalContact[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'holdfast-library-'));
  user = { dir, source: 'user', label: 'your runbooks' };
  national = parseNationalContacts(
    await readFile(join(BUNDLED_DIR, 'national-contacts.json'), 'utf8'),
    'runbooks/national-contacts.json',
  ).contacts;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const put = (name: string, content: string | Uint8Array) => writeFile(join(dir, name), content);
const only = (problems: Problem[], file: string) => problems.filter((p) => p.file === file);

describe('loadLibrary', () => {
  it('loads the bundled runbooks and contacts pack with no problems', async () => {
    const { runbooks, problems } = await loadLibrary([bundled], national);
    expect(problems).toEqual([]);
    expect([...runbooks.keys()]).toEqual(
      expect.arrayContaining(['ransomware', 'lost-device', 'care-record-system-down']),
    );
    for (const runbook of runbooks.values())
      expect(runbook).toMatchObject({ source: 'bundled', overridesBundled: false });
  });

  it('never lets one bad file hide the good ones, and names each bad file', async () => {
    await put('a-good.md', runbookSource({ id: 'a-good', body: SIMPLE_BODY }));
    await put(
      'b-bad-yaml.md',
      runbookSource({ id: 'b-bad', title: 'Ransomware: pay', body: SIMPLE_BODY }),
    );
    await put(
      'c-binary.md',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff]),
    );
    await put('d-good.md', runbookSource({ id: 'd-good', body: SIMPLE_BODY }));

    const { runbooks, problems } = await loadLibrary([user], national);

    expect([...runbooks.keys()].sort()).toEqual(['a-good', 'd-good']);
    expect(problems).toEqual([
      expect.objectContaining({ file: 'your runbooks/b-bad-yaml.md', line: 3, severity: 'error' }),
      expect.objectContaining({
        file: 'your runbooks/c-binary.md',
        line: 1,
        severity: 'error',
        message: expect.stringContaining('not a text file') as unknown,
      }),
    ]);
  });

  it('skips README.md, SOURCES.md and files that are not .md', async () => {
    await put('README.md', '# How to write runbooks');
    await put('SOURCES.md', '# Sources\n\n- a fact · https://www.gov.uk/ · checked 2026-12-04');
    await put('notes.txt', 'not a runbook');
    await put('good.md', runbookSource({ id: 'good', body: SIMPLE_BODY }));
    const { runbooks, problems } = await loadLibrary([user], national);
    expect([...runbooks.keys()]).toEqual(['good']);
    expect(problems).toEqual([]);
  });

  it('treats a missing user folder as empty', async () => {
    const missing: RunbookFolder = {
      dir: join(dir, 'not-created-yet'),
      source: 'user',
      label: 'your runbooks',
    };
    const { runbooks, problems } = await loadLibrary([bundled, missing], national);
    expect(runbooks.size).toBeGreaterThanOrEqual(3);
    expect(problems).toEqual([]);
  });

  it('lets a user file replace the bundled runbook with the same id, and says so', async () => {
    await put(
      'my-ransomware.md',
      runbookSource({
        id: 'ransomware',
        title: 'Our own ransomware plan',
        category: 'ransom-or-locked',
        body: SIMPLE_BODY,
      }),
    );
    const { runbooks, problems } = await loadLibrary([bundled, user], national);
    expect(problems).toEqual([]);
    expect(runbooks.get('ransomware')).toMatchObject({
      title: 'Our own ransomware plan',
      source: 'user',
      overridesBundled: true,
      file: 'your runbooks/my-ransomware.md',
    });
    expect(runbooks.get('lost-device')).toMatchObject({
      source: 'bundled',
      overridesBundled: false,
    });
  });

  it('marks a new user runbook as not overriding anything', async () => {
    await put('extra.md', runbookSource({ id: 'extra', body: SIMPLE_BODY }));
    const { runbooks } = await loadLibrary([bundled, user], national);
    expect(runbooks.get('extra')).toMatchObject({ source: 'user', overridesBundled: false });
  });

  it('reports a second file with an id already used in the same folder, and keeps the first', async () => {
    await put('a.md', runbookSource({ id: 'same-id', title: 'First file', body: SIMPLE_BODY }));
    await put('b.md', runbookSource({ id: 'same-id', title: 'Second file', body: SIMPLE_BODY }));
    const { runbooks, problems } = await loadLibrary([user], national);
    expect(runbooks.get('same-id')?.title).toBe('First file');
    expect(problems).toEqual([
      {
        file: 'your runbooks/b.md',
        line: 2,
        severity: 'error',
        message: 'runbook id "same-id" is already used by your runbooks/a.md; this file is ignored',
      },
    ]);
  });

  it('points the duplicate-id error at the id line even when id is not the first field', async () => {
    await put('a.md', runbookSource({ id: 'same-id', body: SIMPLE_BODY }));
    const second = runbookSource({ id: 'same-id', body: SIMPLE_BODY })
      .replace('id: same-id\n', '')
      .replace('version: 1', 'version: 1\nid: same-id');
    await put('b.md', second);
    const { problems } = await loadLibrary([user], national);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'your runbooks/b.md',
        line: lineOf(second, 'id: same-id'),
      }),
    ]);
  });

  it('warns, with lines, about links to missing runbooks or steps, and refuses an unknown contact role with the closest one', async () => {
    const source = runbookSource({
      id: 'cross-links',
      contacts: ['csoc', 'registered-manager'],
      body: [
        '',
        '## Tell {#tell}',
        '',
        '1. Phone {{contact:csoc}} now. {#call-csoc}',
        '2. Phone {{contact:registered-manger}} about the leak. {#call-manager}',
        '3. Phone {{contact:it-supplier}} as well. {#call-it}',
        '4. Read [the ransomware runbook](runbook:ransomware). {#read-ransomware}',
        '5. Read [the flood runbook](runbook:flood). {#read-flood}',
        '6. Go to [a step that is not there](runbook:ransomware#no-such-step). {#bad-step}',
      ],
    });
    await put('cross-links.md', source);
    const { runbooks, problems } = await loadLibrary([bundled, user], national);
    // A step would show a gap where the contact should be, so the runbook is not loaded.
    expect(runbooks.has('cross-links')).toBe(false);
    expect(only(problems, 'your runbooks/cross-links.md').sort((a, b) => a.line - b.line)).toEqual([
      {
        file: 'your runbooks/cross-links.md',
        line: lineOf(source, 'registered-manger'),
        severity: 'error',
        message:
          'unknown contact role "registered-manger" in {{contact:registered-manger}}: a step would show a gap where the contact should be. Did you mean "registered-manager"?',
      },
      {
        file: 'your runbooks/cross-links.md',
        line: lineOf(source, 'contact:it-supplier'),
        severity: 'warning',
        message: 'contact "it-supplier" is used but not listed in the front matter "contacts"',
      },
      {
        file: 'your runbooks/cross-links.md',
        line: lineOf(source, 'runbook:flood'),
        severity: 'warning',
        message: 'link to runbook "flood", which does not exist',
      },
      {
        file: 'your runbooks/cross-links.md',
        line: lineOf(source, 'no-such-step'),
        severity: 'warning',
        message: 'link to step "no-such-step" of runbook "ransomware", which has no such step',
      },
    ]);
  });

  it('resolves national contacts to their number and source, and leaves local ones for the provider to fill in', async () => {
    await put(
      'contacts.md',
      runbookSource({ id: 'contacts', contacts: ['csoc', 'insurer'], body: SIMPLE_BODY }),
    );
    const { runbooks } = await loadLibrary([user], national);
    const contacts = runbooks.get('contacts')?.contacts ?? [];
    expect(contacts.find((c) => c.role === 'csoc')).toMatchObject({
      national: true,
      channels: [expect.objectContaining({ kind: 'phone' })],
      source: expect.stringMatching(/^https:\/\//) as unknown,
    });
    expect(contacts.find((c) => c.role === 'insurer')).toEqual({
      role: 'insurer',
      label: 'Insurer incident line',
      national: false,
      channels: null,
      stale: false,
    });
  });

  it('refuses a role named after an Object.prototype property as unknown', async () => {
    const source = runbookSource({
      id: 'odd-role',
      contacts: ['constructor'],
      body: [...SIMPLE_BODY, '3. Phone {{contact:constructor}}. {#call}'],
    });
    await put('odd-role.md', source);
    const { runbooks, problems } = await loadLibrary([user], national);
    expect(problems).toEqual([
      expect.objectContaining({
        line: lineOf(source, '{{contact:constructor}}'),
        severity: 'error',
        message: expect.stringMatching(/^unknown contact role "constructor" /) as unknown,
      }),
    ]);
    expect(runbooks.has('odd-role')).toBe(false);
  });

  it('refuses a 5 MB file with its size, and still loads the others', async () => {
    await put('huge.md', new Uint8Array(5 * 1024 * 1024).fill(0x61));
    await put('good.md', runbookSource({ id: 'good', body: SIMPLE_BODY }));
    const { runbooks, problems } = await loadLibrary([user], national);
    expect([...runbooks.keys()]).toEqual(['good']);
    expect(problems).toEqual([
      {
        file: 'your runbooks/huge.md',
        line: 1,
        severity: 'error',
        message: 'file is too large (5.0 MB; a runbook may be at most 512 KB)',
      },
    ]);
  });

  it.skipIf(process.platform === 'win32')(
    'never reads an oversized file: a 3 GB sparse file is refused instead of crashing the load',
    async () => {
      // Reading a file over 2 GB into memory throws, so this only passes if the size is checked first.
      await put('enormous.md', '');
      await truncate(join(dir, 'enormous.md'), 3 * 1024 ** 3);
      await put('good.md', runbookSource({ id: 'good', body: SIMPLE_BODY }));
      const { runbooks, problems } = await loadLibrary([user], national);
      expect([...runbooks.keys()]).toEqual(['good']);
      expect(problems).toEqual([
        expect.objectContaining({
          file: 'your runbooks/enormous.md',
          line: 1,
          message: expect.stringContaining('too large') as unknown,
        }),
      ]);
    },
  );

  it('skips a folder that happens to end in .md', async () => {
    await mkdir(join(dir, 'drafts.md'));
    await put('good.md', runbookSource({ id: 'good', body: SIMPLE_BODY }));
    expect([...(await loadLibrary([user], national)).runbooks.keys()]).toEqual(['good']);
  });

  it.skipIf(process.platform === 'win32')(
    'does not let a broken symlink hide the good runbooks',
    async () => {
      await symlink(join(dir, 'deleted-target.md'), join(dir, 'dangling.md'));
      await put('good.md', runbookSource({ id: 'good', body: SIMPLE_BODY }));
      const { runbooks, problems } = await loadLibrary([user], national);
      expect([...runbooks.keys()]).toEqual(['good']);
      for (const problem of problems) expect(problem.file).toBe('your runbooks/dangling.md');
    },
  );
});

describe('snapshotFromLibrary', () => {
  it('gives for every bundled runbook exactly what parsing a snapshot of the same bytes gives', async () => {
    const library = await loadLibrary([bundled], national);
    const byId = new Map(national.map((contact) => [contact.id, contact]));
    expect(library.runbooks.size).toBeGreaterThan(10);
    for (const [id, origin] of library.origins) {
      const file = `incident snapshot of ${id}`;
      const parsed = runbookFromSnapshot(await readFile(origin.path), file, 'user', byId);
      expect(snapshotFromLibrary(library, id, origin.sha256, file)).toEqual(parsed.runbook);
    }
  });

  it('gives nothing when the library holds other bytes under that id, or no such runbook', async () => {
    const library = await loadLibrary([bundled], national);
    const file = 'incident snapshot of ransomware';
    expect(snapshotFromLibrary(library, 'ransomware', '0'.repeat(64), file)).toBeUndefined();
    expect(snapshotFromLibrary(library, 'no-such-runbook', '0'.repeat(64), file)).toBeUndefined();
  });
});
