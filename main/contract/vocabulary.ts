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
    'Personal data breach: report within 72 hours of becoming aware, sooner if you can (DSPT incident reporting tool)',
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
  'adult-safeguarding': 'Council adult safeguarding team',
} as const;
export type LocalContactRole = keyof typeof LOCAL_CONTACT_ROLES;

/**
 * Provider-specific answers a runbook can show with `{{setting:key}}`. `regulator` says who
 * regulates this provider, from the type of service in Settings. The isolation step gives the
 * safe default (off the network now, left switched on) and then the provider's own IT supplier's
 * instruction, which overrides it: only switching off is disputed, never disconnecting.
 */
export const SETTING_PLACEHOLDERS = {
  'isolation-instruction': "Your IT supplier's instruction for cutting off an affected computer",
  regulator: 'Your type of service, from Settings',
} as const;
export type SettingPlaceholder = keyof typeof SETTING_PLACEHOLDERS;

/**
 * The systems most small care providers rely on, listed in the systems register before anything
 * is entered. Each suggests the local contact role that usually supports it; providers add their
 * own systems next to these. Runbooks name them in front matter `systems:` and in
 * `{{system:<id>.<field>}}` placeholders.
 */
export const SYSTEMS = {
  'care-records': {
    label: 'Care records (digital care plans)',
    supplierRole: 'care-record-supplier',
  },
  emar: { label: 'eMAR (electronic medicines records)', supplierRole: 'emar-supplier' },
  rota: { label: 'Rota and staff scheduling', supplierRole: 'rota-supplier' },
  'call-monitoring': { label: 'Home care visit monitoring', supplierRole: 'rota-supplier' },
  email: { label: 'Email', supplierRole: 'it-supplier' },
  phones: { label: 'Phones', supplierRole: null },
  'call-bells': { label: 'Call bells and telecare', supplierRole: 'telecare-provider' },
  internet: { label: 'Wi-Fi and broadband', supplierRole: 'it-supplier' },
  payroll: { label: 'Payroll', supplierRole: null },
  'door-entry': { label: 'Door entry', supplierRole: null },
} as const satisfies Record<string, { label: string; supplierRole: LocalContactRole | null }>;
export type SystemId = keyof typeof SYSTEMS;

/** What a `{{system:<id>.<field>}}` placeholder can show from the systems register. */
export const SYSTEM_FIELDS = {
  'paper-location': 'Where the paper copy is kept',
  fallback: 'Paper or manual fallback',
  impact: 'How bad it is if it is down (1 to 10)',
} as const;
export type SystemField = keyof typeof SYSTEM_FIELDS;

/** A stable id: lower-case letters, digits and hyphens. Used for runbooks, phases, steps and roles. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Contacts import limits: a file of at most this many characters and contacts (shared by UI, contract and core). */
export const IMPORT_LIMITS = { chars: 512 * 1024, rows: 500 } as const;

/**
 * The people an incident needs, each with a short role card. Only the incident lead is required;
 * in a small service one person may hold several roles.
 */
export const INCIDENT_ROLES = {
  'incident-lead': {
    label: 'Incident lead',
    card: [
      'Makes the decisions and keeps everyone safe first, systems second.',
      'Names the other roles, even if one person holds several.',
      'Decides who is told, and when (regulators, commissioners, families).',
      'Hands over in person, with the handover summary, at every shift change.',
    ],
  },
  deputy: {
    label: 'Deputy lead',
    card: [
      'Stands in for the incident lead when they are on the phone or off shift.',
      'Keeps an eye on the clocks and reminds the lead what is due.',
    ],
  },
  scribe: {
    label: 'Scribe',
    card: [
      'Writes down what happens, when, and who decided, as it happens.',
      'If the laptop is not safe to use, writes on the paper log sheets and types them in later with the time it really happened.',
      'Never changes an entry: adds a correction instead.',
    ],
  },
  communications: {
    label: 'Communications',
    card: [
      'Tells staff what to say to residents, families and callers.',
      'Uses phones or channels that still work, not the affected email or system.',
      'Keeps a list of who was told what, and when.',
    ],
  },
  'care-continuity-lead': {
    label: 'Care continuity lead',
    card: [
      'Keeps care safe: medicines rounds, care plans and handovers on paper.',
      'Checks the paper copies are where the plan says, and up to date.',
      "Tells the incident lead at once if anyone's care cannot be delivered safely.",
    ],
  },
  'it-liaison': {
    label: 'IT and supplier liaison',
    card: [
      'The one point of contact for the IT supplier and system suppliers.',
      "Follows the IT supplier's instructions; does not try fixes on their own.",
      'Records what the suppliers say, with times and reference numbers.',
    ],
  },
} as const satisfies Record<string, { label: string; card: readonly string[] }>;
export type IncidentRole = keyof typeof INCIDENT_ROLES;

/** A backup passphrase shorter than this is too easy to guess for a file that may be lost on a USB stick. */
export const MIN_PASSPHRASE_LENGTH = 10;
export const MAX_PASSPHRASE_LENGTH = 1024;
