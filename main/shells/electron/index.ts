import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  shell,
} from 'electron';
import Store from 'electron-store';
import { resolveAppPaths } from './appPaths';
import { createCore } from '../../core/createCore';
import { readBundledManifest } from '../../core/runbooks/bundledManifest';
import { writeFileDurable } from '../../core/storage/durableFile';
import { startApp } from './lifecycle';
import { openSettingsStore, openWindowStateStore } from './settingsStore';

// Lifecycle only: the logic is in lifecycle.ts, which tests drive with fake electron modules.
const log = (message: string, error?: unknown): void =>
  console.error(`[holdfast] ${message}`, error ?? '');

const paths = resolveAppPaths({
  mainDir: path.dirname(fileURLToPath(import.meta.url)),
  isPackaged: app.isPackaged,
  resourcesPath: process.resourcesPath,
  appPath: app.getAppPath(),
});

void startApp(
  { app, protocol, session, ipcMain, BrowserWindow, Menu, shell, dialog, screen },
  {
    platform: process.platform,
    paths,
    readBundledManifest: () => readBundledManifest(paths.contentManifestPath, app.isPackaged),
    // A packaged app ignores this variable: it must never be pointed at another page.
    devServerUrl: app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'],
    createCore,
    openSettingsStore: () => openSettingsStore(Store),
    openWindowStateStore: () => openWindowStateStore(Store, log),
    readFile: (filePath) => readFile(filePath),
    writeFile: writeFileDurable,
    log,
  },
);
