/** A value that survives JSON unchanged: no undefined, functions, NaN, Infinity or class instances. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Serialises a JSON value in one fixed form: object keys sorted by UTF-16 code unit, no
 * whitespace, strings and numbers as JSON.stringify writes them. Equal values give equal strings,
 * so a hash over this form does not depend on key order or formatting. Throws on anything that
 * JSON cannot carry exactly (undefined, NaN, Infinity, functions, class instances), because
 * silently dropping or rewriting it would make the hash cover something other than the record.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string')
    return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
}
