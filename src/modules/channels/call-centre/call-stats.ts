import { sql } from 'drizzle-orm';
import {
  CALL_OUTCOMES,
  type CallOutcome,
  type CallStatsRow,
  type CallStatsView,
} from '../../../contracts/calls.js';
import { AppError } from '../../../platform/http/problem.js';
import { authorize, type Principal } from '../../identity/index.js';
import type { ChannelsDeps } from '../channels-deps.js';

/** Vietnam is UTC+7 all year (no daylight saving). */
const VN = `interval '7 hours'`;
const MAX_DAYS = 366;

interface Raw {
  key: string | number | null;
  calls: string | number;
  answered: string | number;
  missed: string | number;
  handle_sum: string | number | null;
  handle_n: string | number;
  [outcome: string]: string | number | null;
}

function toRow(r: Raw): CallStatsRow {
  const n = Number(r.handle_n);
  const outcomes: Partial<Record<CallOutcome, number>> = {};
  for (const o of CALL_OUTCOMES) {
    const v = Number(r[`o_${o}`] ?? 0);
    if (v > 0) outcomes[o] = v;
  }
  return {
    calls: Number(r.calls),
    answered: Number(r.answered),
    missed: Number(r.missed),
    avgHandleSeconds: n > 0 ? Math.round(Number(r.handle_sum) / n) : null,
    outcomes,
  };
}

/**
 * Calls per agent and per hour of day (Vietnam time) between two Vietnam calendar days (inclusive):
 * calls, answered, missed (ended without an answer), mean handling time (answer → end) and outcomes.
 * For the IOC, who supervises the 1022 agents.
 */
export async function callStats(
  deps: ChannelsDeps,
  p: Principal | null,
  range: { from: string; to: string },
): Promise<CallStatsView> {
  authorize(p, 'calls.stats');
  const days = (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000;
  if (!(days >= 0 && days <= MAX_DAYS))
    throw new AppError('validation', {}, [
      { path: 'query.to', message: `Từ 0 đến ${MAX_DAYS} ngày / 0 to ${MAX_DAYS} days after from` },
    ]);
  const measures = sql.raw(
    [
      `count(*) as calls`,
      `count(*) filter (where c.answered_at is not null) as answered`,
      `count(*) filter (where c.status = 'ended' and c.answered_at is null) as missed`,
      `sum(extract(epoch from (c.ended_at - c.answered_at))) filter (where c.answered_at is not null and c.ended_at is not null) as handle_sum`,
      `count(*) filter (where c.answered_at is not null and c.ended_at is not null) as handle_n`,
      ...CALL_OUTCOMES.map((o) => `count(*) filter (where c.outcome = '${o}') as o_${o}`),
    ].join(', '),
  );
  const where = sql`c.started_at >= ((${range.from})::date::timestamp - ${sql.raw(VN)}) at time zone 'UTC'
    and c.started_at < ((${range.to})::date::timestamp + interval '1 day' - ${sql.raw(VN)}) at time zone 'UTC'`;
  const hourOf = sql.raw(`extract(hour from ((c.started_at at time zone 'UTC') + ${VN}))::int`);
  return deps.database.db.transaction(async (tx) => {
    const rowsOf = async (q: ReturnType<typeof sql>) =>
      ((await tx.execute(q)) as unknown as { rows: Raw[] }).rows;
    const [total] = await rowsOf(sql`select null as key, ${measures} from calls c where ${where}`);
    const agents = await rowsOf(
      sql`select c.agent_id as key, u.full_name as name, ${measures}
          from calls c left join users u on u.id = c.agent_id
          where ${where} group by c.agent_id, u.full_name order by count(*) desc, u.full_name`,
    );
    const hours = await rowsOf(
      sql`select ${hourOf} as key, ${measures} from calls c where ${where} group by 1 order by 1`,
    );
    return {
      from: range.from,
      to: range.to,
      total: toRow(total as Raw),
      agents: agents.map((r) => ({
        agentId: (r.key as string | null) ?? null,
        agentName: (r.name as string | null) ?? null,
        ...toRow(r),
      })),
      hours: hours.map((r) => ({ hour: Number(r.key), ...toRow(r) })),
    };
  });
}
