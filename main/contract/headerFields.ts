/**
 * The runbook header's fields by the names the editor's details form gives them, so a problem
 * with a field is told in the form's own words ("Looked after by", not "owner") and can be shown
 * beside that field.
 */
export const HEADER_FIELD_LABELS = {
  id: 'Short name (id)',
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
  status: 'Draft or published',
} as const;
export type HeaderField = keyof typeof HEADER_FIELD_LABELS;
