import type { EvidenceLabel, EvidencePart } from '../../contract/assessorTypes';

/*
 * What each part of the evidence document supports, by topic in plain words, with no toolkit item
 * numbers and no CQC quality statement names. Why: the Data Security and Protection Toolkit's
 * questions are renumbered from one year to the next, and the current version for care providers
 * could not be confirmed on a primary page. Pages checked on 2026-12-05:
 * - https://digital.nhs.uk/cyber-and-data-security/guidance-and-assurance/2024-25-caf-aligned-dspt-guidance/audit-guides/strengthening-assurance-independent-assessment-summary-of-guides/cyber-assessment-framework-caf-aligned-data-security-and-protection-toolkit-dspt
 *   (the toolkit moved to the Cyber Assessment Framework in September 2024 for NHS trusts, ICBs,
 *   CSUs and DHSC arm's length bodies only; nothing there names the items care providers answer)
 * - https://www.dsptoolkit.nhs.uk/Help/32 (item numbers for social care, but for 2020-21: out of date)
 * - CQC's assessment framework: no cqc.org.uk page naming the key questions or quality statements
 *   could be read on that day, so none is named here.
 * The document asks the provider to write in the item number their own toolkit shows.
 */

/** Said once under the document's title. */
export const LABEL_NOTE =
  'Each part says what it shows. Next to each part, add the Data Security and Protection Toolkit evidence item number your toolkit shows, and the CQC quality statement you use it for. Holdfast does not fill them in, because they change from year to year.';

/** Each part's topic and what it shows, in the order the document gives them. */
export const EVIDENCE_LABELS: Record<EvidencePart, EvidenceLabel> = {
  plan: {
    topic: 'Business continuity: a written plan, kept up to date',
    shows:
      'Our plan for a cyber or data security incident, each part with the date it was last reviewed and who owns it.',
  },
  exercises: {
    topic: 'Business continuity: the plan is tested',
    shows:
      'The exercises we held to test the plan, who took part, what we learned and what we did about it.',
  },
  incidents: {
    topic: 'Incidents: recorded and reported',
    shows:
      'Real incidents in the period, the reports we made with their reference numbers, and the log we kept.',
  },
  people: {
    topic: 'Staff: who knows the plan',
    shows: 'Everyone named as taking part in an exercise or an incident in the period.',
  },
};
