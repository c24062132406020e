import { expect, it } from 'vitest';
import { CALL_NAMES } from '../../main/contract/calls';
import { contract } from '../../main/contract/contract';
import { trialCount } from '../../main/core/__fixtures__/trialCounts';
import { createRng } from '../bench/prng';
import { describeApiFuzz, invalidPayload, payloadCase, runHttpFuzz, runIpcFuzz } from './apiFuzz';

const SEED = 20_261_125;
const IPC_PER_CALL = trialCount('apiIpcPerCall');
const HTTP_PER_CALL = trialCount('apiHttpPerCall');

it('refuses every mutation the fuzzer makes of a valid input, for every call', () => {
  for (const name of CALL_NAMES) {
    const rng = createRng(SEED);
    for (let trial = 0; trial < 50; trial += 1) {
      const { label, payload } = invalidPayload(rng, name);
      expect(contract[name].input.safeParse(payload).success, `${name}: ${label}`).toBe(false);
    }
  }
});

it(`never runs a handler on bad input over IPC: ${IPC_PER_CALL} payloads per call, and untrusted senders refused`, async () => {
  const summary = await runIpcFuzz({ perCall: IPC_PER_CALL, seed: SEED });
  for (const line of describeApiFuzz('ipc', summary)) console.log(line);

  expect(summary.examples).toEqual([]);
  expect(summary).toMatchObject({ failures: 0, badInputRuns: 0 });
  expect(summary.payloads).toBeGreaterThanOrEqual(CALL_NAMES.length * IPC_PER_CALL);
  // Some random values are valid input: the handler must then run (and got plain data).
  expect(summary.accepted).toBeGreaterThan(0);
}, 120_000);

it('sends over HTTP only payloads the contract refuses as the harness parses them', () => {
  for (const name of CALL_NAMES) {
    const rng = createRng(SEED);
    for (let trial = 0; trial < 20; trial += 1) {
      const { label, status, body } = payloadCase(rng, name, trial % 2 === 0);
      if (status === 413) continue;
      const text = Buffer.from(body ?? '').toString('utf8');
      expect(
        contract[name].input.safeParse(text === '' ? {} : JSON.parse(text)).success,
        `${name}: ${label}`,
      ).toBe(false);
    }
  }
});

it(`answers every bad HTTP request to the real core with its status and error code, runs no handler and changes no file: ${HTTP_PER_CALL} per call`, async () => {
  const summary = await runHttpFuzz({ perCall: HTTP_PER_CALL, seed: SEED });
  for (const line of describeApiFuzz('http', summary)) console.log(line);

  expect(summary.examples).toEqual([]);
  expect(summary).toMatchObject({
    payloads: CALL_NAMES.length * HTTP_PER_CALL,
    failures: 0,
    badInputRuns: 0,
    folderChanges: 0,
  });
}, 240_000);
