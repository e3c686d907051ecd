import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { myReportPushRequest, reportPushRequest } from '../../../contracts/feedback.js';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import type { Executor } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/http/problem.js';
import { endpointAcceptable, localInstallation } from '../../../platform/push/endpoint.js';
import type { Principal } from '../../identity/index.js';
import type { FeedbackDeps } from '../feedback-deps.js';
import { ownReport } from './citizen-follow-up.js';

type Device = z.infer<typeof myReportPushRequest>;

/** Rows of a raw `execute` (the same shape on both drivers). */
export function rowsOf<R>(result: unknown): R[] {
  return (result as { rows: R[] }).rows;
}

function checkEndpoint(deps: FeedbackDeps, endpoint: string): void {
  if (!endpointAcceptable(endpoint, localInstallation(deps.config.publicUrl)))
    throw new AppError('push_endpoint_refused');
}

async function upsertTarget(
  tx: Executor,
  d: Device,
  owner: { userId: string } | { reportId: string },
): Promise<void> {
  const [column, value] = 'userId' in owner ? ['user_id', owner.userId] : ['report_id', owner.reportId];
  await tx.execute(sql`
    insert into report_push_targets (endpoint, p256dh, auth, lang, ${sql.raw(column)})
    values (${d.endpoint}, ${d.keys.p256dh}, ${d.keys.auth}, ${d.lang}, ${value})
    on conflict (endpoint, ${sql.raw(column)}) where ${sql.raw(column)} is not null
    do update set p256dh = excluded.p256dh, auth = excluded.auth, lang = excluded.lang`);
}

/** A signed-in citizen asks to hear on this device when any of their reports moves. */
export async function watchMyReports(
  deps: FeedbackDeps,
  p: Principal | null,
  device: Device,
  actor: Actor,
): Promise<{ watching: 'account' }> {
  if (!p) throw new AppError('unauthenticated');
  if (p.kind !== 'citizen') throw new AppError('forbidden');
  checkEndpoint(deps, device.endpoint);
  await deps.database.db.transaction(async (tx) => {
    await upsertTarget(tx, device, { userId: p.userId });
    // No endpoint in the audit row: it identifies a device.
    await appendAudit(tx, actor, {
      action: 'report.push_watch',
      entityType: 'user',
      entityId: p.userId,
      summary: { scope: 'account', lang: device.lang },
    });
  });
  return { watching: 'account' };
}

/**
 * A device asks to hear when these reports move; each is proved by its code and the contact given at
 * submission (or belongs to the signed-in citizen). Pairs that do not match are skipped silently, as the
 * look-up answers "not found" for them; only the number watched is returned.
 */
export async function watchReports(
  deps: FeedbackDeps,
  p: Principal | null,
  input: z.infer<typeof reportPushRequest>,
  actor: Actor,
): Promise<{ watching: number }> {
  checkEndpoint(deps, input.endpoint);
  const ids: string[] = [];
  for (const pair of input.items) {
    try {
      ids.push((await ownReport(deps, p, pair.code, pair.contact)).id);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
    }
  }
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { watching: 0 };
  await deps.database.db.transaction(async (tx) => {
    for (const reportId of unique) await upsertTarget(tx, input, { reportId });
    await appendAudit(tx, actor, {
      action: 'report.push_watch',
      entityType: 'report',
      entityId: unique[0]!,
      summary: { scope: 'reports', reports: unique.length, lang: input.lang },
    });
  });
  return { watching: unique.length };
}

/** The device no longer wants report notifications: every target of this endpoint goes. */
export async function unwatchReports(deps: FeedbackDeps, endpoint: string): Promise<{ removed: number }> {
  const result = await deps.database.db.execute(
    sql`delete from report_push_targets where endpoint = ${endpoint} returning id`,
  );
  return { removed: rowsOf<{ id: string }>(result).length };
}

/** Whether this device hears about report moves (by its endpoint, which only the device knows). */
export async function reportPushStatus(
  deps: FeedbackDeps,
  endpoint: string,
): Promise<{ reports: number; account: boolean }> {
  const result = await deps.database.db.execute(sql`
    select count(report_id)::int as reports, count(user_id)::int as account
      from report_push_targets where endpoint = ${endpoint}`);
  const row = rowsOf<{ reports: number; account: number }>(result)[0];
  return { reports: row?.reports ?? 0, account: (row?.account ?? 0) > 0 };
}
