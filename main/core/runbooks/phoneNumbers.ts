/**
 * Phone numbers in runbook text. Numbers belong in contacts, where the provider can check and
 * change them and every step shows the same one; and a `tel:` link must show the very number it
 * dials, or the screen and the phone disagree (Trojan Source applied to phone numbers).
 */

/** Something that reads as a UK or international number: starts 0 or +, 9 to 15 digits. */
const NUMBER_LIKE = /(?<![\w+])(?:\+|0)[\d\s()-]{6,}\d/g;
const HAS_NUMBER_LIKE = new RegExp(NUMBER_LIKE.source);

/** The number a text or `tel:` address means, as digits with +44 written as the leading 0. */
export function dialledDigits(text: string): string {
  const compact = text.replace(/\(0\)/g, '').replace(/[^\d+]/g, '');
  if (compact.startsWith('+44')) return `0${compact.slice(3)}`;
  return compact.replace(/\+/g, '');
}

/** The digits a `tel:` link dials; markdown percent-encodes the spaces written in numbers. */
export function telLinkDigits(href: string): string {
  let address = href.slice('tel:'.length);
  try {
    address = decodeURIComponent(address);
  } catch {
    // A malformed escape: compare the raw text, which then differs and is reported.
  }
  // Anything after ; or , (an extension, a pause) is not part of the number shown.
  return dialledDigits(address.split(/[;,]/)[0] ?? '');
}

/** The phone numbers written in a piece of text, as written. */
export function phoneNumbersIn(text: string): string[] {
  // Most text has no number at all: one test, before building the list of matches.
  if (!HAS_NUMBER_LIKE.test(text)) return [];
  return [...text.matchAll(NUMBER_LIKE)]
    .map((match) => match[0].trim())
    .filter((number) => {
      const digits = number.replace(/\D/g, '').length;
      return digits >= 9 && digits <= 15;
    });
}
