import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TEST_ENGINE, type TestDatabase } from '../../testing/test-database.js';
import { SEARCH_CANDIDATES, searchLive } from './content.repository.js';

// 3,000 live articles, item g published g minutes ago, so that each way searchLive finds the newest
// matches is taken: a walk of the newest items (common word), a longer walk (1 in 12), the GIN index
// after the walks (1 in 25) and the GIN index alone (two items).
const COUNT = 3000;
let t: TestDatabase;
const now = new Date();

beforeAll(async () => {
  t = await openTestDatabase();
  await t.database.query(
    `
    insert into content_items (type, slug, status, title, summary, body, category, publish_at, published_at)
    select 'article', 'tin-' || g, 'published',
      'Tin số ' || g || ' phổ biến'
        || case when g % 12 = 0 then ' vừa phải' else '' end
        || case when g % 25 = 0 then ' thưa thớt' else '' end
        || case when g = 2900 then ' hiếm có' else '' end,
      'Tóm tắt', case when g = 5 then 'Một chuyện hiếm có trong thân bài.' else 'Thân bài.' end,
      'thong-bao', $1::timestamptz - (g || ' minutes')::interval, $1::timestamptz - (g || ' minutes')::interval
    from generate_series(0, ${COUNT - 1}) g`,
    [now.toISOString()],
  );
  await t.database.query('analyze content_items');
}, 120_000);
afterAll(async () => {
  await t?.drop();
});

const numberOf = (title: string) => Number(/số (\d+)/.exec(title)![1]);

async function all(q: string, extra: { from?: string } = {}) {
  const first = await searchLive(t.database.db, now, { q, limit: 50, offset: 0, ...extra });
  const rows = [...first.rows];
  for (let offset = 50; offset < first.total; offset += 50)
    rows.push(...(await searchLive(t.database.db, now, { q, limit: 50, offset, ...extra })).rows);
  return { ...first, numbers: rows.map((r) => numberOf(r.title)) };
}

describe(`search over many items (${TEST_ENGINE})`, () => {
  it('a word in every item: the newest 200 are ranked and the total says "more"', async () => {
    const r = await all('pho bien');
    expect(r.total).toBe(SEARCH_CANDIDATES);
    expect(r.capped).toBe(true);
    expect(new Set(r.numbers)).toEqual(new Set(Array.from({ length: SEARCH_CANDIDATES }, (_, g) => g)));
  });

  it('a word in 1 item of 12 (found by a longer walk): still exactly the newest 200 matches', async () => {
    const r = await all('vua phai');
    expect(r.capped).toBe(true);
    expect(r.total).toBe(SEARCH_CANDIDATES);
    expect(new Set(r.numbers)).toEqual(new Set(Array.from({ length: SEARCH_CANDIDATES }, (_, i) => i * 12)));
  });

  it('a word in 1 item of 25 (fewer than 200): every match, counted exactly', async () => {
    const r = await all('THUA THOT');
    expect(r.capped).toBe(false);
    expect(r.total).toBe(COUNT / 25);
    expect(new Set(r.numbers)).toEqual(new Set(Array.from({ length: COUNT / 25 }, (_, i) => i * 25)));
  });

  it('a rare word without diacritics: both items, the title hit before the newer body hit', async () => {
    const r = await all('hiem');
    expect(r.total).toBe(2);
    expect(r.numbers).toEqual([2900, 5]);
  });

  it('a date filter narrows the candidates', async () => {
    const day = new Date(now.getTime() - 60_000 * 60 * 24 * 3).toISOString().slice(0, 10);
    const r = await all('thua thot', { from: day });
    expect(r.total).toBe(COUNT / 25);
    const future = new Date(now.getTime() + 86_400_000 * 2).toISOString().slice(0, 10);
    expect((await all('thua thot', { from: future })).total).toBe(0);
  });
});
