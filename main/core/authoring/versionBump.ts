/** The `version:` line of a runbook header (a flat YAML mapping, so a line match is exact). */
const VERSION_LINE = /^version:[ \t]*["']?(\d+)["']?[ \t]*$/m;

/** The header of a runbook file: the lines between the first two `---` lines, or null. */
function headerOf(text: string): { start: number; end: number } | null {
  if (!/^---[ \t]*\r?\n/.test(text)) return null;
  const close = /\r?\n(---|\.\.\.)[ \t]*(\r?\n|$)/.exec(text.slice(3));
  return close ? { start: 0, end: close.index + 3 } : null;
}

/** The version number a runbook's header gives, or null when it has none. */
export function versionOf(text: string): number | null {
  const header = headerOf(text);
  if (!header) return null;
  const match = VERSION_LINE.exec(text.slice(header.start, header.end));
  return match ? Number(match[1]) : null;
}

const withoutVersion = (text: string): string => text.replace(VERSION_LINE, '');

/**
 * The text to save, with its version one above the version in use when anything else changed:
 * people reading a printed copy can tell it from an older one. A version the person already
 * raised is kept; a save that changes nothing keeps the version as it is.
 */
export function withNextVersion(text: string, inUse: string | null): string {
  if (inUse === null) return text;
  const before = versionOf(inUse);
  const given = versionOf(text);
  if (before === null || given === null) return text;
  if (given > before || withoutVersion(text) === withoutVersion(inUse)) return text;
  const header = headerOf(text) as { start: number; end: number };
  const head = text
    .slice(0, header.end)
    .replace(VERSION_LINE, `version: ${String(Math.max(before, given) + 1)}`);
  return head + text.slice(header.end);
}
