import type { ParsedMail } from 'mailparser';

/** Local parts that are machines, never people: no automatic answer goes to them (as Zammad's list). */
const MACHINE_SENDER = /^(mailer-daemon|postmaster|abuse|root|no-?reply|do-?not-?reply|bounces?)([+-.].*)?@/i;

export type LoopReason =
  | 'auto_submitted'
  | 'precedence'
  | 'auto_response_suppress'
  | 'mailing_list'
  | 'machine_sender'
  | 'own_address'
  | 'x_loop';

function header(mail: ParsedMail, name: string): string {
  const value = mail.headers.get(name);
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value);
  return String(value);
}

/** The sender's address, lower-case, or null. */
export function senderOf(mail: ParsedMail): string | null {
  const address = mail.from?.value.find((a) => a.address)?.address;
  return address ? address.trim().toLowerCase() : null;
}

/**
 * Why we must not answer this mail automatically (RFC 3834 and common practice), or null when a person
 * wrote it: Auto-Submitted other than "no", Precedence bulk/list/junk, X-Auto-Response-Suppress, any
 * List-* header, a machine sender (mailer-daemon, postmaster, no-reply…), our own addresses, X-Loop.
 */
export function loopReason(mail: ParsedMail, ownAddresses: readonly string[]): LoopReason | null {
  const sender = senderOf(mail);
  if (sender && ownAddresses.includes(sender)) return 'own_address';
  const auto = header(mail, 'auto-submitted').trim().toLowerCase();
  if (auto && !auto.startsWith('no')) return 'auto_submitted';
  if (/^(bulk|list|junk)\b/i.test(header(mail, 'precedence').trim())) return 'precedence';
  if (header(mail, 'x-auto-response-suppress').trim()) return 'auto_response_suppress';
  if (mail.headerLines.some((h) => h.key.startsWith('list-'))) return 'mailing_list';
  if (header(mail, 'x-loop').trim() || header(mail, 'x-autoreply').trim()) return 'x_loop';
  if (sender && MACHINE_SENDER.test(sender)) return 'machine_sender';
  return null;
}

const MSG_ID = /<[^<>\s]+>/g;

/** Message-IDs this mail answers: In-Reply-To first, then References from the newest. */
export function threadIds(mail: ParsedMail): string[] {
  const ids: string[] = [];
  const add = (v: string | string[] | undefined) => {
    for (const s of Array.isArray(v) ? v : v ? [v] : []) for (const m of s.match(MSG_ID) ?? []) ids.push(m);
  };
  add(mail.inReplyTo);
  add(Array.isArray(mail.references) ? [...mail.references].reverse() : mail.references);
  return [...new Set(ids)];
}

/**
 * A tracking code in a subject: the project's format (`[LA-7KQ2-M9XD]`, with or without brackets, any
 * case) for the profile's prefix, or the hotline style `[1022-7KQ2M9XD]`. Returns the code as stored.
 */
export function codeInSubject(subject: string | undefined, prefix: string): string | null {
  if (!subject) return null;
  const alphabet = '[2-9A-HJKMNP-TV-Z]';
  const own = new RegExp(`\\b${prefix}-(${alphabet}{4})-?(${alphabet}{4})\\b`, 'i');
  const hotline = new RegExp(`\\[1022[-#](${alphabet}{4})-?(${alphabet}{4})\\]`, 'i');
  const m = own.exec(subject) ?? hotline.exec(subject);
  return m ? `${prefix}-${m[1]!.toUpperCase()}-${m[2]!.toUpperCase()}` : null;
}

export interface BounceInfo {
  /** The Message-ID of our mail that could not be delivered, when the report quotes it. */
  originalMessageId: string | null;
  recipient: string | null;
  /** True for a permanent failure (Action: failed, Status 5.x.x). */
  permanent: boolean;
  status: string | null;
}

/**
 * Reads a delivery status notification (RFC 3464, multipart/report; report-type=delivery-status), or a
 * plainer bounce from a mailer daemon that quotes our headers. Null when the mail is not a bounce.
 */
export function bounceInfo(mail: ParsedMail): BounceInfo | null {
  const type = header(mail, 'content-type').toLowerCase();
  const sender = senderOf(mail) ?? '';
  const isReport = type.includes('multipart/report') && type.includes('delivery-status');
  const fromDaemon = /^(mailer-daemon|postmaster)@/i.test(sender);
  const parts = mail.attachments.map((a) => ({
    type: a.contentType.toLowerCase(),
    text: a.content.toString('utf8'),
  }));
  // mailparser shows a message/delivery-status part as text, so the fields may be in the body.
  const status = parts.find((p) => p.type === 'message/delivery-status')?.text ?? mail.text ?? '';
  if (!isReport && !fromDaemon) return null;
  const quoted =
    parts.find((p) => p.type === 'text/rfc822-headers' || p.type === 'message/rfc822')?.text ??
    (fromDaemon ? (mail.text ?? '') : '');
  const original = /^message-id:\s*(<[^<>\s]+>)/im.exec(quoted)?.[1] ?? null;
  const recipient =
    /^final-recipient:\s*rfc822;\s*<?([^\s<>]+@[^\s<>]+)>?/im.exec(status)?.[1]?.toLowerCase() ??
    /^original-recipient:\s*rfc822;\s*<?([^\s<>]+@[^\s<>]+)>?/im.exec(status)?.[1]?.toLowerCase() ??
    null;
  const action = /^action:\s*(\S+)/im.exec(status)?.[1]?.toLowerCase() ?? null;
  const code = /^status:\s*(\d\.\d{1,3}\.\d{1,3})/im.exec(status)?.[1] ?? null;
  if (!original && !recipient) return null;
  return {
    originalMessageId: original,
    recipient,
    permanent: action === 'failed' || (code?.startsWith('5.') ?? false),
    status: code,
  };
}

/** The text a person wrote: text/plain when there is one, else the HTML turned into text (mailparser). */
export function bodyText(mail: ParsedMail): string {
  return (mail.text ?? '')
    .replace(/\r\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A reply without the quoted mail below it ("On … wrote:", "> …" lines, Outlook's separator). */
export function stripQuoted(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    if (/^(On .+ wrote:|Vào .+ đã viết:|-----\s*Original Message\s*-----|From: .+)$/i.test(line.trim()))
      break;
    if (line.startsWith('>')) continue;
    out.push(line);
  }
  return out.join('\n').trim() || text.trim();
}
