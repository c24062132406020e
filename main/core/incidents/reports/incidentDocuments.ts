import { LOG_CHECK_CODE_LABEL, logCheckWords, shownCheckCode } from '../../../shared/logCheckCode';
import type { ClockView, IncidentView } from '../../../contract/incidentTypes';
import { INCIDENT_ROLES, type IncidentRole } from '../../../contract/vocabulary';
import { formatDuration, formatLondonTime } from '../../../shared/dates';
import { describeDevice } from '../../../shared/deviceWords';
import { escapeMarkdown as esc } from './markdownText';
import { PLACEHOLDER_RE } from '../../../shared/markdown';

export const EXERCISE_BANNER = 'EXERCISE — NOT A REAL INCIDENT';

/** Runbook markdown to plain words (see plainText). */
type Plain = (markdown: string) => string;

const STATUS_WORDS = { done: 'Done', cant: "Can't do", skipped: 'Skipped' } as const;

function clockLine(clock: ClockView, now: Date): string {
  const started = formatLondonTime(clock.startedAt);
  if (clock.status === 'done')
    return `**${esc(clock.label)}**: done${clock.reference ? `, reference ${esc(clock.reference)}` : ''} (${formatLondonTime(clock.stoppedAt ?? clock.startedAt)})`;
  if (clock.status === 'not-needed')
    return `**${esc(clock.label)}**: not needed — ${esc(clock.reason ?? '')}`;
  if (clock.dueAt === null)
    return `**${esc(clock.label)}**: running since ${started}; do it as soon as possible`;
  const left = Date.parse(clock.dueAt) - now.getTime();
  return `**${esc(clock.label)}**: due ${formatLondonTime(clock.dueAt)} (${left >= 0 ? `${formatDuration(left)} left` : `overdue by ${formatDuration(left)}`})`;
}

function header(view: IncidentView, title: string, organisation: string): string[] {
  return [
    ...(view.exercise ? [`**${EXERCISE_BANNER}**`, ''] : []),
    `# ${title}: ${esc(view.name)}`,
    '',
    ...(organisation ? [`Organisation: ${esc(organisation)}  `] : []),
    `Aware since: ${formatLondonTime(view.awareAt)}  `,
    `Incident lead: ${esc(view.lead)}  `,
    `Status: ${view.status === 'open' ? 'open' : `closed ${view.closedAt ? formatLondonTime(view.closedAt) : ''}`}  `,
    `${LOG_CHECK_CODE_LABEL}: **${shownCheckCode(view.log)}** (${view.log.entries} entries)`,
    '',
  ];
}

function rolesSection(view: IncidentView): string[] {
  const assigned = (Object.keys(INCIDENT_ROLES) as IncidentRole[]).filter(
    (role) => view.roles[role],
  );
  return [
    '## Roles',
    '',
    ...assigned.map((role) => `- ${INCIDENT_ROLES[role].label}: ${esc(view.roles[role] ?? '')}`),
    '',
  ];
}

/** A step whose headline is reaching someone: "Phone {{contact:it-supplier}} and tell them…". */
const REACHING_OUT = /^\s*(?:phone|call|ring|email|text|contact|report\b.*\bto|tell)\b/i;

/**
 * Who was called: calls logged from a contact link, and each contact named in the headline of a
 * "Phone …", "Call …" or "Report it to …" step marked done, in time order.
 */
function callsSection(view: IncidentView, plain: Plain): string[] {
  const lines: Array<{ at: string; line: string }> = view.calls.map((call) => ({
    at: call.at,
    line: `- ${formatLondonTime(call.at)} — ${esc(call.label)} (${esc(call.by)})${call.note ? `: ${esc(call.note)}` : ''}`,
  }));
  for (const runbook of view.runbooks) {
    for (const phase of runbook.view?.phases ?? []) {
      for (const step of phase.steps) {
        const progress = view.steps[`${runbook.id}/${step.id}`];
        if (progress?.status !== 'done' || !REACHING_OUT.test(step.text)) continue;
        const roles = [...step.text.matchAll(new RegExp(PLACEHOLDER_RE.source, 'g'))]
          .filter(([, kind]) => kind === 'contact')
          .map(([, , role]) => role ?? '');
        for (const role of new Set(roles)) {
          if (view.calls.some((call) => call.role === role && call.at === progress.at)) continue;
          lines.push({
            at: progress.at,
            line: `- ${formatLondonTime(progress.at)} — ${esc(plain(`{{contact:${role}}}`))} (${esc(progress.by)}), step marked done: ${esc(plain(step.text))}`,
          });
        }
      }
    }
  }
  return lines.length > 0
    ? lines.sort((a, b) => a.at.localeCompare(b.at)).map(({ line }) => line)
    : ['None recorded.'];
}

function stepsSection(view: IncidentView, which: 'answered' | 'open', plain: Plain): string[] {
  const lines: string[] = [];
  for (const runbook of view.runbooks) {
    if (!runbook.view) continue;
    const items: string[] = [];
    for (const phase of runbook.view.phases) {
      for (const step of phase.steps) {
        const progress = view.steps[`${runbook.id}/${step.id}`];
        if (which === 'answered' && progress)
          items.push(
            `- ${STATUS_WORDS[progress.status]}: ${esc(plain(step.text))}${progress.reason ? ` — ${esc(progress.reason)}` : ''} (${esc(progress.by)}, ${formatLondonTime(progress.at)})`,
          );
        if (which === 'open' && !progress)
          items.push(`- ${esc(phase.title)}: ${esc(plain(step.text))}`);
      }
    }
    if (items.length > 0)
      lines.push(`### ${esc(runbook.title)} (version ${runbook.version})`, '', ...items, '');
  }
  return lines.length > 0 ? lines : ['None.', ''];
}

function logFooter(view: IncidentView): string[] {
  return [
    '## Log check',
    '',
    ...logCheckWords(view.log, 'incident'),
    '',
    'The log check code is also at the top of this document and at the foot of every printed page.',
    ...(view.log.problem ? ['', `**Warning:** ${esc(view.log.problem)}`] : []),
    ...(view.log.timeWarnings ?? []).map((warning) => `\n**Clock warning:** ${esc(warning)}`),
    ...(view.exercise ? ['', `**${EXERCISE_BANNER}**`] : []),
    '',
  ];
}

/** The full incident report: timeline, decisions, clocks, steps and contacts called. */
export function incidentReport(
  view: IncidentView,
  organisation: string,
  now: Date,
  plain: Plain,
): string {
  const decisions = view.timeline.filter(
    (entry) => entry.kind === 'decision' || entry.kind === 'assessment',
  );
  return [
    ...header(view, 'Incident report', organisation),
    ...(view.summary ? ['## Summary', '', esc(view.summary), ''] : []),
    ...rolesSection(view),
    '## Regulatory and contract clocks',
    '',
    ...(view.clocks.length > 0
      ? view.clocks.map((clock) => `- ${clockLine(clock, now)}`)
      : ['None started.']),
    '',
    '## Decisions',
    '',
    ...(decisions.length > 0
      ? decisions.map(
          (entry) =>
            `- ${formatLondonTime(entry.eventAt)} — ${esc(entry.text)} (${esc(entry.author)})`,
        )
      : ['None recorded.']),
    '',
    '## Contacts called',
    '',
    ...callsSection(view, plain),
    '',
    '## Steps',
    '',
    ...stepsSection(view, 'answered', plain),
    '## Timeline',
    '',
    'Event time is when it happened; recorded time is when it was typed.',
    '',
    'Device is the computer it was typed on and the user signed in, as Holdfast recorded them.',
    '',
    '| # | Event time | Recorded | Who | Device | What |',
    '|---|---|---|---|---|---|',
    ...view.timeline.map(
      (entry) =>
        `| ${entry.seq} | ${formatLondonTime(entry.eventAt)}${entry.backfilled ? ' (filled in later)' : ''} | ${formatLondonTime(entry.recordedAt)} | ${esc(entry.author)} | ${esc(describeDevice(entry.device))} | ${esc(entry.text)}${entry.correctedBy.length > 0 ? ` (corrected by entry ${entry.correctedBy.join(', ')})` : ''} |`,
    ),
    '',
    ...logFooter(view),
  ].join('\n');
}

/** A shift-change handover: what is done, what is open, the clocks, who was called, what is next. */
export function handoverSummary(
  view: IncidentView,
  organisation: string,
  now: Date,
  plain: Plain,
): string {
  const notes = view.timeline
    .filter((entry) => entry.kind === 'note' || entry.kind === 'decision')
    .slice(-5);
  return [
    ...header(view, 'Handover', organisation),
    `Prepared ${formatLondonTime(now.toISOString())}.`,
    '',
    '## Clocks',
    '',
    ...(view.clocks.length > 0
      ? view.clocks.map((clock) => `- ${clockLine(clock, now)}`)
      : ['None started.']),
    '',
    ...rolesSection(view),
    '## Done',
    '',
    ...stepsSection(view, 'answered', plain),
    '## Still to do (next steps)',
    '',
    ...stepsSection(view, 'open', plain),
    '## Who was called',
    '',
    ...(view.calls.length > 0
      ? view.calls.map(
          (call) => `- ${formatLondonTime(call.at)} — ${esc(call.label)} (${esc(call.by)})`,
        )
      : ['No calls recorded.']),
    '',
    '## Latest notes and decisions',
    '',
    ...(notes.length > 0
      ? notes.map((entry) => `- ${formatLondonTime(entry.eventAt)} — ${esc(entry.text)}`)
      : ['None.']),
    '',
    ...logFooter(view),
  ].join('\n');
}
