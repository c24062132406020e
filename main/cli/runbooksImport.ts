import { lstat, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { LOCAL_CONTACT_ROLES } from '../contract/vocabulary';
import { importDocuments } from '../core/authoring/import/importDocuments';
import { readRunbookFolder } from '../core/runbooks/library';
import { loadNationalContacts } from '../core/runbooks/loadRunbooks';
import { checkFolder } from '../core/runbooks/checkFolder';
import { CONTACTS_FILE, readOwnRoles } from '../core/contacts/contactsDirectory';

const USAGE =
  'usage: npm run runbooks:import -- <file.md|file.txt|file.docx ...> [--out <folder>] [--data <data folder>]';

/** The value after `--name`, and the arguments without the pair; undefined value when absent. */
function takeOption(args: string[], name: string): { value?: string; rest: string[] } {
  const at = args.indexOf(name);
  if (at === -1) return { rest: args };
  const value = args[at + 1];
  return {
    ...(value ? { value } : {}),
    rest: args.filter((_, index) => index !== at && index !== at + 1),
  };
}

/**
 * `npm run runbooks:import -- <file...> [--out <folder>] [--data <data folder>]`: turns existing
 * plans into draft runbooks, one .md per document (in the current folder unless --out says
 * otherwise), says what became steps and what stayed text, then runs the same checks as
 * `npm run runbooks:check`. With --data, the roles the provider added to their contacts there
 * are known to the placeholders and the checks.
 * Exits 1 if a document could not be read or a written runbook has errors.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outOption = takeOption(args, '--out');
  const dataOption = takeOption(outOption.rest, '--data');
  const out = args.includes('--out') ? outOption.value : '.';
  const dataDir = args.includes('--data') ? dataOption.value : null;
  const files = dataOption.rest;
  if (
    files.length === 0 ||
    !out ||
    dataDir === undefined ||
    files.some((file) => file.startsWith('--'))
  ) {
    console.error(USAGE);
    process.exit(2);
  }
  const bundledDir = resolve(import.meta.dirname, '..', '..', 'runbooks');
  const bundled = await readRunbookFolder({
    dir: bundledDir,
    source: 'bundled',
    label: 'runbooks',
  });
  const national = await loadNationalContacts(bundledDir, 'runbooks');
  const ownRoles = dataDir ? await readOwnRoles(join(dataDir, CONTACTS_FILE)) : new Set<string>();
  const documents = await Promise.all(
    files.map(async (file) => ({ name: basename(file), bytes: await readFile(file) })),
  );
  const imported = await importDocuments(documents, {
    takenIds: new Set(bundled.candidates.map((candidate) => candidate.parsed.meta.id)),
    knownRoles: new Set([
      ...Object.keys(LOCAL_CONTACT_ROLES),
      ...ownRoles,
      ...national.contacts.map((contact) => contact.id),
    ]),
    today: new Date().toISOString().slice(0, 10),
  });

  await mkdir(out, { recursive: true });
  let failed = 0;
  for (const { name, outcome } of imported) {
    if (!outcome.ok) {
      failed += 1;
      console.log(`${name}: not imported: ${outcome.error.message}`);
      continue;
    }
    const proposal = outcome.value;
    const target = join(out, `${proposal.header.id}.md`);
    const near = relative(process.cwd(), resolve(target));
    const shown = near.startsWith('..') ? resolve(target) : near;
    if (
      await lstat(target).then(
        () => true,
        () => false,
      )
    ) {
      failed += 1;
      console.log(
        `${name}: not imported: ${shown} already exists (move it away or use another --out folder)`,
      );
      continue;
    }
    await writeFile(target, proposal.text, { flag: 'wx' });
    const { counts, variables } = proposal;
    console.log(
      `${name} → ${shown} (draft): ${counts.phases} phase${counts.phases === 1 ? '' : 's'}, ${counts.steps} step${counts.steps === 1 ? '' : 's'} found, ${counts.textBlocks} block${counts.textBlocks === 1 ? '' : 's'} kept as text, placeholders: ${counts.mapped} mapped, ${counts.unmapped} left as written`,
    );
    for (const variable of variables)
      console.log(
        `  ${variable.written} (${variable.uses}×) → ${variable.chosen === 'keep' ? 'left as written: map it in the editor' : variable.chosen}`,
      );
    for (const note of proposal.notes) console.log(`  ${note}`);
  }

  const { problems } = await checkFolder(out, bundledDir, dataDir ?? undefined);
  const errors = problems.filter((problem) => problem.severity === 'error');
  for (const p of problems) console.log(`${p.file}:${p.line}: ${p.severity}: ${p.message}`);
  console.log(
    `checked ${out}: ${errors.length} error${errors.length === 1 ? '' : 's'}, ${problems.length - errors.length} warning${problems.length - errors.length === 1 ? '' : 's'}`,
  );
  process.exit(failed > 0 || errors.length > 0 ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  });
}
