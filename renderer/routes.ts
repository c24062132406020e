export type Route =
  | { name: 'home' }
  | { name: 'situation'; category: string }
  | { name: 'runbook'; id: string; stepId?: string }
  | { name: 'all' }
  | { name: 'not-sure' }
  | { name: 'settings'; section?: SettingsSection }
  | { name: 'contacts'; role?: string }
  | { name: 'incidents' }
  | { name: 'start-incident'; runbook?: string }
  | { name: 'incident'; id: string; tab: IncidentTab; runbook?: string; step?: string }
  | { name: 'incident-document'; id: string; kind: 'report' | 'handover' }
  | { name: 'systems'; system?: string }
  | { name: 'grab-bag' }
  | { name: 'readiness' }
  | { name: 'evidence' }
  | { name: 'exercises' }
  | { name: 'exercise'; id: string }
  | { name: 'exercise-projector'; id: string }
  | { name: 'exercise-report'; id: string }
  | { name: 'inject-cards'; scenario: string }
  | { name: 'edit-runbook'; id: string }
  | { name: 'new-runbook'; from?: string }
  | { name: 'fix-runbook'; file: string }
  | { name: 'runbook-packs' }
  | { name: 'import-plan' }
  /** The scenario editor: an existing scenario, or (id null) a new one from the template. */
  | { name: 'edit-scenario'; id: string | null };

/** Parts of Settings an address can open at (`#/settings/backup`), each with its own heading. */
export const SETTINGS_SECTIONS = [
  'isolation',
  'care-group-keys',
  'backup',
  'restore',
  'diagnostics',
] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];
const isSettingsSection = (value: string | undefined): value is SettingsSection =>
  (SETTINGS_SECTIONS as readonly string[]).includes(value ?? '');

export const INCIDENT_TABS = ['steps', 'log', 'clocks', 'roles', 'reports'] as const;
export type IncidentTab = (typeof INCIDENT_TABS)[number];
const isTab = (value: string | undefined): value is IncidentTab =>
  (INCIDENT_TABS as readonly string[]).includes(value ?? '');

/** A hash's path segments, decoded; null when one is not valid percent-encoding ("%E0%A4%A"). */
function segments(hash: string): string[] | null {
  try {
    return hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return null;
  }
}

/**
 * Reads the hash route; hash routing works the same under app:// and the web harness. Any hash
 * it cannot read, a typed or pasted one included, opens the home screen rather than failing.
 */
export function parseRoute(hash: string): Route {
  const parts = segments(hash);
  if (parts === null) return { name: 'home' };
  if (parts[0] === 'runbooks' && parts[1])
    return parts[2]
      ? { name: 'runbook', id: parts[1], stepId: parts[2] }
      : { name: 'runbook', id: parts[1] };
  if (parts[0] === 'situations' && parts[1]) return { name: 'situation', category: parts[1] };
  if (parts[0] === 'all') return { name: 'all' };
  if (parts[0] === 'not-sure') return { name: 'not-sure' };
  if (parts[0] === 'settings')
    return isSettingsSection(parts[1])
      ? { name: 'settings', section: parts[1] }
      : { name: 'settings' };
  if (parts[0] === 'incidents') {
    if (!parts[1]) return { name: 'incidents' };
    if (parts[1] === 'new')
      return parts[2] ? { name: 'start-incident', runbook: parts[2] } : { name: 'start-incident' };
    if (parts[2] === 'print' && (parts[3] === 'report' || parts[3] === 'handover'))
      return { name: 'incident-document', id: parts[1], kind: parts[3] };
    if (parts[2] === 'steps' && parts[3] && parts[4])
      return { name: 'incident', id: parts[1], tab: 'steps', runbook: parts[3], step: parts[4] };
    // A runbook without a step: guided mode opens that runbook at its first step still to do.
    if (parts[2] === 'steps' && parts[3])
      return { name: 'incident', id: parts[1], tab: 'steps', runbook: parts[3] };
    return { name: 'incident', id: parts[1], tab: isTab(parts[2]) ? parts[2] : 'steps' };
  }
  if (parts[0] === 'exercises') {
    if (!parts[1]) return { name: 'exercises' };
    if (parts[1] === 'cards' && parts[2]) return { name: 'inject-cards', scenario: parts[2] };
    if (parts[1] === 'new-scenario') return { name: 'edit-scenario', id: null };
    if (parts[1] === 'edit-scenario' && parts[2]) return { name: 'edit-scenario', id: parts[2] };
    if (parts[2] === 'projector') return { name: 'exercise-projector', id: parts[1] };
    if (parts[2] === 'report') return { name: 'exercise-report', id: parts[1] };
    return { name: 'exercise', id: parts[1] };
  }
  if (parts[0] === 'contacts')
    return parts[1] ? { name: 'contacts', role: parts[1] } : { name: 'contacts' };
  if (parts[0] === 'systems')
    return parts[1] ? { name: 'systems', system: parts[1] } : { name: 'systems' };
  if (parts[0] === 'grab-bag') return { name: 'grab-bag' };
  if (parts[0] === 'readiness') return { name: 'readiness' };
  if (parts[0] === 'evidence') return { name: 'evidence' };
  if (parts[0] === 'edit' && parts[1]) return { name: 'edit-runbook', id: parts[1] };
  if (parts[0] === 'runbook-packs') return { name: 'runbook-packs' };
  if (parts[0] === 'import-plan') return { name: 'import-plan' };
  if (parts[0] === 'fix' && parts[1]) return { name: 'fix-runbook', file: parts[1] };
  if (parts[0] === 'new-runbook')
    return parts[1] ? { name: 'new-runbook', from: parts[1] } : { name: 'new-runbook' };
  return { name: 'home' };
}
