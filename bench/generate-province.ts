// Province-scale data for benchmarks and for trying the console on realistic volumes: reports come from
// generate-reports.ts; this file adds each report's timeline (the lifecycle path its status implies, plus
// internal notes), attachments' metadata, citizens' alert subscriptions and portal content. Everything is
// INSERT … SELECT generate_series, so a million reports take minutes, not hours. Needs a migrated database
// seeded with at least `base`. Works on PostgreSQL and PGlite.
import { createECDH, randomBytes } from 'node:crypto';
import type { Database } from '../src/platform/db/database.js';

export type Progress = (done: number, total: number) => void;

const sqlText = (v: string) => `'${v.replace(/'/g, "''")}'`;
const sqlArray = (values: string[]) => `array[${values.map(sqlText).join(',')}]::text[]`;

/**
 * The lifecycle path each status implies: (step, action, from, to, public, hours after receipt). A report
 * in status S has every step of its path, in order, so the timeline reads like one the application wrote.
 */
const PATHS: Record<string, [string, string | null, string, boolean, number][]> = {};
const HAPPY: [string, string | null, string, boolean, number][] = [
  ['received', null, 'received', true, 0],
  ['accept', 'received', 'accepted', true, 2],
  ['assign', 'accepted', 'assigned', true, 4],
  ['start', 'assigned', 'in_progress', true, 24],
  ['submit_answer', 'in_progress', 'answered', false, 120],
  ['approve_answer', 'answered', 'approved', false, 122],
  ['publish', 'approved', 'published', true, 144],
  ['close', 'published', 'closed', true, 288],
];
for (const status of [
  'received',
  'accepted',
  'assigned',
  'in_progress',
  'answered',
  'approved',
  'published',
  'closed',
])
  PATHS[status] = HAPPY.slice(0, HAPPY.findIndex((s) => s[2] === status) + 1);
PATHS.rejected = [HAPPY[0]!, ['reject', 'received', 'rejected', true, 4]];
PATHS.returned = [...HAPPY.slice(0, 3), ['return_to_ioc', 'assigned', 'returned', false, 48]];
PATHS.reopened = [...HAPPY.slice(0, 7), ['reopen_by_citizen', 'published', 'reopened', true, 192]];

const STEPS_SQL = `(values ${Object.entries(PATHS)
  .flatMap(([status, steps]) =>
    steps.map(
      ([action, from, to, isPublic, hours], i) =>
        `(${sqlText(status)}, ${i}, ${sqlText(action)}, ${from ? sqlText(from) : 'null'}, ${sqlText(to)}, ${isPublic}, ${hours})`,
    ),
  )
  .join(', ')}) as s(status, step, action, from_status, to_status, is_public, hours)`;

/** Generated reports are numbered: `GEN-0000-0001` is number 1 (see generate-reports.ts). */
export interface GeneratedRange {
  first: number;
  count: number;
}

const code = (n: number) => {
  const d = String(n).padStart(8, '0');
  return `GEN-${d.slice(0, 4)}-${d.slice(4)}`;
};

/** The generated reports already in the database, so the next batch is numbered after them. */
export async function generatedCount(database: Database): Promise<number> {
  const [row] = await database.query<{ n: string }>(`select count(*)::text as n from reports`);
  return Number(row?.n ?? 0);
}

/**
 * Each report's timeline: the lifecycle path of its status, then `notesPerReport` internal notes (on
 * average; 0 for none) at random times in its first two days. Reports are taken in slices of 50,000.
 */
export async function generateTimelines(
  database: Database,
  range: GeneratedRange,
  notesPerReport: number,
  onProgress?: Progress,
): Promise<number> {
  const slice = 50_000;
  let events = 0;
  const noteRounds = Math.max(0, Math.ceil(notesPerReport * 2));
  for (let from = range.first; from < range.first + range.count; from += slice) {
    const to = Math.min(range.first + range.count - 1, from + slice - 1);
    const rows = await database.query<{ inserted: string }>(`
      with r as (
        select id, status, received_at, agency_id from reports
         where tracking_code between '${code(from)}' and '${code(to)}'),
      path as (
        insert into report_events (report_id, at, action, from_status, to_status, is_public, actor_label, data)
        select r.id, r.received_at + make_interval(hours => s.hours), s.action, s.from_status, s.to_status,
               s.is_public, case when s.step = 0 then 'citizen' else 'generated' end,
               case when s.action in ('assign', 'return_to_ioc') and r.agency_id is not null
                    then jsonb_build_object('agencyId', r.agency_id) else '{}'::jsonb end
          from r join ${STEPS_SQL} on s.status = r.status
        returning 1),
      notes as (
        insert into report_events (report_id, at, action, is_public, actor_label, note)
        select r.id, r.received_at + make_interval(mins => (1 + (abs(hashtext(r.id::text || k)) % 2880))),
               'note', false, 'generated', 'Đã liên hệ người phản ánh, đang xác minh tại hiện trường.'
          from r cross join generate_series(1, ${noteRounds}) k
         where abs(hashtext(r.id::text || 'n' || k)) % 1000 < ${noteRounds ? Math.round((notesPerReport / noteRounds) * 1000) : 0}
        returning 1)
      select ((select count(*) from path) + (select count(*) from notes))::text as inserted`);
    events += Number(rows[0]?.inserted ?? 0);
    onProgress?.(to - range.first + 1, range.count);
  }
  await database.exec('analyze report_events');
  return events;
}

/**
 * Attachments' metadata (no file content): 45 % of reports carry one to three photos, 5 % a video,
 * answered reports 20 % an answer document. Storage keys follow the application's `yyyy/mm/<uuid>.<ext>`
 * layout under `generated/`, so nothing real is ever pointed at.
 */
export async function generateAttachments(
  database: Database,
  range: GeneratedRange,
  onProgress?: Progress,
): Promise<number> {
  const inRange = `r.tracking_code between '${code(range.first)}' and '${code(range.first + range.count - 1)}'`;
  const rows = await database.query<{ n: string }>(`
    with photos as (
      insert into report_attachments (report_id, purpose, kind, file_name, mime_type, size, sha256, storage_key, thumbnail_key, created_at)
      select r.id, 'report', 'photo', 'anh-' || k || '.jpg', 'image/jpeg', 80000 + abs(hashtext(r.id::text || k)) % 900000,
             md5(r.id::text || k) || md5(k || r.id::text),
             'generated/' || to_char(r.received_at, 'YYYY/MM') || '/' || md5(r.id::text || k) || '.jpg',
             'generated/' || to_char(r.received_at, 'YYYY/MM') || '/' || md5(r.id::text || k) || '-thumb.webp',
             r.received_at
        from reports r cross join generate_series(1, 3) k
       where ${inRange} and abs(hashtext(r.id::text)) % 100 < 45
         and (k = 1 or abs(hashtext(r.id::text || 'more')) % 3 >= k - 1)
      returning 1),
    videos as (
      insert into report_attachments (report_id, purpose, kind, file_name, mime_type, size, sha256, storage_key, created_at)
      select r.id, 'report', 'video', 'video.mp4', 'video/mp4', 2000000 + abs(hashtext(r.id::text || 'v')) % 30000000,
             md5(r.id::text || 'v') || md5('v' || r.id::text),
             'generated/' || to_char(r.received_at, 'YYYY/MM') || '/' || md5(r.id::text || 'v') || '.mp4', r.received_at
        from reports r
       where ${inRange} and abs(hashtext(r.id::text || 'video')) % 100 < 5
      returning 1),
    answers as (
      insert into report_attachments (report_id, purpose, kind, file_name, mime_type, size, sha256, storage_key, created_at)
      select r.id, 'answer', 'document', 'van-ban-tra-loi.pdf', 'application/pdf', 40000 + abs(hashtext(r.id::text || 'a')) % 400000,
             md5(r.id::text || 'a') || md5('a' || r.id::text),
             'generated/' || to_char(coalesce(r.answered_at, r.received_at), 'YYYY/MM') || '/' || md5(r.id::text || 'a') || '.pdf',
             coalesce(r.answered_at, r.received_at)
        from reports r
       where ${inRange} and r.answered_at is not null and abs(hashtext(r.id::text || 'answer')) % 100 < 20
      returning 1)
    select ((select count(*) from photos) + (select count(*) from videos) + (select count(*) from answers))::text as n`);
  await database.exec('analyze report_attachments');
  const n = Number(rows[0]?.n ?? 0);
  onProgress?.(n, n);
  return n;
}

/**
 * Citizens' Web Push subscriptions for alerts: endpoints shaped like the browsers' push services (never
 * called: a real alert on this data would fail to deliver and remove them), 64 real P-256 key pairs
 * reused, one or two communes each (people near the province's towns more likely), 5 % in drills, 30 % with
 * a device location.
 */
export async function generateSubscriptions(
  database: Database,
  count: number,
  communes: string[],
  onProgress?: Progress,
): Promise<number> {
  const KEYS = 64;
  const p256dh: string[] = [];
  const auth: string[] = [];
  for (let i = 0; i < KEYS; i++) {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    p256dh.push(ecdh.getPublicKey().toString('base64url'));
    auth.push(randomBytes(16).toString('base64url'));
  }
  const services = [
    'https://fcm.googleapis.com/fcm/send/',
    'https://updates.push.services.mozilla.com/wpush/v2/',
    'https://web.push.apple.com/',
  ];
  const slice = 100_000;
  const [{ n: before } = { n: '0' }] = await database.query<{ n: string }>(
    'select count(*)::text as n from push_subscriptions',
  );
  for (let from = 1; from <= count; from += slice) {
    const to = Math.min(count, from + slice - 1);
    await database.query(
      `insert into push_subscriptions (endpoint, p256dh, auth, unit_codes, lang, drills, lat, lon, created_at, updated_at)
       select ($1::text[])[1 + g % 3] || 'gen-' || ${Number(before)} + g || '-' || md5(g::text),
              ($2::text[])[1 + g % $4], ($3::text[])[1 + g % $4],
              case when g % 4 = 0
                   then array[($5::text[])[1 + (g * 7) % cardinality($5::text[])], ($5::text[])[1 + (g * 13) % cardinality($5::text[])]]
                   else array[($5::text[])[1 + floor(power((g % 997) / 997.0, 2) * cardinality($5::text[]))::int]] end,
              case when g % 20 = 0 then 'en' else 'vi' end,
              g % 20 = 1,
              case when g % 10 < 3 then round((10.3 + (g % 800) / 1000.0)::numeric, 3) end,
              case when g % 10 < 3 then round((105.9 + (g % 900) / 1000.0)::numeric, 3) end,
              now() - make_interval(days => g % 900), now() - make_interval(days => g % 900)
         from generate_series(${from}, ${to}) g`,
      [services, p256dh, auth, KEYS, communes],
    );
    onProgress?.(to, count);
  }
  await database.exec('analyze push_subscriptions');
  return count;
}

// Words of generated content. Each text slot takes word (g × k) mod 32 with an odd k, so a word's share of
// items depends on its place: the first is only in items with g ≡ 0 (mod 32), all slots at once (3 %), the
// fifth in 4 of every 32 (12.5 %), the second (or any odd place) in 9 of 32 (28 %). The search benchmark's
// queries rely on these places: "chuyển đổi số" (3 %: the common-but-sparse case), "dịch vụ công" second,
// "ngập nước" fifth; "số 4242" (the title's number) is rare. Keep these three where they are.
const WORDS = [
  'chuyển đổi số',
  'dịch vụ công',
  'trực tuyến',
  'giao thông',
  'ngập nước',
  'an ninh trật tự',
  'y tế',
  'giáo dục',
  'nông nghiệp',
  'thanh niên',
  'ứng dụng',
  'Long An Số',
  'tổng đài 1022',
  'phản ánh',
  'kiến nghị',
  'người dân',
  'doanh nghiệp',
  'xã phường',
  'hộ kinh doanh',
  'thủ tục hành chính',
  'cổng thông tin',
  'tuyên truyền',
  'tập huấn',
  'tổ công nghệ số cộng đồng',
  'định danh điện tử',
  'thanh toán',
  'nông sản',
  'mùa mưa',
  'bão lũ',
  'hạ tầng',
  'đô thị',
  'môi trường',
];

/**
 * Published portal content: articles in the news categories, directive documents with numbers like
 * "310/KH-UBND", guides, promotion materials and services, over the last `count` hours.
 */
export async function generateContent(
  database: Database,
  count: number,
  onProgress?: Progress,
): Promise<number> {
  const slice = 20_000;
  const [{ n: before } = { n: '0' }] = await database.query<{ n: string }>(
    'select count(*)::text as n from content_items',
  );
  const start = Number(before);
  for (let from = 0; from < count; from += slice) {
    const to = Math.min(count, from + slice) - 1;
    await database.query(`
      insert into content_items (type, slug, status, title, summary, body, category, fields, doc_number, issued_on, issuer, publish_at, published_at, created_at, updated_at)
      select t.type, 'sinh-' || (${start} + g), 'published',
        initcap(w[1 + (g * 7) % 32]) || ' ' || w[1 + (g * 13) % 32] || ' ' || w[1 + (g * 17) % 32] || ' số ' || g,
        w[1 + (g * 3) % 32] || ', ' || w[1 + (g * 5) % 32] || ' tại ' || w[1 + (g * 11) % 32] || '.',
        repeat(w[1 + (g * 19) % 32] || ' ' || w[1 + (g * 23) % 32] || ' ' || w[1 + (g * 29) % 32] || '. ', 12),
        t.category,
        case when t.type = 'document' then jsonb_build_object('document', jsonb_build_object('number', (g % 3000) || '/KH-UBND', 'issuedOn', '2024-01-01', 'issuer', 'UBND tỉnh Long An'))
             when t.type = 'service' then jsonb_build_object('service', jsonb_build_object('url', 'https://dichvucong.gov.vn', 'onlineLevel', 'full', 'provider', '', 'howTo', ''))
             else '{}'::jsonb end,
        case when t.type = 'document' then (g % 3000) || '/KH-UBND' end,
        case when t.type = 'document' then date '2020-01-01' + (g % 2000) end,
        case when t.type = 'document' then 'UBND tỉnh Long An' end,
        now() - make_interval(hours => g), now() - make_interval(hours => g), now(), now()
      from generate_series(${from}, ${to}) g,
        lateral (select ${sqlArray(WORDS)} as w) words,
        lateral (select (array['article','article','article','document','guide','material','service'])[1 + g % 7] as type) ty,
        lateral (select ty.type, case ty.type when 'article' then (array['kinh-te-xa-hoi','an-ninh-trat-tu','chuyen-doi-so','thong-bao'])[1 + g % 4]
          when 'document' then 'ke-hoach' when 'guide' then 'ung-dung' when 'material' then 'to-gap' else 'y-te' end as category) t`);
    onProgress?.(to + 1, count);
  }
  await database.exec('analyze content_items');
  return count;
}
