import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRng } from '../../__fixtures__/prng';
import { openEvidenceLog } from '../../evidence/evidenceLog';
import type { ScryptCost } from '../backupCipher';
import { checkBackup, createEncryptedBackup } from '../dataBackup';

/**
 * Encrypted backups with one changed byte (anywhere: magic, header, body or tag, one random bit)
 * or offered with a wrong passphrase (the near misses people make: capitals, a space, a letter
 * dropped or changed), checked the way restore checks them (checkBackup, which writes nothing):
 * each must be refused, and the untouched backup with its passphrase must still pass.
 * Shared by the test (`npm test` and the reliability tier) and `npm run soak`.
 */
export interface BackupTamperFigures {
  bytes: number;
  changedBytes: number;
  wrongPassphrases: number;
  refused: number;
  /** Changed bytes refused as a wrong passphrase: a change inside the key's salt or check value. */
  changesNamedAsPassphrase: number;
  failures: number;
  problems: string[];
}

const PASSPHRASE = 'Blue kettle on the third shelf';

/** Mistakes a person makes retyping a passphrase; each gives a different passphrase. */
const NEAR_MISSES: readonly ((phrase: string, at: number) => string)[] = [
  (phrase) => phrase.toLowerCase(),
  (phrase) => `${phrase} `,
  (phrase) => ` ${phrase}`,
  (phrase, at) => phrase.slice(0, at) + phrase.slice(at + 1),
  (phrase, at) => phrase.slice(0, at) + (phrase[at] === 'x' ? 'y' : 'x') + phrase.slice(at + 1),
  (phrase, at) => phrase.slice(0, at) + phrase[at] + phrase.slice(at),
];

/** A cheap key so thousands of checks stay quick; the default cost is tested in backupCipher.test.ts. */
const CHEAP: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

export async function backupTamperTrials(options: {
  trials: number;
  seed: number;
  dir: string;
}): Promise<BackupTamperFigures> {
  const dataDir = join(options.dir, 'data');
  const log = await openEvidenceLog(join(dataDir, 'incidents', 'a', 'log.jsonl'), {
    now: () => new Date('2026-03-01T09:00:00.000Z'),
  });
  for (let n = 1; n <= 5; n += 1)
    await log.append({ author: 'Ann', kind: 'note', body: { text: `Rang the IT supplier ${n}` } });
  await log.close();
  await mkdir(join(dataDir, 'runbooks'), { recursive: true });
  await writeFile(join(dataDir, 'runbooks', 'our-own.md'), '# Our own\n\nPhone the manager.\n');
  const { file } = await createEncryptedBackup(dataDir, new Date(), PASSPHRASE, CHEAP);

  const figures: BackupTamperFigures = {
    bytes: file.length,
    changedBytes: 0,
    wrongPassphrases: 0,
    refused: 0,
    changesNamedAsPassphrase: 0,
    failures: 0,
    problems: [],
  };
  const fail = (problem: string): void => {
    figures.failures += 1;
    if (figures.problems.length < 20) figures.problems.push(problem);
  };
  const untouched = await checkBackup(file, PASSPHRASE);
  if (!untouched.ok) fail(`the untouched backup was refused: ${untouched.problem}`);

  const rng = createRng(options.seed);
  for (let trial = 0; trial < options.trials; trial += 1) {
    // One trial in five is a wrong passphrase; the rest change one bit of one byte.
    if (trial % 5 === 4) {
      const miss = NEAR_MISSES[figures.wrongPassphrases % NEAR_MISSES.length]!;
      const typed = miss(PASSPHRASE, rng.int(0, PASSPHRASE.length - 1));
      figures.wrongPassphrases += 1;
      const checked = await checkBackup(file, typed);
      if (checked.ok) fail(`wrong passphrase "${typed}" accepted`);
      else if (!checked.problem.includes('the passphrase is not the one'))
        fail(`wrong passphrase "${typed}" refused as "${checked.problem}"`);
      else figures.refused += 1;
      continue;
    }
    const at = rng.int(0, file.length - 1);
    const changed = file.slice();
    changed[at] = changed[at]! ^ (1 << rng.int(0, 7));
    figures.changedBytes += 1;
    const checked = await checkBackup(changed, PASSPHRASE);
    if (checked.ok) fail(`byte ${at} of ${file.length} changed and accepted`);
    else {
      figures.refused += 1;
      if (checked.problem.includes('the passphrase is not the one'))
        figures.changesNamedAsPassphrase += 1;
    }
  }
  return figures;
}

/** The figure line, the same in the test and the soak. */
export const describeBackupTamper = (figures: BackupTamperFigures): string =>
  `backup tampering: a ${figures.bytes}-byte encrypted backup, ${figures.changedBytes} single-byte changes and ${figures.wrongPassphrases} wrong passphrases, ${figures.refused} refused (${figures.changesNamedAsPassphrase} changes inside the key settings refused as a wrong passphrase), ${figures.failures} failures`;
