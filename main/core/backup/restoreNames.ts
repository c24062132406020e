/**
 * Names a backup may restore. Windows (NTFS) and macOS (APFS, HFS+) treat names that differ only
 * in case, or only in how an accent is encoded (NFC or NFD), as the same file, and Windows also
 * ignores trailing dots and spaces, reads "name:stream" as a hidden stream and maps CON, NUL and
 * the like to devices. Any of these would let an unchecked file land on top of a checked one, so
 * each is refused before anything is written.
 */

/** Windows device names, with or without an extension ("aux.txt" is the AUX device too). */
const DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** How a case-insensitive, normalising file system sees a name. */
export function foldedName(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

/** Why one path segment cannot be restored safely on every system, or null. */
function segmentProblem(segment: string): string | null {
  if (segment.includes(':')) return 'has a ":" in its name (Windows reads that as a hidden stream)';
  if (/[. ]$/.test(segment)) return 'ends with a dot or a space, which Windows drops';
  if (DEVICE_NAME.test(segment)) return 'is named like a Windows device (such as CON or NUL)';
  if (/[<>"|?*]/.test(segment)) return 'has a character Windows does not allow in a name';
  return null;
}

/**
 * Checks every name in a backup: each is safe on Windows and macOS, and no two (nor any two of
 * their folders) become the same name once case and accents are folded, where at least one of the
 * two is written (`written`; by default every name is). Two names that are both left out cannot
 * overwrite anything: an earlier backup may hold the browser engine's "Cache" beside Holdfast's
 * "cache". Returns a sentence for the first problem, or null.
 */
export function restoreNamesProblem(
  names: readonly string[],
  written: (name: string) => boolean = () => true,
): string | null {
  const byFolded = new Map<string, { path: string; written: boolean }>();
  for (const name of names) {
    const segments = name.split('/');
    for (const segment of segments) {
      const problem = segmentProblem(segment);
      if (problem) return `${JSON.stringify(name.slice(0, 80))} ${problem}.`;
    }
    const isWritten = written(name);
    for (let depth = 1; depth <= segments.length; depth += 1) {
      const path = segments.slice(0, depth).join('/');
      const folded = foldedName(path);
      const earlier = byFolded.get(folded);
      if (earlier !== undefined && earlier.path !== path && (earlier.written || isWritten))
        return `${JSON.stringify(path.slice(0, 80))} and ${JSON.stringify(earlier.path.slice(0, 80))} differ only in capital letters or accents, so on Windows or a Mac one would overwrite the other.`;
      if (!earlier?.written) byFolded.set(folded, { path, written: isWritten });
    }
  }
  return null;
}
