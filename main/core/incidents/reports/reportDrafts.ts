import type { DraftField, IncidentView, ReportDraft } from '../../../contract/incidentTypes';
import type { ContactRef } from '../../../contract/types';
import { formatLondonTime } from '../../../shared/dates';
import { isolatedText } from '../../../shared/documentText';
import { EXERCISE_BANNER } from './incidentDocuments';
import { plainText } from './markdownText';
import { cqcApplies, type RegulatorSettings } from '../../../shared/regulators';

/** How to reach a national contact, in words, from the bundled pack (never typed into code). */
function reach(contact: ContactRef | undefined): string {
  if (!contact?.channels) return 'see Contacts';
  const channels = contact.channels.map((channel) => channel.value).join(' or ');
  return `${contact.label}: ${channels}${contact.hours ? ` (${contact.hours})` : ''}`;
}

function doneSteps(view: IncidentView, plain: (markdown: string) => string): string[] {
  const lines: string[] = [];
  for (const runbook of view.runbooks) {
    for (const phase of runbook.view?.phases ?? []) {
      for (const step of phase.steps) {
        const progress = view.steps[`${runbook.id}/${step.id}`];
        if (progress?.status === 'done')
          lines.push(`${formatLondonTime(progress.at)}: ${plain(step.text)}`);
      }
    }
  }
  return lines;
}

function openSteps(
  view: IncidentView,
  limit: number,
  plain: (markdown: string) => string,
): string[] {
  const lines: string[] = [];
  for (const runbook of view.runbooks)
    for (const phase of runbook.view?.phases ?? [])
      for (const step of phase.steps)
        if (!view.steps[`${runbook.id}/${step.id}`]) lines.push(plain(step.text));
  return lines.slice(0, limit);
}

const field = (label: string, value: string, hint?: string): DraftField =>
  value.trim() === '' && hint ? { label, value: '', hint } : { label, value };

function draft(
  view: IncidentView,
  id: ReportDraft['id'],
  title: string,
  howToSend: string,
  fields: DraftField[],
): ReportDraft {
  const banner = view.exercise ? [EXERCISE_BANNER, ''] : [];
  const text = [
    ...banner,
    title,
    '',
    ...fields.map((f) => `${f.label}:\n${f.value || `[${f.hint ?? 'add this'}]`}\n`),
  ].join('\n');
  return { id, title, howToSend, fields, text };
}

/**
 * Report drafts filled in from the incident, to read out on the phone or paste into a form later.
 * Anything the log cannot know is left empty with a hint, never guessed.
 */
export function reportDrafts(
  view: IncidentView,
  organisation: string,
  contact: (role: string) => ContactRef | undefined,
  regulator: RegulatorSettings,
): ReportDraft[] {
  // Every typed value on its own (see isolatedText): drafts are pasted into official forms.
  const what = [view.name, view.summary ?? ''].filter(Boolean).map(isolatedText).join('. ');
  const lead = isolatedText(view.lead);
  const organisationName = isolatedText(organisation);
  const aware = formatLondonTime(view.awareAt);
  const plain = (markdown: string): string =>
    plainText(markdown, (role) => contact(role)?.label ?? role);
  const done = doneSteps(view, plain).join('\n');
  const told = view.calls
    .map((call) => `${isolatedText(call.label)} (${formatLondonTime(call.at)})`)
    .join('\n');
  const next = openSteps(view, 5, plain).join('\n');
  const references = view.clocks
    .filter((clock) => clock.reference)
    .map((clock) => `${isolatedText(clock.label)}: ${isolatedText(clock.reference ?? '')}`)
    .join('\n');
  const equipmentClock = view.clocks.find((clock) => clock.id === 'cqc-equipment-24h');
  const assessment = view.assessment;
  const org = field(
    'Organisation',
    organisationName,
    'your organisation name (set it in Settings)',
  );

  const cqc = draft(
    view,
    'cqc',
    'CQC notification: events that stop a service running safely',
    `Provider portal or the notification form — ${reach(contact('cqc'))}.${regulator.providerType === 'gp' ? ' A GP practice does not need to send this if it has already told NHS England about the incident.' : ''}`,
    [
      org,
      field('What happened and when', `${what}. Aware since ${aware}.`),
      field(
        "Effect on people's care",
        '',
        "whether people's assessed needs can be met safely, and how care is being delivered",
      ),
      field(
        'Call systems, utilities or safety equipment down',
        equipmentClock
          ? `Down since ${formatLondonTime(equipmentClock.startedAt)}${equipmentClock.dueAt ? `; 24 hours reached ${formatLondonTime(equipmentClock.dueAt)}` : ''}`
          : '',
        'which, and since when',
      ),
      field('Action taken', done, 'what has been done to keep people safe'),
      field(
        'Police involvement',
        told.includes('Report Fraud') || told.includes('police') ? told : '',
        'any report to the police or Report Fraud, with its reference',
      ),
    ],
  );
  // The details NHS England's approved particulars ask of a pharmacy that has to suspend services.
  const pharmacyClosure = draft(
    view,
    'icb-pharmacy',
    'Pharmacy: tell your ICB about a temporary closure or reduced service',
    "Email your ICB's pharmacy contract team, before you close if you can. If email is down, phone them. Put a notice where it can be seen from outside: that you are closed, for how long, how to get prescriptions, where the nearest open pharmacy is, and where to get medical help that cannot wait.",
    [
      org,
      field('ODS code (F code)', '', 'your pharmacy ODS code, for example FA123'),
      field('Pharmacy address and phone', '', 'the address and a phone number that works'),
      field(
        'When services stopped or may stop, and for how long',
        `Aware since ${aware}.`,
        'dates and times, and how long you expect it to last',
      ),
      field('Reason', what),
      field(
        'What you have done for patients',
        done,
        'for example a notice outside, nearby pharmacies told, prescriptions sent back to the Spine',
      ),
      field('What you are doing to reopen', next, 'what will bring the service back'),
      field('Name of the person telling them', lead),
      field('Contact phone and email', '', 'a phone number and an email address that work'),
    ],
  );

  return [
    draft(
      view,
      'ncsc',
      'NCSC incident report (its nine questions)',
      `Online form — ${reach(contact('ncsc-report'))}. Give a contact email on a system that was not affected: replies to an affected mailbox may be read by the attacker.`,
      [
        field('Who are you', lead),
        org,
        field('Your role', 'Incident lead'),
        field(
          'Contact details',
          '',
          'a phone number and an email address on a system that was not affected',
        ),
        field('Summary and impact', `${what}. Aware since ${aware}.`),
        field('Investigations and mitigations done or planned', done, 'what has been done so far'),
        field(
          'Technical analysis',
          '',
          'anything your IT supplier has found (ransom note name, affected machines)',
        ),
        field('Who else has been told', told, 'who you have called or reported to'),
        field('Next steps', next, 'what you will do next'),
      ],
    ),
    draft(
      view,
      'dspt',
      'Personal data breach (DSPT incident reporting tool, passed to the ICO)',
      `Report as soon as you can: 72 hours from becoming aware is the latest, not a target. If you are past 72 hours, still report it and say why it is late — ${reach(contact('dspt-incident-reporting'))}. ${reach(contact('ico'))}.`,
      [
        org,
        field('When you became aware', aware),
        field('What happened', what),
        field(
          'Personal data and people affected',
          '',
          'what kind of records, roughly how many people, whether health or care information',
        ),
        field(
          'Likelihood and impact (harm × impact)',
          assessment
            ? `Likelihood: ${assessment.likelihood}; impact: ${assessment.impact}; decision: ${assessment.decision === 'report' ? 'report' : 'not reported'} — ${isolatedText(assessment.reason)}`
            : '',
          'use the reportability check in this incident',
        ),
        field('Action taken', done, 'what has been done to contain it'),
        field('People affected told', '', 'whether and how the people affected have been told'),
      ],
    ),
    draft(view, 'csoc', 'CSOC call script', reach(contact('csoc')), [
      field(
        'Say who you are',
        `${lead}, incident lead${organisation ? ` at ${organisationName}` : ''}, a care provider that uses the Data Security and Protection Toolkit.`,
      ),
      field('What has happened', `${what}. We became aware at ${aware}.`),
      field(
        'What you need',
        '',
        'say whether this report is for information only or a request for technical support',
      ),
      field('What has been done', done, 'what you have done so far'),
      field('Call-back number', '', 'a phone number that still works'),
    ]),
    ...(regulator.providerType === 'pharmacy' ? [pharmacyClosure] : []),
    ...(cqcApplies(regulator) ? [cqc] : []),
    draft(view, 'police', 'Police / Report Fraud', reach(contact('report-fraud')), [
      org,
      field('What happened and when', `${what}. Aware since ${aware}.`),
      field('Money lost or demanded', '', 'amounts, bank details used, ransom demand'),
      field('How it started', '', 'email, link, phone call, lost device'),
      field('Reference numbers so far', references, 'any reference numbers you have been given'),
    ]),
  ];
}
