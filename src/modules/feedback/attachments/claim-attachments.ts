import { and, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/http/problem.js';
import { reportAttachments } from '../feedback.schema.js';

/** Attaches uploaded files to a report inside the caller's transaction; refuses any it cannot prove. */
export async function claimAttachments(
  tx: Executor,
  reportId: string,
  ids: string[],
  proof: { uploadTokens?: string[]; userId?: string | null },
  purpose: 'report' | 'answer',
): Promise<void> {
  const unique = [...new Set(ids)];
  const rows = await tx
    .select()
    .from(reportAttachments)
    .where(and(inArray(reportAttachments.id, unique), isNull(reportAttachments.reportId)));
  const tokens = new Set(proof.uploadTokens ?? []);
  const ok = rows.filter((r) => (r.uploadToken && tokens.has(r.uploadToken)) || (proof.userId && r.uploadedBy === proof.userId));
  if (ok.length !== unique.length) {
    throw new AppError('validation', {}, [{ path: 'body.attachmentIds', message: 'Tệp đính kèm không tồn tại hoặc không thuộc về bạn / Unknown attachment' }]);
  }
  await tx.update(reportAttachments).set({ reportId, purpose, uploadToken: null }).where(inArray(reportAttachments.id, unique));
}
