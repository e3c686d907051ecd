import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { redactionRequest } from '../../../contracts/feedback.js';
import { AppError } from '../../../platform/http/problem.js';
import { defineRoute } from '../../../platform/http/route.js';
import { actorOf, optionalSignIn, requireSignedIn, type Principal } from '../../identity/index.js';
import { UPLOAD_MAX_BYTES, type AttachmentDeps } from './attachment-deps.js';
import { redactAttachment, setAttachmentHidden } from './moderate-attachment.js';
import { readAttachment, type AttachmentContent } from './serve-attachment.js';
import { uploadAttachment } from './upload-attachment.js';

export type { AttachmentDeps } from './attachment-deps.js';

export interface AttachmentRouteOptions {
  /** Agency scoping for staff: may this person see that report? (Wired to the report access check.) */
  canSee?: (p: Principal, reportId: string) => Promise<boolean>;
}

const tags = ['attachments'];
const idParams = z.strictObject({ id: z.uuid() });
const fileQuery = z.object({
  thumb: z.enum(['0', '1']).optional(),
  /** `public`: a photo as the public sees it (masked regions), for staff checking a mask. */
  view: z.enum(['original', 'public']).optional(),
  /** The version of a masked photo in its public address (ignored: it only keeps caches apart). */
  v: z.string().max(32).optional(),
});
const visibilityRequest = z.strictObject({
  hidden: z.boolean(),
  reason: z.string().trim().min(3).max(500),
});

/** `inline` or `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / RFC 5987). */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const ascii =
    fileName
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["\\%;]/g, '_')
      .trim() || 'file';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Sends the file with safe headers, honouring a single byte range (video players seek with them). */
function sendFile(req: FastifyRequest, reply: FastifyReply, file: AttachmentContent, cacheControl?: string) {
  const total = file.data.length;
  reply
    .header(
      'content-disposition',
      contentDisposition(file.kind === 'document' ? 'attachment' : 'inline', file.fileName),
    )
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('accept-ranges', 'bytes');
  if (cacheControl) reply.header('cache-control', cacheControl);
  const range =
    typeof req.headers.range === 'string' ? /^bytes=(\d*)-(\d*)$/.exec(req.headers.range.trim()) : null;
  if (range && (range[1] || range[2])) {
    let start: number;
    let end: number;
    if (!range[1]) {
      start = Math.max(0, total - Number(range[2]));
      end = total - 1;
    } else {
      start = Number(range[1]);
      end = range[2] ? Math.min(Number(range[2]), total - 1) : total - 1;
    }
    if (start > end || start >= total) {
      return reply.status(416).header('content-range', `bytes */${total}`).send();
    }
    reply.status(206).header('content-range', `bytes ${start}-${end}/${total}`);
    return reply.type(file.mimeType).send(file.data.subarray(start, end + 1));
  }
  return reply.type(file.mimeType).send(file.data);
}

/**
 * Multipart errors become the catalogue's problems (`maxBytes`: the upload's limit, told in MB).
 * Shared with the content module's media upload.
 */
export function uploadError(err: unknown, maxBytes = UPLOAD_MAX_BYTES): unknown {
  switch ((err as { code?: string }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('file_too_large', { maxMb: Math.round(maxBytes / (1024 * 1024)) });
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('unsupported_media_type');
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new AppError('validation', {}, [
        { path: 'body', message: 'Chỉ gửi một tệp / Send one file only' },
      ]);
    default:
      return err;
  }
}

/**
 * The one file of a multipart request (field "file"), read whole; multipart errors become the
 * catalogue's problems (see `uploadError`). Shared with the campaigns' quarterly report files.
 */
export async function readOneFile(
  req: FastifyRequest,
  maxBytes = UPLOAD_MAX_BYTES,
): Promise<{ fileName: string; data: Buffer }> {
  try {
    const part = await req.file();
    if (!part || part.fieldname !== 'file') {
      throw new AppError('validation', {}, [
        { path: 'body.file', message: 'Thiếu tệp / The file is missing' },
      ]);
    }
    return { fileName: part.filename ?? '', data: await part.toBuffer() };
  } catch (err) {
    throw uploadError(err, maxBytes);
  }
}

/**
 * HTTP routes for files: upload (open to anonymous citizens, one file per request), staff/owner and
 * public downloads (with thumbnails), and hiding a file (IOC moderation). Multipart parsing is
 * registered only inside this plugin, so no other route accepts multipart bodies.
 */
export async function registerAttachmentRoutes(
  app: FastifyInstance,
  deps: AttachmentDeps,
  options: AttachmentRouteOptions = {},
): Promise<void> {
  const signedIn = requireSignedIn(deps);
  const maybeSignedIn = optionalSignIn(deps);
  const principalOf = (req: FastifyRequest) => req.principal ?? null;

  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 5, parts: 6 },
    });

    defineRoute(scope, {
      method: 'POST',
      url: '/api/v1/uploads',
      summary:
        'Tải lên một tệp đính kèm (multipart, trường "file") / Upload one attachment (multipart field "file")',
      tags,
      preHandler: [maybeSignedIn],
      rateLimit: { max: 30, timeWindow: '1 minute' },
      security: 'none',
      responses: {
        201: 'Đã nhận tệp; gửi lại id và uploadToken khi gửi phản ánh',
        413: 'Tệp quá lớn',
        415: 'Loại tệp không được chấp nhận',
      },
      handler: async ({ req, reply }) => {
        const file = await readOneFile(req);
        const p = principalOf(req);
        const result = await uploadAttachment(deps, p, file, actorOf(p, req));
        reply.status(201);
        return result;
      },
    });
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/attachments/:id',
    summary: 'Tải tệp đính kèm (cán bộ, người gửi) / Download an attachment (staff, owner)',
    tags,
    params: idParams,
    query: fileQuery,
    preHandler: [signedIn],
    responses: { 200: 'Nội dung tệp', 206: 'Một đoạn của tệp (Range)', 404: 'Không tìm thấy' },
    handler: async ({ req, reply, params, query }) => {
      const p = principalOf(req);
      const canSee = options.canSee && p ? (reportId: string) => options.canSee!(p, reportId) : undefined;
      const file = await readAttachment(deps, p, params.id, {
        thumbnail: query.thumb === '1',
        publicOnly: false,
        publicCopy: query.view === 'public',
        ...(canSee ? { canSee } : {}),
      });
      return sendFile(req, reply, file, 'private, no-store');
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/public/attachments/:id',
    summary: 'Tệp đính kèm của phản ánh đã công khai / Attachment of a published report',
    tags,
    params: idParams,
    query: fileQuery,
    responses: { 200: 'Nội dung tệp', 206: 'Một đoạn của tệp (Range)', 404: 'Không tìm thấy' },
    handler: async ({ req, reply, params, query }) => {
      const file = await readAttachment(deps, null, params.id, {
        thumbnail: query.thumb === '1',
        publicOnly: true,
      });
      return sendFile(req, reply, file, 'public, max-age=3600');
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/attachments/:id/redaction',
    summary:
      'Che vùng trên ảnh cho công chúng (mặt người, biển số); danh sách rỗng bỏ che / Mask regions of a photo for the public; an empty list removes the mask',
    tags,
    params: idParams,
    body: redactionRequest,
    preHandler: [signedIn],
    responses: { 200: 'Đã lưu vùng che', 422: 'Không phải ảnh' },
    handler: async ({ req, params, body }) => {
      const p = principalOf(req);
      return redactAttachment(deps, p, params.id, body.regions, body.reason, actorOf(p, req));
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/attachments/:id/visibility',
    summary: 'Ẩn/hiện tệp đính kèm (che mặt người, biển số) / Hide or show an attachment (moderation)',
    tags,
    params: idParams,
    body: visibilityRequest,
    preHandler: [signedIn],
    handler: async ({ req, params, body }) => {
      const p = principalOf(req);
      return setAttachmentHidden(deps, p, params.id, body.hidden, body.reason, actorOf(p, req));
    },
  });
}
