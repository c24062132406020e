// No zod here: the editor's form imports these words.

/**
 * What each runbook header field is called where people see it: the editor's form uses these
 * labels, and header problems name fields by them, so a message says "Looked after by", never
 * "owner".
 */
export const headerFieldLabels = {
  id: 'Short name',
  title: 'Title',
  category: 'Situation it is for',
  summary: 'Summary',
  providerTypes: 'Who it is for',
  synonyms: 'Other words people use for it',
  contacts: 'Contacts it uses',
  systems: 'Systems it is about',
  clocks: 'Deadlines it starts',
  reviewed: 'Last reviewed',
  owner: 'Looked after by',
  version: 'Version',
  status: 'Published or draft',
} as const;

export type HeaderField = keyof typeof headerFieldLabels;

export const isHeaderField = (name: string): name is HeaderField =>
  Object.hasOwn(headerFieldLabels, name);

/** A problem with one header field, in plain words, to show beside that field in the form. */
export interface HeaderFieldProblem {
  /** The header field; null for a problem with the header as a whole (a field nobody knows). */
  field: HeaderField | null;
  message: string;
}
