import { describe, expect, it } from 'vitest';
import { PageCache } from './page-cache.js';

describe('the public page cache', () => {
  it('renders a page once per period, with a stable ETag, then renders again', async () => {
    let clock = 0;
    let renders = 0;
    const cache = new PageCache(30_000, 10, () => clock);
    const render = () => `<p>trang ${++renders}</p>`;
    const first = await cache.get('/phan-anh', render);
    const again = await cache.get('/phan-anh', render);
    expect(renders).toBe(1);
    expect(again).toBe(first);
    expect(first.etag).toMatch(/^"[\w-]+"$/);
    clock = 30_001;
    const later = await cache.get('/phan-anh', render);
    expect(renders).toBe(2);
    expect(later.body).toBe('<p>trang 2</p>');
    expect(later.etag).not.toBe(first.etag);
  });

  it('keeps nothing from a failed render, forgets the oldest page past its size, and empties on clear', async () => {
    const cache = new PageCache(60_000, 2, () => 0);
    await expect(
      cache.get('/phan-anh/LA-XXXX-XXXX', () => Promise.reject(new Error('not_found'))),
    ).rejects.toThrow('not_found');
    let renders = 0;
    const render = () => `${++renders}`;
    await cache.get('/a', render);
    await cache.get('/b', render);
    await cache.get('/c', render); // "/a" goes
    await cache.get('/b', render);
    expect(renders).toBe(3);
    await cache.get('/a', render);
    expect(renders).toBe(4);
    cache.clear();
    await cache.get('/b', render);
    expect(renders).toBe(5);
  });
});
