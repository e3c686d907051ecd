import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';
import { authorize, type Principal } from '../../identity/index.js';
import type { ChannelsDeps } from '../channels-deps.js';
import { channelHealth } from '../channels.schema.js';

export type MailChannel = 'imap' | 'smtp';

export interface ChannelHealthView {
  channel: MailChannel;
  ok: boolean;
  lastOkAt: string | null;
  failingSince: string | null;
  lastError: string | null;
  checkedAt: string;
}

/** nodemailer's codes for "the server could not be reached or refused us", as opposed to one bad mail. */
const SMTP_SERVER_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'EAUTH',
  'ETLS',
  'EPROTOCOL',
]);

/** Whether an SMTP failure is about the server (the channel is failing) rather than one message. */
export function isSmtpServerFailure(err: unknown): boolean {
  const e = err as { code?: string; responseCode?: number };
  return SMTP_SERVER_CODES.has(e.code ?? '') || (e.responseCode !== undefined && e.responseCode === 421);
}

/** A failure of our own database (drizzle's wrapper, or pg's server error): not the mail server's. */
function isDatabaseError(err: unknown): boolean {
  const e = err as { name?: string; severity?: unknown; query?: unknown };
  return e.name === 'DrizzleQueryError' || e.severity !== undefined || typeof e.query === 'string';
}

/** An error message fit to show staff: no credentials from a URL, one line, bounded. */
function safeMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message
    .replace(/\/\/[^@/\s]*@/g, '//***@')
    .replace(/\s+/g, ' ')
    .slice(0, 300);
}

/**
 * Records that a mail server answered (`error` null) or failed. A success after success rewrites the row at
 * most once a minute (one cheap statement per mail otherwise). Nothing is recorded when the failure is the
 * database's own: there is nowhere to write it, and it is not the channel's fault.
 */
export async function recordChannelHealth(
  db: Executor,
  channel: MailChannel,
  error: unknown,
  now: Date,
): Promise<void> {
  if (error && isDatabaseError(error)) return;
  try {
    if (!error) {
      await db
        .insert(channelHealth)
        .values({ channel, ok: true, lastOkAt: now, checkedAt: now })
        .onConflictDoUpdate({
          target: channelHealth.channel,
          set: { ok: true, lastOkAt: now, failingSince: null, lastError: null, checkedAt: now },
          setWhere: sql`not ${channelHealth.ok} or ${channelHealth.checkedAt} < ${now}::timestamptz - interval '1 minute'`,
        });
      return;
    }
    await db
      .insert(channelHealth)
      .values({ channel, ok: false, failingSince: now, lastError: safeMessage(error), checkedAt: now })
      .onConflictDoUpdate({
        target: channelHealth.channel,
        set: {
          ok: false,
          failingSince: sql`coalesce(${channelHealth.failingSince}, excluded.failing_since)`,
          lastError: safeMessage(error),
          checkedAt: now,
        },
      });
  } catch {
    // The health row is a convenience: failing to write it must not hide the real outcome.
  }
}

/** Staff view of the mail servers' state (those that were used at least once). */
export async function listChannelHealth(
  deps: ChannelsDeps,
  p: Principal | null,
): Promise<{ items: ChannelHealthView[] }> {
  authorize(p, 'reports.triage');
  const rows = await deps.database.db.select().from(channelHealth).orderBy(channelHealth.channel);
  return {
    items: rows.map((r) => ({
      channel: r.channel as MailChannel,
      ok: r.ok,
      lastOkAt: r.lastOkAt?.toISOString() ?? null,
      failingSince: r.failingSince?.toISOString() ?? null,
      lastError: r.lastError,
      checkedAt: r.checkedAt.toISOString(),
    })),
  };
}
