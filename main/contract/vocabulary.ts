/** The words Holdfast's content and UI share: plain constants, no schema library (the renderer imports this). */
/** Kinds of problem a runbook answers; the home screen's entry points are built from these. */
export const CATEGORIES = {
  'ransom-or-locked': 'Screen says pay, or files are locked',
  'system-down': "Can't get into the care record system",
  'clicked-link': 'Someone clicked a link',
  'email-account': 'Email account hacked',
  'lost-device': 'Laptop, phone or tablet lost',
  outage: 'Internet, phones or power down',
  'data-breach': 'Personal data sent or shown to the wrong people',
  fraud: 'Money or bank details',
  'device-problem': 'A device is acting strangely',
  'staff-misuse': 'Staff misusing access',
  guide: 'Guides for any incident',
} as const;
export type Category = keyof typeof CATEGORIES;

export const PROVIDER_TYPES = {
  'care-home': 'Care home',
  'home-care': 'Home care',
  gp: 'GP practice',
  dental: 'Dental practice',
  pharmacy: 'Pharmacy',
} as const;
export type ProviderType = keyof typeof PROVIDER_TYPES;

/** Regulatory and contract clocks a runbook may start (the clocks themselves arrive with incidents). */
export const CLOCKS = {
  'personal-data-breach-72h':
    'Personal data breach: report within 72 hours of becoming aware (DSPT incident reporting tool)',
  'cqc-safe-care': 'CQC notification as soon as possible if care cannot be delivered safely',
  'cqc-equipment-24h':
    'CQC notification if a call system, utility or safety equipment fails for more than 24 hours',
} as const;
export type ClockId = keyof typeof CLOCKS;

/**
 * Local contact roles the provider fills in. National contacts (CSOC, ICO, …) come from the
 * bundled national contacts file instead, so each number lives in exactly one place.
 */
export const LOCAL_CONTACT_ROLES = {
  'it-supplier': 'IT supplier',
  'care-record-supplier': 'Care record system supplier',
  'emar-supplier': 'eMAR (medicines) system supplier',
  'rota-supplier': 'Rota system supplier',
  'telecare-provider': 'Telecare or call-bell provider',
  insurer: 'Insurer incident line',
  'bank-fraud-line': 'Bank fraud line',
  commissioner: 'Commissioner (local authority or ICB)',
  'registered-manager': 'Registered manager',
  'owner-director': 'Owner or director',
  'ig-lead': 'Data protection or IG lead',
  'police-non-emergency': 'Local police non-emergency',
  'landlord-electricity': 'Landlord or electricity supplier',
  'local-support-organisation': 'Local support organisation',
} as const;
export type LocalContactRole = keyof typeof LOCAL_CONTACT_ROLES;

/**
 * Provider-specific answers a runbook can show with `{{setting:key}}`. Where expert guidance
 * disagrees (switch off or only disconnect?), the runbook shows what the provider's own IT
 * supplier said rather than picking a side.
 */
export const SETTING_PLACEHOLDERS = {
  'isolation-instruction': "Your IT supplier's instruction for cutting off an affected computer",
} as const;
export type SettingPlaceholder = keyof typeof SETTING_PLACEHOLDERS;

/** A stable id: lower-case letters, digits and hyphens. Used for runbooks, phases, steps and roles. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Contacts import limits: a file of at most this many characters and contacts (shared by UI, contract and core). */
export const IMPORT_LIMITS = { chars: 512 * 1024, rows: 500 } as const;
