import type { ClockId, ProviderType } from '../contract/vocabulary';

/** What Settings say about the provider that decides who regulates it. */
export interface RegulatorSettings {
  providerType: ProviderType | null;
  /** Only asked of pharmacies: whether the pharmacy is also registered with CQC. */
  pharmacyCqcRegistered: boolean;
}

/** Clocks that mean a CQC notification; none of them apply where CQC does not regulate the service. */
export const CQC_CLOCKS: readonly ClockId[] = ['cqc-safe-care', 'cqc-equipment-24h'];

/**
 * Clocks that start from an event someone reports (equipment or a utility stopped working),
 * never just because a runbook that mentions them joined the incident.
 */
export const EVENT_CLOCKS: readonly ClockId[] = ['cqc-equipment-24h'];

/**
 * Whether CQC notifications apply. Care homes, home care, dental and GP practices register with
 * CQC; a community pharmacy registers with the General Pharmaceutical Council and with CQC only
 * if it also carries on a CQC-regulated activity (recorded in Settings). When the provider type
 * is not set yet, CQC is assumed: a missed notification harms more than an extra clock.
 */
export function cqcApplies(settings: RegulatorSettings): boolean {
  return settings.providerType !== 'pharmacy' || settings.pharmacyCqcRegistered;
}

/** Whether a clock applies to this provider at all. */
export function clockApplies(clock: string, settings: RegulatorSettings): boolean {
  return cqcApplies(settings) || !(CQC_CLOCKS as readonly string[]).includes(clock);
}

/** The provider's regulator in one plain sentence, from Settings; null until the provider type is set. */
export function regulatorSummary(settings: RegulatorSettings): string | null {
  switch (settings.providerType) {
    case null:
      return null;
    case 'pharmacy':
      return settings.pharmacyCqcRegistered
        ? 'Pharmacy, registered with the General Pharmaceutical Council (GPhC) and also with CQC. Tell your ICB pharmacy contract team about closures, and CQC about the events it lists.'
        : 'Pharmacy, registered with the General Pharmaceutical Council (GPhC), not with CQC. Tell your ICB pharmacy contract team about closures. The CQC steps do not apply to you.';
    case 'gp':
      return 'GP practice, registered with CQC. You do not need to send CQC a notification about an incident you have already told NHS England about.';
    case 'dental':
      return 'Dental practice, registered with CQC.';
    case 'care-home':
      return 'Care home, registered with CQC.';
    case 'home-care':
      return 'Home care, registered with CQC.';
  }
}
