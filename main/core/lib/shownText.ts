import { ok, type Result } from '../../contract/result';
import { withoutStrayHiddenCharactersDeep } from '../../shared/documentText';

/**
 * An incident's or exercise's answer as the screens show it: hidden characters someone typed
 * (kept in the log as evidence) are left out, as in every report, so the screen and the paper
 * read alike. The isolates round typed values inside a line of words are kept.
 */
export const shownText = <T>(result: Result<T>): Result<T> =>
  result.ok ? ok(withoutStrayHiddenCharactersDeep(result.value, AUTHORED)) : result;

/** Runbook snapshots and a scenario's brief and injects: authored content, left as it is. */
const AUTHORED: ReadonlySet<string> = new Set(['runbooks', 'brief', 'injects']);
