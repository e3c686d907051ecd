import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfile } from '../src/platform/profile/profile.js';
import { openTestDatabase, TEST_ENGINE, type TestDatabase } from '../src/testing/test-database.js';
import { seedDatabase } from '../src/seed/seed.js';
import { generateReports } from './generate-reports.js';
import {
  generateAttachments,
  generateContent,
  generatedCount,
  generateSubscriptions,
  generateTimelines,
} from './generate-province.js';

let t: TestDatabase;
const profile = loadProfile('long-an-2022');
const REPORTS = 600;

beforeAll(async () => {
  t = await openTestDatabase();
  await seedDatabase(t.database, profile, 'base', { admin: 'x'.repeat(12), demo: 'y'.repeat(12) });
});
afterAll(async () => {
  await t?.drop();
});

describe(`province data generator (${TEST_ENGINE})`, () => {
  it('gives every generated report a timeline that ends in its status, in time order', async () => {
    const first = (await generatedCount(t.database)) + 1;
    await generateReports(t.database, REPORTS);
    const seen: number[] = [];
    const events = await generateTimelines(t.database, { first, count: REPORTS }, 1, (done) =>
      seen.push(done),
    );
    expect(seen.at(-1)).toBe(REPORTS);

    const [counts] = await t.database.query<{ events: string; reports: string }>(
      `select (select count(*) from report_events)::text as events, (select count(*) from reports)::text as reports`,
    );
    expect(Number(counts!.events)).toBe(events);
    expect(Number(counts!.reports)).toBe(REPORTS);
    // Lifecycle steps (without notes): the last one reaches the report's status; the first is `received`.
    const mismatched = await t.database.query<{ id: string }>(`
      select r.id from reports r
        join lateral (select to_status from report_events e where e.report_id = r.id and e.action <> 'note'
                       order by e.at desc, e.id desc limit 1) last on true
       where last.to_status <> r.status`);
    expect(mismatched).toEqual([]);
    const withoutReceipt = await t.database.query(`
      select r.id from reports r where not exists (
        select 1 from report_events e where e.report_id = r.id and e.action = 'received' and e.at = r.received_at)`);
    expect(withoutReceipt).toEqual([]);
    // Each transition starts where the previous one ended.
    const broken = await t.database.query(`
      select 1 from (select from_status, lag(to_status) over (partition by report_id order by at, id) as prev
                       from report_events where action <> 'note') x
       where x.prev is not null and x.prev <> x.from_status`);
    expect(broken).toEqual([]);
    // About one note per report on average.
    const [notes] = await t.database.query<{ n: string }>(
      `select count(*)::text as n from report_events where action = 'note'`,
    );
    expect(Number(notes!.n)).toBeGreaterThan(REPORTS * 0.7);
    expect(Number(notes!.n)).toBeLessThan(REPORTS * 1.3);
  });

  it('adds attachments only to the reports of the range, with answer documents only on answered ones', async () => {
    const files = await generateAttachments(t.database, { first: 1, count: REPORTS });
    expect(files).toBeGreaterThan(REPORTS * 0.3);
    const wrong = await t.database.query(`
      select a.id from report_attachments a join reports r on r.id = a.report_id
       where (a.purpose = 'answer' and r.answered_at is null) or a.storage_key not like 'generated/%'`);
    expect(wrong).toEqual([]);
  });

  it('adds push subscriptions for the profile’s communes and content the search finds', async () => {
    const communes = profile.units.filter((u) => u.level === 3).map((u) => u.code);
    await generateSubscriptions(t.database, 300, communes);
    const [subs] = await t.database.query<{ n: string; outside: string }>(
      `select count(*)::text as n,
              count(*) filter (where not (unit_codes <@ $1::text[]))::text as outside from push_subscriptions`,
      [communes],
    );
    expect(subs).toEqual({ n: '300', outside: '0' });

    await generateContent(t.database, 140);
    const found = await t.database.query<{ n: string }>(
      `select count(*)::text as n from content_items where status = 'published' and doc_number like '%/KH-UBND'`,
    );
    expect(Number(found[0]!.n)).toBe(20);

    // The search benchmark's words keep their shares (see WORDS): the summary and body's six slots.
    const share = async (word: string) => {
      const [row] = await t.database.query<{ n: string }>(
        `select count(*)::text as n from content_items
          where slug like 'sinh-%' and strpos(summary || ' ' || body, $1) > 0`,
        [word],
      );
      return Number(row!.n);
    };
    const expected = (place: number) =>
      Array.from({ length: 140 }, (_, g) => g).filter((g) =>
        [3, 5, 11, 19, 23, 29].some((k) => (g * k) % 32 === place),
      ).length;
    const shares = [await share('chuyển đổi số'), await share('ngập nước'), await share('dịch vụ công')];
    expect(shares).toEqual([expected(0), expected(4), expected(1)]);
    expect(shares[0]).toBeLessThan(shares[1]!);
    expect(shares[1]).toBeLessThan(shares[2]!);
  });
});
