import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L, U: nothing to confuse on paper or on the phone.
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A tracking code such as `LA-7KQ2-M9XD`: the profile's prefix and eight random characters from a
 * 30-letter alphabet (about 6.6 × 10^11 codes, so they cannot be guessed), read in two groups of four.
 */
export function newTrackingCode(prefix: string): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return `${prefix}-${s.slice(0, 4)}-${s.slice(4)}`;
}

/** Normalises what a person typed or read out: case, spaces and dashes. */
export function normalizeTrackingCode(input: string): string {
  const compact = input.toUpperCase().replace(/[\s_.-]/g, '');
  const m = compact.match(/^([A-Z]{2,4})([0-9A-Z]{8})$/);
  if (!m) return input.trim().toUpperCase();
  return `${m[1]}-${m[2]!.slice(0, 4)}-${m[2]!.slice(4)}`;
}
