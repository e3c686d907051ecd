import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { STATUS_LABELS, type ReportStatus } from '../../../contracts/report-lifecycle.js';
import { api } from '../../shared/api.js';
import { getLang, t } from '../../shared/i18n.js';
import { fieldErrors, problemText } from '../../shared/problem-text.js';
import { Button } from '../../shared/ui/button.js';
import { FilterableSelect } from '../../shared/ui/filterable-select.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { SelectField } from '../../shared/ui/select-field.js';
import { TextArea } from '../../shared/ui/text-area.js';
import { TextField } from '../../shared/ui/text-field.js';
import { useReference } from '../feedback/reference-data.js';
import './call-centre.css';

interface CallerReport {
  id: string;
  trackingCode: string;
  status: ReportStatus;
  title: string;
  receivedAt: string;
}

type Problem = { title: string; detail?: string } | null;

/** `LA-7KQ2-M9XD` → groups to read aloud: LA · 7 K Q 2 · M 9 X D. */
export function speakableGroups(code: string): string[][] {
  return code.split('-').map((g) => g.split(''));
}

const empty = { name: '', categoryCode: '', title: '', body: '', address: '', unitCode: '', consent: false };

/**
 * The agent's form for a call: the caller's number (prefilled by a telephony screen-pop link
 * `/console/call-centre?phone=…`) shows their earlier reports; the report is recorded with channel phone
 * and the number as private contact; the tracking code is shown in groups to read back. Keyboard first.
 */
export function CallCentrePage() {
  const reference = useReference();
  const phoneBox = useRef<HTMLElement>(null);
  const focusPhone = () => phoneBox.current?.querySelector('input')?.focus();
  const codeRef = useRef<HTMLDivElement>(null);
  const [phone, setPhone] = useState(() => new URLSearchParams(location.search).get('phone') ?? '');
  const [history, setHistory] = useState<CallerReport[] | null>(null);
  const [form, setForm] = useState(empty);
  const [problem, setProblem] = useState<Problem>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState<string | null>(null);

  async function lookup(number = phone) {
    if (number.replace(/\D/g, '').length < 8) return;
    try {
      const res = await api<{ items: CallerReport[] }>('GET', '/call-centre/caller-reports', {
        query: { phone: number },
      });
      setHistory(res.items);
      setProblem(null);
    } catch (error) {
      setProblem(problemText(error));
    }
  }

  useEffect(() => {
    if (phone) void lookup(phone);
    focusPhone();
    // Only the screen-pop number at first render.
  }, []);

  useEffect(() => {
    if (code) codeRef.current?.focus();
  }, [code]);

  function newCall() {
    setPhone('');
    setHistory(null);
    setForm(empty);
    setCode(null);
    setProblem(null);
    setErrors({});
    setTimeout(focusPhone, 0);
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setBusy(true);
    try {
      const res = await api<{ trackingCode: string }>('POST', '/reports', {
        body: {
          categoryCode: form.categoryCode,
          title: form.title,
          body: form.body,
          ...(form.address ? { address: form.address } : {}),
          ...(form.unitCode ? { unitCode: form.unitCode } : {}),
          reporter: { phone, ...(form.name ? { name: form.name } : {}) },
          consent: form.consent,
          channel: 'phone',
        },
      });
      setCode(res.trackingCode);
      setProblem(null);
      setErrors({});
    } catch (error) {
      setProblem(problemText(error));
      setErrors(fieldErrors(error));
    } finally {
      setBusy(false);
    }
  }

  function keys(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !code) {
      event.preventDefault();
      void submit();
    }
    if (event.altKey && (event.key === 'n' || event.key === 'N')) {
      event.preventDefault();
      newCall();
    }
  }

  const set = (k: keyof typeof empty) => (v: string | boolean) => setForm((f) => ({ ...f, [k]: v }));
  const lang = getLang();

  return (
    <div className="call-centre" onKeyDown={keys}>
      <PageHeading>{t('channels.callTitle')}</PageHeading>
      <p className="muted">{t('channels.callHelp')}</p>
      <ProblemAlert problem={problem} />
      {code ? (
        <div className="card call-code" ref={codeRef} tabIndex={-1} role="status" aria-live="assertive">
          <h2>{t('channels.codeTitle')}</h2>
          <p className="call-code-value" aria-label={code} data-code={code}>
            {speakableGroups(code).map((group, i) => (
              <span key={i} className="call-code-group">
                {group.join(' ')}
              </span>
            ))}
          </p>
          <p className="muted">{t('channels.codeHelp')}</p>
          <Button onClick={newCall}>{t('channels.newCall')}</Button>
        </div>
      ) : null}
      <div className="call-grid">
        <section className="card" ref={phoneBox}>
          <form
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              void lookup();
            }}
          >
            <TextField
              label={t('channels.phone')}
              type="tel"
              inputMode="tel"
              autoComplete="off"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              error={errors['body.reporter.phone'] ?? null}
            />
            <Button type="submit" variant="secondary">
              {t('channels.lookup')}
            </Button>
          </form>
          {history ? (
            <div>
              <h2>{t('channels.history')}</h2>
              {history.length === 0 ? <p className="muted">{t('channels.historyNone')}</p> : null}
              <ul className="call-history">
                {history.map((r) => (
                  <li key={r.id}>
                    <a href={`/console/phan-anh/${r.id}`}>
                      <strong>{r.trackingCode}</strong>
                    </a>{' '}
                    — {STATUS_LABELS[r.status]?.[lang] ?? r.status} — {r.title} (
                    {new Date(r.receivedAt).toLocaleDateString(lang === 'vi' ? 'vi-VN' : 'en-GB')})
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
        <form className="card" onSubmit={submit} aria-label={t('channels.submit')}>
          <TextField
            label={t('channels.callerName')}
            value={form.name}
            onChange={(e) => set('name')(e.target.value)}
          />
          <FilterableSelect
            label={t('channels.category')}
            filterLabel={t('channels.categoryFilter')}
            emptyLabel={t('channels.categoryEmpty')}
            noMatchLabel={t('channels.noMatch')}
            options={(reference?.categories ?? []).map((c) => ({
              value: c.code,
              label: lang === 'en' && c.nameEn ? c.nameEn : c.name,
            }))}
            value={form.categoryCode}
            onChange={set('categoryCode')}
            required
            error={errors['body.categoryCode'] ?? null}
          />
          <TextField
            label={t('channels.title')}
            value={form.title}
            onChange={(e) => set('title')(e.target.value)}
            required
            error={errors['body.title'] ?? null}
          />
          <TextArea
            label={t('channels.body')}
            value={form.body}
            rows={5}
            onChange={(e) => set('body')(e.target.value)}
            required
            error={errors['body.body'] ?? null}
          />
          <TextField
            label={t('channels.address')}
            value={form.address}
            onChange={(e) => set('address')(e.target.value)}
          />
          <SelectField
            label={t('channels.district')}
            value={form.unitCode}
            onChange={(e) => set('unitCode')(e.target.value)}
          >
            <option value="">{t('channels.districtAny')}</option>
            {(reference?.districts ?? []).map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </SelectField>
          <label className="check">
            <input
              type="checkbox"
              checked={form.consent}
              onChange={(e) => set('consent')(e.target.checked)}
            />{' '}
            {t('channels.consent')}
          </label>
          <div className="actions">
            <Button type="submit" busy={busy} disabled={!!code}>
              {t('channels.submit')}
            </Button>
          </div>
        </form>
      </div>
    </div>
  );
}
