import type { ReportView } from '../../../contracts/feedback.js';
import { t } from '../../shared/i18n.js';
import { Link } from '../../shared/ui/link.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import './feedback.css';
import { formatDateTime, statusLabel } from './labels.js';
import { useLiveResource } from './use-report-stream.js';

interface Board {
  overdue: ReportView[];
  dueToday: ReportView[];
  dueSoon: ReportView[];
}

/** Reports by how close their deadline is: overdue, due today, due in the next days. */
export function DeadlinePage() {
  const { data: board, problem } = useLiveResource<Board>('/reports/deadline-board');

  return (
    <section>
      <PageHeading>{t('deadline.title')}</PageHeading>
      <ProblemAlert problem={problem} />
      {!board && !problem ? <p role="status">{t('common.loading')}</p> : null}
      {board ? (
        <>
          <DeadlineList title={t('deadline.overdue')} items={board.overdue} />
          <DeadlineList title={t('deadline.dueToday')} items={board.dueToday} />
          <DeadlineList title={t('deadline.dueSoon')} items={board.dueSoon} />
        </>
      ) : null}
    </section>
  );
}

function DeadlineList({ title, items }: { title: string; items: ReportView[] }) {
  return (
    <section className="card">
      <h2>
        {title} ({items.length})
      </h2>
      {items.length === 0 ? (
        <p>{t('deadline.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fbReport.trackingCode')}</th>
                <th scope="col">{t('fbReport.title')}</th>
                <th scope="col">{t('fbReport.agency')}</th>
                <th scope="col">{t('fbReport.status')}</th>
                <th scope="col">{t('fbReport.deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap">
                    <Link href={`/console/phan-anh/${r.id}`}>{r.trackingCode}</Link>
                  </td>
                  <td>{r.title}</td>
                  <td>{r.agencyName ?? '—'}</td>
                  <td>{statusLabel(r.status)}</td>
                  <td>
                    {formatDateTime(r.extendedDeadlineAt ?? r.deadlineAt)}
                    {r.overdue ? (
                      <>
                        {' '}
                        <span className="badge badge-overdue">{t('fbReport.overdue')}</span>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
