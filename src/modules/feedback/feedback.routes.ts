import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  bulkAssignRequest,
  createReportRequest,
  listReportsQuery,
  noteRequest,
  transitionRequest,
  triageRequest,
  publicTextRequest,
} from '../../contracts/feedback.js';
import { REJECT_REASON_LABELS, REPORT_TRANSITIONS, STATUS_LABELS } from '../../contracts/report-lifecycle.js';
import { defineRoute } from '../../platform/http/route.js';
import { AppError, requestLang } from '../../platform/http/problem.js';
import {
  actorOf,
  clearSessionCookie,
  optionalSignIn,
  requireSignedIn,
  type Principal,
} from '../identity/index.js';
import { updateMyAccountRequest } from '../../contracts/identity.js';
import { listCategories } from '../routing/index.js';
import type { FeedbackDeps } from './feedback-deps.js';
import { registerReportStream } from './report-stream.js';
import { citizenRoutes } from './feedback-citizen.routes.js';
import { deadlineBoard, getReport, listReports, reportMap } from './use-cases/read-reports.js';
import { myReports } from './use-cases/citizen-follow-up.js';
import { eraseMyData, exportMyData, getMyAccount, updateMyAccount } from './use-cases/my-personal-data.js';
import { createTemplate, listTemplates } from './use-cases/response-templates.js';
import { findDuplicates } from './use-cases/find-duplicates.js';
import { submitReport } from './use-cases/submit-report.js';
import { transitionReport } from './use-cases/transition-report.js';
import {
  markMyNotificationsRead,
  markReadRequest,
  myNotifications,
  myNotificationsQuery,
} from './staff-notifications.js';
import { addNote, bulkAssign, setPublicText, triageReport } from './use-cases/work-on-reports.js';

const idParams = z.strictObject({ id: z.uuid() });
const tags = ['feedback'];

/** HTTP routes of the feedback core: intake, queue, report detail, transitions, triage, notes, live stream. */
export function registerFeedbackRoutes(app: FastifyInstance, deps: FeedbackDeps): void {
  const signedIn = requireSignedIn(deps);
  const maybeSignedIn = optionalSignIn(deps);
  const me = (req: { principal?: Principal | null }) => req.principal ?? null;

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/reports',
    summary: 'Gửi phản ánh, kiến nghị / Submit a report',
    tags,
    body: createReportRequest,
    preHandler: [maybeSignedIn],
    rateLimit: { max: 30, timeWindow: '1 minute' },
    responses: {
      201: 'Đã tiếp nhận: mã tra cứu / Received: tracking code',
      200: 'Đã tiếp nhận trước đó (cùng Idempotency-Key)',
    },
    handler: async ({ req, reply, body }) => {
      const key = req.headers['idempotency-key'];
      if (key !== undefined && (typeof key !== 'string' || !/^[\w.:-]{8,100}$/.test(key))) {
        throw new AppError('validation', {}, [
          {
            path: 'headers.idempotency-key',
            message: '8–100 ký tự chữ, số, . _ : - / 8–100 letters, digits, . _ : -',
          },
        ]);
      }
      const result = await submitReport(deps, me(req), body, {
        idempotencyKey: key ?? null,
        actor: actorOf(me(req), req),
        lang: requestLang(req),
      });
      reply.status(result.created ? 201 : 200);
      return result;
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/reports',
    summary: 'Hàng đợi phản ánh (IOC, cơ quan) / The report queue',
    tags,
    query: listReportsQuery,
    preHandler: [signedIn],
    handler: async ({ req, query }) => listReports(deps, me(req), query),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/reports/deadline-board',
    summary: 'Bảng theo dõi hạn xử lý / Deadline board',
    tags,
    preHandler: [signedIn],
    handler: async ({ req }) => deadlineBoard(deps, me(req)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/reports/map',
    summary: 'Bản đồ phản ánh đang xử lý (điểm và ranh giới) / Map of open reports',
    tags,
    preHandler: [signedIn],
    handler: async ({ req }) => reportMap(deps, me(req)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/response-templates',
    summary: 'Mẫu trả lời / Response templates',
    tags,
    query: z.strictObject({ category: z.string().max(64).optional() }),
    preHandler: [signedIn],
    handler: async ({ req, query }) => ({ items: await listTemplates(deps, me(req), query.category) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/response-templates',
    summary: 'Tạo mẫu trả lời / Create a response template',
    tags,
    body: z.strictObject({
      title: z.string().trim().min(2).max(200),
      body: z.string().trim().min(2).max(5000),
      categoryCode: z.string().max(64).nullable().default(null),
      purpose: z.enum(['answer', 'reject', 'note']).default('answer'),
    }),
    preHandler: [signedIn],
    responses: { 201: 'Đã tạo' },
    handler: async ({ req, reply, body }) => {
      const template = await createTemplate(deps, me(req), body, actorOf(me(req), req));
      reply.status(201);
      return template;
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/reports/:id',
    summary: 'Chi tiết phản ánh, dòng thời gian, ghi chú nội bộ / Report detail',
    tags,
    params: idParams,
    preHandler: [signedIn],
    handler: async ({ req, params }) => getReport(deps, me(req), params.id, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/reports/:id/transitions',
    summary: 'Chuyển trạng thái theo quy trình / Move a report through its lifecycle',
    tags,
    params: idParams,
    body: transitionRequest,
    preHandler: [signedIn],
    handler: async ({ req, params, body }) =>
      transitionReport(deps, me(req), params.id, body, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/reports/:id/duplicates',
    summary: 'Phản ánh có thể trùng / Likely duplicates',
    tags,
    params: idParams,
    preHandler: [signedIn],
    handler: async ({ req, params }) => ({ items: await findDuplicates(deps, me(req), params.id) }),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/reports/:id/public-text',
    summary:
      'Sửa tiêu đề, nội dung hiển thị công khai (null: như người dân gửi) / Edit the public title and text (null: as sent)',
    tags,
    params: idParams,
    body: publicTextRequest,
    preHandler: [signedIn],
    handler: async ({ req, params, body }) =>
      setPublicText(deps, me(req), params.id, body, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/reports/:id/triage',
    summary: 'Phân loại lại: lĩnh vực, mức khẩn, địa bàn / Triage',
    tags,
    params: idParams,
    body: triageRequest,
    preHandler: [signedIn],
    handler: async ({ req, params, body }) =>
      triageReport(deps, me(req), params.id, body, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/reports/:id/notes',
    summary: 'Ghi chú nội bộ / Internal note',
    tags,
    params: idParams,
    body: noteRequest,
    preHandler: [signedIn],
    responses: { 201: 'Đã ghi' },
    handler: async ({ req, reply, params, body }) => {
      const note = await addNote(deps, me(req), params.id, body.text, actorOf(me(req), req));
      reply.status(201);
      return note;
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/reports/bulk-assign',
    summary: 'Chuyển xử lý hàng loạt / Bulk assign',
    tags,
    body: bulkAssignRequest,
    preHandler: [signedIn],
    handler: async ({ req, body }) => bulkAssign(deps, me(req), body, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/me/reports',
    summary: 'Phản ánh của tôi / My reports',
    tags,
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(50) }),
    preHandler: [signedIn],
    handler: async ({ req, query }) => myReports(deps, me(req), query.limit),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/me/notifications',
    summary: 'Thông báo của tôi (cán bộ) / My notifications (staff)',
    tags,
    query: myNotificationsQuery,
    preHandler: [signedIn],
    handler: async ({ req, reply, query }) => {
      reply.header('cache-control', 'no-store');
      return myNotifications(deps, me(req), query);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/me/notifications/read',
    summary: 'Đánh dấu đã đọc / Mark notifications read',
    tags,
    body: markReadRequest,
    preHandler: [signedIn],
    handler: async ({ req, body }) => markMyNotificationsRead(deps, me(req), body),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/me/account',
    summary: 'Tài khoản của tôi / My account',
    tags: ['my-data'],
    preHandler: [signedIn],
    handler: async ({ req }) => getMyAccount(deps, me(req)),
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/me/account',
    summary: 'Sửa thông tin cá nhân / Correct my details',
    tags: ['my-data'],
    body: updateMyAccountRequest,
    preHandler: [signedIn],
    handler: async ({ req, body }) => updateMyAccount(deps, me(req), body, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/me/data',
    summary: 'Tải về dữ liệu cá nhân của tôi / Download my personal data',
    tags: ['my-data'],
    preHandler: [signedIn],
    rateLimit: { max: 5, timeWindow: '1 minute' },
    handler: async ({ req, reply }) => {
      const data = await exportMyData(deps, me(req), actorOf(me(req), req));
      reply
        .header('content-disposition', 'attachment; filename="du-lieu-ca-nhan.json"')
        .header('cache-control', 'no-store');
      return data;
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/me/account',
    summary: 'Xóa tài khoản và dữ liệu cá nhân / Delete my account and personal data',
    tags: ['my-data'],
    preHandler: [signedIn],
    rateLimit: { max: 5, timeWindow: '1 minute' },
    handler: async ({ req, reply }) => {
      const result = await eraseMyData(deps, me(req), actorOf(me(req), req));
      clearSessionCookie(reply, deps.config.secureCookies);
      return result;
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/categories',
    summary: 'Lĩnh vực phản ánh / Categories',
    tags,
    handler: async () => ({
      items: (await listCategories(deps.database.db)).map((c) => ({
        code: c.code,
        name: c.name,
        nameEn: c.nameEn,
        description: c.description,
        urgency: c.urgency,
      })),
    }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/report-lifecycle',
    summary: 'Bảng quy trình xử lý (trạng thái, thao tác, vai trò) / The lifecycle table',
    tags,
    handler: async () => ({
      statuses: STATUS_LABELS,
      transitions: REPORT_TRANSITIONS,
      rejectReasons: REJECT_REASON_LABELS,
    }),
  });

  citizenRoutes(app, deps, { maybeSignedIn, me });
  registerReportStream(app, deps, signedIn);
}
