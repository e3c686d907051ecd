import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import { authorize, type Principal } from '../../identity/index.js';
import type { AttachmentDeps } from './attachment-deps.js';
import * as repo from './attachments.repository.js';

/**
 * Hides (or shows again) a file attached to a report: IOC operators (permission `reports.triage`).
 * This is how the moderator redacts a photo that shows faces, number plates or other personal data: the
 * file is kept for staff (triage and handling agencies still see it) but never served publicly, and the
 * reporter's own view leaves it out. Writes an audit row; the report's timeline event is the caller's.
 */
export async function setAttachmentHidden(
  deps: AttachmentDeps,
  p: Principal | null,
  id: string,
  hidden: boolean,
  reason: string,
  actor: Actor,
): Promise<{ id: string; reportId: string | null; hidden: boolean }> {
  authorize(p, 'reports.triage');
  return deps.database.db.transaction(async (tx) => {
    const row = await repo.lockAttachment(tx, id);
    if (!row) throw new AppError('upload_not_found');
    if (row.hidden !== hidden) await repo.setHidden(tx, id, hidden);
    await appendAudit(tx, actor, {
      action: hidden ? 'attachment.hidden' : 'attachment.shown',
      entityType: 'attachment',
      entityId: id,
      summary: { reportId: row.reportId, reason, changed: row.hidden !== hidden },
    });
    return { id, reportId: row.reportId, hidden };
  });
}
