import type { FastifyReply, FastifyRequest } from 'fastify';
import { ERRORS, type ErrorCode, type Problem } from '../../contracts/errors.js';

/** An error a use case raises on purpose; the HTTP layer turns it into problem+json. */
export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    public readonly params: Record<string, string | number> = {},
    public readonly fieldErrors?: { path: string; message: string }[],
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export type Lang = 'vi' | 'en';

/** Vietnamese unless the request prefers English (Accept-Language: en, or ?lang=en). */
export function requestLang(req: FastifyRequest): Lang {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  if (q === 'en' || q === 'vi') return q;
  const header = req.headers['accept-language'];
  if (!header) return 'vi';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

/**
 * The language of a public HTML page: Vietnamese unless the address asks for English (`?lang=en`). Not
 * negotiated from Accept-Language, so one address always holds one language and its canonical link and
 * hreflang alternates stay true (search engines and shared links see the same page).
 */
export function pageLang(req: FastifyRequest): Lang {
  return (req.query as Record<string, unknown> | undefined)?.lang === 'en' ? 'en' : 'vi';
}

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/** Builds the problem document for an error code in the request's language. */
export function problemFor(
  req: FastifyRequest,
  code: ErrorCode,
  params: Record<string, string | number> = {},
  errors?: { path: string; message: string }[],
): Problem {
  const def = ERRORS[code];
  const lang = requestLang(req);
  const title = fill(def[lang], params);
  return {
    type: `/problems/${code.replace(/_/g, '-')}`,
    title,
    status: def.status,
    detail: errors?.length
      ? errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ')
      : title,
    code,
    instance: req.url.split('?')[0],
    requestId: String(req.id),
    ...(errors?.length ? { errors } : {}),
  };
}

/** Sends a problem response. */
export function sendProblem(
  req: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  params: Record<string, string | number> = {},
  errors?: { path: string; message: string }[],
): FastifyReply {
  const problem = problemFor(req, code, params, errors);
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}
