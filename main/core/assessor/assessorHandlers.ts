import type { EvidencePeriod } from '../../contract/assessorTypes';
import type { CallInput, Handlers } from '../../contract/contract';
import { ok, type Result } from '../../contract/result';
import type { Runbook } from '../../contract/types';
import { runbooksInUse } from '../runbooks/library';
import { lastTwelveMonths } from './evidencePeriod';
import { reviewedBy } from './reviewedBy';
import { evidenceZip, type FolderExport } from './evidenceZip';
import { gatherEvidence, reportFileOf, wasHeldIn, wasOpenDuring } from './gatherEvidence';

/** The other domains' read calls the evidence is made from: it decides nothing they decide. */
type Reads = Pick<
  Handlers,
  | 'settings.get'
  | 'runbooks.history'
  | 'runbooks.revision'
  | 'runbooks.source'
  | 'exercises.list'
  | 'exercises.get'
  | 'exercises.report'
  | 'exercises.exportFiles'
  | 'incidents.list'
  | 'incidents.get'
  | 'incidents.document'
  | 'incidents.exportFiles'
>;

export interface AssessorSources {
  reads: Reads;
  runbooks: () => ReadonlyMap<string, Runbook>;
  now: () => Date;
}

/** A failed read, carried up as it is; anything else is the value. */
class ReadFailed extends Error {
  constructor(readonly result: Result<never>) {
    super('read failed');
  }
}
function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new ReadFailed(result);
  return result.value;
}
async function answering<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await work());
  } catch (error: unknown) {
    if (error instanceof ReadFailed) return error.result;
    throw error;
  }
}

const periodOf = (input: CallInput<'assessor.document'>, now: Date): EvidencePeriod => {
  const fallback = lastTwelveMonths(now);
  return { from: input.from ?? fallback.from, to: input.to ?? fallback.to };
};

const fromBase64 = (base64: string): Uint8Array => new Uint8Array(Buffer.from(base64, 'base64'));

/**
 * `assessor.document` and `assessor.files`: the evidence for a chosen period (the last 12 months
 * unless asked otherwise), as a document and as a zip of the files under it.
 */
export function assessorHandlers(
  sources: AssessorSources,
): Pick<Handlers, 'assessor.document' | 'assessor.files'> {
  const { reads } = sources;

  const gather = async (period: EvidencePeriod, now: Date) => {
    const settings = valueOf(await reads['settings.get']({}));
    const runbooks = runbooksInUse(sources.runbooks().values(), settings.providerType);
    const [exercises, incidents] = await Promise.all([
      reads['exercises.list']({}).then(valueOf),
      reads['incidents.list']({}).then(valueOf),
    ]);
    const held = exercises.filter((exercise) => wasHeldIn(exercise, period));
    const open = incidents.filter((incident) => wasOpenDuring(incident, period));
    const evidence = gatherEvidence({
      period,
      now,
      organisationName: settings.organisationName,
      runbooks: await Promise.all(
        runbooks.map(async (runbook) => {
          const history = valueOf(await reads['runbooks.history']({ id: runbook.id }));
          const read = async (seq: number): Promise<string | null> => {
            const revision = await reads['runbooks.revision']({ id: runbook.id, seq });
            return revision.ok ? revision.value.text : null;
          };
          return {
            runbook,
            history,
            reviewedBy: await reviewedBy(runbook.reviewed, history, read),
          };
        }),
      ),
      exercises: await Promise.all(
        held.map(async ({ id }) => valueOf(await reads['exercises.get']({ id }))),
      ),
      incidents: await Promise.all(
        open.map(async ({ id }) => valueOf(await reads['incidents.get']({ id }))),
      ),
    });
    return { evidence, runbooks };
  };

  return {
    'assessor.document': async (input) =>
      answering(async () => {
        const now = sources.now();
        return (await gather(periodOf(input, now), now)).evidence;
      }),
    'assessor.files': async (input) =>
      answering(async () => {
        const now = sources.now();
        const { evidence, runbooks } = await gather(periodOf(input, now), now);
        const reports = [
          ...(await Promise.all(
            evidence.exercises.map(async ({ id }) => ({
              path: reportFileOf('exercise', id),
              markdown: valueOf(await reads['exercises.report']({ id })).markdown,
            })),
          )),
          ...(await Promise.all(
            evidence.incidents.map(async ({ id }) => ({
              path: reportFileOf('incident', id),
              markdown: valueOf(await reads['incidents.document']({ id, kind: 'report' })).markdown,
            })),
          )),
        ];
        const folders: FolderExport[] = [
          ...(await Promise.all(
            evidence.exercises.map(async ({ id }) => ({
              folder: `exercises/${id}`,
              zip: fromBase64(valueOf(await reads['exercises.exportFiles']({ id })).base64),
            })),
          )),
          ...(await Promise.all(
            evidence.incidents.map(async ({ id }) => ({
              folder: `incidents/${id}`,
              zip: fromBase64(valueOf(await reads['incidents.exportFiles']({ id })).base64),
            })),
          )),
        ];
        const { zip, count } = evidenceZip({
          period: evidence.period,
          made: now,
          document: evidence,
          runbooks: await Promise.all(
            runbooks.map(async ({ id }) => ({
              id,
              text: valueOf(await reads['runbooks.source']({ id })).text,
            })),
          ),
          reports,
          folders,
        });
        return {
          filename: evidence.filename.replace(/\.md$/, '.zip'),
          mimeType: 'application/zip' as const,
          base64: Buffer.from(zip).toString('base64'),
          count,
        };
      }),
  };
}
