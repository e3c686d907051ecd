import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';
import { reportAttachments, reports } from '../feedback.schema.js';

export type AttachmentRow = typeof reportAttachments.$inferSelect;
export type NewAttachmentRow = typeof reportAttachments.$inferInsert;

export async function insertAttachment(tx: Executor, row: NewAttachmentRow): Promise<AttachmentRow> {
  const [inserted] = await tx.insert(reportAttachments).values(row).returning();
  return inserted!;
}

/** An attachment with the facts about its report that access checks need (null while unclaimed). */
export async function findAttachmentWithReport(db: Executor, id: string) {
  const [row] = await db
    .select({
      attachment: reportAttachments,
      reportStatus: reports.status,
      reportAgencyId: reports.agencyId,
      reporterUserId: reports.reporterUserId,
    })
    .from(reportAttachments)
    .leftJoin(reports, eq(reports.id, reportAttachments.reportId))
    .where(eq(reportAttachments.id, id))
    .limit(1);
  return row;
}

/** The rows, locked until the transaction ends, so two reports cannot claim the same file. */
export async function lockAttachments(tx: Executor, ids: string[]): Promise<AttachmentRow[]> {
  if (ids.length === 0) return [];
  return tx.select().from(reportAttachments).where(inArray(reportAttachments.id, ids)).for('update');
}

export async function lockAttachment(tx: Executor, id: string): Promise<AttachmentRow | undefined> {
  const [row] = await tx
    .select()
    .from(reportAttachments)
    .where(eq(reportAttachments.id, id))
    .limit(1)
    .for('update');
  return row;
}

export async function countAttachmentsOf(
  tx: Executor,
  reportId: string,
  purpose: 'report' | 'answer',
): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(reportAttachments)
    .where(and(eq(reportAttachments.reportId, reportId), eq(reportAttachments.purpose, purpose)));
  return Number(row?.n ?? 0);
}

/** Sets the report on still-unclaimed rows; returns how many were claimed. */
export async function claimRows(
  tx: Executor,
  ids: string[],
  reportId: string,
  purpose: 'report' | 'answer',
): Promise<number> {
  const rows = await tx
    .update(reportAttachments)
    .set({ reportId, purpose, uploadToken: null })
    .where(and(inArray(reportAttachments.id, ids), isNull(reportAttachments.reportId)))
    .returning({ id: reportAttachments.id });
  return rows.length;
}

export async function setHidden(tx: Executor, id: string, hidden: boolean): Promise<void> {
  await tx.update(reportAttachments).set({ hidden }).where(eq(reportAttachments.id, id));
}

export async function findAttachment(db: Executor, id: string): Promise<AttachmentRow | undefined> {
  const [row] = await db.select().from(reportAttachments).where(eq(reportAttachments.id, id)).limit(1);
  return row;
}

export async function setRedaction(
  tx: Executor,
  id: string,
  values: Pick<NewAttachmentRow, 'redactedKey' | 'redactedThumbnailKey' | 'redactions'>,
): Promise<void> {
  await tx.update(reportAttachments).set(values).where(eq(reportAttachments.id, id));
}
