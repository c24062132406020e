import { describe, expect, it } from 'vitest';
import { isOfficialSource } from './officialSources';

describe('isOfficialSource', () => {
  it('accepts the official sites with or without www', () => {
    expect(isOfficialSource('https://ico.org.uk/for-organisations/')).toBe(true);
    expect(isOfficialSource('https://www.ico.org.uk/for-organisations/')).toBe(true);
    expect(isOfficialSource('https://WWW.CQC.ORG.UK/contact-us')).toBe(true);
  });

  it('accepts any GOV.UK service and any police.uk site, which only official bodies can hold', () => {
    expect(isOfficialSource('https://signpost-cyber-incident.service.gov.uk/')).toBe(true);
    expect(isOfficialSource('https://www.askthe.police.uk/content/Q101.htm')).toBe(true);
  });

  it('refuses plain http, other ports and addresses carrying a login', () => {
    expect(isOfficialSource('http://www.ncsc.gov.uk/')).toBe(false);
    expect(isOfficialSource('https://www.ncsc.gov.uk:8443/')).toBe(false);
    expect(isOfficialSource('https://user:pass@www.ncsc.gov.uk/')).toBe(false);
    expect(isOfficialSource('not a url')).toBe(false);
  });

  it('refuses other subdomains of an allowed site: a subdomain is a different host', () => {
    expect(isOfficialSource('https://neas.nhs.uk/your-service/111')).toBe(false);
    expect(isOfficialSource('https://stopthinkfraud.campaign.gov.uk/')).toBe(false);
    expect(isOfficialSource('https://service.gov.uk/')).toBe(false);
  });
});
