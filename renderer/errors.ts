import type { ApiError, ErrorCode } from '../main/contract/result';

const PLAIN: Record<ErrorCode, string> = {
  INVALID_INPUT: 'Holdfast did not understand that request.',
  UNKNOWN_CALL: 'This version of Holdfast cannot do that.',
  NOT_FOUND: 'That could not be found. It may have been renamed or removed.',
  FORBIDDEN: 'That is not allowed.',
  UNAUTHORIZED: 'This page has lost its connection to Holdfast. Close it and open Holdfast again.',
  NOT_AVAILABLE: 'That is not available right now.',
  STORAGE_FAILED: 'Holdfast could not save. Check there is free disk space, then try again.',
  INTERNAL: 'Something went wrong inside Holdfast. Your saved work is safe; try again.',
};

/** A plain-English sentence for a failed call, with the detail the core gave. */
export function describeError(error: ApiError): string {
  if (error.code === 'NOT_FOUND') return `${PLAIN.NOT_FOUND} (${error.message})`;
  // The core words these for the person using the app, with the next step to take.
  if ((error.code === 'STORAGE_FAILED' || error.code === 'FORBIDDEN') && error.message)
    return error.message;
  return PLAIN[error.code];
}
