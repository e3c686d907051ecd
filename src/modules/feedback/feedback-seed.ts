import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import type { CreateReportRequest } from '../../contracts/feedback.js';
import type { ReportAction } from '../../contracts/report-lifecycle.js';
import { PROFILES_DIR } from '../../platform/config/config.js';
import { findUnitAt } from '../../platform/profile/profile.js';
import { agencyById, principalOfUsername, type Principal } from '../identity/index.js';
import type { FeedbackDeps } from './feedback-deps.js';
import { reports } from './feedback.schema.js';
import * as repo from './feedback.repository.js';
import { submitReport } from './use-cases/submit-report.js';
import { transitionReport } from './use-cases/transition-report.js';
import { createTemplate } from './use-cases/response-templates.js';

interface SampleReport {
  title: string;
  body: string;
  category: string;
  district_code?: string;
}

type Step = { as: 'ioc' | 'canbo' | 'lanhdao'; action: ReportAction; extra?: Record<string, unknown> };

const ANSWER =
  'Đơn vị đã kiểm tra hiện trường và khắc phục xong. Cảm ơn người dân đã phản ánh; nếu còn tồn tại, vui lòng phản hồi để được xử lý tiếp.';

// The full journey of a report; each demo report walks a prefix of it (or a side path).
const JOURNEY: Step[] = [
  { as: 'ioc', action: 'accept' },
  { as: 'ioc', action: 'assign' },
  { as: 'canbo', action: 'start' },
  { as: 'canbo', action: 'submit_answer', extra: { answer: ANSWER } },
  { as: 'lanhdao', action: 'approve_answer' },
  { as: 'ioc', action: 'publish' },
  { as: 'ioc', action: 'close' },
];
const walk = (steps: number, then: Step[] = []) => [...JOURNEY.slice(0, steps), ...then];

/** The path each demo report takes, so that every lifecycle state appears in the demo. */
const PATHS: { target: string; steps: Step[]; local: boolean }[] = [
  { target: 'received', steps: [], local: false },
  { target: 'merged', steps: [{ as: 'ioc', action: 'merge' }], local: false },
  { target: 'accepted', steps: walk(1), local: false },
  {
    target: 'rejected',
    steps: [
      {
        as: 'ioc',
        action: 'reject',
        extra: { reason: 'out_of_scope', note: 'Nội dung thuộc thẩm quyền Tòa án.' },
      },
    ],
    local: false,
  },
  { target: 'assigned', steps: walk(2), local: false },
  { target: 'in_progress', steps: walk(3), local: true },
  {
    target: 'returned',
    steps: walk(2, [
      {
        as: 'canbo',
        action: 'return_to_ioc',
        extra: { note: 'Không thuộc thẩm quyền của UBND; đề nghị chuyển Điện lực.' },
      },
    ]),
    local: true,
  },
  { target: 'answered', steps: walk(4), local: true },
  { target: 'approved', steps: walk(5), local: true },
  { target: 'published', steps: walk(6), local: true },
  { target: 'closed', steps: walk(7), local: true },
  {
    target: 'reopened',
    steps: walk(6, [
      { as: 'ioc', action: 'reopen', extra: { note: 'Người dân gọi tổng đài báo sự việc tái diễn.' } },
    ]),
    local: true,
  },
];

/**
 * Demo reports in every lifecycle state, from the profile's synthetic sample reports, received over the
 * last three weeks and walked through the lifecycle by the demo accounts. Runs once (skips when any
 * report exists).
 */
export async function seedDemoReports(deps: FeedbackDeps): Promise<number> {
  const db = deps.database.db;
  const [existing] = await db.select({ n: count() }).from(reports);
  if ((existing?.n ?? 0) > 0) return 0;
  const file = path.join(PROFILES_DIR, deps.profile.id, 'sample-reports.json');
  if (!existsSync(file)) return 0;
  const samples = JSON.parse(readFileSync(file, 'utf8')) as SampleReport[];
  const actors: Record<Step['as'], Principal | null> = {
    ioc: await principalOfUsername(db, 'ioc'),
    canbo: await principalOfUsername(db, 'canbo'),
    lanhdao: await principalOfUsername(db, 'lanhdao'),
  };
  if (!actors.ioc || !actors.canbo || !actors.lanhdao) return 0;
  const localAgencyId = actors.canbo.grants.find((g) => g.agencyId)?.agencyId ?? null;
  const localUnit = localAgencyId ? ((await agencyById(db, localAgencyId))?.unitCode ?? null) : null;
  const units = new Set(deps.profile.units.map((u) => u.code));
  const start = Date.now() - 21 * 86400_000;
  let created = 0;
  let previousCode: string | null = null;
  for (const [i, sample] of samples.entries()) {
    const path = PATHS[i % PATHS.length]!;
    const at = new Date(start + (i / samples.length) * 20 * 86400_000);
    const timed = { ...deps, now: () => at };
    const unitCode =
      path.local && localUnit
        ? localUnit
        : sample.district_code && units.has(sample.district_code)
          ? sample.district_code
          : undefined;
    const input: CreateReportRequest = {
      categoryCode: path.local && localUnit ? localCategory(sample.category) : sample.category,
      title: sample.title.length >= 5 ? sample.title : `${sample.title} (phản ánh)`,
      body: sample.body.length >= 10 ? sample.body : `${sample.body} — nội dung phản ánh`,
      ...(unitCode ? { unitCode } : {}),
      ...(unitCode ? placeIn(deps, unitCode, i) : {}),
      attachmentIds: [],
      uploadTokens: [],
      reporter: { name: `Người dân ${i + 1}`, phone: `09${String(10000000 + i * 7919).padStart(8, '0')}` },
      displayPublicly: i % 3 === 0 ? 'name' : 'anonymous',
      consent: true,
      channel: (['web', 'app', 'phone', 'email'] as const)[i % 4],
    };
    const report = await submitReport(timed, actors.ioc, input, {
      idempotencyKey: `demo-seed-${i}`,
      actor: { id: null, label: 'seed' },
    });
    created++;
    for (const step of path.steps) {
      const p = actors[step.as]!;
      const current = (await repo.findReport(db, report.id))!;
      const extra =
        step.action === 'assign'
          ? { agencyId: current.suggestedAgencyId ?? localAgencyId }
          : step.action === 'merge'
            ? { mergeInto: previousCode }
            : {};
      await transitionReport(
        timed,
        p,
        report.id,
        { action: step.action, version: current.version, ...extra, ...step.extra } as never,
        { id: p.userId, label: p.label },
      );
    }
    previousCode = report.trackingCode;
  }
  await createTemplate(
    deps,
    actors.ioc,
    { title: 'Đã khắc phục xong', body: ANSWER, categoryCode: null, purpose: 'answer' },
    { id: actors.ioc.userId, label: 'seed' },
  );
  await createTemplate(
    deps,
    actors.ioc,
    {
      title: 'Từ chối: khiếu nại, tố cáo',
      body: 'Nội dung của Ông/Bà là khiếu nại/tố cáo, đề nghị gửi đơn theo Luật Khiếu nại, Luật Tố cáo đến cơ quan có thẩm quyền.',
      categoryCode: null,
      purpose: 'reject',
    },
    { id: actors.ioc.userId, label: 'seed' },
  );
  return created;
}

/**
 * A point inside the district of a unit, for the demo map: the mean of the district outline's vertices,
 * nudged a little per report, kept only when the profile's boundaries put it in that district.
 */
function placeIn(
  deps: FeedbackDeps,
  unitCode: string,
  i: number,
): { location: { lat: number; lon: number } } | Record<string, never> {
  const units = new Map(deps.profile.units.map((u) => [u.code, u]));
  const unit = units.get(unitCode);
  const district = unit && unit.level === 3 ? unit.parent_code : unitCode;
  const feature = deps.profile.boundaries?.features.find((f) => f.properties.code === district);
  if (!feature || !district) return {};
  const ring =
    feature.geometry.type === 'Polygon'
      ? feature.geometry.coordinates[0]!
      : feature.geometry.coordinates[0]![0]!;
  const lon = ring.reduce((a, p) => a + p[0]!, 0) / ring.length;
  const lat = ring.reduce((a, p) => a + p[1]!, 0) / ring.length;
  for (const [dx, dy] of [
    [((i % 5) - 2) * 0.006, ((i % 3) - 1) * 0.006],
    [0, 0],
  ] as const) {
    if (findUnitAt(deps.profile, lon + dx, lat + dy) === district)
      return { location: { lat: lat + dy, lon: lon + dx } };
  }
  return {};
}

// Reports the local demo agency walks through must route to that agency: categories handled by the
// People's Committee of the report's unit.
function localCategory(category: string): string {
  return [
    'giao_thong_ha_tang',
    'chieu_sang',
    'thoat_nuoc_ngap',
    've_sinh_moi_truong',
    'trat_tu_do_thi',
    'cay_xanh',
  ].includes(category)
    ? category
    : 'trat_tu_do_thi';
}
