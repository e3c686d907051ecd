import { ApiError } from './api.js';
import { t } from './i18n.js';

/** What to tell the person about a failed request: the server's title and detail (already localised). */
export function problemText(error: unknown): { title: string; detail?: string } {
  if (error instanceof ApiError) {
    const { title, detail } = error.problem;
    return { title, detail: detail && detail !== title ? detail : undefined };
  }
  return { title: t('error.generic') };
}

/** Field messages from a validation problem, keyed by the request path (e.g. "password", "roles.0.agencyId"). */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const item of error.problem.errors ?? []) {
      const key = item.path.replace(/^\/|^body\.?/, '').replace(/\//g, '.');
      out[key] ??= item.message;
    }
  }
  return out;
}
