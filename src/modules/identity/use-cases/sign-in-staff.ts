import { appendAudit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import type { IdentityDeps, RequestMeta } from '../identity-deps.js';
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from '../identity-deps.js';
import * as repo from '../identity.repository.js';
import { verifyPassword } from '../password.js';
import { createSession } from '../sessions.js';

/** Records a failed sign-in (committed even though the caller then fails) and locks the account when due. */
export async function recordFailedSignIn(
  deps: IdentityDeps,
  user: repo.UserRow,
  meta: RequestMeta,
  reason: string,
) {
  const now = deps.now();
  const failed = user.failedLogins + 1;
  const lock = failed >= MAX_FAILED_LOGINS;
  await deps.database.db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, {
      failedLogins: lock ? 0 : failed,
      ...(lock ? { lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) } : {}),
    });
    const actor = { id: user.id, label: user.username ?? user.id, ip: meta.ip, requestId: meta.requestId };
    await appendAudit(tx, actor, {
      action: 'auth.sign_in_failed',
      entityType: 'user',
      entityId: user.id,
      summary: { reason },
    });
    if (lock)
      await appendAudit(tx, actor, {
        action: 'auth.locked',
        entityType: 'user',
        entityId: user.id,
        summary: { minutes: LOCK_MINUTES },
      });
  });
}

export function assertNotLocked(user: repo.UserRow, now: Date): void {
  if (!user.active) throw new AppError('account_disabled');
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError('account_locked', {
      minutes: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000),
    });
  }
}

/**
 * Signs a staff member in with username-or-email and password. With two-factor enabled the session
 * starts half-open (mfaPending) until the code is checked.
 */
export async function signInStaff(
  deps: IdentityDeps,
  input: { login: string; password: string },
  meta: RequestMeta,
) {
  const now = deps.now();
  const user = await repo.findStaffByLogin(deps.database.db, input.login);
  if (!user) {
    await verifyPassword(null, input.password);
    throw new AppError('invalid_credentials');
  }
  assertNotLocked(user, now);
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordFailedSignIn(deps, user, meta, 'password');
    throw new AppError('invalid_credentials');
  }
  return deps.database.db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, {
      failedLogins: 0,
      lockedUntil: null,
      ...(user.totpEnabled ? {} : { lastLoginAt: now }),
    });
    const session = await createSession(tx, user, meta, now, {
      mfaPending: user.totpEnabled,
      mfaVerified: false,
    });
    await appendAudit(
      tx,
      { id: user.id, label: user.username ?? user.id, ip: meta.ip, requestId: meta.requestId },
      {
        action: user.totpEnabled ? 'auth.password_ok' : 'auth.signed_in',
        entityType: 'user',
        entityId: user.id,
      },
    );
    return { ...session, user, mfaRequired: user.totpEnabled };
  });
}
