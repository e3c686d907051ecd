import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { defineRoute } from '../../platform/http/route.js';
import { actorOf, authorize, requireSignedIn, type Principal } from '../identity/index.js';
import { contentDisposition, readOneFile } from '../feedback/attachments/attachments.routes.js';
import type { CampaignsDeps } from './campaigns-deps.js';
import { readReportFile, REPORT_FILE_MAX_BYTES, uploadReportFile } from './use-cases/report-files.js';

const tags = ['campaigns'];

/** Photos and documents of quarterly reports: upload one file per request (multipart field "file"), download. */
export async function registerCampaignFileRoutes(app: FastifyInstance, deps: CampaignsDeps): Promise<void> {
  const signedIn = requireSignedIn(deps);
  const me = (req: { principal?: Principal | null }) => req.principal ?? null;
  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: REPORT_FILE_MAX_BYTES, files: 1, fields: 2, parts: 3 },
    });
    defineRoute(scope, {
      method: 'POST',
      url: '/api/v1/campaigns/reports/:id/files',
      summary: 'Đính kèm ảnh, tài liệu vào báo cáo quý / Attach a photo or document to a quarterly report',
      tags,
      params: z.strictObject({ id: z.uuid() }),
      // The permission is checked before the upload is read: a refused caller gets 403, not 415/413.
      preHandler: [signedIn, async (req) => void authorize(me(req), 'campaigns.report')],
      rateLimit: { max: 30, timeWindow: '1 minute' },
      responses: { 201: 'Đã đính kèm / Attached' },
      handler: async ({ req, reply, params }) => {
        const file = await readOneFile(req, REPORT_FILE_MAX_BYTES);
        const result = await uploadReportFile(deps, me(req), params.id, file, actorOf(me(req), req));
        reply.status(201);
        return result;
      },
    });
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/campaigns/files/:id',
    summary: 'Tệp đính kèm báo cáo quý / A quarterly report file',
    tags,
    params: z.strictObject({ id: z.uuid() }),
    preHandler: [signedIn],
    handler: async ({ req, reply, params }) => {
      const file = await readReportFile(deps, me(req), params.id);
      return reply
        .header(
          'content-disposition',
          contentDisposition(file.mime.startsWith('image/') ? 'inline' : 'attachment', file.fileName),
        )
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .type(file.mime)
        .send(file.data);
    },
  });
}
