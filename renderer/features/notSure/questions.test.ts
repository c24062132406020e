import { describe, expect, it } from 'vitest';
import { FIRST_QUESTION, QUESTIONS, type QuestionId } from './questions';

// The bundled runbook files, listed by the build tool at test time (nothing is read at run time).
const BUNDLED = new Set(
  Object.keys(import.meta.glob('../../../runbooks/*.md')).map((path) =>
    path.replace(/^.*\/|\.md$/g, ''),
  ),
);

// Each bundled runbook's category, read from its front matter.
const CATEGORY_OF = new Map(
  Object.entries(
    import.meta.glob<string>('../../../runbooks/*.md', {
      query: '?raw',
      import: 'default',
      eager: true,
    }),
  ).map(([path, text]) => [path.replace(/^.*\/|\.md$/g, ''), /^category: *(\S+)/m.exec(text)?.[1]]),
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

  it('lead to every runbook for a kind of problem, so someone without the words still finds it', () => {
    const answered = new Set(
      Object.values(QUESTIONS).flatMap((question) =>
        question.answers.flatMap((answer) => ('runbook' in answer ? [answer.runbook] : [])),
      ),
    );
    const situations = [...CATEGORY_OF].filter(
      ([id, category]) => category && category !== 'guide' && id !== 'README',
    );
    expect(situations.length).toBeGreaterThanOrEqual(19);
    expect(situations.map(([id]) => id).filter((id) => !answered.has(id))).toEqual([]);
  });
});
