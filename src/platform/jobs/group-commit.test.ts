import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

describe('GroupCommit', () => {
  it('writes a lone call at once and groups calls that arrive while a batch is written', async () => {
    const batches: number[][] = [];
    const g = new GroupCommit<number, number>(async (items) => {
      batches.push(items);
      await new Promise((r) => setTimeout(r, 20));
      return items.map((i) => (i === 4 ? new Error('four') : i * 10));
    }, 3);
    const first = g.submit(1);
    const rest = [2, 3, 4, 5, 6].map((i) => g.submit(i).catch((e: Error) => e.message));
    expect(await first).toBe(10);
    expect(await Promise.all(rest)).toEqual([20, 30, 'four', 50, 60]);
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it('fails every call of a batch whose write throws, and goes on with the next', async () => {
    let n = 0;
    const g = new GroupCommit<number, number>(async (items) => {
      if (n++ === 0) throw new Error('down');
      return items;
    });
    const a = g.submit(1).catch((e: Error) => e.message);
    expect(await a).toBe('down');
    expect(await g.submit(2)).toBe(2);
  });
});

describe('GroupCommit with concurrency', () => {
  it('writes up to that many batches at once', async () => {
    let running = 0;
    let peak = 0;
    const g = new GroupCommit<number, number>(
      async (items) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 20));
        running--;
        return items;
      },
      2,
      3,
    );
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => g.submit(i)));
    expect(results).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(peak).toBe(3);
  });
});
