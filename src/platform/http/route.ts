import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  HTTPMethods,
  preHandlerAsyncHookHandler,
} from 'fastify';
import { z, type ZodType } from 'zod';
import { AppError, requestLang } from './problem.js';

export interface RouteSpec<B, Q, P> {
  method: Extract<HTTPMethods, 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'>;
  url: string;
  summary: string;
  tags: string[];
  body?: ZodType<B>;
  query?: ZodType<Q>;
  params?: ZodType<P>;
  /** Checks that run before validation (authentication, CSRF): thrown AppErrors become problems. */
  preHandler?: preHandlerAsyncHookHandler[];
  rateLimit?: { max: number; timeWindow: string | number; keyGenerator?: (req: FastifyRequest) => string };
  /** Documented responses (status → description), for the OpenAPI document. */
  responses?: Record<number, string>;
  security?: 'session' | 'none';
  handler: (ctx: {
    req: FastifyRequest;
    reply: FastifyReply;
    body: B;
    query: Q;
    params: P;
  }) => Promise<unknown>;
}

export interface RegisteredRoute {
  method: string;
  url: string;
  summary: string;
  tags: string[];
  body?: ZodType;
  query?: ZodType;
  params?: ZodType;
  responses: Record<number, string>;
  security: 'session' | 'none';
}

/** Every route defined through defineRoute, for the OpenAPI document. */
export const routeRegistry: RegisteredRoute[] = [];

const localeErrors = { vi: z.locales.vi().localeError, en: z.locales.en().localeError };

function parseOrThrow<T>(
  schema: ZodType<T> | undefined,
  data: unknown,
  req: FastifyRequest,
  where: string,
): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(data ?? (where === 'body' ? undefined : {}), {
    error: localeErrors[requestLang(req)],
  });
  if (result.success) return result.data;
  throw new AppError(
    'validation',
    {},
    result.error.issues.map((i) => ({
      path: [where, ...i.path.map(String)].join('.'),
      message: i.message,
    })),
  );
}

/**
 * Registers a route that reads as a chain: rate limit → pre-handlers (auth, CSRF) → validation with the
 * contract schemas → handler. The same schemas feed the OpenAPI document.
 */
export function defineRoute<B = undefined, Q = undefined, P = undefined>(
  app: FastifyInstance,
  spec: RouteSpec<B, Q, P>,
): void {
  routeRegistry.push({
    method: spec.method,
    url: spec.url,
    summary: spec.summary,
    tags: spec.tags,
    ...(spec.body ? { body: spec.body } : {}),
    ...(spec.query ? { query: spec.query } : {}),
    ...(spec.params ? { params: spec.params } : {}),
    responses: spec.responses ?? { 200: 'OK' },
    security: spec.security ?? (spec.preHandler?.length ? 'session' : 'none'),
  });
  app.route({
    method: spec.method,
    url: spec.url,
    ...(spec.rateLimit
      ? {
          config: {
            rateLimit: { ...spec.rateLimit, max: Math.ceil(spec.rateLimit.max * (app.rateLimitScale ?? 1)) },
          },
        }
      : {}),
    preHandler: spec.preHandler ?? [],
    handler: async (req, reply) => {
      const params = parseOrThrow(spec.params, req.params, req, 'params');
      const { lang: _lang, ...rawQuery } = (req.query ?? {}) as Record<string, unknown>;
      const query = parseOrThrow(spec.query, rawQuery, req, 'query');
      const body = parseOrThrow(spec.body, req.body, req, 'body');
      const result = await spec.handler({ req, reply, body, query, params });
      if (reply.sent) return reply;
      if (result === undefined) return reply.status(reply.statusCode === 200 ? 204 : reply.statusCode).send();
      return result;
    },
  });
}
