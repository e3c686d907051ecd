import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { lockDataDir } from '../lock/data-dir-lock.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = PgDatabase<PgQueryResultHKT, any>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Db | Tx;

export interface RawClient {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** Runs raw SQL with $1-style parameters outside any transaction. */
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** Runs several statements without parameters (migrations, scripts). */
  exec(text: string): Promise<void>;
  /** pg-style executor for libraries that bring their own SQL (pg-boss): multi-statement text when no values. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /** LISTEN on a channel; NOTIFY from a transaction arrives only after it commits (crosses processes on a server). */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The driver-level client behind an executor, for the rare code (job queue) that needs $1 SQL in a transaction. */
export function rawClient(executor: Executor): RawClient {
  return (executor as unknown as { session: { client: RawClient } }).session.client;
}

const statementNames = new Map<string, string>();

/**
 * Runs $1-style SQL on a driver client (`rawClient(tx)`). On a PostgreSQL server the statement is named after its text,
 * so each connection parses and plans it once and then only binds and executes it: for the fixed-text
 * statements that every intake batch runs (pg-boss's job insert, the audit chain, the live notification).
 * PGlite has no per-connection cache to gain from and runs it as is.
 */
export async function preparedQuery<R = Record<string, unknown>>(
  client: RawClient,
  text: string,
  values: unknown[],
): Promise<{ rows: R[] }> {
  if (client instanceof pg.Client || client instanceof pg.Pool) {
    let name = statementNames.get(text);
    if (!name) {
      name = `q_${createHash('sha256').update(text).digest('hex').slice(0, 20)}`;
      statementNames.set(text, name);
    }
    return client.query<R & pg.QueryResultRow>({ name, text, values });
  }
  return client.query<R>(text, values);
}

export class DatabaseUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    const safe = url.replace(/\/\/[^@/]*@/, '//***@');
    super(
      `Không kết nối được cơ sở dữ liệu ${safe}: ${(cause as Error).message}\n` +
        `Cannot reach the database ${safe}: ${(cause as Error).message}`,
    );
    this.name = 'DatabaseUnreachableError';
  }
}

export const PGLITE_EXTENSIONS = { unaccent, pg_trgm, pgcrypto, citext, btree_gin, cube, earthdistance };

/** Opens the embedded PostgreSQL (PGlite) in `dataDir/db` (or in memory when dataDir is null), with a lock. */
export async function openPglite(dataDir: string | null): Promise<Database> {
  let release = () => {};
  let pglite: PGlite;
  if (dataDir) {
    release = lockDataDir(dataDir);
    const dbDir = path.join(dataDir, 'db');
    mkdirSync(dbDir, { recursive: true });
    try {
      pglite = await PGlite.create({ dataDir: dbDir, extensions: PGLITE_EXTENSIONS });
    } catch (err) {
      release();
      throw err;
    }
  } else {
    pglite = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  }
  const db = drizzlePglite(pglite) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async query(text, params) {
      const res = await pglite.query(text, params);
      return res.rows as never[];
    },
    async exec(text) {
      await pglite.exec(text);
    },
    async executeSql(text, values) {
      if (values && values.length) return pglite.query(text, values);
      const results = await pglite.exec(text);
      return results.at(-1) ?? { rows: [] };
    },
    async listen(channel, onMessage) {
      const unlisten = await pglite.listen(channel, onMessage);
      return async () => {
        await unlisten();
      };
    },
    async ping() {
      await pglite.query('select 1');
    },
    async close() {
      try {
        await pglite.close();
      } finally {
        release();
      }
    },
  };
}

/** Connects to a PostgreSQL server; fails fast with a clear message when it cannot be reached. */
export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client losing its server must not crash the process; the next query reports the error.
  pool.on('error', () => {});
  // A checked-out client (a transaction between two statements) losing its server emits 'error' too, with
  // no listener of the pool's: without this the process would crash on a database restart. The pending or
  // next query fails with the connection error (503 to the client) and the pool discards the client.
  pool.on('connect', (client) => client.on('error', () => {}));
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => {});
    throw new DatabaseUnreachableError(url, err);
  }
  const db = drizzlePg(pool) as unknown as Db;
  const listeners: { end(): Promise<void> }[] = [];
  return {
    kind: 'postgres',
    db,
    async query(text, params) {
      const res = await pool.query(text, params as unknown[]);
      return res.rows as never[];
    },
    async exec(text) {
      await pool.query(text);
    },
    async executeSql(text, values) {
      return pool.query(text, values as unknown[]);
    },
    async listen(channel, onMessage) {
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel ${channel}`);
      const listener = await reconnectingListener(url, channel, onMessage);
      listeners.push(listener);
      return async () => {
        listeners.splice(listeners.indexOf(listener), 1);
        await listener.end();
      };
    },
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      await Promise.all(listeners.map((c) => c.end()));
      await pool.end();
    },
  };
}

/**
 * A LISTEN connection that survives the server going away (restart, failover, a killed backend): when the
 * connection ends it is opened again with back-off (0.5 s doubling to 10 s) and LISTEN is issued again.
 * Notifications sent while it was down are lost (NOTIFY is not queued for absent listeners); live views
 * re-read on their own schedule. The first connection must succeed (the caller is starting up).
 */
async function reconnectingListener(
  url: string,
  channel: string,
  onMessage: (payload: string) => void,
): Promise<{ end(): Promise<void> }> {
  let client: pg.Client | null = null;
  let ended = false;
  let delay = 500;
  let timer: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    c.on('error', () => {});
    c.on('notification', (msg) => {
      if (msg.channel === channel) onMessage(msg.payload ?? '');
    });
    c.on('end', () => {
      if (client !== c || ended) return;
      client = null;
      schedule();
    });
    try {
      await c.connect();
      await c.query(`listen ${channel}`);
    } catch (err) {
      await c.end().catch(() => {});
      throw err;
    }
    if (ended) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    delay = 500;
  };
  const schedule = () => {
    if (ended || timer) return;
    timer = setTimeout(() => {
      timer = null;
      connect().catch(() => {
        delay = Math.min(delay * 2, 10_000);
        schedule();
      });
    }, delay);
    timer.unref();
  };
  await connect();
  return {
    async end() {
      ended = true;
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => {});
      client = null;
    },
  };
}

/** True when a statement failed on a unique constraint (PostgreSQL 23505), through drizzle's wrapper or not. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e.code === '23505' || e.cause?.code === '23505';
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown: the server is stopping (fast or immediate)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const CONNECTION_MESSAGES =
  /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|not queryable|the database system is (starting up|shutting down|in recovery mode)|terminating connection/i;

/**
 * True when a failure comes from the database being unreachable (down, restarting, a killed connection),
 * not from the statement: the request may be retried. Follows drizzle's and pg-boss's `cause` chain.
 */
export function isConnectionError(err: unknown): boolean {
  for (
    let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    depth++
  ) {
    if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return true;
    if (typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message)) return true;
    e = e.cause as typeof e;
  }
  return false;
}
