import type { MediaView } from '../../../contracts/content.js';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import { checkedType, storeUpload } from '../../feedback/attachments/upload-attachment.js';
import { authorize, can, type Principal } from '../../identity/index.js';
import { MEDIA_MAX_BYTES, MEDIA_UPLOAD_MAX_BYTES, type ContentDeps } from '../content-deps.js';
import * as repo from '../content.repository.js';
import { mediaView } from '../content.presenter.js';

/**
 * Adds a file to the media library. The type is read from the bytes (the name must agree); photos are
 * re-encoded (upright, ≤ 2560 px, JPEG, no EXIF/GPS/XMP) with a thumbnail, like report attachments;
 * videos (MP4, MOV, WebM ≤ 200 MB) and documents (PDF, DOCX, XLSX, ODT ≤ 30 MB) are kept as sent.
 */
export async function uploadMedia(
  deps: ContentDeps,
  p: Principal | null,
  file: { fileName: string; data: Buffer; title?: string },
  actor: Actor,
): Promise<MediaView> {
  const principal = authorize(p, 'content.contribute');
  const type = checkedType(file, MEDIA_UPLOAD_MAX_BYTES, MEDIA_MAX_BYTES);

  return storeUpload(deps, file, type, (s) =>
    deps.database.db.transaction(async (tx) => {
      const row = await repo.insertMedia(tx, {
        id: s.id,
        kind: type.kind,
        fileName: s.fileName,
        title: (file.title ?? '').trim().slice(0, 200),
        mimeType: s.mimeType,
        size: s.size,
        sha256: s.sha256,
        storageKey: s.storageKey,
        thumbnailKey: s.thumbnailKey,
        width: s.width,
        height: s.height,
        uploadedBy: principal.userId,
        createdAt: s.now,
      });
      await appendAudit(tx, actor, {
        action: 'content.media_uploaded',
        entityType: 'content_media',
        entityId: s.id,
        summary: s.auditSummary,
      });
      return mediaView(row, false);
    }),
  );
}

export async function listMedia(
  deps: ContentDeps,
  p: Principal | null,
  q: { kind?: 'photo' | 'video' | 'document' | undefined; limit: number; offset: number },
): Promise<{ items: (MediaView & { title: string; createdAt: string })[] }> {
  authorize(p, 'content.contribute');
  const rows = await repo.listMedia(deps.database.db, q);
  return {
    items: rows.map((r) => ({
      ...mediaView(r, false),
      title: r.title,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

export interface MediaContent {
  data: Buffer;
  kind: 'photo' | 'video' | 'document';
  fileName: string;
  mimeType: string;
  sha256: string;
  isPublic: boolean;
}

/** A media file: for anyone when a live item uses it, otherwise only for content staff. */
export async function readMedia(
  deps: ContentDeps,
  p: Principal | null,
  id: string,
  thumbnail: boolean,
): Promise<MediaContent> {
  const db = deps.database.db;
  const row = await repo.findMedia(db, id);
  if (!row) throw new AppError('not_found');
  const isPublic = await repo.mediaIsPublic(db, id, deps.now());
  if (!isPublic && !can(p, 'content.contribute')) throw new AppError('not_found');
  const key = thumbnail && row.thumbnailKey ? row.thumbnailKey : row.storageKey;
  const data = await deps.storage.get(key);
  if (!data) throw new AppError('not_found');
  return {
    data,
    kind: row.kind as MediaContent['kind'],
    fileName: row.fileName,
    mimeType: key === row.thumbnailKey ? 'image/jpeg' : row.mimeType,
    sha256: row.sha256,
    isPublic,
  };
}
