import type { ApiError } from '../../main/contract/result';
import { describeError } from '../errors';

/** A screen whose data could not be loaded: what happened, in plain words, and a way to try again. */
export function LoadFailed({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: ApiError;
  onRetry: () => void;
}) {
  return (
    <div role="alert">
      <h1 id="page-title" tabIndex={-1}>
        {title}
      </h1>
      <p>{describeError(error)}</p>
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
