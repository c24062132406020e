import { logCheckWords } from '../../shared/logCheckCode';
import { isolatedText } from '../../shared/documentText';
import { PLACEHOLDER_RE } from '../../shared/markdown';
import type { ExerciseView } from '../../contract/exerciseTypes';
import { formatDuration, formatLondonTime } from '../../shared/dates';
import { EXERCISE_BANNER } from '../incidents/reports/incidentDocuments';
import { escapeMarkdown as esc } from '../incidents/reports/markdownText';
import type { ParsedScenario } from './parseScenario';
import { bulletList } from './scenarioView';

/**
 * What the after-action report is evidence of, by topic in plain words, as the evidence document
 * labels its parts: no toolkit item or standard numbers and no CQC quality statement names, which
 * could not be confirmed on a primary page and change from year to year (see
 * assessor/evidenceLabels.ts).
 */
export const EVIDENCE_LABEL =
  'Evidence that our business continuity plan is tested: a tabletop exercise of our response to a cyber or data security incident. Add the Data Security and Protection Toolkit evidence item number your toolkit shows, and the CQC quality statement you use it for.';

const banner = [`**${EXERCISE_BANNER}**`, ''];

/** A date for the report: the London date and time, or "not yet". */
const when = (iso: string | null): string => (iso ? formatLondonTime(iso) : 'not yet');

/**
 * The after-action report: who took part, what was tested, what happened when, what the group
 * decided, what went well, what to improve, and the actions with owners and due dates. User text
 * is escaped so it prints exactly as typed.
 */
export function afterActionReport(view: ExerciseView, organisation: string): string {
  const release = (id: string): string => {
    const progress = view.progress[id];
    if (!progress || progress.status === 'pending') return 'not released';
    if (progress.status === 'skipped')
      return `skipped${progress.reason ? ` (${esc(progress.reason)})` : ''}`;
    return `released ${progress.at ? formatLondonTime(progress.at) : ''}${progress.trigger === 'timer' ? ' on its timer' : ' by hand'}`;
  };
  const decisionsFor = (inject: string | null): string[] =>
    view.decisions
      .filter((decision) => decision.inject === inject)
      .map(
        (decision) =>
          `  - Decision (${formatLondonTime(decision.at)}, ${esc(decision.by)}): ${esc(decision.text)}`,
      );
  const points = (kind: 'went-well' | 'improve'): string[] => {
    const list = view.debrief
      .filter((point) => point.kind === kind)
      .map((point) => `- ${esc(point.text)}`);
    return list.length > 0 ? list : ['None recorded.'];
  };
  return [
    ...banner,
    `# After-action report: ${esc(view.title)}`,
    '',
    `*${EVIDENCE_LABEL}*`,
    '',
    ...(organisation ? [`Organisation: ${esc(organisation)}  `] : []),
    `Scenario: ${esc(view.scenario.title)} (version ${view.scenario.version})  `,
    `Facilitator: ${esc(view.facilitator)}  `,
    `Started: ${when(view.startedAt)}  `,
    `Finished: ${when(view.finishedAt)}  `,
    `Running time: ${formatDuration(view.clock.elapsedMs)} (pauses not counted)`,
    '',
    '## Who took part',
    '',
    ...(view.attendees.length > 0
      ? view.attendees.map(
          (person) => `- ${esc(person.name)}${person.role ? ` — ${esc(person.role)}` : ''}`,
        )
      : ['Not recorded.']),
    '',
    '## Objectives',
    '',
    bulletList(view.brief.objectives),
    '',
    '## What happened: injects and decisions',
    '',
    ...view.injects.flatMap((inject) => [
      `- **${inject.number}. ${esc(inject.title)}**${inject.adHoc ? ' (added during the exercise)' : ''}: ${release(inject.id)}`,
      ...decisionsFor(inject.id),
    ]),
    ...(decisionsFor(null).length > 0 ? ['- **Other decisions**', ...decisionsFor(null)] : []),
    '',
    '## Findings',
    '',
    '### What went well',
    '',
    ...points('went-well'),
    '',
    '### What to improve',
    '',
    ...points('improve'),
    '',
    '## Actions',
    '',
    ...(view.actions.length > 0
      ? [
          '| # | Action | Owner | Due | Status |',
          '|---|---|---|---|---|',
          ...view.actions.map(
            (action) =>
              `| ${action.number} | ${esc(action.text)} | ${esc(action.owner)} | ${action.due} | ${action.status === 'done' ? `Done ${action.doneAt ? formatLondonTime(action.doneAt) : ''}` : 'Open'} |`,
          ),
        ]
      : ['None recorded.']),
    '',
    '## Log check',
    '',
    ...logCheckWords(view.log, 'exercise'),
    ...(view.log.problem ? ['', `**Warning:** ${esc(view.log.problem)}`] : []),
    '',
    ...banner,
  ].join('\n');
}

/** How an inject card names what its scenario refers to by id. */
export interface CardWords {
  /** A contact role as it reads on paper, as markdown: its label and the way to reach it, if known (see contactMarkdown). */
  contact: (role: string) => string;
  /** A runbook id as its title. */
  runbook: (id: string) => string;
}

/**
 * Inject cards for running the exercise on paper: one card per inject, each marked as an exercise,
 * with the release time, the text for the group, and the facilitator's prompts.
 */
export function injectCards(parsed: ParsedScenario, words: CardWords): string {
  const { meta } = parsed;
  // A card is read on paper or saved as a file: contacts are written out, never left as codes.
  const resolve = (markdown: string): string =>
    markdown.replace(new RegExp(PLACEHOLDER_RE.source, 'g'), (_match, kind: string, key: string) =>
      kind === 'contact' ? words.contact(key) : esc('(shown in Holdfast)'),
    );
  return [
    ...banner,
    `# Inject cards: ${isolatedText(meta.title)}`,
    '',
    `Version ${meta.version}. Planned length ${meta.duration} minutes. Hand out or read one card at a time, in order.`,
    '',
    ...parsed.injects.flatMap((inject, index) => [
      `## Inject ${index + 1}: ${isolatedText(inject.title)}`,
      '',
      ...banner,
      `Release: ${inject.releaseAfterMinutes === null ? 'when the facilitator decides' : `${inject.releaseAfterMinutes} minutes after the start`}  `,
      ...(inject.runbook ? [`Runbook: ${esc(words.runbook(inject.runbook))}`] : []),
      '',
      resolve(inject.text),
      '',
      ...(inject.expected.length > 0
        ? ['### Expected actions (facilitator)', '', bulletList(inject.expected.map(resolve)), '']
        : []),
      ...(inject.questions.length > 0
        ? ['### Discussion questions', '', bulletList(inject.questions.map(resolve)), '']
        : []),
    ]),
  ].join('\n');
}
