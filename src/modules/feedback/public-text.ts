/**
 * What of a citizen's own words and place may appear on public pages and feeds (the published answers, the
 * public JSON API, Open311). Reporters write their phone number, e-mail or ID card number into the text
 * ("gọi tôi 0909 123 456"); those are masked wherever the text is public, while staff and the reporter
 * keep the text as sent. The agency's answer is not masked (it quotes hotlines on purpose).
 */

// An e-mail address.
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// A Vietnamese phone number: 0 or (+)84, then 8–10 more digits, grouped with spaces, dots or dashes (not
// the tail of an amount like 15.000.000.000).
const PHONE = /(?<![\p{N}\p{L}]|\d[.,])(?:\+\s?84|84|0)(?:[\s.-]?\d){8,10}(?!\d)/gu;
// What is left of long digit runs (ID cards of 9 or 12 digits, bank accounts grouped by spaces); not amounts
// written with dots between thousands.
const LONG_NUMBER = /(?<![\d.,])\d(?: ?\d){8,}(?![\d.,]\d)/g;

export const MASK = {
  email: '[email đã ẩn]',
  phone: '[số điện thoại đã ẩn]',
  number: '[số giấy tờ đã ẩn]',
} as const;

/** The text with e-mail addresses, phone numbers and long identity numbers masked. */
export function maskContacts(text: string): string;
export function maskContacts(text: string | null): string | null;
export function maskContacts(text: string | null): string | null {
  if (!text) return text;
  return text.replace(EMAIL, MASK.email).replace(PHONE, MASK.phone).replace(LONG_NUMBER, MASK.number);
}

/**
 * A public search without the contact data in it: searching the published answers for a phone number or
 * an e-mail must not tell who reported (the masked text would not show it, the search index still holds it).
 */
export function withoutContacts(query: string): string {
  return query.replace(EMAIL, ' ').replace(PHONE, ' ').replace(LONG_NUMBER, ' ').replace(/\s+/g, ' ').trim();
}

/** A report's point rounded to about 100 m: enough to find the pothole, not the reporter's doorstep. */
export function publicPoint(lat: number, lon: number): { lat: number; lon: number } {
  return { lat: Math.round(lat * 1000) / 1000, lon: Math.round(lon * 1000) / 1000 };
}
