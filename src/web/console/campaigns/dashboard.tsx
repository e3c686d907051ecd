import { useEffect, useState } from 'react';
import { api } from '../../shared/api.js';
import { t } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { AdoptionSection } from './adoption.js';
import { ProgressMap } from './progress-map.js';
import { fmt, viDate, type Summary } from './types.js';

/** Horizontal bars of install rate per district with the target line; the table below carries the same figures. */
function TargetChart({ targets }: { targets: Summary['targets'] }) {
  if (targets.length === 0) return null;
  const goal = targets[0]!.targetPercent;
  const rowH = 22;
  const left = 150;
  const width = 560;
  const scale = (p: number) => left + ((width - left - 40) * Math.min(p, 100)) / 100;
  const height = targets.length * rowH + 24;
  return (
    <svg
      role="img"
      aria-label={t('campaigns.targetChartLabel', { percent: goal })}
      viewBox={`0 0 ${width} ${height}`}
      className="campaign-chart"
    >
      {targets.map((x, i) => (
        <g key={x.unitCode} transform={`translate(0 ${i * rowH})`}>
          <text x={left - 6} y={15} textAnchor="end" fontSize="12">
            {x.unitName.replace(/^(Huyện|Thị xã|Thành phố)\s+/, '')}
          </text>
          <rect
            x={left}
            y={4}
            width={scale(x.percent) - left}
            height={14}
            fill={x.met ? '#1b7f3b' : '#b35c00'}
          >
            <title>{`${x.unitName}: ${x.percent}%`}</title>
          </rect>
          <text x={scale(x.percent) + 4} y={15} fontSize="11">
            {x.percent}%
          </text>
        </g>
      ))}
      <line x1={scale(goal)} x2={scale(goal)} y1={0} y2={height - 18} stroke="#000" strokeDasharray="4 3" />
      <text x={scale(goal)} y={height - 4} fontSize="11" textAnchor="middle">
        {goal}%
      </text>
    </svg>
  );
}

/** The Department's quarter: counts, targets (chart + table), totals per measure and district, trend, exports. */
export function Dashboard({ planId, year, quarter }: { planId: string; year: number; quarter: number }) {
  const [s, setS] = useState<Summary | null>(null);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    api<Summary>('GET', `/campaigns/plans/${planId}/summary.json`, { query: { year, quarter } })
      .then(setS)
      .catch((e) => setProblem(problemText(e)));
  }, [planId, year, quarter, reload]);
  if (!s) return problem ? <ProblemAlert problem={problem} /> : <p role="status">{t('common.loading')}</p>;
  const q = `year=${year}&quarter=${quarter}`;
  const base = `/api/v1/campaigns/plans/${planId}/summary`;
  const counts: [string, number][] = [
    [t('campaigns.countExpected'), s.counts.expected],
    [t('campaigns.countAccepted'), s.counts.accepted],
    [t('campaigns.countSubmitted'), s.counts.submitted],
    [t('campaigns.countCorrection'), s.counts.correction],
    [t('campaigns.countPending'), s.counts.pending],
    [t('campaigns.countMissing'), s.counts.missing],
    [t('campaigns.countLate'), s.counts.late],
  ];
  const sums = s.measures;
  return (
    <>
      <section className="card">
        <h2>
          {s.quarterLabel} · {t('campaigns.dueOn', { date: viDate(s.dueOn) })}
        </h2>
        <dl className="campaign-counts">
          {counts.map(([label, n]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{n}</dd>
            </div>
          ))}
        </dl>
        <p>
          {t('campaigns.export')}: <a href={`${base}.csv?${q}`}>{t('campaigns.exportCsv')}</a> ·{' '}
          <a href={`${base}.xlsx?${q}`}>{t('campaigns.exportXlsx')}</a> ·{' '}
          <a href={`${base}.html?${q}`} target="_blank" rel="noopener">
            {t('campaigns.exportHtml')}
          </a>{' '}
          · <a href={`${base}.pdf?${q}`}>{t('campaigns.exportPdf')}</a> ·{' '}
          <a href={`${base}.docx?${q}`}>{t('campaigns.exportDocx')}</a>
        </p>
      </section>
      <section className="card">
        <h2>{t('campaigns.targets')}</h2>
        <TargetChart targets={s.targets} />
        <ProgressMap targets={s.targets} />
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('campaigns.district')}</th>
                <th scope="col">{t('campaigns.base')}</th>
                <th scope="col">{t('campaigns.installed')}</th>
                <th scope="col">{t('campaigns.rate')}</th>
                <th scope="col">{t('campaigns.status')}</th>
              </tr>
            </thead>
            <tbody>
              {s.targets.map((x) => (
                <tr key={x.unitCode}>
                  <th scope="row">{x.unitName}</th>
                  <td className="num">{fmt(x.baseValue)}</td>
                  <td className="num">{fmt(x.actual)}</td>
                  <td className="num">
                    <progress
                      max={x.targetPercent}
                      value={Math.min(x.percent, x.targetPercent)}
                      aria-hidden="true"
                    />{' '}
                    {x.percent}%
                  </td>
                  <td>{x.met ? t('campaigns.met') : t('campaigns.notMet')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card">
        <h2>{t('campaigns.measures')}</h2>
        <div className="table-wrap">
          <table data-testid="measure-totals">
            <thead>
              <tr>
                <th scope="col">{t('campaigns.measure')}</th>
                <th scope="col">{t('campaigns.unit')}</th>
                <th scope="col">{t('campaigns.fromAgencies')}</th>
                <th scope="col">{t('campaigns.fromTeams')}</th>
                <th scope="col">{t('campaigns.total')}</th>
              </tr>
            </thead>
            <tbody>
              {sums.map((m) => (
                <tr key={m.code} data-code={m.code}>
                  <th scope="row">{m.name}</th>
                  <td>{m.unit}</td>
                  <td className="num">{fmt(m.reported)}</td>
                  <td className="num">{fmt(m.community)}</td>
                  <td className="num">{fmt(m.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card">
        <h2>{t('campaigns.byDistrict')}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('campaigns.district')}</th>
                {sums
                  .filter((m) => s.districts.some((d) => d.values[m.code]))
                  .map((m) => (
                    <th scope="col" key={m.code}>
                      {m.name}
                    </th>
                  ))}
              </tr>
            </thead>
            <tbody>
              {s.districts.map((d) => (
                <tr key={d.unitCode}>
                  <th scope="row">{d.unitName}</th>
                  {sums
                    .filter((m) => s.districts.some((x) => x.values[m.code]))
                    .map((m) => (
                      <td className="num" key={m.code}>
                        {fmt(d.values[m.code] ?? 0)}
                      </td>
                    ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card">
        <h2>{t('campaigns.trend')}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('campaigns.measure')}</th>
                {s.trend.map((x) => (
                  <th scope="col" key={x.quarterLabel}>
                    {x.quarterLabel}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sums.map((m) => (
                <tr key={m.code}>
                  <th scope="row">{m.name}</th>
                  {s.trend.map((x) => (
                    <td className="num" key={x.quarterLabel}>
                      {fmt(x.values[m.code] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <AdoptionSection
        asOf={s.adoption.asOf}
        rows={s.adoption.rows}
        onSaved={() => setReload((n) => n + 1)}
      />
    </>
  );
}
