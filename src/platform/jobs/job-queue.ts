import PgBoss from 'pg-boss';
import { preparedQuery, rawClient, type Database, type Executor } from '../db/database.js';
import { mapBounded } from './map-bounded.js';

export type JobOutcome = 'done' | 'skipped';

export interface SendOptions {
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  tx?: Executor;
  singletonKey?: string;
  startAfter?: Date | number;
  retryLimit?: number;
}

/** The small queue interface modules use; pg-boss behind it, on PGlite and on PostgreSQL alike. */
export interface JobQueue {
  send<T extends object>(name: string, data: T, options?: SendOptions): Promise<string | null>;
  /** Enqueues many jobs of one kind in one statement, inside a transaction like `send`. */
  sendMany<T extends object>(
    name: string,
    data: T[],
    options: { tx: Executor; expireInSeconds?: number },
  ): Promise<void>;
  /**
   * Registers a handler; it must be idempotent and say whether it did the work or skipped it. Jobs run one
   * at a time unless `concurrency` says how many of a fetched batch may run at once in this process (for
   * jobs that mostly wait on the network, e.g. alert push batches).
   */
  work<T extends object>(
    name: string,
    handler: (data: T, jobId: string) => Promise<JobOutcome>,
    options?: { concurrency?: number },
  ): Promise<void>;
  schedule(name: string, cron: string, data?: object): Promise<void>;
  /**
   * Creates the queues up front: sending inside a transaction cannot create one (PGlite has one connection).
   * A failed job is retried after about 10 s, 20 s, 40 s … (doubling, with jitter), `retryLimit` times
   * (default 5, about five minutes in all).
   */
  declare(names: string[], options?: { retryLimit?: number }): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Jobs of a queue not finished yet: waiting, running, or waiting for a retry. */
  pending(name: string): Promise<number>;
  /** Where one job is: null when unknown (never sent, or archived long ago). */
  state(name: string, id: string): Promise<JobState | null>;
}

export type JobState = 'queued' | 'running' | 'done' | 'failed';

interface Logger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** pg-boss over the application's own connection (PGlite has just one). */
export function createJobQueue(database: Database, log: Logger, options: { worker: boolean }): JobQueue {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => database.executeSql(text, values) },
    schema: 'pgboss',
    supervise: options.worker,
    schedule: options.worker,
    migrate: true,
  });
  boss.on('error', (err: Error) => log.error({ err: { message: err.message } }, 'job queue error'));
  const queues = new Set<string>();
  let started = false;

  async function ensureQueue(name: string, retryLimit?: number) {
    if (queues.has(name)) return;
    const policy = { retryLimit: retryLimit ?? 5, retryDelay: 10, retryBackoff: true };
    await boss.createQueue(name, { name, ...policy });
    // createQueue leaves an existing queue as it was: a changed policy is applied to it explicitly.
    if (retryLimit !== undefined) await boss.updateQueue(name, { name, ...policy });
    queues.add(name);
  }

  return {
    async start() {
      await boss.start();
      started = true;
    },
    async stop() {
      if (started) await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      started = false;
    },
    async declare(names, declareOptions = {}) {
      for (const name of names) await ensureQueue(name, declareOptions.retryLimit);
    },
    async send(name, data, opts = {}) {
      if (opts.tx && !queues.has(name))
        throw new Error(`queue ${name} must be declared before sending in a transaction`);
      await ensureQueue(name);
      const sendOptions: PgBoss.SendOptions & { db?: unknown } = {};
      if (opts.singletonKey) sendOptions.singletonKey = opts.singletonKey;
      if (opts.startAfter !== undefined) sendOptions.startAfter = opts.startAfter as Date;
      if (opts.retryLimit !== undefined) sendOptions.retryLimit = opts.retryLimit;
      if (opts.tx) {
        const client = rawClient(opts.tx);
        sendOptions.db = { executeSql: (text: string, values?: unknown[]) => client.query(text, values) };
      }
      return boss.send(name, data, sendOptions as PgBoss.SendOptions);
    },
    async sendMany(name, data, opts) {
      if (data.length === 0) return;
      if (!queues.has(name))
        throw new Error(`queue ${name} must be declared before sending in a transaction`);
      const client = rawClient(opts.tx);
      await boss.insert(
        data.map((d) => ({
          name,
          data: d,
          ...(opts.expireInSeconds ? { expireInSeconds: opts.expireInSeconds } : {}),
        })),
        {
          // pg-boss's insert has a fixed text: prepared once per connection (see preparedQuery).
          db: {
            executeSql: (text: string, values?: unknown[]) => preparedQuery(client, text, values ?? []),
          },
        } as PgBoss.InsertOptions,
      );
    },
    async work(name, handler, workOptions) {
      if (!options.worker) return;
      await ensureQueue(name);
      const run = async (job: { id: string; data: unknown }) => {
        try {
          const outcome = await handler(job.data as never, job.id);
          log.info({ job: name, id: job.id, outcome }, 'job finished');
        } catch (err) {
          log.error({ job: name, id: job.id, err }, 'job failed; pg-boss retries it');
          await boss.fail(name, job.id, { message: err instanceof Error ? err.message : String(err) });
        }
      };
      // Up to 20 jobs a fetch, run `concurrency` at a time; a job that throws is failed (and retried by
      // pg-boss) on its own, the others complete when the batch returns. One job a poll would cap a queue at
      // 1 job/s.
      await boss.work(name, { pollingIntervalSeconds: 1, batchSize: 20 }, async (jobs) => {
        await mapBounded(jobs, workOptions?.concurrency ?? 1, run);
      });
    },
    async pending(name) {
      await ensureQueue(name);
      return (await boss.getQueueSize(name, { before: 'completed' })) ?? 0;
    },
    async state(name, id) {
      await ensureQueue(name);
      const job = await boss.getJobById(name, id, { includeArchive: true });
      if (!job) return null;
      if (job.state === 'created' || job.state === 'retry') return 'queued';
      if (job.state === 'active') return 'running';
      return job.state === 'completed' ? 'done' : 'failed';
    },
    async schedule(name, cron, data = {}) {
      if (!options.worker) return;
      await ensureQueue(name);
      await boss.schedule(name, cron, data, { tz: 'Asia/Ho_Chi_Minh' });
    },
  };
}
