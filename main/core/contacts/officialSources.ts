/**
 * The public sites a national contact may cite as its source: the organisation's own pages,
 * never a mirror, a scan, a press-release aggregator or a test copy of an official site.
 * A contact shown to staff at 2 a.m. must point to a page they (or an auditor) can trust.
 */
const OFFICIAL_HOSTS: readonly string[] = [
  'ncsc.gov.uk',
  'report.ncsc.gov.uk',
  'england.nhs.uk',
  'digital.nhs.uk',
  'support.nhs.net',
  'portal.nhs.net',
  'ico.org.uk',
  'cqc.org.uk',
  'reportfraud.police.uk',
  'police.uk',
  'gov.uk',
  'legislation.gov.uk',
  'pharmacyregulation.org',
  'nhs.uk',
  '111.nhs.uk',
  'dsptoolkit.nhs.uk',
  // The 105 power-cut line is run and paid for jointly by Britain's electricity network
  // operators through their association; no government page describes it.
  'energynetworks.org',
];

/**
 * Families of hosts only official bodies can hold: GOV.UK services, and police.uk names, which
 * are issued only to police forces and national policing bodies.
 */
const OFFICIAL_HOST_SUFFIXES: readonly string[] = ['.service.gov.uk', '.police.uk'];

/** The host of an https address, lower case and without a leading "www."; null when not https. */
function httpsHost(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port)
    return null;
  return parsed.hostname.toLowerCase().replace(/^www\./, '');
}

/** True when `url` is an https page on one of the official sites a national source may be. */
export function isOfficialSource(url: string): boolean {
  const host = httpsHost(url);
  if (host === null) return false;
  return (
    OFFICIAL_HOSTS.includes(host) ||
    OFFICIAL_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix) && host.length > suffix.length)
  );
}
