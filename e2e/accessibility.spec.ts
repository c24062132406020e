import { seriousViolations as scan, strictViolations as scanStrictly } from './axe';
import { expect, test } from './fixtures';
import { goToHash, startIncidentFromForm } from './pages/HoldfastApp';

test('home has no serious accessibility violations', async ({ app, page }) => {
  await app.openHome();
  expect(await scan(page)).toEqual([]);
});

test('home with open search results has no serious accessibility violations', async ({
  app,
  page,
}) => {
  await app.openHome();
  await app.search('ransom');
  expect(await scan(page)).toEqual([]);
});

test('the runbook reader has no serious accessibility violations', async ({ app, page }) => {
  await app.openRunbookById('ransomware');
  await expect(app.runbookTitle()).toHaveText(/Ransomware/);
  expect(await scan(page)).toEqual([]);
});

test('the systems screen, and its form showing mistakes, have no serious accessibility violations', async ({
  app,
  page,
}) => {
  await app.openHome();
  await app.openFromNav('Systems');
  expect(await scan(page)).toEqual([]);
  await page
    .getByRole('link', { name: 'Add details for eMAR (electronic medicines records)' })
    .click();
  await page.getByRole('button', { name: 'Save system' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Please check these details' }),
  ).toBeVisible();
  expect(await scan(page)).toEqual([]);
});

test('the grab-bag pack screen has no serious accessibility violations', async ({ app, page }) => {
  // The whole printable pack is one long page: a full axe scan of it takes several times longer.
  test.slow();
  await app.openHome();
  await app.openFromNav('Grab-bag pack');
  await expect(page.getByRole('article', { name: 'Grab-bag pack, as it prints' })).toBeVisible();
  expect(await scan(page)).toEqual([]);
});

test('import a plan, with its preview, has no serious accessibility violations', async ({
  app,
  page,
}) => {
  await app.openHome();
  await goToHash(page, '#/import-plan');
  await page
    .getByLabel('Or paste the plan’s text')
    .fill('# Plan\n\n## Contain\n\n1. Call {{IT_CONTACT}}.\n');
  await page.getByRole('button', { name: 'Show what becomes a step' }).click();
  await expect(page.getByRole('list', { name: 'What the plan becomes' })).toBeVisible();
  expect(await scan(page)).toEqual([]);
});

test('focus is always visible on keyboard targets', async ({ app, page }) => {
  await app.openHome();
  for (let i = 0; i < 4; i += 1) {
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return 'none';
      const style = getComputedStyle(el);
      return `${style.outlineStyle} ${style.boxShadow}`;
    });
    expect(outline).not.toBe('none none');
  }
});

test('starting and running an incident has no serious accessibility violations on any tab', async ({
  app,
  page,
}) => {
  // Several full-page axe scans in one test: give it the time of several.
  test.slow();
  await app.openRunbookById('ransomware');
  await page.getByRole('link', { name: 'Start an incident with this runbook' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start an incident' })).toBeVisible();
  expect(await scan(page)).toEqual([]);
  await page.getByLabel('Short name for this incident').fill('Accessibility run');
  await page.getByLabel('Incident lead').fill('Ann Lee');
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await expect(page.getByRole('dialog', { name: 'Who is recording?' })).toBeVisible();
  expect(await scan(page), 'who is recording').toEqual([]);
  await app.sayWhoIsRecording('Ann Lee');
  await expect(page.locator('#current-step-title')).toBeVisible();
  expect(await scan(page)).toEqual([]);
  for (const tab of ['Log', 'Clocks', 'Roles and handover', 'Reports']) {
    await page
      .getByRole('navigation', { name: 'Incident' })
      .getByRole('link', { name: tab })
      .click();
    await expect(
      page.getByRole('navigation', { name: 'Incident' }).getByRole('link', { name: tab }),
    ).toHaveAttribute('aria-current', 'page');
    expect(await scan(page), tab).toEqual([]);
  }
  await page.getByRole('link', { name: 'Open the incident report' }).click();
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  expect(await scan(page)).toEqual([]);
  await page.goto(page.url().replace(/#.*$/, '#/incidents'));
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
  expect(await scan(page)).toEqual([]);
});

test('the exercise screens have no serious accessibility violations', async ({
  app,
  page,
  harness,
}) => {
  // Several full-page axe scans in one test: give it the time of several.
  test.slow();
  await app.openHome();
  await page
    .getByRole('navigation', { name: 'Holdfast' })
    .getByRole('link', { name: 'Exercises' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exercises' })).toBeVisible();
  expect(await scan(page)).toEqual([]);
  await page.getByRole('link', { name: 'Write a new scenario' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'No problems found.' })).toBeVisible();
  await page.getByRole('button', { name: 'Show what you changed' }).click();
  expect(await scan(page), 'scenario editor').toEqual([]);
  await page.getByRole('link', { name: '← Exercises' }).click();
  await page.getByLabel("Facilitator's name").fill('Ann Lee');
  await page.getByRole('button', { name: 'Set up the exercise' }).click();
  await app.sayWhoIsRecording('Ann Lee');
  await page.getByRole('button', { name: 'Start the exercise' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(page.getByText('On screen now', { exact: false })).toBeVisible();
  expect(await scan(page), 'console').toEqual([]);
  const id = new URL(page.url()).hash.split('/')[2] ?? '';
  const projector = await page.context().newPage();
  await projector.goto(harness.address(`#/exercises/${id}/projector`));
  await expect(projector.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await scan(projector), 'projector').toEqual([]);
  await projector.close();
  await page.getByRole('button', { name: 'Finish and go to the debrief' }).click();
  await page.getByRole('button', { name: 'Finish', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Debrief' })).toBeVisible();
  expect(await scan(page), 'debrief').toEqual([]);
  await page.getByRole('link', { name: 'After-action report (print or save)' }).click();
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  expect(await scan(page), 'report').toEqual([]);
});

test('the runbook editor, with problems listed and history shown, has no serious accessibility violations', async ({
  app,
  page,
}) => {
  await app.openEditor('lost-device');
  await app.addToEndOfText(
    '\n\n## Afterwards {#afterwards}\n\n1. Phone <b>the office</b> {#call}\n\n- Not a step\n',
  );
  await expect(page.getByRole('region', { name: 'Checks' })).toContainText('HTML is not allowed');
  await app.saveRunbook('Sam', 'Check the layout');
  await expect(app.historyRows()).toHaveCount(2);
  await page.getByRole('button', { name: 'Show changes in revision 2' }).click();
  expect(await scan(page)).toEqual([]);
  // With find and replace, the contact picker and the reset question open.
  await page.getByRole('button', { name: 'Find and replace' }).click();
  await page.getByRole('button', { name: 'Insert contact…' }).click();
  await page.getByRole('button', { name: 'Reset to the version that comes with Holdfast' }).click();
  expect(await scan(page), 'find, picker and reset question').toEqual([]);
  // And the question asked on leaving with changes that are not saved.
  await page.getByLabel('Title').fill('Laptop or phone lost');
  await page.getByRole('link', { name: '← Back to the runbook' }).click();
  await expect(
    page.getByRole('dialog', { name: 'You have changes that are not saved' }),
  ).toBeVisible();
  expect(await scan(page), 'leave question').toEqual([]);
});

test('the share runbooks screen has no serious accessibility violations', async ({ app, page }) => {
  await app.openAllRunbooks();
  await page.getByRole('link', { name: 'Share runbooks: export or import a pack' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Share runbooks' })).toBeVisible();
  expect(await scan(page)).toEqual([]);
});

test('home, the readiness checklist and the evidence for an assessor have no violations at all (best practice included)', async ({
  app,
  page,
}) => {
  await app.openHome();
  await expect(page.getByRole('region', { name: 'Getting ready' })).toBeVisible();
  expect(await scanStrictly(page), 'home').toEqual([]);
  await app.openReadiness();
  expect(await scanStrictly(page), 'readiness checklist').toEqual([]);
  await page.getByRole('link', { name: 'Evidence for an assessor' }).click();
  await expect(page.getByRole('region', { name: '1. The plan' })).toBeVisible();
  expect(await scanStrictly(page), 'evidence for an assessor').toEqual([]);
});

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 640, height: 400 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('starting an incident, guided steps and a decision asking why have no violations at all (best practice included)', async ({
      app,
      page,
    }) => {
      // Several full-page axe scans in one test: give it the time of several.
      test.slow();
      const title = page.locator('#current-step-title');
      await app.openHome();
      await goToHash(page, '#/incidents/new/ransomware');
      await expect(
        page.getByRole('heading', { level: 1, name: 'Start an incident' }),
      ).toBeVisible();
      expect(await scanStrictly(page), 'start form').toEqual([]);
      await page.getByRole('button', { name: 'Start the incident' }).click();
      await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
      expect(await scanStrictly(page), 'start form with mistakes').toEqual([]);
      const id = await startIncidentFromForm(page, 'ransomware', 'Strict accessibility run');
      expect(await scanStrictly(page), 'guided mode, first step').toEqual([]);

      await page.getByRole('button', { name: 'Add note', exact: true }).click();
      await expect(page.getByLabel('Note', { exact: true })).toBeFocused();
      expect(await scanStrictly(page), 'guided mode, adding a note').toEqual([]);

      await goToHash(page, `#/incidents/${id}/steps/ransomware/personal-data-question`);
      await expect(title).toContainText("Could anyone's personal data");
      expect(await scanStrictly(page), 'decision step').toEqual([]);
      await page.getByRole('radio', { name: /^No\b/ }).check();
      await page.getByRole('button', { name: 'Save my choice' }).click();
      await expect(page.getByText(/before saving$/)).toBeVisible();
      expect(await scanStrictly(page), 'decision step, reason missing').toEqual([]);
    });

    test('a decision with many answers and a jump to another runbook have no violations at all (best practice included)', async ({
      app,
      page,
    }) => {
      // Several full-page axe scans in one test: give it the time of several.
      test.slow();
      const title = page.locator('#current-step-title');
      await app.openHome();
      const id = await startIncidentFromForm(page, 'first-15-minutes', 'Strict run, first 15');
      await goToHash(page, `#/incidents/${id}/steps/first-15-minutes/which-runbook`);
      await expect(title).toContainText('Which of these best describes');
      expect(await scanStrictly(page), 'decision with many answers').toEqual([]);
      await page.getByRole('radio', { name: /^Screen says pay/ }).check();
      await page.getByRole('button', { name: 'Save my choice' }).click();
      await expect(page.locator('.current-step-where')).toContainText('Ransomware');
      expect(await scanStrictly(page), 'two runbooks in one incident').toEqual([]);
    });

    test('every incident tab, its documents and the incidents list have no violations at all (best practice included)', async ({
      app,
      page,
    }) => {
      // Several full-page axe scans in one test: give it the time of several.
      test.slow();
      await app.openHome();
      const id = await startIncidentFromForm(page, 'ransomware', 'Strict run, tabs');

      for (const tab of ['Log', 'Clocks', 'Roles and handover', 'Reports']) {
        await page
          .getByRole('navigation', { name: 'Incident' })
          .getByRole('link', { name: tab })
          .click();
        await expect(
          page.getByRole('navigation', { name: 'Incident' }).getByRole('link', { name: tab }),
        ).toHaveAttribute('aria-current', 'page');
        expect(await scanStrictly(page), tab).toEqual([]);
      }
      for (const [kind, title] of [
        ['report', 'Incident report'],
        ['handover', 'Handover'],
      ] as const) {
        await goToHash(page, `#/incidents/${id}/print/${kind}`);
        // The document's own title: the report before it has a Print button too.
        await expect(
          page.getByRole('heading', { level: 1, name: `${title}: Strict run, tabs` }),
        ).toBeVisible();
        expect(await scanStrictly(page), `${kind} document`).toEqual([]);
      }
      await goToHash(page, '#/incidents');
      await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
      expect(await scanStrictly(page), 'incidents list').toEqual([]);
    });
  });
}

test('the header, its Menu and the search results have no axe findings at all, best practice included', async ({
  app,
  page,
}) => {
  test.slow();
  await page.setViewportSize({ width: 1280, height: 800 });
  await app.openHome();
  expect(await scanStrictly(page), 'home, 1280×800').toEqual([]);
  await app.search('screen says pay');
  expect(await scanStrictly(page), 'search results').toEqual([]);
  await page.setViewportSize({ width: 640, height: 400 });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(
    page.getByRole('navigation', { name: 'Holdfast' }).getByRole('link', { name: 'Contacts' }),
  ).toBeVisible();
  expect(await scanStrictly(page), 'menu open, 640×400').toEqual([]);
});

test('the reader, with its panels folded and open, has no axe findings at all, best practice included', async ({
  app,
  page,
}) => {
  test.slow();
  await page.setViewportSize({ width: 1280, height: 800 });
  await app.openRunbookById('ransomware');
  await expect(app.runbookTitle()).toHaveText(/Ransomware/);
  expect(await scanStrictly(page), 'folded').toEqual([]);
  for (const name of [/^Deadlines/, /^Who to call/, /^Paper copies/])
    await app.openReaderPanel(name);
  expect(await scanStrictly(page), 'open').toEqual([]);
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await scanStrictly(page), '320 wide').toEqual([]);
});
