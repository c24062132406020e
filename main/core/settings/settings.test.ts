import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettings } from './settings';

const NOW = new Date('2026-03-01T02:15:30.000Z');

let dir: string;
let settingsPath: string;
let quarantineDir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'holdfast-settings-'));
  settingsPath = join(dir, 'settings.json');
  quarantineDir = join(dir, 'quarantine');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Opens settings the way the web harness does: Conf over `<dataDir>/settings.json`, a fixed clock. */
const open = () =>
  openSettings({
    filePath: settingsPath,
    quarantineDir,
    open: () => new Conf({ cwd: dir, configName: 'settings', projectName: 'holdfast' }),
    now: () => NOW,
  });

const quarantined = async () =>
  (await readdir(quarantineDir)).map((name) => join(quarantineDir, name));

/** Saves settings once, so a last good copy (settings.json.bak) exists. */
async function saveGoodSettings(): Promise<void> {
  const { settings } = await open();
  await settings.update({ organisationName: 'Rose Lodge Care Home', providerType: 'care-home' });
}

describe('openSettings', () => {
  it('starts empty on first run, with no notices', async () => {
    const { settings, notices } = await open();
    expect(settings.get()).toEqual({
      organisationName: '',
      providerType: null,
      pharmacyCqcRegistered: false,
      isolationInstruction: '',
      contractClocks: [],
      careGroupKeys: [],
    });
    expect(notices).toEqual([]);
  });

  it('keeps what was saved across a restart', async () => {
    const first = await open();
    expect(await first.settings.update({ organisationName: 'Rose Lodge Care Home' })).toEqual({
      organisationName: 'Rose Lodge Care Home',
      providerType: null,
      pharmacyCqcRegistered: false,
      isolationInstruction: '',
      contractClocks: [],
      careGroupKeys: [],
    });
    await first.settings.update({ providerType: 'home-care' });

    const second = await open();
    expect(second.settings.get()).toEqual({
      organisationName: 'Rose Lodge Care Home',
      providerType: 'home-care',
      pharmacyCqcRegistered: false,
      isolationInstruction: '',
      contractClocks: [],
      careGroupKeys: [],
    });
    expect(second.notices).toEqual([]);
    expect(JSON.parse(await readFile(settingsPath, 'utf8'))).toMatchObject({
      organisationName: 'Rose Lodge Care Home',
      providerType: 'home-care',
    });
  });

  it('keeps a last good copy beside the settings file after each save', async () => {
    await saveGoodSettings();
    expect(JSON.parse(await readFile(`${settingsPath}.bak`, 'utf8'))).toEqual({
      organisationName: 'Rose Lodge Care Home',
      providerType: 'care-home',
    });
  });

  it('leaves no temporary files behind after saving', async () => {
    const { settings } = await open();
    for (let i = 0; i < 5; i += 1) await settings.update({ organisationName: `Name ${i}` });
    expect((await readdir(dir)).sort()).toEqual(['settings.json', 'settings.json.bak']);
  });

  const damaged: Array<[string, Uint8Array]> = [
    ['truncated JSON', new TextEncoder().encode('{"organisationName": "Rose Lo')],
    ['a zero-filled file (power cut)', new Uint8Array(4096)],
    ['the word null', new TextEncoder().encode('null')],
    ['an empty file', new Uint8Array(0)],
    ['a JSON array', new TextEncoder().encode('["not", "settings"]')],
  ];

  it.each(damaged)(
    'recovers from %s: quarantines it byte for byte, restores the last good copy and says so',
    async (_name, bytes) => {
      await saveGoodSettings();
      await writeFile(settingsPath, bytes);

      const { settings, notices } = await open();

      expect(settings.get()).toEqual({
        organisationName: 'Rose Lodge Care Home',
        providerType: 'care-home',
        pharmacyCqcRegistered: false,
        isolationInstruction: '',
        contractClocks: [],
        careGroupKeys: [],
      });
      const [kept, ...more] = await quarantined();
      expect(more).toEqual([]);
      expect(kept).toMatch(/2026-03-01T02-15-30-000Z-[0-9a-f]+-settings\.json$/);
      expect(new Uint8Array(await readFile(kept as string))).toEqual(bytes);
      expect(notices).toEqual([
        {
          level: 'warning',
          message: expect.stringMatching(
            new RegExp(
              `^Your settings file was damaged \\([A-Za-z ]+\\)\\. Holdfast restored the last good copy and kept the damaged file at ${escapeRegExp(kept ?? '')}\\.$`,
            ),
          ) as unknown,
        },
      ]);
    },
  );

  it('still keeps the damaged file when there is no good copy, and says settings start empty', async () => {
    const bytes = new TextEncoder().encode('{"organisationName": "Rose Lo');
    await writeFile(settingsPath, bytes);

    const { settings, notices } = await open();

    expect(settings.get()).toEqual({
      organisationName: '',
      providerType: null,
      pharmacyCqcRegistered: false,
      isolationInstruction: '',
      contractClocks: [],
      careGroupKeys: [],
    });
    const [kept] = await quarantined();
    expect(new Uint8Array(await readFile(kept as string))).toEqual(bytes);
    expect(notices).toEqual([
      {
        level: 'warning',
        message: expect.stringMatching(
          new RegExp(
            `^Your settings file was damaged \\([A-Za-z ]+\\) and no good copy was found, so settings start empty\\. The damaged file is kept at ${escapeRegExp(kept ?? '')}\\.$`,
          ),
        ) as unknown,
      },
    ]);
  });

  it('does not restore from a backup that is itself damaged', async () => {
    await writeFile(settingsPath, 'null');
    await writeFile(`${settingsPath}.bak`, '{"organisa');
    const { settings, notices } = await open();
    expect(settings.get()).toEqual({
      organisationName: '',
      providerType: null,
      pharmacyCqcRegistered: false,
      isolationInstruction: '',
      contractClocks: [],
      careGroupKeys: [],
    });
    expect(notices[0]?.message).toContain('no good copy was found');
  });

  it('never quarantines the same damaged file twice: the second start is clean', async () => {
    await saveGoodSettings();
    await writeFile(settingsPath, 'null');
    await open();
    const second = await open();
    expect(second.notices).toEqual([]);
    expect(await quarantined()).toHaveLength(1);
  });

  it('ignores field values of the wrong type instead of failing to start', async () => {
    await writeFile(
      settingsPath,
      JSON.stringify({ organisationName: 42, providerType: 'hospital' }),
    );
    const { settings, notices } = await open();
    expect(settings.get()).toEqual({
      organisationName: '',
      providerType: null,
      pharmacyCqcRegistered: false,
      isolationInstruction: '',
      contractClocks: [],
      careGroupKeys: [],
    });
    expect(notices).toEqual([]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
