import { useEffect, useState } from 'react';
import type { RunbookPreview } from '../../../main/contract/authoringTypes';
import { request } from '../../api';
import { today } from '../../lib/formatDate';
import { joinRunbookFile, splitRunbookFile, type FrontMatterFields } from './runbookFile';
import { copyOf, templateFile } from './runbookTemplate';

/** The text being edited: header fields and body, or the whole file when its header cannot be read. */
export type Draft =
  { kind: 'fields'; front: FrontMatterFields; body: string } | { kind: 'raw'; text: string };

export const draftText = (draft: Draft): string =>
  draft.kind === 'raw' ? draft.text : joinRunbookFile(draft.front, draft.body);

export const draftFrom = (text: string): Draft => {
  const file = splitRunbookFile(text);
  return file ? { kind: 'fields', front: file.front, body: file.body } : { kind: 'raw', text };
};

const PREVIEW_DELAY_MS = 300;

/** Checks and renders the draft a moment after typing stops; older answers never overwrite newer ones. */
export function usePreview(text: string | null): {
  preview: RunbookPreview | null;
  checking: boolean;
} {
  const [preview, setPreview] = useState<RunbookPreview | null>(null);
  const [checking, setChecking] = useState(false);
  useEffect(() => {
    if (text === null) return;
    let current = true;
    setChecking(true);
    const timer = setTimeout(() => {
      void request('runbooks.preview', { text }).then((result) => {
        if (!current) return;
        setChecking(false);
        if (result.ok) setPreview(result.value);
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);
  return { preview, checking };
}

/** The starting draft of a new runbook: the template, or a copy of an existing one. */
export async function newDraft(from: string | undefined): Promise<Draft | string> {
  if (!from) {
    const settings = await request('settings.get', {});
    const { front, body } = templateFile(
      today(),
      settings.ok ? settings.value.organisationName : '',
    );
    return { kind: 'fields', front, body };
  }
  const source = await request('runbooks.source', { id: from });
  if (!source.ok) return source.error.message;
  const draft = draftFrom(source.value.text);
  return draft.kind === 'fields' ? { ...draft, front: copyOf(draft.front) } : draft;
}
