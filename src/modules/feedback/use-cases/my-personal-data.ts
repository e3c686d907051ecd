import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/audit/audit.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import { isUniqueViolation, type Executor } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/http/problem.js';
import { blindIndex, openSealed } from '../../../platform/crypto/field-cipher.js';
import { normalizePhone } from '../../../contracts/identity.js';
import {
  authorize,
  citizenAccount,
  deleteCitizenAccount,
  updateCitizenAccount,
  type Principal,
} from '../../identity/index.js';
import type { FeedbackDeps } from '../feedback-deps.js';
import * as repo from '../feedback.repository.js';

/**
 * A citizen's rights over their personal data (Nghị định 13/2023/NĐ-CP): see it, correct it, take a copy,
 * delete it. Only the citizen themself, signed in with their phone, can do any of this.
 */
function citizen(p: Principal | null): Principal {
  const principal = authorize(p, 'reports.submit');
  if (principal.kind !== 'citizen') throw new AppError('forbidden');
  return principal;
}

async function account(deps: FeedbackDeps, p: Principal) {
  const found = await citizenAccount(deps.database.db, p.userId);
  if (!found) throw new AppError('unauthenticated');
  return found;
}

export interface MyAccountView {
  phone: string | null;
  fullName: string;
  email: string | null;
  locale: string;
  createdAt: string;
  reportCount: number;
}

export async function getMyAccount(deps: FeedbackDeps, p: Principal | null): Promise<MyAccountView> {
  const principal = citizen(p);
  const a = await account(deps, principal);
  const reports = await repo.reportsOfReporter(deps.database.db, a.id, a.phone);
  return {
    phone: a.phone,
    fullName: a.fullName,
    email: a.email,
    locale: a.locale,
    createdAt: a.createdAt.toISOString(),
    reportCount: reports.length,
  };
}

export async function updateMyAccount(
  deps: FeedbackDeps,
  p: Principal | null,
  input: {
    fullName?: string | undefined;
    email?: string | null | undefined;
    locale?: 'vi' | 'en' | undefined;
  },
  actor: Actor,
): Promise<MyAccountView> {
  const principal = citizen(p);
  try {
    await deps.database.db.transaction(async (tx) => {
      await updateCitizenAccount(tx, principal.userId, input);
      await appendAudit(tx, actor, {
        action: 'citizen.account_updated',
        entityType: 'user',
        entityId: principal.userId,
        summary: { fields: Object.keys(input) },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('email_taken');
    throw err;
  }
  return getMyAccount(deps, p);
}

/** A copy of everything the platform holds about the citizen, as JSON. The export is audited. */
export async function exportMyData(deps: FeedbackDeps, p: Principal | null, actor: Actor) {
  const principal = citizen(p);
  const a = await account(deps, principal);
  const db = deps.database.db;
  const reports = await repo.reportsOfReporter(db, a.id, a.phone);
  await db.transaction((tx) =>
    appendAudit(tx, actor, {
      action: 'citizen.data_exported',
      entityType: 'user',
      entityId: a.id,
      summary: { reports: reports.length },
    }),
  );
  return {
    exportedAt: deps.now().toISOString(),
    account: {
      phone: a.phone,
      fullName: a.fullName,
      email: a.email,
      locale: a.locale,
      createdAt: a.createdAt.toISOString(),
      lastLoginAt: a.lastLoginAt?.toISOString() ?? null,
    },
    reports: reports.map((r) => ({
      trackingCode: r.trackingCode,
      channel: r.channel,
      categoryCode: r.categoryCode,
      title: r.title,
      body: r.body,
      address: r.address,
      location: r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon } : null,
      unitCode: r.unitCode,
      status: r.status,
      receivedAt: r.receivedAt.toISOString(),
      // The citizen's own copy: their contacts decrypted (the export is audited above).
      reporter: {
        name: openSealed(r.reporterName),
        phone: openSealed(r.reporterPhone),
        email: openSealed(r.reporterEmail),
      },
      displayPublicly: r.displayPublicly,
      consent: { at: r.consentAt?.toISOString() ?? null, noticeVersion: r.consentVersion },
      answer: r.answer,
      rating: r.rating,
      ratingComment: r.ratingComment,
    })),
  };
}

/**
 * Deletes the citizen's account and removes their identity from every report they sent; the reports
 * themselves stay (anonymous) because they are the province's records of public matters. One transaction.
 */
export async function eraseMyData(
  deps: FeedbackDeps,
  p: Principal | null,
  actor: Actor,
): Promise<{ reportsAnonymised: number }> {
  const principal = citizen(p);
  const a = await account(deps, principal);
  return deps.database.db.transaction(async (tx) => {
    const reportsAnonymised = await eraseCitizen(tx, a.id, a.phone, true);
    await appendAudit(
      tx,
      { ...actor, label: 'citizen (erased)' },
      {
        action: 'citizen.erased',
        entityType: 'user',
        entityId: a.id,
        summary: { reportsAnonymised },
      },
    );
    return { reportsAnonymised };
  });
}

/**
 * Removes a citizen's identity from every report sent under their account or phone, and the devices told
 * about those reports (an endpoint identifies a phone); with `deleteAccount`, the account too. Also used
 * by staff fulfilling a deletion or objection request (data-requests.ts).
 */
export async function eraseCitizen(
  tx: Executor,
  userId: string,
  phone: string | null,
  deleteAccount: boolean,
): Promise<number> {
  const phoneHash = phone ? blindIndex(normalizePhone(phone)) : null;
  await tx.execute(sql`
    delete from report_push_targets
     where user_id = ${userId}
        or report_id in (select id from reports
                          where reporter_user_id = ${userId}
                             or (${phoneHash}::text is not null and reporter_phone_hash = ${phoneHash}::text))`);
  const n = await repo.eraseReporter(tx, userId, phone);
  if (deleteAccount) await deleteCitizenAccount(tx, userId);
  return n;
}
