// Fills the reports table with realistic rows quickly (INSERT … SELECT generate_series), for benchmarks.
// Needs a migrated database seeded with at least `base` (categories, admin_units, agencies).
import type { Database } from '../src/platform/db/database.js';

export interface GenerateProgress {
  done: number;
  total: number;
  elapsedMs: number;
  phase: 'insert' | 'index' | 'analyze';
}

const TITLES = [
  'Ổ gà lớn trên đường',
  'Ngập nước sau mưa',
  'Đèn đường không sáng',
  'Rác thải tồn đọng',
  'Tiếng ồn karaoke ban đêm',
  'Cây xanh gãy đổ',
  'Mất nước sinh hoạt',
  'Lấn chiếm vỉa hè',
  'Xây dựng không phép',
  'Khói bụi từ nhà máy',
  'Chậm giải quyết hồ sơ đất đai',
  'Nắp hố ga bị mất',
  'Cúp điện kéo dài',
  'Kênh mương bị bồi lấp',
  'Thái độ cán bộ tiếp dân',
];
const PHRASES = [
  'người dân đi lại rất khó khăn',
  'nguy hiểm cho học sinh',
  'kéo dài nhiều ngày chưa được xử lý',
  'đề nghị chính quyền kiểm tra',
  'ảnh hưởng sức khỏe bà con',
  'gần chợ và trường tiểu học',
  'vào giờ cao điểm buổi sáng',
  'đã phản ánh nhiều lần',
  'mùi hôi thối nồng nặc',
  'xe tải chở quá tải thường xuyên',
  'khu vực ven sông Vàm Cỏ',
  'tuyến quốc lộ 1A',
];
const STREETS = [
  'Hùng Vương',
  'Nguyễn Huệ',
  'Trương Định',
  'Quốc lộ 62',
  'Châu Thị Kim',
  'Nguyễn Đình Chiểu',
  'Lê Văn Tường',
  'Bảo Định',
];

const sqlArray = (values: string[]) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`;

/**
 * Status mix (weighted toward closed) with each status's share in per-mille; cumulative thresholds below.
 * Open statuses are recent (received in the last ~90 days), closed ones spread over three years.
 */
const STATUS_MIX: [string, number][] = [
  ['closed', 560],
  ['published', 110],
  ['rejected', 40],
  ['answered', 35],
  ['approved', 15],
  ['in_progress', 80],
  ['assigned', 70],
  ['accepted', 25],
  ['received', 50],
  ['returned', 10],
  ['reopened', 5],
];

function statusCase(r: string): string {
  let acc = 0;
  const arms = STATUS_MIX.map(([s, w]) => {
    acc += w;
    return `when ${r} < ${acc / 1000} then '${s}'`;
  });
  return `case ${arms.slice(0, -1).join(' ')} else '${STATUS_MIX.at(-1)![0]}' end`;
}

/** Indexes of the reports table other than the primary key, with their definitions (to rebuild them). */
async function secondaryIndexes(database: Database): Promise<{ name: string; def: string }[]> {
  const rows = await database.query<{ indexname: string; indexdef: string }>(
    `select i.indexname, i.indexdef from pg_indexes i
       where i.schemaname = 'public' and i.tablename = 'reports'
         and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
  );
  return rows.map((r) => ({ name: r.indexname, def: r.indexdef }));
}

/**
 * Inserts `count` reports in batches of 100,000 (secondary indexes dropped during the load and rebuilt
 * afterwards, then ANALYZE). Tracking codes are `GEN-0000-0001`…, which no real code can collide with.
 */
export async function generateReports(
  database: Database,
  count: number,
  onProgress?: (p: GenerateProgress) => void,
): Promise<void> {
  const started = Date.now();
  const [existing] = await database.query<{ n: string }>('select count(*)::text as n from reports');
  const offset = Number(existing?.n ?? 0);
  const indexes = await secondaryIndexes(database);
  for (const ix of indexes) await database.exec(`drop index if exists "${ix.name}"`);

  const batch = 100_000;
  for (let from = 1; from <= count; from += batch) {
    const to = Math.min(count, from + batch - 1);
    await database.exec(`
      insert into reports (
        tracking_code, status, channel, citizen_category_code, category_code, title, body, address, lat, lon,
        unit_code, urgency, received_at, deadline_at, agency_id, suggested_agency_id, reporter_phone_hash, reporter_email_hash,
        display_publicly, consent_at, consent_version, answer, answered_at, published_at, closed_at, first_action_at,
        timeliness, rating, reject_reason, updated_at, version)
      select
        'GEN-' || substr(lpad((g + ${offset})::text, 8, '0'), 1, 4) || '-' || substr(lpad((g + ${offset})::text, 8, '0'), 5, 4),
        x.status, x.channel, x.category, x.category, x.title, x.body, x.address,
        10.2 + x.r5 * 0.9, 105.8 + x.r6 * 0.9,
        x.unit, x.urgency, x.received_at,
        x.received_at + case x.urgency when 'urgent' then interval '1 day' when 'field' then interval '7 days' else interval '21 days' end,
        case when x.status in ('received', 'accepted') then null else x.agency end,
        x.agency,
        -- Contacts are encrypted by the application (SQL has no key): generated reports carry only their
        -- blind indexes (64 hex digits, same shape and index size), so a start has nothing to re-encrypt.
        case when x.r7 < 0.7 then md5('p' || floor(x.r7 * 100000000)::text) || md5('q' || floor(x.r7 * 100000000)::text) end,
        case when x.r7 >= 0.5 then md5('e' || (g % 50000)) || md5('f' || (g % 50000)) end,
        case when x.r7 < 0.3 then 'name' else 'anonymous' end,
        x.received_at, '2026-11',
        case when x.status in ('answered', 'approved', 'published', 'closed') then 'Đã xử lý: ' || x.title end,
        case when x.status in ('answered', 'approved', 'published', 'closed') then x.received_at + interval '5 days' end,
        case when x.status in ('published', 'closed') then x.received_at + interval '6 days' end,
        case when x.status = 'closed' then x.received_at + interval '12 days' end,
        case when x.status not in ('received') then x.received_at + interval '4 hours' end,
        case when x.status in ('published', 'closed') then case when x.r8 < 0.85 then 'on_time' else 'late' end end,
        case when x.status = 'closed' and x.r8 < 0.6 then case when x.r8 < 0.48 then 'satisfied' else 'unsatisfied' end end,
        case when x.status = 'rejected' then (array['spam','duplicate','out_of_scope','insufficient_info'])[1 + (g % 4)] end,
        x.received_at,
        1 + (g % 5)
      from generate_series(${from}, ${to}) as g
      cross join (
        select
          (select array_agg(code order by sort_order, code) from categories where active) as cats,
          (select array_agg(code order by code) from admin_units where level = (select max(level) from admin_units)) as units,
          (select array_agg(id order by code) from agencies where active) as agencies
      ) ref
      cross join lateral (
        select r.*,
          ${statusCase('r.r1')} as status,
          (ref.cats)[1 + floor(array_length(ref.cats, 1) * power(r.r2, 1.6))::int] as category,
          (ref.units)[1 + floor(array_length(ref.units, 1) * r.r3)::int] as unit,
          (ref.agencies)[1 + floor(array_length(ref.agencies, 1) * power(r.r4, 2))::int] as agency,
          case when r.r8 < 0.05 then 'urgent' when r.r8 < 0.5 then 'field' else 'normal' end as urgency,
          case when r.r9 < 0.45 then 'app' when r.r9 < 0.7 then 'phone' when r.r9 < 0.9 then 'web' when r.r9 < 0.97 then 'email' else 'walk_in' end as channel,
          (${sqlArray(TITLES)})[1 + floor(r.r2 * ${TITLES.length})::int] || ' ' || (${sqlArray(STREETS)})[1 + floor(r.r3 * ${STREETS.length})::int] as title,
          (${sqlArray(PHRASES)})[1 + floor(r.r6 * ${PHRASES.length})::int] || ', ' || (${sqlArray(PHRASES)})[1 + floor(r.r7 * ${PHRASES.length})::int] || '.' as body,
          'Đường ' || (${sqlArray(STREETS)})[1 + floor(r.r3 * ${STREETS.length})::int] as address
        from (select g as gid, random() as r1, random() as r2, random() as r3, random() as r4, random() as r5,
                     random() as r6, random() as r7, random() as r8, random() as r9) r
      ) x0
      cross join lateral (
        select x0.*,
          case when x0.status in ('received','accepted','assigned','in_progress','returned','answered','approved','reopened')
               then now() - interval '90 days' * power(x0.r5, 2)
               else now() - interval '1095 days' * x0.r5 end as received_at
      ) x`);
    onProgress?.({ done: to, total: count, elapsedMs: Date.now() - started, phase: 'insert' });
  }
  for (const [i, ix] of indexes.entries()) {
    await database.exec(`begin; set local maintenance_work_mem = '256MB'; ${ix.def}; commit;`);
    onProgress?.({ done: i + 1, total: indexes.length, elapsedMs: Date.now() - started, phase: 'index' });
  }
  await database.exec('analyze reports');
  onProgress?.({ done: 1, total: 1, elapsedMs: Date.now() - started, phase: 'analyze' });
}
