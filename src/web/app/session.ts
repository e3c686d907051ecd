/**
 * The citizen app's copy of the session's CSRF token, for the requests the shared `api()` helper does not
 * make (report submission with an Idempotency-Key, multipart uploads). Kept in memory only.
 */
let csrf: string | null = null;

export function setAppCsrf(token: string | null): void {
  csrf = token;
}

export function appCsrf(): string | null {
  return csrf;
}
