import { useCallback, useEffect, useState } from 'react';
import type {
  HotspotView,
  TrainingJobView,
  TriageModelsView,
  TriageModelView,
} from '../../../contracts/triage.js';
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
            {hasAny(user, ['alerts.draft']) ? (
              // The alerts console pre-fills the unit and the category's template (alerts/from-hotspot.ts).
              <Link
                href={`/console/canh-bao/moi?category=${encodeURIComponent(h.categoryCode)}&unit=${encodeURIComponent(h.unitCode)}`}
              >
                {t('triage.hotspots.alert')}
              </Link>
            ) : null}
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

/** How often the panel asks where a queued training is. */
const TRAINING_POLL_MS = 1500;

/**
 * The stored classifier versions: accuracy on held-out reports, retrain (queued for the worker: the
 * panel shows it pending, then the new version), roll back.
 */
function ModelsPanel() {
  const [models, setModels] = useState<TriageModelView[] | null>(null);
  const [pending, setPending] = useState(0);
  const [job, setJob] = useState<TrainingJobView | null>(null);
  const [done, setDone] = useState<'done' | 'failed' | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const load = useCallback(async () => {
    try {
      const view = await api<TriageModelsView>('GET', '/triage/models');
      setModels(view.items);
      setPending(view.training.pending);
    } catch (error) {
      setProblem(problemText(error));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  // While a training waits or runs: follow our job (or the queue when another operator asked), then reload.
  const training = job !== null || pending > 0;
  useEffect(() => {
    if (!training) return;
    const timer = setInterval(() => {
      void (async () => {
        if (job) {
          try {
            const now = await api<TrainingJobView>('GET', `/triage/models/training/${job.jobId}`);
            if (now.state === 'done' || now.state === 'failed') {
              setJob(null);
              setDone(now.state);
            } else if (now.state !== job.state) setJob(now);
          } catch (error) {
            setJob(null);
            setProblem(problemText(error));
          }
        }
        await load();
      })();
    }, TRAINING_POLL_MS);
    return () => clearInterval(timer);
  }, [training, job, load]);

  async function train() {
    setBusy(true);
    setDone(null);
    try {
      setJob(await api<TrainingJobView>('POST', '/triage/models'));
      setProblem(null);
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setBusy(false);
      await load();
    }
  }

  async function run(path: string) {
    setBusy(true);
    setDone(null);
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

  const newest = models?.[0];
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  return (
    <section className="card" aria-labelledby="triage-models-title">
      <h2 id="triage-models-title">{t('triage.models.title')}</h2>
      <ProblemAlert problem={problem} />
      <p role="status" aria-live="polite" className="models-training">
        {training
          ? t(job?.state === 'queued' ? 'triage.models.trainingQueued' : 'triage.models.training')
          : done === 'failed'
            ? t('triage.models.trainingFailed')
            : done === 'done' && newest
              ? t('triage.models.trainingDone', { version: newest.version })
              : ''}
      </p>
      {models && models.length === 0 && !training ? <p>{t('triage.models.none')}</p> : null}
      {models && (models.length > 0 || training) ? (
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
              {training ? (
                <tr className="model-training">
                  <td>{(newest?.version ?? 0) + 1}</td>
                  <td colSpan={4}>{t('triage.models.training')}</td>
                  <td>{t('triage.models.pending')}</td>
                </tr>
              ) : null}
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
        <Button busy={busy || training} onClick={() => void train()}>
          {t('triage.models.train')}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={() => void run('/triage/models/rollback')}>
          {t('triage.models.rollback')}
        </Button>
      </div>
    </section>
  );
}
