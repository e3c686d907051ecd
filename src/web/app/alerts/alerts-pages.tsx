import { useEffect, useState } from 'react';
import type { PublicAlertView } from '../../../contracts/alerts.js';
import { api } from '../../shared/api.js';
import { getLang, t } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { Alert } from '../../shared/ui/alert.js';
import { Button } from '../../shared/ui/button.js';
import { Link } from '../../shared/ui/link.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { pushSupported, registration, reportPushOn, subscribeDevice } from '../push.js';
import { alertMarks, formatTime, SEVERITY_COLOURS, severityLabel, textsFor } from './severity.js';
import { countInstall } from './install-count.js';
import { AlertContactsBox, useMailLinkNotice } from './alert-contacts.js';
import { AreaPicker, areaCode, NO_AREA, unitNamer, type UnitItem } from './area-picker.js';

type Problem = { title: string; detail?: string } | null;

function AlertCard({ alert, full }: { alert: PublicAlertView; full: boolean }) {
  const lang = getLang();
  const texts = textsFor(lang, alert);
  const drill = alert.status !== 'Actual';
  const colour = SEVERITY_COLOURS[alert.severity];
  return (
    <article
      className="card alert-card"
      data-severity={alert.severity}
      style={{ borderLeft: `8px ${drill ? 'dashed' : 'solid'} ${colour}` }}
    >
      <p>
        <span className="badge" style={{ background: colour, color: '#fff' }}>
          {severityLabel(lang, alert.severity)}
        </span>{' '}
        {alertMarks(lang, alert).map((m) => (
          <strong key={m} className="badge" style={{ border: '2px dashed currentColor', marginRight: 4 }}>
            {m}
          </strong>
        ))}
        {texts.event}
      </p>
      {full ? (
        <PageHeading>{texts.headline}</PageHeading>
      ) : (
        <h2>
          <Link href={`/app/canh-bao/${alert.id}`}>{texts.headline}</Link>
        </h2>
      )}
      {drill ? (
        <p>
          <strong>{t('alerts.public.drillNote')}</strong>
        </p>
      ) : null}
      <p>
        {t('alerts.app.area')}: {alert.areaDesc}
      </p>
      {full ? <p>{texts.description}</p> : null}
      {texts.instruction ? (
        <div className="alert-instruction">
          <h3>{t('alerts.app.instruction')}</h3>
          <p>{texts.instruction}</p>
        </div>
      ) : null}
      <p className="muted">
        {t('alerts.app.until')} <time dateTime={alert.expires}>{formatTime(lang, alert.expires)}</time>
      </p>
    </article>
  );
}

/** The device's position once (rounded by the server to about 100 m), or null when refused or slow. */
function currentLocation(): Promise<{ lat: number; lon: number } | null> {
  return new Promise((resolve) => {
    if (!('geolocation' in navigator)) return resolve(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => resolve({ lat: pos.coords.latitude, lon: pos.coords.longitude }),
      () => resolve(null),
      { timeout: 10_000, maximumAge: 300_000 },
    );
  });
}

/** Subscribing this device to push alerts for chosen units (feature-detected; explained when unsupported). */
function SubscribeBox({ units }: { units: UnitItem[] }) {
  const [area, setArea] = useState(NO_AREA);
  const [drills, setDrills] = useState(false);
  const [useLocation, setUseLocation] = useState(false);
  const [current, setCurrent] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<Problem>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const supported = pushSupported();

  useEffect(() => {
    if (!supported) return;
    void registration()
      .then((reg) => reg?.pushManager.getSubscription())
      .then(async (sub) => {
        if (!sub) return;
        const s = await api<{ unitCodes: string[] }>('POST', '/push/subscriptions/status', {
          body: { endpoint: sub.endpoint },
        });
        setCurrent(s.unitCodes);
        countInstall(s.unitCodes[0]);
      })
      .catch(() => undefined);
  }, [supported]);

  const name = unitNamer(units);

  if (!supported) return <Alert tone="info" title={t('alerts.app.unsupported')} />;

  async function subscribe() {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    try {
      const json = await subscribeDevice();
      if (json === 'no_worker' || json === 'denied') {
        setProblem({ title: t(json === 'denied' ? 'alerts.app.denied' : 'alerts.app.noWorker') });
        return;
      }
      const unitCodes = [areaCode(area)];
      const location = useLocation ? await currentLocation() : null;
      await api('POST', '/push/subscriptions', {
        body: { endpoint: json.endpoint, keys: json.keys, unitCodes, lang: getLang(), drills, location },
      });
      setCurrent(unitCodes);
      countInstall(unitCodes[0]);
      setNotice(
        t('alerts.app.subscribed', { areas: unitCodes.map(name).join(', ') }) +
          (useLocation && !location ? ` ${t('alerts.app.noLocation')}` : ''),
      );
    } catch (err) {
      setProblem(problemText(err));
    } finally {
      setBusy(false);
    }
  }

  async function unsubscribe() {
    setBusy(true);
    setProblem(null);
    try {
      const sub = await (await registration())?.pushManager.getSubscription();
      if (sub) {
        await api('POST', '/push/subscriptions/delete', { body: { endpoint: sub.endpoint } }).catch(
          () => undefined,
        );
        // The same subscription may also carry report notifications: keep it then.
        if (!reportPushOn()) await sub.unsubscribe();
      }
      setCurrent(null);
      setNotice(t('alerts.app.unsubscribed'));
    } catch (err) {
      setProblem(problemText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="alerts-subscribe">
      <h2 id="alerts-subscribe">{t('alerts.app.subscribeTitle')}</h2>
      <p>{t('alerts.app.subscribeIntro')}</p>
      {notice ? <Alert tone="success" title={notice} /> : null}
      <ProblemAlert problem={problem} />
      {current ? <p>{t('alerts.app.subscribed', { areas: current.map(name).join(', ') })}</p> : null}
      <AreaPicker units={units} value={area} onChange={setArea} />
      <label className="check">
        <input type="checkbox" checked={drills} onChange={(e) => setDrills(e.target.checked)} />{' '}
        {t('alerts.app.drills')}
      </label>
      {'geolocation' in navigator ? (
        <label className="check">
          <input type="checkbox" checked={useLocation} onChange={(e) => setUseLocation(e.target.checked)} />{' '}
          {t('alerts.app.myLocation')}
        </label>
      ) : null}
      <div className="actions">
        <Button busy={busy} disabled={!area.district} onClick={() => void subscribe()}>
          {t('alerts.app.subscribe')}
        </Button>
        {current ? (
          <Button variant="secondary" busy={busy} onClick={() => void unsubscribe()}>
            {t('alerts.app.unsubscribe')}
          </Button>
        ) : null}
      </div>
    </section>
  );
}

/** The feed of alerts in force, most recent first, with severity colours and what to do. */
export function AlertsFeedPage() {
  const [items, setItems] = useState<PublicAlertView[] | null>(null);
  const [units, setUnits] = useState<UnitItem[]>([]);
  const [problem, setProblem] = useState<Problem>(null);
  const mailLink = useMailLinkNotice();
  useEffect(() => {
    api<{ items: PublicAlertView[] }>('GET', '/alerts/current')
      .then((r) => setItems(r.items))
      .catch((e: unknown) => setProblem(problemText(e)));
    api<{ items: UnitItem[] }>('GET', '/units')
      .then((r) => setUnits(r.items))
      .catch(() => undefined);
  }, []);
  return (
    <section>
      <PageHeading>{t('alerts.app.title')}</PageHeading>
      <div aria-live="polite">
        {mailLink.notice ? <Alert tone="success" title={mailLink.notice} /> : null}
        <ProblemAlert problem={mailLink.problem} />
      </div>
      <ProblemAlert problem={problem} />
      {!items && !problem ? <p role="status">{t('common.loading')}</p> : null}
      {items && items.length === 0 ? <p>{t('alerts.app.none')}</p> : null}
      {items?.map((a) => (
        <AlertCard key={a.id} alert={a} full={false} />
      ))}
      <SubscribeBox units={units} />
      {/* Read again once a mail link has confirmed or stopped an address. */}
      <AlertContactsBox key={mailLink.done ? 'after-mail-link' : 'start'} units={units} />
    </section>
  );
}

/** One alert (the page a notification opens). */
export function AlertPage({ id }: { id: string }) {
  const [alert, setAlert] = useState<PublicAlertView | null>(null);
  const [problem, setProblem] = useState<Problem>(null);
  useEffect(() => {
    api<PublicAlertView>('GET', `/alerts/current/${id}`)
      .then(setAlert)
      .catch((e: unknown) => setProblem(problemText(e)));
  }, [id]);
  return (
    <section>
      <p>
        <Link href="/app/canh-bao">← {t('alerts.app.back')}</Link>
      </p>
      <ProblemAlert problem={problem} />
      {alert ? <AlertCard alert={alert} full /> : null}
    </section>
  );
}
