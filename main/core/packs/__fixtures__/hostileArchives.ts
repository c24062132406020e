import { zipSync, type ZipOptions } from 'fflate';
import { runbookSource, SIMPLE_BODY } from '../../runbooks/__fixtures__/runbookSource';
import { sha256 } from '../../lib/hash';
import { MANIFEST } from '../runbookPack';

/*
 * Hostile runbook packs for the import tests: zip slip, absolute and Windows paths, device
 * names, duplicates, links, bombs, too many entries and damaged structure. Each archive lists its
 * hostile files correctly in the manifest, so only the thing under test is wrong.
 */

export interface HostileArchive {
  name: string;
  zip: Uint8Array;
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const runbook = (id = 'our-own'): Uint8Array => encode(runbookSource({ id, body: SIMPLE_BODY }));
type Entry = Uint8Array | [Uint8Array, ZipOptions];

/** A zip whose manifest lists `files` (name, size, checksum) correctly. */
export function packWith(
  files: Record<string, Entry>,
  manifest: Record<string, unknown> = {},
): Uint8Array {
  const listed = Object.entries(files).map(([path, entry]) => {
    const bytes = entry instanceof Uint8Array ? entry : entry[0];
    return { path, sha256: sha256(bytes), bytes: bytes.byteLength };
  });
  const body = {
    format: 'holdfast-runbook-pack',
    formatVersion: 1,
    created: '2026-03-01T02:15:30.000Z',
    files: listed,
    ...manifest,
  };
  return zipSync({ [MANIFEST]: encode(JSON.stringify(body)), ...files });
}

/** Rewrites every declared uncompressed size equal to `from` (local headers and central directory). */
function lieAboutSize(zip: Uint8Array, from: number, to: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (let at = 0; at < copy.length - 30; at += 1) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50 && view.getUint32(at + 22, true) === from)
      view.setUint32(at + 22, to, true);
    if (signature === 0x02014b50 && view.getUint32(at + 24, true) === from)
      view.setUint32(at + 24, to, true);
  }
  return copy;
}

/** Replaces a placeholder name inside the zip's own bytes (fflate refuses some names, a real attacker does not). */
function renameInside(zip: Uint8Array, placeholder: string, name: string): Uint8Array {
  const from = Buffer.from(placeholder);
  const to = Buffer.from(name);
  if (from.length !== to.length) throw new Error('names must have the same length');
  const copy = Buffer.from(zip);
  for (let at = copy.indexOf(from); at !== -1; at = copy.indexOf(from, at + 1)) to.copy(copy, at);
  return new Uint8Array(copy);
}

const TRAVERSAL = [
  '../evil.md',
  '../../evil.md',
  'runbooks/../../evil.md',
  'runbooks/../evil.md',
  './runbooks/a.md',
  'runbooks/./a.md',
  'runbooks//a.md',
  'runbooks/../runbooks/a.md',
  '../../../../../../tmp/evil.md',
  'a/b/c/../../../../evil.md',
];
const ABSOLUTE = [
  '/etc/evil.md',
  '/runbooks/a.md',
  'C:/evil.md',
  'c:evil.md',
  'D:/Users/Public/evil.md',
  'Z:runbooks/a.md',
];
const BACKSLASH_AND_CONTROL = [
  'runbooks\\..\\evil.md',
  '..\\..\\evil.md',
  'C:\\Windows\\evil.md',
  '\\\\server\\share\\evil.md',
  'runbooks/a\u0000.md',
  'runbooks/a\n.md',
  'runbooks/\u001b[31ma.md',
  'runbooks/a\r.md',
];
const STRAY = [
  'runbooks/A.md',
  'runbooks/a.md.',
  'runbooks/a.md ',
  'runbooks/a.md:evil',
  'runbooks/a.md::$DATA',
  'runbooks/con',
  'RUNBOOKS/a.md',
  'runbooks/a.MD',
  'runbooks/\uff0e\uff0e/evil.md',
  'runbooks/\u202egpj.md',
  'runbooks/sub/a.md',
  'evil.exe',
  'runbooks/.hidden.md',
  `runbooks/${'a'.repeat(150)}.md`,
];
const DEVICE_IDS = ['con', 'aux', 'nul', 'prn', 'com1', 'lpt1'];

/** The fixed corpus: every family, at least 60 archives. */
export function hostileArchives(): HostileArchive[] {
  const archives: HostileArchive[] = [];
  const add = (name: string, zip: Uint8Array): void => {
    archives.push({ name, zip });
  };
  for (const path of [...TRAVERSAL, ...ABSOLUTE])
    add(`path ${JSON.stringify(path)}`, packWith({ [path]: runbook() }));
  for (const path of BACKSLASH_AND_CONTROL) {
    // fflate writes any name; put the hostile one in with a placeholder of the same length where needed.
    const placeholder = 'x'.repeat(Buffer.byteLength(path));
    add(
      `path ${JSON.stringify(path)}`,
      renameInside(packWith({ [placeholder]: runbook() }), placeholder, path),
    );
  }
  for (const path of STRAY)
    add(`unexpected name ${JSON.stringify(path)}`, packWith({ [path]: runbook() }));
  for (const id of DEVICE_IDS)
    add(
      `Windows device name as runbook id "${id}"`,
      packWith({ [`runbooks/${id}.md`]: runbook(id) }),
    );
  add(
    'the same runbook id twice',
    packWith({ 'runbooks/a.md': runbook(), 'runbooks/b.md': runbook() }),
  );
  add(
    'the same entry name twice',
    renameInside(
      packWith({ 'runbooks/a.md': runbook('first'), 'runbooks/b.md': runbook('other') }),
      'runbooks/b.md',
      'runbooks/a.md',
    ),
  );
  add(
    'a symbolic link to /etc/passwd',
    packWith({
      'runbooks/our-own.md': [encode('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }],
    }),
  );
  add(
    'a symbolic link to the parent folder',
    packWith({ 'runbooks/our-own.md': [encode('..'), { os: 3, attrs: (0o120777 << 16) >>> 0 }] }),
  );
  add(
    'a device file entry',
    packWith({ 'runbooks/our-own.md': [runbook(), { os: 3, attrs: (0o020666 << 16) >>> 0 }] }),
  );
  add('a folder entry', zipSync({ [MANIFEST]: encode('{}'), 'runbooks/': new Uint8Array() }));
  add(
    'a zip bomb lying about its size',
    lieAboutSize(
      packWith({ 'runbooks/bomb.md': new Uint8Array(4 * 1024 * 1024) }),
      4 * 1024 * 1024,
      100,
    ),
  );
  add(
    'a file over the size limit',
    packWith({ 'runbooks/huge.md': new Uint8Array(20 * 1024 * 1024) }),
  );
  add(
    'many files adding up past the total limit',
    packWith(
      Object.fromEntries(
        Array.from({ length: 40 }, (_, i) => [`runbooks/r${i}.md`, new Uint8Array(400 * 1024)]),
      ),
    ),
  );
  add(
    '201 files',
    packWith(
      Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`runbooks/r${i}.md`, runbook()])),
    ),
  );
  add(
    '1,000 empty files',
    zipSync(
      Object.fromEntries(
        Array.from({ length: 1000 }, (_, i) => [`runbooks/e${i}.md`, new Uint8Array()]),
      ),
    ),
  );
  add(
    'a zip inside the pack',
    packWith({ 'runbooks/inner.md': zipSync({ 'evil.md': runbook() }) }),
  );
  add(
    'an encrypted entry',
    (() => {
      const zip = packWith({ 'runbooks/our-own.md': runbook() });
      const view = new DataView(zip.buffer);
      for (let at = 0; at < zip.length - 4; at += 1)
        if (view.getUint32(at, true) === 0x02014b50)
          view.setUint16(at + 8, view.getUint16(at + 8, true) | 1, true);
      return zip;
    })(),
  );
  add(
    'an unknown compression method',
    (() => {
      const zip = packWith({ 'runbooks/our-own.md': runbook() });
      const view = new DataView(zip.buffer);
      for (let at = 0; at < zip.length - 4; at += 1)
        if (view.getUint32(at, true) === 0x02014b50) view.setUint16(at + 10, 12, true);
      return zip;
    })(),
  );
  add('a truncated zip', packWith({ 'runbooks/our-own.md': runbook() }).subarray(0, 300));
  add(
    'a zip with its end record cut off',
    packWith({ 'runbooks/our-own.md': runbook() }).slice(0, -10),
  );
  add(
    'random bytes',
    Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) & 0xff),
  );
  add('an empty file', new Uint8Array());
  add(
    'a manifest that is not JSON',
    zipSync({ [MANIFEST]: encode('{not json'), 'runbooks/our-own.md': runbook() }),
  );
  add(
    'a manifest with a __proto__ key',
    zipSync({
      [MANIFEST]: encode(
        '{"__proto__":{"polluted":true},"format":"holdfast-runbook-pack","formatVersion":1,"files":[]}',
      ),
      'runbooks/our-own.md': runbook(),
    }),
  );
  add(
    'a runbook with ---js front matter',
    packWith({
      'runbooks/our-own.md': encode(
        runbookSource({ id: 'our-own', body: SIMPLE_BODY }).replace(/^---\n/, '---js\n'),
      ),
    }),
  );
  add(
    'a runbook with a YAML tag',
    packWith({
      'runbooks/our-own.md': encode(
        runbookSource({
          id: 'our-own',
          body: SIMPLE_BODY,
          extraFront: ['synonyms: !!js/function "function () { globalThis.polluted = true }"'],
        }),
      ),
    }),
  );
  return archives;
}

/** Random damage to a valid pack, for the soak: bit flips, cut ends and spliced hostile names. */
export function mutatedArchive(random: () => number, corpus: HostileArchive[]): HostileArchive {
  const base = corpus[Math.floor(random() * corpus.length)] ?? {
    name: 'empty',
    zip: new Uint8Array(),
  };
  const zip = base.zip.slice();
  const flips = 1 + Math.floor(random() * 8);
  for (let i = 0; i < flips && zip.length > 0; i += 1) {
    const at = Math.floor(random() * zip.length);
    zip[at] = (zip[at] ?? 0) ^ (1 << Math.floor(random() * 8));
  }
  return { name: `${base.name}, ${flips} bits flipped`, zip };
}
