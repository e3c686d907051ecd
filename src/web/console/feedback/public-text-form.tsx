import { useState, type FormEvent } from 'react';
import type { ReportView } from '../../../contracts/feedback.js';
import { api } from '../../shared/api.js';
import { t } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { Button } from '../../shared/ui/button.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { TextArea } from '../../shared/ui/text-area.js';
import { TextField } from '../../shared/ui/text-field.js';
import { useReason } from './attachment-moderation.js';

/**
 * The IOC's view and edit of what the public sees of a report's title and text: shows whether the public
 * page carries the text as sent or an edited one, and edits it (with a reason) or restores the original.
 */
export function PublicTextSection({
  report,
  onDone,
}: {
  report: ReportView;
  onDone: (notice: string) => void;
}) {
  const edited = report.publicTitle !== null || report.publicBody !== null;
  const [open, setOpen] = useState(false);
  return (
    <section className="card" aria-labelledby="public-text-title">
      <h3 id="public-text-title">{t('mod.publicText')}</h3>
      <p>{edited ? t('mod.publicTextEdited') : t('mod.publicTextOriginal')}</p>
      {edited ? (
        <blockquote data-testid="public-text">
          <p>
            <strong>{report.publicTitle ?? report.title}</strong>
          </p>
          <p className="report-body">{report.publicBody ?? report.body}</p>
        </blockquote>
      ) : null}
      <Button variant="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('mod.editPublicText')}
      </Button>
      {open ? (
        <PublicTextForm
          report={report}
          edited={edited}
          onCancel={() => setOpen(false)}
          onDone={(notice) => {
            setOpen(false);
            onDone(notice);
          }}
        />
      ) : null}
    </section>
  );
}

function PublicTextForm({
  report,
  edited,
  onCancel,
  onDone,
}: {
  report: ReportView;
  edited: boolean;
  onCancel: () => void;
  onDone: (notice: string) => void;
}) {
  const [title, setTitle] = useState(report.publicTitle ?? report.title);
  const [body, setBody] = useState(report.publicBody ?? report.body);
  const [errors, setErrors] = useState<{ title?: string; body?: string }>({});
  const reason = useReason();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);

  async function save(restore: boolean, e?: FormEvent) {
    e?.preventDefault();
    const next = restore
      ? {}
      : {
          ...(title.trim().length < 5 || title.trim().length > 200 ? { title: t('mod.titleLength') } : {}),
          ...(body.trim().length < 10 || body.trim().length > 5000 ? { body: t('mod.bodyLength') } : {}),
        };
    setErrors(next);
    const reasonOk = reason.check();
    if (Object.keys(next).length || !reasonOk) return;
    setBusy(true);
    try {
      await api('PUT', `/reports/${report.id}/public-text`, {
        body: {
          version: report.version,
          title: restore ? null : title.trim(),
          body: restore ? null : body.trim(),
          reason: reason.reason,
        },
      });
      onDone(restore ? t('mod.publicTextRestored') : t('mod.publicTextSaved'));
    } catch (error) {
      setProblem(problemText(error));
      setBusy(false);
    }
  }

  return (
    <form
      className="card"
      aria-label={t('mod.editPublicText')}
      onSubmit={(e) => void save(false, e)}
      noValidate
    >
      <p className="field-hint">{t('mod.publicTextHelp')}</p>
      <ProblemAlert problem={problem} />
      <TextField
        label={t('mod.publicTitle')}
        value={title}
        maxLength={200}
        error={errors.title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextArea
        label={t('mod.publicBody')}
        rows={6}
        value={body}
        maxLength={5000}
        error={errors.body}
        onChange={(e) => setBody(e.target.value)}
      />
      {reason.field}
      <div className="actions">
        <Button type="submit" busy={busy}>
          {t('mod.savePublicText')}
        </Button>
        {edited ? (
          <Button variant="secondary" busy={busy} onClick={() => void save(true)}>
            {t('mod.restoreOriginal')}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
