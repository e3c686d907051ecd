import { ImapFlow } from 'imapflow';
import { recordChannelHealth } from './channel-health.js';
import type { ChannelsDeps } from '../channels-deps.js';
import { takeInMail, type MailOutcome } from './take-in-mail.js';

export interface PollResult {
  seen: number;
  outcomes: MailOutcome['outcome'][];
}

/** Largest mail taken in whole; a bigger one is quarantined by its headers (attachments are 50 MB at most). */
export const MAIL_MAX_BYTES = 60 * 1024 * 1024;

/** IMAP connection settings from IMAP_URL (`imap://user:pass@host:143`, `imaps://…:993`). */
export function imapOptions(url: string) {
  const u = new URL(url);
  const secure = u.protocol === 'imaps:';
  return {
    host: u.hostname,
    port: Number(u.port || (secure ? 993 : 143)),
    secure,
    auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) },
    logger: false as const,
    // A plaintext server on loopback (tests, a local relay) does not offer STARTTLS.
    doSTARTTLS: secure
      ? undefined
      : u.hostname === '127.0.0.1' || u.hostname === 'localhost'
        ? false
        : undefined,
  };
}

/**
 * Job: reads the unseen mail of the 1022 mailbox, one message at a time, oldest first. Each is taken in
 * (report, follow-up, bounce or quarantine) and only THEN flagged \Seen on the server: a crash between the
 * commit and the flag leaves the mail unseen, and taking it in again is harmless (idempotent by
 * Message-ID). An error that is not about the mail (database down) stops the round; the next one retries.
 */
export async function pollMailbox(deps: ChannelsDeps, url: string, mailbox: string): Promise<PollResult> {
  try {
    const result = await pollOnce(deps, url, mailbox);
    await recordChannelHealth(deps.database.db, 'imap', null, deps.now());
    return result;
  } catch (err) {
    // The mail stays unseen on the server: the next round (every minute, and the job's retries) takes it.
    await recordChannelHealth(deps.database.db, 'imap', err, deps.now());
    throw err;
  }
}

async function pollOnce(deps: ChannelsDeps, url: string, mailbox: string): Promise<PollResult> {
  const client = new ImapFlow(imapOptions(url));
  client.on('error', (err: Error) => deps.log.warn({ err: { message: err.message } }, 'imap error'));
  await client.connect();
  const result: PollResult = { seen: 0, outcomes: [] };
  try {
    const lock = await client.getMailboxLock(mailbox);
    try {
      const uids = (await client.search({ seen: false }, { uid: true })) || [];
      for (const uid of uids.sort((a, b) => a - b)) {
        const meta = await client.fetchOne(String(uid), { size: true }, { uid: true });
        if (!meta) continue;
        let raw: Buffer;
        if ((meta.size ?? 0) > MAIL_MAX_BYTES) {
          const head = await client.fetchOne(String(uid), { headers: true }, { uid: true });
          raw = Buffer.concat([
            head ? (head.headers ?? Buffer.alloc(0)) : Buffer.alloc(0),
            Buffer.from(`\r\n[mail of ${meta.size} bytes: body not taken in]\r\n`),
          ]);
        } else {
          const full = await client.fetchOne(String(uid), { source: true }, { uid: true });
          if (!full || !full.source) continue;
          raw = full.source;
        }
        const outcome = await takeInMail(deps, raw);
        await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
        result.seen++;
        result.outcomes.push(outcome.outcome);
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  if (result.seen) deps.log.info({ seen: result.seen, outcomes: result.outcomes }, 'mailbox polled');
  return result;
}
