import type { AgencyRank, Dashboard } from '../../../contracts/analytics.js';
import { t } from '../../shared/i18n.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { useLiveResource } from '../feedback/use-report-stream.js';
import { DashboardView } from './analytics-page.js';
import { fmt, pct } from './charts.js';
import './analytics.css';

/** One agency's own figures (its subtree), with its place on the province's ranking terms. */
export function AgencyAnalyticsPage({ id }: { id: string }) {
  const { data, problem } = useLiveResource<{
    name: string;
    dashboard: Dashboard;
    figures: AgencyRank | null;
  }>(`/analytics/agencies/${id}`);
  return (
    <section className="analytics">
      <PageHeading>
        {data ? t('analytics.agencyPage', { name: data.name }) : t('analytics.title')}
      </PageHeading>
      <ProblemAlert problem={problem} />
      {!data && !problem ? <p role="status">{t('common.loading')}</p> : null}
      {data?.figures ? (
        <p>
          {t('analytics.returned')}: {fmt(data.figures.returned)} ·{' '}
          {data.figures.trend.map((m) => `${m.month}: ${pct(m.onTimeRate)}`).join(' · ')}
        </p>
      ) : null}
      {data ? <DashboardView data={data.dashboard} query="" /> : null}
    </section>
  );
}
