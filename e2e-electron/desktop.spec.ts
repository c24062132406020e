import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  _electron as electron,
  expect,
  test,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { findElectronTarget } from './electronTarget';

/*
 * The desktop journeys: the real Electron app, started as a care worker starts it. They need the
 * Electron binary; where there is none the whole project is one skipped line saying why, never a
 * pass. Each journey records what the main process was asked to do by replacing the dialog and
 * shell methods it calls, so no real dialog waits for a click.
 */

const repoRoot = resolve(import.meta.dirname, '..');
const target = findElectronTarget(repoRoot);

if (target.kind === 'missing') {
  test.skip(`Electron journeys skipped: no Electron binary on this machine (${target.why})`, () => {});
} else {
  const launchTarget = target;
  test.describe.configure({ mode: 'serial' });

  let dataDir = '';
  test.beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'holdfast-desktop-'));
  });
  test.afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Chromium's own switch: the app's data folder (app.getPath('userData')) for this run only. */
  const appArgs = (): string[] => [...launchTarget.args, `--user-data-dir=${dataDir}`];

  /** Starts the app and waits for its ready signal: runbooks loaded, never a fixed sleep. */
  async function startApp(): Promise<{ app: ElectronApplication; window: Page }> {
    const app = await electron.launch({
      executablePath: launchTarget.executablePath,
      args: appArgs(),
      // A packaged app ignores it anyway; a checkout must load its built files, not a dev server.
      env: { ...process.env, ELECTRON_RENDERER_URL: '' },
    });
    const window = await app.firstWindow();
    await expect(window.locator('main[data-ready="true"]')).toBeVisible();
    return { app, window };
  }

  const goTo = (window: Page, hash: string): Promise<void> =>
    window.evaluate((to) => {
      document.location.hash = to;
    }, hash);

  test('start, search, open a runbook, start an incident, press Done, restart and find it intact', async () => {
    const started = performance.now();
    const { app, window } = await startApp();
    await goTo(window, '#/runbooks/first-15-minutes');
    await expect(window.locator('[data-step-id]').first()).toBeVisible();
    const coldStartMs = Math.round(performance.now() - started);
    console.log(`Cold start to first runbook readable: ${coldStartMs} ms (${launchTarget.kind})`);
    test.info().annotations.push({ type: 'cold start ms', description: String(coldStartMs) });

    await goTo(window, '#/');
    await window.getByRole('searchbox').first().fill('ransom');
    await window
      .getByRole('link', { name: /Ransomware/ })
      .first()
      .click();
    await expect(window.getByRole('heading', { level: 1, name: /Ransomware/ })).toBeVisible();

    await goTo(window, '#/incidents/new/ransomware');
    await window.getByLabel('Short name for this incident').fill('Desktop journey');
    await window.getByLabel('Incident lead').fill('Ann Lee');
    await window.getByRole('button', { name: 'Start the incident' }).click();
    const who = window.getByRole('dialog', { name: 'Who is recording?' });
    await who.getByLabel('Your name').fill('Ann Lee');
    await who.getByRole('button', { name: 'Continue' }).click();
    const current = window.locator('#current-step-title');
    await expect(current).toContainText('Check that everyone is safe');
    await window.getByRole('button', { name: 'Done', exact: true }).click();
    await expect(current).toContainText('Take the affected computers off the network');
    const incidentUrl = window.url();
    await app.close();

    const again = await startApp();
    await again.window.goto(incidentUrl);
    await expect(
      again.window.getByRole('heading', { level: 1, name: 'Desktop journey' }),
    ).toBeVisible();
    await expect(again.window.locator('#current-step-title')).toContainText(
      'Take the affected computers off the network',
    );
    await again.app.close();
  });

  test('a report saves as a PDF through printToPDF', async () => {
    const { app, window } = await startApp();
    const pdfPath = join(dataDir, '..', `holdfast-desktop-${Date.now()}.pdf`);
    await app.evaluate(({ dialog }, path) => {
      dialog.showSaveDialog = () => Promise.resolve({ canceled: false, filePath: path });
    }, pdfPath);
    await goTo(window, '#/incidents');
    await window
      .getByRole('link', { name: /Desktop journey/ })
      .first()
      .click();
    await window.getByRole('link', { name: 'Reports' }).click();
    await window
      .getByRole('link', { name: /report/i })
      .first()
      .click();
    await window.getByRole('button', { name: 'Save as PDF' }).click();
    await expect
      .poll(async () => (await stat(pdfPath).catch(() => null))?.size ?? 0)
      .toBeGreaterThan(1000);
    expect((await readFile(pdfPath)).subarray(0, 5).toString()).toBe('%PDF-');
    await rm(pdfPath, { force: true });
    await app.close();
  });

  test('the projector window has the same secure preferences as the main window', async () => {
    const { app, window } = await startApp();
    await goTo(window, '#/exercises');
    await window
      .getByLabel('Scenario')
      .selectOption({ label: 'Our care record supplier is hit by ransomware' });
    await window.getByLabel("Facilitator's name").fill('Ann Lee');
    await window.getByRole('button', { name: 'Set up the exercise' }).click();
    const who = window.getByRole('dialog', { name: 'Who is recording?' });
    await who.getByLabel('Your name').fill('Ann Lee');
    await who.getByRole('button', { name: 'Continue' }).click();
    await window.getByRole('button', { name: 'Start the exercise' }).click();
    const projectorOpened = app.waitForEvent('window');
    await window.getByRole('button', { name: 'Open the projector view' }).click();
    const projector = await projectorOpened;
    await expect(projector.getByText('EXERCISE — NOT A REAL INCIDENT').first()).toBeVisible();
    // Seen from inside each page: no Node, isolated from the preload, the same bridge and CSP.
    const isolation = (page: Page) =>
      page.evaluate(() => ({
        node: typeof (globalThis as { process?: unknown }).process,
        require: typeof (globalThis as { require?: unknown }).require,
        bridge: Object.keys(globalThis).filter((key) => key.startsWith('holdfast')),
        origin: document.location.origin,
        csp:
          document
            .querySelector('meta[http-equiv="Content-Security-Policy"]')
            ?.getAttribute('content') ?? null,
      }));
    const [main, second] = [await isolation(window), await isolation(projector)];
    expect(second).toEqual(main);
    expect(main).toMatchObject({ node: 'undefined', require: 'undefined', origin: 'app://bundle' });
    expect(main.bridge.length).toBeGreaterThan(0);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(2);
    await app.close();
  });

  test('a second start brings the first window forward instead of opening another', async () => {
    const { app } = await startApp();
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.minimize());
    const second = spawn(launchTarget.executablePath, appArgs(), { stdio: 'ignore' });
    const exitCode = await new Promise<number | null>((done) => second.on('exit', done));
    expect(exitCode).toBe(0);
    await expect
      .poll(() =>
        app.evaluate(({ BrowserWindow }) => ({
          windows: BrowserWindow.getAllWindows().length,
          minimized: BrowserWindow.getAllWindows()[0]?.isMinimized(),
        })),
      )
      .toEqual({ windows: 1, minimized: false });
    await app.close();
  });

  test('an external link asks before it opens, and leaving the app is blocked', async () => {
    const { app, window } = await startApp();
    await app.evaluate(({ dialog, shell }) => {
      const seen = globalThis as unknown as { asked: string[]; opened: string[] };
      seen.asked = [];
      seen.opened = [];
      dialog.showMessageBox = (...args: unknown[]) => {
        const options = args[args.length - 1] as { message: string };
        seen.asked.push(options.message);
        // The second button is Cancel: nothing is opened.
        return Promise.resolve({ response: 1, checkboxChecked: false });
      };
      shell.openExternal = (url: string) => {
        seen.opened.push(url);
        return Promise.resolve();
      };
    });
    const seen = () =>
      app.evaluate(() => globalThis as unknown as { asked: string[]; opened: string[] });

    await goTo(window, '#/runbooks/ransomware');
    await window.locator('a[href^="https://"]').first().click();
    await expect.poll(async () => (await seen()).asked.length).toBe(1);
    expect((await seen()).opened).toEqual([]);

    const appUrl = window.url();
    await window.evaluate(() => {
      document.location.href = 'https://www.ncsc.gov.uk/';
    });
    // Refused in will-navigate: the app stays on its own page and nothing opened outside.
    await expect.poll(async () => (await seen()).asked.length).toBe(2);
    expect(window.url()).toBe(appUrl);
    await expect(window.locator('main[data-ready="true"]')).toBeVisible();
    expect((await seen()).opened).toEqual([]);
    await app.close();
  });
}
