import { useMemo, useState, type FormEvent } from 'react';
import type { AgencyRank, Breakdown, Dashboard, Figures } from '../../../contracts/analytics.js';
import { t, type MessageKey } from '../../shared/i18n.js';
import { GeoMap, type GeoFeatureCollection } from '../../shared/ui/geo-map.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { useReference, categoryName } from '../feedback/reference-data.js';
import { useLiveResource } from '../feedback/use-report-stream.js';
import { BarChart, fmt, hrs, pct, Sparkline } from './charts.js';
import './analytics.css';

interface Filters {
  from: string;
  to: string;
  unit: string;
  category: string;
  granularity: 'day' | 'week' | 'month';
}

const vnToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const minusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - n * 86400_000).toISOString().slice(0, 10);

function queryOf(f: Filters): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  return q.toString();
}

function Tiles({ totals }: { totals: Figures }) {
  const tiles: [MessageKey, string][] = [
    ['analytics.received', fmt(totals.received)],
    ['analytics.inProgress', fmt(totals.inProgress)],
    ['analytics.answered', fmt(totals.answered)],
    ['analytics.overdueOpen', fmt(totals.overdueOpen)],
    ['analytics.onTimeRate', pct(totals.onTimeRate)],
    ['analytics.onTimeRateWithExtension', pct(totals.onTimeRateWithExtension)],
    ['analytics.satisfactionRate', pct(totals.satisfactionRate)],
    ['analytics.medianFirstAction', hrs(totals.medianFirstActionHours)],
    ['analytics.medianAnswer', hrs(totals.medianAnswerHours)],
  ];
  return (
    <dl className="kpi-tiles">
      {tiles.map(([k, v]) => (
        <div key={k} className="kpi">
          <dt>{t(k)}</dt>
          <dd data-kpi={k}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function ExportLinks({ table, query }: { table: string; query: string }) {
  return (
    <p className="export-links">
      <a href={`/api/v1/analytics/export?table=${table}&format=csv&${query}`} download>
        {t('analytics.exportCsv')}
      </a>
      {' · '}
      <a href={`/api/v1/analytics/export?table=${table}&format=xlsx&${query}`} download>
        {t('analytics.exportXlsx')}
      </a>
    </p>
  );
}

function FigureTable({
  caption,
  head,
  rows,
  table,
  query,
  link,
}: {
  caption: string;
  head: string;
  rows: Breakdown[];
  table: string;
  query: string;
  link?: (key: string | null) => string | null;
}) {
  return (
    <section className="figure-table">
      <div className="table-wrap">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{head}</th>
              <th scope="col">{t('analytics.received')}</th>
              <th scope="col">{t('analytics.inProgress')}</th>
              <th scope="col">{t('analytics.answered')}</th>
              <th scope="col">{t('analytics.overdueOpen')}</th>
              <th scope="col">{t('analytics.onTimeRate')}</th>
              <th scope="col">{t('analytics.satisfactionRate')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const href = link?.(r.key);
              return (
                <tr key={r.key ?? 'none'}>
                  <th scope="row">{href ? <a href={href}>{r.label}</a> : r.label}</th>
                  <td>{fmt(r.received)}</td>
                  <td>{fmt(r.inProgress)}</td>
                  <td>{fmt(r.answered)}</td>
                  <td>{fmt(r.overdueOpen)}</td>
                  <td>{pct(r.onTimeRate)}</td>
                  <td>{pct(r.satisfactionRate)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ExportLinks table={table} query={query} />
    </section>
  );
}

/** Blue scale for volume, red→green for the on-time rate. */
function colourFor(value: number | null, max: number, by: 'volume' | 'ontime'): string {
  if (value === null) return '#eef3f8';
  if (by === 'volume') {
    const k = max ? value / max : 0;
    const l = Math.round(92 - k * 55);
    return `hsl(212, 70%, ${l}%)`;
  }
  return `hsl(${Math.round(value * 120)}, 65%, 45%)`;
}

function DistrictMap({ query }: { query: string }) {
  const [by, setBy] = useState<'volume' | 'ontime'>('volume');
  const { data } = useLiveResource<{
    boundaries: GeoFeatureCollection | null;
    areas: { key: string | null; label: string; received: number; onTimeRate: number | null }[];
  }>(`/analytics/map?${query}`);
  if (!data) return null;
  const max = Math.max(0, ...data.areas.map((a) => a.received));
  const fills = Object.fromEntries(
    data.areas
      .filter((a) => a.key)
      .map((a) => [a.key!, colourFor(by === 'volume' ? a.received : a.onTimeRate, max, by)]),
  );
  return (
    <section aria-labelledby="map-h">
      <h2 id="map-h">{t('analytics.mapTab')}</h2>
      <fieldset className="map-colour-by">
        <legend>{t('analytics.mapColourBy')}</legend>
        <label>
          <input type="radio" name="colour-by" checked={by === 'volume'} onChange={() => setBy('volume')} />{' '}
          {t('analytics.mapVolume')}
        </label>{' '}
        <label>
          <input type="radio" name="colour-by" checked={by === 'ontime'} onChange={() => setBy('ontime')} />{' '}
          {t('analytics.mapOnTime')}
        </label>
      </fieldset>
      <GeoMap
        title={`${t('analytics.mapTab')} — ${by === 'volume' ? t('analytics.mapVolume') : t('analytics.mapOnTime')}`}
        boundaries={data.boundaries}
        points={[]}
        fills={fills}
      />
      <details>
        <summary>{t('analytics.chartTable')}</summary>
        <ul>
          {data.areas.map((a) => (
            <li key={a.key ?? 'none'}>
              {a.label}: {fmt(a.received)} · {pct(a.onTimeRate)}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function Ranking({ query }: { query: string }) {
  const { data, problem } = useLiveResource<{ items: AgencyRank[] }>(`/analytics/agencies?${query}`);
  return (
    <section aria-labelledby="ranking-h">
      <h2 id="ranking-h">{t('analytics.rankingTab')}</h2>
      <ProblemAlert problem={problem} />
      {data ? (
        <>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('analytics.rank')}</th>
                  <th scope="col">{t('analytics.agency')}</th>
                  <th scope="col">{t('analytics.received')}</th>
                  <th scope="col">{t('analytics.onTimeRate')}</th>
                  <th scope="col">{t('analytics.onTimeRateWithExtension')}</th>
                  <th scope="col">{t('analytics.satisfactionRate')}</th>
                  <th scope="col">{t('analytics.returned')}</th>
                  <th scope="col">{t('analytics.trend')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((a) => (
                  <tr key={a.agencyId}>
                    <td>{a.rank}</td>
                    <th scope="row">
                      <a href={`/console/analytics/co-quan/${a.agencyId}`}>{a.name}</a>
                    </th>
                    <td>{fmt(a.received)}</td>
                    <td>{pct(a.onTimeRate)}</td>
                    <td>{pct(a.onTimeRateWithExtension)}</td>
                    <td>{pct(a.satisfactionRate)}</td>
                    <td>{fmt(a.returned)}</td>
                    <td>
                      <Sparkline
                        values={a.trend.map((m) => m.onTimeRate)}
                        label={a.trend.map((m) => `${m.month}: ${pct(m.onTimeRate)}`).join('; ')}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ExportLinks table="ranking" query={query} />
        </>
      ) : null}
    </section>
  );
}

export function DashboardView({ data, query }: { data: Dashboard; query: string }) {
  return (
    <>
      <p className="muted">
        {t('analytics.freshness', {
          at: data.freshness.refreshedAt ? new Date(data.freshness.refreshedAt).toLocaleString('vi-VN') : '—',
        })}{' '}
        {t('analytics.cohortNote')}
      </p>
      <Tiles totals={data.totals} />
      <section aria-labelledby="series-h">
        <h2 id="series-h">{t('analytics.seriesTitle')}</h2>
        <BarChart
          title={t('analytics.seriesTitle')}
          series={[t('analytics.received'), t('analytics.answered'), t('analytics.overdueOpen')]}
          colours={['#1f5fa8', '#2e7d32', '#b3261e']}
          bars={data.series.map((s) => ({
            key: s.key ?? '',
            label: (s.key ?? '').slice(data.period.granularity === 'month' ? 0 : 5, 10),
            values: [s.received, s.answered, s.overdueOpen],
          }))}
        />
        <details>
          <summary>{t('analytics.chartTable')}</summary>
          <FigureTable
            caption={t('analytics.seriesTitle')}
            head={t('analytics.period')}
            rows={data.series}
            table="series"
            query={query}
          />
        </details>
      </section>
      <section aria-labelledby="backlog-h">
        <h2 id="backlog-h">{t('analytics.backlog')}</h2>
        <BarChart
          title={t('analytics.backlog')}
          height={200}
          series={[t('analytics.open'), t('analytics.overdueOpen')]}
          colours={['#b35c00', '#b3261e']}
          bars={data.backlog.map((b) => ({ key: b.bucket, label: b.bucket, values: [b.open, b.overdue] }))}
        />
        <ExportLinks table="backlog" query={query} />
      </section>
      <div className="two-col">
        <WeekTable caption={t('analytics.topCategories')} rows={data.topCategories} />
        <WeekTable caption={t('analytics.topAreas')} rows={data.topAreas} />
      </div>
      <FigureTable
        caption={t('analytics.byChannel')}
        head={t('analytics.name')}
        rows={data.byChannel}
        table="channel"
        query={query}
      />
      <FigureTable
        caption={t('analytics.byCategory')}
        head={t('analytics.category')}
        rows={data.byCategory}
        table="category"
        query={query}
      />
      <FigureTable
        caption={t('analytics.byArea')}
        head={t('analytics.unit')}
        rows={data.byArea}
        table="area"
        query={query}
      />
      <FigureTable
        caption={t('analytics.byAgency')}
        head={t('analytics.agency')}
        rows={data.byAgency}
        table="agency"
        query={query}
        link={(key) => (key ? `/console/analytics/co-quan/${key}` : null)}
      />
    </>
  );
}

function WeekTable({
  caption,
  rows,
}: {
  caption: string;
  rows: { key: string | null; label: string; thisWeek: number; lastWeek: number }[];
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('analytics.name')}</th>
            <th scope="col">{t('analytics.thisWeek')}</th>
            <th scope="col">{t('analytics.lastWeek')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key ?? 'none'}>
              <th scope="row">{r.label}</th>
              <td>{fmt(r.thisWeek)}</td>
              <td>{fmt(r.lastWeek)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function FilterForm({ value, onApply }: { value: Filters; onApply: (f: Filters) => void }) {
  const ref = useReference();
  const [draft, setDraft] = useState(value);
  const set = (k: keyof Filters) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  return (
    <form className="analytics-filters" onSubmit={submit} aria-label={t('common.filter')}>
      <label>
        {t('analytics.from')} <input type="date" name="from" value={draft.from} onChange={set('from')} />
      </label>
      <label>
        {t('analytics.to')} <input type="date" name="to" value={draft.to} onChange={set('to')} />
      </label>
      <label>
        {t('analytics.unit')}{' '}
        <select name="unit" value={draft.unit} onChange={set('unit')}>
          <option value="">{t('common.all')}</option>
          {ref?.districts.map((d) => (
            <option key={d.code} value={d.code}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('analytics.category')}{' '}
        <select name="category" value={draft.category} onChange={set('category')}>
          <option value="">{t('common.all')}</option>
          {ref?.categories.map((c) => (
            <option key={c.code} value={c.code}>
              {categoryName(ref, c.code)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('analytics.granularity')}{' '}
        <select name="granularity" value={draft.granularity} onChange={set('granularity')}>
          <option value="day">{t('analytics.byDay')}</option>
          <option value="week">{t('analytics.byWeek')}</option>
          <option value="month">{t('analytics.byMonth')}</option>
        </select>
      </label>
      <button type="submit" className="btn btn-primary">
        {t('analytics.apply')}
      </button>
    </form>
  );
}

/** The IOC dashboard: filters, KPI tiles, charts, tables with exports, district map and agency ranking; live. */
export function AnalyticsPage() {
  const today = vnToday();
  const [filters, setFilters] = useState<Filters>({
    from: minusDays(today, 29),
    to: today,
    unit: '',
    category: '',
    granularity: 'day',
  });
  const query = useMemo(() => queryOf(filters), [filters]);
  const { data, problem } = useLiveResource<Dashboard>(`/analytics/dashboard?${query}`);
  const rankingQuery = useMemo(
    () => queryOf({ ...filters, granularity: '' as never }).replace(/&?granularity=[^&]*/, ''),
    [filters],
  );
  return (
    <section className="analytics">
      <PageHeading>{t('analytics.title')}</PageHeading>
      <FilterForm value={filters} onApply={setFilters} />
      <p>
        <a href={`/api/v1/analytics/monthly-report.pdf?month=${filters.to.slice(0, 7)}`} download>
          {t('analytics.exportPdf')}
        </a>
      </p>
      <ProblemAlert problem={problem} />
      {!data && !problem ? <p role="status">{t('common.loading')}</p> : null}
      {data ? <DashboardView data={data} query={query} /> : null}
      <DistrictMap query={rankingQuery} />
      <Ranking query={rankingQuery} />
    </section>
  );
}
