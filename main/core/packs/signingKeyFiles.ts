/**
 * Key files carry the group's name on a first line before the PEM block (PEM readers skip text
 * before "-----BEGIN"), so a signed pack names its signer and a home adding the public key sees
 * whose it is without being told.
 */
const PRIVATE_LABEL = 'Holdfast pack signing key (keep private) for:';
const PUBLIC_LABEL = 'Holdfast pack public key for:';

export const privateKeyFileText = (name: string, pem: string): string =>
  `${PRIVATE_LABEL} ${name}\n${pem}`;
export const publicKeyFileText = (name: string, pem: string): string =>
  `${PUBLIC_LABEL} ${name}\n${pem}`;

/** The name written on a key file's first line, or null when it has none. */
export function nameInKeyFile(text: string): string | null {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  for (const label of [PRIVATE_LABEL, PUBLIC_LABEL])
    if (first.startsWith(label)) return first.slice(label.length).trim() || null;
  return null;
}

/** A file name made from a group's name: lower case letters, digits and hyphens. */
export const keyFileStem = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'signing-key';
