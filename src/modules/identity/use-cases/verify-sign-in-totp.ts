import { appendAudit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import type { IdentityDeps, RequestMeta } from '../identity-deps.js';
import * as repo from '../identity.repository.js';
import { createSession } from '../sessions.js';
import { verifyTotp } from '../totp.js';
import { assertNotLocked, recordFailedSignIn } from './sign-in-staff.js';

/**
 * Second step of a staff sign-in: checks the TOTP code of a half-open session and replaces it with a
 * fresh, fully signed-in session (a new token, so the half-open one cannot be reused).
 */
export async function verifySignInTotp(
  deps: IdentityDeps,
  sessionId: string | null,
  code: string,
  meta: RequestMeta,
) {
  const now = deps.now();
  if (!sessionId) throw new AppError('unauthenticated');
  const session = await repo.findLiveSession(deps.database.db, sessionId, now);
  if (!session || !session.mfaPending) throw new AppError('unauthenticated');
  const user = await repo.findUserById(deps.database.db, session.userId);
  if (!user || !user.totpSecret) throw new AppError('unauthenticated');
  assertNotLocked(user, now);
  const step = await verifyTotp(user.totpSecret, code, user.totpLastStep);
  if (step === null) {
    await recordFailedSignIn(deps, user, meta, 'totp');
    throw new AppError('invalid_totp');
  }
  return deps.database.db.transaction(async (tx) => {
    if (!(await repo.advanceTotpStep(tx, user.id, step))) throw new AppError('invalid_totp');
    await repo.deleteSession(tx, session.id);
    await repo.updateUser(tx, user.id, { failedLogins: 0, lastLoginAt: now });
    const fresh = await createSession(tx, user, meta, now, { mfaPending: false, mfaVerified: true });
    await appendAudit(
      tx,
      { id: user.id, label: user.username ?? user.id, ip: meta.ip, requestId: meta.requestId },
      { action: 'auth.signed_in', entityType: 'user', entityId: user.id, summary: { secondFactor: 'totp' } },
    );
    return { ...fresh, user };
  });
}
