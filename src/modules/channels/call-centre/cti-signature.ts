import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../../platform/http/problem.js';

/** How far the telephony system's clock (the signed timestamp) may be from ours. */
export const CTI_WINDOW_SECONDS = 300;

/** The signature a telephony system sends: hex HMAC-SHA256 of `<timestamp>.<raw body>` with the shared secret. */
export function signCtiBody(secret: string, timestamp: number | string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
}

/**
 * Checks `X-CTI-Timestamp` (Unix seconds, within ±5 minutes of now) and `X-CTI-Signature`
 * (`sha256=<hex>` or bare hex) over the exact bytes received. Returns the signature (the replay key);
 * anything wrong is the same 401, so a caller learns nothing about which part failed.
 */
export function verifyCtiSignature(
  secret: string,
  timestampHeader: unknown,
  signatureHeader: unknown,
  rawBody: string,
  now: Date,
): string {
  const ts =
    typeof timestampHeader === 'string' && /^\d{9,11}$/.test(timestampHeader) ? timestampHeader : null;
  const sig =
    typeof signatureHeader === 'string'
      ? signatureHeader
          .trim()
          .replace(/^sha256=/i, '')
          .toLowerCase()
      : '';
  if (!ts || !/^[0-9a-f]{64}$/.test(sig)) throw new AppError('cti_bad_signature');
  if (Math.abs(now.getTime() / 1000 - Number(ts)) > CTI_WINDOW_SECONDS)
    throw new AppError('cti_bad_signature');
  const expected = Buffer.from(signCtiBody(secret, ts, rawBody), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(sig, 'hex'))) throw new AppError('cti_bad_signature');
  return sig;
}

/** The body as the telephony system sent it: JSON, or form fields (repeated `user[]` become a list). */
export function parseCtiBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if ((contentType ?? '').includes('application/x-www-form-urlencoded')) {
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of new URLSearchParams(raw)) {
      const prev = out[k];
      out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    return out;
  }
  try {
    const value: unknown = JSON.parse(raw);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    throw new AppError('malformed_json');
  }
  throw new AppError('validation', {}, [{ path: 'body', message: 'Một đối tượng JSON / A JSON object' }]);
}
