/**
 * `{{kind:key}}`, the only placeholder syntax in runbooks. A key is a slug, optionally followed
 * by one `.field` (`{{system:emar.paper-location}}`).
 */
export const PLACEHOLDER_RE =
  /\{\{\s*([a-z]+)\s*:\s*([a-z0-9][a-z0-9-]{0,63}(?:\.[a-z0-9][a-z0-9-]{0,63})?)\s*\}\}/g;
