import { describe, expect, it } from 'vitest';
import { classifyHref, isAllowedExternalUrl, linkDestination, type LinkTarget } from './linkPolicy';

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

const runbook = (id: string, step?: string): LinkTarget =>
  step ? { kind: 'runbook', runbook: id, step } : { kind: 'runbook', runbook: id };
const stepLink = (id: string): LinkTarget => ({ kind: 'step', step: id });

/** More cases by threat; together with TABLE at least 200, all of which must be decided right. */
const MORE: Array<[string, LinkTarget | null]> = [
  // Lookalike hosts are real hosts: allowed, because the confirmation shows the host. Credentials
  // that push the real host to the right are refused.
  ['https://ncsc.gov.uk.evil.example', external('https://ncsc.gov.uk.evil.example')],
  ['https://www.ncsc-gov.uk', external('https://www.ncsc-gov.uk')],
  ['https://www.ncsc.gov.uk@evil.example', null],
  ['https://www.ncsc.gov.uk:443@evil.example', null],
  ['https://evil.example#@www.ncsc.gov.uk', external('https://evil.example#@www.ncsc.gov.uk')],
  ['https://evil.example?@www.ncsc.gov.uk', external('https://evil.example?@www.ncsc.gov.uk')],
  ['https://www.ncsc.gov.uk%2eevil.example', external('https://www.ncsc.gov.uk%2eevil.example')],
  ['https://a:@b.example', null],
  ['https://%40@b.example', null],
  ['https://@b.example', external('https://@b.example')],
  // Mixed-case schemes: https in any case; mailto: and tel: only in lower case (refusing is the safe side).
  ['Https://a.example', external('Https://a.example')],
  ['hTTpS://a.example/x', external('hTTpS://a.example/x')],
  ['MAILTO:a@b.uk', null],
  ['Tel:999', null],
  ['jAvAsCrIpT:alert(1)', null],
  ['JAVASCRIPT:alert(1)', null],
  ['VBSCRIPT:msgbox(1)', null],
  ['DaTa:text/html,x', null],
  ['FiLe:///etc/passwd', null],
  ['HTTP://a.example', null],
  ['RUNBOOK:ransomware', null],
  // Encoded characters: a scheme is never decoded into existence.
  ['%6Aavascript:alert(1)', null],
  ['javascript%3Aalert(1)', null],
  ['&#106;avascript:alert(1)', null],
  ['&#x6A;avascript:alert(1)', null],
  ['javascript&colon;alert(1)', null],
  ['java%09script:alert(1)', null],
  ['%68ttps://a.example', null],
  ['https%3A//a.example', null],
  ['https:%2F%2Fa.example', null],
  ['https://a.example/%2e%2e/%2e%2e/etc', external('https://a.example/%2e%2e/%2e%2e/etc')],
  ['https://a.example/%00', external('https://a.example/%00')],
  ['https://a.example/%0d%0aSet-Cookie:x', external('https://a.example/%0d%0aSet-Cookie:x')],
  ['https://a.example/?q=%3Cscript%3E', external('https://a.example/?q=%3Cscript%3E')],
  ['runbook:ransom%77are', null],
  ['#step%2Done', null],
  // file: in every spelling, and paths that Windows would treat as files or shares.
  ['file:a', null],
  ['file:/etc/passwd', null],
  ['file://localhost/etc/passwd', null],
  ['file:///C:/Windows/System32/calc.exe', null],
  ['file:\\\\server\\share', null],
  ['C:\\Windows\\System32\\calc.exe', null],
  ['C:/Windows/System32/calc.exe', null],
  ['/etc/passwd', null],
  ['./runbook.md', null],
  ['../secrets.json', null],
  ['runbooks/ransomware.md', null],
  ['\\\\?\\C:\\x', null],
  ['//server/share', null],
  // Schemes that start other programs or reach the network some other way.
  ['ms-settings:', null],
  ['ms-word:ofe|u|https://evil.example/x.docx', null],
  ['ms-excel:ofv|u|https://evil.example/x.xlsx', null],
  ['ms-officecmd:{}', null],
  ['ms-appinstaller:?source=https://evil.example/x.msix', null],
  ['ms-cxh://x', null],
  ['microsoft-edge:https://evil.example', null],
  ['shell:startup', null],
  ['hcp://services/search?query=x', null],
  ['mk:@MSITStore:C:\\x.chm::/x.htm', null],
  ['its:C:\\x.chm::/x.htm', null],
  ['search:query=x', null],
  ['zoommtg://zoom.us/join?confno=1', null],
  ['msteams://teams.microsoft.com/l/x', null],
  ['slack://open', null],
  ['skype:echo123?call', null],
  ['callto:+443003035222', null],
  ['facetime:+443003035222', null],
  ['sms:+447700900123', null],
  ['steam://run/1', null],
  ['vscode://file/C:/x', null],
  ['itms-services://?action=download-manifest&url=https://evil.example/x.plist', null],
  ['x-apple.systempreferences:com.apple.preference', null],
  ['intent://x#Intent;scheme=http;end', null],
  ['jar:https://a.example/x.jar!/', null],
  ['view-source:https://a.example', null],
  ['mhtml:https://a.example/x.mht', null],
  ['filesystem:https://a.example/temporary/x', null],
  ['chrome-extension://abc/x.html', null],
  ['devtools://devtools/bundled/inspector.html', null],
  ['res://ieframe.dll/x', null],
  ['app://bundle/index.html', null],
  ['holdfast://open', null],
  ['ldap://a.example', null],
  ['gopher://a.example', null],
  ['irc://a.example/x', null],
  ['ssh://a.example', null],
  ['telnet://a.example', null],
  ['sftp://a.example', null],
  ['git://a.example/x.git', null],
  ['svn://a.example', null],
  ['rtsp://a.example/x', null],
  ['mms://a.example/x', null],
  ['webcal://a.example/x.ics', null],
  ['feed:https://a.example/rss', null],
  ['news:comp.risks', null],
  ['nntp://a.example/x', null],
  ['magnet:?xt=urn:btih:x', null],
  ['wss://a.example/socket', null],
  ['urn:isbn:0451450523', null],
  ['cid:x@y', null],
  ['data:image/png;base64,iVBORw0KGgo=', null],
  ['data:,', null],
  ['blob:null/x', null],
  // IP literals, local names and hosts without a real top-level domain.
  ['https://10.0.0.1/', null],
  ['https://192.168.1.254:8443/admin', null],
  ['https://0x7f.0.0.1/', null],
  ['https://0177.0.0.1/', null],
  ['https://017700000001/', null],
  ['https://127.1/', null],
  ['https://0/', null],
  ['https://[::ffff:127.0.0.1]/', null],
  ['https://[fe80::1]/', null],
  ['https://[2001:db8::1]/', null],
  ['https://169.254.169.254/latest/meta-data', null],
  ['https://a.example./', null],
  ['https://a.b/', null],
  ['https://a.c0m/', null],
  ['https://a.123/', null],
  ['https://printer.local.', null],
  ['https://router/', null],
  ['https://localhost:8080/', null],
  ['https://LOCALHOST/', null],
  // Names that only mean a machine on the home or office network, and public names that spell a
  // private address inside them (wildcard DNS).
  ['https://192.168.1.1.nip.io/', null],
  ['https://10.0.0.1.sslip.io/x', null],
  ['https://printer.local/', null],
  ['https://PRINTER.LOCAL/', null],
  ['https://nas.home.arpa/', null],
  ['https://home.arpa/', null],
  ['https://router.home/admin', null],
  ['https://intranet.corp/', null],
  ['https://files.lan/', null],
  ['https://wiki.internal/', null],
  ['https://localhost.localdomain/', null],
  ['https://app.localhost/', null],
  ['https://localhost.example.com/', null],
  ['https://[fc00::1]/', null],
  ['https://[fd12:3456::1]/', null],
  ['https://[::1]:8443/', null],
  ['https://172.16.0.1/', null],
  ['https://172.31.255.255/', null],
  ['https://169.254.1.1/', null],
  ['https://127.42.0.1/', null],
  ['https://2130706433.example/', external('https://2130706433.example/')],
  ['https://local.example.org/', external('https://local.example.org/')],
  ['https://www.home.co.uk/', external('https://www.home.co.uk/')],
  ['https://1.2.3.example/', external('https://1.2.3.example/')],
  // Ports.
  ['https://a.example:443/', external('https://a.example:443/')],
  ['https://a.example:8443/x', external('https://a.example:8443/x')],
  ['https://a.example:65536/', null],
  ['https://a.example:-1/', null],
  ['https://a.example:abc/', null],
  ['https://a.example:/', external('https://a.example:/')],
  // Internationalised names: allowed, in Unicode or punycode, with a real top-level domain.
  ['https://аpple.com/', external('https://аpple.com/')],
  ['https://xn--pple-43d.com/', external('https://xn--pple-43d.com/')],
  ['https://xn--80ak6aa92e.com/', external('https://xn--80ak6aa92e.com/')],
  ['https://пример.рф/', external('https://пример.рф/')],
  ['https://a.xn--p1ai/', external('https://a.xn--p1ai/')],
  ['https://münchen.de/', external('https://münchen.de/')],
  ['https://a.example\u3002com/', external('https://a.example\u3002com/')],
  ['https://a.xn--/', null],
  // The top-level domain is checked by its form only: any punycode label passes.
  ['https://a.рф1/', external('https://a.рф1/')],
  // Whitespace and control characters anywhere.
  ['https://a.example /', null],
  ['https://a.example/ x', null],
  [' https://a.example', null],
  ['https://a.example\t', null],
  ['https://a.example\n', null],
  ['https://a.example\r\n', null],
  ['\u0000https://a.example', null],
  ['https://a.exa\u0000mple', null],
  ['https://a.example/\u007f', null],
  ['https://a.example/\u009b', null],
  ['https://a.example\\@evil.example', null],
  ['https://a.example/\\..\\x', null],
  ['\u202ehttps://a.example', null],
  ['https://a.example/\u202e', external('https://a.example/\u202e')],
  ['java\u0000script:alert(1)', null],
  ['\u000bjavascript:alert(1)', null],
  ['javascript\u0009:alert(1)', null],
  // Odd but valid spellings of https that every URL parser reads the same way.
  ['https:a.example', external('https:a.example')],
  ['https:/a.example', external('https:/a.example')],
  ['https:///a.example', external('https:///a.example')],
  ['https://a.example', external('https://a.example')],
  ['https://A.EXAMPLE/PATH', external('https://A.EXAMPLE/PATH')],
  ['https://a_b.example/', external('https://a_b.example/')],
  [
    'https://a.example/<script>alert(1)</script>',
    external('https://a.example/<script>alert(1)</script>'),
  ],
  [`https://a.example/${'a'.repeat(2030)}`, external(`https://a.example/${'a'.repeat(2030)}`)],
  [`https://a.example/${'a'.repeat(2031)}`, null],
  ['https://', null],
  ['https://.example', null],
  ['https://a..example', null],
  ['https:', null],
  // Email.
  // An email link may fill in the subject only: never copy someone in or write the message.
  ['mailto:a@b.uk?cc=c@d.uk', null],
  ['mailto:a@b.uk?body=%3Cscript%3E', null],
  ['mailto:a@b.uk?subject=Breach&body=Hello', null],
  ['mailto:a@b.uk?Subject=Breach&bcc=c@d.uk', null],
  ['mailto:a@b.uk?subject=A&subject=B', null],
  ['mailto:a@b.uk?SUBJECT=Breach', external('mailto:a@b.uk?SUBJECT=Breach')],
  ['mailto:a@b', external('mailto:a@b')],
  ['mailto:%20a@b.uk', external('mailto:%20a@b.uk')],
  ['mailto:a b@c.uk', null],
  ['mailto:a@@b.uk', null],
  ['mailto:a@b.uk@c.uk', null],
  ['mailto:a@', null],
  ['mailto:?to=a@b.uk', null],
  ['mailto:a@b.uk\n', null],
  // Phone.
  ['tel:12', external('tel:12')],
  ['tel:1', null],
  ['tel:+', null],
  ['tel:*123#', null],
  ['tel:%2B443003035222', null],
  ['tel:+443003035222;ext=1', null],
  ['tel://999', null],
  ['tel:+4430030352220000000000000000000', null],
  ['tel:+44(0)300 303', null],
  ['tel:+44(0)300%20303', external('tel:+44(0)300%20303')],
  // runbook: links and #step links: slugs only, exactly one optional step.
  ['runbook:a', runbook('a')],
  ['runbook:0', runbook('0')],
  ['runbook:a-b-c', runbook('a-b-c')],
  ['runbook:a-', runbook('a-')],
  ['runbook:a#b', runbook('a', 'b')],
  [`runbook:${'a'.repeat(64)}`, runbook('a'.repeat(64))],
  [`runbook:${'a'.repeat(65)}`, null],
  ['runbook:-a', null],
  ['runbook:a#B', null],
  ['runbook:a b', null],
  ['runbook://a', null],
  ['runbook:a/b', null],
  ['runbook:a?b', null],
  ['runbook:#a', null],
  ['runbook:ä', null],
  ['runbook:a_b', null],
  ['runbook:a#b c', null],
  ['runbook: a', null],
  ['#a', stepLink('a')],
  ['#0', stepLink('0')],
  ['#a-b', stepLink('a-b')],
  [`#${'a'.repeat(64)}`, stepLink('a'.repeat(64))],
  [`#${'a'.repeat(65)}`, null],
  ['#a_b', null],
  ['#a.b', null],
  ['##a', null],
  ['#a#b', null],
  ['#ä', null],
  ['#/runbooks/ransomware', null],
  ['#a?x=1', null],
  ['?a=1', null],
  ['a', null],
];

describe('classifyHref', () => {
  it('decides every case of a table of at least 200 links as expected', () => {
    const cases = [...TABLE, ...MORE];
    const wrong = cases.filter(
      ([href, expected]) => JSON.stringify(classifyHref(href)) !== JSON.stringify(expected),
    );
    console.log(`link policy table: ${cases.length} urls, ${wrong.length} failures`);
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(new Set(cases.map(([href]) => href)).size, 'every case is different').toBe(cases.length);
    expect(wrong).toEqual([]);
  });

  it.each([...TABLE, ...MORE])('%j → %j', (href, expected) => {
    expect(classifyHref(href)).toEqual(expected);
  });
});

describe('isAllowedExternalUrl', () => {
  it.each([...TABLE, ...MORE])('agrees with classifyHref about %j', (href, expected) => {
    expect(isAllowedExternalUrl(href)).toBe(expected?.kind === 'external');
  });
});

describe('linkDestination', () => {
  it.each([
    // A Cyrillic к makes "nhs.uк" look like nhs.uk; the ASCII form shows it is not.
    ['https://nhs.u\u043a/report', 'nhs.xn--u-ttb', true],
    ['https://bücher.example/', 'xn--bcher-kva.example', true],
    ['https://аpple.com/', 'xn--pple-43d.com', true],
    ['https://www.ncsc.gov.uk/x', 'www.ncsc.gov.uk', false],
    ['HTTPS://WWW.CQC.ORG.UK/', 'www.cqc.org.uk', false],
    ['https://xn--bcher-kva.example/', 'xn--bcher-kva.example', false],
    ['mailto:dpo@bücher.example?subject=x', 'xn--bcher-kva.example', true],
    ['mailto:dpo@care.example.org', 'care.example.org', false],
    ['tel:999', null, false],
  ])('%j goes to %j (written differently: %j)', (href, asciiHost, hostLooksDifferent) => {
    expect(linkDestination(href)).toEqual({ asciiHost, hostLooksDifferent });
  });

  it('every host it shows is plain ASCII', () => {
    for (const [href] of [...TABLE, ...MORE]) {
      const { asciiHost } = linkDestination(href);
      if (asciiHost !== null) expect(asciiHost, href).toMatch(/^[\x21-\x7e]*$/);
    }
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
