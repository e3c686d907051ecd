import type { DashboardQuery, ExportTable, Figures } from '../../../contracts/analytics.js';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import { translate, type MessageKey } from '../../../web/shared/messages.js';
import { authorize, type Principal } from '../../identity/index.js';
import type { AnalyticsDeps } from '../analytics-deps.js';
import { monthBounds, vnDay } from '../analytics-rules.js';
import { toCsv, toXlsx, type Sheet } from '../exports.js';
import { monthlyReportPdf } from '../monthly-report-pdf.js';
import { readAgencyRanking, readDashboard, type Lang } from './read-analytics.js';

const FIGURE_COLUMNS: MessageKey[] = [
  'analytics.received',
  'analytics.inProgress',
  'analytics.overdueOpen',
  'analytics.answered',
  'analytics.onTime',
  'analytics.late',
  'analytics.lateWithExtension',
  'analytics.onTimeRate',
  'analytics.onTimeRateWithExtension',
  'analytics.rated',
  'analytics.satisfactionRate',
  'analytics.medianFirstAction',
  'analytics.medianAnswer',
];

type Fig = Figures;
const figureCells = (f: Fig) => [
  f.received,
  f.inProgress,
  f.overdueOpen,
  f.answered,
  f.onTime,
  f.late,
  f.lateWithExtension,
  f.onTimeRate,
  f.onTimeRateWithExtension,
  f.rated,
  f.satisfactionRate,
  f.medianFirstActionHours,
  f.medianAnswerHours,
];
const RATE_INDEXES = [7, 8, 10];

/** One dashboard table as a sheet (same figures as the screen), in the reader's language. */
export async function exportTable(
  deps: AnalyticsDeps,
  p: Principal | null,
  q: DashboardQuery & { table: ExportTable; format: 'csv' | 'xlsx' },
  lang: Lang,
  actor: Actor,
): Promise<{ body: string | Buffer; contentType: string; fileName: string }> {
  const principal = authorize(p, 'analytics.read');
  const t = (k: MessageKey) => translate(lang, k);
  const heads = FIGURE_COLUMNS.map(t);
  let sheet: Sheet;
  if (q.table === 'ranking') {
    const r = await readAgencyRanking(deps, principal, q, lang);
    sheet = {
      title: t('analytics.rankingTab'),
      headers: [t('analytics.rank'), t('analytics.agency'), ...heads, t('analytics.returned')],
      rows: r.items.map((i) => [i.rank, i.name, ...figureCells(i), i.returned]),
      percentColumns: RATE_INDEXES.map((i) => i + 2),
    };
  } else {
    const d = await readDashboard(deps, principal, q, lang);
    if (q.table === 'backlog') {
      sheet = {
        title: t('analytics.backlog'),
        headers: [t('analytics.backlogBucket'), t('analytics.open'), t('analytics.overdueOpen')],
        rows: d.backlog.map((b) => [b.bucket, b.open, b.overdue]),
      };
    } else {
      const source = {
        series: { rows: d.series, title: 'analytics.seriesTitle', head: 'analytics.period' },
        channel: { rows: d.byChannel, title: 'analytics.byChannel', head: 'analytics.name' },
        category: { rows: d.byCategory, title: 'analytics.byCategory', head: 'analytics.category' },
        area: { rows: d.byArea, title: 'analytics.byArea', head: 'analytics.unit' },
        agency: { rows: d.byAgency, title: 'analytics.byAgency', head: 'analytics.agency' },
      }[q.table] as { rows: (Fig & { label: string })[]; title: MessageKey; head: MessageKey };
      sheet = {
        title: t(source.title),
        headers: [t(source.head), ...heads],
        rows: source.rows.map((r) => [r.label, ...figureCells(r)]),
        percentColumns: RATE_INDEXES.map((i) => i + 1),
      };
    }
  }
  await deps.database.db.transaction((tx) =>
    appendAudit(tx, actor, {
      action: 'analytics.exported',
      entityType: 'analytics',
      summary: { table: q.table, format: q.format, from: q.from ?? null, to: q.to ?? null },
    }),
  );
  const fileName = `thong-ke-${q.table}-${vnDay(deps.now())}.${q.format}`;
  return q.format === 'csv'
    ? { body: toCsv(sheet), contentType: 'text/csv; charset=utf-8', fileName }
    : {
        body: await toXlsx(sheet),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        fileName,
      };
}

/** The monthly PDF summary for leaders: the month's dashboard and the agency ranking. */
export async function monthlyReport(
  deps: AnalyticsDeps,
  p: Principal | null,
  month: string | undefined,
  lang: Lang,
  actor: Actor,
): Promise<{ body: Buffer; fileName: string }> {
  const principal = authorize(p, 'analytics.read');
  const today = vnDay(deps.now());
  const chosen = month ?? today.slice(0, 7);
  if (chosen > today.slice(0, 7)) throw new AppError('not_found');
  const { from, to } = monthBounds(chosen);
  const q: DashboardQuery = { from, to, granularity: 'month' };
  const [dashboard, ranking] = await Promise.all([
    readDashboard(deps, principal, q, lang),
    readAgencyRanking(deps, principal, { from, to }, lang),
  ]);
  const body = await monthlyReportPdf({
    lang,
    provinceName:
      lang === 'en'
        ? (deps.profile.province.nameEn ?? deps.profile.province.name)
        : deps.profile.province.name,
    month: chosen,
    dashboard,
    ranking: ranking.items,
    generatedAt: deps.now(),
  });
  await deps.database.db.transaction((tx) =>
    appendAudit(tx, actor, {
      action: 'analytics.exported',
      entityType: 'analytics',
      summary: { table: 'monthly-pdf', month: chosen },
    }),
  );
  return { body, fileName: `bao-cao-phan-anh-${chosen}.pdf` };
}
