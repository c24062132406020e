import type { RunbookStatus } from '../../contract/types';

const FENCE = /^(---|\.\.\.)\s*$/;

/**
 * The runbook's text with its header's `status:` set, leaving every other line as it was: the
 * line is replaced where it is, or added as the header's last field.
 */
export function withStatus(text: string, status: RunbookStatus): string {
  const lines = text.split('\n');
  if ((lines[0] ?? '').trimEnd() !== '---') return text;
  const close = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (close === -1) return text;
  const at = lines.findIndex((line, index) => index > 0 && index < close && /^status:/.test(line));
  if (at === -1) lines.splice(close, 0, `status: ${status}`);
  else lines[at] = `status: ${status}`;
  return lines.join('\n');
}
