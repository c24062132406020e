import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Files the browser engine keeps in Electron's userData, which is also the desktop app's data
 * folder: a sample of each kind a Chromium profile holds (caches, web storage, crash reports,
 * network state, preferences), plus the shell's own window size.
 * None of them is Holdfast's data.
 */
export const ENGINE_FILES: readonly string[] = [
  'Cache/Cache_Data/f_000001',
  'Cache/Cache_Data/index',
  'Code Cache/js/index-dir/the-real-index',
  'Code Cache/wasm/index',
  'GPUCache/data_0',
  'DawnCache/data_0',
  'DawnGraphiteCache/data_1',
  'Local Storage/leveldb/000003.log',
  'Local Storage/leveldb/CURRENT',
  'Session Storage/LOG',
  'IndexedDB/app_bundle_0.indexeddb.leveldb/CURRENT',
  'blob_storage/3f1c9a52-7d0e-4b8e-9c1a-0d2b6f4e8a11/0',
  'Crashpad/settings.dat',
  'Network/Cookies',
  'Network/Network Persistent State',
  'Shared Dictionary/cache/index',
  'Preferences',
  'Local State',
  'window-state.json',
];

/** Writes every engine file into `dataDir`, each holding `content` so a test can tell whose it is. */
export async function addEngineFiles(dataDir: string, content: string): Promise<void> {
  for (const name of ENGINE_FILES) {
    const path = join(dataDir, ...name.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
}
