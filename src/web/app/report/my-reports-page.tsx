import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { ReportView, TimelineEntry } from '../../../contracts/feedback.js';
import type { SessionUser } from '../../../contracts/identity.js';
import {
  REJECT_REASON_LABELS,
  REPORT_TRANSITIONS,
  STATUS_LABELS,
} from '../../../contracts/report-lifecycle.js';
import { api } from '../../shared/api.js';
import { getLang, t } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { Alert } from '../../shared/ui/alert.js';
import { Button } from '../../shared/ui/button.js';
import { Link } from '../../shared/ui/link.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import {
  DRAFTS_EVENT,
  drafts,
  forgetReport,
  removeDraft,
  savedReports,
  type Draft,
  type SavedReport,
} from './device-store.js';
import { formatDate } from './format.js';
import { ReportPushBox } from './report-push-box.js';

type CitizenReport = Omit<ReportView, 'availableActions' | 'reporter'> & {
  reporter?: ReportView['reporter'];
};

interface CitizenView {
  report: CitizenReport;
  timeline: TimelineEntry[] | null;
  canRate: boolean;
}

type LookupResult = { code: string; found: true; view: CitizenView } | { code: string; found: false };

type Entry =
  | { kind: 'view'; view: CitizenView; contact: string | null; local: boolean }
  | { kind: 'missing'; saved: SavedReport; reason: 'not_found' | 'failed' };

function label(l: { vi: string; en: string }): string {
  return getLang() === 'en' ? l.en : l.vi;
}

/** What a step of the public timeline says to the citizen. */
function stepText(e: TimelineEntry): string {
  if (e.action === 'rated_satisfied') return t('mine.rated_satisfied');
  const transition = REPORT_TRANSITIONS.find((x) => x.action === e.action);
  if (e.toStatus) return label(STATUS_LABELS[e.toStatus]);
  return transition ? label(transition.label) : e.action;
}

/** Whether the citizen may still rate (same rule as the server: published, within the window, not rated). */
async function lookup(code: string, contact: string): Promise<CitizenView> {
  return api<CitizenView>('GET', '/public/reports/lookup', { query: { code, contact } });
}

/** "Phản ánh của tôi": the account's reports when signed in, plus those sent from this device. */
export function MyReportsPage({ user }: { user: SessionUser | null }) {
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [waiting, setWaiting] = useState<Draft[]>(() => drafts());
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);

  const load = useCallback(async () => {
    setProblem(null);
    const out: Entry[] = [];
    const seen = new Set<string>();
    const saved = savedReports();
    if (user?.kind === 'citizen') {
      try {
        const mine = await api<{ items: CitizenView[] }>('GET', '/me/reports');
        for (const view of mine.items) {
          seen.add(view.report.trackingCode);
          const contact = saved.find((s) => s.code === view.report.trackingCode)?.contact ?? null;
          out.push({ kind: 'view', view, contact, local: false });
        }
      } catch (error) {
        setProblem(problemText(error));
      }
    }
    // The reports sent from this phone: looked up together, twenty at a time.
    const local = saved.filter((s) => !seen.has(s.code) && s.contact);
    for (let i = 0; i < local.length; i += 20) {
      const chunk = local.slice(i, i + 20);
      try {
        const found = await api<{ items: LookupResult[] }>('POST', '/public/reports/lookup', {
          body: { items: chunk.map((s) => ({ code: s.code, contact: s.contact })) },
        });
        for (const [k, result] of found.items.entries()) {
          const s = chunk[k]!;
          out.push(
            result.found
              ? { kind: 'view', view: result.view, contact: s.contact, local: true }
              : { kind: 'missing', saved: s, reason: 'not_found' },
          );
        }
      } catch {
        for (const s of chunk) out.push({ kind: 'missing', saved: s, reason: 'failed' });
      }
    }
    setEntries(out);
  }, [user]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    const onDrafts = (event: Event) => {
      setWaiting(drafts());
      if ((event as CustomEvent<unknown>).detail) void load();
    };
    window.addEventListener(DRAFTS_EVENT, onDrafts);
    return () => window.removeEventListener(DRAFTS_EVENT, onDrafts);
  }, [load]);

  return (
    <>
      <PageHeading>{t('mine.title')}</PageHeading>
      {user ? null : (
        <p className="muted">
          {t('mine.deviceNote')} <Link href="/app/dang-nhap">{t('app.signIn')}</Link>
        </p>
      )}
      <ProblemAlert problem={problem} />
      <ReportPushBox user={user} />
      {waiting.length > 0 ? (
        <ul className="report-list">
          {waiting.map((d) => (
            <li key={d.key} className="card">
              <h2 className="report-title">{d.body.title}</h2>
              <p>
                <span className="badge">{t('mine.pending')}</span>
              </p>
              {d.error ? (
                <Alert
                  tone="error"
                  title={t('report.draftFailed', { title: d.body.title, reason: d.error })}
                />
              ) : null}
              <Button variant="danger" onClick={() => removeDraft(d.key)}>
                {t('mine.removeDraft')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {entries === null ? (
        <p role="status">{t('common.loading')}</p>
      ) : entries.length === 0 && waiting.length === 0 ? (
        <p>{t('mine.empty')}</p>
      ) : (
        <ul className="report-list">
          {entries.map((e) =>
            e.kind === 'view' ? (
              <li key={e.view.report.trackingCode} className="card">
                <ReportCard
                  initial={e.view}
                  contact={e.contact}
                  onForget={
                    e.local
                      ? () => {
                          forgetReport(e.view.report.trackingCode);
                          void load();
                        }
                      : undefined
                  }
                />
              </li>
            ) : (
              <li key={e.saved.code} className="card">
                <h2 className="report-title">{e.saved.title}</h2>
                <p>{t('mine.code', { code: e.saved.code })}</p>
                <p className="muted">
                  {e.reason === 'not_found'
                    ? t('mine.notFound', { code: e.saved.code })
                    : t('mine.loadFailed', { code: e.saved.code })}
                </p>
                <Button
                  variant="link"
                  onClick={() => {
                    forgetReport(e.saved.code);
                    void load();
                  }}
                >
                  {t('mine.forget')}
                </Button>
              </li>
            ),
          )}
        </ul>
      )}
      <div className="actions">
        <Link className="btn btn-primary" href="/app/gui-phan-anh">
          {t('report.title')}
        </Link>
        <Button variant="secondary" onClick={() => void load()}>
          {t('mine.refresh')}
        </Button>
      </div>
    </>
  );
}

/** One report: status, public steps, the answer, and the rating form while it may be rated. */
function ReportCard({
  initial,
  contact,
  onForget,
}: {
  initial: CitizenView;
  contact: string | null;
  onForget?: (() => void) | undefined;
}) {
  const [view, setView] = useState(initial);
  const [thanked, setThanked] = useState(false);
  const [timelineProblem, setTimelineProblem] = useState(false);
  const r = view.report;

  async function showTimeline() {
    if (!contact) return;
    try {
      setView(await lookup(r.trackingCode, contact));
    } catch {
      setTimelineProblem(true);
    }
  }

  return (
    <article aria-labelledby={`r-${r.id}`}>
      <h2 id={`r-${r.id}`} className="report-title">
        {r.title}
      </h2>
      <p className="report-meta">
        <span className="mono">{t('mine.code', { code: r.trackingCode })}</span>
        {' · '}
        {t('mine.receivedAt', { date: formatDate(r.receivedAt) })}
      </p>
      <p>
        <span className={`badge status-${r.status}`}>
          {t('mine.status', { status: label(STATUS_LABELS[r.status]) })}
        </span>
      </p>
      {r.deadlineAt && !r.publishedAt && r.status !== 'rejected' ? (
        <p className="muted">
          {t('mine.deadline', { date: formatDate(r.extendedDeadlineAt ?? r.deadlineAt, false) })}
        </p>
      ) : null}
      {r.rejectReason ? (
        <p>{t('mine.rejected', { reason: label(REJECT_REASON_LABELS[r.rejectReason]) })}</p>
      ) : null}
      {r.answer ? (
        <section className="answer" aria-label={t('mine.answer')}>
          <h3>{r.agencyName ? t('mine.answerBy', { agency: r.agencyName }) : t('mine.answer')}</h3>
          <p className="pre-line">{r.answer}</p>
        </section>
      ) : null}
      {view.timeline ? (
        <section aria-label={t('mine.timeline')}>
          <h3>{t('mine.timeline')}</h3>
          <ol className="timeline">
            {view.timeline
              .filter((e) => e.public)
              .map((e) => (
                <li key={e.id}>
                  <time dateTime={e.at}>{formatDate(e.at)}</time> — {stepText(e)}
                  {e.note ? <span className="muted"> ({e.note})</span> : null}
                </li>
              ))}
          </ol>
        </section>
      ) : contact ? (
        <Button variant="link" onClick={() => void showTimeline()}>
          {t('mine.timeline')}
        </Button>
      ) : null}
      {timelineProblem ? (
        <p className="field-error">{t('mine.loadFailed', { code: r.trackingCode })}</p>
      ) : null}
      {thanked ? <Alert tone="success" title={t('mine.rated')} /> : null}
      {r.rating ? (
        <p>{r.rating === 'satisfied' ? t('mine.ratingSatisfied') : t('mine.ratingUnsatisfied')}</p>
      ) : null}
      {view.canRate && !r.rating ? (
        <RatingForm
          code={r.trackingCode}
          contact={contact}
          onRated={(v) => {
            setThanked(true);
            setView(v);
          }}
        />
      ) : null}
      {onForget ? (
        <Button variant="link" onClick={onForget}>
          {t('mine.forget')}
        </Button>
      ) : null}
    </article>
  );
}

function RatingForm({
  code,
  contact,
  onRated,
}: {
  code: string;
  contact: string | null;
  onRated: (view: CitizenView) => void;
}) {
  const id = useId();
  const [satisfied, setSatisfied] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (satisfied === null) {
      setError(t('mine.rateChoose'));
      return;
    }
    setBusy(true);
    setError(null);
    setProblem(null);
    try {
      const view = await api<CitizenView>('POST', `/public/reports/${encodeURIComponent(code)}/rating`, {
        body: {
          ...(contact ? { contact } : {}),
          satisfied,
          ...(comment.trim() ? { comment: comment.trim() } : {}),
        },
      });
      setDone(true);
      onRated(view);
    } catch (err) {
      setProblem(problemText(err));
    } finally {
      setBusy(false);
    }
  }

  if (done) return <Alert tone="success" title={t('mine.rated')} />;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="rating-form">
      <ProblemAlert problem={problem} />
      <fieldset className="checks">
        <legend>{t('mine.rateTitle')}</legend>
        <label className="check">
          <input
            type="radio"
            name={`${id}-rating`}
            checked={satisfied === true}
            onChange={() => setSatisfied(true)}
          />
          {t('mine.satisfied')}
        </label>
        <label className="check">
          <input
            type="radio"
            name={`${id}-rating`}
            checked={satisfied === false}
            onChange={() => setSatisfied(false)}
          />
          {t('mine.unsatisfied')}
        </label>
        <p className="field-hint">{t('mine.unsatisfiedHint')}</p>
        {error ? <p className="field-error">{error}</p> : null}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-comment`}>{t('mine.comment')}</label>
        <textarea
          id={`${id}-comment`}
          rows={3}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      <Button type="submit" busy={busy}>
        {t('mine.rateSubmit')}
      </Button>
    </form>
  );
}
