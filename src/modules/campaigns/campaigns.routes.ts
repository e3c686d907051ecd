import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  activityRequest,
  appInstallRequest,
  storeFiguresRequest,
  teamMemberRequest,
  planFields,
  planVersionQuery,
  targetsRequest,
  taskRequest,
  updatePlanRequest,
  quarterQuery,
  reviewRequest,
  saveReportRequest,
  versionRequest,
} from '../../contracts/campaigns.js';
import { defineRoute } from '../../platform/http/route.js';
import { AppError } from '../../platform/http/problem.js';
import { actorOf, authorize, requireSignedIn, type Principal } from '../identity/index.js';
import type { CampaignsDeps } from './campaigns-deps.js';
import { agencyReportHtml, summaryCsv, summaryHtml, summaryXlsx } from './summary-documents.js';
import { vnDate } from './quarters.js';
import { agencyReportModel, agencyReportPdf, summaryModel, summaryPdf } from './official-pdf.js';
import { renderDocx } from './official-docx.js';
import { listActivities, recordActivity } from './use-cases/community-activities.js';
import { listNotices } from './use-cases/notices.js';
import {
  getQuarterReport,
  getReportById,
  listQuarterReports,
  reviewQuarterReport,
  saveQuarterReport,
  submitQuarterReport,
} from './use-cases/quarter-reports.js';
import { quarterSummary } from './use-cases/quarter-summary.js';
import { getPlan, listPlans } from './use-cases/read-plans.js';
import { listMembers, listTeams, saveMember } from './use-cases/team-members.js';
import { registerInstall, saveStoreFigures } from './use-cases/adoption.js';
import { createPlan, removeTask, saveTargets, saveTask, updatePlan } from './use-cases/edit-plans.js';

const tags = ['campaigns'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const planParams = z.strictObject({ planId: z.uuid() });
const reportParams = z.strictObject({ id: z.uuid() });
const summaryParams = z.strictObject({
  planId: z.uuid(),
  format: z.enum(['json', 'csv', 'xlsx', 'html', 'pdf', 'docx']),
});
const quarterOnly = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  quarter: z.coerce.number().int().min(1).max(4),
});

/** HTTP routes of the campaigns module: plans, quarterly reports, review, aggregate and documents, teams. */
export function registerCampaignsRoutes(app: FastifyInstance, deps: CampaignsDeps): void {
  const signedIn = requireSignedIn(deps);
  const me = (req: { principal?: Principal | null }) => req.principal ?? null;
  const department = () => ({
    departmentName:
      deps.profile.agencies.find((a) => a.code === 'so-tttt')?.name.replace(/ tỉnh .*$/, '') ??
      'Sở Thông tin và Truyền thông',
    province: deps.profile.province.name,
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/campaigns/plans',
    summary: 'Kế hoạch tuyên truyền / Promotion plans',
    tags,
    preHandler: [signedIn],
    handler: async ({ req }) => listPlans(deps, me(req)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/campaigns/plans/:planId',
    summary: 'Kế hoạch: nhiệm vụ, chỉ tiêu, mục tiêu / A plan with tasks, measures and targets',
    tags,
    params: planParams,
    preHandler: [signedIn],
    handler: async ({ req, params }) => getPlan(deps, me(req), params.planId),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/campaigns/plans',
    summary: 'Sở tạo kế hoạch / The Department creates a plan',
    tags,
    body: planFields,
    preHandler: [signedIn],
    responses: { 201: 'Đã tạo / Created', 409: 'Số kế hoạch đã có / Number taken' },
    handler: async ({ req, reply, body }) => {
      const r = await createPlan(deps, me(req), body, actorOf(me(req), req));
      reply.status(201);
      return r;
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/campaigns/plans/:planId',
    summary: 'Sở sửa kế hoạch / The Department edits a plan',
    tags,
    params: planParams,
    body: updatePlanRequest,
    preHandler: [signedIn],
    responses: { 200: 'Đã lưu / Saved', 409: 'Phiên bản cũ / Stale version' },
    handler: async ({ req, params, body }) =>
      updatePlan(deps, me(req), params.planId, body, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/campaigns/plans/:planId/tasks',
    summary: 'Thêm nhiệm vụ và chỉ tiêu / Add a task with its measures',
    tags,
    params: planParams,
    body: taskRequest,
    preHandler: [signedIn],
    responses: { 201: 'Đã thêm / Added', 409: 'Phiên bản cũ / Stale version' },
    handler: async ({ req, reply, params, body }) => {
      const r = await saveTask(deps, me(req), params.planId, null, body, actorOf(me(req), req));
      reply.status(201);
      return r;
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/campaigns/plans/:planId/tasks/:taskId',
    summary: 'Sửa nhiệm vụ và chỉ tiêu / Edit a task and its measures',
    tags,
    params: z.strictObject({ planId: z.uuid(), taskId: z.uuid() }),
    body: taskRequest,
    preHandler: [signedIn],
    responses: { 200: 'Đã lưu / Saved', 409: 'Phiên bản cũ hoặc đã có số liệu / Stale or has figures' },
    handler: async ({ req, params, body }) =>
      saveTask(deps, me(req), params.planId, params.taskId, body, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/campaigns/plans/:planId/tasks/:taskId',
    summary: 'Xóa nhiệm vụ (khi chưa có số liệu) / Remove a task without reported figures',
    tags,
    params: z.strictObject({ planId: z.uuid(), taskId: z.uuid() }),
    query: planVersionQuery,
    preHandler: [signedIn],
    responses: { 200: 'Đã xóa / Removed', 409: 'Phiên bản cũ hoặc đã có số liệu / Stale or has figures' },
    handler: async ({ req, params, query }) =>
      removeTask(deps, me(req), params.planId, params.taskId, query.version, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/campaigns/plans/:planId/targets',
    summary: 'Mục tiêu theo huyện / Targets per district',
    tags,
    params: planParams,
    body: targetsRequest,
    preHandler: [signedIn],
    responses: { 200: 'Đã lưu / Saved', 409: 'Phiên bản cũ / Stale version' },
    handler: async ({ req, params, body }) =>
      saveTargets(deps, me(req), params.planId, body, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/public/app-installs',
    summary:
      'Ứng dụng tự đăng ký lượt cài đặt theo địa bàn (ẩn danh) / The app registers its install and area (anonymous)',
    tags,
    body: appInstallRequest,
    rateLimit: { max: 10, timeWindow: '1 minute' },
    handler: async ({ body }) => registerInstall(deps, body),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/campaigns/store-figures',
    summary: 'Số liệu từ kho ứng dụng theo huyện và tháng / App-store figures per district and month',
    tags,
    body: storeFiguresRequest,
    preHandler: [signedIn],
    handler: async ({ req, body }) => saveStoreFigures(deps, me(req), body, actorOf(me(req), req)),
  });

  const teamParams = z.strictObject({ agencyId: z.uuid() });
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/campaigns/teams',
    summary: 'Các Tổ công nghệ số cộng đồng / Community digital teams',
    tags,
    preHandler: [signedIn],
    handler: async ({ req }) => listTeams(deps, me(req)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/campaigns/teams/:agencyId/members',
    summary: 'Thành viên Tổ / Team members',
    tags,
    params: teamParams,
    preHandler: [signedIn],
    handler: async ({ req, params }) => listMembers(deps, me(req), params.agencyId),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/campaigns/teams/:agencyId/members',
    summary: 'Thêm thành viên Tổ (Sở hoặc Tổ trưởng) / Add a team member',
    tags,
    params: teamParams,
    body: teamMemberRequest,
    preHandler: [signedIn],
    responses: { 201: 'Đã thêm / Added' },
    handler: async ({ req, reply, params, body }) => {
      const r = await saveMember(deps, me(req), params.agencyId, null, body, actorOf(me(req), req));
      reply.status(201);
      return r;
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/campaigns/teams/:agencyId/members/:memberId',
    summary: 'Sửa thành viên Tổ / Edit a team member',
    tags,
    params: z.strictObject({ agencyId: z.uuid(), memberId: z.uuid() }),
    body: teamMemberRequest,
    preHandler: [signedIn],
    handler: async ({ req, params, body }) =>
      saveMember(deps, me(req), params.agencyId, params.memberId, body, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/campaigns/plans/:planId/reports',
    summary: 'Tình hình báo cáo của quý / Reports of a quarter',
    tags,
    params: planParams,
    query: quarterOnly,
    preHandler: [signedIn],
    handler: async ({ req, params, query }) => listQuarterReports(deps, me(req), params.planId, query),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/campaigns/plans/:planId/report-form',
    summary: 'Biểu mẫu báo cáo quý của đơn vị / An agency’s quarterly report form',
    tags,
    params: planParams,
    query: quarterQuery,
    preHandler: [signedIn],
    handler: async ({ req, params, query }) => getQuarterReport(deps, me(req), params.planId, query),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/campaigns/plans/:planId/report-form',
    summary: 'Lưu nháp báo cáo quý / Save the quarterly report draft',
    tags,
    params: planParams,
    body: saveReportRequest,
    preHandler: [signedIn],
    responses: {
      200: 'Đã lưu / Saved',
      409: 'Phiên bản cũ hoặc kỳ đã khóa / Stale version or closed quarter',
    },
    handler: async ({ req, params, body }) =>
      saveQuarterReport(deps, me(req), params.planId, body, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/campaigns/reports/:id',
    summary: 'Báo cáo quý / A quarterly report',
    tags,
    params: reportParams,
    preHandler: [signedIn],
    handler: async ({ req, params }) => getReportById(deps, me(req), params.id),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/campaigns/reports/:id/document.html',
    summary: 'Bản in báo cáo quý của đơn vị / Printable agency report',
    tags,
    params: reportParams,
    preHandler: [signedIn],
    handler: async ({ req, reply, params }) => {
      const r = await getReportById(deps, me(req), params.id);
      reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store');
      return reply.send(
        agencyReportHtml(r, { province: deps.profile.province.name, today: vnDate(deps.now()) }),
      );
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/campaigns/reports/:id/document.docx',
    summary: 'Báo cáo quý của đơn vị (Word) / Agency report as DOCX',
    tags,
    params: reportParams,
    preHandler: [signedIn],
    handler: async ({ req, reply, params }) => {
      const r = await getReportById(deps, me(req), params.id);
      const docx = await renderDocx(
        agencyReportModel(r, { province: deps.profile.province.name, today: vnDate(deps.now()) }),
      );
      return reply
        .header('content-type', DOCX)
        .header(
          'content-disposition',
          `attachment; filename="bao-cao-${r.year}-q${r.quarter}-${r.id ?? 'moi'}.docx"`,
        )
        .header('cache-control', 'no-store')
        .send(docx);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/campaigns/reports/:id/document.pdf',
    summary: 'Báo cáo quý của đơn vị (PDF, thể thức văn bản hành chính) / Agency report as PDF',
    tags,
    params: reportParams,
    preHandler: [signedIn],
    handler: async ({ req, reply, params }) => {
      const r = await getReportById(deps, me(req), params.id);
      const pdf = await agencyReportPdf(r, {
        province: deps.profile.province.name,
        today: vnDate(deps.now()),
      });
      const name = `bao-cao-${r.year}-q${r.quarter}-${r.id ?? 'moi'}.pdf`;
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/campaigns/reports/:id/submit',
    summary: 'Gửi báo cáo về Sở / Submit the report to the Department',
    tags,
    params: reportParams,
    body: versionRequest,
    preHandler: [signedIn],
    handler: async ({ req, params, body }) =>
      submitQuarterReport(deps, me(req), params.id, body.version, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/campaigns/reports/:id/review',
    summary: 'Sở tiếp nhận hoặc yêu cầu chỉnh sửa / The Department accepts or asks for a correction',
    tags,
    params: reportParams,
    body: reviewRequest,
    preHandler: [signedIn],
    handler: async ({ req, params, body }) =>
      reviewQuarterReport(deps, me(req), params.id, body, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/campaigns/plans/:planId/summary.:format',
    summary: 'Tổng hợp quý (JSON, CSV, XLSX, HTML in được, PDF, DOCX) / Quarter aggregate and documents',
    tags,
    params: summaryParams,
    query: quarterOnly,
    preHandler: [signedIn],
    handler: async ({ req, reply, params, query }) => {
      const s = await quarterSummary(deps, me(req), params.planId, query);
      const base = `tong-hop-${s.plan.number.replace(/[^\w-]+/g, '-')}-${s.year}-q${s.quarter}`;
      reply.header('cache-control', 'no-store');
      switch (params.format) {
        case 'json':
          return s;
        case 'csv':
          reply.header('content-type', 'text/csv; charset=utf-8');
          reply.header('content-disposition', `attachment; filename="${base}.csv"`);
          return reply.send(summaryCsv(s));
        case 'xlsx':
          reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
          reply.header('content-disposition', `attachment; filename="${base}.xlsx"`);
          return reply.send(await summaryXlsx(s));
        case 'html':
          reply.header('content-type', 'text/html; charset=utf-8');
          return reply.send(summaryHtml(s, department()));
        case 'pdf':
          reply.header('content-type', 'application/pdf');
          reply.header('content-disposition', `attachment; filename="${base}.pdf"`);
          return reply.send(await summaryPdf(s, department()));
        case 'docx':
          reply.header('content-type', DOCX);
          reply.header('content-disposition', `attachment; filename="${base}.docx"`);
          return reply.send(await renderDocx(summaryModel(s, department())));
      }
      throw new AppError('not_found');
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/campaigns/district-boundaries',
    summary: 'Ranh giới huyện cho bản đồ tiến độ / District boundaries for the progress map',
    tags,
    preHandler: [signedIn],
    handler: async ({ req }) => {
      authorize(me(req), 'campaigns.manage');
      return { boundaries: deps.profile.boundaries };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/campaigns/notices',
    summary: 'Nhắc hạn báo cáo / Report reminders',
    tags,
    preHandler: [signedIn],
    handler: async ({ req }) => listNotices(deps, me(req)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/campaigns/activities',
    summary: 'Hoạt động của Tổ công nghệ số cộng đồng / Community team activities',
    tags,
    preHandler: [signedIn],
    handler: async ({ req }) => listActivities(deps, me(req)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/campaigns/activities',
    summary: 'Ghi nhận hoạt động hướng dẫn người dân / Record a community team activity',
    tags,
    body: activityRequest,
    preHandler: [signedIn],
    rateLimit: { max: 60, timeWindow: '1 minute' },
    responses: { 201: 'Đã ghi nhận / Recorded', 200: 'Đã có (gửi lại) / Already recorded' },
    handler: async ({ req, reply, body }) => {
      const result = await recordActivity(deps, me(req), body, actorOf(me(req), req));
      reply.status(result.created ? 201 : 200);
      return result;
    },
  });
}
