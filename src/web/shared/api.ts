import type { Problem } from '../../contracts/errors.js';
import { getLang, t } from './i18n.js';

/** An error answer from the API, carrying its problem details. */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  get code(): string {
    return this.problem.code;
  }
}

let csrfToken: string | null = null;
const problemListeners = new Set<(error: ApiError) => void>();

/** Keeps the CSRF token (from the session or login answer) in memory for state-changing requests. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Lets the shell react to some problems everywhere (e.g. 2FA enrolment required). */
export function onApiProblem(listener: (error: ApiError) => void): () => void {
  problemListeners.add(listener);
  return () => problemListeners.delete(listener);
}

type Query = Record<string, string | number | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function toProblem(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    if (body && typeof body.title === 'string') return body as Problem;
  } catch {
    // Not JSON (proxy error page, network glitch): fall through to a generic problem.
  }
  return {
    type: 'about:blank',
    title: t('error.generic'),
    status: response.status,
    code: response.status >= 500 ? 'internal' : 'not_found',
  };
}

/**
 * Calls the JSON API under /api/v1; throws ApiError on any non-2xx answer. `form` sends a multipart body
 * (file uploads) instead of JSON.
 */
export async function api<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  options: { body?: unknown; query?: Query; form?: FormData } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': getLang(),
  };
  if (method !== 'GET') {
    // A multipart body's content type (with its boundary) is set by the browser.
    if (!options.form) headers['content-type'] = 'application/json';
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(withQuery(`/api/v1${path}`, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: method === 'GET' ? undefined : (options.form ?? JSON.stringify(options.body ?? {})),
    });
  } catch {
    throw new ApiError(0, {
      type: 'about:blank',
      title: t('error.network'),
      status: 0,
      code: 'service_unavailable',
    });
  }
  if (!response.ok) {
    const error = new ApiError(response.status, await toProblem(response));
    for (const listener of problemListeners) listener(error);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
