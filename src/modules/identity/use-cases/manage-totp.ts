import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import type { IdentityDeps } from '../identity-deps.js';
import * as repo from '../identity.repository.js';
import type { Principal } from '../policy.js';
import { newTotpSecret, totpEnrollment, verifyTotp } from '../totp.js';
import { openSealed } from '../../../platform/crypto/field-cipher.js';

/** Starts two-factor enrolment: a new pending secret and its QR code. Nothing changes until it is confirmed. */
export async function startTotpSetup(deps: IdentityDeps, p: Principal, actor: Actor) {
  if (p.kind !== 'staff') throw new AppError('forbidden');
  const user = await repo.findUserById(deps.database.db, p.userId);
  if (!user) throw new AppError('unauthenticated');
  const secret = newTotpSecret();
  await deps.database.db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { totpPendingSecret: secret });
    await appendAudit(tx, actor, {
      action: 'auth.totp_setup_started',
      entityType: 'user',
      entityId: user.id,
    });
  });
  const enrollment = await totpEnrollment(
    secret,
    deps.brandName,
    user.username ?? openSealed(user.email) ?? user.id,
  );
  return { secret, ...enrollment };
}

/** Confirms enrolment with a code from the app: two-factor is on, and this session counts as verified. */
export async function enableTotp(deps: IdentityDeps, p: Principal, code: string, actor: Actor) {
  const user = await repo.findUserById(deps.database.db, p.userId);
  if (!user?.totpPendingSecret) throw new AppError('totp_not_pending');
  const step = await verifyTotp(user.totpPendingSecret, code);
  if (step === null) throw new AppError('invalid_totp');
  await deps.database.db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, {
      totpSecret: user.totpPendingSecret,
      totpPendingSecret: null,
      totpEnabled: true,
      totpLastStep: step,
    });
    await repo.updateSession(tx, p.sessionId, { mfaVerified: true });
    await appendAudit(tx, actor, { action: 'auth.totp_enabled', entityType: 'user', entityId: user.id });
  });
  return { ...p, totpEnabled: true, mfaVerified: true };
}
