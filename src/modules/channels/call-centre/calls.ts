import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { type CallOutcome, type CallStatus, type CallView, type CtiEvent } from '../../../contracts/calls.js';
import { normalizeEmail, normalizePhone } from '../../../contracts/identity.js';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import type { Executor } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/http/problem.js';
import { maskPhone } from '../../../platform/sms/sms.js';
import { authorize, type Principal } from '../../identity/index.js';
// Read-only use of other modules' tables: staff names for the agents, reports for the links.
import { users } from '../../identity/identity.schema.js';
import { reports } from '../../feedback/feedback.schema.js';
import type { ChannelsDeps } from '../channels-deps.js';
import { callReports, calls, ctiEvents } from '../channels.schema.js';
import { blindIndex, openSealed, Sealed } from '../../../platform/crypto/field-cipher.js';

/** The caller's number as stored: encrypted, with its blind index for the caller's history. */
function sealedCaller(phone: string | null): { callerPhone: Sealed | null; callerPhoneHash: string | null } {
  return { callerPhone: Sealed.of(phone), callerPhoneHash: phone ? blindIndex(phone) : null };
}

/** LISTEN/NOTIFY channel on which committed call changes are announced (no personal data in it). */
export const CALL_CHANNEL = 'call_changes';

export interface CallChangeMessage {
  id: string;
  event: 'newCall' | 'answer' | 'hangup' | 'update';
  status: CallStatus;
  /** Agents the telephony system rings (newCall `user[]`) or who answered; null: every agent. */
  agentIds: string[] | null;
}

const CTI_ACTOR: Actor = { id: null, label: 'cti' };

type CallRow = typeof calls.$inferSelect;

async function notify(tx: Executor, msg: CallChangeMessage) {
  await tx.execute(sql`select pg_notify(${CALL_CHANNEL}, ${JSON.stringify(msg)})`);
}

function phoneOf(input: string | undefined): string | null {
  if (!input || /^(anonymous|unknown|private|restricted)$/i.test(input)) return null;
  const phone = normalizePhone(input);
  return /^\+\d{8,15}$/.test(phone) ? phone : null;
}

/** Staff users named by the telephony system (login or email), in the order given. */
async function staffByLogin(tx: Executor, logins: string[]): Promise<string[]> {
  if (logins.length === 0) return [];
  const lower = logins.map((l) => l.toLowerCase());
  const hashes = lower.map((l) => blindIndex(normalizeEmail(l)));
  const rows = await tx
    .select({ id: users.id, username: users.username, emailHash: users.emailHash })
    .from(users)
    .where(
      and(
        eq(users.kind, 'staff'),
        eq(users.active, true),
        or(inArray(sql`lower(${users.username})`, lower), inArray(users.emailHash, hashes)),
      ),
    );
  const ids: string[] = [];
  for (const l of lower) {
    const hash = blindIndex(normalizeEmail(l));
    const hit = rows.find((r) => r.username?.toLowerCase() === l || r.emailHash === hash);
    if (hit && !ids.includes(hit.id)) ids.push(hit.id);
  }
  return ids;
}

export interface CtiResult {
  id: string;
  status: CallStatus;
  outcome: CallOutcome | null;
}

/**
 * One event from the telephony system (the signature was checked by the route). Each (callId, event)
 * and each signature is accepted once: a replay is a 409. newCall opens the call record and pops it on
 * the agents' screens; answer sets the agent; hangup closes it (no outcome yet → missed when nobody
 * answered, hang_up otherwise). Events for an unknown call are a clear 404.
 */
export async function receiveCtiEvent(
  deps: ChannelsDeps,
  event: CtiEvent,
  signature: string,
): Promise<CtiResult> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(ctiEvents)
      .values({ externalId: event.callId, event: event.event, signature, receivedAt: now })
      .onConflictDoNothing()
      .returning({ id: ctiEvents.id });
    if (inserted.length === 0) throw new AppError('cti_replay');
    const [existing] = await tx
      .select()
      .from(calls)
      .where(and(eq(calls.provider, 'cti'), eq(calls.externalId, event.callId)))
      .for('update');
    const named = [...(event.user ?? []), ...(event['user[]'] ?? [])];

    if (event.event === 'newCall') {
      if (existing) throw new AppError('cti_replay');
      const caller = event.direction === 'in' ? event.from : event.to;
      const called = event.direction === 'in' ? event.to : event.from;
      const ringing = await staffByLogin(tx, named);
      const [row] = await tx
        .insert(calls)
        .values({
          provider: 'cti',
          externalId: event.callId,
          direction: event.direction,
          ...sealedCaller(phoneOf(caller)),
          calledNumber: called ?? null,
          // An outgoing call is placed by the named agent.
          agentId: event.direction === 'out' ? (ringing[0] ?? null) : null,
          status: 'ringing',
          startedAt: now,
        })
        .returning();
      const call = row as CallRow;
      await appendAudit(tx, CTI_ACTOR, {
        action: 'call.started',
        entityType: 'call',
        entityId: call.id,
        summary: {
          direction: call.direction,
          phone: call.callerPhone ? maskPhone(call.callerPhone.open()) : null,
        },
      });
      await notify(tx, {
        id: call.id,
        event: 'newCall',
        status: 'ringing',
        agentIds: ringing.length ? ringing : null,
      });
      return { id: call.id, status: call.status as CallStatus, outcome: null };
    }

    if (!existing) throw new AppError('call_not_found');
    if (existing.status === 'ended') throw new AppError('call_ended');

    if (event.event === 'answer') {
      const [agentId] = await staffByLogin(tx, [
        ...(event.answeringNumber ? [event.answeringNumber] : []),
        ...named,
      ]);
      await tx
        .update(calls)
        .set({ status: 'answered', answeredAt: now, agentId: agentId ?? existing.agentId })
        .where(eq(calls.id, existing.id));
      await appendAudit(tx, CTI_ACTOR, {
        action: 'call.answered',
        entityType: 'call',
        entityId: existing.id,
        summary: { agentId: agentId ?? null },
      });
      await notify(tx, {
        id: existing.id,
        event: 'answer',
        status: 'answered',
        agentIds: agentId ? [agentId] : null,
      });
      return { id: existing.id, status: 'answered', outcome: existing.outcome as CallOutcome | null };
    }

    // hangup
    const outcome: CallOutcome =
      (existing.outcome as CallOutcome | null) ?? (existing.answeredAt ? 'hang_up' : 'missed');
    await tx
      .update(calls)
      .set({ status: 'ended', endedAt: now, outcome, hangupCause: event.cause ?? null })
      .where(eq(calls.id, existing.id));
    await appendAudit(tx, CTI_ACTOR, {
      action: 'call.ended',
      entityType: 'call',
      entityId: existing.id,
      summary: { outcome, cause: event.cause ?? null },
    });
    await notify(tx, { id: existing.id, event: 'hangup', status: 'ended', agentIds: null });
    return { id: existing.id, status: 'ended', outcome };
  });
}

async function callViews(tx: Executor, rows: CallRow[]): Promise<CallView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const links = await tx
    .select({ callId: callReports.callId, id: reports.id, trackingCode: reports.trackingCode })
    .from(callReports)
    .innerJoin(reports, eq(reports.id, callReports.reportId))
    .where(inArray(callReports.callId, ids))
    .orderBy(asc(callReports.linkedAt));
  const agentIds = [...new Set(rows.map((r) => r.agentId).filter((x): x is string => !!x))];
  const agents = agentIds.length
    ? await tx.select({ id: users.id, name: users.fullName }).from(users).where(inArray(users.id, agentIds))
    : [];
  return rows.map((r) => ({
    id: r.id,
    provider: r.provider as CallView['provider'],
    direction: r.direction as CallView['direction'],
    // The agent on the line needs the number (call-centre roles only).
    phone: openSealed(r.callerPhone),
    agentId: r.agentId,
    agentName: agents.find((a) => a.id === r.agentId)?.name ?? null,
    status: r.status as CallStatus,
    outcome: r.outcome as CallOutcome | null,
    note: r.note,
    startedAt: r.startedAt.toISOString(),
    answeredAt: r.answeredAt?.toISOString() ?? null,
    endedAt: r.endedAt?.toISOString() ?? null,
    reports: links.filter((l) => l.callId === r.id).map((l) => ({ id: l.id, trackingCode: l.trackingCode })),
  }));
}

async function loadCall(tx: Executor, id: string, lock = false): Promise<CallRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('call_not_found');
  const q = tx.select().from(calls).where(eq(calls.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('call_not_found');
  return row;
}

/** The caller's earlier calls (newest first), for the history an agent sees when a call comes in. */
export async function earlierCalls(tx: Executor, phone: string, exceptId?: string): Promise<CallView[]> {
  const rows = await tx
    .select()
    .from(calls)
    .where(and(eq(calls.callerPhoneHash, blindIndex(phone)), exceptId ? ne(calls.id, exceptId) : undefined))
    .orderBy(desc(calls.startedAt))
    .limit(20);
  return callViews(tx, rows);
}

/** One call, for the agent's screen (the number is contact data: the read is audited when there is one). */
export async function getCall(
  deps: ChannelsDeps,
  p: Principal | null,
  id: string,
  actor: Actor,
): Promise<CallView> {
  authorize(p, 'reports.record_for_caller');
  authorize(p, 'reports.read_contact');
  return deps.database.db.transaction(async (tx) => {
    const row = await loadCall(tx, id);
    if (row.callerPhone)
      await appendAudit(tx, actor, {
        action: 'call.contact_read',
        entityType: 'call',
        entityId: row.id,
        summary: { phone: maskPhone(row.callerPhone.open()) },
      });
    return (await callViews(tx, [row]))[0] as CallView;
  });
}

/** Calls still open (ringing or on the line) that this agent should see: ringing for all, answered by them. */
export async function openCalls(deps: ChannelsDeps, p: Principal | null): Promise<CallView[]> {
  const me = authorize(p, 'reports.record_for_caller');
  const rows = await deps.database.db
    .select()
    .from(calls)
    .where(
      or(
        eq(calls.status, 'ringing'),
        and(eq(calls.status, 'answered'), or(eq(calls.agentId, me.userId), isNull(calls.agentId))),
      ),
    )
    .orderBy(desc(calls.startedAt))
    .limit(20);
  return callViews(deps.database.db, rows);
}

/** An agent logs a call by hand (no telephony): the call is on the line with them at once. */
export async function startManualCall(
  deps: ChannelsDeps,
  p: Principal | null,
  input: { phone: string; direction: 'in' | 'out' },
  actor: Actor,
): Promise<CallView> {
  const me = authorize(p, 'reports.record_for_caller');
  const phone = phoneOf(input.phone);
  if (!phone)
    throw new AppError('validation', {}, [{ path: 'body.phone', message: 'Số điện thoại / Phone number' }]);
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(calls)
      .values({
        provider: 'manual',
        direction: input.direction,
        ...sealedCaller(phone),
        agentId: me.userId,
        status: 'answered',
        startedAt: now,
        answeredAt: now,
      })
      .returning();
    const call = row as CallRow;
    await appendAudit(tx, actor, {
      action: 'call.started',
      entityType: 'call',
      entityId: call.id,
      summary: { direction: call.direction, phone: maskPhone(phone), manual: true },
    });
    return (await callViews(tx, [call]))[0] as CallView;
  });
}

/**
 * Links a report recorded during the call to it (outcome report_created). The agent on the call, or an
 * agent taking a call nobody answered yet, may do it; the report must not belong to another call.
 */
export async function linkReport(
  deps: ChannelsDeps,
  p: Principal | null,
  callId: string,
  reportId: string,
  actor: Actor,
): Promise<CallView> {
  const me = authorize(p, 'reports.record_for_caller');
  return deps.database.db.transaction(async (tx) => {
    const call = await loadCall(tx, callId, true);
    const [report] = await tx.select({ id: reports.id }).from(reports).where(eq(reports.id, reportId));
    if (!report) throw new AppError('not_found');
    const linked = await tx
      .insert(callReports)
      .values({ callId: call.id, reportId })
      .onConflictDoNothing()
      .returning();
    if (linked.length === 0) {
      const [other] = await tx.select().from(callReports).where(eq(callReports.reportId, reportId));
      if (other?.callId !== call.id) throw new AppError('conflict');
    }
    await tx
      .update(calls)
      .set({
        outcome: 'report_created',
        agentId: call.agentId ?? me.userId,
        // A report taken on a call that still rings means the agent picked it up.
        ...(call.status === 'ringing' ? { status: 'answered', answeredAt: deps.now() } : {}),
      })
      .where(eq(calls.id, call.id));
    await appendAudit(tx, actor, {
      action: 'call.report_linked',
      entityType: 'call',
      entityId: call.id,
      summary: { reportId },
    });
    await notify(tx, {
      id: call.id,
      event: 'update',
      status: call.status === 'ringing' ? 'answered' : (call.status as CallStatus),
      agentIds: [me.userId],
    });
    return (await callViews(tx, [(await loadCall(tx, call.id)) as CallRow]))[0] as CallView;
  });
}

/**
 * Sets what became of a call without a report (status given, question answered, other) and/or a note;
 * `end` closes it (a manual call's hang-up, or an agent closing a call the telephony never ended).
 * A call with a report keeps the outcome report_created.
 */
export async function setCallOutcome(
  deps: ChannelsDeps,
  p: Principal | null,
  callId: string,
  input: { outcome?: CallOutcome | undefined; note?: string | undefined; end: boolean },
  actor: Actor,
): Promise<CallView> {
  const me = authorize(p, 'reports.record_for_caller');
  return deps.database.db.transaction(async (tx) => {
    const call = await loadCall(tx, callId, true);
    if (call.status === 'ended' && input.end) throw new AppError('call_ended');
    const keep = call.outcome === 'report_created';
    const outcome: CallOutcome | null =
      keep || !input.outcome ? (call.outcome as CallOutcome | null) : input.outcome;
    const now = deps.now();
    const ending = input.end && call.status !== 'ended';
    // Speaking with the caller (an outcome, a note) on a call that still rings means it was picked up.
    const picksUp = call.status === 'ringing' && (!!input.outcome || input.note !== undefined);
    const answered = !!call.answeredAt || picksUp;
    await tx
      .update(calls)
      .set({
        ...(input.note !== undefined ? { note: input.note || null } : {}),
        outcome: ending ? (outcome ?? (answered ? 'hang_up' : 'missed')) : outcome,
        agentId: call.agentId ?? me.userId,
        ...(picksUp ? { status: 'answered', answeredAt: now } : {}),
        ...(ending ? { status: 'ended', endedAt: now } : {}),
      })
      .where(eq(calls.id, call.id));
    const after = await loadCall(tx, call.id);
    await appendAudit(tx, actor, {
      action: ending ? 'call.ended' : 'call.outcome_set',
      entityType: 'call',
      entityId: call.id,
      summary: { outcome: after.outcome, note: input.note !== undefined },
    });
    await notify(tx, {
      id: call.id,
      event: ending ? 'hangup' : 'update',
      status: after.status as CallStatus,
      agentIds: [me.userId],
    });
    return (await callViews(tx, [after]))[0] as CallView;
  });
}
