import { sql } from 'drizzle-orm';
import type { RedactionRegion } from '../../../contracts/feedback.js';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import type { Executor } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/http/problem.js';
import { newStorageKey } from '../../../platform/storage/storage.js';
import { authorize, type Principal } from '../../identity/index.js';
import type { AttachmentDeps } from './attachment-deps.js';
import { REPORT_CHANNEL } from '../feedback-deps.js';
import * as repo from './attachments.repository.js';
import { maskPhoto } from './mask-photo.js';

/**
 * Tells the live queues and the public pages' caches (in every process) that a report's files changed, on
 * commit: a photo just hidden or masked must not stay on a cached public page.
 */
async function announce(tx: Executor, reportId: string | null): Promise<void> {
  if (!reportId) return;
  await tx.execute(
    sql`select pg_notify(${REPORT_CHANNEL}, json_build_object('id', id, 'status', status, 'agencyId', agency_id, 'version', version, 'action', 'attachment_moderated')::text) from reports where id = ${reportId}`,
  );
}

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
    await announce(tx, row.reportId);
    return { id, reportId: row.reportId, hidden };
  });
}

/**
 * Masks regions of a photo for the public (IOC operators, permission `reports.triage`): faces, number
 * plates, house numbers a reporter did not mean to show. The original stays for staff and the reporter; the
 * public page and the public file route serve the masked copy (and its thumbnail) from then on, under a new
 * address so that no cache keeps the old one. An empty list removes the mask. The masked copy is made
 * before the transaction; the row is locked while its keys change, so of two moderators at once the later
 * wins and the earlier copy is deleted; a failed write deletes the copy it made. Audited with the reason.
 */
export async function redactAttachment(
  deps: AttachmentDeps,
  p: Principal | null,
  id: string,
  regions: RedactionRegion[],
  reason: string,
  actor: Actor,
): Promise<{ id: string; reportId: string | null; redactions: RedactionRegion[] }> {
  authorize(p, 'reports.triage');
  const found = await repo.findAttachment(deps.database.db, id);
  if (!found) throw new AppError('upload_not_found');
  if (found.kind !== 'photo') throw new AppError('attachment_not_photo');

  let made: { key: string; thumbnailKey: string } | null = null;
  if (regions.length) {
    const original = await deps.storage.get(found.storageKey);
    if (!original) throw new AppError('upload_not_found');
    const masked = await maskPhoto(original, regions);
    const now = deps.now();
    made = {
      key: newStorageKey('jpg', now, undefined, '-masked'),
      thumbnailKey: newStorageKey('jpg', now, undefined, '-masked-thumb'),
    };
    await deps.storage.put(made.key, masked.image);
    await deps.storage.put(made.thumbnailKey, masked.thumbnail);
  }
  const dropFiles = (keys: (string | null | undefined)[]) =>
    Promise.all(keys.flatMap((k) => (k ? [deps.storage.delete(k).catch(() => {})] : [])));

  let previous: (string | null)[];
  let reportId: string | null;
  try {
    ({ previous, reportId } = await deps.database.db.transaction(async (tx) => {
      const row = await repo.lockAttachment(tx, id);
      if (!row) throw new AppError('upload_not_found');
      await repo.setRedaction(tx, id, {
        redactedKey: made?.key ?? null,
        redactedThumbnailKey: made?.thumbnailKey ?? null,
        redactions: regions.length ? regions : null,
      });
      await appendAudit(tx, actor, {
        action: regions.length ? 'attachment.redacted' : 'attachment.unredacted',
        entityType: 'attachment',
        entityId: id,
        summary: { reportId: row.reportId, reason, regions },
      });
      await announce(tx, row.reportId);
      return { previous: [row.redactedKey, row.redactedThumbnailKey], reportId: row.reportId };
    }));
  } catch (err) {
    await dropFiles([made?.key, made?.thumbnailKey]);
    throw err;
  }
  await dropFiles(previous);
  return { id, reportId, redactions: regions };
}
