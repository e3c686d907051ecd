import { AppError } from '../../../platform/http/problem.js';
import { can, type Principal } from '../../identity/index.js';
import { PUBLIC_REPORT_STATUSES, type AttachmentDeps } from './attachment-deps.js';
import * as repo from './attachments.repository.js';

export interface ReadAttachmentOptions {
  /** The 320 px JPEG thumbnail instead of the file (photos only). */
  thumbnail?: boolean;
  /** The public face: only files of published or closed reports, never hidden ones, to anyone. */
  publicOnly: boolean;
  /** A photo as the public sees it (masked where a moderator masked it); the public face always is. */
  publicCopy?: boolean;
  /**
   * Whether the staff member may see the report (agency scoping). Defaults to the permission table:
   * `reports.read` for the report's agency.
   */
  canSee?: (reportId: string) => Promise<boolean>;
}

export interface AttachmentContent {
  data: Buffer;
  mimeType: string;
  fileName: string;
  kind: 'photo' | 'video' | 'document';
}

/**
 * The bytes of an attachment, for whoever may see them:
 * - publicly: files of published/closed reports that are not hidden;
 * - otherwise: the person who uploaded it or reported the report; staff who may read the report (a file
 *   not yet attached to a report: IOC only). A hidden file only to staff who triage or handle reports.
 * Anything else is "not found", so that ids cannot be probed. The public face of a masked photo is its
 * masked copy; staff and the reporter get the original unless they ask for the public copy.
 */
export async function readAttachment(
  deps: AttachmentDeps,
  p: Principal | null,
  id: string,
  opts: ReadAttachmentOptions,
): Promise<AttachmentContent> {
  const found = await repo.findAttachmentWithReport(deps.database.db, id);
  if (!found) throw new AppError('upload_not_found');
  const a = found.attachment;

  if (opts.publicOnly) {
    const isPublic =
      !a.hidden &&
      a.reportId !== null &&
      (PUBLIC_REPORT_STATUSES as readonly string[]).includes(found.reportStatus ?? '');
    if (!isPublic) throw new AppError('upload_not_found');
  } else {
    if (!p) throw new AppError('unauthenticated');
    let staffSees = false;
    if (p.kind === 'staff' && can(p, 'reports.read')) {
      if (a.reportId) {
        staffSees = opts.canSee
          ? await opts.canSee(a.reportId)
          : can(p, 'reports.read', { agencyId: found.reportAgencyId });
      } else {
        staffSees = can(p, 'reports.triage');
      }
    }
    const moderates = can(p, 'reports.triage') || can(p, 'reports.handle');
    const owns = a.uploadedBy === p.userId || (a.reportId !== null && found.reporterUserId === p.userId);
    const allowed = a.hidden ? staffSees && moderates : staffSees || owns;
    if (!allowed) throw new AppError('upload_not_found');
  }

  const masked = opts.publicOnly || !!opts.publicCopy;
  const key = opts.thumbnail
    ? (masked && a.redactedThumbnailKey) || a.thumbnailKey
    : (masked && a.redactedKey) || a.storageKey;
  if (!key) throw new AppError('upload_not_found');
  const data = await deps.storage.get(key);
  if (!data) throw new AppError('upload_not_found');
  return {
    data,
    mimeType: opts.thumbnail ? 'image/jpeg' : a.mimeType,
    fileName: a.fileName,
    kind: a.kind as AttachmentContent['kind'],
  };
}
