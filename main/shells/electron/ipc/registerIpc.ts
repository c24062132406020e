import { CALL_NAMES, ipcChannel } from '../../../contract/calls';
import type { Handlers } from '../../../contract/contract';
import { dispatch } from '../../../contract/dispatch';
import { fail, type Result } from '../../../contract/result';
import { hasOrigin } from '../appOrigin';
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';

/** The frame fields the sender check reads. */
export type SenderFrame = Pick<WebFrameMain, 'url' | 'parent'>;

/**
 * True only for the top-level frame of a page on the app's origin. Any frame can send IPC, so
 * an injected iframe, a file:// page or a lookalike host must not reach the core.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, appOrigin: string): boolean {
  if (!frame) return false;
  // Reading a frame that has navigated away or closed can throw: such a sender is unknown.
  try {
    return frame.parent === null && hasOrigin(frame.url, appOrigin);
  } catch {
    return false;
  }
}

/** What registerIpc needs besides ipcMain. */
export interface RegisterIpcOptions {
  handlers: Handlers;
  /** `app://bundle`, or the dev server's origin in development. */
  appOrigin: string;
  log?: (message: string, error?: unknown) => void;
}

const FORBIDDEN_MESSAGE = 'This window is not allowed to talk to Holdfast.';

function senderFrameOf(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): SenderFrame | null {
  // The getter throws for a frame that has already gone away: such a sender is unknown.
  try {
    return event.senderFrame;
  } catch {
    return null;
  }
}

/**
 * Registers one `ipcMain.handle` per contract call. Each handler checks the sender first, then
 * goes through `dispatch` (zod validation, then the core); it always resolves to a Result.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, options: RegisterIpcOptions): void {
  const log = options.log ?? (() => {});
  for (const name of CALL_NAMES) {
    ipcMain.handle(ipcChannel(name), async (event, input: unknown): Promise<Result<unknown>> => {
      try {
        if (!isTrustedSender(senderFrameOf(event), options.appOrigin)) {
          log(`Refused ${name} from an untrusted frame`);
          return fail('FORBIDDEN', FORBIDDEN_MESSAGE);
        }
        return await dispatch(options.handlers, name, input, (callName, error) =>
          log(`${callName} failed`, error),
        );
      } catch (error: unknown) {
        log(`${name} failed outside the core`, error);
        return fail(
          'INTERNAL',
          'Something went wrong inside Holdfast. Your saved work is safe; try again.',
        );
      }
    });
  }
}
