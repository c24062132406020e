import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CONTACT_ROLES } from '../../contract/vocabulary';
import { isOfficialSource } from '../contacts/officialSources';
import type { LoadedLibrary } from './library';
import { loadNationalContacts, loadRunbooks } from './loadRunbooks';
import type { RunbookSearch } from '../../shared/search';

const BUNDLED = resolve(import.meta.dirname, '../../../runbooks');
const EMPTY_USER = join(BUNDLED, 'no-user-folder');

let library: LoadedLibrary;
let search: RunbookSearch;
beforeAll(async () => {
  ({ library, search } = await loadRunbooks({ bundledDir: BUNDLED, userDir: EMPTY_USER }));
});

/** How staff actually describe what is happening, and the runbook that must come first. */
const PHRASINGS: Array<[query: string, expected: string]> = [
  ['hacked', 'first-15-minutes'],
  ["can't log in", 'care-record-system-down'],
  ['screen says pay', 'ransomware'],
  ['files locked', 'ransomware'],
  ['ransom note', 'ransomware'],
  ['sent email to wrong person', 'data-breach'],
  ['wrong address letter', 'data-breach'],
  ['lost paper notes', 'data-breach'],
  ['eMAR down', 'care-record-system-down'],
  ['care records not loading', 'care-record-system-down'],
  ['rota system down', 'care-record-system-down'],
  ['laptop nicked', 'lost-device'],
  ['lost phone', 'lost-device'],
  ['tablet stolen', 'lost-device'],
  ['bank details changed', 'payment-diversion'],
  ['invoice changed', 'payment-diversion'],
  ['phones dead', 'phones-telecare-down'],
  ['call bells not working', 'phones-telecare-down'],
  ['telecare down', 'phones-telecare-down'],
  ['clicked a dodgy link', 'clicked-link'],
  ['gave my password', 'clicked-link'],
  ['nhsmail hacked', 'nhsmail-compromised'],
  ['outlook hacked', 'email-hacked'],
  ['virus', 'malware-one-device'],
  ['computer slow pop ups', 'malware-one-device'],
  ['ex employee still has access', 'staff-misuse'],
  ['wifi down', 'internet-down'],
  ['no internet', 'internet-down'],
  ['power cut', 'power-cut'],
  ['crowdstrike', 'national-outage'],
  ['everything down nationally', 'national-outage'],
  ['phishing text', 'suspicious-message'],
  ['scam email', 'suspicious-message'],
  ['what do i do first', 'first-15-minutes'],
  ['paper MAR', 'care-on-paper'],
  ['medicines on paper', 'care-on-paper'],
  ['put records back in', 'back-to-digital'],
  ['who do I report to', 'who-do-i-tell'],
  ['ICO', 'who-do-i-tell'],
  ['lessons learned', 'after-the-incident'],
  ['ransomwre', 'ransomware'],
  ['lost phnoe', 'lost-device'],
  // What is wrong outweighs the device it is wrong with.
  ['emar app not loading on the tablets', 'care-record-system-down'],
  ["care app won't open on the phones", 'care-record-system-down'],
  ['the rota app is down on every phone', 'care-record-system-down'],
  ["can't log in to the care system on any tablet", 'care-record-system-down'],
  ['medication system not working', 'care-record-system-down'],
  ['the laptop is locked and wont start', 'ransomware'],
  ['tablet screen frozen asking for bitcoin', 'ransomware'],
  ['screen says files are encrypted', 'ransomware'],
  ['wifi not working on the tablets', 'internet-down'],
  ['the eMAR tablet was stolen from the car', 'lost-device'],
  ['laptop left on the train', 'lost-device'],
  // A question with nothing else in it wants to know where to start.
  ['what should we do now', 'first-15-minutes'],
  ['Help, what do we do?', 'first-15-minutes'],
  ['now what', 'first-15-minutes'],
  ['help me please', 'first-15-minutes'],
  // A question beside words that say what happened follows those words.
  ['what do I do about a ransom note', 'ransomware'],
  ['help my email has been hacked', 'email-hacked'],
  ['what now, the tablet was nicked', 'lost-device'],
  // Words that say it reaches beyond this service.
  ['other practices have the same issue', 'national-outage'],
  ['internet down in the whole area', 'national-outage'],
  ["it's not just us, the whole region is down", 'national-outage'],
  ['everyone in the region has lost the GP system', 'national-outage'],
  ['our pharmacy and the others nearby cant get prescriptions', 'national-outage'],
  ['power cut across the whole area', 'power-cut'],
  // Looking back once it is over.
  ['writing it up after', 'after-the-incident'],
  ['debrief after the attack', 'after-the-incident'],
  ["what went well and what didn't", 'after-the-incident'],
  // Typos in longer words.
  ['ransonware', 'ransomware'],
  ['gave away my passwrod', 'clicked-link'],
  ['phising email', 'suspicious-message'],
  ['suspicous text message', 'suspicious-message'],
  ['telecare alarms not wroking', 'phones-telecare-down'],
  ['a bloke rang saying he was from microsoft', 'phone-impersonation'],
  ['caller wanted remote access to the office pc', 'phone-impersonation'],
  ['fraudster pretending to be the gp surgery', 'phone-impersonation'],
  ['letter from payroll company saying staff details stolen', 'supplier-data-breach'],
  ['recruitment agency lost our staff data', 'supplier-data-breach'],
  ['strange posts on our facebook', 'social-media-hacked'],
  ['locked out of instagram', 'social-media-hacked'],
  ['blackmail email wants bitcoin', 'extortion-email'],
  ['email threatens to leak resident data unless we pay', 'extortion-email'],
  ['IT company not answering', 'it-supplier-down'],
  ['it firm got hacked', 'it-supplier-down'],
  ['no IT support at night', 'it-supplier-down'],
  ['what do we tell the families', 'telling-people'],
  ['who talks to the newspaper', 'telling-people'],
  ['resident fell while call bells were down', 'safeguarding-candour'],
  ['carer missed a visit and client was hurt', 'safeguarding-candour'],
];

describe('the bundled runbook library', () => {
  it('loads every bundled runbook with no problem at all', () => {
    expect(library.problems).toEqual([]);
    expect(library.runbooks.size).toBeGreaterThanOrEqual(27);
  });

  it.each(PHRASINGS)('"%s" finds %s first', (query, expected) => {
    expect(search.search(query, 3)[0]?.id).toBe(expected);
  });

  it('has at least 40 phrasings in this table', () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(40);
  });

  it('resolves every placeholder to a national contact or a local directory role', async () => {
    const national = new Set(
      (await loadNationalContacts(BUNDLED)).contacts.map((contact) => contact.id),
    );
    for (const runbook of library.runbooks.values()) {
      for (const contact of runbook.contacts) {
        expect(
          national.has(contact.role) || Object.hasOwn(LOCAL_CONTACT_ROLES, contact.role),
          `${runbook.id}: ${contact.role}`,
        ).toBe(true);
      }
    }
  });

  it('gives every national contact an official https source, the date it was checked and the page date when there is one', async () => {
    const { contacts, problems } = await loadNationalContacts(BUNDLED);
    expect(problems).toEqual([]);
    for (const contact of contacts) {
      expect(isOfficialSource(contact.source), contact.source).toBe(true);
      expect(contact.checked, contact.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(
        contact.pageDate === null || /^\d{4}-\d{2}-\d{2}$/.test(contact.pageDate),
        contact.id,
      ).toBe(true);
    }
  });

  it.each([
    ['nhs-111', '111', 'www.nhs.uk'],
    ['police-101', '101', 'www.askthe.police.uk'],
    ['power-cut-105', '105', 'www.energynetworks.org'],
    ['bank-fraud-159', '159', 'www.reportfraud.police.uk'],
    ['cqc-contact-centre', '03000 616161', 'www.cqc.org.uk'],
  ])(
    'ships the national contact %s with its number and its own source page',
    async (id, number, host) => {
      const { contacts } = await loadNationalContacts(BUNDLED);
      const contact = contacts.find((entry) => entry.id === id);
      expect(contact?.channels).toContainEqual(
        expect.objectContaining({ kind: 'phone', value: number }),
      );
      expect(new URL(contact?.source ?? 'https://missing.invalid/').host).toBe(host);
      expect(contact?.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    },
  );

  it('cites no scan, mirror, aggregator, blog or test copy of a site anywhere in the pack', () => {
    const text = readFileSync(join(BUNDLED, 'national-contacts.json'), 'utf8');
    for (const host of ['urlscan.io', 'nhsd.io', 'ebmdatalab', 'wired-gov', 'emcrc.co.uk'])
      expect(text, host).not.toContain(host);
  });

  it('writes no phone number in any runbook: numbers live only in the contacts pack', () => {
    for (const name of readdirSync(BUNDLED).filter((file) => file.endsWith('.md'))) {
      const body = readFileSync(join(BUNDLED, name), 'utf8')
        .split(/^---$/m)
        .slice(2)
        .join('---')
        .replace(/\{\{[^}]*\}\}/g, '');
      // UK numbers (0300 303 5222, 01234 567890, +44 …) and the short emergency, help and text numbers.
      const found =
        body.match(
          /(\+44\s?\d|\b0\d{2,4}[\s-]?\d{3}[\s-]?\d{3,4}\b|\b(999|101|105|111|159|7726)\b)/g,
        ) ?? [];
      expect(found, name).toEqual([]);
    }
  });
});
