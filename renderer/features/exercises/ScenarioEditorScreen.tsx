import { useCallback, useEffect, useRef, useState } from 'react';
import type { RevisionSummary } from '../../../main/contract/authoringTypes';
import type { ScenarioSourceText } from '../../../main/contract/exerciseTypes';
import type { Result } from '../../../main/contract/result';
import type { Problem } from '../../../main/contract/types';
import { scenarioTemplate } from '../../../main/shared/scenarioTemplate';
import { request } from '../../api';
import { describeError } from '../../errors';
import { href } from '../../useRoute';
import { ResetOrTrash } from '../authoring/ConfirmReset';
import { HistoryPanel } from '../authoring/HistoryPanel';
import { LintPanel } from '../authoring/LintPanel';
import { MarkdownEditor, type MarkdownEditorHandle } from '../authoring/MarkdownEditor';
import { OutcomeMessage, type Outcome } from '../../ui/OutcomeMessage';
import { UnsavedChanges } from './UnsavedChanges';

/** The same remembered name the runbook editor uses, so history says who changed what. */
const AUTHOR_KEY = 'holdfast-author-name';
const today = (): string => new Date().toISOString().slice(0, 10);

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; source: ScenarioSourceText | null };

/**
 * Writes or edits an exercise scenario as one markdown file, with the checks the exercises list
 * runs shown by line as you type. Saving writes the provider's own copy (a bundled scenario is
 * never changed) and keeps every saved version in its history, where any two can be compared and
 * an older one restored. The changes can be seen before saving; a scenario of the provider's own
 * can be moved to the trash, and an edited bundled one reset, each after asking.
 */
export function ScenarioEditorScreen({ id }: { id: string | null }) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [text, setText] = useState('');
  /** The text as last opened or saved: what "Show what you changed" compares with. */
  const [savedText, setSavedText] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [checking, setChecking] = useState(false);
  const [author, setAuthor] = useState(() => localStorage.getItem(AUTHOR_KEY) ?? '');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [savedId, setSavedId] = useState(id);
  const [history, setHistory] = useState<RevisionSummary[]>([]);
  const editor = useRef<MarkdownEditorHandle>(null);

  const open = useCallback(async (scenario: string): Promise<void> => {
    const [source, revisions] = await Promise.all([
      request('scenarios.source', { id: scenario }),
      request('scenarios.history', { id: scenario }),
    ]);
    if (revisions.ok) setHistory(revisions.value);
    if (!source.ok) return setLoaded({ status: 'failed', message: describeError(source.error) });
    setText(source.value.text);
    setSavedText(source.value.text);
    setLoaded({ status: 'ready', source: source.value });
  }, []);

  useEffect(() => document.getElementById('page-title')?.focus(), []);
  useEffect(() => {
    if (id !== null) {
      void open(id);
      return;
    }
    const start = scenarioTemplate({
      id: `our-exercise-${today()}`,
      today: today(),
      owner: localStorage.getItem(AUTHOR_KEY) ?? '',
    });
    setText(start);
    setSavedText(start);
    setLoaded({ status: 'ready', source: null });
  }, [id, open]);

  // Checked a moment after typing stops, as the runbook editor does.
  useEffect(() => {
    if (loaded.status !== 'ready') return;
    setChecking(true);
    const timer = setTimeout(() => {
      void request('scenarios.check', { text }).then((result) => {
        setChecking(false);
        if (result.ok) setProblems(result.value.problems);
      });
    }, 400);
    return () => clearTimeout(timer);
  }, [text, loaded.status]);

  const who = (): { author?: string } => {
    localStorage.setItem(AUTHOR_KEY, author.trim());
    return author.trim() ? { author: author.trim() } : {};
  };

  /** Shows what a change did, then opens the scenario again as it now is. */
  const after = async (
    result: Result<{ id: string; revision: RevisionSummary }>,
    done: (revision: RevisionSummary) => string,
  ): Promise<void> => {
    if (!result.ok) {
      setOutcome({ ok: false, message: `Not done. ${describeError(result.error)}` });
      return;
    }
    setSavedId(result.value.id);
    await open(result.value.id);
    setOutcome({ ok: true, message: done(result.value.revision) });
  };

  const save = async (): Promise<void> => {
    // Said on Save, as the runbook editor does, rather than a Save button that is greyed out
    // without a reason.
    if (errors > 0) {
      setOutcome({
        ok: false,
        message: `The scenario was not saved because it has ${errors === 1 ? 'an error' : `${errors} errors`}. Fix ${errors === 1 ? 'it' : 'them'} using the list under Checks, then save again.`,
      });
      return;
    }
    const result = await request('scenarios.save', { id: savedId, text, ...who() });
    if (!result.ok) {
      setOutcome({ ok: false, message: `Not saved. ${describeError(result.error)}` });
      return;
    }
    await after(
      result,
      (revision) => `Saved as revision ${revision.seq}. It is listed under Exercises.`,
    );
  };
  const restore = async (seq: number): Promise<void> => {
    if (savedId === null) return;
    const result = await request('scenarios.restore', { id: savedId, seq, ...who() });
    await after(result, (revision) => `Revision ${seq} was restored as revision ${revision.seq}.`);
  };
  const resetOrTrash = async (source: ScenarioSourceText): Promise<void> => {
    const result = source.hasBundled
      ? await request('scenarios.resetToBundled', { id: source.id, ...who() })
      : await request('scenarios.trash', { id: source.id, ...who() });
    await after(result, () =>
      source.hasBundled
        ? 'Reset: the scenario that comes with Holdfast is in use again. Your edited version is kept in the history.'
        : 'Moved to the trash. You can bring it back from the history.',
    );
  };
  const historyPanel = savedId !== null && (
    <HistoryPanel
      key={history.length}
      revisions={history}
      diff={(from, to) => request('scenarios.diff', { id: savedId, from, to })}
      onRestore={restore}
    />
  );

  if (loaded.status === 'loading') return <p role="status">Opening the scenario…</p>;
  if (loaded.status === 'failed') {
    const trashed = history.at(-1)?.kind === 'trash';
    return (
      <div>
        <p>
          <a href={href.exercises}>← Exercises</a>
        </p>
        <h1 id="page-title" tabIndex={-1}>
          {trashed ? `“${savedId ?? ''}” is in the trash` : 'The scenario could not be opened'}
        </h1>
        {trashed ? (
          <p>To bring it back, restore its last revision from the history below.</p>
        ) : (
          <p role="alert">{loaded.message}</p>
        )}
        <OutcomeMessage outcome={outcome} />
        {historyPanel}
      </div>
    );
  }
  const { source } = loaded;
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const canResetOrTrash =
    source !== null && source.source === 'user' && (source.overridesBundled || !source.hasBundled);
  return (
    <>
      <p>
        <a href={href.exercises}>← Exercises</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        {id === null ? 'Write a new scenario' : 'Edit scenario'}
      </h1>
      {source?.source === 'bundled' && (
        <p className="notice">
          This scenario comes with Holdfast. Saving keeps your own version; the one that comes with
          Holdfast is not changed.
        </p>
      )}
      <MarkdownEditor
        ref={editor}
        value={text}
        onChange={(next) => {
          setText(next);
          setOutcome(null);
        }}
        problems={problems}
        firstLine={1}
        label="Scenario text"
        description="The header between the --- lines, then Background, Objectives, Roles and Injects. Each inject has a Release time and its expected actions."
      />
      <LintPanel
        problems={problems}
        bodyStartLine={1}
        checking={checking}
        onGoTo={(line) => editor.current?.goToFileLine(line)}
      />
      <div className="field">
        <label htmlFor="scenario-author">Your name</label>
        <input
          id="scenario-author"
          value={author}
          maxLength={120}
          autoComplete="name"
          onChange={(event) => setAuthor(event.target.value)}
        />
      </div>
      <UnsavedChanges saved={savedText} edited={text} />
      <button
        type="button"
        className="button-primary"
        onClick={() => void save()}
        disabled={checking}
      >
        Save scenario
      </button>
      <OutcomeMessage outcome={outcome} />
      {canResetOrTrash && (
        <p className="editor-actions">
          <ResetOrTrash
            noun="scenario"
            hasBundled={source.hasBundled}
            unsaved={text !== savedText}
            onConfirm={() => resetOrTrash(source)}
          />
        </p>
      )}
      {historyPanel}
    </>
  );
}
