import { unzipSync, zipSync } from 'fflate';
import type { EvidencePeriod } from '../../contract/assessorTypes';
import { sha256 } from '../lib/hash';

export const EVIDENCE_ZIP_MANIFEST = 'holdfast-assessor-evidence.json';

/** One exercise's or incident's folder export, to be laid out under its own folder in the zip. */
export interface FolderExport {
  /** e.g. "exercises/ex-1": its report and its files go under here. */
  folder: string;
  /** The zip the domain's own export made (see exportEvidenceFolder), taken apart here. */
  zip: Uint8Array;
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/**
 * Exercise and incident exports are zips of their own: laid out flat here (under
 * `<folder>/files/`) so an assessor opens one zip, not a zip inside a zip. The folder's own
 * checksums file stays with it, so each folder can still be shown to be the files as they were.
 */
function filesOf(exported: FolderExport): Record<string, Uint8Array> {
  const inner = unzipSync(exported.zip);
  return Object.fromEntries(
    Object.entries(inner).map(([path, bytes]) => [
      `${exported.folder}/files/${path.replace(/^[^/]+\//, '')}`,
      bytes,
    ]),
  );
}

/**
 * The zip of the underlying files: the document, each runbook's text, each exercise's and
 * incident's report and log files as they are on disk, and a manifest with each file's SHA-256.
 */
export function evidenceZip(parts: {
  period: EvidencePeriod;
  made: Date;
  document: { filename: string; markdown: string };
  runbooks: Array<{ id: string; text: string }>;
  reports: Array<{ path: string; markdown: string }>;
  folders: FolderExport[];
}): { zip: Uint8Array; count: number } {
  const files: Record<string, Uint8Array> = {
    [parts.document.filename]: encode(parts.document.markdown),
    ...Object.fromEntries(parts.runbooks.map(({ id, text }) => [`plan/${id}.md`, encode(text)])),
    ...Object.fromEntries(parts.reports.map(({ path, markdown }) => [path, encode(markdown)])),
    ...Object.fromEntries(parts.folders.flatMap((folder) => Object.entries(filesOf(folder)))),
  };
  const manifest = {
    format: 'holdfast-assessor-evidence',
    formatVersion: 1,
    period: parts.period,
    created: parts.made.toISOString(),
    files: Object.entries(files).map(([path, bytes]) => ({
      path,
      sha256: sha256(bytes),
      bytes: bytes.byteLength,
    })),
  };
  const zip = zipSync(
    { [EVIDENCE_ZIP_MANIFEST]: encode(`${JSON.stringify(manifest, null, 2)}\n`), ...files },
    { mtime: parts.made },
  );
  return { zip, count: Object.keys(files).length };
}
