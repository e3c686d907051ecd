import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  ALERT_STATE_LABELS,
  ALERT_STATES,
  CAP_CATEGORIES,
  CAP_CERTAINTIES,
  CAP_RESPONSE_TYPES,
  CAP_SEVERITIES,
  CAP_URGENCIES,
  type AlertAction,
  type AlertPreview,
  type AlertTemplateView,
  type AlertTexts,
  type AlertView,
} from '../../../contracts/alerts.js';
import { api } from '../../shared/api.js';
import { getLang, t } from '../../shared/i18n.js';
import { fieldErrors, problemText } from '../../shared/problem-text.js';
import { navigate } from '../../shared/router.js';
import { Alert } from '../../shared/ui/alert.js';
import { Button } from '../../shared/ui/button.js';
import { GeoMap } from '../../shared/ui/geo-map.js';
import { Link } from '../../shared/ui/link.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { SelectField } from '../../shared/ui/select-field.js';
import { TextArea } from '../../shared/ui/text-area.js';
import { TextField } from '../../shared/ui/text-field.js';
import { alertMarks, formatTime, SEVERITY_COLOURS, severityLabel } from '../../app/alerts/severity.js';
import { draftPrefill } from './from-hotspot.js';

export const ALERTS_BASE = '/console/canh-bao';

type Problem = { title: string; detail?: string } | null;

function Marks({ a }: { a: Pick<AlertView, 'status' | 'msgType'> }) {
  return (
    <>
      {alertMarks(getLang(), a).map((m) => (
        <strong key={m} className="badge" style={{ border: '2px dashed currentColor', marginRight: 4 }}>
          {m}
        </strong>
      ))}
    </>
  );
}

function SeverityBadge({ severity }: { severity: AlertView['severity'] }) {
  return (
    <span className="badge" style={{ background: SEVERITY_COLOURS[severity], color: '#fff' }}>
      {severityLabel(getLang(), severity)}
    </span>
  );
}

/** The list of alerts (all states), newest change first. */
export function AlertsListPage() {
  const [state, setState] = useState('');
  const [items, setItems] = useState<AlertView[] | null>(null);
  const [problem, setProblem] = useState<Problem>(null);
  useEffect(() => {
    api<{ items: AlertView[] }>('GET', '/alerts', { query: { state, limit: 100 } })
      .then((r) => setItems(r.items))
      .catch((e: unknown) => setProblem(problemText(e)));
  }, [state]);
  return (
    <section>
      <PageHeading>{t('alerts.title')}</PageHeading>
      <p>
        <Link href={`${ALERTS_BASE}/moi`} className="btn btn-primary">
          {t('alerts.new')}
        </Link>
      </p>
      <SelectField label={t('alerts.filterState')} value={state} onChange={(e) => setState(e.target.value)}>
        <option value="">{t('common.all')}</option>
        {ALERT_STATES.map((s) => (
          <option key={s} value={s}>
            {ALERT_STATE_LABELS[s][getLang()]}
          </option>
        ))}
      </SelectField>
      <ProblemAlert problem={problem} />
      {items && items.length === 0 ? <p>{t('alerts.empty')}</p> : null}
      {items && items.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('alerts.col.headline')}</th>
                <th scope="col">{t('alerts.col.state')}</th>
                <th scope="col">{t('alerts.col.severity')}</th>
                <th scope="col">{t('alerts.col.area')}</th>
                <th scope="col">{t('alerts.col.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Marks a={a} />
                    <Link href={`${ALERTS_BASE}/${a.id}`}>{a.vi.headline}</Link>
                  </td>
                  <td>{ALERT_STATE_LABELS[a.state][getLang()]}</td>
                  <td>
                    <SeverityBadge severity={a.severity} />
                  </td>
                  <td>{a.area.areaDesc}</td>
                  <td className="nowrap">{formatTime(getLang(), a.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

interface UnitItem {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

interface FormState {
  templateCode: string;
  status: 'Actual' | 'Exercise' | 'Test';
  category: AlertView['category'];
  responseType: AlertView['responseType'];
  urgency: AlertView['urgency'];
  severity: AlertView['severity'];
  certainty: AlertView['certainty'];
  expires: string;
  vi: AlertTexts;
  en: AlertTexts;
  unitCodes: string[];
  /** Kept as loaded (drawn through the API); the form does not edit polygons. */
  polygon: [number, number][] | null;
  circleLat: string;
  circleLon: string;
  circleKm: string;
}

function localInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const EMPTY_TEXTS: AlertTexts = { event: '', headline: '', description: '', instruction: '' };

function fromTemplate(tpl: AlertTemplateView, keep: Partial<FormState> = {}): FormState {
  return {
    templateCode: tpl.code,
    status: keep.status ?? 'Actual',
    category: tpl.category,
    responseType: tpl.responseType,
    urgency: tpl.urgency,
    severity: tpl.severity,
    certainty: tpl.certainty,
    expires: localInput(new Date(Date.now() + tpl.hours * 3600_000).toISOString()),
    vi: { ...tpl.vi },
    en: { ...tpl.en },
    unitCodes: keep.unitCodes ?? [],
    polygon: null,
    circleLat: '',
    circleLon: '',
    circleKm: '',
  };
}

function fromAlert(a: AlertView): FormState {
  return {
    templateCode: a.templateCode ?? '',
    status: a.status === 'Exercise' || a.status === 'Test' ? a.status : 'Actual',
    category: a.category,
    responseType: a.responseType,
    urgency: a.urgency,
    severity: a.severity,
    certainty: a.certainty,
    expires: localInput(a.expires),
    vi: a.vi,
    en: a.en ?? EMPTY_TEXTS,
    unitCodes: a.area.unitCodes,
    polygon: a.area.polygon,
    circleLat: a.area.circle ? String(a.area.circle.lat) : '',
    circleLon: a.area.circle ? String(a.area.circle.lon) : '',
    circleKm: a.area.circle ? String(a.area.circle.radiusKm) : '',
  };
}

/** The circle from the form's three fields: all empty → none; otherwise numbers (the API checks ranges). */
function circleOf(f: FormState): { lat: number; lon: number; radiusKm: number } | null {
  if (!f.circleLat.trim() && !f.circleLon.trim() && !f.circleKm.trim()) return null;
  const num = (v: string) => Number(v.trim().replace(',', '.'));
  return { lat: num(f.circleLat), lon: num(f.circleLon), radiusKm: num(f.circleKm) };
}

function TextsFields({
  prefix,
  value,
  onChange,
  errors,
  required,
}: {
  prefix: 'vi' | 'en';
  value: AlertTexts;
  onChange: (v: AlertTexts) => void;
  errors: Record<string, string>;
  required: boolean;
}) {
  const set = (k: keyof AlertTexts) => (e: { target: { value: string } }) =>
    onChange({ ...value, [k]: e.target.value });
  return (
    <>
      <TextField
        label={t('alerts.form.event')}
        value={value.event}
        onChange={set('event')}
        required={required}
        error={errors[`${prefix}.event`]}
        lang={prefix}
      />
      <TextField
        label={t('alerts.form.headline')}
        value={value.headline}
        onChange={set('headline')}
        required={required}
        maxLength={160}
        error={errors[`${prefix}.headline`]}
        lang={prefix}
      />
      <TextArea
        label={t('alerts.form.description')}
        value={value.description}
        onChange={set('description')}
        required={required}
        error={errors[`${prefix}.description`]}
        lang={prefix}
      />
      <TextArea
        label={t('alerts.form.instruction')}
        value={value.instruction}
        onChange={set('instruction')}
        error={errors[`${prefix}.instruction`]}
        lang={prefix}
      />
    </>
  );
}

/** Choosing the area: the whole province, districts, or communes inside a district. */
function UnitPicker({
  units,
  value,
  onChange,
}: {
  units: UnitItem[];
  value: string[];
  onChange: (v: string[]) => void;
}) {
  const chosen = new Set(value);
  const toggle = (code: string) => {
    const next = new Set(chosen);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    onChange([...next]);
  };
  const province = units.find((u) => u.level === 1);
  const districts = units.filter((u) => u.level === 2);
  return (
    <fieldset className="checks">
      <legend>{t('alerts.form.units')}</legend>
      <p className="hint">{t('alerts.form.unitsHint')}</p>
      {province ? (
        <label className="check">
          <input type="checkbox" checked={chosen.has(province.code)} onChange={() => toggle(province.code)} />{' '}
          {t('alerts.form.wholeProvince')}
        </label>
      ) : null}
      {districts.map((d) => {
        const communes = units.filter((u) => u.parentCode === d.code);
        return (
          <div key={d.code}>
            <label className="check">
              <input type="checkbox" checked={chosen.has(d.code)} onChange={() => toggle(d.code)} /> {d.name}
            </label>
            {communes.length ? (
              <details open={communes.some((c) => chosen.has(c.code))}>
                <summary>
                  {t('alerts.form.communes')} — {d.name}
                </summary>
                {communes.map((c) => (
                  <label key={c.code} className="check" style={{ marginLeft: '1.5rem', display: 'block' }}>
                    <input type="checkbox" checked={chosen.has(c.code)} onChange={() => toggle(c.code)} />{' '}
                    {c.name}
                  </label>
                ))}
              </details>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}

/** Drafting (from a template) and editing a draft. */
export function AlertFormPage({ id }: { id?: string }) {
  const [templates, setTemplates] = useState<AlertTemplateView[]>([]);
  const [units, setUnits] = useState<UnitItem[]>([]);
  const [form, setForm] = useState<FormState | null>(null);
  const [withEnglish, setWithEnglish] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void Promise.all([
      api<{ items: AlertTemplateView[] }>('GET', '/alerts/templates'),
      api<{ items: UnitItem[] }>('GET', '/units'),
      id ? api<AlertView>('GET', `/alerts/${id}`) : Promise.resolve(null),
    ])
      .then(([tpl, u, existing]) => {
        setTemplates(tpl.items);
        setUnits(u.items);
        if (existing) {
          setForm(fromAlert(existing));
          setWithEnglish(!!existing.en);
        } else {
          // From a hotspot: the template of its category and its unit (see from-hotspot.ts).
          const pre = draftPrefill(
            window.location.search,
            tpl.items.map((x) => x.code),
            u.items.map((x) => x.code),
          );
          const start = tpl.items.find((x) => x.code === pre.templateCode) ?? tpl.items[0]!;
          setForm(fromTemplate(start, { unitCodes: pre.unitCodes }));
        }
      })
      .catch((e: unknown) => setProblem(problemText(e)));
  }, [id]);

  if (!form)
    return (
      <section>
        <PageHeading>{t(id ? 'alerts.form.editTitle' : 'alerts.form.title')}</PageHeading>
        <ProblemAlert problem={problem} />
        {!problem ? <p role="status">{t('common.loading')}</p> : null}
      </section>
    );

  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setForm({ ...form, [k]: v });

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    setBusy(true);
    setProblem(null);
    setErrors({});
    const body = {
      templateCode: form.templateCode || null,
      status: form.status,
      category: form.category,
      responseType: form.responseType,
      urgency: form.urgency,
      severity: form.severity,
      certainty: form.certainty,
      expires: new Date(form.expires).toISOString(),
      vi: form.vi,
      en: withEnglish ? form.en : null,
      area: { unitCodes: form.unitCodes, polygon: form.polygon, circle: circleOf(form) },
    };
    try {
      const saved = await api<AlertView>(id ? 'PUT' : 'POST', id ? `/alerts/${id}` : '/alerts', { body });
      navigate(`${ALERTS_BASE}/${saved.id}`);
    } catch (err) {
      setProblem(problemText(err));
      setErrors(fieldErrors(err));
    } finally {
      setBusy(false);
    }
  }

  const lang = getLang();
  return (
    <section>
      <PageHeading>{t(id ? 'alerts.form.editTitle' : 'alerts.form.title')}</PageHeading>
      <ProblemAlert problem={problem} />
      <form className="card" onSubmit={save} noValidate>
        {!id ? (
          <SelectField
            label={t('alerts.form.template')}
            value={form.templateCode}
            onChange={(e) => {
              const tpl = templates.find((x) => x.code === e.target.value);
              setForm(tpl ? fromTemplate(tpl, form) : { ...form, templateCode: '' });
            }}
          >
            <option value="">{t('alerts.form.templateNone')}</option>
            {templates.map((tpl) => (
              <option key={tpl.code} value={tpl.code}>
                {tpl.name[lang]}
              </option>
            ))}
          </SelectField>
        ) : null}
        <SelectField
          label={t('alerts.form.status')}
          value={form.status}
          onChange={(e) => set('status', e.target.value as FormState['status'])}
        >
          {(['Actual', 'Exercise', 'Test'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`alerts.form.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <div className="filters">
          <SelectField
            label={t('alerts.form.severity')}
            value={form.severity}
            onChange={(e) => set('severity', e.target.value as FormState['severity'])}
          >
            {CAP_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {severityLabel(lang, s)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('alerts.form.urgency')}
            value={form.urgency}
            onChange={(e) => set('urgency', e.target.value as FormState['urgency'])}
          >
            {CAP_URGENCIES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </SelectField>
          <SelectField
            label={t('alerts.form.certainty')}
            value={form.certainty}
            onChange={(e) => set('certainty', e.target.value as FormState['certainty'])}
          >
            {CAP_CERTAINTIES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </SelectField>
          <SelectField
            label={t('alerts.form.category')}
            value={form.category}
            onChange={(e) => set('category', e.target.value as FormState['category'])}
          >
            {CAP_CATEGORIES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </SelectField>
          <SelectField
            label={t('alerts.form.responseType')}
            value={form.responseType}
            onChange={(e) => set('responseType', e.target.value as FormState['responseType'])}
          >
            {CAP_RESPONSE_TYPES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </SelectField>
          <TextField
            label={t('alerts.form.expires')}
            type="datetime-local"
            value={form.expires}
            onChange={(e) => set('expires', e.target.value)}
            required
            error={errors.expires}
          />
        </div>
        <TextsFields prefix="vi" value={form.vi} onChange={(v) => set('vi', v)} errors={errors} required />
        <label className="check">
          <input type="checkbox" checked={withEnglish} onChange={(e) => setWithEnglish(e.target.checked)} />{' '}
          {t('alerts.form.english')}
        </label>
        {withEnglish ? (
          <TextsFields prefix="en" value={form.en} onChange={(v) => set('en', v)} errors={errors} required />
        ) : null}
        <UnitPicker units={units} value={form.unitCodes} onChange={(v) => set('unitCodes', v)} />
        {errors['area.unitCodes'] ? <p className="field-error">{errors['area.unitCodes']}</p> : null}
        <fieldset>
          <legend>{t('alerts.form.circle')}</legend>
          <p className="hint">{t('alerts.form.circleHint')}</p>
          <TextField
            label={t('alerts.form.circleLat')}
            inputMode="decimal"
            value={form.circleLat}
            onChange={(e) => set('circleLat', e.target.value)}
            error={errors['area.circle.lat'] ?? errors['area.circle']}
          />
          <TextField
            label={t('alerts.form.circleLon')}
            inputMode="decimal"
            value={form.circleLon}
            onChange={(e) => set('circleLon', e.target.value)}
            error={errors['area.circle.lon']}
          />
          <TextField
            label={t('alerts.form.circleKm')}
            inputMode="decimal"
            value={form.circleKm}
            onChange={(e) => set('circleKm', e.target.value)}
            error={errors['area.circle.radiusKm']}
          />
          {form.polygon ? <p>{t('alerts.form.polygonKept', { n: form.polygon.length - 1 })}</p> : null}
        </fieldset>
        <div className="actions">
          <Button type="submit" busy={busy}>
            {t('alerts.form.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}

const ACTION_PATH: Record<Exclude<AlertAction, 'edit' | 'update' | 'cancel' | 'reject'>, string> = {
  submit: 'submit',
  approve: 'approve',
  publish: 'publish',
};

/** One alert: content, preview (reach, map, phone), the allowed workflow steps, delivery counts. */
export function AlertDetailPage({ id }: { id: string }) {
  const [alert, setAlert] = useState<AlertView | null>(null);
  const [preview, setPreview] = useState<AlertPreview | null>(null);
  const [problem, setProblem] = useState<Problem>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [needsMfa, setNeedsMfa] = useState(false);

  const load = useCallback(() => {
    void Promise.all([
      api<AlertView>('GET', `/alerts/${id}`),
      api<AlertPreview>('GET', `/alerts/${id}/preview`),
    ])
      .then(([a, p]) => {
        setAlert(a);
        setPreview(p);
      })
      .catch((e: unknown) => setProblem(problemText(e)));
  }, [id]);
  useEffect(load, [load]);

  async function run(action: AlertAction) {
    if (!alert) return;
    if (action === 'edit') return navigate(`${ALERTS_BASE}/${id}/sua`);
    if (action === 'reject' && !rejecting) return setRejecting(true);
    if (
      action === 'publish' &&
      !window.confirm(
        t('alerts.action.confirmPublish', {
          headline: alert.vi.headline,
          n: preview?.reach.subscriptions ?? 0,
        }),
      )
    )
      return;
    setBusy(true);
    setProblem(null);
    setNotice(null);
    try {
      if (action === 'update' || action === 'cancel') {
        const next = await api<AlertView>('POST', `/alerts/${id}/follow-up`, {
          body: { kind: action === 'update' ? 'Update' : 'Cancel' },
        });
        navigate(`${ALERTS_BASE}/${next.id}`);
        return;
      }
      if (action === 'reject') await api('POST', `/alerts/${id}/reject`, { body: { reason } });
      else await api('POST', `/alerts/${id}/${ACTION_PATH[action]}`);
      setRejecting(false);
      setNotice(t('alerts.action.done', { action: t(`alerts.action.${action}`) }));
      load();
    } catch (err) {
      const p = problemText(err);
      setProblem(p);
      const code = (err as { code?: string }).code;
      setNeedsMfa(code === 'mfa_required' || code === 'mfa_enrollment_required');
    } finally {
      setBusy(false);
    }
  }

  if (!alert)
    return (
      <section>
        <ProblemAlert problem={problem} />
        {!problem ? <p role="status">{t('common.loading')}</p> : null}
      </section>
    );
  const lang = getLang();
  const d = alert.deliveries;
  return (
    <section>
      <p>
        <Link href={ALERTS_BASE}>← {t('alerts.title')}</Link>
      </p>
      <PageHeading>
        <Marks a={alert} />
        {alert.vi.headline}
      </PageHeading>
      <p>
        <SeverityBadge severity={alert.severity} /> <strong>{ALERT_STATE_LABELS[alert.state][lang]}</strong> ·{' '}
        {alert.area.areaDesc}
      </p>
      {notice ? <Alert tone="success" title={notice} /> : null}
      <ProblemAlert problem={problem} />
      {needsMfa ? (
        <Alert tone="info" title={t('alerts.mfaHint')}>
          <Link href="/console/security">{t('alerts.mfaLink')}</Link>
        </Alert>
      ) : null}
      {alert.rejectReason && alert.state === 'rejected' ? (
        <Alert tone="info" title={t('alerts.detail.rejected')}>
          <p>{alert.rejectReason}</p>
        </Alert>
      ) : null}

      <div className="actions" aria-label={t('common.actions')}>
        {alert.availableActions.map((action) => (
          <Button
            key={action}
            variant={
              action === 'reject' || action === 'cancel'
                ? 'danger'
                : action === 'edit'
                  ? 'secondary'
                  : 'primary'
            }
            busy={busy}
            onClick={() => void run(action)}
          >
            {t(`alerts.action.${action}`)}
          </Button>
        ))}
      </div>
      {rejecting ? (
        <form
          className="card"
          onSubmit={(e) => {
            e.preventDefault();
            void run('reject');
          }}
        >
          <TextArea
            label={t('alerts.reject.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
          />
          <Button type="submit" variant="danger" busy={busy}>
            {t('alerts.action.reject')}
          </Button>
        </form>
      ) : null}

      {preview ? (
        <div className="card">
          <h2>{t('alerts.preview.title')}</h2>
          {preview.problems.includes('drill_only') ? (
            <p>
              <strong>{t('alerts.preview.drillOnly', { n: preview.reach.drillSubscriptions })}</strong>
            </p>
          ) : (
            <p>
              <strong>
                {t('alerts.preview.reach', {
                  subscriptions: preview.reach.subscriptions,
                  accounts: preview.reach.accounts,
                })}
              </strong>{' '}
              {t('alerts.preview.reachContacts', { sms: preview.reach.sms, email: preview.reach.email })}
            </p>
          )}
          {preview.problems.includes('expired') ? (
            <Alert tone="error" title={t('alerts.preview.expired')} />
          ) : null}
          <h3>{t('alerts.preview.phone')}</h3>
          <div
            className="phone-preview"
            style={{
              maxWidth: 360,
              border: '1px solid #888',
              borderRadius: 12,
              padding: '0.75rem',
              background: '#fafafa',
            }}
          >
            <p style={{ fontWeight: 700, margin: 0 }}>{preview.phone.title}</p>
            <p style={{ whiteSpace: 'pre-line', margin: '0.25rem 0 0' }}>{preview.phone.body}</p>
          </div>
          <h3>{t('alerts.preview.map')}</h3>
          <GeoMap
            title={t('alerts.preview.map')}
            boundaries={preview.map.boundaries}
            highlight={preview.map.highlight}
            points={preview.map.points.map((p, i) => ({
              id: String(i),
              lat: p.lat,
              lon: p.lon,
              color: '#b3261e',
              label: p.label,
            }))}
            width={480}
            height={380}
          />
          <ul>
            {preview.units.map((u) => (
              <li key={u.code}>{u.name}</li>
            ))}
          </ul>
          {preview.shapeUnits.length ? (
            <>
              <p>{t('alerts.preview.shapeUnits')}</p>
              <ul data-testid="shape-units">
                {preview.shapeUnits.map((u) => (
                  <li key={u.code}>{u.name}</li>
                ))}
              </ul>
            </>
          ) : null}
          {preview.problems.includes('shape_outside') ? (
            <Alert tone="info" title={t('alerts.preview.shapeOutside')} />
          ) : null}
        </div>
      ) : null}

      <dl className="card">
        {alert.referencesId ? (
          <>
            <dt>{t('alerts.detail.reference')}</dt>
            <dd>
              <Link href={`${ALERTS_BASE}/${alert.referencesId}`}>{alert.msgType}</Link>
            </dd>
          </>
        ) : null}
        <dt>{t('alerts.detail.author')}</dt>
        <dd>{alert.createdByLabel}</dd>
        {alert.approvedByLabel ? (
          <>
            <dt>{t('alerts.detail.approver')}</dt>
            <dd>{alert.approvedByLabel}</dd>
          </>
        ) : null}
        {alert.sent ? (
          <>
            <dt>{t('alerts.detail.sent')}</dt>
            <dd>{formatTime(lang, alert.sent)}</dd>
          </>
        ) : null}
        <dt>{t('alerts.detail.expires')}</dt>
        <dd>{formatTime(lang, alert.expires)}</dd>
        <dt>{t('alerts.form.description')}</dt>
        <dd>{alert.vi.description}</dd>
        <dt>{t('alerts.form.instruction')}</dt>
        <dd>{alert.vi.instruction}</dd>
      </dl>
      {alert.sent ? (
        <p>
          {t('alerts.detail.deliveries', {
            sent: d.sent,
            failed: d.failed,
            removed: d.removed,
            pending: d.pending,
            unknown: d.unknown,
          })}{' '}
          · <a href={`/api/v1/alerts/${alert.id}/cap.xml`}>{t('alerts.detail.cap')}</a>
          <br />
          {t('alerts.detail.deliveriesContacts', {
            smsSent: alert.deliveriesByChannel.sms.sent,
            smsFailed: alert.deliveriesByChannel.sms.failed,
            smsPending: alert.deliveriesByChannel.sms.pending,
            emailSent: alert.deliveriesByChannel.email.sent,
            emailFailed: alert.deliveriesByChannel.email.failed,
            emailPending: alert.deliveriesByChannel.email.pending,
          })}
        </p>
      ) : null}
    </section>
  );
}
