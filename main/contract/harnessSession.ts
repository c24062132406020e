/**
 * How a browser page gets into the web harness, shared by the harness and its page. Plain
 * constants, no imports: the renderer loads this.
 */

/**
 * The query parameter of a harness address: a one-time code, never the credential itself. The
 * harness spends it on the page's own response, which sets the session cookie.
 */
export const HARNESS_CODE_PARAM = 'code';
