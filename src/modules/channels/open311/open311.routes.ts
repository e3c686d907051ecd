import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../platform/http/problem.js';
import { defineRoute } from '../../../platform/http/route.js';
import { actorOf, requireSignedIn, type Principal } from '../../identity/index.js';
import type { ChannelsDeps } from '../channels-deps.js';
import { CONTENT_TYPES, Open311Error, splitFormat, toXml, type Open311Format } from './open311-format.js';
import {
  createClient,
  createRequest,
  getRequest,
  getToken,
  listUpdates,
  postUpdate,
  hashKey,
  listClients,
  listRequests,
  listServices,
  revokeClient,
  serviceDefinition,
  type Open311ListQuery,
  type Open311PostInput,
  type Open311UpdatesQuery,
} from './open311-requests.js';

const BASE = '/open311/v2';
const READ_MAX = 120;
/** Per client key (hashed), so one app cannot flood the queue; by address when no key is sent. */
const WRITE_LIMIT = {
  max: 30,
  timeWindow: '1 minute',
  // After the body is parsed, so that the key in it can be counted.
  hook: 'preHandler' as const,
  keyGenerator: (req: FastifyRequest) => {
    const key = (req.body as Record<string, unknown> | undefined)?.api_key;
    return typeof key === 'string' ? `o311:${hashKey(key)}` : `o311-ip:${req.ip}`;
  },
};

function send(reply: FastifyReply, format: Open311Format, root: string, value: unknown, status = 200) {
  reply.status(status).header('content-type', CONTENT_TYPES[format]).header('cache-control', 'no-store');
  return reply.send(format === 'json' ? JSON.stringify(value) : toXml(root, value));
}

/**
 * The string fields of a POST body (form or JSON); a JSON `attribute` object becomes `attribute[code]`
 * fields, as a form sends them.
 */
function stringFields(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (typeof v === 'string' || typeof v === 'number') out[k] = String(v);
    else if (k === 'attribute' && v && typeof v === 'object' && !Array.isArray(v))
      for (const [code, value] of Object.entries(v as Record<string, unknown>))
        if (typeof value === 'string' || typeof value === 'number') out[`attribute[${code}]`] = String(value);
        else if (Array.isArray(value)) out[`attribute[${code}]`] = value.map(String).join(',');
  }
  return out;
}

function fail(reply: FastifyReply, format: Open311Format, err: unknown) {
  if (err instanceof Open311Error)
    return send(reply, format, 'errors', [{ code: err.status, description: err.description }], err.status);
  throw err;
}

/**
 * Open311 GeoReport v2 under /open311/v2 (both .json and .xml): discovery, services, service definitions,
 * requests (create with an api_key, list, one). Errors are the specification's error arrays. Admin routes
 * under /api/v1/open311/clients issue and revoke keys.
 */
export function registerOpen311Routes(app: FastifyInstance, deps: ChannelsDeps): void {
  const publicUrl = deps.config.publicUrl;
  const scale = app.rateLimitScale ?? 1;
  const READ_LIMIT = { max: Math.ceil(READ_MAX * scale), timeWindow: '1 minute' };
  const writeLimit = { ...WRITE_LIMIT, max: Math.ceil(WRITE_LIMIT.max * scale) };
  void app.register(async (scope) => {
    // GeoReport v2 clients post form-encoded bodies.
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    scope.setErrorHandler(async (err: Error & { statusCode?: number }, req, reply) => {
      const format = req.url.includes('.xml') ? 'xml' : 'json';
      const status =
        err instanceof AppError && err.code === 'rate_limited'
          ? 429
          : err.statusCode && err.statusCode >= 400 && err.statusCode < 500
            ? err.statusCode
            : 500;
      if (status === 500) req.log.error({ err: { message: err.message } }, 'open311 error');
      const description =
        status === 429
          ? 'Quá nhiều yêu cầu, thử lại sau / Too many requests, try again later.'
          : status === 500
            ? 'Lỗi hệ thống, thử lại sau / Server error, try again later.'
            : 'Yêu cầu không hợp lệ / Bad request.';
      return send(reply, format, 'errors', [{ code: status, description }], status);
    });

    for (const format of ['json', 'xml'] as const) {
      scope.get(`${BASE}/discovery.${format}`, { config: { rateLimit: READ_LIMIT } }, async (_req, reply) =>
        send(reply, format, 'discovery', {
          changeset: '2026-11-29T00:00:00Z',
          contact: `${deps.profile.brand.hotlineName} — ${deps.profile.brand.mailbox}`,
          key_service: `Khóa API do quản trị viên cấp: liên hệ ${deps.profile.brand.mailbox} / Keys are issued by the administrators: write to ${deps.profile.brand.mailbox}`,
          endpoints: [
            {
              specification: 'http://wiki.open311.org/GeoReport_v2',
              url: `${publicUrl}${BASE}`,
              changeset: '2026-11-29T00:00:00Z',
              type: 'production',
              formats: ['application/json', 'text/xml'],
            },
            {
              // mySociety's extension (servicerequestupdates, extended statuses), JSON and XML.
              specification: 'https://github.com/mysociety/fixmystreet/wiki/Open311-FMS---Complete-Spec',
              url: `${publicUrl}${BASE}`,
              changeset: '2026-11-29T00:00:00Z',
              type: 'production',
              formats: ['application/json', 'text/xml'],
            },
          ],
        }),
      );
      scope.get(`${BASE}/services.${format}`, { config: { rateLimit: READ_LIMIT } }, async (_req, reply) =>
        send(reply, format, 'services', await listServices(deps)),
      );
      scope.get(`${BASE}/requests.${format}`, { config: { rateLimit: READ_LIMIT } }, async (req, reply) => {
        try {
          return send(
            reply,
            format,
            'service_requests',
            await listRequests(deps, req.query as Open311ListQuery),
          );
        } catch (err) {
          return fail(reply, format, err);
        }
      });
      // mySociety's extension: status updates (GET, public) and a client's additions (POST, with a key).
      scope.get(
        `${BASE}/servicerequestupdates.${format}`,
        { config: { rateLimit: READ_LIMIT } },
        async (req, reply) => {
          try {
            const q = req.query as Open311UpdatesQuery;
            return send(reply, format, 'service_request_updates', await listUpdates(deps, q));
          } catch (err) {
            return fail(reply, format, err);
          }
        },
      );
    }
    // Every write (requests, servicerequestupdates; .json and .xml) is ONE route, so that a key's budget
    // is shared: the rate limiter keeps one counter store per route.
    scope.post(`${BASE}/:file`, { config: { rateLimit: writeLimit } }, async (req, reply) => {
      const f = splitFormat((req.params as { file: string }).file);
      if (!f || (f.name !== 'requests' && f.name !== 'servicerequestupdates'))
        return send(reply, f?.format ?? 'json', 'errors', [{ code: 404, description: 'Not found' }], 404);
      try {
        const input = stringFields(req.body);
        return f.name === 'requests'
          ? send(
              reply,
              f.format,
              'service_requests',
              await createRequest(deps, input as Open311PostInput, req.headers['accept-language']),
              201,
            )
          : send(reply, f.format, 'service_request_updates', await postUpdate(deps, input), 201);
      } catch (err) {
        return fail(reply, f.format, err);
      }
    });
    scope.get(`${BASE}/tokens/:file`, { config: { rateLimit: READ_LIMIT } }, async (req, reply) => {
      const f = splitFormat((req.params as { file: string }).file);
      if (!f)
        return send(reply, 'json', 'errors', [{ code: 404, description: 'Format: .json or .xml' }], 404);
      try {
        return send(reply, f.format, 'service_requests', await getToken(deps, f.name));
      } catch (err) {
        return fail(reply, f.format, err);
      }
    });
    scope.get(`${BASE}/services/:file`, { config: { rateLimit: READ_LIMIT } }, async (req, reply) => {
      const f = splitFormat((req.params as { file: string }).file);
      if (!f)
        return send(reply, 'json', 'errors', [{ code: 404, description: 'Format: .json or .xml' }], 404);
      try {
        return send(reply, f.format, 'service_definition', await serviceDefinition(deps, f.name));
      } catch (err) {
        return fail(reply, f.format, err);
      }
    });
    scope.get(`${BASE}/requests/:file`, { config: { rateLimit: READ_LIMIT } }, async (req, reply) => {
      const f = splitFormat((req.params as { file: string }).file);
      if (!f)
        return send(reply, 'json', 'errors', [{ code: 404, description: 'Format: .json or .xml' }], 404);
      try {
        return send(reply, f.format, 'service_requests', await getRequest(deps, f.name));
      } catch (err) {
        return fail(reply, f.format, err);
      }
    });
  });

  const signedIn = requireSignedIn(deps);
  const me = (req: { principal?: Principal | null }) => req.principal ?? null;
  const tags = ['channels-open311'];
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/open311/clients',
    summary: 'Ứng dụng Open311 được cấp khóa / Open311 client apps',
    tags,
    preHandler: [signedIn],
    handler: async ({ req }) => listClients(deps, me(req)),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/open311/clients',
    summary: 'Cấp khóa API Open311 (hiện một lần) / Issue an Open311 key (shown once)',
    tags,
    body: z.strictObject({
      name: z.string().trim().min(2).max(120),
      contact: z.string().trim().max(200).optional(),
    }),
    preHandler: [signedIn],
    responses: { 201: 'Đã cấp / Issued' },
    handler: async ({ req, reply, body }) => {
      reply.status(201);
      return createClient(deps, me(req), body, actorOf(me(req), req));
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/open311/clients/:id/revoke',
    summary: 'Thu hồi khóa Open311 / Revoke an Open311 key',
    tags,
    params: z.strictObject({ id: z.uuid() }),
    preHandler: [signedIn],
    handler: async ({ req, params }) => {
      await revokeClient(deps, me(req), params.id, actorOf(me(req), req));
    },
  });
}
