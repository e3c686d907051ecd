import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  CALL_OUTCOME_LABELS,
  CALL_STATUS_LABELS,
  type CallOutcome,
  type CallView,
} from '../../../contracts/calls.js';
import type { UnitView } from '../../../contracts/identity.js';
import type { SuggestionsView } from '../../../contracts/triage.js';
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
import { hasAny, useSession } from '../session.js';
import { CallStatsSection } from './call-stats-section.js';
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

const empty = {
  name: '',
  /** The caller's language: their notices are written in it (not in the agent's console language). */
  lang: 'vi',
  categoryCode: '',
  title: '',
  body: '',
  address: '',
  unitCode: '',
  communeCode: '',
  consent: false,
};

interface CallMessage {
  id: string;
  event: 'newCall' | 'answer' | 'hangup' | 'update';
  status: string;
  agentIds: string[] | null;
}

/** Calls as they ring, are answered and end (server-sent events); `live` once the stream is open. */
function useCallStream(onMessage: (msg: CallMessage) => void): boolean {
  const handler = useRef(onMessage);
  handler.current = onMessage;
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource('/api/v1/call-centre/stream');
    source.addEventListener('open', () => setLive(true));
    source.addEventListener('error', () => setLive(false));
    source.addEventListener('call', (event) => {
      try {
        handler.current(JSON.parse((event as MessageEvent<string>).data) as CallMessage);
      } catch {
        return;
      }
    });
    return () => source.close();
  }, []);
  return live;
}

/** Category suggestions for what the agent types (the triage model), at most three, after a pause. */
function useSuggestions(title: string, body: string, unitCode: string) {
  const [items, setItems] = useState<SuggestionsView['items']>([]);
  useEffect(() => {
    if ((title + body).trim().length < 12) {
      setItems([]);
      return undefined;
    }
    let live = true;
    const timer = setTimeout(() => {
      api<SuggestionsView>('POST', '/triage/suggest', {
        body: { title, body, ...(unitCode ? { unitCode } : {}) },
      })
        .then((r) => live && setItems(r.items.slice(0, 3)))
        .catch(() => undefined);
    }, 500);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [title, body, unitCode]);
  return items;
}

/** Communes of the chosen district, for the place of the report. */
function useCommunes(district: string): UnitView[] {
  const [items, setItems] = useState<UnitView[]>([]);
  useEffect(() => {
    setItems([]);
    if (!district) return undefined;
    let live = true;
    api<{ items: UnitView[] }>('GET', '/units', { query: { parent: district } })
      .then((r) => live && setItems(r.items))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [district]);
  return items;
}

/**
 * The agent's screen for a call. When the telephony system posts a newCall event, the call pops here
 * (live stream) with the caller's earlier reports and calls; without telephony the agent types the number
 * and logs the call by hand (the screen-pop link `/console/call-centre?phone=…` prefills it). The report
 * is recorded with channel phone and the number as private contact, linked to the call, and the tracking
 * code shown in groups to read back; a call without a report ends with its outcome. Keyboard first.
 */
export function CallCentrePage() {
  const reference = useReference();
  const { user } = useSession();
  const phoneBox = useRef<HTMLElement>(null);
  const focusPhone = () => phoneBox.current?.querySelector('input')?.focus();
  const codeRef = useRef<HTMLDivElement>(null);
  const [phone, setPhone] = useState(() => new URLSearchParams(location.search).get('phone') ?? '');
  const [history, setHistory] = useState<{ items: CallerReport[]; calls: CallView[] } | null>(null);
  const [call, setCall] = useState<CallView | null>(null);
  const [waiting, setWaiting] = useState<CallView[]>([]);
  const [note, setNote] = useState('');
  const [form, setForm] = useState(empty);
  const [problem, setProblem] = useState<Problem>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState<string | null>(null);
  const callRef = useRef<CallView | null>(null);
  callRef.current = call;
  const suggestions = useSuggestions(form.title, form.body, form.communeCode || form.unitCode);
  const communes = useCommunes(form.unitCode);

  async function lookup(number = phone, exceptCall?: string) {
    if (number.replace(/\D/g, '').length < 8) return;
    try {
      const res = await api<{ items: CallerReport[]; calls: CallView[] }>(
        'GET',
        '/call-centre/caller-reports',
        {
          query: { phone: number, ...(exceptCall ? { exceptCall } : {}) },
        },
      );
      setHistory(res);
      setProblem(null);
    } catch (error) {
      setProblem(problemText(error));
    }
  }

  /** Makes a call the one on screen: its number, the caller's history. */
  async function take(id: string) {
    try {
      const c = await api<CallView>('GET', `/call-centre/calls/${id}`);
      setCall(c);
      setNote(c.note ?? '');
      setCode(null);
      setForm(empty);
      setErrors({});
      if (c.phone) {
        const local = c.phone.startsWith('+84') ? `0${c.phone.slice(3)}` : c.phone;
        setPhone(local);
        await lookup(local, c.id);
      } else {
        setPhone('');
        setHistory(null);
      }
    } catch (error) {
      setProblem(problemText(error));
    }
  }

  const refreshWaiting = useCallback(async () => {
    try {
      const res = await api<{ items: CallView[] }>('GET', '/call-centre/calls/open');
      setWaiting(res.items.filter((c) => c.status === 'ringing'));
      return res.items;
    } catch {
      return [];
    }
  }, []);

  const live = useCallStream((msg) => {
    void refreshWaiting();
    const current = callRef.current;
    if (current && current.id === msg.id) {
      // Answered on another agent's screen: not ours any more.
      if (
        msg.event === 'answer' &&
        msg.agentIds &&
        !msg.agentIds.includes(user.id) &&
        current.status === 'ringing'
      )
        setCall(null);
      else
        void api<CallView>('GET', `/call-centre/calls/${msg.id}`)
          .then(setCall)
          .catch(() => undefined);
      return;
    }
    if (msg.event === 'newCall' && (!current || current.status === 'ended') && !busy) void take(msg.id);
  });

  useEffect(() => {
    if (phone) void lookup(phone);
    else
      void refreshWaiting().then((open) => {
        // A call already ringing, or one this agent is on, pops at once.
        const mine = open.find((c) => c.status === 'answered' && c.agentId === user.id) ?? open[0];
        if (mine && !callRef.current) void take(mine.id);
      });
    focusPhone();
    // Only the screen-pop number at first render.
  }, []);

  useEffect(() => {
    if (code) codeRef.current?.focus();
  }, [code]);

  function newCall() {
    setPhone('');
    setHistory(null);
    setCall(null);
    setNote('');
    setForm(empty);
    setCode(null);
    setProblem(null);
    setErrors({});
    setTimeout(focusPhone, 0);
  }

  async function startManual() {
    try {
      const c = await api<CallView>('POST', '/call-centre/calls', { body: { phone } });
      setCall(c);
      setNote('');
      setCode(null);
      await lookup(phone, c.id);
    } catch (error) {
      setProblem(problemText(error));
      setErrors(fieldErrors(error));
    }
  }

  async function outcome(body: { outcome?: CallOutcome; note?: string; end?: boolean }) {
    if (!call) return;
    try {
      setCall(await api<CallView>('POST', `/call-centre/calls/${call.id}/outcome`, { body }));
      setProblem(null);
    } catch (error) {
      setProblem(problemText(error));
    }
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setBusy(true);
    try {
      const unitCode = form.communeCode || form.unitCode;
      const res = await api<{ id: string; trackingCode: string }>('POST', '/reports', {
        body: {
          categoryCode: form.categoryCode,
          title: form.title,
          body: form.body,
          ...(form.address ? { address: form.address } : {}),
          ...(unitCode ? { unitCode } : {}),
          reporter: { phone, ...(form.name ? { name: form.name } : {}) },
          consent: form.consent,
          channel: 'phone',
          reporterLang: form.lang,
        },
      });
      setCode(res.trackingCode);
      setProblem(null);
      setErrors({});
      if (call)
        setCall(
          await api<CallView>('POST', `/call-centre/calls/${call.id}/reports`, {
            body: { reportId: res.id },
          }),
        );
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

  const set = (k: keyof typeof empty) => (v: string | boolean) =>
    setForm((f) => ({ ...f, [k]: v, ...(k === 'unitCode' ? { communeCode: '' } : {}) }));
  const lang = getLang();
  const date = (iso: string) =>
    new Date(iso).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      dateStyle: 'short',
      timeStyle: 'short',
    });
  const active = call && call.status !== 'ended';

  return (
    <div className="call-centre" onKeyDown={keys} data-live={live ? 'on' : 'off'}>
      <PageHeading>{t('channels.callTitle')}</PageHeading>
      <p className="muted">{t('channels.callHelp')}</p>
      <ProblemAlert problem={problem} />
      {waiting.filter((w) => w.id !== call?.id).length > 0 ? (
        <section className="card call-waiting" aria-labelledby="call-waiting-title">
          <h2 id="call-waiting-title">{t('channels.waiting')}</h2>
          <ul>
            {waiting
              .filter((w) => w.id !== call?.id)
              .map((w) => (
                <li key={w.id}>
                  <Button variant="secondary" onClick={() => void take(w.id)}>
                    {t('channels.takeCall', { phone: w.phone ?? '—' })}
                  </Button>
                </li>
              ))}
          </ul>
        </section>
      ) : null}
      {call ? (
        <section
          className="card call-panel"
          aria-labelledby="call-panel-title"
          data-call-id={call.id}
          data-status={call.status}
        >
          <h2 id="call-panel-title">
            {call.phone ? t('channels.incoming', { phone: call.phone }) : t('channels.incomingAnonymous')}
          </h2>
          <p role="status">
            {t('channels.callState', { status: CALL_STATUS_LABELS[call.status][lang] })}
            {call.outcome ? (
              <>
                {' — '}
                <span className="call-outcome" data-outcome={call.outcome}>
                  {t('channels.callOutcome', { outcome: CALL_OUTCOME_LABELS[call.outcome][lang] })}
                </span>
              </>
            ) : null}
            {call.provider === 'manual' ? ` (${t('channels.callManual')})` : null}
          </p>
          {call.reports.length > 0 ? (
            <p>
              {call.reports.map((r) => (
                <a key={r.id} href={`/console/phan-anh/${r.id}`}>
                  {r.trackingCode}{' '}
                </a>
              ))}
            </p>
          ) : null}
          {active ? (
            <div className="actions">
              <Button variant="secondary" onClick={() => void outcome({ outcome: 'status_given' })}>
                {t('channels.outcomeStatus')}
              </Button>
              <Button variant="secondary" onClick={() => void outcome({ outcome: 'question_answered' })}>
                {t('channels.outcomeQuestion')}
              </Button>
              <Button variant="secondary" onClick={() => void outcome({ outcome: 'other' })}>
                {t('channels.outcomeOther')}
              </Button>
              <Button variant="danger" onClick={() => void outcome({ end: true })}>
                {t('channels.endCall')}
              </Button>
            </div>
          ) : (
            <p className="muted">{t('channels.callEnded')}</p>
          )}
          <form
            className="call-note"
            onSubmit={(e) => {
              e.preventDefault();
              void outcome({ note });
            }}
          >
            <TextField
              label={t('channels.callNote')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <Button type="submit" variant="secondary">
              {t('channels.saveNote')}
            </Button>
          </form>
        </section>
      ) : null}
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
              error={errors['body.reporter.phone'] ?? errors['body.phone'] ?? null}
            />
            <div className="actions">
              <Button type="submit" variant="secondary">
                {t('channels.lookup')}
              </Button>
              {!active ? (
                <Button variant="secondary" onClick={() => void startManual()}>
                  {t('channels.startCall')}
                </Button>
              ) : null}
            </div>
          </form>
          {history ? (
            <div className="call-history-box">
              <h2>{t('channels.history')}</h2>
              {history.items.length === 0 ? <p className="muted">{t('channels.historyNone')}</p> : null}
              <ul className="call-history">
                {history.items.map((r) => (
                  <li key={r.id}>
                    <a href={`/console/phan-anh/${r.id}`}>
                      <strong>{r.trackingCode}</strong>
                    </a>{' '}
                    — {STATUS_LABELS[r.status]?.[lang] ?? r.status} — {r.title} (
                    {new Date(r.receivedAt).toLocaleDateString(lang === 'vi' ? 'vi-VN' : 'en-GB')})
                  </li>
                ))}
              </ul>
              <h2>{t('channels.callsHistory')}</h2>
              {history.calls.length === 0 ? <p className="muted">{t('channels.callsNone')}</p> : null}
              <ul className="call-history call-history-calls">
                {history.calls.map((c) => (
                  <li key={c.id}>
                    {t('channels.callLine', {
                      at: date(c.startedAt),
                      outcome: c.outcome
                        ? CALL_OUTCOME_LABELS[c.outcome][lang]
                        : CALL_STATUS_LABELS[c.status][lang],
                      agent: c.agentName ? ` — ${c.agentName}` : '',
                    })}
                    {c.reports.map((r) => ` ${r.trackingCode}`).join('')}
                    {c.note ? ` — “${c.note}”` : ''}
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
          <SelectField
            label={t('channels.callerLang')}
            value={form.lang}
            onChange={(e) => set('lang')(e.target.value)}
          >
            <option value="vi">{t('channels.callerLangVi')}</option>
            <option value="en">{t('channels.callerLangEn')}</option>
          </SelectField>
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
          {suggestions.length > 0 ? (
            <div className="call-suggestions" role="group" aria-label={t('channels.suggestions')}>
              <span className="muted">{t('channels.suggestions')}</span>{' '}
              {suggestions.map((s) => {
                const name = lang === 'en' && s.nameEn ? s.nameEn : s.name;
                return (
                  <Button
                    key={s.code}
                    variant={form.categoryCode === s.code ? 'primary' : 'secondary'}
                    aria-pressed={form.categoryCode === s.code}
                    aria-label={t('channels.suggestionPick', { name })}
                    onClick={() => set('categoryCode')(s.code)}
                  >
                    {name}
                  </Button>
                );
              })}
            </div>
          ) : null}
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
          <SelectField
            label={t('channels.commune')}
            value={form.communeCode}
            onChange={(e) => set('communeCode')(e.target.value)}
            disabled={communes.length === 0}
          >
            <option value="">{t('channels.communeAny')}</option>
            {communes.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('channels.address')}
            value={form.address}
            onChange={(e) => set('address')(e.target.value)}
          />
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
      {hasAny(user, ['calls.stats']) ? <CallStatsSection /> : null}
    </div>
  );
}
