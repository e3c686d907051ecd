import { useCallback, useEffect, useState } from 'react';
import type { HotspotView, TriageModelView } from '../../../contracts/triage.js';
import { api } from '../../shared/api.js';
import { t } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { Button } from '../../shared/ui/button.js';
import { Link } from '../../shared/ui/link.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { hasAny, useSession } from '../session.js';
import { formatDateTime, statusLabel } from '../feedback/labels.js';
import { useReportStream } from '../feedback/use-report-stream.js';
import './triage.css';

type Problem = { title: string; detail?: string } | null;

/** Emerging hotspots (a category rising in one unit) with their reports; the classifier's versions. */
export function HotspotsPage() {
  const { user } = useSession();
  const [items, setItems] = useState<HotspotView[] | null>(null);
  const [problem, setProblem] = useState<Problem>(null);
  const load = useCallback(async () => {
    try {
      setItems((await api<{ items: HotspotView[] }>('GET', '/triage/hotspots')).items);
      setProblem(null);
    } catch (error) {
      setProblem(problemText(error));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useReportStream(
    useCallback(() => {
      void load();
    }, [load]),
  );

  async function act(id: string, action: 'acknowledge' | 'dismiss') {
    try {
      await api('POST', `/triage/hotspots/${id}`, { body: { action } });
    } catch (error) {
      setProblem(problemText(error));
    }
    await load();
  }

  return (
    <section>
      <PageHeading>{t('triage.hotspots.title')}</PageHeading>
      <p>{t('triage.hotspots.intro')}</p>
      <ProblemAlert problem={problem} />
      {!items && !problem ? <p role="status">{t('common.loading')}</p> : null}
      {items && items.length === 0 ? <p>{t('triage.hotspots.none')}</p> : null}
      {(items ?? []).map((h) => (
        <article key={h.id} className="card hotspot" aria-labelledby={`hotspot-${h.id}`}>
          <h2 id={`hotspot-${h.id}`}>
            {h.categoryName} — {h.unitName}
          </h2>
          <p>
            {t('triage.hotspots.rate', { count: h.count, hours: h.windowHours, expected: h.expected })}
            {' · '}
            {t('triage.hotspots.since', { at: formatDateTime(h.firstDetectedAt) })}
            {h.status === 'acknowledged' ? ` · ${t('triage.hotspots.acknowledged')}` : ''}
          </p>
          <ul>
            {h.reports.map((r) => (
              <li key={r.id}>
                <Link href={`/console/phan-anh/${r.id}`}>{r.trackingCode}</Link> — {r.title}{' '}
                <span className="muted">
                  {statusLabel(r.status as never)} · {formatDateTime(r.receivedAt)}
                </span>
              </li>
            ))}
          </ul>
          <div className="hotspot-actions">
            <Link
              href={`/console/ban-do${h.center ? `?lat=${h.center.lat.toFixed(5)}&lon=${h.center.lon.toFixed(5)}` : ''}`}
            >
              {t('triage.hotspots.map')}
            </Link>
            <Link
              href={`/console/alerts?category=${encodeURIComponent(h.categoryCode)}&unit=${encodeURIComponent(h.unitCode)}`}
            >
              {t('triage.hotspots.alert')}
            </Link>
            {h.status === 'open' ? (
              <Button variant="secondary" onClick={() => void act(h.id, 'acknowledge')}>
                {t('triage.hotspots.acknowledge')}
              </Button>
            ) : null}
            <Button variant="secondary" onClick={() => void act(h.id, 'dismiss')}>
              {t('triage.hotspots.dismiss')}
            </Button>
          </div>
        </article>
      ))}
      {hasAny(user, ['triage.manage']) ? <ModelsPanel /> : null}
    </section>
  );
}

/** The stored classifier versions: accuracy on held-out reports, retrain now, roll back. */
function ModelsPanel() {
  const [models, setModels] = useState<TriageModelView[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const load = useCallback(async () => {
    try {
      setModels((await api<{ items: TriageModelView[] }>('GET', '/triage/models')).items);
    } catch (error) {
      setProblem(problemText(error));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function run(path: string) {
    setBusy(true);
    try {
      await api('POST', path);
      setProblem(null);
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setBusy(false);
      await load();
    }
  }

  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  return (
    <section className="card" aria-labelledby="triage-models-title">
      <h2 id="triage-models-title">{t('triage.models.title')}</h2>
      <ProblemAlert problem={problem} />
      {models && models.length === 0 ? <p>{t('triage.models.none')}</p> : null}
      {models && models.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('triage.models.version')}</th>
                <th scope="col">{t('triage.models.trainedAt')}</th>
                <th scope="col">{t('triage.models.size')}</th>
                <th scope="col">{t('triage.models.top1')}</th>
                <th scope="col">{t('triage.models.top3')}</th>
                <th scope="col">{t('triage.models.state')}</th>
              </tr>
            </thead>
            <tbody>
              {models.map((m) => (
                <tr key={m.version}>
                  <td>{m.version}</td>
                  <td>{formatDateTime(m.trainedAt)}</td>
                  <td>
                    {m.trainingSize} ({t('triage.models.confirmed', { n: m.confirmedSize })})
                  </td>
                  <td>{pct(m.top1)}</td>
                  <td>{pct(m.top3)}</td>
                  <td>
                    {m.active ? (
                      t('triage.models.active')
                    ) : (
                      <Button
                        variant="link"
                        disabled={busy}
                        onClick={() => void run(`/triage/models/${m.version}/activate`)}
                      >
                        {t('triage.models.activate')}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="hotspot-actions">
        <Button busy={busy} onClick={() => void run('/triage/models')}>
          {t('triage.models.train')}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={() => void run('/triage/models/rollback')}>
          {t('triage.models.rollback')}
        </Button>
      </div>
    </section>
  );
}
