/** Stable failure codes; the renderer maps each to plain words and a next step. */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'UNKNOWN_CALL'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHORIZED'
  | 'NOT_AVAILABLE'
  | 'STORAGE_FAILED'
  | 'INTERNAL';

export interface ApiError {
  code: ErrorCode;
  message: string;
}

/** What every call returns: nothing throws across a transport. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, message: string): { ok: false; error: ApiError } => ({
  ok: false,
  error: { code, message },
});
