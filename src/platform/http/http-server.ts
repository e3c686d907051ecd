import { randomUUID, timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import client from 'prom-client';
import type { Config } from '../config/config.js';
import { isConnectionError, type Database } from '../db/database.js';
import { AppError, sendProblem } from './problem.js';
import { postgresRateLimitStore } from './rate-limit-store.js';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyInstance {
    rateLimitScale: number;
    /** Every route registered on the server (method and URL pattern), for the access-control matrix test. */
    routeTable: { method: string; url: string }[];
  }
}

export const metricsRegistry = new client.Registry();
client.collectDefaultMetrics({ register: metricsRegistry });
const httpDuration = new client.Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration in seconds',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});

/** Path without its query string: query strings may carry personal data and never reach the logs. */
function pathOnly(url: string): string {
  const i = url.indexOf('?');
  return i === -1 ? url : url.slice(0, i);
}

/**
 * The Fastify instance with the cross-cutting parts every module relies on: request ids, structured logs
 * without personal data, problem+json errors, security headers, an Origin check on state-changing
 * requests, rate limiting, health and metrics endpoints.
 */
export async function createHttpServer(config: Config, database: Database): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
      serializers: {
        req: (req: FastifyRequest) => ({ id: req.id, method: req.method, path: pathOnly(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  });

  app.decorate('rateLimitScale', config.rateLimitScale);
  const routeTable: { method: string; url: string }[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url });
  });
  await app.register(cookie);
  // One process (embedded database): counters in memory. A PostgreSQL server may have several web
  // processes behind one address: counters in the database, so a client's budget is shared by all (hits
  // arriving together are counted in one statement, see rate-limit-store.ts).
  const sharedLimits = database.kind === 'postgres' ? postgresRateLimitStore(database) : null;
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('rate_limited'),
    ...(sharedLimits ? { store: sharedLimits.Store } : {}),
  });
  if (sharedLimits) {
    const timer = setInterval(() => void sharedLimits.cleanup().catch(() => undefined), 60_000);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    if (!UNSAFE_METHODS.has(req.method)) return;
    // Defence in depth against cross-site requests: a browser always sends Origin on these methods.
    const origin = req.headers.origin;
    if (origin && origin !== 'null') {
      let host: string;
      try {
        host = new URL(origin).host;
      } catch {
        return sendProblem(req, reply, 'csrf');
      }
      const allowed = new Set([req.headers.host, new URL(config.publicUrl).host]);
      if (!allowed.has(host)) return sendProblem(req, reply, 'csrf');
    }
  });

  // A NUL character cannot be stored in PostgreSQL text (it would fail deep in a query as a 500): any
  // request carrying one, in the body, the query string or the path, is refused up front as invalid.
  app.addHook('preValidation', async (req, reply) => {
    if (
      hasNul(req.params) ||
      hasNul(req.query) ||
      (typeof req.body === 'object' || typeof req.body === 'string' ? hasNul(req.body) : false)
    )
      return sendProblem(req, reply, 'validation');
  });

  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'geolocation=(self), camera=(self), microphone=()');
    if (!reply.hasHeader('content-security-policy')) {
      reply.header(
        'content-security-policy',
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https://*.tile.openstreetmap.org; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
      );
    }
    if (config.secureCookies)
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    return payload;
  });

  app.addHook('onResponse', async (req, reply) => {
    httpDuration
      .labels(req.method, req.routeOptions.url ?? 'unmatched', String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });

  app.setErrorHandler(async (err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) return sendProblem(req, reply, err.code, err.params, err.fieldErrors);
    const code = (err as FastifyError).code;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendProblem(req, reply, 'payload_too_large');
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendProblem(req, reply, 'unsupported_media_type');
    if (
      code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      err instanceof SyntaxError ||
      code === 'FST_ERR_CTP_INVALID_JSON_BODY'
    )
      return sendProblem(req, reply, 'malformed_json');
    if (code === '40001' || code === '40P01') return sendProblem(req, reply, 'conflict');
    if (isConnectionError(err)) {
      req.log.error({ err: { message: err.message, code } }, 'database unavailable');
      reply.header('retry-after', '5');
      return sendProblem(req, reply, 'service_unavailable');
    }
    const status = (err as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      if (status === 413) return sendProblem(req, reply, 'payload_too_large');
      if (status === 415) return sendProblem(req, reply, 'unsupported_media_type');
      if (status === 429) return sendProblem(req, reply, 'rate_limited');
      return sendProblem(req, reply, 'validation', {}, [{ path: '', message: err.message }]);
    }
    req.log.error({ err }, 'unhandled error');
    return sendProblem(req, reply, 'internal');
  });

  app.setNotFoundHandler(async (req, reply) =>
    sendProblem(req, reply, req.url.startsWith('/api/') ? 'route_not_found' : 'not_found'),
  );

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    try {
      await database.ping();
      return { status: 'ready', database: database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: database.kind });
    }
  });
  // Metrics show traffic and internals: with METRICS_TOKEN a scraper sends it as a bearer token; without
  // it only a request made on this machine, not relayed by a proxy, is served (others get a plain 404).
  app.get('/metrics', async (req, reply) => {
    if (!metricsAllowed(req, config.metricsToken)) return sendProblem(req, reply, 'not_found');
    reply.type(metricsRegistry.contentType);
    return metricsRegistry.metrics();
  });

  return app;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Whether GET /metrics may answer this request (exported for its unit test). */
export function metricsAllowed(req: FastifyRequest, token: string | undefined): boolean {
  if (token) {
    const given = Buffer.from(req.headers.authorization ?? '');
    const expected = Buffer.from(`Bearer ${token}`);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
  return (
    LOOPBACK.has(req.socket.remoteAddress ?? '') && !req.headers['x-forwarded-for'] && !req.headers.forwarded
  );
}

/** Whether a decoded request part holds a NUL character anywhere (strings, arrays, objects; bounded depth). */
function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || !value || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  for (const v of Array.isArray(value) ? value : Object.values(value)) if (hasNul(v, depth + 1)) return true;
  return false;
}
