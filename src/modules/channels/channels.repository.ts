import { and, count, countDistinct, desc, eq, gte, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { normalizeEmail } from '../../contracts/identity.js';
import { blindIndex, Sealed } from '../../platform/crypto/field-cipher.js';
import { mailAddresses, mailMessages, mailQuarantine, open311Clients } from './channels.schema.js';

/** The blind index that caps, the bounce list and sender look-ups compare (the address is encrypted). */
export const addressIndex = (address: string) => blindIndex(normalizeEmail(address));

export type MailMessageRow = typeof mailMessages.$inferSelect;
export type QuarantineRow = typeof mailQuarantine.$inferSelect;
export type Open311ClientRow = typeof open311Clients.$inferSelect;

/**
 * Records a mail sent or taken in (the clear address is encrypted here, with its blind index); a second
 * record of the same Message-ID and direction is ignored.
 */
export async function recordMail(
  db: Executor,
  values: Omit<typeof mailMessages.$inferInsert, 'address' | 'addressHash'> & { address: string },
): Promise<boolean> {
  const rows = await db
    .insert(mailMessages)
    .values({ ...values, address: Sealed.of(values.address), addressHash: addressIndex(values.address) })
    .onConflictDoNothing({ target: [mailMessages.direction, mailMessages.messageId] })
    .returning({ id: mailMessages.id });
  return rows.length > 0;
}

export async function inboundMail(db: Executor, messageId: string): Promise<MailMessageRow | undefined> {
  const [row] = await db
    .select()
    .from(mailMessages)
    .where(and(eq(mailMessages.direction, 'in'), eq(mailMessages.messageId, messageId)))
    .limit(1);
  return row;
}

/** The first known mail (ours or the citizen's) among Message-IDs, with its report. */
export async function mailsByIds(db: Executor, ids: string[]): Promise<MailMessageRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(mailMessages).where(inArray(mailMessages.messageId, ids));
}

/** The mail that opened the report (to thread our answers under it in the citizen's mail program). */
export async function openingMail(db: Executor, reportId: string): Promise<MailMessageRow | undefined> {
  const [row] = await db
    .select()
    .from(mailMessages)
    .where(
      and(
        eq(mailMessages.reportId, reportId),
        eq(mailMessages.direction, 'in'),
        eq(mailMessages.kind, 'report'),
      ),
    )
    .limit(1);
  return row;
}

export async function automaticMailsSince(db: Executor, address: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(mailMessages)
    .where(
      and(
        eq(mailMessages.addressHash, addressIndex(address)),
        eq(mailMessages.direction, 'out'),
        eq(mailMessages.automatic, true),
        gte(mailMessages.at, since),
      ),
    );
  return row?.n ?? 0;
}

export async function isUndeliverable(db: Executor, address: string): Promise<boolean> {
  const [row] = await db
    .select({ at: mailAddresses.undeliverableAt })
    .from(mailAddresses)
    .where(eq(mailAddresses.addressHash, addressIndex(address)))
    .limit(1);
  return !!row?.at;
}

export async function markUndeliverable(db: Executor, address: string, at: Date, reason: string) {
  await db
    .insert(mailAddresses)
    .values({ address: Sealed.of(address), addressHash: addressIndex(address), undeliverableAt: at, reason })
    .onConflictDoUpdate({ target: mailAddresses.addressHash, set: { undeliverableAt: at, reason } });
}

/** A person who writes to us again is reachable again. */
export async function clearUndeliverable(db: Executor, address: string) {
  await db
    .update(mailAddresses)
    .set({ undeliverableAt: null, reason: null })
    .where(eq(mailAddresses.addressHash, addressIndex(address)));
}

export async function quarantine(db: Executor, values: typeof mailQuarantine.$inferInsert) {
  const [row] = await db
    .insert(mailQuarantine)
    .values(values)
    .onConflictDoUpdate({ target: mailQuarantine.sha256, set: { reason: values.reason } })
    .returning();
  return row!;
}

export async function quarantinedMail(db: Executor, id: string): Promise<QuarantineRow | undefined> {
  const [row] = await db.select().from(mailQuarantine).where(eq(mailQuarantine.id, id)).limit(1);
  return row;
}

export async function listQuarantine(db: Executor, status: string | undefined, limit: number) {
  return db
    .select({
      id: mailQuarantine.id,
      receivedAt: mailQuarantine.receivedAt,
      size: mailQuarantine.size,
      reason: mailQuarantine.reason,
      status: mailQuarantine.status,
      fromAddress: mailQuarantine.fromAddress,
      subject: mailQuarantine.subject,
      reportId: mailQuarantine.reportId,
      resolvedAt: mailQuarantine.resolvedAt,
    })
    .from(mailQuarantine)
    .where(status ? eq(mailQuarantine.status, status) : undefined)
    .orderBy(desc(mailQuarantine.receivedAt))
    .limit(limit);
}

export async function resolveQuarantine(
  db: Executor,
  id: string,
  values: {
    status: 'processed' | 'discarded';
    reportId: string | null;
    resolvedAt: Date;
    resolvedBy: string | null;
  },
) {
  const [row] = await db
    .update(mailQuarantine)
    .set(values)
    .where(and(eq(mailQuarantine.id, id), eq(mailQuarantine.status, 'held')))
    .returning();
  return row;
}

export async function insertOpen311Client(db: Executor, values: typeof open311Clients.$inferInsert) {
  const [row] = await db.insert(open311Clients).values(values).returning();
  return row!;
}

export async function open311ClientByHash(db: Executor, keyHash: string) {
  const [row] = await db
    .select()
    .from(open311Clients)
    .where(and(eq(open311Clients.keyHash, keyHash), isNull(open311Clients.revokedAt)))
    .limit(1);
  return row;
}

export async function listOpen311Clients(db: Executor) {
  return db.select().from(open311Clients).orderBy(desc(open311Clients.createdAt));
}

export async function revokeOpen311Client(db: Executor, id: string, at: Date) {
  const [row] = await db
    .update(open311Clients)
    .set({ revokedAt: at })
    .where(and(eq(open311Clients.id, id), isNull(open311Clients.revokedAt)))
    .returning();
  return row;
}

/** Reports one address opened by mail since a time (the per-sender cap against mail bombs). */
export async function reportsOpenedByMailSince(db: Executor, address: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: countDistinct(mailMessages.reportId) })
    .from(mailMessages)
    .where(
      and(
        eq(mailMessages.direction, 'in'),
        eq(mailMessages.addressHash, addressIndex(address)),
        inArray(mailMessages.kind, ['report', 'auto_reply']),
        gte(mailMessages.at, since),
      ),
    );
  return row?.n ?? 0;
}

/** The report of the newest mail an address sent us (where capped mail goes as a follow-up). */
export async function latestReportOfSender(db: Executor, address: string): Promise<string | undefined> {
  const [row] = await db
    .select({ reportId: mailMessages.reportId })
    .from(mailMessages)
    .where(
      and(
        eq(mailMessages.direction, 'in'),
        eq(mailMessages.addressHash, addressIndex(address)),
        isNotNull(mailMessages.reportId),
        inArray(mailMessages.kind, ['report', 'follow_up', 'auto_reply']),
      ),
    )
    .orderBy(desc(mailMessages.at))
    .limit(1);
  return row?.reportId ?? undefined;
}
