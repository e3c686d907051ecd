import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Database } from '../db/database.js';
import { GroupCommit } from '../jobs/group-commit.js';

/**
 * Adds hits to windows (one row per key) and returns each key's total and milliseconds left: a window
 * that has ended starts again with the new hits. Atomic under concurrency (the row lock of ON CONFLICT).
 */
const ADD = `
insert into rate_limit_hits as h (key, hits, expires_at)
select k, n, clock_timestamp() + w * interval '1 millisecond'
  from unnest($1::text[], $2::int[], $3::int[]) as x(k, n, w)
on conflict (key) do update set
  hits = case when h.expires_at <= clock_timestamp() then excluded.hits else h.hits + excluded.hits end,
  expires_at = case when h.expires_at <= clock_timestamp() then excluded.expires_at else h.expires_at end
returning key, hits, greatest(0, ceil(extract(epoch from (expires_at - clock_timestamp())) * 1000))::int as ttl`;

/** Windows that ended more than a minute ago: nobody reads them again (a new hit starts a new window). */
const CLEANUP = `delete from rate_limit_hits where expires_at < clock_timestamp() - interval '1 minute'`;

interface Hit {
  key: string;
  windowMs: number;
}

/**
 * Rate-limit counters in PostgreSQL (table `rate_limit_hits`, unlogged: counters need no crash safety) for
 * several web processes on one server; the in-memory store stays right for the embedded database (one
 * process). Every hit is counted in the database before it is answered, so the limit holds exactly across
 * processes; hits arriving together share one statement (group commit: a burst of reports from many
 * addresses costs one statement per batch, not one per request). `cleanup()` removes ended windows.
 */
export function postgresRateLimitStore(database: Database): {
  Store: FastifyRateLimitStoreCtor;
  cleanup: () => Promise<void>;
} {
  const batcher = new GroupCommit<Hit, { current: number; ttl: number }>(
    async (hits) => {
      // One row per key in the statement (ON CONFLICT cannot touch a row twice); the callers of a key
      // get consecutive counts ending at its new total.
      const byKey = new Map<string, { n: number; windowMs: number }>();
      for (const h of hits) {
        const k = byKey.get(h.key);
        if (k) k.n++;
        else byKey.set(h.key, { n: 1, windowMs: h.windowMs });
      }
      const rows = await database.query<{ key: string; hits: number; ttl: number }>(ADD, [
        [...byKey.keys()],
        [...byKey.values()].map((k) => k.n),
        [...byKey.values()].map((k) => Math.ceil(k.windowMs)),
      ]);
      const totals = new Map(
        rows.map((r) => [r.key, { next: r.hits - byKey.get(r.key)!.n + 1, ttl: r.ttl }]),
      );
      return hits.map((h) => {
        const t = totals.get(h.key);
        if (!t) return new Error(`rate limit: no count for ${h.key}`);
        return { current: t.next++, ttl: t.ttl };
      });
    },
    512,
    2,
  );

  class PostgresStore implements FastifyRateLimitStore {
    private readonly prefix: string;
    /** The plugin passes its options; children pass their key prefix (method and route). */
    constructor(optionsOrPrefix?: unknown) {
      this.prefix = typeof optionsOrPrefix === 'string' ? optionsOrPrefix : '';
    }

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      batcher.submit({ key: `${this.prefix}${key}`, windowMs: timeWindow }).then(
        (result) => callback(null, result),
        (err: Error) => callback(err),
      );
    }

    child(routeOptions: {
      method?: unknown;
      url?: unknown;
      routeInfo?: { method?: unknown; url?: unknown };
    }) {
      const info = routeOptions.routeInfo ?? routeOptions;
      return new PostgresStore(`${this.prefix}${[info.method].flat().join(',')} ${String(info.url)} `);
    }
  }
  return {
    Store: PostgresStore as unknown as FastifyRateLimitStoreCtor,
    cleanup: async () => {
      await database.query(CLEANUP);
    },
  };
}
