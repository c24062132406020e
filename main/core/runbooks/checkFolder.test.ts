import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkFolder } from './checkFolder';
import { NATIONAL_CONTACTS_FILE } from './loadRunbooks';

const BUNDLED = resolve(import.meta.dirname, '../../../runbooks');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'holdfast-check-'));
  await cp(BUNDLED, dir, { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runbooks:check on a folder with its own national contacts pack', () => {
  it('passes the bundled content as shipped', async () => {
    const { problems } = await checkFolder(dir, dir);
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('fails with an error, not a warning, when a national source is outside the official sites', async () => {
    const file = join(dir, NATIONAL_CONTACTS_FILE);
    const text = await readFile(file, 'utf8');
    const official = 'https://www.reportfraud.police.uk/how-to-report-suspicious-activity/';
    expect(text).toContain(official);
    await writeFile(
      file,
      text.replace(official, 'https://www.wired-gov.net/wg/news.nsf/articles/report+fraud'),
    );
    const { problems } = await checkFolder(dir, dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: expect.stringContaining(NATIONAL_CONTACTS_FILE) as unknown,
          severity: 'error',
          message: expect.stringContaining('wired-gov.net') as unknown,
        }),
      ]),
    );
  });
});
