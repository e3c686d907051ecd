import { z } from 'zod';

/** What became of a call. A call without a report is logged with one of the others. */
export const CALL_OUTCOMES = [
  'report_created',
  'status_given',
  'question_answered',
  'hang_up',
  'missed',
  'other',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const CALL_STATUSES = ['ringing', 'answered', 'ended'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const CALL_OUTCOME_LABELS: Record<CallOutcome, { vi: string; en: string }> = {
  report_created: { vi: 'Đã ghi nhận phản ánh', en: 'Report recorded' },
  status_given: { vi: 'Đã trả lời tình trạng xử lý', en: 'Status given' },
  question_answered: { vi: 'Đã giải đáp', en: 'Question answered' },
  hang_up: { vi: 'Người gọi gác máy', en: 'Hung up' },
  missed: { vi: 'Cuộc gọi nhỡ', en: 'Missed' },
  other: { vi: 'Khác', en: 'Other' },
};

export const CALL_STATUS_LABELS: Record<CallStatus, { vi: string; en: string }> = {
  ringing: { vi: 'Đang đổ chuông', en: 'Ringing' },
  answered: { vi: 'Đang nghe', en: 'On the line' },
  ended: { vi: 'Đã kết thúc', en: 'Ended' },
};

/**
 * One event from the telephony system, in the shape of Zammad's generic CTI API (JSON or form-encoded):
 * `event` newCall | answer | hangup, `from`, `to`, `direction` in | out, `callId`, `user` / `user[]`
 * (agents' logins or emails), `answeringNumber` (the agent who answered), `cause` (hang-up cause).
 */
const userList = z
  .union([z.string().trim().max(200), z.array(z.string().trim().max(200)).max(50)])
  .transform((v) => (Array.isArray(v) ? v : [v]).filter((s) => s !== ''));
export const ctiEvent = z.object({
  event: z.enum(['newCall', 'answer', 'hangup']),
  callId: z.string().trim().min(1).max(250),
  from: z.string().trim().max(40).optional(),
  to: z.string().trim().max(40).optional(),
  direction: z.enum(['in', 'out']).default('in'),
  user: userList.optional(),
  'user[]': userList.optional(),
  answeringNumber: z.string().trim().max(200).optional(),
  cause: z.string().trim().max(60).optional(),
  queue: z.string().trim().max(100).optional(),
});
export type CtiEvent = z.infer<typeof ctiEvent>;

/** An agent logs a call by hand (no telephony integration): the caller's number as typed. */
export const startCallRequest = z.strictObject({
  phone: z.string().trim().min(8).max(20),
  direction: z.enum(['in', 'out']).default('in'),
});

export const linkReportRequest = z.strictObject({ reportId: z.uuid() });

/** Setting the outcome (and a note); `end: true` also closes the call (hang-up on a manual call). */
export const callOutcomeRequest = z.strictObject({
  outcome: z.enum(['status_given', 'question_answered', 'other', 'hang_up']).optional(),
  note: z.string().trim().max(2000).optional(),
  end: z.boolean().default(false),
});

export const callStatsQuery = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
});

export interface CallView {
  id: string;
  provider: 'cti' | 'manual';
  direction: 'in' | 'out';
  /** The caller's number: only in staff answers to agents who may read contacts. */
  phone: string | null;
  agentId: string | null;
  agentName: string | null;
  status: CallStatus;
  outcome: CallOutcome | null;
  note: string | null;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  reports: { id: string; trackingCode: string }[];
}

export interface CallStatsRow {
  calls: number;
  answered: number;
  missed: number;
  /** Mean seconds from answer to end, over answered and ended calls; null when none. */
  avgHandleSeconds: number | null;
  outcomes: Partial<Record<CallOutcome, number>>;
}

export interface CallStatsView {
  from: string;
  to: string;
  total: CallStatsRow;
  agents: (CallStatsRow & { agentId: string | null; agentName: string | null })[];
  /** Hour of day in Vietnam time (0–23); only hours with calls. */
  hours: (CallStatsRow & { hour: number })[];
}
