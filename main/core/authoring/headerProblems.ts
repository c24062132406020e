import { CORE_SCHEMA, load } from 'js-yaml';
import type { z } from 'zod';
import {
  headerFieldLabels,
  isHeaderField,
  type HeaderFieldProblem,
} from '../../contract/headerFields';
import { frontMatterSchema, splitFrontMatter } from '../runbooks/frontMatter';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The expected kind of value, in words. */
const KIND: Record<string, string> = {
  string: 'words',
  number: 'a number',
  int: 'a whole number',
  array: 'a list',
  boolean: 'yes or no',
};

/** One validation issue as a sentence that names the field as the form does. */
function sentence(issue: z.core.$ZodIssue, raw: Record<string, unknown>): HeaderFieldProblem {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `"${key}"`).join(', ');
    return {
      field: null,
      message: `The header has ${issue.keys.length === 1 ? 'a line' : 'lines'} Holdfast does not use: ${keys}. Check the spelling or remove ${issue.keys.length === 1 ? 'it' : 'them'}.`,
    };
  }
  const [top, item] = issue.path;
  const field = typeof top === 'string' && isHeaderField(top) ? top : null;
  const label = field ? headerFieldLabels[field] : 'The header';
  const inList = typeof item === 'number';
  const message = ((): string => {
    if (field && !Object.hasOwn(raw, field)) return `${label} must be filled in.`;
    switch (issue.code) {
      case 'too_small':
        if (issue.origin === 'string')
          return Number(issue.minimum) <= 1
            ? `${label} must be filled in.`
            : `${label} must be at least ${String(issue.minimum)} characters.`;
        if (issue.origin === 'array') return `${label}: choose at least ${String(issue.minimum)}.`;
        return `${label} must be ${String(issue.minimum)} or more.`;
      case 'too_big':
        if (issue.origin === 'string')
          return `${label} must be ${String(issue.maximum)} characters or fewer.`;
        if (issue.origin === 'array') return `${label}: choose at most ${String(issue.maximum)}.`;
        return `${label} must be ${String(issue.maximum)} or less.`;
      case 'invalid_type':
        return `${label} must be ${KIND[issue.expected] ?? 'filled in'}.`;
      case 'invalid_value':
        return inList
          ? `${label}: one of the choices is not one Holdfast knows. Choose from the list.`
          : `${label}: choose one of the options.`;
      case 'invalid_format':
        if (issue.format === 'date') return `${label} must be a date, written like 2026-12-05.`;
        return inList
          ? `${label}: one of the names may only use lower-case letters, digits and hyphens.`
          : `${label} may only use lower-case letters, digits and hyphens, for example lost-keys.`;
      default:
        return `${label}: ${issue.message}.`;
    }
  })();
  return { field, message };
}

/**
 * Problems with the header of runbook text, one per field, in words the editor's form uses. The
 * checker reports the same problems by line for files; this is what the form shows beside each
 * field. A header that cannot be read at all gives none here (the checks list says why).
 */
export function headerProblems(text: string): HeaderFieldProblem[] {
  const split = splitFrontMatter(text, '');
  if (split.yaml === null) return [];
  let raw: unknown;
  try {
    raw = load(split.yaml, { schema: CORE_SCHEMA, json: false });
  } catch {
    return [];
  }
  if (!isRecord(raw)) return [];
  const parsed = frontMatterSchema.safeParse(raw);
  if (parsed.success) return [];
  const seen = new Set<string>();
  return parsed.error.issues
    .map((issue) => sentence(issue, raw))
    .filter((problem) => {
      // One message per field is enough beside the form: the first says what to fix first.
      const key = `${problem.field ?? ''}|${problem.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
