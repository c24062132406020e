import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type {
  RefusedRunbookText,
  RevisionSummary,
  RunbookSourceText,
  SaveOutcome,
} from '../../../main/contract/authoringTypes';
import type { Result } from '../../../main/contract/result';
import { LOCAL_CONTACT_ROLES } from '../../../main/contract/vocabulary';
import { request } from '../../api';
import { describeError } from '../../errors';
import { useCall } from '../../useCall';
import { href } from '../../useRoute';
import { RunbookContent } from '../reader/RunbookContent';
import { FrontMatterForm } from './FrontMatterForm';
import { HistoryPanel } from './HistoryPanel';
import { LintPanel } from './LintPanel';
import { MarkdownEditor, type MarkdownEditorHandle } from './MarkdownEditor';
import { bodyStartLineOf } from './runbookFile';
import { announceLibraryChanged } from '../../lib/useReloadOnFocus';
import { guardLeaving } from '../../lib/leaveGuard';
import { formatMoment } from '../../lib/time';
import { draftFrom, draftText, newDraft, usePreview, type Draft } from './useRunbookDraft';
import { useKeptCopy } from './useKeptCopy';
import { InsertPicker, type PickerGroup } from './InsertPicker';
import { ResetOrTrash } from './ConfirmReset';
import { SaveStatusBar } from './SaveStatusBar';
import { OutcomeMessage, type Outcome } from '../../ui/OutcomeMessage';

const AUTHOR_KEY = 'holdfast-author-name';
const diffOf = (id: string) => (from: number, to: number) =>
  request('runbooks.diff', { id, from, to });

/**
 * Edits one runbook (or a new one): details form, body text with checks as you type, the
 * reader's preview, and history. Saving never touches a bundled file: it keeps an edited version.
 */
export function RunbookEditorScreen({
  id,
  from,
  refusedFile,
}: {
  id: string | null;
  from?: string;
  /** A file in the runbooks folder that could not be loaded, opened as text to fix. */
  refusedFile?: string;
}) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [source, setSource] = useState<RunbookSourceText | null>(null);
  const [refused, setRefused] = useState<RefusedRunbookText | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [loadError, setLoadError] = useState('');
  const [revisions, setRevisions] = useState<RevisionSummary[]>([]);
  const [author, setAuthor] = useState(() => localStorage.getItem(AUTHOR_KEY) ?? '');
  const [message, setMessage] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [isDirty, setDirty] = useState(false);
  const editor = useRef<MarkdownEditorHandle>(null);
  // The leave question reads this at the moment someone tries to leave.
  const dirty = useRef(false);
  dirty.current = isDirty;
  const [contacts] = useCall('contacts.list', {});
  const [library] = useCall('runbooks.list', {});

  const load = useCallback(async (): Promise<void> => {
    if (refusedFile) {
      const opened = await request('runbooks.refusedSource', { file: refusedFile });
      if (!opened.ok) setLoadError(describeError(opened.error));
      else {
        setRefused(opened.value);
        setDraft(draftFrom(opened.value.text));
      }
      return;
    }
    if (id === null) {
      const started = await newDraft(from);
      if (typeof started === 'string') setLoadError(started);
      else setDraft(started);
      return;
    }
    const history = await request('runbooks.history', { id });
    if (history.ok) setRevisions(history.value);
    // A runbook in the trash is not in the library: only its history can bring it back.
    const opened =
      history.ok && history.value.at(-1)?.kind === 'trash'
        ? null
        : await request('runbooks.source', { id });
    if (!opened?.ok) {
      // Moved to the trash, or never existed: the history (if any) can still bring it back.
      setSource(null);
      setDraft(null);
      setLoadError(opened ? describeError(opened.error) : 'This runbook is in the trash.');
      return;
    }
    setSource(opened.value);
    setDraft(draftFrom(opened.value.text));
    setDirty(false);
    setLoadError('');
  }, [id, from, refusedFile]);
  useEffect(() => {
    void load();
  }, [load]);

  const text = draft ? draftText(draft) : null;
  // A refused file stays on disk until it is fixed, so it needs no kept copy of its own.
  const kept = useKeptCopy(id, text, isDirty, !refusedFile);
  const { preview, checking } = usePreview(text);
  const bodyStartLine = draft?.kind === 'fields' ? bodyStartLineOf(draft.front) : 1;
  const problems = useMemo(() => preview?.problems ?? [], [preview]);
  const contactGroups = useMemo((): PickerGroup[] => {
    if (contacts.status !== 'ready')
      return [
        {
          label: 'Your contacts',
          choices: Object.entries(LOCAL_CONTACT_ROLES).map(([value, label]) => ({ value, label })),
        },
      ];
    return [
      {
        label: 'Your contacts',
        choices: contacts.value.roles.map(({ role, label }) => ({ value: role, label })),
      },
      {
        label: 'National contacts',
        choices: contacts.value.national.map(({ id: role, name }) => ({
          value: role,
          label: name,
        })),
      },
    ];
  }, [contacts]);
  const runbookGroups = useMemo(
    (): PickerGroup[] => [
      {
        label: 'Runbooks',
        choices:
          library.status === 'ready'
            ? library.value.runbooks
                .filter((runbook) => runbook.id !== id)
                .map((runbook) => ({ value: runbook.id, label: runbook.title }))
            : [],
      },
    ],
    [library, id],
  );
  const contactRoles = useMemo((): Array<[string, string]> => {
    if (contacts.status !== 'ready') return Object.entries(LOCAL_CONTACT_ROLES);
    return [
      ...contacts.value.roles.map(({ role, label }): [string, string] => [role, label]),
      ...contacts.value.national.map(({ id: role, name }): [string, string] => [role, name]),
    ];
  }, [contacts]);

  const change = (next: Draft): void => {
    setDraft(next);
    setDirty(true);
    dirty.current = true;
    setOutcome(null);
  };
  const finish = async (
    result: Result<SaveOutcome>,
    done: (saved: SaveOutcome) => string,
  ): Promise<boolean> => {
    if (!result.ok) {
      setOutcome({
        ok: false,
        message:
          result.error.code === 'INVALID_INPUT'
            ? result.error.message
            : describeError(result.error),
      });
      return false;
    }
    announceLibraryChanged();
    setDirty(false);
    dirty.current = false;
    if (id === null) {
      window.location.hash = href.editRunbook(result.value.id);
      return true;
    }
    await load();
    setMessage('');
    setSavedAt(new Date());
    setOutcome({ ok: true, message: done(result.value) });
    return true;
  };
  const who = (): { author?: string } => (author.trim() ? { author: author.trim() } : {});

  const save = async (): Promise<boolean> => {
    if (text === null) return false;
    localStorage.setItem(AUTHOR_KEY, author.trim());
    // The core checks again before writing; this only saves a round trip that would be refused.
    const errors =
      preview && !checking
        ? preview.problems.filter((problem) => problem.severity === 'error').length
        : 0;
    if (errors > 0) {
      setOutcome({
        ok: false,
        message: `The runbook was not saved because it has ${errors === 1 ? 'an error' : `${errors} errors`}. Fix ${errors === 1 ? 'it' : 'them'} using the list under Checks, then save again.`,
      });
      return false;
    }
    const result = await request('runbooks.save', {
      id,
      text,
      ...who(),
      ...(message.trim() ? { message: message.trim() } : {}),
      ...(refusedFile ? { replacesFile: refusedFile } : {}),
    });
    return finish(
      result,
      (saved) =>
        `Saved as revision ${saved.revision.seq}${saved.revision.version ? `, version ${saved.revision.version}` : ''}.${source?.hasBundled && !source.overridesBundled ? ' This is now your edited version; the version that comes with Holdfast is kept as it was.' : ''}`,
    );
  };
  const saveNow = useRef(save);
  saveNow.current = save;
  const forgetKept = useRef(kept.forget);
  forgetKept.current = kept.forget;
  useEffect(
    () =>
      guardLeaving({
        hasUnsavedChanges: () => dirty.current,
        save: () => saveNow.current(),
        discard: () => forgetKept.current(),
      }),
    [],
  );
  const restore = async (seq: number): Promise<void> => {
    if (id === null) return;
    const result = await request('runbooks.restore', { id, seq, ...who() });
    await finish(
      result,
      (saved) => `Revision ${seq} was restored as revision ${saved.revision.seq}.`,
    );
  };
  const resetOrTrash = async (): Promise<void> => {
    if (id === null || !source) return;
    const result = source.hasBundled
      ? await request('runbooks.resetToBundled', { id, ...who() })
      : await request('runbooks.trash', { id, ...who() });
    if (result.ok) kept.forget();
    await finish(result, () =>
      source.hasBundled
        ? 'Reset: the version that comes with Holdfast is in use again. Your edited version is kept in the history.'
        : 'Moved to the trash. You can bring it back from the history.',
    );
  };

  if (loadError && !draft) {
    return (
      <div>
        {revisions.at(-1)?.kind === 'trash' ? (
          <>
            <h1 id="page-title" tabIndex={-1}>
              “{id}” is in the trash
            </h1>
            <p>To bring it back, restore its last revision from the history below.</p>
          </>
        ) : (
          <>
            <h1 id="page-title" tabIndex={-1}>
              This runbook could not be opened
            </h1>
            <p role="alert">{loadError}</p>
          </>
        )}
        {id !== null && (
          <HistoryPanel revisions={revisions} diff={diffOf(id)} onRestore={restore} />
        )}
        <OutcomeMessage outcome={outcome} />
        <p>
          <a href={href.home}>Back to the start</a>
        </p>
      </div>
    );
  }
  if (!draft || text === null) return <p role="status">Opening the editor…</p>;
  const title =
    draft.kind === 'fields' && typeof draft.front.title === 'string'
      ? draft.front.title
      : (id ?? '');

  const restoreKept = (): void => {
    if (!kept.offered) return;
    change(draftFrom(kept.offered.text));
    kept.settle(false);
  };
  const errorCount = problems.filter((problem) => problem.severity === 'error').length;

  return (
    <div className="editor-screen">
      <p>
        {id ? (
          <a href={href.runbook(id)}>← Back to the runbook</a>
        ) : (
          <a href={href.all}>← Back to all runbooks</a>
        )}
      </p>
      <h1 id="page-title" tabIndex={-1}>
        {refusedFile
          ? `Fix: ${refused?.title ?? refusedFile}`
          : id
            ? `Edit: ${title}`
            : 'New runbook'}
      </h1>
      {refusedFile && (
        <div className="notice" role="note">
          <p>
            Holdfast could not load the file <strong>{refusedFile}</strong> from your runbooks
            folder, so nobody can use it yet.{' '}
            {errorCount > 0
              ? 'Its problems are listed under Checks. Fix them, then save.'
              : 'Save to use it.'}{' '}
            The saved runbook takes the place of the file; the file is kept in the trash.
          </p>
        </div>
      )}
      {kept.offered && (
        <section className="notice kept-copy" aria-labelledby="kept-title">
          <h2 id="kept-title">
            You have unsaved changes from {formatMoment(kept.offered.savedAt)}
          </h2>
          <p>They were kept on this computer when the editor closed before they were saved.</p>
          <p className="editor-actions">
            <button type="button" className="button-primary" onClick={restoreKept}>
              Restore them
            </button>
            <button type="button" onClick={() => kept.settle(true)}>
              Discard them
            </button>
          </p>
        </section>
      )}
      {source && source.openIncidents.length > 0 && (
        <div className="notice" role="note">
          <p>
            <strong>In use by an open incident:</strong>{' '}
            {source.openIncidents.map((incident) => incident.name).join(', ')}.
          </p>
          <p>
            Each incident keeps the version it started with. What you save here is used by new
            incidents.
          </p>
        </div>
      )}
      {source?.hasBundled && (
        <p className="notice">
          {source.overridesBundled
            ? 'You are editing your own version of a runbook that comes with Holdfast. You can go back to the version that comes with Holdfast at any time.'
            : 'This runbook comes with Holdfast. Saving keeps your edited version separately; the version that comes with Holdfast stays as it is.'}
        </p>
      )}
      <SaveStatusBar
        isDirty={isDirty}
        savedAt={savedAt}
        problems={problems}
        checking={checking}
        outcome={outcome}
        onSave={() => void save()}
      />
      <div className="editor-columns">
        <div className="editor-source">
          {draft.kind === 'fields' ? (
            <section aria-labelledby="details-title">
              <h2 id="details-title">Details</h2>
              <FrontMatterForm
                front={draft.front}
                isNew={id === null}
                contactRoles={contactRoles}
                problems={preview?.headerProblems ?? []}
                onChange={(front) => change({ ...draft, front })}
              />
            </section>
          ) : (
            <p className="notice">
              The details at the top of this file could not be read, so the whole file is shown
              below. Fix the lines between the two <code>---</code> lines.
            </p>
          )}
          <section aria-labelledby="text-title">
            <h2 id="text-title">Steps and text</h2>
            <p className="hint" id="text-hint">
              Start each phase with <code>## </code> and number its steps. When you save, each new
              step gets a short name at the end of its first line, such as{' '}
              <code>{'{#phone-the-manager}'}</code>: leave it as it is, because incidents use it to
              keep their place. To name a contact, use Insert contact. Press Tab to leave the text
              box. Ctrl+F finds and replaces words.
            </p>
            <div className="editor-toolbar">
              <button type="button" onClick={() => editor.current?.openFind()}>
                Find and replace
              </button>
              <InsertPicker
                button="Insert contact…"
                label="Contact to insert"
                groups={contactGroups}
                toText={(role) => `{{contact:${role}}}`}
                onInsert={(inserted) => editor.current?.insertAtCursor(inserted)}
              />
              <InsertPicker
                button="Insert a link to another runbook…"
                label="Runbook to link to"
                groups={runbookGroups}
                toText={(target) => {
                  const linked = runbookGroups[0]?.choices.find((c) => c.value === target);
                  return `[${linked?.label ?? target}](runbook:${target})`;
                }}
                onInsert={(inserted) => editor.current?.insertAtCursor(inserted)}
              />
            </div>
            <MarkdownEditor
              ref={editor}
              value={draft.kind === 'fields' ? draft.body : draft.text}
              onChange={(body) =>
                change(draft.kind === 'fields' ? { ...draft, body } : { kind: 'raw', text: body })
              }
              problems={problems}
              firstLine={bodyStartLine}
              label="Steps and text"
              description="Start each phase with two hash signs and number its steps. Press Tab to leave the text box."
            />
          </section>
        </div>
        <section className="editor-preview" aria-labelledby="preview-title">
          <h2 id="preview-title">Preview</h2>
          {preview?.view ? (
            <div className="reader preview-body">
              <p className="preview-title">{preview.view.title}</p>
              <p className="lead">{preview.view.summary}</p>
              <RunbookContent runbook={preview.view} onNotice={() => undefined} />
            </div>
          ) : (
            <p>
              {preview
                ? 'The preview will show when the errors listed under Checks are fixed.'
                : 'Preparing the preview…'}
            </p>
          )}
        </section>
      </div>
      <LintPanel
        problems={problems}
        bodyStartLine={bodyStartLine}
        checking={checking}
        onGoTo={(line) => editor.current?.goToFileLine(line)}
      />
      <section className="save-bar" aria-labelledby="save-title">
        <h2 id="save-title">About this save</h2>
        <p className="hint">Saved with each change in the history below.</p>
        <div className="field">
          <label htmlFor="author-name">Your name</label>
          <input
            id="author-name"
            value={author}
            autoComplete="name"
            onChange={(event) => setAuthor(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="change-message">What did you change? (optional)</label>
          <input
            id="change-message"
            value={message}
            onChange={(event) => setMessage(event.target.value)}
          />
        </div>
        {id !== null && source && (
          <p className="editor-actions">
            <a href={href.newRunbook(id)}>Duplicate as a new runbook</a>{' '}
            {(source.overridesBundled || !source.hasBundled) && (
              <ResetOrTrash
                noun="runbook"
                hasBundled={source.hasBundled}
                unsaved={isDirty}
                onConfirm={resetOrTrash}
              />
            )}
          </p>
        )}
      </section>
      {id !== null && (
        <HistoryPanel
          key={revisions.length}
          revisions={revisions}
          diff={diffOf(id)}
          onRestore={restore}
        />
      )}
    </div>
  );
}
