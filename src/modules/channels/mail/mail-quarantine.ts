import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import { authorize, type Principal } from '../../identity/index.js';
import type { ChannelsDeps } from '../channels-deps.js';
import * as repo from '../channels.repository.js';
import { takeInMail, type MailOutcome } from './take-in-mail.js';
import { openSealed } from '../../../platform/crypto/field-cipher.js';

export interface QuarantineItemView {
  id: string;
  receivedAt: string;
  size: number;
  reason: string;
  status: string;
  fromAddress: string | null;
  subject: string | null;
  reportId: string | null;
  resolvedAt: string | null;
}

/** Mail the intake could not understand, newest first (IOC operators and administrators). */
export async function listQuarantine(
  deps: ChannelsDeps,
  p: Principal | null,
  status: 'held' | 'processed' | 'discarded' | undefined,
): Promise<{ items: QuarantineItemView[] }> {
  authorize(p, 'reports.triage');
  const rows = await repo.listQuarantine(deps.database.db, status, 200);
  return {
    items: rows.map((r) => ({
      ...r,
      // Operators read quarantined mail whole; the sender is shown to them (role reports.triage).
      fromAddress: openSealed(r.fromAddress),
      receivedAt: r.receivedAt.toISOString(),
      resolvedAt: r.resolvedAt?.toISOString() ?? null,
    })),
  };
}

/** The mail as it arrived (an .eml file), for staff to read; reading it is audited. */
export async function quarantinedRaw(
  deps: ChannelsDeps,
  p: Principal | null,
  id: string,
  actor: Actor,
): Promise<Buffer> {
  authorize(p, 'reports.triage');
  const row = await repo.quarantinedMail(deps.database.db, id);
  if (!row) throw new AppError('not_found');
  await deps.database.db.transaction((tx) =>
    appendAudit(tx, actor, { action: 'mail.quarantine_read', entityType: 'mail_quarantine', entityId: id }),
  );
  return row.raw;
}

/** The header block of a raw mail (up to the first blank line), at most 32 KB, as text. */
export function headerBlock(raw: Buffer): string {
  const head = raw.subarray(0, 64 * 1024).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const block = (end === -1 ? head : head.slice(0, end)).slice(0, 32 * 1024);
  // Headers are 7-bit (RFC 5322); stray 8-bit bytes are most often UTF-8.
  return Buffer.from(block, 'latin1').toString('utf8');
}

/** One quarantined mail for staff: its facts and its headers (reading them is audited, as the .eml). */
export async function quarantinedItem(
  deps: ChannelsDeps,
  p: Principal | null,
  id: string,
  actor: Actor,
): Promise<QuarantineItemView & { sha256: string; headers: string }> {
  authorize(p, 'reports.triage');
  const row = await repo.quarantinedMail(deps.database.db, id);
  if (!row) throw new AppError('not_found');
  await deps.database.db.transaction((tx) =>
    appendAudit(tx, actor, {
      action: 'mail.quarantine_headers_read',
      entityType: 'mail_quarantine',
      entityId: id,
    }),
  );
  return {
    id: row.id,
    receivedAt: row.receivedAt.toISOString(),
    size: row.size,
    reason: row.reason,
    status: row.status,
    fromAddress: openSealed(row.fromAddress),
    subject: row.subject,
    reportId: row.reportId,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    sha256: row.sha256,
    headers: headerBlock(row.raw),
  };
}

/**
 * Runs a quarantined mail through the intake again (after the cause was fixed: a category re-enabled,
 * a bug corrected). If it now becomes a report, follow-up or bounce, the item is closed as processed.
 */
export async function reprocessQuarantined(
  deps: ChannelsDeps,
  p: Principal | null,
  id: string,
  actor: Actor,
): Promise<MailOutcome> {
  authorize(p, 'reports.triage');
  const db = deps.database.db;
  const row = await repo.quarantinedMail(db, id);
  if (!row) throw new AppError('not_found');
  if (row.status !== 'held') throw new AppError('mail_not_held');
  const outcome = await takeInMail(deps, row.raw);
  if (outcome.outcome === 'quarantined') return outcome;
  const reportId = 'reportId' in outcome ? outcome.reportId : null;
  await db.transaction(async (tx) => {
    await repo.resolveQuarantine(tx, id, {
      status: 'processed',
      reportId,
      resolvedAt: deps.now(),
      resolvedBy: p!.userId,
    });
    await appendAudit(tx, actor, {
      action: 'mail.quarantine_reprocessed',
      entityType: 'mail_quarantine',
      entityId: id,
      summary: { outcome: outcome.outcome, reportId },
    });
  });
  return outcome;
}

/** Closes a quarantined mail without a report (spam, a test); the bytes stay for the record. */
export async function discardQuarantined(deps: ChannelsDeps, p: Principal | null, id: string, actor: Actor) {
  authorize(p, 'reports.triage');
  await deps.database.db.transaction(async (tx) => {
    const row = await repo.resolveQuarantine(tx, id, {
      status: 'discarded',
      reportId: null,
      resolvedAt: deps.now(),
      resolvedBy: p!.userId,
    });
    if (!row) throw new AppError('mail_not_held');
    await appendAudit(tx, actor, {
      action: 'mail.quarantine_discarded',
      entityType: 'mail_quarantine',
      entityId: id,
    });
  });
}
