/**
 * How a browser page gets into the web harness, shared by the harness and its page. Plain
 * constants, no imports: the renderer loads this.
 */

/** The query parameter of a harness address: a one-time code, never the credential itself. */
export const HARNESS_CODE_PARAM = 'code';

/** Where the page trades the one-time code (POST, JSON `{ code }`) for its session cookie. */
export const HARNESS_SESSION_PATH = '/session';
