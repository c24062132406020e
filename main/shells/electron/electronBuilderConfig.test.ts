import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const config = load(readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
>;

interface BuilderConfigModule {
  validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
}
interface BuilderUtilModule {
  DebugLogger: new (isEnabled: boolean) => unknown;
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema (unknown or misplaced keys are rejected)", async () => {
    // app-builder-lib is CommonJS and ships with electron-builder; its validator needs no Electron.
    const require = createRequire(import.meta.url);
    const { validateConfiguration } =
      require('app-builder-lib/out/util/config/config.js') as BuilderConfigModule;
    const { DebugLogger } = require('builder-util') as BuilderUtilModule;
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and packs it into an asar archive', () => {
    expect(config['appId']).toBe('uk.org.holdfast.app');
    expect(config['productName']).toBe('Holdfast');
    expect(config['asar']).toBe(true);
    expect(config['directories']).toMatchObject({ output: 'dist' });
    expect(config['files']).toEqual(expect.arrayContaining(['out/**', 'package.json']));
  });

  it('ships the bundled runbooks beside app.asar, where the app looks for them', () => {
    expect(config['extraResources']).toEqual([{ from: 'runbooks', to: 'runbooks' }]);
  });

  it('never publishes or auto-updates: an incident tool must not phone home', () => {
    expect(config).toHaveProperty('publish', null);
    expect(JSON.stringify(config)).not.toMatch(/electron-updater|"provider"|"url"/);
  });

  it('builds installers for Windows, macOS and Linux', () => {
    expect(config['win']).toMatchObject({ target: ['nsis', 'portable'] });
    expect(config['mac']).toMatchObject({ target: 'dmg' });
    expect(config['linux']).toMatchObject({ target: ['AppImage', 'deb'] });
  });

  it('flips the fuses that let the signed binary be used as a Node runtime or load unchecked code', () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
  });

  it('packs the files the app loads at run time', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      main: string;
    };
    expect(pkg.main).toBe('out/main/index.js');
  });
});
