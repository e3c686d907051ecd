import { timingSafeEqual } from 'node:crypto';
import type { Executor } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/http/problem.js';
import { MAX_ATTACHMENTS_PER_REPORT } from './attachment-deps.js';
import * as repo from './attachments.repository.js';

export interface UploadProof {
  /** Tokens returned by POST /uploads to whoever sent the files. */
  uploadTokens?: string[];
  /** The signed-in person, who may claim the files they uploaded themselves. */
  userId?: string | null;
}

function refuse(message: string): AppError {
  return new AppError('validation', {}, [{ path: 'body.attachmentIds', message }]);
}

function tokenMatches(stored: string | null, offered: Buffer[]): boolean {
  if (!stored) return false;
  const s = Buffer.from(stored);
  return offered.some((o) => o.length === s.length && timingSafeEqual(o, s));
}

/**
 * Attaches uploaded files to a report (or its answer) inside the caller's transaction. Each file must be
 * known, not yet attached anywhere, and proven: its upload token was sent back, or the same signed-in
 * person uploaded it. Any refusal throws before anything is written, and the caller's transaction rolls
 * back the rest. At most 10 files per report and purpose.
 */
export async function claimAttachments(
  tx: Executor,
  reportId: string,
  ids: string[],
  proof: UploadProof,
  purpose: 'report' | 'answer',
): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  if (unique.length > MAX_ATTACHMENTS_PER_REPORT) {
    throw refuse(`Tối đa ${MAX_ATTACHMENTS_PER_REPORT} tệp / At most ${MAX_ATTACHMENTS_PER_REPORT} files`);
  }
  const rows = await repo.lockAttachments(tx, unique);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const offered = (proof.uploadTokens ?? []).filter((t) => t.length > 0).map((t) => Buffer.from(t));
  for (const id of unique) {
    const row = byId.get(id);
    if (!row) throw refuse(`Tệp đính kèm không tồn tại / Unknown attachment ${id}`);
    if (row.reportId)
      throw refuse(`Tệp đính kèm đã được gắn với phản ánh khác / Attachment ${id} is already attached`);
    const proven =
      tokenMatches(row.uploadToken, offered) || (!!proof.userId && row.uploadedBy === proof.userId);
    if (!proven) throw refuse(`Tệp đính kèm không thuộc về bạn / Attachment ${id} was not uploaded by you`);
  }
  const existing = await repo.countAttachmentsOf(tx, reportId, purpose);
  if (existing + unique.length > MAX_ATTACHMENTS_PER_REPORT) {
    throw refuse(`Tối đa ${MAX_ATTACHMENTS_PER_REPORT} tệp / At most ${MAX_ATTACHMENTS_PER_REPORT} files`);
  }
  const claimed = await repo.claimRows(tx, unique, reportId, purpose);
  if (claimed !== unique.length)
    throw refuse('Tệp đính kèm vừa được gắn nơi khác / Attachment claimed concurrently');
}
