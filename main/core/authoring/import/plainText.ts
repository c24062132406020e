/**
 * Plain text (a .txt file, or text copied out of a PDF or an email) has no markup, so its shape
 * is read from the way people type: numbered lines, bullet characters, and short lines standing
 * alone as headings. The result is markdown, which the proposal then reads with markdown-it.
 */

const BULLET = /^(\s*)(?:[•▪◦‣●○■□➢➤►–—]|[-*+]|o(?=\s))\s+/;
const NUMBERED = /^(\s*)(?:\((\d{1,3})\)|(\d{1,3})[.)]|([a-z])[.)])\s+/;
const SECTION_NUMBER = /^\d{1,2}(?:\.\d{1,2})+\.?\s+(?=\S)/;
const CHECKBOX = /^(\s*)[☐☑☒]\s*/;

export function plainTextToMarkdown(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\f/g, '\n').split('\n');
  const out: string[] = [];
  let titled = false;
  lines.forEach((raw, index) => {
    const line = raw.replace(/\s+$/, '');
    const before = index === 0 ? '' : (lines[index - 1] ?? '').trim();
    const after = (lines[index + 1] ?? '').trim();
    const standsAlone = before === '' && (after === '' || isListLine(after));
    if (line.trim() === '') {
      out.push('');
      return;
    }
    if (!titled && before === '' && isHeadingLike(line.trim(), true)) {
      titled = true;
      out.push(`# ${headingText(line.trim())}`, '');
      return;
    }
    titled = true;
    if (standsAlone && isHeadingLike(line.trim(), false)) {
      out.push('', `## ${headingText(line.trim())}`, '');
      return;
    }
    const checkbox = CHECKBOX.exec(line);
    if (checkbox) {
      out.push(`${checkbox[1] ?? ''}- [ ] ${line.slice(checkbox[0].length)}`);
      return;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      out.push(`${bullet[1] ?? ''}- ${line.slice(bullet[0].length)}`);
      return;
    }
    const numbered = NUMBERED.exec(line);
    if (numbered) {
      const number = numbered[2] ?? numbered[3] ?? String(letterNumber(numbered[4] ?? 'a'));
      out.push(`${numbered[1] ?? ''}${number}. ${line.slice(numbered[0].length)}`);
      return;
    }
    out.push(escapeMarkdown(line));
  });
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function isListLine(line: string): boolean {
  return BULLET.test(line) || NUMBERED.test(line) || CHECKBOX.test(line);
}

/** A short line with no full stop that is in capitals, ends with a colon, or is numbered "2.1". */
function isHeadingLike(line: string, first: boolean): boolean {
  const words = line.split(/\s+/).length;
  if (words > (first ? 14 : 10) || /[.;,]$/.test(line) || isListLine(line)) return false;
  if (first) return true;
  const letters = line.replace(/[^A-Za-z]/g, '');
  return (
    (letters.length >= 3 && letters === letters.toUpperCase()) ||
    /:$/.test(line) ||
    SECTION_NUMBER.test(line)
  );
}

function headingText(line: string): string {
  const text = line.replace(SECTION_NUMBER, '').replace(/:$/, '').trim();
  // Capitals read as shouting; headings keep their words but in sentence case.
  const letters = text.replace(/[^A-Za-z]/g, '');
  if (letters.length >= 3 && letters === letters.toUpperCase())
    return text.charAt(0) + text.slice(1).toLowerCase();
  return text;
}

function letterNumber(letter: string): number {
  return letter.charCodeAt(0) - 'a'.charCodeAt(0) + 1;
}

/** A line starting with # or > would become a heading or a quote: plain text never means that. */
function escapeMarkdown(line: string): string {
  return line.replace(/^(\s*)([#>])/, '$1\\$2');
}
