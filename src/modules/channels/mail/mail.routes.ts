import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { defineRoute } from '../../../platform/http/route.js';
import { actorOf, requireSignedIn, type Principal } from '../../identity/index.js';
import type { ChannelsDeps } from '../channels-deps.js';
import { listChannelHealth } from './channel-health.js';
import {
  discardQuarantined,
  listQuarantine,
  quarantinedItem,
  quarantinedRaw,
  reprocessQuarantined,
} from './mail-quarantine.js';

const tags = ['channels-mail'];
const idParams = z.strictObject({ id: z.uuid() });

/** Staff routes of the mailbox: the mail servers' state, and the quarantine of mail the intake could not understand. */
export function registerMailRoutes(app: FastifyInstance, deps: ChannelsDeps): void {
  const signedIn = requireSignedIn(deps);
  const me = (req: { principal?: Principal | null }) => req.principal ?? null;

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/mail/health',
    summary: 'Tình trạng máy chủ thư (IMAP nhận, SMTP gửi) / Whether the mail servers answer',
    tags,
    preHandler: [signedIn],
    handler: async ({ req }) => listChannelHealth(deps, me(req)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/mail/quarantine',
    summary: 'Thư chưa xử lý được (cách ly) / Quarantined mail',
    tags,
    query: z.strictObject({ status: z.enum(['held', 'processed', 'discarded']).optional() }),
    preHandler: [signedIn],
    handler: async ({ req, query }) => listQuarantine(deps, me(req), query.status),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/mail/quarantine/:id',
    summary: 'Một thư cách ly: thông tin và phần đầu thư / One quarantined mail with its headers',
    tags,
    params: idParams,
    preHandler: [signedIn],
    handler: async ({ req, params }) => quarantinedItem(deps, me(req), params.id, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/mail/quarantine/:id/raw',
    summary: 'Tải thư gốc (.eml) / The mail as received',
    tags,
    params: idParams,
    preHandler: [signedIn],
    handler: async ({ req, reply, params }) => {
      const raw = await quarantinedRaw(deps, me(req), params.id, actorOf(me(req), req));
      return reply
        .header('content-type', 'message/rfc822')
        .header('content-disposition', `attachment; filename="thu-${params.id}.eml"`)
        .send(raw);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/mail/quarantine/:id/reprocess',
    summary: 'Xử lý lại thư / Process the mail again',
    tags,
    params: idParams,
    preHandler: [signedIn],
    handler: async ({ req, params }) => reprocessQuarantined(deps, me(req), params.id, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/mail/quarantine/:id/discard',
    summary: 'Bỏ qua thư / Discard the mail',
    tags,
    params: idParams,
    preHandler: [signedIn],
    handler: async ({ req, params }) => {
      await discardQuarantined(deps, me(req), params.id, actorOf(me(req), req));
    },
  });
}
