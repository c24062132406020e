import { describe, expect, it } from 'vitest';
import type { ContactRef } from '../contract/types';
import { classifyHref, isAllowedExternalUrl } from './linkPolicy';
import {
  contactDisplay,
  createMarkdown,
  renderMarkdown,
  renderMarkdownInline,
  type ContactDisplay,
} from './markdown';

const SAFE_ELEMENTS = new Set([
  'p',
  'a',
  'strong',
  'em',
  'code',
  'pre',
  'ul',
  'ol',
  'li',
  'span',
  'bdi',
  'blockquote',
  'hr',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  's',
]);

const unescapeAttribute = (value: string): string =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

interface Element {
  name: string;
  attributes: Array<{ name: string; value: string }>;
}

/** Every start tag in the HTML with its attributes (markdown-it always double-quotes values). */
function elementsOf(html: string): Element[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)].map(
    (match) => ({
      name: (match[1] ?? '').toLowerCase(),
      attributes: [...(match[2] ?? '').matchAll(/\s+([^\s=>]+)(?:="([^"]*)")?/g)].map((a) => ({
        name: (a[1] ?? '').toLowerCase(),
        value: unescapeAttribute(a[2] ?? ''),
      })),
    }),
  );
}

/** An href the app will act on: its own routes, a step, or a URL the main process agrees to open. */
function isAllowedRenderedHref(href: string): boolean {
  if (/^#\/runbooks\/[a-z0-9][a-z0-9-]{0,63}(\/[a-z0-9][a-z0-9-]{0,63})?$/.test(href)) return true;
  const target = classifyHref(href);
  return target?.kind === 'step' || (target?.kind === 'external' && isAllowedExternalUrl(href));
}

/**
 * What "safe to insert" means for the renderer: no script element, only harmless elements, no
 * event-handler, src or style attributes, and every href on the allow-list. Attributes are read
 * properly because an escaped title may legitimately *contain* the text ` onclick=`.
 */
function expectSafe(html: string): void {
  expect(html).not.toMatch(/<script/i);
  // Every start tag must be one elementsOf can read (quoted attributes only): an unquoted or odd
  // attribute means raw HTML slipped through, and would otherwise escape the checks below.
  const elements = elementsOf(html);
  expect(elements.length).toBe(html.match(/<[a-zA-Z]/g)?.length ?? 0);
  for (const closing of html.matchAll(/<\/([^>]*)>/g)) expect(SAFE_ELEMENTS).toContain(closing[1]);
  for (const element of elements) {
    expect(SAFE_ELEMENTS).toContain(element.name);
    for (const attribute of element.attributes) {
      expect(attribute.name).not.toMatch(/^on/);
      expect(['src', 'style', 'srcset', 'formaction', 'action', 'xlink:href']).not.toContain(
        attribute.name,
      );
      if (attribute.name === 'href')
        expect(isAllowedRenderedHref(attribute.value), `href ${attribute.value}`).toBe(true);
    }
  }
}

const links = (html: string) => elementsOf(html).filter((element) => element.name === 'a');

/** In the style of markdown-it's test/fixtures/markdown-it/xss.txt, plus Holdfast's own worries. */
const XSS_CASES: Array<[string, string]> = [
  ['plain javascript:', '[xss link](javascript:alert(1))'],
  ['upper-case scheme', '[xss link](JAVASCRIPT:alert(1))'],
  ['mixed-case scheme', '[xss link](JaVaScRiPt:alert(1))'],
  ['decimal entity', '[xss link](&#74;avascript:alert(1))'],
  ['hex entity', '[xss link](&#x6A;avascript:alert(1))'],
  [
    'fully entity-encoded',
    '[xss link](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1))',
  ],
  ['&colon; entity', '[xss link](javascript&colon;alert(1))'],
  ['percent-encoded scheme', '[xss link](%6a%61%76%61%73%63%72%69%70%74:alert(1))'],
  ['tab entity inside "javascript"', '[xss link](java&#9;script:alert(1))'],
  ['newline entity inside "javascript"', '[xss link](java&#10;script:alert(1))'],
  ['raw tab inside "javascript"', '[xss link](<java\tscript:alert(1)>)'],
  ['leading spaces', '[xss link](<  javascript:alert(1)>)'],
  ['autolink', '<javascript:alert(1)>'],
  ['mixed-case autolink', '<JaVaScRiPt:alert(1)>'],
  ['data: autolink', '<data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>'],
  ['data: link', '[xss link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['vbscript: link', '[xss link](vbscript:msgbox(1))'],
  ['reference-style link', '[xss link][ref]\n\n[ref]: javascript:alert(1)'],
  ['reference-style link in angle brackets', '[xss link][ref]\n\n[ref]: <vbscript:msgbox(1)>'],
  ['double quotes in a link title', '[a](https://www.ncsc.gov.uk "title\\" onclick=\\"alert(1)")'],
  [
    'single-quoted title with double quotes',
    `[a](https://www.ncsc.gov.uk 'x" onmouseover="alert(1)')`,
  ],
  [
    'reference title with quotes',
    '[a][r]\n\n[r]: https://www.ncsc.gov.uk "t\\" onfocus=\\"alert(1)"',
  ],
  ['file: link', '[a](file:///etc/passwd)'],
  ['UNC path', String.raw`[a](\\\\server\\share)`],
  ['UNC path in angle brackets', String.raw`[a](<\\server\share\payload.exe>)`],
  ['http: link', '[a](http://example.com)'],
  ['http: autolink', '<http://example.com>'],
  ['credentials in an https link', '[a](https://user:pw@host.example.com)'],
  ['ms-msdt: link', '[a](ms-msdt:/id%20PCWDiagnostic)'],
  ['search-ms: link', '[a](search-ms:query=invoice)'],
  ['smb: link', '[a](smb://evil.example/share)'],
  ['raw <img onerror>', '<img src=x onerror=alert(1)>'],
  ['raw <a href=javascript:>', '<a href="javascript:alert(1)">click</a>'],
  ['raw <svg onload>', '<svg/onload=alert(1)>'],
  ['raw <iframe>', '<iframe src="https://evil.example"></iframe>'],
  ['raw <script> block', '<script>\nalert(1)\n</script>'],
  ['raw HTML in link text', '[<img src=x onerror=alert(1)>](https://www.ncsc.gov.uk)'],
  ['image', '![x](https://evil.example/t.png)'],
  ['image with quotes in its alt text', '![x" onerror="alert(1)](https://evil.example/t.png)'],
  ['image inside a javascript: link', '[![x](https://evil.example/t.png)](javascript:alert(1))'],
  ['markup in a query string', '[a](https://www.ncsc.gov.uk/?q="><script>alert(1)</script>)'],
  ['fence info string with quotes', '```js" onmouseover="alert(1)\nalert(1)\n```'],
  ['script in a code span', '`<script>alert(1)</script>`'],
  ['step link with a quote', '[a](#step-one" onclick="alert(1))'],
  ['placeholder-looking HTML', '{{contact:<script>alert(1)</script>}}'],
];

describe('renderMarkdown against hostile runbook text', () => {
  it('covers at least 30 attack cases', () => {
    expect(XSS_CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(XSS_CASES)('%s: renders nothing that can run or reach out', (_name, source) => {
    expectSafe(renderMarkdown(source));
    expectSafe(renderMarkdownInline(source));
  });

  it.each(XSS_CASES.filter(([name]) => !/title|query|HTML in link text/.test(name)))(
    '%s: renders no link at all',
    (_name, source) => {
      expect(links(renderMarkdown(source))).toEqual([]);
    },
  );

  it('shows raw HTML as text the reader can see', () => {
    expect(renderMarkdown('<b>bold?</b> <script>alert(1)</script>')).toBe(
      '<p>&lt;b&gt;bold?&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
    );
  });

  it('replaces an image with a visible note instead of loading it', () => {
    expect(renderMarkdown('![the ransom note](https://evil.example/t.png)')).toBe(
      '<p><span class="image-removed">[image not shown: the ransom note]</span></p>\n',
    );
  });

  it('keeps a link title but escapes its quotes', () => {
    const [link] = links(renderMarkdown('[a](https://www.ncsc.gov.uk "x\\" onclick=\\"alert(1)")'));
    expect(link?.attributes.map((a) => a.name)).toEqual(['href', 'title', 'data-external', 'rel']);
  });
});

describe('the safety check used above', () => {
  it.each([
    '<p><img src=x onerror=alert(1)></p>',
    '<p><a href="javascript:alert(1)">x</a></p>',
    '<p><span onclick="alert(1)">x</span></p>',
    '<p><a href="http://example.com">x</a></p>',
    '<iframe></iframe>',
    '<p><svg/onload=alert(1)></p>',
  ])('rejects %s', (html) => {
    expect(() => expectSafe(html)).toThrow();
  });
});

describe('links that are allowed', () => {
  it('marks outside links so the app confirms before opening them, and sends no referrer', () => {
    const [link] = links(
      renderMarkdown('[NCSC](https://www.ncsc.gov.uk/collection/incident-management)'),
    );
    expect(link?.attributes).toEqual([
      { name: 'href', value: 'https://www.ncsc.gov.uk/collection/incident-management' },
      { name: 'data-external', value: 'true' },
      { name: 'rel', value: 'noreferrer noopener' },
    ]);
  });

  it('links a phone number written with spaces, in a form the main process will open', () => {
    const [link] = links(renderMarkdown('[call CSOC](<tel:+44 300 303 5222>)'));
    const href = link?.attributes.find((a) => a.name === 'href')?.value ?? '';
    expect(href).toBe('tel:+44%20300%20303%205222');
    expect(isAllowedExternalUrl(href)).toBe(true);
  });

  it.each(['mailto:dpo@care.example.org', 'tel:+443003035222'])(
    'marks %s as external too',
    (href) => {
      const [link] = links(renderMarkdown(`[contact](${href})`));
      expect(link?.attributes).toContainEqual({ name: 'data-external', value: 'true' });
      expect(link?.attributes).toContainEqual({ name: 'href', value: href });
    },
  );

  it('turns runbook: links into in-app routes', () => {
    expect(renderMarkdown('[the ransomware runbook](runbook:ransomware)')).toBe(
      '<p><a href="#/runbooks/ransomware" data-runbook="ransomware">the ransomware runbook</a></p>\n',
    );
    expect(renderMarkdownInline('[report it](runbook:ransomware#report-dspt)')).toBe(
      '<a href="#/runbooks/ransomware/report-dspt" data-runbook="ransomware">report it</a>',
    );
  });

  it('marks #step links so the app scrolls to the step', () => {
    expect(renderMarkdownInline('[tell CQC](#notify-cqc)')).toBe(
      '<a href="#notify-cqc" data-step="notify-cqc">tell CQC</a>',
    );
  });

  it('gives every rendered outside link an address the main process will agree to open', () => {
    const html = renderMarkdown(
      [
        '[a](https://bücher.example/path)',
        '[b](https://ico.org.uk/?a=1&b=2)',
        '[c](mailto:a@b.uk?subject=Data breach)',
        '<https://www.cqc.org.uk>',
      ].join('\n\n'),
    );
    const hrefs = links(html).map(
      (link) => link.attributes.find((a) => a.name === 'href')?.value ?? '',
    );
    expect(hrefs).toHaveLength(3);
    for (const href of hrefs) expect(isAllowedExternalUrl(href), href).toBe(true);
  });

  it('leaves a link with an empty address without one, so it cannot reload the page (found by the fuzzer)', () => {
    expect(renderMarkdownInline('[a]()')).toBe('<a>a</a>');
  });

  it('does not turn bare web addresses into links (linkify is off)', () => {
    expect(links(renderMarkdown('Go to https://www.ncsc.gov.uk now'))).toEqual([]);
  });
});

describe('contact placeholders', () => {
  const contacts: Record<string, ContactDisplay> = {
    csoc: {
      label: 'NHS England Cyber Security Operations Centre (CSOC)',
      detail: '0300 303 5222 (24 hours a day, every day)',
      parts: {
        name: null,
        organisation: null,
        value: '0300 303 5222',
        leftToRight: true,
        hours: '24 hours a day, every day',
      },
    },
    insurer: { label: 'Insurer incident line', detail: null },
    'it-supplier': { label: '<img src=x onerror=alert(1)> & Co', detail: '<b>0800</b> "24/7"' },
  };
  const env = { resolveContact: (role: string) => contacts[role] ?? null };

  it('shows a known contact with its number and hours', () => {
    expect(renderMarkdownInline('Phone {{contact:csoc}} now.', env)).toBe(
      'Phone <span class="contact-ref"><strong><bdi>NHS England Cyber Security Operations Centre (CSOC)</bdi></strong>: <span class="contact-number"><bdi dir="ltr">0300 303 5222</bdi></span> (<bdi>24 hours a day, every day</bdi>)</span> now.',
    );
  });

  it('keeps each value the provider typed in its own direction, the number left to right', () => {
    // A right-to-left override left open in the organisation would show the number after it
    // reversed ("1111 999 0030") if the values shared one run of text.
    const html = renderMarkdownInline('Phone {{contact:insurer}}.', {
      resolveContact: () => ({
        label: 'Insurer incident line',
        detail: 'Ins Co (Org \u202e) — 0300 999 1111 (9-5)',
        parts: {
          name: 'Ins Co',
          organisation: 'Org \u202e',
          value: '0300 999 1111',
          leftToRight: true,
          hours: '9-5',
        },
      }),
    });
    expectSafe(html);
    expect(html).toContain('<bdi>Ins Co</bdi> (<bdi>Org \u202e</bdi>) — ');
    expect(html).toContain('<bdi dir="ltr">0300 999 1111</bdi>');
    expect(html).toContain('(<bdi>9-5</bdi>)');
  });

  it('tells the reader to add a local number that has not been entered yet', () => {
    expect(renderMarkdownInline('Phone {{contact:insurer}}.', env)).toBe(
      'Phone <span class="contact-ref contact-ref-missing"><strong><bdi>Insurer incident line</bdi></strong>: not set yet — <a href="#/contacts/insurer" data-contact-role="insurer">add your local number</a></span>.',
    );
  });

  it('escapes HTML in a contact label and number', () => {
    const html = renderMarkdownInline('Phone {{contact:it-supplier}}.', env);
    expectSafe(html);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; Co');
    expect(html).toContain('&lt;b&gt;0800&lt;/b&gt; &quot;24/7&quot;');
  });

  it('shows the role name when the contact is not known at all', () => {
    expect(renderMarkdownInline('{{contact:plumber}}', env)).toBe(
      '<span class="contact-ref">plumber</span>',
    );
    expect(renderMarkdownInline('{{contact:plumber}}')).toBe(
      '<span class="contact-ref">plumber</span>',
    );
  });

  it('accepts spaces inside the braces', () => {
    expect(renderMarkdownInline('{{ contact : csoc }}', env)).toContain('0300 303 5222');
  });

  it('shows other placeholder kinds as plain text, marked as unknown', () => {
    expect(renderMarkdownInline('{{incident:id}}', env)).toBe(
      '<span class="placeholder-unknown">{{incident:id}}</span>',
    );
  });

  it('leaves placeholders in code alone', () => {
    expect(renderMarkdownInline('`{{contact:csoc}}`', env)).toBe('<code>{{contact:csoc}}</code>');
  });
});

describe('contactDisplay', () => {
  const ref = (extra: Partial<ContactRef>): ContactRef => ({
    role: 'csoc',
    label: 'CSOC',
    national: true,
    channels: null,
    stale: false,
    ...extra,
  });

  it('shows the first channel with the hours', () => {
    const channels = [
      { kind: 'phone' as const, value: '0300 303 5222' },
      { kind: 'email' as const, value: 'x@nhs.net' },
    ];
    expect(contactDisplay(ref({ channels, hours: '24 hours a day' }))).toEqual({
      label: 'CSOC',
      detail: '0300 303 5222 (24 hours a day)',
      parts: {
        name: null,
        organisation: null,
        value: '0300 303 5222',
        leftToRight: true,
        hours: '24 hours a day',
      },
    });
    expect(contactDisplay(ref({ channels }))).toMatchObject({
      label: 'CSOC',
      detail: '0300 303 5222',
    });
  });

  it('has no detail when no number is known, so the reader is asked to add one', () => {
    expect(contactDisplay(ref({ channels: null }))).toEqual({ label: 'CSOC', detail: null });
    expect(contactDisplay(ref({ channels: [] }))).toEqual({ label: 'CSOC', detail: null });
  });
});

describe('lint mode', () => {
  it('keeps refused links in the token stream so the validator can report them with their line', () => {
    const tokens = createMarkdown('lint').parse('Intro.\n\nSee [x](javascript:alert(1)).', {});
    const inline = tokens.find(
      (token) => token.type === 'inline' && token.content.includes('javascript'),
    );
    expect(inline?.map?.[0]).toBe(2);
    expect(inline?.children?.find((child) => child.type === 'link_open')?.attrGet('href')).toBe(
      'javascript:alert(1)',
    );
  });
});

describe('nesting limits', () => {
  const image = (depth: number) =>
    `${'!['.repeat(depth)}a${'](https://x.example/p.png)'.repeat(depth)}`;

  it('shows inline markup nested deeper than 20 as text, so nested brackets cost less to parse', () => {
    expect(renderMarkdown(image(20))).toMatch(/^<p><span class="image-removed">/);
    expect(renderMarkdown(image(30))).toMatch(/^<p>!\[!\[/);
  });

  it('keeps block nesting at 100, as markdown-it drops blocks nested deeper than its limit', () => {
    const md = createMarkdown('render');
    expect(md.render(`${'>'.repeat(60)} deep`)).toContain('deep');
    md.render(image(30));
    expect((md.options as { maxNesting?: number }).maxNesting).toBe(100);
  });
});
