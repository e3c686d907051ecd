import { createHash, randomBytes, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import { extensionMatches, sniff, type SniffedType } from '../../../platform/storage/sniff.js';
import { newStorageKey } from '../../../platform/storage/storage.js';
import { authorize, type Principal } from '../../identity/index.js';
import { ATTACHMENT_MAX_BYTES, UPLOAD_MAX_BYTES, type AttachmentDeps } from './attachment-deps.js';
import * as repo from './attachments.repository.js';

export interface UploadedFile {
  /** The name the sender's device gave the file: shown to people, never used as a storage key. */
  fileName: string;
  data: Buffer;
}

export interface UploadResult {
  id: string;
  kind: SniffedType['kind'];
  fileName: string;
  mimeType: string;
  size: number;
  /** Proof of upload: whoever sends it back (or the same signed-in person) may attach the file to a report. */
  uploadToken: string;
}

const PHOTO_MAX_SIDE = 2560;
const THUMB_MAX_SIDE = 320;
export const PHOTO_QUALITY = 82;
/** Refuse decompression bombs: a 10 MB file may not expand into more pixels than this. */
const MAX_INPUT_PIXELS = 100_000_000;
const FILE_NAME_MAX = 120;

/**
 * A file name fit for display and for Content-Disposition: no folder part, no control or bidirectional
 * formatting characters (which can disguise `gpj.exe` as `exe.jpg`), trimmed, at most 120 characters
 * with the extension kept. `ext`, when given, replaces the extension (a re-encoded photo becomes .jpg).
 */
export function sanitizeFileName(name: string, ext?: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const dot = base.lastIndexOf('.');
  let stem = dot > 0 ? base.slice(0, dot) : base;
  let suffix = dot > 0 ? base.slice(dot) : '';
  if (ext) suffix = `.${ext}`;
  if (suffix.length > 12) {
    stem = base;
    suffix = '';
  }
  stem = stem.trim() || 'tep-dinh-kem';
  const chars = Array.from(stem);
  const room = FILE_NAME_MAX - Array.from(suffix).length;
  if (chars.length > room) stem = chars.slice(0, room).join('').trimEnd();
  return `${stem}${suffix}`;
}

/**
 * Re-encodes a photo: turned upright by its EXIF orientation, then written as a fresh JPEG (quality 82,
 * longest side at most 2560 px) with NO metadata at all (no EXIF, GPS, XMP, IPTC, maker notes), plus a
 * 320 px thumbnail. Transparency is flattened on white; an animated GIF keeps its first frame.
 */
export async function reencodePhoto(data: Buffer): Promise<{ image: Buffer; thumbnail: Buffer }> {
  const input = () => sharp(data, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
  const image = await input()
    .rotate()
    .resize({ width: PHOTO_MAX_SIDE, height: PHOTO_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: PHOTO_QUALITY })
    .toBuffer();
  return { image, thumbnail: await thumbnailOf(image) };
}

/** The 320 px JPEG thumbnail of a (re-encoded) photo. */
export function thumbnailOf(image: Buffer): Promise<Buffer> {
  return sharp(image)
    .resize({ width: THUMB_MAX_SIDE, height: THUMB_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 75 })
    .toBuffer();
}

function tooLarge(bytes: number): AppError {
  return new AppError('file_too_large', { maxMb: Math.round(bytes / (1024 * 1024)) });
}

/**
 * The type of an uploaded file, read from its bytes, once it is known to be allowed: not empty, at most
 * `maxBytes` in all and `maxBytesOf[kind]` for its kind, and named with an extension that agrees.
 * Shared with the content module's media library.
 */
export function checkedType(
  file: { fileName: string; data: Buffer },
  maxBytes: number,
  maxBytesOf: Record<SniffedType['kind'], number>,
): SniffedType {
  if (file.data.length === 0) {
    throw new AppError('validation', {}, [{ path: 'body.file', message: 'Tệp rỗng / The file is empty' }]);
  }
  if (file.data.length > maxBytes) throw tooLarge(maxBytes);
  const type = sniff(file.data, file.fileName);
  if (!type) throw new AppError('file_type_not_allowed');
  if (!extensionMatches(type, file.fileName)) throw new AppError('file_type_mismatch');
  if (file.data.length > maxBytesOf[type.kind]) throw tooLarge(maxBytesOf[type.kind]);
  return type;
}

/** An accepted upload once stored: what its row records. */
export interface StoredUpload {
  id: string;
  now: Date;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  storageKey: string;
  thumbnailKey: string | null;
  /** A photo's size in pixels after re-encoding; null for other kinds. */
  width: number | null;
  height: number | null;
  /** The audit entry's summary of the upload. */
  auditSummary: { kind: string; mimeType: string; size: number; sha256: string; originalSize: number };
}

/**
 * Stores an accepted upload (photos re-encoded, upright and without metadata, with a thumbnail; other
 * kinds as sent), then runs `record` (its row and audit entry). When that fails, the stored files are
 * deleted again. Shared with the content module's media library.
 */
export async function storeUpload<T>(
  deps: AttachmentDeps,
  file: { fileName: string; data: Buffer },
  type: SniffedType,
  record: (stored: StoredUpload) => Promise<T>,
): Promise<T> {
  let bytes = file.data;
  let thumbnail: Buffer | null = null;
  let mimeType = type.mime;
  let ext = type.ext;
  let width: number | null = null;
  let height: number | null = null;
  if (type.kind === 'photo') {
    try {
      ({ image: bytes, thumbnail } = await reencodePhoto(file.data));
      const meta = await sharp(bytes).metadata();
      width = meta.width ?? null;
      height = meta.height ?? null;
    } catch {
      // Not decodable (corrupt, or HEIC which the bundled image library cannot read): never store as is.
      throw new AppError('image_unreadable');
    }
    mimeType = 'image/jpeg';
    ext = 'jpg';
  }

  const now = deps.now();
  const id = randomUUID();
  const storageKey = newStorageKey(ext, now, id);
  const thumbnailKey = thumbnail ? newStorageKey('jpg', now, id, '-thumb') : null;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await deps.storage.put(storageKey, bytes);
  try {
    if (thumbnailKey && thumbnail) await deps.storage.put(thumbnailKey, thumbnail);
    return await record({
      id,
      now,
      fileName: sanitizeFileName(file.fileName, ext),
      mimeType,
      size: bytes.length,
      sha256,
      storageKey,
      thumbnailKey,
      width,
      height,
      auditSummary: { kind: type.kind, mimeType, size: bytes.length, sha256, originalSize: file.data.length },
    });
  } catch (err) {
    await deps.storage.delete(storageKey).catch(() => {});
    if (thumbnailKey) await deps.storage.delete(thumbnailKey).catch(() => {});
    throw err;
  }
}

/**
 * Takes in one file for a report or an answer, before the report exists. The type is read from the
 * content (the name only has to agree with it); photos are re-encoded so that no location or device data
 * leaves the sender's phone with them. The row stays unclaimed (no report) until `claimAttachments`.
 * Open to anonymous citizens: then only the returned upload token proves who sent it.
 */
export async function uploadAttachment(
  deps: AttachmentDeps,
  p: Principal | null,
  file: UploadedFile,
  actor: Actor,
): Promise<UploadResult> {
  if (p) authorize(p, 'reports.submit');
  const type = checkedType(file, UPLOAD_MAX_BYTES, ATTACHMENT_MAX_BYTES);

  const uploadToken = randomBytes(24).toString('base64url');
  const stored = await storeUpload(deps, file, type, (s) =>
    deps.database.db.transaction(async (tx) => {
      await repo.insertAttachment(tx, {
        id: s.id,
        reportId: null,
        purpose: 'report',
        kind: type.kind,
        fileName: s.fileName,
        mimeType: s.mimeType,
        size: s.size,
        sha256: s.sha256,
        storageKey: s.storageKey,
        thumbnailKey: s.thumbnailKey,
        hidden: false,
        uploadedBy: p?.userId ?? null,
        uploadToken,
        createdAt: s.now,
      });
      await appendAudit(tx, actor, {
        action: 'attachment.uploaded',
        entityType: 'attachment',
        entityId: s.id,
        summary: s.auditSummary,
      });
      return s;
    }),
  );
  const { id, fileName, mimeType, size } = stored;
  return { id, kind: type.kind, fileName, mimeType, size, uploadToken };
}
