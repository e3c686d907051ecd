import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ReportView } from '../../../contracts/feedback.js';
import {
  REJECT_REASONS,
  transitionFor,
  type RejectReason,
  type ReportAction,
} from '../../../contracts/report-lifecycle.js';
import { api, ApiError } from '../../shared/api.js';
import { getLang, t } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { Button } from '../../shared/ui/button.js';
import { FilterableSelect } from '../../shared/ui/filterable-select.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { SelectField } from '../../shared/ui/select-field.js';
import { TextField } from '../../shared/ui/text-field.js';
import { rejectReasonLabel } from './labels.js';
import { categoryName, type ReferenceData } from './reference-data.js';
import { TextArea } from '../../shared/ui/text-area.js';

interface Template {
  id: string;
  title: string;
  body: string;
  categoryCode: string | null;
  purpose: string;
}

export interface Duplicate {
  id: string;
  trackingCode: string;
  title: string;
  status: ReportView['status'];
  receivedAt: string;
  distanceM: number | null;
  similarity: number;
  score: number;
}

/** A file uploaded for the answer, sent with it (POST /uploads answers id, token and the stored name). */
interface AnswerFile {
  id: string;
  uploadToken: string;
  fileName: string;
}

/** Most files one answer carries (the server's limit per report and purpose). */
const MAX_ANSWER_FILES = 10;

const NOTE_REQUIRED: readonly ReportAction[] = [
  'return_to_ioc',
  'send_back_answer',
  'reopen',
  'request_extension',
];

export function actionLabel(action: ReportAction): string {
  return transitionFor(action).label[getLang()];
}

interface Props {
  action: ReportAction;
  report: ReportView;
  reference: ReferenceData | null;
  duplicates: Duplicate[];
  initialMergeInto?: string;
  /** Called after the server accepted the step (or refused it as stale: the page reloads either way). */
  onDone: (
    outcome: { ok: true; label: string } | { ok: false; problem: { title: string; detail?: string } },
  ) => void;
  onCancel: () => void;
}

/** The small form behind one lifecycle button: only the fields that action needs. */
export function ActionForm({
  action,
  report,
  reference,
  duplicates,
  initialMergeInto,
  onDone,
  onCancel,
}: Props) {
  const label = actionLabel(action);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState<RejectReason | ''>('');
  const [agencyId, setAgencyId] = useState(
    action === 'assign' || action === 'reassign' ? (report.suggestedAgencyId ?? '') : '',
  );
  const [answer, setAnswer] = useState(report.answer ?? '');
  const [extensionDays, setExtensionDays] = useState('5');
  const [mergeInto, setMergeInto] = useState(initialMergeInto ?? '');
  const [categoryCode, setCategoryCode] = useState(report.categoryCode);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<AnswerFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const first = useRef<HTMLDivElement>(null);

  /** Uploads the chosen files one by one; each becomes part of the answer when it is sent. */
  async function addFiles(input: HTMLInputElement) {
    const chosen = Array.from(input.files ?? []).slice(0, MAX_ANSWER_FILES - files.length);
    input.value = '';
    if (!chosen.length) return;
    setUploading(true);
    setProblem(null);
    for (const file of chosen) {
      try {
        const form = new FormData();
        form.append('file', file);
        const up = await api<AnswerFile>('POST', '/uploads', { form });
        setFiles((list) => [...list, { id: up.id, uploadToken: up.uploadToken, fileName: up.fileName }]);
      } catch (error) {
        const p = problemText(error);
        setProblem({ title: `${file.name}: ${p.title}`, ...(p.detail ? { detail: p.detail } : {}) });
      }
    }
    setUploading(false);
  }

  useEffect(() => {
    first.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  }, [action]);

  useEffect(() => {
    if (action !== 'submit_answer') return;
    api<{ items: Template[] }>('GET', '/response-templates', { query: { category: report.categoryCode } })
      .then((res) => setTemplates(res.items.filter((x) => x.purpose === 'answer' || !x.purpose)))
      .catch(() => setTemplates([]));
  }, [action, report.categoryCode]);

  const agencies = reference?.agencies.filter((a) => a.active) ?? [];
  const subUnits = agencies.filter((a) => report.agencyId && a.parentId === report.agencyId);

  function validate(): Record<string, string> {
    const e: Record<string, string> = {};
    if (action === 'reject' && !reason) e.reason = t('action.reasonRequired');
    if ((action === 'assign' || action === 'reassign' || action === 'pass_down') && !agencyId)
      e.agencyId = t('action.agencyRequired');
    if (NOTE_REQUIRED.includes(action) && !note.trim()) e.note = t('action.noteRequired');
    if (action === 'submit_answer' && answer.trim().length < 10) e.answer = t('action.answerTooShort');
    if (action === 'request_extension') {
      const days = Number(extensionDays);
      if (!Number.isInteger(days) || days < 1 || days > 30) e.extensionDays = t('action.daysRange');
    }
    if (action === 'merge' && !mergeInto.trim()) e.mergeInto = t('action.mergeRequired');
    return e;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const e = validate();
    setErrors(e);
    if (Object.keys(e).length) return;
    const body: Record<string, unknown> = { action, version: report.version };
    if (note.trim()) body.note = note.trim();
    if (action === 'reject') body.reason = reason;
    if (action === 'assign' || action === 'reassign' || action === 'pass_down') body.agencyId = agencyId;
    if (action === 'submit_answer') body.answer = answer.trim();
    if (action === 'submit_answer' && files.length) {
      body.attachmentIds = files.map((f) => f.id);
      body.uploadTokens = files.map((f) => f.uploadToken);
    }
    if (action === 'request_extension') body.extensionDays = Number(extensionDays);
    if (action === 'merge') body.mergeInto = mergeInto.trim();
    if (action === 'accept' && categoryCode && categoryCode !== report.categoryCode)
      body.categoryCode = categoryCode;
    setBusy(true);
    try {
      await api<ReportView>('POST', `/reports/${report.id}/transitions`, { body });
      onDone({ ok: true, label });
    } catch (error) {
      // Someone changed the report meanwhile: the page shows the message and the fresh report.
      if (error instanceof ApiError && error.code === 'conflict')
        onDone({ ok: false, problem: problemText(error) });
      else setProblem(problemText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card action-form" onSubmit={submit} aria-label={label} noValidate>
      <h3>{label}</h3>
      <ProblemAlert problem={problem} />
      <div ref={first}>
        {action === 'accept' ? (
          <SelectField
            label={t('action.category')}
            hint={t('action.categoryHint')}
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
        ) : null}
        {action === 'reject' ? (
          <SelectField
            label={t('action.reason')}
            value={reason}
            required
            error={errors.reason}
            onChange={(e) => setReason(e.target.value as RejectReason)}
          >
            <option value="">{t('agency.choose')}</option>
            {REJECT_REASONS.map((r) => (
              <option key={r} value={r}>
                {rejectReasonLabel(r)}
              </option>
            ))}
          </SelectField>
        ) : null}
        {action === 'assign' || action === 'reassign' ? (
          <FilterableSelect
            label={t('action.agency')}
            filterLabel={t('action.agencyFilter')}
            emptyLabel={t('agency.choose')}
            noMatchLabel={t('agency.noMatch')}
            options={agencies.map((a) => ({
              value: a.id,
              label: a.id === report.suggestedAgencyId ? `${a.name} (${t('action.suggested')})` : a.name,
            }))}
            value={agencyId}
            onChange={setAgencyId}
            required
            error={errors.agencyId}
          />
        ) : null}
        {action === 'pass_down' ? (
          <SelectField
            label={t('action.subUnit')}
            value={agencyId}
            required
            error={errors.agencyId}
            onChange={(e) => setAgencyId(e.target.value)}
          >
            <option value="">{subUnits.length ? t('agency.choose') : t('action.noSubUnits')}</option>
            {subUnits.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        {action === 'request_extension' ? (
          <TextField
            label={t('action.extensionDays')}
            hint={t('action.daysRange')}
            type="number"
            min={1}
            max={30}
            value={extensionDays}
            error={errors.extensionDays}
            onChange={(e) => setExtensionDays(e.target.value)}
          />
        ) : null}
        {action === 'submit_answer' ? (
          <>
            {templates.length ? (
              <SelectField
                label={t('action.template')}
                value=""
                onChange={(e) => {
                  const tpl = templates.find((x) => x.id === e.target.value);
                  if (tpl) setAnswer(tpl.body);
                }}
              >
                <option value="">{t('action.templateChoose')}</option>
                {templates.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.title}
                  </option>
                ))}
              </SelectField>
            ) : null}
            <TextArea
              label={t('action.answer')}
              hint={t('action.answerHint')}
              rows={8}
              value={answer}
              error={errors.answer}
              onChange={(e) => setAnswer(e.target.value)}
            />
            <TextField
              label={t('action.answerFiles')}
              hint={t('action.answerFilesHint', { n: MAX_ANSWER_FILES })}
              type="file"
              multiple
              disabled={uploading || files.length >= MAX_ANSWER_FILES}
              onChange={(e) => void addFiles(e.currentTarget)}
            />
            {uploading ? <p role="status">{t('action.uploading')}</p> : null}
            {files.length ? (
              <ul aria-label={t('action.answerFilesList')}>
                {files.map((f) => (
                  <li key={f.id}>
                    {f.fileName}{' '}
                    <Button
                      variant="link"
                      onClick={() => setFiles((list) => list.filter((x) => x.id !== f.id))}
                    >
                      {t('action.removeFile', { name: f.fileName })}
                    </Button>
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
        {action === 'merge' ? (
          <SelectField
            label={t('action.mergeInto')}
            value={mergeInto}
            required
            error={errors.mergeInto}
            onChange={(e) => setMergeInto(e.target.value)}
          >
            <option value="">{duplicates.length ? t('agency.choose') : t('action.noDuplicates')}</option>
            {duplicates.map((d) => (
              <option key={d.id} value={d.trackingCode}>
                {d.trackingCode} — {d.title}
              </option>
            ))}
          </SelectField>
        ) : null}
        {action === 'merge' ? (
          <TextField
            label={t('action.mergeCode')}
            hint={t('action.mergeCodeHint')}
            value={mergeInto}
            onChange={(e) => setMergeInto(e.target.value)}
          />
        ) : null}
        <TextArea
          label={NOTE_REQUIRED.includes(action) ? t('action.noteRequiredLabel') : t('action.note')}
          value={note}
          rows={3}
          error={errors.note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="actions">
        <Button type="submit" busy={busy} disabled={uploading}>
          {t('action.confirm')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
