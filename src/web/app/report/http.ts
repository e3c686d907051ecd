import type { Problem } from '../../../contracts/errors.js';
import { ApiError } from '../../shared/api.js';
import { getLang, t } from '../../shared/i18n.js';
import { appCsrf } from '../session.js';

/** What POST /api/v1/reports answers. */
export interface SubmitResult {
  id: string;
  trackingCode: string;
  status: string;
  receivedAt: string;
  deadlineAt: string | null;
  created: boolean;
}

/** What POST /api/v1/uploads answers. */
export interface UploadResult {
  id: string;
  uploadToken: string;
}

/** The report as the app sends it (the CreateReportRequest contract). */
export interface ReportBody {
  categoryCode: string;
  title: string;
  body: string;
  location?: { lat: number; lon: number };
  address?: string;
  unitCode?: string;
  attachmentIds: string[];
  uploadTokens: string[];
  reporter: { name?: string; phone?: string; email?: string };
  displayPublicly: 'name' | 'anonymous';
  consent: true;
  channel: 'app';
}

function networkError(): ApiError {
  return new ApiError(0, {
    type: 'about:blank',
    title: t('error.network'),
    status: 0,
    code: 'service_unavailable',
  } as Problem);
}

async function send<T>(path: string, init: RequestInit & { headers: Record<string, string> }): Promise<T> {
  const token = appCsrf();
  if (token) init.headers['x-csrf-token'] = token;
  init.headers['accept'] = 'application/json';
  init.headers['accept-language'] = getLang();
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { ...init, credentials: 'same-origin' });
  } catch {
    throw networkError();
  }
  let data: unknown = null;
  try {
    data = await response.json();
  } catch {
    // A proxy's HTML error page: handled below.
  }
  if (!response.ok) {
    const problem =
      data && typeof (data as Problem).title === 'string'
        ? (data as Problem)
        : ({
            type: 'about:blank',
            title: t('error.generic'),
            status: response.status,
            code: response.status >= 500 ? 'internal' : 'not_found',
          } as Problem);
    throw new ApiError(response.status, problem);
  }
  return data as T;
}

/** Sends a report; the Idempotency-Key makes a retry of the same draft create it only once. */
export function submitReport(body: ReportBody, idempotencyKey: string): Promise<SubmitResult> {
  return send<SubmitResult>('/reports', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(body),
  });
}

/** Uploads one (already resized) photo. */
export function uploadPhoto(blob: Blob, fileName: string): Promise<UploadResult> {
  const form = new FormData();
  form.append('file', blob, fileName);
  return send<UploadResult>('/uploads', { method: 'POST', headers: {}, body: form });
}

/** True when the request never reached the server (offline, DNS, dropped connection). */
export function isNetworkError(error: unknown): boolean {
  return error instanceof ApiError && error.status === 0;
}

/** A new Idempotency-Key (8–100 characters of [\w.:-]). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return `app:${c.randomUUID()}`;
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return `app:${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
