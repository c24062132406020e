import { describe, expect, it } from 'vitest';
import { classifyHref, isAllowedExternalUrl, type LinkTarget } from './linkPolicy';

const external = (url: string): LinkTarget => ({ kind: 'external', url });

/** [href, what Holdfast must make of it (null = refused)]. */
const TABLE: Array<[string, LinkTarget | null]> = [
  // Secure web pages to a named host: opened (after confirmation), URL passed on unchanged.
  ['https://www.ncsc.gov.uk', external('https://www.ncsc.gov.uk')],
  [
    'https://www.ncsc.gov.uk/collection/incident-management',
    external('https://www.ncsc.gov.uk/collection/incident-management'),
  ],
  [
    'https://ico.org.uk/for-organisations/report-a-breach/?a=1&b=2#form',
    external('https://ico.org.uk/for-organisations/report-a-breach/?a=1&b=2#form'),
  ],
  ['HTTPS://WWW.CQC.ORG.UK/', external('HTTPS://WWW.CQC.ORG.UK/')],
  ['https://www.ncsc.gov.uk:8443/x', external('https://www.ncsc.gov.uk:8443/x')],
  // A real https host that merely looks like another one: allowed, the confirmation shows the host.
  ['https://example.com.attacker.com', external('https://example.com.attacker.com')],
  ['https://example.com.attacker.com/login', external('https://example.com.attacker.com/login')],
  // Internationalised domain names are real hosts too.
  ['https://bücher.example', external('https://bücher.example')],
  ['https://xn--bcher-kva.example/', external('https://xn--bcher-kva.example/')],
  // Email and phone.
  ['mailto:a@b.uk', external('mailto:a@b.uk')],
  [
    'mailto:dpo@care.example.org?subject=Breach',
    external('mailto:dpo@care.example.org?subject=Breach'),
  ],
  ['tel:+443003035222', external('tel:+443003035222')],
  ['tel:999', external('tel:999')],
  ['tel:0300-303-5222', external('tel:0300-303-5222')],
  ['tel:(0300)3035222', external('tel:(0300)3035222')],
  // A raw space is refused before any scheme check; markdown sends the spaces percent-encoded.
  ['tel:+44 300 303 5222', null],
  ['tel:+44%20300%20303%205222', external('tel:+44%20300%20303%205222')],
  ['tel:+44%20300%20303%205222%0a', null],
  // Links inside Holdfast.
  ['runbook:ransomware', { kind: 'runbook', runbook: 'ransomware' }],
  ['runbook:ransomware#do-not-pay', { kind: 'runbook', runbook: 'ransomware', step: 'do-not-pay' }],
  ['#report-dspt', { kind: 'step', step: 'report-dspt' }],
  // Credentials, missing dots and plain http.
  ['https://user:pw@host.example.com', null],
  ['https://user@host.example.com', null],
  ['https://:pw@host.example.com', null],
  ['https://localhost', null],
  ['https://intranet/', null],
  ['https://[::1]/', null],
  ['http://www.ncsc.gov.uk', null],
  ['//www.ncsc.gov.uk', null],
  // Schemes that run code or start other programs.
  ['javascript:alert(1)', null],
  ['JaVaScRiPt:alert(1)', null],
  [' javascript:alert(1)', null],
  ['java\tscript:alert(1)', null],
  ['java\nscript:alert(1)', null],
  ['data:text/html,<script>alert(1)</script>', null],
  ['vbscript:msgbox(1)', null],
  ['ms-msdt:/id PCWDiagnostic /skip force', null],
  ['ms-msdt:-id', null],
  ['search-ms:query=invoice&crumb=location:\\\\evil.example\\share', null],
  ['search-ms:query=invoice', null],
  ['smb://evil.example/share', null],
  ['file:///etc/passwd', null],
  ['file://server/share/payload.exe', null],
  ['\\\\server\\share', null],
  ['ftp://files.example.com/', null],
  ['about:blank', null],
  ['blob:https://a.example.com/x', null],
  ['ws://a.example.com/socket', null],
  ['chrome://settings', null],
  // Malformed internal links.
  ['runbook:Ransomware', null],
  ['runbook:../../etc/passwd', null],
  ['runbook:', null],
  ['runbook:ransomware#', null],
  ['runbook:a#b#c', null],
  ['#', null],
  ['#Step-One', null],
  ['#-leading-hyphen', null],
  ['#a b', null],
  // Malformed email and phone.
  ['mailto:', null],
  ['mailto:@b.uk', null],
  ['mailto:a@b.uk,c@d.uk', null],
  ['tel:', null],
  ['tel:+44abc', null],
  // Size and control characters.
  ['', null],
  [`https://www.ncsc.gov.uk/${'a'.repeat(2100)}`, null],
  ['https://www.ncsc.gov.uk/\u0085', null],
  ['https://www.ncsc.gov.uk/\u0000', null],
];

describe('classifyHref', () => {
  it('has a large table of cases', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(TABLE)('%j → %j', (href, expected) => {
    expect(classifyHref(href)).toEqual(expected);
  });
});

describe('isAllowedExternalUrl', () => {
  it.each(TABLE)('agrees with classifyHref about %j', (href, expected) => {
    expect(isAllowedExternalUrl(href)).toBe(expected?.kind === 'external');
  });
});

describe('links the comment says are refused', () => {
  // linkPolicy.ts: "a bare IP or missing host is never a public help page". Only the presence of a
  // dot in the hostname is checked, so these get through.
  it.each([
    'https://127.0.0.1/',
    'https://192.168.0.1/admin',
    'https://2130706433/',
    'https://localhost./',
  ])('refuses %j (an IP address or a dotted localhost)', (href) => {
    expect(classifyHref(href)).toBeNull();
  });
});
