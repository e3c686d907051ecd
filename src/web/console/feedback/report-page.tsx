import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { ReportView, TimelineEntry, UrgencyClass } from '../../../contracts/feedback.js';
import type { ReportAction, ReportStatus } from '../../../contracts/report-lifecycle.js';
import { api } from '../../shared/api.js';
import { t } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { Alert } from '../../shared/ui/alert.js';
import { Button } from '../../shared/ui/button.js';
import { Link } from '../../shared/ui/link.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { SelectField } from '../../shared/ui/select-field.js';
import { hasAny, useSession } from '../session.js';
import { ActionForm, actionLabel, type Duplicate } from './action-form.js';
import { AttachmentModeration } from './attachment-moderation.js';
import { PublicTextSection } from './public-text-form.js';
import './feedback.css';
import {
  URGENCY_VALUES,
  channelLabel,
  eventLabel,
  formatDateTime,
  rejectReasonLabel,
  statusLabel,
  urgencyLabel,
} from './labels.js';
import { agencyName, categoryName, useReference, type ReferenceData } from './reference-data.js';
import { TextArea } from '../../shared/ui/text-area.js';
import { useReportStream } from './use-report-stream.js';
import { TriageSuggestions } from '../triage/triage-suggestions.js';

interface Note {
  id: string;
  authorLabel: string;
  text: string;
  createdAt: string;
}

interface Detail {
  report: ReportView;
  timeline: TimelineEntry[];
  notes: Note[];
}

type Problem = { title: string; detail?: string } | null;

const TRIAGE_STATUSES: readonly ReportStatus[] = ['received', 'accepted', 'returned', 'reopened'];

/** One report: its fields, the steps this person may take, triage, duplicates, timeline and notes. */
export function ReportPage({ id }: { id: string }) {
  const { user } = useSession();
  const canTriage = hasAny(user, ['reports.triage']);
  const reference = useReference();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [problem, setProblem] = useState<Problem>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState<{ action: ReportAction; mergeInto?: string; key: number } | null>(null);
  const [duplicates, setDuplicates] = useState<Duplicate[]>([]);
  // A category applied from the suggestions resets the triage form to the saved report.
  const [triageKey, setTriageKey] = useState(0);
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  // After a step, focus moves to its outcome message (the form that had focus is gone).
  const messages = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    try {
      const res = await api<Detail>('GET', `/reports/${id}`);
      setDetail(res);
      setChangedElsewhere(false);
    } catch (error) {
      setProblem(problemText(error));
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (!canTriage) return;
    api<{ items: Duplicate[] }>('GET', `/reports/${id}/duplicates`)
      .then((res) => setDuplicates(res.items))
      .catch(() => setDuplicates([]));
  }, [canTriage, id]);

  const version = detail?.report.version;
  useReportStream(
    useCallback(
      (changes) => {
        if (changes.some((c) => c.id === id && c.version !== version)) setChangedElsewhere(true);
      },
      [id, version],
    ),
  );

  if (!detail) {
    return (
      <section>
        <PageHeading>{t('fbReport.pageTitle')}</PageHeading>
        <ProblemAlert problem={problem} />
        {!problem ? <p role="status">{t('common.loading')}</p> : null}
        <p>
          <Link href="/console/phan-anh">{t('fbReport.backToQueue')}</Link>
        </p>
      </section>
    );
  }

  const { report, timeline, notes } = detail;
  // After a moderation step (public text, an attachment): its message, and the report as it is now.
  const moderated = (message: string) => {
    setProblem(null);
    setNotice(message);
    void load().then(() => messages.current?.focus());
  };
  const showTriage = canTriage && TRIAGE_STATUSES.includes(report.status);

  return (
    <section>
      <p>
        <Link href="/console/phan-anh">{t('fbReport.backToQueue')}</Link>
      </p>
      <PageHeading>
        {report.trackingCode} — {report.title}
      </PageHeading>
      <p>
        <strong>{t('fbReport.status')}:</strong>{' '}
        <span data-testid="report-status">{statusLabel(report.status)}</span>
        {report.overdue ? (
          <>
            {' '}
            <span className="badge badge-overdue">{t('fbReport.overdue')}</span>
          </>
        ) : null}
      </p>
      <div ref={messages} tabIndex={-1}>
        <ProblemAlert problem={problem} />
        {notice ? <Alert tone="success" title={notice} /> : null}
      </div>
      {changedElsewhere ? (
        <Alert tone="info" title={t('fbReport.changedElsewhere')}>
          <Button variant="secondary" onClick={() => void load()}>
            {t('queue.reload')}
          </Button>
        </Alert>
      ) : null}

      <section className="card" aria-labelledby="report-actions-title">
        <h2 id="report-actions-title">{t('fbReport.actions')}</h2>
        {report.availableActions.length === 0 ? <p>{t('fbReport.noActions')}</p> : null}
        <div className="actions">
          {report.availableActions.map((action) => (
            <Button
              key={action}
              variant={action === 'reject' ? 'danger' : open?.action === action ? 'primary' : 'secondary'}
              aria-expanded={open?.action === action}
              onClick={() => {
                setNotice(null);
                setProblem(null);
                setOpen(open?.action === action ? null : { action, key: Date.now() });
              }}
            >
              {actionLabel(action)}
            </Button>
          ))}
        </div>
        {open ? (
          <ActionForm
            key={open.key}
            action={open.action}
            report={report}
            reference={reference}
            duplicates={duplicates}
            initialMergeInto={open.mergeInto}
            onCancel={() => setOpen(null)}
            onDone={(outcome) => {
              setOpen(null);
              if (outcome.ok) setNotice(t('fbReport.done', { label: outcome.label }));
              else setProblem(outcome.problem);
              void load().then(() => messages.current?.focus());
            }}
          />
        ) : null}
      </section>

      <div className="report-columns">
        <div>
          <h2>{t('fbReport.details')}</h2>
          <ReportFields report={report} reference={reference} />
          <h3>{t('fbReport.body')}</h3>
          <p className="report-body">{report.body}</p>
          {canTriage ? <PublicTextSection report={report} onDone={moderated} /> : null}
          {report.answer ? (
            <>
              <h3>{t('fbReport.answer')}</h3>
              <p className="report-body">{report.answer}</p>
            </>
          ) : null}
          <h3>{t('fbReport.attachments')}</h3>
          {report.attachments.length === 0 ? (
            <p>{t('fbReport.noAttachments')}</p>
          ) : (
            <ul>
              {report.attachments.map((a) => (
                <li key={a.id}>
                  <a href={a.url} target="_blank" rel="noreferrer" className="attachment-link">
                    {a.kind === 'photo' ? (
                      <img src={`${a.url}?thumb=1`} alt="" width={96} height={72} loading="lazy" />
                    ) : null}
                    {a.fileName}
                  </a>{' '}
                  <span className="muted">
                    ({a.kind}, {Math.max(1, Math.round(a.size / 1024))} KB
                    {a.purpose === 'answer' ? `, ${t('fbReport.answerAttachment')}` : ''}
                    {a.hidden ? `, ${t('fbReport.hidden')}` : ''}
                    {a.redactions.length ? `, ${t('mod.maskedBadge', { n: a.redactions.length })}` : ''})
                  </span>
                  {canTriage ? <AttachmentModeration attachment={a} onDone={moderated} /> : null}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          {showTriage ? (
            <TriageSuggestions
              report={report}
              onApplied={() => void load().then(() => setTriageKey((k) => k + 1))}
            />
          ) : null}
          {showTriage ? (
            <TriageForm key={triageKey} report={report} reference={reference} onSaved={() => void load()} />
          ) : null}
          {canTriage ? (
            <section aria-labelledby="duplicates-title">
              <h2 id="duplicates-title">{t('dup.title')}</h2>
              {duplicates.length === 0 ? (
                <p>{t('dup.none')}</p>
              ) : (
                <ul>
                  {duplicates.map((d) => (
                    <li key={d.id}>
                      <Link href={`/console/phan-anh/${d.id}`}>{d.trackingCode}</Link> — {d.title}
                      <div className="muted">
                        {statusLabel(d.status)} · {formatDateTime(d.receivedAt)}
                        {d.distanceM !== null
                          ? ` · ${t('dup.distance', { m: Math.round(d.distanceM) })}`
                          : ''}
                        {` · ${t('dup.score', { score: Math.round(d.score * 100) })}`}
                      </div>
                      {report.availableActions.includes('merge') ? (
                        <Button
                          variant="secondary"
                          onClick={() =>
                            setOpen({ action: 'merge', mergeInto: d.trackingCode, key: Date.now() })
                          }
                          aria-label={t('dup.mergeInto', { code: d.trackingCode })}
                        >
                          {t('dup.merge')}
                        </Button>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ) : null}
          <Timeline entries={timeline} />
          <Notes reportId={report.id} notes={notes} onAdded={() => void load()} />
        </div>
      </div>
    </section>
  );
}

function ReportFields({ report, reference }: { report: ReportView; reference: ReferenceData | null }) {
  const suggested = agencyName(reference, report.suggestedAgencyId);
  const rows: [string, React.ReactNode][] = [
    [t('fbReport.trackingCode'), report.trackingCode],
    [t('fbReport.channel'), channelLabel(report.channel)],
    [t('fbReport.reporterLang'), report.reporterLang === 'en' ? t('fbReport.langEn') : t('fbReport.langVi')],
    [t('fbReport.category'), categoryName(reference, report.categoryCode)],
    ...(report.citizenCategoryCode !== report.categoryCode
      ? ([[t('fbReport.citizenCategory'), categoryName(reference, report.citizenCategoryCode)]] as [
          string,
          string,
        ][])
      : []),
    [t('fbReport.urgency'), urgencyLabel(report.urgency)],
    [t('fbReport.unit'), report.unitName ?? '—'],
    [t('fbReport.address'), report.address ?? '—'],
    [
      t('fbReport.location'),
      report.location ? `${report.location.lat.toFixed(5)}, ${report.location.lon.toFixed(5)}` : '—',
    ],
    [t('fbReport.receivedAt'), formatDateTime(report.receivedAt)],
    [t('fbReport.deadline'), formatDateTime(report.deadlineAt)],
    ...(report.extendedDeadlineAt
      ? ([[t('fbReport.extendedDeadline'), formatDateTime(report.extendedDeadlineAt)]] as [string, string][])
      : []),
    ...(report.extensionState !== 'none'
      ? ([[t('fbReport.extension'), t(`extension.${report.extensionState}`)]] as [string, string][])
      : []),
    [t('fbReport.agency'), report.agencyName ?? '—'],
    ...(suggested && report.suggestedAgencyId !== report.agencyId
      ? ([[t('fbReport.suggestedAgency'), suggested]] as [string, string][])
      : []),
    [
      t('fbReport.displayPublicly'),
      report.displayPublicly === 'name' ? t('fbReport.publicName') : t('fbReport.publicAnonymous'),
    ],
  ];
  if (report.reporter) {
    rows.push([t('fbReport.reporterName'), report.reporter.name ?? '—']);
    rows.push([t('fbReport.reporterPhone'), report.reporter.phone ?? '—']);
    rows.push([t('fbReport.reporterEmail'), report.reporter.email ?? '—']);
  }
  if (report.rejectReason) rows.push([t('fbReport.rejectReason'), rejectReasonLabel(report.rejectReason)]);
  if (report.mergedIntoCode) rows.push([t('fbReport.mergedInto'), report.mergedIntoCode]);
  if (report.publishedAt) rows.push([t('fbReport.publishedAt'), formatDateTime(report.publishedAt)]);
  if (report.rating)
    rows.push([
      t('fbReport.rating'),
      (report.rating === 'satisfied' ? t('fbReport.satisfied') : t('fbReport.unsatisfied')) +
        (report.ratingComment ? ` — ${report.ratingComment}` : ''),
    ]);
  if (report.timeliness) rows.push([t('fbReport.timeliness'), t(`timeliness.${report.timeliness}`)]);
  return (
    <dl className="report-fields">
      {rows.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function TriageForm({
  report,
  reference,
  onSaved,
}: {
  report: ReportView;
  reference: ReferenceData | null;
  onSaved: () => void;
}) {
  const [categoryCode, setCategoryCode] = useState(report.categoryCode);
  const [urgency, setUrgency] = useState<UrgencyClass>(report.urgency);
  const [unitCode, setUnitCode] = useState(report.unitCode ?? '');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const [saved, setSaved] = useState(false);
  const districts = reference?.districts ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body: Record<string, unknown> = { version: report.version };
    if (categoryCode !== report.categoryCode) body.categoryCode = categoryCode;
    if (urgency !== report.urgency) body.urgency = urgency;
    if (unitCode && unitCode !== report.unitCode) body.unitCode = unitCode;
    setBusy(true);
    try {
      await api<ReportView>('POST', `/reports/${report.id}/triage`, { body });
      setProblem(null);
      setSaved(true);
      onSaved();
    } catch (error) {
      setProblem(problemText(error));
      setSaved(false);
      onSaved();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="triage-title">
      <h2 id="triage-title">{t('triage.title')}</h2>
      <ProblemAlert problem={problem} />
      {saved ? <Alert tone="success" title={t('triage.saved')} /> : null}
      <SelectField
        label={t('fbReport.category')}
        value={categoryCode}
        onChange={(e) => setCategoryCode(e.target.value)}
      >
        {!reference?.categories.some((c) => c.code === report.categoryCode) ? (
          <option value={report.categoryCode}>{report.categoryCode}</option>
        ) : null}
        {(reference?.categories ?? []).map((c) => (
          <option key={c.code} value={c.code}>
            {categoryName(reference, c.code)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('fbReport.urgency')}
        value={urgency}
        onChange={(e) => setUrgency(e.target.value as UrgencyClass)}
      >
        {URGENCY_VALUES.map((u) => (
          <option key={u} value={u}>
            {urgencyLabel(u)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('fbReport.unit')} value={unitCode} onChange={(e) => setUnitCode(e.target.value)}>
        <option value="">—</option>
        {report.unitCode && !districts.some((d) => d.code === report.unitCode) ? (
          <option value={report.unitCode}>{report.unitName ?? report.unitCode}</option>
        ) : null}
        {districts.map((d) => (
          <option key={d.code} value={d.code}>
            {d.name}
          </option>
        ))}
      </SelectField>
      <Button type="submit" busy={busy}>
        {t('triage.save')}
      </Button>
    </form>
  );
}

function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      <ol className="timeline" data-testid="timeline">
        {entries.map((e) => (
          <li key={e.id}>
            <strong>{eventLabel(e.action)}</strong>{' '}
            <span className="muted">
              {formatDateTime(e.at)}
              {e.actorLabel ? ` · ${e.actorLabel}` : ''}
              {e.toStatus && e.toStatus !== e.fromStatus ? ` · → ${statusLabel(e.toStatus)}` : ''}
            </span>{' '}
            <span className="badge badge-muted">
              {e.public ? t('timeline.public') : t('timeline.internal')}
            </span>
            {e.note ? <p className="timeline-note">{e.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Notes({ reportId, notes, onAdded }: { reportId: string; notes: Note[]; onAdded: () => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('notes.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/reports/${reportId}/notes`, { body: { text: text.trim() } });
      setText('');
      setProblem(null);
      onAdded();
    } catch (err) {
      setProblem(problemText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="notes-title">
      <h2 id="notes-title">{t('notes.title')}</h2>
      <p className="muted">{t('notes.hint')}</p>
      {notes.length === 0 ? <p>{t('notes.none')}</p> : null}
      <ul>
        {notes.map((n) => (
          <li key={n.id}>
            <span className="muted">
              {formatDateTime(n.createdAt)} · {n.authorLabel}
            </span>
            <p className="timeline-note">{n.text}</p>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} aria-labelledby="notes-title" noValidate>
        <ProblemAlert problem={problem} />
        <TextArea
          label={t('notes.add')}
          value={text}
          rows={3}
          error={error}
          onChange={(e) => setText(e.target.value)}
        />
        <Button type="submit" busy={busy}>
          {t('notes.submit')}
        </Button>
      </form>
    </section>
  );
}
