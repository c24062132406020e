import { expect, it } from 'vitest';
import { CALL_NAMES } from '../../main/contract/calls';
import { contract } from '../../main/contract/contract';
import { createRng } from '../bench/prng';
import { describeApiFuzz, invalidPayload, runHttpFuzz, runIpcFuzz } from './apiFuzz';

const SEED = 20_261_125;

it('refuses every mutation the fuzzer makes of a valid input, for every call', () => {
  for (const name of CALL_NAMES) {
    const rng = createRng(SEED);
    for (let trial = 0; trial < 50; trial += 1) {
      const { label, payload } = invalidPayload(rng, name);
      expect(contract[name].input.safeParse(payload).success, `${name}: ${label}`).toBe(false);
    }
  }
});

it('never runs a handler on bad input over IPC: 1,000 payloads per call, and untrusted senders refused', async () => {
  const summary = await runIpcFuzz({ perCall: 1000, seed: SEED });
  for (const line of describeApiFuzz('ipc', summary)) console.log(line);

  expect(summary.examples).toEqual([]);
  expect(summary).toMatchObject({ failures: 0, badInputRuns: 0 });
  expect(summary.payloads).toBeGreaterThanOrEqual(CALL_NAMES.length * 1000);
  // Some random values are valid input: the handler must then run (and got plain data).
  expect(summary.accepted).toBeGreaterThan(0);
}, 120_000);

it('answers every bad HTTP request with its status code and never runs a handler: 50 per call', async () => {
  const summary = await runHttpFuzz({ perCall: 50, seed: SEED });
  for (const line of describeApiFuzz('http', summary)) console.log(line);

  expect(summary.examples).toEqual([]);
  expect(summary).toMatchObject({ payloads: CALL_NAMES.length * 50, failures: 0, badInputRuns: 0 });
}, 120_000);
