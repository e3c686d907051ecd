import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  alertDraftRequest,
  alertFollowUpRequest,
  alertListQuery,
  alertRejectRequest,
  alertContactChannelParams,
  alertContactTokenRequest,
  alertEmailContactRequest,
  alertSmsContactRequest,
  pushSubscriptionRequest,
  pushUnsubscribeRequest,
} from '../../contracts/alerts.js';
import { defineRoute } from '../../platform/http/route.js';
import {
  actorOf,
  optionalSignIn,
  requireSignedIn,
  type IdentityDeps,
  type Principal,
} from '../identity/index.js';
import type { AlertsDeps } from './alerts-deps.js';
import {
  approveAlert,
  createAlertDraft,
  editAlertDraft,
  prepareFollowUp,
  publishAlert,
  rejectAlert,
  submitAlert,
} from './use-cases/alert-workflow.js';
import {
  alertCap,
  alertsAtom,
  currentPublicAlerts,
  getAlertForStaff,
  listAlertsForStaff,
  listTemplates,
  previewAlert,
  publicAlert,
} from './use-cases/read-alerts.js';
import { subscribePush, subscriptionStatus, unsubscribePush } from './use-cases/push-subscriptions.js';
import { chooseEmail, chooseSms, confirmEmail, myContacts, stopContact } from './use-cases/alert-contacts.js';

const idParams = z.strictObject({ id: z.uuid() });
const tags = ['alerts'];
const FEED_LIMIT = { max: 120, timeWindow: '1 minute' };
const SUBSCRIBE_LIMIT = { max: 10, timeWindow: '1 minute' };
/** Confirmation and unsubscribe tokens: few tries per client, so guessing is hopeless. */
const TOKEN_LIMIT = { max: 10, timeWindow: '10 minutes' };
/** Choosing email sends a mail: few per client. */
const MAIL_LIMIT = { max: 5, timeWindow: '1 hour' };

/** HTTP routes of the alerts module: staff workflow, public feed and CAP, Web Push subscriptions. */
export function registerAlertRoutes(
  app: FastifyInstance,
  deps: AlertsDeps,
  identity: IdentityDeps,
  vapidPublicKey: () => Promise<string>,
): void {
  const signedIn = requireSignedIn(identity);
  const maybeSignedIn = optionalSignIn(identity);
  const me = (req: { principal?: Principal | null }) => req.principal ?? null;

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/alerts',
    summary: 'Danh sách cảnh báo (cán bộ) / Alerts (staff)',
    tags,
    query: alertListQuery,
    preHandler: [signedIn],
    handler: async ({ req, query }) => listAlertsForStaff(deps, me(req), query.state, query.limit),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/alerts/templates',
    summary: 'Mẫu cảnh báo theo loại sự kiện / Alert templates per event type',
    tags,
    preHandler: [signedIn],
    handler: async ({ req }) => listTemplates(me(req)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/alerts',
    summary: 'Soạn cảnh báo (bản nháp) / Draft an alert',
    tags,
    body: alertDraftRequest,
    preHandler: [signedIn],
    responses: { 201: 'Đã tạo bản nháp / Draft created' },
    handler: async ({ req, reply, body }) => {
      const alert = await createAlertDraft(deps, me(req), body, actorOf(me(req), req));
      reply.status(201);
      return alert;
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/alerts/current',
    summary: 'Cảnh báo đang hiệu lực (công khai) / Current alerts (public)',
    tags,
    rateLimit: FEED_LIMIT,
    handler: async ({ reply }) => {
      reply.header('cache-control', 'public, max-age=30');
      return { items: await currentPublicAlerts(deps) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/alerts/current/:id',
    summary: 'Một cảnh báo đã phát (công khai) / One published alert (public)',
    tags,
    params: idParams,
    rateLimit: FEED_LIMIT,
    handler: async ({ params }) => publicAlert(deps, params.id),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/alerts/:id',
    summary: 'Chi tiết cảnh báo (cán bộ) / Alert detail (staff)',
    tags,
    params: idParams,
    preHandler: [signedIn],
    handler: async ({ req, params }) => getAlertForStaff(deps, me(req), params.id),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/alerts/:id',
    summary: 'Sửa bản nháp / Edit a draft',
    tags,
    params: idParams,
    body: alertDraftRequest,
    preHandler: [signedIn],
    handler: async ({ req, params, body }) =>
      editAlertDraft(deps, me(req), params.id, body, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/alerts/:id/preview',
    summary: 'Xem trước: phạm vi tiếp cận, vùng, nội dung trên điện thoại / Preview before approval',
    tags,
    params: idParams,
    preHandler: [signedIn],
    handler: async ({ req, params }) => previewAlert(deps, me(req), params.id),
  });

  for (const [step, fn, summary] of [
    ['submit', submitAlert, 'Gửi duyệt / Submit for approval'],
    ['approve', approveAlert, 'Duyệt (người thứ hai, có 2FA) / Approve (second person, 2FA)'],
    ['publish', publishAlert, 'Phát cảnh báo / Publish'],
  ] as const) {
    defineRoute(app, {
      method: 'POST',
      url: `/api/v1/alerts/:id/${step}`,
      summary,
      tags,
      params: idParams,
      preHandler: [signedIn],
      handler: async ({ req, params }) => fn(deps, me(req), params.id, actorOf(me(req), req)),
    });
  }

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/alerts/:id/reject',
    summary: 'Trả lại bản nháp / Reject',
    tags,
    params: idParams,
    body: alertRejectRequest,
    preHandler: [signedIn],
    handler: async ({ req, params, body }) =>
      rejectAlert(deps, me(req), params.id, body.reason, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/alerts/:id/follow-up',
    summary: 'Chuẩn bị bản cập nhật hoặc hủy (tham chiếu bản gốc) / Prepare an update or a cancellation',
    tags,
    params: idParams,
    body: alertFollowUpRequest,
    preHandler: [signedIn],
    responses: { 201: 'Đã tạo bản nháp tham chiếu bản gốc / Draft referencing the original' },
    handler: async ({ req, reply, params, body }) => {
      const alert = await prepareFollowUp(deps, me(req), params.id, body.kind, actorOf(me(req), req));
      reply.status(201);
      return alert;
    },
  });

  app.get<{ Params: { id: string } }>(
    '/api/v1/alerts/:id/cap.xml',
    { preHandler: [maybeSignedIn], config: { rateLimit: FEED_LIMIT } },
    async (req, reply) => {
      const id = idParams.safeParse(req.params);
      if (!id.success) return reply.status(404).type('text/plain').send('not found');
      const xml = await alertCap(deps, me(req), id.data.id);
      return reply
        .type('application/cap+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=60')
        .send(xml);
    },
  );

  app.get('/cap/alerts.atom', { config: { rateLimit: FEED_LIMIT } }, async (_req, reply) =>
    reply
      .type('application/atom+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=60')
      .send(await alertsAtom(deps)),
  );

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/push/vapid-public-key',
    summary: 'Khóa công khai VAPID cho trình duyệt / VAPID public key',
    tags,
    handler: async () => ({ publicKey: await vapidPublicKey() }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/push/subscriptions',
    summary: 'Đăng ký nhận cảnh báo qua thông báo đẩy / Subscribe a browser to alerts',
    tags,
    body: pushSubscriptionRequest,
    preHandler: [maybeSignedIn],
    rateLimit: SUBSCRIBE_LIMIT,
    responses: { 201: 'Đã đăng ký / Subscribed' },
    handler: async ({ req, reply, body }) => {
      const sub = await subscribePush(deps, me(req), body, actorOf(me(req), req));
      reply.status(201);
      return sub;
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/push/subscriptions/status',
    summary: 'Trạng thái đăng ký của trình duyệt này / This browser’s subscription',
    tags,
    body: pushUnsubscribeRequest,
    preHandler: [maybeSignedIn],
    rateLimit: SUBSCRIBE_LIMIT,
    handler: async ({ body }) => subscriptionStatus(deps, body.endpoint),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/push/subscriptions/delete',
    summary: 'Hủy đăng ký / Unsubscribe',
    tags,
    body: pushUnsubscribeRequest,
    preHandler: [maybeSignedIn],
    rateLimit: SUBSCRIBE_LIMIT,
    handler: async ({ req, body }) => unsubscribePush(deps, body.endpoint, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/alerts/contacts',
    summary: 'Kênh SMS/email nhận cảnh báo của tôi / My SMS and email alert channels',
    tags,
    preHandler: [signedIn],
    handler: async ({ req }) => myContacts(deps, me(req)),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/alerts/contacts/sms',
    summary: 'Nhận cảnh báo qua SMS (số điện thoại đã xác minh) / Alerts by SMS to my verified phone',
    tags,
    body: alertSmsContactRequest,
    preHandler: [signedIn],
    rateLimit: SUBSCRIBE_LIMIT,
    handler: async ({ req, body }) => chooseSms(deps, me(req), body, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/alerts/contacts/email',
    summary: 'Nhận cảnh báo qua email (xác nhận qua thư) / Alerts by email (confirmed by a mail)',
    tags,
    body: alertEmailContactRequest,
    preHandler: [signedIn],
    rateLimit: MAIL_LIMIT,
    handler: async ({ req, body }) => chooseEmail(deps, me(req), body, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/alerts/contacts/:channel',
    summary: 'Ngừng nhận cảnh báo qua kênh này / Stop alerts on this channel',
    tags,
    params: alertContactChannelParams,
    preHandler: [signedIn],
    rateLimit: SUBSCRIBE_LIMIT,
    handler: async ({ req, params }) =>
      stopContact(deps, { p: me(req), channel: params.channel }, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/alerts/contacts/email/confirm',
    summary: 'Xác nhận email nhận cảnh báo (liên kết hoặc mã) / Confirm the alert email (link or code)',
    tags,
    body: alertContactTokenRequest,
    preHandler: [maybeSignedIn],
    rateLimit: TOKEN_LIMIT,
    handler: async ({ req, body }) => confirmEmail(deps, body.token, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/alerts/contacts/unsubscribe',
    summary:
      'Ngừng nhận email cảnh báo (liên kết trong thư) / Unsubscribe from alert mails (link in the mail)',
    tags,
    body: alertContactTokenRequest,
    preHandler: [maybeSignedIn],
    rateLimit: TOKEN_LIMIT,
    handler: async ({ req, body }) => stopContact(deps, { token: body.token }, actorOf(me(req), req)),
  });
}
