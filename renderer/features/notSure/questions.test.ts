import { describe, expect, it } from 'vitest';
import { FIRST_QUESTION, QUESTIONS, type QuestionId } from './questions';

// The bundled runbook files, listed by the build tool at test time (nothing is read at run time).
const BUNDLED = new Set(
  Object.keys(import.meta.glob('../../../runbooks/*.md')).map((path) =>
    path.replace(/^.*\/|\.md$/g, ''),
  ),
);

describe('"Not sure" questions', () => {
  it('lead only to bundled runbooks, and every question can be reached', () => {
    expect(BUNDLED.size).toBeGreaterThan(15);
    const reached = new Set<QuestionId>([FIRST_QUESTION]);
    for (const question of Object.values(QUESTIONS)) {
      for (const answer of question.answers) {
        if ('runbook' in answer) expect(BUNDLED.has(answer.runbook), answer.runbook).toBe(true);
        else reached.add(answer.next);
      }
    }
    expect([...reached].sort()).toEqual(Object.keys(QUESTIONS).sort());
  });
});
