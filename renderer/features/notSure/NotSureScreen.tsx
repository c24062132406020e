import { useEffect, useRef, useState } from 'react';
import type { RunbookLibrary } from '../../../main/contract/types';
import { href } from '../../useRoute';
import { FIRST_QUESTION, QUESTIONS, type QuestionId } from './questions';

/** A few plain questions, one at a time, that end at the runbook to follow. */
export function NotSureScreen({ library }: { library: RunbookLibrary }) {
  const [path, setPath] = useState<QuestionId[]>([FIRST_QUESTION]);
  const [result, setResult] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [path, result]);

  const current = path.at(-1) ?? FIRST_QUESTION;
  const question = QUESTIONS[current];
  const back = (): void => {
    if (result) setResult(null);
    else setPath((steps) => (steps.length > 1 ? steps.slice(0, -1) : steps));
  };
  const runbook = result ? library.runbooks.find((summary) => summary.id === result) : undefined;

  return (
    <>
      <p>
        <a href={href.home}>← What's happening?</a>
      </p>
      {result ? (
        <section aria-labelledby="page-title">
          <h1 id="page-title" tabIndex={-1} ref={heading}>
            Follow: {runbook?.title ?? result}
          </h1>
          {runbook && <p className="lead">{runbook.summary}</p>}
          <p className="not-sure-actions">
            <a className="button-link button-primary" href={href.startIncident(result)}>
              Start an incident with this runbook
            </a>{' '}
            <a className="button-link" href={href.runbook(result)}>
              Read it first
            </a>
          </p>
        </section>
      ) : (
        <section aria-labelledby="page-title">
          <p className="hint">Question {path.length}</p>
          <h1 id="page-title" tabIndex={-1} ref={heading}>
            {question.text}
          </h1>
          <ul className="answers">
            {question.answers.map((answer) => (
              <li key={answer.label}>
                <button
                  type="button"
                  className="answer"
                  onClick={() =>
                    'runbook' in answer
                      ? setResult(answer.runbook)
                      : setPath((steps) => [...steps, answer.next])
                  }
                >
                  {answer.label}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        {(path.length > 1 || result) && (
          <>
            <button type="button" onClick={back}>
              Back
            </button>{' '}
          </>
        )}
        <a href={href.all}>See every runbook instead</a>
      </p>
    </>
  );
}
