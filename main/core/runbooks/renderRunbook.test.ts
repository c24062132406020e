import { describe, expect, it } from 'vitest';
import { contactDisplay } from '../../shared/markdown';
import type { NationalContact } from '../contacts/nationalContacts';
import { runbookSource } from './__fixtures__/runbookSource';
import { resolveContact } from './library';
import { parseRunbook } from './parseRunbook';
import { renderRunbook } from './renderRunbook';
import type { Runbook } from '../../contract/types';

const csoc: NationalContact = {
  id: 'csoc',
  name: 'CSOC',
  use: 'Cyber incidents.',
  channels: [{ kind: 'phone', value: '0300 303 5222' }],
  hours: '24 hours a day',
  source: 'https://example.org/csoc',
  checked: '2026-12-04',
  pageDate: '2024-04-17',
};

function runbookFrom(body: string[]): Runbook {
  const { runbook } = parseRunbook(
    new TextEncoder().encode(runbookSource({ contacts: ['csoc', 'it-supplier'], body })),
    'runbooks/t.md',
  );
  if (!runbook) throw new Error('fixture did not parse');
  const national = new Map([[csoc.id, csoc]]);
  return {
    id: runbook.meta.id,
    title: runbook.meta.title,
    category: runbook.meta.category,
    summary: runbook.meta.summary,
    providerTypes: runbook.meta.providerTypes,
    reviewed: runbook.meta.reviewed,
    owner: runbook.meta.owner,
    status: runbook.meta.status,
    version: runbook.meta.version,
    source: 'bundled',
    overridesBundled: false,
    synonyms: [],
    intro: runbook.intro,
    phases: runbook.phases,
    contacts: runbook.meta.contacts.map((role) => resolveContact(role, national)),
    systems: [],
    clocks: [],
    links: [],
    file: 'runbooks/t.md',
  };
}

describe('renderRunbook', () => {
  const view = renderRunbook(
    runbookFrom([
      '',
      '<script>alert(1)</script>',
      '',
      '## Contain {#contain}',
      '',
      '1. Call {{contact:csoc}} and {{contact:it-supplier}}. {#call}',
      '',
      '   Then [read this](javascript:alert(1)) and ![x](https://evil.example/p.png).',
      '2. Decision: Personal data? {#pd}',
      '   - Yes: go to [the call step](#call)',
      '   - No: carry on.',
      '3. Isolate the computer: {{setting:isolation-instruction}} {#isolate}',
    ]),
    {
      organisationName: '',
      providerType: null,
      pharmacyCqcRegistered: false,
      isolationInstruction: 'Pull the blue network cable; <b>leave it on</b>.',
      contractClocks: [],
    },
  );

  it('fills a national number in place and warns where a local one is missing', () => {
    expect(view.html.steps.call?.text).toContain(
      '<strong><bdi>CSOC</bdi></strong>: <span class="contact-number"><bdi dir="ltr">0300 303 5222</bdi></span> (<bdi>24 hours a day</bdi>)',
    );
    expect(view.html.steps.call?.text).toContain(
      'not set yet — <a href="#/contacts/it-supplier" data-contact-role="it-supplier">add your local number</a>',
    );
  });

  it('renders hostile markdown as inert text', () => {
    expect(view.html.intro).toContain('&lt;script&gt;');
    const all = JSON.stringify(view.html);
    expect(all).not.toMatch(/<script|<img|javascript:alert\(1\)"|evil\.example/);
  });

  it("shows the provider's own IT supplier instruction, escaped, where the runbook asks for it", () => {
    expect(view.html.steps.isolate?.text).toContain(
      'Pull the blue network cable; &lt;b&gt;leave it on&lt;/b&gt;.',
    );
    const unset = renderRunbook(
      runbookFrom(['', '## A {#a}', '', '1. Do: {{setting:isolation-instruction}} {#do}']),
      {
        organisationName: '',
        providerType: null,
        pharmacyCqcRegistered: false,
        isolationInstruction: '',
        contractClocks: [],
      },
    );
    expect(unset.html.steps.do?.text).toContain(
      'not recorded yet — ask your IT supplier and record it in Settings',
    );
  });

  it('renders decision options in the order of the options', () => {
    expect(view.html.steps.pd?.options).toHaveLength(2);
    expect(view.html.steps.pd?.options[0]).toContain('data-step="call"');
    expect(view.html.steps.pd?.options[1]).toBe('carry on.');
  });
});

describe('contact shown inside a step', () => {
  it('prefers a phone that still works when our systems are down, then any phone', () => {
    const ref = {
      role: 'it-supplier',
      label: 'IT supplier',
      national: false,
      stale: false,
      channels: [
        { kind: 'email' as const, value: 'help@acme.example', outOfBand: false },
        { kind: 'phone' as const, value: '01632 960000', outOfBand: false },
        { kind: 'mobile' as const, value: '07700 900123', outOfBand: true },
      ],
    };
    expect(contactDisplay(ref).detail).toBe('07700 900123');
    expect(contactDisplay({ ...ref, channels: ref.channels.slice(0, 2) }).detail).toBe(
      '01632 960000',
    );
    expect(contactDisplay({ ...ref, channels: ref.channels.slice(0, 1) }).detail).toBe(
      'help@acme.example',
    );
  });
});
