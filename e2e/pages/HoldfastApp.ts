import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Answers "Who is recording?", which the app asks before the first entry in each run of it (and
 * whenever someone chooses to change the name).
 */
export async function sayWhoIsRecording(page: Page, name: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Who is recording?' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Your name').fill(name);
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog).toBeHidden();
}

/** Moves within the app, as its own links do. */
export async function goToHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((to) => {
    window.location.hash = to;
  }, hash);
}

/**
 * Starts an incident on a runbook from the start form, led and recorded by Ann Lee (the first entry
 * of this run of the app, so "Who is recording?" is answered); returns the incident's id once its
 * current step shows.
 */
export async function startIncidentFromForm(
  page: Page,
  runbook: string,
  name: string,
): Promise<string> {
  await goToHash(page, `#/incidents/new/${runbook}`);
  await page.getByLabel('Short name for this incident').fill(name);
  await page.getByLabel('Incident lead').fill('Ann Lee');
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await sayWhoIsRecording(page, 'Ann Lee');
  await expect(page.getByRole('heading', { level: 1, name })).toBeAttached();
  await expect(page.locator('#current-step-title')).toBeVisible();
  return /#\/incidents\/([^/]+)/.exec(page.url())?.[1] ?? '';
}

/** The app as a user sees it: verbs in their words, elements found by role and name. */
export class HoldfastApp {
  constructor(
    readonly page: Page,
    /** A fresh address of the harness on a route (see RunningHarness.address). */
    private readonly address: (hash?: string) => string,
  ) {}

  /** Opens Holdfast and waits for its ready signal (runbooks loaded), never a fixed sleep. */
  async openHome(): Promise<void> {
    await this.page.goto(this.address());
    await expect(this.page.locator('main[data-ready="true"]')).toBeVisible();
    await expect(
      this.page.getByRole('heading', { level: 1, name: "What's happening?" }),
    ).toBeVisible();
  }

  /** Home's "Getting ready" line, then the whole checklist it links to. */
  async openReadiness(): Promise<void> {
    await this.openHome();
    await this.page.getByRole('link', { name: 'See the checklist' }).click();
    await expect(
      this.page.getByRole('heading', { level: 1, name: /^Getting ready/ }),
    ).toBeVisible();
  }

  /** One line of the readiness checklist, found by its title. */
  readinessLine(title: string): Locator {
    return this.page
      .locator('.readiness-list > li')
      .filter({ has: this.page.locator('.readiness-title', { hasText: title }) });
  }

  async sayWhoIsRecording(name: string): Promise<void> {
    await sayWhoIsRecording(this.page, name);
  }

  async openRunbookById(id: string): Promise<void> {
    await this.page.goto(this.address(`#/runbooks/${id}`));
    await expect(this.page.locator('main[data-ready="true"]')).toBeVisible();
  }

  async openAllRunbooks(): Promise<void> {
    await this.page.goto(this.address('#/all'));
    await expect(this.page.getByRole('heading', { level: 1, name: 'All runbooks' })).toBeVisible();
  }

  /** Opens the runbook editor and waits until the first check of its text has finished. */
  async openEditor(id: string): Promise<void> {
    await this.page.goto(this.address(`#/edit/${id}`));
    await expect(this.page.getByRole('heading', { level: 1, name: /^Edit: / })).toBeVisible();
    await expect(
      this.page.getByRole('status').filter({ hasText: /problems found|errors? and/ }),
    ).toBeVisible();
  }

  get runbookText(): Locator {
    return this.page.getByRole('textbox', { name: 'Steps and text' });
  }

  /** Adds text at the very end of the runbook body, as pasted (no list continuation). */
  async addToEndOfText(text: string): Promise<void> {
    await this.runbookText.click();
    await this.page.keyboard.press('ControlOrMeta+End');
    await this.page.keyboard.insertText(text);
  }

  /**
   * Goes to the end of the runbook text, as someone would to read it there: the editor draws only
   * the lines on screen, and after saving the page is scrolled down to the save button.
   */
  async showEndOfText(): Promise<void> {
    await this.runbookText.click();
    await this.page.keyboard.press('ControlOrMeta+End');
  }

  async saveRunbook(author: string, message: string): Promise<void> {
    await this.page.getByLabel('Your name').fill(author);
    await this.page.getByLabel('What did you change? (optional)').fill(message);
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
  }

  historyRows(): Locator {
    return this.page
      .getByRole('table')
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell') });
  }

  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: /Search runbooks/ });
  }

  get searchResults(): Locator {
    return this.page.getByRole('list', { name: 'Matching runbooks' });
  }

  /** One runbook in the search results: its title link, the matching step and a link to that step. */
  searchResult(title: string | RegExp): Locator {
    return this.searchResults
      .getByRole('listitem')
      .filter({ has: this.page.locator('a.search-result-title', { hasText: title }) });
  }

  /** The link that opens a search result's runbook at its top. */
  searchResultLink(title: string | RegExp): Locator {
    return this.searchResult(title).locator('a.search-result-title');
  }

  /** The link that goes straight to the step a search result matched. */
  searchResultStepLink(title: string | RegExp): Locator {
    return this.searchResult(title).getByRole('link', { name: /^Go to step/ });
  }

  async search(text: string): Promise<void> {
    await this.searchBox.fill(text);
    await expect(this.searchResults).toBeVisible();
  }

  /** A folded panel in the reader ("Who to call (17)"), opened. */
  async openReaderPanel(name: RegExp): Promise<Locator> {
    const panel = this.page.getByRole('group', { name });
    if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
    return panel;
  }

  runbookTitle(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  phase(name: string | RegExp): Locator {
    return this.page.getByRole('region', { name });
  }

  steps(): Locator {
    return this.page.locator('li.step');
  }

  entryPoint(name: string | RegExp): Locator {
    return this.page.getByRole('link', { name });
  }

  /** Opens the Contacts screen from the header, as a user would. */
  async openContacts(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Holdfast' })
      .getByRole('link', { name: 'Contacts' })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
  }

  /** The entry for one role in the directory (e.g. "IT supplier"). */
  contactEntry(label: string): Locator {
    return this.page
      .locator('li.directory-entry')
      .filter({ has: this.page.getByRole('heading', { level: 3, name: label, exact: true }) });
  }

  /** Fills the open contact form with a name, organisation and one phone number, then saves. */
  async fillAndSaveContact(contact: {
    name: string;
    organisation?: string;
    phone: string;
    hours?: string;
    outOfBand?: boolean;
  }): Promise<void> {
    await this.page.getByLabel('Name', { exact: true }).fill(contact.name);
    if (contact.organisation)
      await this.page.getByLabel('Organisation (optional)').fill(contact.organisation);
    await this.page.getByLabel('Number or address').fill(contact.phone);
    if (contact.outOfBand)
      await this.page
        .getByLabel('Still works when our own email, internet or phones are down')
        .check();
    if (contact.hours) await this.page.getByLabel('Hours (optional)').fill(contact.hours);
    await this.page.getByRole('button', { name: 'Save contact' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
  }

  /** Exports the contacts from the Contacts screen and returns the downloaded file's name and text. */
  async exportContacts(format: 'CSV' | 'vCard'): Promise<{ filename: string; text: string }> {
    const downloading = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: `Export contacts as ${format}` }).click();
    const download = await downloading;
    const path = await download.path();
    return { filename: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  /** Chooses a file in the Contacts screen's import picker and waits for the preview of it. */
  async chooseImportFile(name: string, text: string): Promise<Locator> {
    const mimeType = name.endsWith('.vcf') ? 'text/vcard' : 'text/csv';
    await this.page
      .getByLabel('Import contacts from a CSV or vCard file')
      .setInputFiles({ name, mimeType, buffer: Buffer.from(text, 'utf8') });
    const preview = this.page.getByRole('region', { name: `Check before importing: ${name}` });
    await expect(preview).toBeVisible();
    return preview;
  }

  /** Opens a screen from the header navigation, as a user would, and waits for its heading. */
  async openFromNav(link: 'Systems' | 'Grab-bag pack', heading: string = link): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Holdfast' })
      .getByRole('link', { name: link, exact: true })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }

  /** The entry for one system in the register (e.g. "eMAR (electronic medicines records)"). */
  systemEntry(label: string): Locator {
    return this.page
      .locator('li.directory-entry')
      .filter({ has: this.page.getByRole('heading', { level: 3, name: label, exact: true }) });
  }

  /** Fills the open system form and saves it; only the given fields are changed. */
  async fillAndSaveSystem(system: {
    impact?: string;
    paperLocation?: string;
    fallback?: string;
    supplier?: string;
  }): Promise<void> {
    if (system.impact)
      await this.page
        .getByLabel('How bad it is if it is down')
        .selectOption({ label: system.impact });
    if (system.paperLocation !== undefined)
      await this.page.getByLabel('Where the paper copy is kept').fill(system.paperLocation);
    if (system.fallback !== undefined)
      await this.page.getByLabel('Paper or manual fallback').fill(system.fallback);
    if (system.supplier)
      await this.page.getByLabel('Who supports it').selectOption({ label: system.supplier });
    await this.page.getByRole('button', { name: 'Save system' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Systems' })).toBeVisible();
  }

  /** Presses Tab until the focused element has this accessible text (keyboard-only journeys). */
  async tabTo(text: string | RegExp, limit = 120): Promise<void> {
    for (let i = 0; i < limit; i += 1) {
      await this.page.keyboard.press('Tab');
      const focused = await this.page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        const labelled = el.id
          ? document.querySelector(`label[for="${el.id}"]`)?.textContent
          : null;
        return (labelled ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
      });
      if (typeof text === 'string' ? focused === text : text.test(focused)) return;
    }
    throw new Error(`Tab never reached ${String(text)}`);
  }
}
