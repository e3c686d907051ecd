import { randomUUID } from 'node:crypto';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import { extensionMatches, sniff } from '../../../platform/storage/sniff.js';
import { newStorageKey } from '../../../platform/storage/storage.js';
import { authorize, can, type Principal } from '../../identity/index.js';
import { reencodePhoto, sanitizeFileName } from '../../feedback/attachments/upload-attachment.js';
import type { CampaignsDeps } from '../campaigns-deps.js';
import * as repo from '../campaigns.repository.js';

export const REPORT_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const MAX_FILES_PER_REPORT = 10;

/**
 * Attaches a photo (banners, leaflets) or a document to an editable report. The type is read from the
 * bytes, the name must agree; photos are re-encoded (no EXIF/GPS); videos are not taken here.
 */
export async function uploadReportFile(
  deps: CampaignsDeps,
  p: Principal | null,
  reportId: string,
  file: { fileName: string; data: Buffer },
  actor: Actor,
) {
  const principal = authorize(p, 'campaigns.report');
  const db = deps.database.db;
  const report = await repo.findReport(db, reportId);
  if (!report || !can(principal, 'campaigns.report', { agencyId: report.agencyId }))
    throw new AppError('not_found');
  if (report.status !== 'draft' && report.status !== 'correction_requested') {
    throw new AppError('campaign_report_not_editable', { status: report.status });
  }
  if (file.data.length === 0) {
    throw new AppError('validation', {}, [{ path: 'body.file', message: 'Tệp rỗng / The file is empty' }]);
  }
  if (file.data.length > REPORT_FILE_MAX_BYTES) throw new AppError('file_too_large', { maxMb: 10 });
  const type = sniff(file.data, file.fileName);
  if (!type || type.kind === 'video') throw new AppError('file_type_not_allowed');
  if (!extensionMatches(type, file.fileName)) throw new AppError('file_type_mismatch');
  let data = file.data;
  let mime = type.mime;
  let ext = type.ext;
  if (type.kind === 'photo') {
    try {
      data = (await reencodePhoto(file.data)).image;
    } catch {
      throw new AppError('image_unreadable');
    }
    mime = 'image/jpeg';
    ext = 'jpg';
  }
  if ((await repo.reportFiles(db, reportId)).length >= MAX_FILES_PER_REPORT) {
    throw new AppError('validation', {}, [
      {
        path: 'body.file',
        message: `Tối đa ${MAX_FILES_PER_REPORT} tệp / At most ${MAX_FILES_PER_REPORT} files`,
      },
    ]);
  }
  const key = newStorageKey(ext, deps.now(), randomUUID(), '-campaign');
  await deps.storage.put(key, data);
  const row = await db.transaction(async (tx) => {
    const saved = await repo.insertFile(tx, {
      reportId,
      storageKey: key,
      fileName: sanitizeFileName(file.fileName, type.kind === 'photo' ? 'jpg' : undefined),
      mime,
      size: data.length,
      uploadedBy: principal.userId,
    });
    await appendAudit(tx, actor, {
      action: 'campaign_report.attach',
      entityType: 'campaign_report',
      entityId: reportId,
      summary: { fileId: saved.id, mime, size: data.length },
    });
    return saved;
  });
  return { id: row.id, fileName: row.fileName, mime: row.mime, size: row.size };
}

/** A report's file, for whoever may see the report. */
export async function readReportFile(deps: CampaignsDeps, p: Principal | null, fileId: string) {
  const principal = authorize(p, 'campaigns.report');
  const db = deps.database.db;
  const file = await repo.findFile(db, fileId);
  const report = file ? await repo.findReport(db, file.reportId) : undefined;
  if (!file || !report || !can(principal, 'campaigns.report', { agencyId: report.agencyId })) {
    throw new AppError('not_found');
  }
  const data = await deps.storage.get(file.storageKey);
  if (!data) throw new AppError('not_found');
  return { fileName: file.fileName, mime: file.mime, data };
}
