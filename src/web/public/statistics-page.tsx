import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { translate, type MessageKey } from '../shared/messages.js';
import { localNames, type BrandView, type ProvinceView } from '../shared/profile.js';
import { Layout } from './layout.js';

/** Figures as the public page shows them (see modules/analytics/use-cases/public-statistics.ts). */
export interface PublicFiguresView {
  received: number;
  answered: number;
  onTime: number;
  onTimeRate: number | null;
  rated: number;
  satisfied: number;
  satisfactionRate: number | null;
}

export interface StatisticsPageInput {
  brand: BrandView;
  province: ProvinceView;
  lang: 'vi' | 'en';
  publicUrl: string;
  month: string;
  months: string[];
  province_: PublicFiguresView;
  agencies: (PublicFiguresView & { agencyId: string; name: string })[];
  trend: (PublicFiguresView & { month: string })[];
}

const locale = (lang: 'vi' | 'en') => (lang === 'vi' ? 'vi-VN' : 'en-GB');
// Building an Intl.NumberFormat costs far more than formatting with it: one of each per language.
const NUMBER = {
  vi: new Intl.NumberFormat(locale('vi')),
  en: new Intl.NumberFormat(locale('en')),
};
const PERCENT = {
  vi: new Intl.NumberFormat(locale('vi'), { style: 'percent', maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat(locale('en'), { style: 'percent', maximumFractionDigits: 1 }),
};
export const formatNumber = (lang: 'vi' | 'en', n: number) => NUMBER[lang].format(n);
export const formatRate = (lang: 'vi' | 'en', r: number | null) =>
  r === null ? '—' : PERCENT[lang].format(r);
export const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/** Received and answered per month as paired bars, with the figures in the accessible name of each bar. */
function TrendChart({ lang, trend }: { lang: 'vi' | 'en'; trend: StatisticsPageInput['trend'] }) {
  const t = (k: MessageKey) => translate(lang, k);
  const max = Math.max(1, ...trend.map((m) => m.received));
  const w = 640;
  const h = 260;
  const left = 44;
  const bottom = 40;
  const slot = (w - left - 8) / trend.length;
  const y = (v: number) => h - bottom - (v / max) * (h - bottom - 12);
  return (
    <figure className="stats-chart">
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-labelledby="trend-title">
        <title id="trend-title">{`${t('analytics.publicTrend')}: ${t('analytics.received')}, ${t('analytics.answered')}`}</title>
        <line x1={left} x2={w - 4} y1={h - bottom} y2={h - bottom} stroke="#5b6b7c" />
        <text x={left - 6} y={y(max) + 4} textAnchor="end" fontSize="12">
          {formatNumber(lang, max)}
        </text>
        <text x={left - 6} y={h - bottom} textAnchor="end" fontSize="12">
          0
        </text>
        {trend.map((m, i) => {
          const x = left + i * slot + slot * 0.12;
          const bw = slot * 0.36;
          return (
            <g key={m.month}>
              <rect x={x} y={y(m.received)} width={bw} height={h - bottom - y(m.received)} fill="#0b5cad">
                <title>{`${monthLabel(m.month)} — ${t('analytics.received')}: ${formatNumber(lang, m.received)}`}</title>
              </rect>
              <rect
                x={x + bw}
                y={y(m.answered)}
                width={bw}
                height={h - bottom - y(m.answered)}
                fill="#2e7d32"
              >
                <title>{`${monthLabel(m.month)} — ${t('analytics.answered')}: ${formatNumber(lang, m.answered)}`}</title>
              </rect>
              <text x={x + bw} y={h - bottom + 16} textAnchor="middle" fontSize="11">
                {m.month.slice(5, 7)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <span className="legend-swatch" style={{ background: '#0b5cad' }} /> {t('analytics.received')}{' '}
        <span className="legend-swatch" style={{ background: '#2e7d32' }} /> {t('analytics.answered')}
      </figcaption>
    </figure>
  );
}

function StatisticsPage(input: StatisticsPageInput) {
  const { lang } = input;
  const t = (k: MessageKey, p?: Record<string, string>) => translate(lang, k, p);
  const q = lang === 'en' ? '&lang=en' : '';
  const p = input.province_;
  const tiles: [MessageKey, string][] = [
    ['analytics.received', formatNumber(lang, p.received)],
    ['analytics.answered', formatNumber(lang, p.answered)],
    ['analytics.onTimeRate', formatRate(lang, p.onTimeRate)],
    ['analytics.satisfactionRate', formatRate(lang, p.satisfactionRate)],
  ];
  return (
    <>
      <h1>{t('analytics.publicTitle')}</h1>
      <p className="stats-month">{t('analytics.publicMonth', { month: monthLabel(input.month) })}</p>
      <form method="get" action="/thong-ke" className="stats-month-form">
        <label htmlFor="thang">{t('analytics.publicChooseMonth')}</label>{' '}
        <select id="thang" name="thang" defaultValue={input.month}>
          {input.months.map((m) => (
            <option key={m} value={m}>
              {monthLabel(m)}
            </option>
          ))}
        </select>
        {lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}{' '}
        <button type="submit">{t('analytics.apply')}</button>
      </form>
      <h2>{t('analytics.publicProvince')}</h2>
      <dl className="stats-tiles">
        {tiles.map(([k, v]) => (
          <div key={k}>
            <dt>{t(k)}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h2>{t('analytics.publicTrend')}</h2>
      <TrendChart lang={lang} trend={input.trend} />
      <div className="stats-table-wrap">
        <table>
          <caption>{t('analytics.publicTrend')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analytics.period')}</th>
              <th scope="col">{t('analytics.received')}</th>
              <th scope="col">{t('analytics.answered')}</th>
              <th scope="col">{t('analytics.onTimeRate')}</th>
              <th scope="col">{t('analytics.satisfactionRate')}</th>
            </tr>
          </thead>
          <tbody>
            {input.trend.map((m) => (
              <tr key={m.month}>
                <th scope="row">{monthLabel(m.month)}</th>
                <td>{formatNumber(lang, m.received)}</td>
                <td>{formatNumber(lang, m.answered)}</td>
                <td>{formatRate(lang, m.onTimeRate)}</td>
                <td>{formatRate(lang, m.satisfactionRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('analytics.publicAgencies')}</h2>
      {input.agencies.length === 0 ? (
        <p>{t('analytics.publicNoData')}</p>
      ) : (
        <div className="stats-table-wrap">
          <table>
            <caption>{t('analytics.publicMonth', { month: monthLabel(input.month) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analytics.agency')}</th>
                <th scope="col">{t('analytics.received')}</th>
                <th scope="col">{t('analytics.answered')}</th>
                <th scope="col">{t('analytics.onTimeRate')}</th>
                <th scope="col">{t('analytics.satisfactionRate')}</th>
              </tr>
            </thead>
            <tbody>
              {input.agencies.map((a) => (
                <tr key={a.agencyId}>
                  <th scope="row">{a.name}</th>
                  <td>{formatNumber(lang, a.received)}</td>
                  <td>{formatNumber(lang, a.answered)}</td>
                  <td>{formatRate(lang, a.onTimeRate)}</td>
                  <td>{formatRate(lang, a.satisfactionRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={`/thong-ke.csv?thang=${input.month}${q}`} download>
          {t('analytics.publicDownloadCsv')}
        </a>
        {' · '}
        <a href={`/api/v1/open-data/agencies?month=${input.month}`}>{t('analytics.publicOpenData')}</a>
      </p>
      <p className="stats-note">{t('analytics.publicNote')}</p>
    </>
  );
}

/** The public statistics page (/thong-ke) as a complete HTML document, without script. */
export function renderStatisticsPage(input: StatisticsPageInput): string {
  const base = input.publicUrl.replace(/\/+$/, '');
  const path = `/thong-ke?thang=${input.month}`;
  const alternates = { vi: `${base}${path}`, en: `${base}${path}&lang=en` };
  const names = localNames(input.brand, input.province, input.lang);
  const page = createElement(Layout, {
    lang: input.lang,
    title: `${translate(input.lang, 'analytics.publicTitle')} — ${monthLabel(input.month)} — ${names.hotlineName}`,
    description: translate(input.lang, 'analytics.publicDescription', { hotline: names.hotlineName }),
    canonical: alternates[input.lang],
    alternates,
    brand: input.brand,
    province: input.province,
    children: createElement(StatisticsPage, input),
  });
  return `<!doctype html>${renderToStaticMarkup(page)}`;
}
