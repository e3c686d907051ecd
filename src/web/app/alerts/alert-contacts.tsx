import { useEffect, useState } from 'react';
import type { AlertContactView } from '../../../contracts/alerts.js';
import { api, ApiError, setCsrfToken } from '../../shared/api.js';
import { getLang, t } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { Alert } from '../../shared/ui/alert.js';
import { Button } from '../../shared/ui/button.js';
import { Link } from '../../shared/ui/link.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { TextField } from '../../shared/ui/text-field.js';
import { setAppCsrf } from '../session.js';
import { AreaPicker, areaCode, NO_AREA, unitNamer, type UnitItem } from './area-picker.js';

type Problem = { title: string; detail?: string } | null;

const channelName = (c: 'sms' | 'email') => (c === 'sms' ? 'SMS' : t('alerts.contacts.email'));

/**
 * The links of the alert mails land on the feed page: `?xac-nhan-email=TOKEN` confirms an address (double
 * opt-in), `?ngung-email=TOKEN` stops alerts to it. Returns the notice to show, or null.
 */
export function useMailLinkNotice(): { notice: string | null; problem: Problem; done: boolean } {
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem>(null);
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    const confirm = params.get('xac-nhan-email');
    const stop = params.get('ngung-email');
    const token = confirm ?? stop;
    if (!token) return;
    // The token leaves the address bar (and the history) once read.
    history.replaceState(null, '', location.pathname);
    // A signed-in browser must send its CSRF token, which the app shell may not have restored yet.
    api<{ csrfToken: string | null }>('GET', '/auth/whoami')
      .then((s) => {
        if (s.csrfToken) {
          setCsrfToken(s.csrfToken);
          setAppCsrf(s.csrfToken);
        }
      })
      .catch(() => undefined)
      .then(() =>
        api('POST', confirm ? '/alerts/contacts/email/confirm' : '/alerts/contacts/unsubscribe', {
          body: { token },
        }),
      )
      .then(() => setNotice(t(confirm ? 'alerts.contacts.confirmed' : 'alerts.contacts.unsubscribed')))
      .catch((err: unknown) => setProblem(problemText(err)));
  }, []);
  return { notice, problem, done: notice !== null };
}

/** Alerts by SMS to the signed-in citizen's phone and/or by email, for a district or commune. */
export function AlertContactsBox({ units }: { units: UnitItem[] }) {
  const [contacts, setContacts] = useState<AlertContactView[] | null>(null);
  const [signedOut, setSignedOut] = useState(false);
  const [area, setArea] = useState(NO_AREA);
  const [sms, setSms] = useState(false);
  const [email, setEmail] = useState('');
  const [useEmail, setUseEmail] = useState(false);
  const [drills, setDrills] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem>(null);

  const load = () =>
    api<{ items: AlertContactView[] }>('GET', '/alerts/contacts')
      .then((r) => setContacts(r.items))
      .catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 401) setSignedOut(true);
        else setProblem(problemText(err));
      });
  useEffect(() => {
    void load();
  }, []);

  const name = unitNamer(units);

  async function save() {
    setProblem(null);
    setNotice(null);
    if (!sms && !useEmail) {
      setProblem({ title: t('alerts.contacts.pickChannel') });
      return;
    }
    setBusy(true);
    const unitCodes = [areaCode(area)];
    try {
      const notes: string[] = [];
      if (sms) {
        await api('PUT', '/alerts/contacts/sms', { body: { unitCodes, lang: getLang(), drills } });
        notes.push(t('alerts.contacts.saved'));
      }
      if (useEmail) {
        await api('PUT', '/alerts/contacts/email', {
          body: { email: email.trim(), unitCodes, lang: getLang(), drills },
        });
        notes.push(t('alerts.contacts.emailSent', { email: email.trim() }));
      }
      setNotice(notes.join(' '));
      await load();
    } catch (err) {
      setProblem(problemText(err));
    } finally {
      setBusy(false);
    }
  }

  async function stop(channel: 'sms' | 'email') {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    try {
      await api('DELETE', `/alerts/contacts/${channel}`);
      await load();
      setNotice(t('alerts.contacts.stopped'));
    } catch (err) {
      setProblem(problemText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="alerts-contacts">
      <h2 id="alerts-contacts">{t('alerts.contacts.title')}</h2>
      <p>{t('alerts.contacts.intro')}</p>
      {signedOut ? (
        <p>
          <Link href="/app/dang-nhap">{t('alerts.contacts.signIn')}</Link>
        </p>
      ) : (
        <>
          <div aria-live="polite">
            {notice ? <Alert tone="success" title={notice} /> : null}
            <ProblemAlert problem={problem} />
          </div>
          {contacts?.length ? (
            <ul>
              {contacts.map((c) => (
                <li key={c.channel}>
                  {t('alerts.contacts.current', {
                    channel: channelName(c.channel),
                    address: c.address,
                    areas: c.unitCodes.map(name).join(', '),
                  })}{' '}
                  {c.confirmed ? null : <em>{t('alerts.contacts.pending')}</em>}{' '}
                  <Button variant="secondary" busy={busy} onClick={() => void stop(c.channel)}>
                    {t('alerts.contacts.stop', { channel: channelName(c.channel) })}
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
          <AreaPicker units={units} value={area} onChange={setArea} />
          <label className="check">
            <input type="checkbox" checked={sms} onChange={(e) => setSms(e.target.checked)} />{' '}
            {t('alerts.contacts.sms')}
          </label>
          <label className="check">
            <input type="checkbox" checked={useEmail} onChange={(e) => setUseEmail(e.target.checked)} />{' '}
            {t('alerts.contacts.email')}
          </label>
          {useEmail ? (
            <TextField
              label={t('alerts.contacts.emailLabel')}
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          ) : null}
          <label className="check">
            <input type="checkbox" checked={drills} onChange={(e) => setDrills(e.target.checked)} />{' '}
            {t('alerts.app.drills')}
          </label>
          <div className="actions">
            <Button busy={busy} disabled={!area.district} onClick={() => void save()}>
              {t('alerts.contacts.save')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
