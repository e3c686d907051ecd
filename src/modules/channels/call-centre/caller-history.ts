import { desc, eq } from 'drizzle-orm';
import { normalizePhone } from '../../../contracts/identity.js';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import { maskPhone } from '../../../platform/sms/sms.js';
import { blindIndex } from '../../../platform/crypto/field-cipher.js';
import { authorize, type Principal } from '../../identity/index.js';
// Read-only use of the feedback module's table: the call centre looks reports up by the caller's number.
import { reports } from '../../feedback/feedback.schema.js';
import type { CallView } from '../../../contracts/calls.js';
import type { ChannelsDeps } from '../channels-deps.js';
import { earlierCalls } from './calls.js';

export interface CallerReport {
  id: string;
  trackingCode: string;
  status: string;
  channel: string;
  title: string;
  categoryCode: string;
  receivedAt: string;
  deadlineAt: string | null;
}

/**
 * The caller's earlier reports and calls, found by their phone number, for the agent on the line (the call
 * being taken, `exceptCall`, is left out). Reading who reported what is reading contact data: the look-up
 * is audited (number masked in the summary).
 */
export async function callerHistory(
  deps: ChannelsDeps,
  p: Principal | null,
  phoneInput: string,
  actor: Actor,
  exceptCall?: string,
): Promise<{ phone: string; items: CallerReport[]; calls: CallView[] }> {
  authorize(p, 'reports.record_for_caller');
  authorize(p, 'reports.read_contact');
  const phone = normalizePhone(phoneInput);
  if (!/^\+?\d{8,15}$/.test(phone))
    throw new AppError('validation', {}, [{ path: 'query.phone', message: 'Số điện thoại / Phone number' }]);
  return deps.database.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(reports)
      .where(eq(reports.reporterPhoneHash, blindIndex(phone)))
      .orderBy(desc(reports.receivedAt))
      .limit(20);
    const calls = await earlierCalls(
      tx,
      phone,
      exceptCall && /^[0-9a-f-]{36}$/i.test(exceptCall) ? exceptCall : undefined,
    );
    await appendAudit(tx, actor, {
      action: 'report.contact_lookup',
      entityType: 'caller',
      entityId: null,
      summary: { phone: maskPhone(phone), found: rows.length, calls: calls.length },
    });
    return {
      phone,
      calls,
      items: rows.map((r) => ({
        id: r.id,
        trackingCode: r.trackingCode,
        status: r.status,
        channel: r.channel,
        title: r.title,
        categoryCode: r.categoryCode,
        receivedAt: r.receivedAt.toISOString(),
        deadlineAt: (r.extendedDeadlineAt ?? r.deadlineAt)?.toISOString() ?? null,
      })),
    };
  });
}
