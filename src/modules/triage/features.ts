import { normalize } from './normalize.js';

/** Number of hashed feature buckets (2^18): small enough for a dense table, large enough to avoid most collisions. */
export const FEATURE_BITS = 18;
const MASK = (1 << FEATURE_BITS) - 1;

/** FNV-1a 32-bit over a string's UTF-16 code units, with a seed per feature family. */
function hash(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
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
    if (i > 0) add(hash(words[i - 1]! + ' ' + w, 2), weight);
    if (w.length >= 3 && !/^\d+$/.test(w)) {
      const padded = `<${w}>`;
      for (let j = 0; j + 3 <= padded.length; j++) add(hash(padded.slice(j, j + 3), 3), weight * 0.5);
      for (let j = 0; j + 4 <= padded.length; j++) add(hash(padded.slice(j, j + 4), 4), weight * 0.5);
    }
  }
  for (const w of n.keptWords) if (/[^a-z0-9]/.test(w)) add(hash(w, 5), weight * 0.5);
}
