import { useState } from 'react';
import type { DataRequestStatus, DataRequestView } from '../../../contracts/data-requests.js';
import { api } from '../../shared/api.js';
import { t } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { Alert } from '../../shared/ui/alert.js';
import { Button } from '../../shared/ui/button.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { SelectField } from '../../shared/ui/select-field.js';
import { TextArea } from '../../shared/ui/text-area.js';
import { ListTable, listDateFormat, useListLoad } from '../shell/list-page.js';
import './feedback.css';

type Filter = DataRequestStatus | 'all';
const FILTERS: Filter[] = ['open', 'fulfilled', 'refused', 'all'];

/**
 * Data subject requests (IOC operators and administrators): each with its 2-working-day deadline and an
 * overdue flag; fulfil (the deletion or correction is applied) or refuse with a reason the citizen is told.
 */
export function DataRequestsPage() {
  const [filter, setFilter] = useState<Filter>('open');
  const { data, items, loading, problem, setProblem, reload } = useListLoad<
    DataRequestView,
    { items: DataRequestView[]; overdue: number }
  >('/data-requests', filter === 'all' ? {} : { status: filter });
  const overdue = data?.overdue ?? 0;
  const [notice, setNotice] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<{ id: string; decision: 'fulfil' | 'refuse' } | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const dateFormat = listDateFormat();

  async function decide() {
    if (!deciding) return;
    setBusy(true);
    try {
      await api('POST', `/data-requests/${deciding.id}/decision`, {
        body: { decision: deciding.decision, ...(note.trim() ? { note: note.trim() } : {}) },
      });
      setNotice(t(deciding.decision === 'fulfil' ? 'dataRequests.fulfilled' : 'dataRequests.refused'));
      setDeciding(null);
      setNote('');
      await reload();
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <PageHeading>{t('dataRequests.title')}</PageHeading>
      <p>{t('dataRequests.intro')}</p>
      {notice ? <Alert tone="success" title={notice} /> : null}
      {overdue > 0 ? <Alert tone="error" title={t('dataRequests.overdueCount', { n: overdue })} /> : null}
      <ProblemAlert problem={problem} />
      <div className="filters">
        <SelectField
          label={t('dataRequests.statusFilter')}
          value={filter}
          onChange={(e) => setFilter(e.target.value as Filter)}
        >
          {FILTERS.map((s) => (
            <option key={s} value={s}>
              {t(`dataRequests.status.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>

      <ListTable
        title={t('dataRequests.listTitle', { count: items.length })}
        empty={t('dataRequests.empty')}
        loading={loading}
        items={items}
        columns={[
          t('dataRequests.kindCol'),
          t('dataRequests.about'),
          t('dataRequests.details'),
          t('dataRequests.received'),
          t('dataRequests.due'),
          t('dataRequests.statusCol'),
          t('common.actions'),
        ]}
        row={(i) => (
          <tr key={i.id}>
            <td>{t(`dataRequests.kind.${i.kind}`)}</td>
            <td>
              {i.reportId ? (
                <a href={`/console/phan-anh/${i.reportId}`}>{i.trackingCode}</a>
              ) : (
                (i.trackingCode ?? (i.byAccount ? t('dataRequests.account') : '—'))
              )}
            </td>
            <td>
              {i.details ?? ''}
              {i.correction ? (
                <div>
                  {t('dataRequests.correction')}:{' '}
                  {Object.entries(i.correction)
                    .map(([k, v]) => `${k}: ${v}`)
                    .join('; ')}
                </div>
              ) : null}
            </td>
            <td>{dateFormat.format(new Date(i.receivedAt))}</td>
            <td>
              {dateFormat.format(new Date(i.dueAt))}
              {i.overdue ? <span className="badge badge-overdue">{t('dataRequests.overdue')}</span> : null}
            </td>
            <td>
              {t(`dataRequests.status.${i.status}`)}
              {i.outcomeNote ? <div>{i.outcomeNote}</div> : null}
            </td>
            <td>
              {i.status === 'open' ? (
                <div className="channels-actions">
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setDeciding({ id: i.id, decision: 'fulfil' });
                      setNote('');
                    }}
                  >
                    {t('dataRequests.fulfil')}
                  </Button>
                  <Button
                    variant="danger"
                    onClick={() => {
                      setDeciding({ id: i.id, decision: 'refuse' });
                      setNote('');
                    }}
                  >
                    {t('dataRequests.refuse')}
                  </Button>
                </div>
              ) : null}
            </td>
          </tr>
        )}
      />

      {deciding ? (
        <section aria-labelledby="data-request-decision">
          <h2 id="data-request-decision">
            {t(deciding.decision === 'fulfil' ? 'dataRequests.fulfil' : 'dataRequests.refuse')}
          </h2>
          <TextArea
            label={t(deciding.decision === 'fulfil' ? 'dataRequests.note' : 'dataRequests.reason')}
            value={note}
            required={deciding.decision === 'refuse'}
            maxLength={1000}
            onChange={(e) => setNote(e.target.value)}
          />
          <div className="channels-actions">
            <Button
              variant={deciding.decision === 'refuse' ? 'danger' : 'primary'}
              busy={busy}
              onClick={() => void decide()}
            >
              {t(deciding.decision === 'fulfil' ? 'dataRequests.fulfil' : 'dataRequests.confirmRefuse')}
            </Button>
            <Button variant="secondary" onClick={() => setDeciding(null)}>
              {t('common.cancel')}
            </Button>
          </div>
        </section>
      ) : null}
    </section>
  );
}
