import { createHash, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { MediaView } from '../../../contracts/content.js';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import { extensionMatches, sniff } from '../../../platform/storage/sniff.js';
import { newStorageKey } from '../../../platform/storage/storage.js';
import { reencodePhoto, sanitizeFileName } from '../../feedback/attachments/upload-attachment.js';
import { authorize, can, type Principal } from '../../identity/index.js';
import { MEDIA_MAX_BYTES, MEDIA_UPLOAD_MAX_BYTES, type ContentDeps } from '../content-deps.js';
import * as repo from '../content.repository.js';
import { mediaView } from '../content.presenter.js';

function tooLarge(bytes: number): AppError {
  return new AppError('file_too_large', { maxMb: Math.round(bytes / (1024 * 1024)) });
}

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
  if (file.data.length === 0)
    throw new AppError('validation', {}, [{ path: 'body.file', message: 'Tệp rỗng / The file is empty' }]);
  if (file.data.length > MEDIA_UPLOAD_MAX_BYTES) throw tooLarge(MEDIA_UPLOAD_MAX_BYTES);
  const type = sniff(file.data, file.fileName);
  if (!type) throw new AppError('file_type_not_allowed');
  if (!extensionMatches(type, file.fileName)) throw new AppError('file_type_mismatch');
  if (file.data.length > MEDIA_MAX_BYTES[type.kind]) throw tooLarge(MEDIA_MAX_BYTES[type.kind]);

  let stored = file.data;
  let thumbnail: Buffer | null = null;
  let mimeType = type.mime;
  let ext = type.ext;
  let width: number | null = null;
  let height: number | null = null;
  if (type.kind === 'photo') {
    try {
      ({ image: stored, thumbnail } = await reencodePhoto(file.data));
      const meta = await sharp(stored).metadata();
      width = meta.width ?? null;
      height = meta.height ?? null;
    } catch {
      throw new AppError('image_unreadable');
    }
    mimeType = 'image/jpeg';
    ext = 'jpg';
  }
  const now = deps.now();
  const id = randomUUID();
  const storageKey = newStorageKey(ext, now, id);
  const thumbnailKey = thumbnail ? newStorageKey('jpg', now, id, '-thumb') : null;
  const fileName = sanitizeFileName(file.fileName, ext);
  const sha256 = createHash('sha256').update(stored).digest('hex');
  await deps.storage.put(storageKey, stored);
  try {
    if (thumbnailKey && thumbnail) await deps.storage.put(thumbnailKey, thumbnail);
    return await deps.database.db.transaction(async (tx) => {
      const row = await repo.insertMedia(tx, {
        id,
        kind: type.kind,
        fileName,
        title: (file.title ?? '').trim().slice(0, 200),
        mimeType,
        size: stored.length,
        sha256,
        storageKey,
        thumbnailKey,
        width,
        height,
        uploadedBy: principal.userId,
        createdAt: now,
      });
      await appendAudit(tx, actor, {
        action: 'content.media_uploaded',
        entityType: 'content_media',
        entityId: id,
        summary: { kind: type.kind, mimeType, size: stored.length, sha256, originalSize: file.data.length },
      });
      return mediaView(row, false);
    });
  } catch (err) {
    await deps.storage.delete(storageKey).catch(() => {});
    if (thumbnailKey) await deps.storage.delete(thumbnailKey).catch(() => {});
    throw err;
  }
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
