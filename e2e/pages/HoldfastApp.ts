import { expect, type Locator, type Page } from '@playwright/test';

/** The app as a user sees it: verbs in their words, elements found by role and name. */
export class HoldfastApp {
  constructor(
    readonly page: Page,
    private readonly url: string,
  ) {}

  /** Opens Holdfast and waits for its ready signal (runbooks loaded), never a fixed sleep. */
  async openHome(): Promise<void> {
    await this.page.goto(this.url);
    await expect(this.page.locator('main[data-ready="true"]')).toBeVisible();
    await expect(this.page.getByRole('heading', { level: 1, name: "What's happening?" })).toBeVisible();
  }

  async openRunbookById(id: string): Promise<void> {
    await this.page.goto(`${this.url}#/runbooks/${id}`);
    await expect(this.page.locator('main[data-ready="true"]')).toBeVisible();
  }

  get searchBox(): Locator {
    return this.page.getByRole('combobox', { name: /Search runbooks/ });
  }

  searchResult(name: string | RegExp): Locator {
    return this.page.getByRole('option', { name });
  }

  async search(text: string): Promise<void> {
    await this.searchBox.fill(text);
    await expect(this.page.getByRole('listbox', { name: 'Matching runbooks' })).toBeVisible();
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
}
