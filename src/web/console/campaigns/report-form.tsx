import { useEffect, useState } from 'react';
import { api } from '../../shared/api.js';
import { t, type MessageKey } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { Alert } from '../../shared/ui/alert.js';
import { Button } from '../../shared/ui/button.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { TextArea } from '../../shared/ui/text-area.js';
import { TextField } from '../../shared/ui/text-field.js';
import { viDate, type ReportForm } from './types.js';

/**
 * An agency's quarterly report: figures per measure of its tasks, narrative, save/submit; for the
 * Department the same page offers accept / ask for a correction. Buttons follow availableActions.
 */
export function ReportFormView({
  planId,
  year,
  quarter,
  agencyId,
}: {
  planId: string;
  year: number;
  quarter: number;
  agencyId?: string;
}) {
  const [form, setForm] = useState<ReportForm | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [narrative, setNarrative] = useState('');
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = (f: ReportForm) => {
    setForm(f);
    setNarrative(f.narrative);
    const v: Record<string, string> = {};
    for (const task of f.tasks)
      for (const m of task.measures) v[m.code] = m.value === null ? '' : String(m.value);
    setValues(v);
  };

  useEffect(() => {
    setForm(null);
    setProblem(null);
    setDone(null);
    api<ReportForm>('GET', `/campaigns/plans/${planId}/report-form`, { query: { year, quarter, agencyId } })
      .then(show)
      .catch((e) => setProblem(problemText(e)));
  }, [planId, year, quarter, agencyId]);

  if (!form) return problem ? <ProblemAlert problem={problem} /> : <p role="status">{t('common.loading')}</p>;
  const editable = form.availableActions.includes('save');

  const run = async (what: () => Promise<ReportForm>, message: string) => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      show(await what());
      setDone(message);
    } catch (e) {
      setProblem(problemText(e));
    } finally {
      setBusy(false);
    }
  };
  const figures = () =>
    Object.fromEntries(
      Object.entries(values)
        .filter(([, v]) => v.trim() !== '')
        .map(([k, v]) => [k, Number(v.replace(',', '.'))]),
    );
  const saveDraft = () =>
    api<ReportForm>('PUT', `/campaigns/plans/${planId}/report-form`, {
      body: { year, quarter, agencyId: form.agencyId, version: form.version, narrative, figures: figures() },
    });

  return (
    <section className="card" aria-labelledby="campaign-report-title">
      <h2 id="campaign-report-title">
        {form.agencyName} — {form.quarterLabel}
      </h2>
      <p>
        <strong>{t('campaigns.status')}:</strong> <span data-testid="report-status">{form.statusLabel}</span>
        {form.late ? ` · ${t('campaigns.late')}` : ''} · {t('campaigns.dueOn', { date: viDate(form.dueOn) })}
      </p>
      {form.reviewComment ? (
        <Alert tone="info" title={t('campaigns.departmentComment')}>
          <p>{form.reviewComment}</p>
        </Alert>
      ) : null}
      <ProblemAlert problem={problem} />
      {done ? <Alert tone="success">{done}</Alert> : null}
      {!editable && form.availableActions.length === 0 ? <p>{t('campaigns.readOnly')}</p> : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(saveDraft, t('campaigns.saved'));
        }}
      >
        {form.tasks.map((task) => (
          <fieldset key={task.id} className="campaign-task">
            <legend>{task.title}</legend>
            <p className="field-hint">{task.description}</p>
            {task.materials.length ? (
              <p className="field-hint">
                {t('campaigns.materials')}:{' '}
                {task.materials.map((m, i) => (
                  <span key={m.title}>
                    {i ? '; ' : ''}
                    <a href={m.url} rel="noopener noreferrer" target="_blank">
                      {m.title}
                    </a>
                  </span>
                ))}
              </p>
            ) : null}
            <div className="campaign-measures">
              {task.measures.map((m) => (
                <TextField
                  key={m.code}
                  label={`${m.name} (${m.unit})`}
                  hint={m.minimum !== null ? t('campaigns.minimum', { value: m.minimum }) : undefined}
                  name={m.code}
                  inputMode="decimal"
                  type="number"
                  min={0}
                  step="any"
                  value={values[m.code] ?? ''}
                  readOnly={!editable}
                  onChange={(e) => setValues({ ...values, [m.code]: e.target.value })}
                />
              ))}
            </div>
          </fieldset>
        ))}
        <TextArea
          label={t('campaigns.narrative')}
          value={narrative}
          readOnly={!editable}
          rows={5}
          onChange={(e) => setNarrative(e.target.value)}
        />
        {editable ? (
          <div className="button-row">
            <Button type="submit" variant="secondary" busy={busy}>
              {t('campaigns.saveDraft')}
            </Button>
            <Button
              busy={busy}
              onClick={() =>
                void run(async () => {
                  const saved = await saveDraft();
                  return api<ReportForm>('POST', `/campaigns/reports/${saved.id}/submit`, {
                    body: { version: saved.version },
                  });
                }, t('campaigns.submitted'))
              }
            >
              {t('campaigns.submit')}
            </Button>
          </div>
        ) : null}
      </form>
      {form.availableActions.includes('accept') ? (
        <div className="campaign-review">
          <TextArea
            label={t('campaigns.reviewComment')}
            value={comment}
            rows={3}
            onChange={(e) => setComment(e.target.value)}
          />
          <div className="button-row">
            <Button
              busy={busy}
              onClick={() =>
                void run(
                  () =>
                    api<ReportForm>('POST', `/campaigns/reports/${form.id}/review`, {
                      body: { version: form.version, decision: 'accept', ...(comment ? { comment } : {}) },
                    }),
                  t('campaigns.reviewed'),
                )
              }
            >
              {t('campaigns.accept')}
            </Button>
            <Button
              variant="danger"
              busy={busy}
              onClick={() =>
                void run(
                  () =>
                    api<ReportForm>('POST', `/campaigns/reports/${form.id}/review`, {
                      body: { version: form.version, decision: 'request_correction', comment },
                    }),
                  t('campaigns.reviewed'),
                )
              }
            >
              {t('campaigns.requestCorrection')}
            </Button>
          </div>
        </div>
      ) : null}
      {form.files.length ? (
        <>
          <h3>{t('campaigns.files')}</h3>
          <ul>
            {form.files.map((f) => (
              <li key={f.id}>
                <a href={`/api/v1/campaigns/files/${f.id}`} target="_blank" rel="noopener">
                  {f.fileName}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {form.id ? (
        <p>
          <a href={`/api/v1/campaigns/reports/${form.id}/document.html`} target="_blank" rel="noopener">
            {t('campaigns.printReport')}
          </a>{' '}
          · <a href={`/api/v1/campaigns/reports/${form.id}/document.pdf`}>{t('campaigns.printReportPdf')}</a>{' '}
          ·{' '}
          <a href={`/api/v1/campaigns/reports/${form.id}/document.docx`}>{t('campaigns.printReportDocx')}</a>
        </p>
      ) : null}
      {form.events.length ? (
        <>
          <h3>{t('campaigns.history')}</h3>
          <ol className="campaign-history">
            {form.events.map((e, i) => (
              <li key={i}>
                {new Date(e.at).toLocaleString('vi-VN')} — {e.actorLabel}:{' '}
                {t(`campaigns.event.${e.action}` as MessageKey)}
                {e.comment ? ` — “${e.comment}”` : ''}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
