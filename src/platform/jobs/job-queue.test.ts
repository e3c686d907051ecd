import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TEST_ENGINE, type TestDatabase } from '../../testing/test-database.js';
import { createJobQueue, type JobQueue } from './job-queue.js';

let db: TestDatabase;
let jobs: JobQueue;
const silent = { info: () => undefined, error: () => undefined };

beforeAll(async () => {
  db = await openTestDatabase();
  jobs = createJobQueue(db.database, silent, { worker: true });
  await jobs.start();
});
afterAll(async () => {
  await jobs?.stop();
  await db?.drop();
});

describe(`job queue (${TEST_ENGINE})`, () => {
  it('works through a backlog in batches: a failing job is retried alone, the others run once', async () => {
    const runs = new Map<number, number>();
    let allRanAt = 0;
    await jobs.declare(['test.batch']);
    await db.database.db.transaction(async (tx) => {
      await jobs.sendMany(
        'test.batch',
        Array.from({ length: 30 }, (_, n) => ({ n })),
        { tx },
      );
    });
    const started = Date.now();
    await jobs.work<{ n: number }>('test.batch', async ({ n }) => {
      runs.set(n, (runs.get(n) ?? 0) + 1);
      if (runs.size === 30 && !allRanAt) allRanAt = Date.now();
      if (n === 7 && runs.get(n) === 1) throw new Error('temporary failure');
      return 'done';
    });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (runs.size < 30 || (runs.get(7) ?? 0) < 2))
      await new Promise((r) => setTimeout(r, 200));
    expect(runs.size).toBe(30);
    expect(runs.get(7)).toBe(2);
    for (const [n, count] of runs) if (n !== 7) expect(count, `job ${n}`).toBe(1);
    // The backlog does not wait one polling interval per job (that would take 30 s).
    expect(allRanAt - started).toBeLessThan(15_000);
  });

  it('runs jobs of a fetched batch side by side when the queue asks for it, never more than asked', async () => {
    await jobs.declare(['test.parallel']);
    await db.database.db.transaction(async (tx) => {
      await jobs.sendMany(
        'test.parallel',
        Array.from({ length: 12 }, (_, n) => ({ n })),
        { tx },
      );
    });
    let running = 0;
    let most = 0;
    const done = new Set<number>();
    await jobs.work<{ n: number }>(
      'test.parallel',
      async ({ n }) => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 100));
        running--;
        done.add(n);
        return 'done';
      },
      { concurrency: 3 },
    );
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && done.size < 12) await new Promise((r) => setTimeout(r, 100));
    expect(done.size).toBe(12);
    expect(most).toBe(3);
  });
});
