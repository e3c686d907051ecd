import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Database } from '../db/database.js';

/**
 * One statement per hit: start a window (1 hit, expiring in `timeWindow` ms) or count one more in the open
 * window; returns the count and the milliseconds left. Atomic under concurrency (the row lock of ON
 * CONFLICT), so several web processes share one budget per route and address.
 */
const INCR = `
insert into rate_limit_hits as h (key, hits, expires_at)
values ($1, 1, clock_timestamp() + $2::int * interval '1 millisecond')
on conflict (key) do update set
  hits = case when h.expires_at <= clock_timestamp() then 1 else h.hits + 1 end,
  expires_at = case when h.expires_at <= clock_timestamp() then excluded.expires_at else h.expires_at end
returning hits, greatest(0, ceil(extract(epoch from (expires_at - clock_timestamp())) * 1000))::int as ttl`;

/** Windows that ended more than a minute ago: nobody reads them again (a new hit starts a new window). */
const CLEANUP = `delete from rate_limit_hits where expires_at < clock_timestamp() - interval '1 minute'`;

/**
 * A store for @fastify/rate-limit in PostgreSQL (table `rate_limit_hits`), for several web processes on
 * one server; the in-memory store stays right for the embedded database (one process). `cleanup()` removes
 * ended windows (run it every minute or so).
 */
export function postgresRateLimitStore(database: Database): {
  Store: FastifyRateLimitStoreCtor;
  cleanup: () => Promise<void>;
} {
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
      database
        .query<{ hits: number; ttl: number }>(INCR, [`${this.prefix}${key}`, Math.ceil(timeWindow)])
        .then(
          ([row]) => callback(null, { current: row!.hits, ttl: row!.ttl }),
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
