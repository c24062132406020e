import type { Category } from '../../../main/contract/vocabulary';

export interface EntryPoint {
  category: Category | 'not-sure';
  label: string;
  hint: string;
}

/** The home screen's big buttons, in the words a worried manager would use. */
export const ENTRY_POINTS: EntryPoint[] = [
  {
    category: 'ransom-or-locked',
    label: 'Screen says pay / files locked',
    hint: 'A ransom message, or files renamed and will not open',
  },
  {
    category: 'system-down',
    label: "Can't get into the care record system",
    hint: 'Care records, eMAR or rota down, or the supplier has a problem',
  },
  {
    category: 'clicked-link',
    label: 'Someone clicked a link',
    hint: 'Or typed a password into a page that looked wrong',
  },
  {
    category: 'lost-device',
    label: 'Laptop or phone lost',
    hint: 'Lost or stolen laptop, phone or tablet',
  },
  {
    category: 'outage',
    label: 'Internet or phones down',
    hint: 'Broadband, phone lines, call bells or power',
  },
  {
    category: 'not-sure',
    label: 'Not sure',
    hint: 'Answer a few plain questions, or see every runbook',
  },
];
