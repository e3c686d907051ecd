import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  CONTENT_ACTION_LABELS,
  CONTENT_CATEGORIES,
  CONTENT_STATUS_LABELS,
  CONTENT_TRANSITIONS,
  CONTENT_TYPE_LABELS,
  CONTENT_TYPES,
  ONLINE_LEVEL_LABELS,
  contentTransitionRequest,
  publicListQuery,
  saveContentRequest,
  searchQuery,
  staffListQuery,
  updateContentRequest,
} from '../../contracts/content.js';
import { AppError } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { contentDisposition, uploadError } from '../feedback/attachments/attachments.routes.js';
import { actorOf, authorize, optionalSignIn, requireSignedIn, type Principal } from '../identity/index.js';
import { MEDIA_UPLOAD_MAX_BYTES, type ContentDeps } from './content-deps.js';
import {
  createContent,
  createPreviewLink,
  getStaffContent,
  listStaffContent,
  restoreContentVersion,
  transitionContent,
  updateContent,
} from './use-cases/edit-content.js';
import { listMedia, readMedia, uploadMedia } from './use-cases/media-library.js';
import { getPublicContent, listPublicContent, searchPublicContent } from './use-cases/read-content.js';

const tags = ['content'];
const idParams = z.strictObject({ id: z.uuid() });
const slugParams = z.strictObject({
  type: z.enum(CONTENT_TYPES),
  slug: z.string().regex(/^[a-z0-9-]{1,80}$/),
});
const PUBLIC_LIMIT = { max: 120, timeWindow: '1 minute' };
const SEARCH_LIMIT = { max: 60, timeWindow: '1 minute' };

/** Public JSON answers may be cached briefly by browsers and proxies. */
function publicCache(reply: FastifyReply, seconds = 60) {
  reply.header('cache-control', `public, max-age=${seconds}`);
}

/**
 * HTTP routes of the content module: the editors' API (items, workflow, versions, preview links, media
 * library) and the public API the citizen app reads (lists, item by slug, services, search, media files).
 */
export async function registerContentRoutes(app: FastifyInstance, deps: ContentDeps): Promise<void> {
  const signedIn = requireSignedIn(deps);
  const maybeSignedIn = optionalSignIn(deps);
  const me = (req: FastifyRequest): Principal | null => req.principal ?? null;

  // --- staff ---------------------------------------------------------------------------------------
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/content/meta',
    summary: 'Danh mục loại, chuyên mục, trạng thái nội dung / Content types, categories, statuses',
    tags,
    handler: async ({ reply }) => {
      publicCache(reply, 3600);
      return {
        types: CONTENT_TYPE_LABELS,
        categories: CONTENT_CATEGORIES,
        statuses: CONTENT_STATUS_LABELS,
        actions: CONTENT_ACTION_LABELS,
        transitions: CONTENT_TRANSITIONS,
        onlineLevels: ONLINE_LEVEL_LABELS,
      };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/content/items',
    summary: 'Danh sách nội dung (biên tập) / Content items for editors',
    tags,
    query: staffListQuery,
    preHandler: [signedIn],
    handler: async ({ req, query }) => listStaffContent(deps, me(req), query),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/content/items',
    summary: 'Viết nội dung mới (bản nháp) / Write a new item (draft)',
    tags,
    body: saveContentRequest,
    preHandler: [signedIn],
    responses: { 201: 'Đã tạo bản nháp', 400: 'Dữ liệu không hợp lệ', 409: 'Đường dẫn đã dùng' },
    handler: async ({ req, reply, body }) => {
      const item = await createContent(deps, me(req), body, actorOf(me(req), req));
      reply.status(201);
      return item;
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/content/items/:id',
    summary: 'Một nội dung với lịch sử phiên bản / One item with its versions',
    tags,
    params: idParams,
    preHandler: [signedIn],
    handler: async ({ req, params }) => getStaffContent(deps, me(req), params.id),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/content/items/:id',
    summary: 'Lưu nội dung (phiên bản mới; 409 khi người khác đã sửa) / Save (409 on a stale version)',
    tags,
    params: idParams,
    body: updateContentRequest,
    preHandler: [signedIn],
    responses: { 200: 'Đã lưu', 409: 'Xung đột phiên bản' },
    handler: async ({ req, params, body }) =>
      updateContent(deps, me(req), params.id, body, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/content/items/:id/transitions',
    summary: 'Gửi duyệt, duyệt, trả lại, đăng, gỡ, lưu trữ / Workflow step',
    tags,
    params: idParams,
    body: contentTransitionRequest,
    preHandler: [signedIn],
    handler: async ({ req, params, body }) =>
      transitionContent(deps, me(req), params.id, body, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/content/items/:id/restore',
    summary: 'Khôi phục một phiên bản cũ / Restore an earlier version',
    tags,
    params: idParams,
    body: z.strictObject({ version: z.number().int().min(1), currentVersion: z.number().int().min(1) }),
    preHandler: [signedIn],
    handler: async ({ req, params, body }) =>
      restoreContentVersion(deps, me(req), params.id, body, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/content/items/:id/preview-link',
    summary: 'Tạo liên kết xem trước bản nháp / Create a draft preview link',
    tags,
    params: idParams,
    preHandler: [signedIn],
    handler: async ({ req, params }) => createPreviewLink(deps, me(req), params.id, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/content/media',
    summary: 'Thư viện tệp / Media library',
    tags,
    query: z.object({
      kind: z.enum(['photo', 'video', 'document']).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(50),
      offset: z.coerce.number().int().min(0).max(10_000).default(0),
    }),
    preHandler: [signedIn],
    handler: async ({ req, query }) => listMedia(deps, me(req), query),
  });

  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: MEDIA_UPLOAD_MAX_BYTES, files: 1, fields: 3, parts: 4 },
    });
    defineRoute(scope, {
      method: 'POST',
      url: '/api/v1/content/media',
      summary: 'Tải tệp lên thư viện (multipart "file", "title") / Upload to the media library',
      tags,
      // The permission is checked before the upload is read: a refused caller gets 403, not 415/413.
      preHandler: [signedIn, async (req) => void authorize(me(req), 'content.contribute')],
      rateLimit: { max: 60, timeWindow: '1 minute' },
      responses: { 201: 'Đã lưu', 413: 'Tệp quá lớn', 415: 'Loại tệp không được chấp nhận' },
      handler: async ({ req, reply }) => {
        let fileName = '';
        let data: Buffer | null = null;
        let title = '';
        try {
          for await (const part of req.parts()) {
            if (part.type === 'file') {
              if (part.fieldname !== 'file')
                throw uploadError({ code: 'FST_FILES_LIMIT' }, MEDIA_UPLOAD_MAX_BYTES);
              fileName = part.filename ?? '';
              data = await part.toBuffer();
            } else if (part.fieldname === 'title') {
              title = String(part.value ?? '');
            }
          }
        } catch (err) {
          throw uploadError(err, MEDIA_UPLOAD_MAX_BYTES);
        }
        if (!data)
          throw new AppError('validation', {}, [
            { path: 'body.file', message: 'Thiếu tệp / The file is missing' },
          ]);
        const result = await uploadMedia(deps, me(req), { fileName, data, title }, actorOf(me(req), req));
        reply.status(201);
        return result;
      },
    });
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/content/media/:id',
    summary: 'Tải tệp của thư viện (công khai khi nội dung đã đăng) / Download a media file',
    tags,
    params: idParams,
    query: z.object({ thumb: z.enum(['0', '1']).optional() }),
    preHandler: [maybeSignedIn],
    rateLimit: { max: 600, timeWindow: '1 minute' },
    handler: async ({ req, reply, params, query }) => {
      const file = await readMedia(deps, me(req), params.id, query.thumb === '1');
      const etag = `"${file.sha256.slice(0, 32)}${query.thumb === '1' ? '-t' : ''}"`;
      reply
        .header('etag', etag)
        .header(
          'content-disposition',
          contentDisposition(file.kind === 'document' ? 'attachment' : 'inline', file.fileName),
        )
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', file.isPublic ? 'public, max-age=86400' : 'private, no-store');
      if (req.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply.type(file.mimeType).send(file.data);
    },
  });

  // --- public API for the app ----------------------------------------------------------------------
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/content/public',
    summary: 'Nội dung đã đăng theo loại, chuyên mục / Published items by type and category',
    responses: {
      200: '{items, page, more}: `more` cho biết còn trang sau (không đếm tổng số) / `more` says another page follows (no total is counted)',
    },
    tags,
    query: publicListQuery,
    rateLimit: PUBLIC_LIMIT,
    handler: async ({ reply, query }) => {
      publicCache(reply);
      return listPublicContent(deps, query);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/content/public/:type/:slug',
    summary: 'Một nội dung đã đăng / One published item',
    tags,
    params: slugParams,
    rateLimit: PUBLIC_LIMIT,
    handler: async ({ reply, params }) => {
      publicCache(reply);
      return getPublicContent(deps, params.type, params.slug);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/content/services',
    summary: 'Danh bạ dịch vụ số theo lĩnh vực / Digital services directory by sector',
    tags,
    query: z.object({ sector: z.string().trim().max(40).optional() }),
    rateLimit: PUBLIC_LIMIT,
    handler: async ({ reply, query }) => {
      publicCache(reply, 300);
      const { items } = await listPublicContent(deps, {
        type: 'service',
        category: query.sector,
        page: 1,
        limit: 50,
      });
      const sectors = Object.entries(CONTENT_CATEGORIES.service).map(([code, label]) => ({
        code,
        label,
        items: items.filter((i) => i.category === code),
      }));
      return { sectors: sectors.filter((s) => s.items.length > 0) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/content/search',
    summary: 'Tìm kiếm (không dấu cũng được) / Search (with or without diacritics)',
    tags,
    query: searchQuery,
    rateLimit: SEARCH_LIMIT,
    handler: async ({ reply, query }) => {
      publicCache(reply, 30);
      return searchPublicContent(deps, query);
    },
  });
}
