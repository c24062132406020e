import { useEffect, useRef, useState } from 'react';
import type { RevisionSummary } from '../../../main/contract/authoringTypes';
import type { Problem } from '../../../main/contract/types';
import { scenarioTemplate } from '../../../main/shared/scenarioTemplate';
import { request } from '../../api';
import { describeError } from '../../errors';
import { href } from '../../useRoute';
import { LintPanel } from '../authoring/LintPanel';
import { MarkdownEditor, type MarkdownEditorHandle } from '../authoring/MarkdownEditor';
import { OutcomeMessage, type Outcome } from '../../ui/OutcomeMessage';

/** The same remembered name the runbook editor uses, so history says who changed what. */
const AUTHOR_KEY = 'holdfast-author-name';
const today = (): string => new Date().toISOString().slice(0, 10);

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; text: string; source: 'bundled' | 'user' | 'new' };

/**
 * Writes or edits an exercise scenario as one markdown file, with the checks the exercises list
 * runs shown by line as you type. Saving writes the provider's own copy (a bundled scenario is
 * never changed) and keeps every saved version in its history.
 */
export function ScenarioEditorScreen({ id }: { id: string | null }) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [checking, setChecking] = useState(false);
  const [author, setAuthor] = useState(() => localStorage.getItem(AUTHOR_KEY) ?? '');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [savedId, setSavedId] = useState(id);
  const [history, setHistory] = useState<RevisionSummary[]>([]);
  const editor = useRef<MarkdownEditorHandle>(null);

  useEffect(() => document.getElementById('page-title')?.focus(), []);
  useEffect(() => {
    if (id === null) {
      const start = scenarioTemplate({
        id: `our-exercise-${today()}`,
        today: today(),
        owner: localStorage.getItem(AUTHOR_KEY) ?? '',
      });
      setText(start);
      setLoaded({ status: 'ready', text: start, source: 'new' });
      return;
    }
    void request('scenarios.source', { id }).then((result) => {
      if (!result.ok) return setLoaded({ status: 'failed', message: describeError(result.error) });
      setText(result.value.text);
      setLoaded({ status: 'ready', text: result.value.text, source: result.value.source });
    });
    void request('scenarios.history', { id }).then((result) => {
      if (result.ok) setHistory(result.value);
    });
  }, [id]);

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
    localStorage.setItem(AUTHOR_KEY, author.trim());
    const result = await request('scenarios.save', {
      id: savedId,
      text,
      ...(author.trim() ? { author: author.trim() } : {}),
    });
    if (!result.ok) {
      setOutcome({ ok: false, message: `Not saved. ${describeError(result.error)}` });
      return;
    }
    setSavedId(result.value.id);
    setOutcome({
      ok: true,
      message: `Saved as revision ${result.value.revision.seq}. It is listed under Exercises.`,
    });
    const listed = await request('scenarios.history', { id: result.value.id });
    if (listed.ok) setHistory(listed.value);
  };

  if (loaded.status === 'loading') return <p role="status">Opening the scenario…</p>;
  if (loaded.status === 'failed')
    return (
      <div role="alert">
        <h1 id="page-title" tabIndex={-1}>
          The scenario could not be opened
        </h1>
        <p>{loaded.message}</p>
        <p>
          <a href={href.exercises}>← Exercises</a>
        </p>
      </div>
    );
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  return (
    <>
      <p>
        <a href={href.exercises}>← Exercises</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        {id === null ? 'Write a new scenario' : 'Edit scenario'}
      </h1>
      {loaded.source === 'bundled' && (
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
      <button
        type="button"
        className="button-primary"
        onClick={() => void save()}
        disabled={checking}
      >
        Save scenario
      </button>
      <OutcomeMessage outcome={outcome} />
      {history.length > 0 && (
        <section aria-labelledby="scenario-history-title">
          <h2 id="scenario-history-title">History</h2>
          <ol>
            {history.map((revision) => (
              <li key={revision.seq}>
                Revision {revision.seq}, {revision.savedAt.slice(0, 16).replace('T', ' ')} UTC, by{' '}
                <bdi>{revision.author}</bdi>
                {revision.message && (
                  <>
                    : <bdi>{revision.message}</bdi>
                  </>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
