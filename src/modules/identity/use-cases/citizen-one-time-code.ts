import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { appendAudit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import { maskPhone } from '../../../platform/sms/sms.js';
import type { IdentityDeps, RequestMeta } from '../identity-deps.js';
import { OTP_MAX_ATTEMPTS, OTP_MAX_PER_HOUR, OTP_RESEND_SECONDS, OTP_TTL_SECONDS } from '../identity-deps.js';
import * as repo from '../identity.repository.js';
import { roleAssignments } from '../identity.schema.js';
import { createSession } from '../sessions.js';
import { phoneIndex, sealedPhone } from '../user-contacts.js';

function codeHash(id: string, code: string): string {
  return createHash('sha256').update(`${id}:${code}`).digest('hex');
}

/**
 * Sends a 6-digit sign-in code to a citizen's phone. At most one code a minute and five an hour per
 * number; the code lives five minutes. The SMS goes out only after the code is committed.
 */
export async function requestCitizenCode(deps: IdentityDeps, phone: string, meta: RequestMeta) {
  const now = deps.now();
  const db = deps.database.db;
  const latest = await repo.latestOneTimeCode(db, phone);
  if (latest) {
    const wait = OTP_RESEND_SECONDS - Math.floor((now.getTime() - latest.createdAt.getTime()) / 1000);
    if (wait > 0) throw new AppError('otp_too_soon', { seconds: wait });
  }
  if ((await repo.countCodesSince(db, phone, new Date(now.getTime() - 3600_000))) >= OTP_MAX_PER_HOUR) {
    throw new AppError('rate_limited');
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const id = crypto.randomUUID();
  await db.transaction(async (tx) => {
    await repo.insertOneTimeCode(tx, {
      id,
      phoneHash: phoneIndex(phone),
      codeHash: codeHash(id, code),
      expiresAt: new Date(now.getTime() + OTP_TTL_SECONDS * 1000),
      createdAt: now,
    });
    await appendAudit(
      tx,
      { id: null, label: 'anonymous', ip: meta.ip, requestId: meta.requestId },
      { action: 'auth.code_sent', entityType: 'phone', entityId: maskPhone(phone) },
    );
  });
  await deps.sms.send(
    phone,
    `${code} la ma xac thuc ${deps.brandName} cua ban, hieu luc ${OTP_TTL_SECONDS / 60} phut. Khong chia se ma nay cho bat ky ai.`,
  );
  return { expiresInSeconds: OTP_TTL_SECONDS, resendAfterSeconds: OTP_RESEND_SECONDS };
}

/**
 * Checks a citizen's code; on success signs them in, creating their account on first use. A code works
 * once, for five minutes, and five wrong tries burn it.
 */
export async function verifyCitizenCode(deps: IdentityDeps, phone: string, code: string, meta: RequestMeta) {
  const now = deps.now();
  const db = deps.database.db;
  const row = await repo.latestOneTimeCode(db, phone);
  if (!row || row.consumedAt || row.expiresAt <= now) throw new AppError('otp_invalid');
  if (row.attempts >= OTP_MAX_ATTEMPTS) throw new AppError('otp_too_many_attempts');
  const expected = Buffer.from(row.codeHash);
  const given = Buffer.from(codeHash(row.id, code));
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    await repo.bumpCodeAttempts(db, row.id, row.attempts);
    throw new AppError(row.attempts + 1 >= OTP_MAX_ATTEMPTS ? 'otp_too_many_attempts' : 'otp_invalid');
  }
  return db.transaction(async (tx) => {
    if (!(await repo.consumeCode(tx, row.id, now))) throw new AppError('otp_invalid');
    let user = await repo.findCitizenByPhone(tx, phone);
    let created = false;
    if (!user) {
      user = await repo.insertUser(tx, {
        kind: 'citizen',
        ...sealedPhone(phone),
        fullName: '',
        createdAt: now,
        updatedAt: now,
      });
      await tx.insert(roleAssignments).values({ userId: user.id, role: 'citizen' });
      created = true;
    }
    if (!user.active) throw new AppError('account_disabled');
    await repo.updateUser(tx, user.id, { lastLoginAt: now });
    const session = await createSession(tx, user, meta, now, { mfaPending: false, mfaVerified: false });
    const actor = {
      id: user.id,
      label: `citizen:${maskPhone(phone)}`,
      ip: meta.ip,
      requestId: meta.requestId,
    };
    if (created)
      await appendAudit(tx, actor, {
        action: 'user.citizen_registered',
        entityType: 'user',
        entityId: user.id,
      });
    await appendAudit(tx, actor, {
      action: 'auth.signed_in',
      entityType: 'user',
      entityId: user.id,
      summary: { method: 'sms_code' },
    });
    return { ...session, user };
  });
}
