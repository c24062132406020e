import { expect, it } from 'vitest';
import { trialCount } from '../../main/core/__fixtures__/trialCounts';
import { createRng } from '../bench/prng';
import {
  describeFrontMatterFuzz,
  frontMatterDocument,
  runFrontMatterFuzz,
} from './frontMatterFuzz';

const SEED = 20_261_124;
const INPUTS = trialCount('frontMatterInputs');

it(`parses ${INPUTS} hostile runbook headers without a throw, a payload running or a prototype changing`, () => {
  const summary = runFrontMatterFuzz({ inputs: INPUTS, seed: SEED });
  for (const line of describeFrontMatterFuzz(summary)) console.log(line);

  expect(summary.examples).toEqual([]);
  expect(summary).toMatchObject({ inputs: INPUTS, failures: 0 });
  // Valid headers must come through as well, or the fuzzer only tests the refusals.
  expect(summary.accepted).toBeGreaterThan(INPUTS / 20);
}, 60_000);

it('generates every family of attack it claims to', () => {
  const texts = Array.from({ length: 2000 }, (_, trial) =>
    new TextDecoder().decode(frontMatterDocument(createRng(SEED + trial))),
  );
  for (const marker of [
    '---js',
    '!!js/function',
    '!!python/object',
    '!custom',
    '<<:',
    '__proto__',
    'constructor:',
    '&a',
    '*a',
    '\u0000',
    '\ufffd',
  ]) {
    expect(
      texts.some((text) => text.includes(marker)),
      marker,
    ).toBe(true);
  }
  expect(texts.some((text) => text.length > 16 * 1024)).toBe(true);
});
