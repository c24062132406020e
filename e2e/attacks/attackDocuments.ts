/**
 * Hostile runbook documents for the attack tests: every payload tries to run script (setting
 * `window.__pwned` or opening a dialog), load something from outside, or smuggle an unsafe link.
 * Each payload is placed in five parts of a runbook, so every rendering path meets every payload.
 */

const SET = 'window.__pwned=1';

/** Payloads that fit on one line (headlines and decision options). */
const ONE_LINE: string[] = [
  `<script>${SET}</script>`,
  `<img src=x onerror="${SET}">`,
  `<svg onload="${SET}">`,
  `<svg><script>${SET}</script></svg>`,
  `<iframe src="javascript:${SET}"></iframe>`,
  `<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>`,
  `<object data="javascript:${SET}"></object>`,
  `<embed src="javascript:${SET}">`,
  `<details open ontoggle="${SET}">x</details>`,
  `<body onload="${SET}">`,
  `<video><source onerror="${SET}"></video>`,
  `<audio src=x onerror="${SET}">`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${SET}">`,
  `<a href="javascript:${SET}">raw link</a>`,
  `[md link](javascript:${SET})`,
  `[mixed case](JaVaScRiPt:${SET})`,
  `[entity colon](javascript&#58;${SET})`,
  `[entity j](&#106;avascript:${SET})`,
  `[spaced](<java script:${SET}>)`,
  `[percent](%6A%61vascript:${SET})`,
  `[leading space]( javascript:${SET})`,
  '[data html](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0xPC9zY3JpcHQ+)',
  '[vbscript](vbscript:msgbox(1))',
  '[file](file:///etc/passwd)',
  `<javascript:${SET}>`,
  '![remote image](https://attacker.example/pixel.png)',
  `![script image](javascript:${SET})`,
  '[![linked image](https://attacker.example/p.png)](https://attacker.example/)',
  '<style>@import url(https://attacker.example/x.css);</style>',
  '<div style="background:url(https://attacker.example/bg.png)">styled</div>',
  '<link rel=stylesheet href=https://attacker.example/x.css>',
  '<meta http-equiv="refresh" content="0;url=https://attacker.example/">',
  '<base href="https://attacker.example/">',
  '<form action="https://attacker.example/"><button>go</button></form>',
  `<input autofocus onfocus="${SET}">`,
  `<marquee onstart="${SET}">m</marquee>`,
  `<a href="#" onclick="${SET}">click</a>`,
  `[title break](https://www.ncsc.gov.uk/ "t\\" onmouseover=\\"${SET}")`,
  `[quote break](https://www.ncsc.gov.uk/"onmouseover="${SET})`,
  `\`<script>${SET}</script>\``,
  '{{contact:<script>}} and {{contact:csoc" onmouseover="x}}',
  `<!-- --><script>${SET}</script>`,
  `<![CDATA[<script>${SET}</script>]]>`,
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '[backslash](\\javascript:alert(1))',
  '[userinfo](https://attacker.example@www.ncsc.gov.uk/)',
  '[ip](https://127.0.0.1/)',
  '[plain http](http://www.ncsc.gov.uk/)',
  '[protocol relative](//attacker.example/)',
  '[runbook quote](runbook:ransomware" onclick="x)',
  '<img src="https://attacker.example/a.png">',
  `<svg><a xlink:href="javascript:${SET}"><text>x</text></a></svg>`,
  `<noscript><p title="</noscript><img src=x onerror=${SET}>">`,
  `[newline js](javascript://%0a${SET})`,
  `<x onpointerover=${SET}>hover</x>`,
  `${'*'.repeat(2000)}${SET}${'_'.repeat(2000)}`,
  `${'['.repeat(500)}x${'](https://attacker.example/)'.repeat(50)}`,
  `<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:${SET}">hex entities</a>`,
  `[tab](java&#9;script:${SET})`,
  // An email link may carry only a subject (cc, bcc and body stop the runbook loading, with an error).
  '[mailto script](mailto:x@example.com?subject=<script>alert(1)</script>)',
];

/** Payloads that need several lines (introductions and step details). */
const MULTI_LINE: string[] = [
  `[reference link][evil]\n\n[evil]: javascript:${SET}`,
  `\`\`\`html\n<script>${SET}</script>\n\`\`\``,
  `${'> '.repeat(300)}<script>${SET}</script>`,
  `<div>\n<script>${SET}</script>\n</div>`,
  `![a][img]\n\n[img]: https://attacker.example/ref.png`,
];

export interface AttackDocument {
  id: string;
  file: string;
  text: string;
}

const oneLine = (payload: string): string => payload.replace(/\n+/g, ' ');
const indent = (text: string): string =>
  text
    .split('\n')
    .map((line) => (line ? `   ${line}` : ''))
    .join('\n');

function runbook(
  id: string,
  parts: {
    intro?: string;
    phaseIntro?: string;
    headline?: string;
    details?: string;
    option?: string;
  },
): string {
  return `---
id: ${id}
title: Attack ${id}
category: guide
summary: A hostile document that must render inert.
reviewed: 2026-11-01
owner: Attacker
version: 1
---

${parts.intro ?? 'Stay calm.'}

## Contain {#contain}

${parts.phaseIntro ?? 'Do these in order.'}

1. Check the screen: ${parts.headline ?? 'look'} {#first}

${indent(parts.details ?? 'Nothing else.')}

2. Decision: Is it safe? {#choice}

   - Yes: ${parts.option ?? 'carry on'}
   - No: go to [the first step](#first).
`;
}

/** Every payload in every place it can go: at least 300 documents. */
export function attackDocuments(): AttackDocument[] {
  const docs: AttackDocument[] = [];
  const add = (text: (id: string) => string): void => {
    const id = `attack-${String(docs.length + 1).padStart(3, '0')}`;
    docs.push({ id, file: `${id}.md`, text: text(id) });
  };
  for (const payload of [...ONE_LINE, ...MULTI_LINE]) {
    add((id) => runbook(id, { intro: payload }));
    add((id) => runbook(id, { phaseIntro: payload }));
    add((id) => runbook(id, { details: payload }));
    add((id) => runbook(id, { headline: oneLine(payload) }));
    add((id) => runbook(id, { option: oneLine(payload) }));
  }
  return docs;
}
