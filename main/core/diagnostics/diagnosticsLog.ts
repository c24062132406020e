import { appendFileSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVATE_DIRS, PRIVATE_FILE_MODE } from '../storage/privateModes';

/**
 * A small log for the person's IT supplier: start-up, errors and what failed to load. Nothing is
 * ever sent anywhere. It never holds what people typed: callers pass fixed sentences, and an
 * error is reduced to its kind and code with any quoted text taken out (a JSON parse error, for
 * one, quotes the file it could not read).
 */
export const LOGS_FOLDER = 'logs';
export const LOG_FILE = 'holdfast.log';
const OLDER_FILE = 'holdfast.1.log';
/** Two files of 256 KB: a few thousand lines, enough for weeks of starts and errors. */
export const LOG_FILE_BYTES = 256 * 1024;
const MAX_LINE = 400;

export type DiagnosticLevel = 'info' | 'error';

export interface DiagnosticsLog {
  write(level: DiagnosticLevel, message: string, error?: unknown): void;
  /** The newest error lines, newest last. */
  lastErrors(count?: number): string[];
}

/** Quoted text, wherever it came from, is replaced: it may be a person's words. */
const withoutQuotes = (text: string): string =>
  text.replace(/"[^"]*"|'[^']*'|`[^`]*`|“[^”]*”|‘[^’]*’/g, '"…"');

/** An error as the log keeps it: its kind, its system code and its message without quotes. */
export function describeForLog(error: unknown): string {
  if (error === undefined || error === null || error === '') return '';
  if (!(error instanceof Error)) return `(${typeof error})`;
  const code = (error as NodeJS.ErrnoException).code;
  return `${error.name}${code ? ` ${code}` : ''}: ${withoutQuotes(error.message)}`;
}

/** One line: time, level, sentence and the error, cut short and on one line. */
export function logLine(
  when: Date,
  level: DiagnosticLevel,
  message: string,
  error?: unknown,
): string {
  const described = describeForLog(error);
  const text = `${withoutQuotes(message)}${described ? ` — ${described}` : ''}`
    .replace(/[\r\n\t]+/g, ' ')
    .slice(0, MAX_LINE);
  return `${when.toISOString()} ${level.toUpperCase()} ${text}`;
}

/**
 * Opens `<dataDir>/logs/holdfast.log`. When the next line would take it past its size, it
 * becomes holdfast.1.log (replacing the older one) and a new file starts. Writing never throws:
 * a full disk must not stop the app because of its own log.
 */
export function openDiagnosticsLog(
  dataDir: string,
  now: () => Date = () => new Date(),
  fileBytes = LOG_FILE_BYTES,
): DiagnosticsLog {
  const dir = join(dataDir, LOGS_FOLDER);
  const current = join(dir, LOG_FILE);
  const older = join(dir, OLDER_FILE);
  const read = (path: string): string => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return '';
    }
  };
  return {
    write(level, message, error) {
      const line = `${logLine(now(), level, message, error)}\n`;
      try {
        mkdirSync(dir, PRIVATE_DIRS);
        const size = (() => {
          try {
            return statSync(current).size;
          } catch {
            return 0;
          }
        })();
        if (size > 0 && size + Buffer.byteLength(line) > fileBytes) renameSync(current, older);
        appendFileSync(current, line, { mode: PRIVATE_FILE_MODE });
      } catch {
        // The log is a help, never a reason to fail.
      }
    },
    lastErrors(count = 20) {
      return `${read(older)}${read(current)}`
        .split('\n')
        .filter((line) => / ERROR /.test(line))
        .slice(-count);
    },
  };
}
