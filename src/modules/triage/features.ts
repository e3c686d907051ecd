import { normalize } from './normalize.js';

/** Number of hashed feature buckets (2^18): small enough for a dense table, large enough to avoid most collisions. */
export const FEATURE_BITS = 18;
const MASK = (1 << FEATURE_BITS) - 1;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a 32-bit state after feeding a string's UTF-16 code units (no allocation). */
function feed(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** FNV-1a of a string with a seed per feature family, masked to a bucket. */
function hash(s: string, seed: number): number {
  return (feed((FNV_OFFSET ^ seed) >>> 0, s) >>> 0) & MASK;
}

/** The same hash as hash(a + ' ' + b, seed), without building the string. */
function hashPair(a: string, b: string, seed: number): number {
  return (feed(Math.imul(feed((FNV_OFFSET ^ seed) >>> 0, a) ^ 32, FNV_PRIME), b) >>> 0) & MASK;
}

const LT = 60; // '<'
const GT = 62; // '>'

/** Code unit `i` of `<word>` without building it. */
function paddedAt(w: string, i: number): number {
  return i === 0 ? LT : i === w.length + 1 ? GT : w.charCodeAt(i - 1);
}

/** The same hash as hash(`<${w}>`.slice(j, j + n), seed). */
function hashGram(w: string, j: number, n: number, seed: number): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = j; i < j + n; i++) h = Math.imul(h ^ paddedAt(w, i), FNV_PRIME);
  return (h >>> 0) & MASK;
}

/**
 * Hashed features of a report's text: word unigrams and bigrams of the plain form (no diacritics,
 * abbreviations expanded), character 3- and 4-grams inside words (robust to typos), and unigrams with
 * diacritics when the writer used them. The title counts twice: it is the summary the writer chose.
 * Returns bucket → count.
 */
export function extractFeatures(title: string, body: string): Map<number, number> {
  const out = new Map<number, number>();
  const add = (h: number, w: number) => out.set(h, (out.get(h) ?? 0) + w);
  addText(normalize(title), add, 2);
  addText(normalize(body), add, 1);
  return out;
}

function addText(n: ReturnType<typeof normalize>, add: (h: number, w: number) => void, weight: number): void {
  const words = n.words;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    add(hash(w, 1), weight);
    if (i > 0) add(hashPair(words[i - 1]!, w, 2), weight);
    if (w.length >= 3 && !/^\d+$/.test(w)) {
      const padded = w.length + 2;
      for (let j = 0; j + 3 <= padded; j++) add(hashGram(w, j, 3, 3), weight * 0.5);
      for (let j = 0; j + 4 <= padded; j++) add(hashGram(w, j, 4, 4), weight * 0.5);
    }
  }
  for (const w of n.keptWords) if (/[^a-z0-9]/.test(w)) add(hash(w, 5), weight * 0.5);
}
