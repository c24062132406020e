import type { ExerciseSummary } from '../../contract/exerciseTypes';
import type { ReadinessItem, ReadinessLine } from '../../contract/readinessTypes';
import type {
  ContactRole,
  ContactsDirectory,
  PackStatus,
  Settings,
  SystemEntry,
} from '../../contract/types';
import { isOlderThanMonths } from '../../shared/dates';
import { isStale, STALE_AFTER_MONTHS } from '../contacts/staleness';
import { formatDate } from '../../shared/dayDate';
import { pluralise } from '../../shared/pluralise';
// Typed names (a role, a system, a runbook or exercise title) sit inside one line of words: each
// is isolated so it cannot reorder the rest (see isolatedText).
import { isolatedText } from '../../shared/documentText';

/** A backup older than this is called out: a month of care records is a lot to type again. */
export const BACKUP_DUE_AFTER_DAYS = 30;
/** Each line names at most this many things; the rest are counted. */
export const ITEMS_SHOWN = 6;

/** What the checks read, each from its own domain, at one moment. */
export interface ReadinessInputs {
  now: Date;
  settings: Settings;
  directory: ContactsDirectory;
  /** Local roles the first-15-minutes card sends people to: no contact for these is the worst gap. */
  criticalRoles: readonly string[];
  /** The published runbooks for this type of service. */
  runbooks: ReadonlyArray<{ id: string; title: string; reviewed: string }>;
  exercises: readonly ExerciseSummary[];
  pack: PackStatus;
  /** When the last full backup was made (ISO), or null when none has been. */
  lastBackupAt: string | null;
  systems: readonly SystemEntry[];
}

/**
 * The "Getting ready" checklist: each line says its state in words and links to where it is
 * fixed. No score: a provider with one gap has one thing to do, not "88 %".
 */
export function assessReadiness(inputs: ReadinessInputs): ReadinessLine[] {
  return [
    localContacts(inputs),
    nationalContacts(inputs),
    runbooksReviewed(inputs),
    exercise(inputs),
    grabBag(inputs),
    backup(inputs),
    systems(inputs),
    isolationInstruction(inputs),
  ];
}

/** The first few things to fix, and how many more there are. */
function named(items: ReadinessItem[]): Pick<ReadinessLine, 'items' | 'more'> {
  return { items: items.slice(0, ITEMS_SHOWN), more: Math.max(0, items.length - ITEMS_SHOWN) };
}

function localContacts({ directory, criticalRoles }: ReadinessInputs): ReadinessLine {
  const isCritical = (role: string): boolean => criticalRoles.includes(role);
  const missing = directory.roles.filter((entry) => entry.status === 'missing' || !entry.contact);
  // A contact needed first, reachable only through our own systems (work email, the office phone
  // system), cannot be reached on the night those systems are down.
  const unreachable = directory.roles.filter(
    (entry) =>
      isCritical(entry.role) &&
      entry.contact !== null &&
      !entry.contact.channels.some((channel) => channel.outOfBand),
  );
  const stale = directory.roles.filter((entry) => entry.status === 'stale' && entry.contact);
  // One item per role, saying everything wrong with it; the roles needed first come first.
  const problemsOf = (entry: ContactRole): string[] => {
    if (missing.includes(entry))
      return [
        isCritical(entry.role)
          ? 'not set yet. You need this one in the first 15 minutes.'
          : 'not set yet',
      ];
    const problems: string[] = [];
    if (stale.includes(entry))
      problems.push(
        `last checked ${formatDate(entry.contact?.lastVerified ?? '')}, more than ${STALE_AFTER_MONTHS} months ago`,
      );
    if (unreachable.includes(entry))
      problems.push(
        'no way marked to reach them when your own systems are down (a mobile, or a number that does not go through your office systems)',
      );
    return problems;
  };
  const items: ReadinessItem[] = [...directory.roles]
    .sort((a, b) => Number(isCritical(b.role)) - Number(isCritical(a.role)))
    .flatMap((entry) => {
      const problems = problemsOf(entry);
      return problems.length === 0
        ? []
        : [
            {
              text: `${isolatedText(entry.label)}: ${problems.join('; ')}`,
              link: { to: 'contacts', role: entry.role },
            },
          ];
    });
  const parts: string[] = [];
  if (missing.length > 0)
    parts.push(`${pluralise(missing.length, 'role has', 'roles have')} no contact yet`);
  if (unreachable.length > 0)
    parts.push(
      `${pluralise(unreachable.length, 'contact you need first has', 'contacts you need first have')} no way to reach them when your systems are down`,
    );
  if (stale.length > 0)
    parts.push(`${pluralise(stale.length, 'contact is', 'contacts are')} due a check`);
  return {
    check: 'local-contacts',
    title: 'Local contacts',
    ready: items.length === 0,
    summary:
      items.length === 0
        ? 'Every role has a contact, checked in the last 12 months, and those you need first can be reached when your systems are down.'
        : `${sentence(parts)}.`,
    ...named(items),
    fix: { words: 'Fill in contacts', link: { to: 'contacts' } },
  };
}

function nationalContacts({ directory }: ReadinessInputs): ReadinessLine {
  const stale = directory.national.filter((contact) => contact.stale);
  return {
    check: 'national-contacts',
    title: 'National contacts',
    ready: stale.length === 0,
    summary:
      stale.length === 0
        ? `Every national contact was checked against its official page in the last ${STALE_AFTER_MONTHS} months.`
        : `${pluralise(stale.length, 'national contact was', 'national contacts were')} last checked more than ${STALE_AFTER_MONTHS} months ago. Install the latest Holdfast, or check them against their official pages.`,
    ...named(
      stale.map((contact) => ({
        text: contact.checked
          ? `${contact.name}: last checked ${formatDate(contact.checked)}`
          : `${contact.name}: never checked`,
      })),
    ),
    fix: { words: 'See national contacts', link: { to: 'contacts' } },
  };
}

function runbooksReviewed({ runbooks, now }: ReadinessInputs): ReadinessLine {
  const old = runbooks.filter((runbook) => isStale(runbook.reviewed, now));
  return {
    check: 'runbooks-reviewed',
    title: 'Runbooks reviewed',
    ready: old.length === 0,
    summary:
      old.length === 0
        ? `${runbooks.length === 1 ? 'The runbook was' : `All ${runbooks.length} runbooks were`} reviewed in the last ${STALE_AFTER_MONTHS} months.`
        : `${pluralise(old.length, 'runbook was', 'runbooks were')} last reviewed more than ${STALE_AFTER_MONTHS} months ago. Read each one, change what no longer fits, and save it.`,
    ...named(
      old.map((runbook) => ({
        text: `${isolatedText(runbook.title)}: last reviewed ${formatDate(runbook.reviewed)}`,
        link: { to: 'runbook-editor', runbook: runbook.id },
      })),
    ),
    fix: { words: 'See all runbooks', link: { to: 'all-runbooks' } },
  };
}

function exercise({ exercises, now }: ReadinessInputs): ReadinessLine {
  const today = isoDay(now);
  const held = exercises
    .filter((entry) => entry.finishedAt !== null)
    .sort((a, b) => (b.finishedAt ?? '').localeCompare(a.finishedAt ?? ''));
  const last = held[0];
  const open = exercises.flatMap((entry) =>
    entry.openActions.map((action) => ({ exercise: entry, action })),
  );
  const overdue = open.filter(({ action }) => action.due < today);
  const items: ReadinessItem[] = [
    ...overdue.map(({ exercise: entry, action }) => ({
      text: `Overdue (was due ${formatDate(action.due)}): ${action.text}, owner ${action.owner}`,
      link: { to: 'exercises' as const, exercise: entry.id },
    })),
    ...open
      .filter(({ action }) => action.due >= today)
      .map(({ exercise: entry, action }) => ({
        text: `Open (due ${formatDate(action.due)}): ${action.text}, owner ${action.owner}`,
        link: { to: 'exercises' as const, exercise: entry.id },
      })),
  ];
  const lastWords = last
    ? `The last exercise was "${isolatedText(last.title)}" on ${formatDate(last.finishedAt!.slice(0, 10))}.`
    : 'No exercise has been held yet. A short tabletop exercise shows the gaps before a real incident does.';
  const tooLongAgo =
    last !== undefined && isOlderThanMonths(last.finishedAt!.slice(0, 10), STALE_AFTER_MONTHS, now);
  const actionWords =
    open.length === 0
      ? ''
      : ` ${pluralise(open.length, 'action from exercises is', 'actions from exercises are')} still open${overdue.length > 0 ? `, ${overdue.length} overdue` : ''}.`;
  return {
    check: 'exercise',
    title: 'Exercises',
    ready: last !== undefined && !tooLongAgo && overdue.length === 0,
    summary: `${lastWords}${tooLongAgo ? ` That is more than ${STALE_AFTER_MONTHS} months ago.` : ''}${actionWords}`,
    ...named(items),
    fix: { words: last ? 'Go to exercises' : 'Run an exercise', link: { to: 'exercises' } },
  };
}

const SECTION_WORDS = {
  settings: 'settings',
  contacts: 'contacts',
  systems: 'systems',
  runbooks: 'runbooks',
} as const;

function grabBag({ pack }: ReadinessInputs): ReadinessLine {
  const { lastPrinted, changedSince } = pack;
  const ready = lastPrinted !== null && changedSince.length === 0;
  return {
    check: 'grab-bag',
    title: 'Grab-bag pack',
    ready,
    summary: !lastPrinted
      ? 'The grab-bag pack has not been printed yet. It is your plan on paper for when this computer cannot be used.'
      : ready
        ? `The printed pack (version ${lastPrinted.version}, printed ${formatDate(lastPrinted.at.slice(0, 10))}) matches what is in Holdfast.`
        : `The printed pack (version ${lastPrinted.version}, printed ${formatDate(lastPrinted.at.slice(0, 10))}) is out of date: ${listWords(changedSince.map((section) => SECTION_WORDS[section]))} changed since.`,
    ...named([]),
    fix: {
      words: lastPrinted ? 'Print the new pack' : 'Print the grab-bag pack',
      link: { to: 'grab-bag' },
    },
  };
}

function backup({ lastBackupAt, now }: ReadinessInputs): ReadinessLine {
  const days =
    lastBackupAt === null
      ? null
      : Math.floor((now.getTime() - Date.parse(lastBackupAt)) / (24 * 60 * 60 * 1000));
  const ready = days !== null && days <= BACKUP_DUE_AFTER_DAYS;
  return {
    check: 'backup',
    title: 'Backup of Holdfast',
    ready,
    summary:
      days === null
        ? 'No backup of Holdfast has been made on this computer. Make one and keep it somewhere else, such as a USB stick in the grab bag.'
        : `The last backup was made ${days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`} (${formatDate(lastBackupAt!.slice(0, 10))}).${ready ? '' : ` Make a new one: it is more than ${BACKUP_DUE_AFTER_DAYS} days old.`}`,
    ...named([]),
    fix: { words: 'Make a backup', link: { to: 'settings', section: 'backup' } },
  };
}

function systems({ systems: entries }: ReadinessInputs): ReadinessLine {
  const gaps = entries.filter(
    (entry) => entry.status === 'missing' || entry.status === 'no-paper-location',
  );
  return {
    check: 'systems',
    title: 'Paper copies of systems',
    ready: gaps.length === 0,
    summary:
      gaps.length === 0
        ? 'Every system you use has a paper copy, and where it is kept is recorded.'
        : `${pluralise(gaps.length, 'system has', 'systems have')} no paper location recorded.`,
    ...named(
      gaps.map((entry) => ({
        text:
          entry.status === 'missing'
            ? `${isolatedText(entry.label)}: nothing recorded yet`
            : `${isolatedText(entry.label)}: where the paper copy is kept is not recorded`,
        link: { to: 'systems', system: entry.system },
      })),
    ),
    fix: { words: 'Record paper copies', link: { to: 'systems' } },
  };
}

function isolationInstruction({ settings }: ReadinessInputs): ReadinessLine {
  const ready = settings.isolationInstruction.trim() !== '';
  return {
    check: 'isolation-instruction',
    title: "Your IT supplier's instruction for cutting off a computer",
    ready,
    summary: ready
      ? "Your IT supplier's instruction is recorded, and the steps show it."
      : 'Not recorded yet. Ask your IT supplier now, while nothing is wrong: "If one of our computers is attacked, how should we cut it off?" Until then the steps say: take it off the network and leave it switched on.',
    ...named([]),
    fix: { words: 'Record the instruction', link: { to: 'settings', section: 'isolation' } },
  };
}

/** "a, b and c" */
function listWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The same list, starting a sentence. */
function sentence(parts: readonly string[]): string {
  return capitalise(listWords(parts));
}

/** The date in London, where every provider Holdfast serves is, as YYYY-MM-DD. */
function isoDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
