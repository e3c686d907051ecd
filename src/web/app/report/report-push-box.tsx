import { useEffect, useState } from 'react';
import type { SessionUser } from '../../../contracts/identity.js';
import { api } from '../../shared/api.js';
import { getLang, t } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { Alert } from '../../shared/ui/alert.js';
import { Button } from '../../shared/ui/button.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import {
  currentSubscription,
  pushSupported,
  reportPushOn,
  setReportPush,
  subscribeDevice,
  watchReports,
} from '../push.js';
import { savedReports } from './device-store.js';

/** "Báo cho tôi khi phản ánh có tiến triển": Web Push for my reports on this phone. */
export function ReportPushBox({ user }: { user: SessionUser | null }) {
  const supported = pushSupported();
  const [on, setOn] = useState(() => supported && reportPushOn());
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // The server may have forgotten the device (the push service expired it): show the truth.
  useEffect(() => {
    if (!on) return;
    void currentSubscription()
      .then(async (device) => {
        if (!device) return setOn(false);
        const s = await api<{ reports: number; account: boolean }>('POST', '/public/reports/push/status', {
          body: { endpoint: device.endpoint },
        });
        if (s.reports === 0 && !s.account) setOn(false);
      })
      .catch(() => undefined);
  }, [on]);

  if (!supported) return <p className="muted">{t('mine.push.unsupported')}</p>;

  async function turnOn() {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    try {
      const device = await subscribeDevice();
      if (device === 'no_worker' || device === 'denied') {
        setProblem({ title: t(device === 'denied' ? 'alerts.app.denied' : 'alerts.app.noWorker') });
        return;
      }
      if (user?.kind === 'citizen')
        await api('POST', '/me/report-push', { body: { ...device, lang: getLang() } });
      const items = savedReports().flatMap((s) => (s.contact ? [{ code: s.code, contact: s.contact }] : []));
      if (items.length) await watchReports(device, items);
      setReportPush(true);
      setOn(true);
      setNotice(t('mine.push.on'));
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setBusy(false);
    }
  }

  async function turnOff() {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    try {
      const device = await currentSubscription();
      if (device) await api('POST', '/public/reports/push/delete', { body: { endpoint: device.endpoint } });
      setReportPush(false);
      setOn(false);
      setNotice(t('mine.push.off'));
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="report-push-title">
      <h2 id="report-push-title">{t('mine.push.title')}</h2>
      <p>{on ? t('mine.push.onNote') : t('mine.push.intro')}</p>
      <div aria-live="polite">{notice ? <Alert tone="success" title={notice} /> : null}</div>
      <ProblemAlert problem={problem} />
      {on ? (
        <Button variant="secondary" disabled={busy} onClick={() => void turnOff()}>
          {t('mine.push.turnOff')}
        </Button>
      ) : (
        <Button disabled={busy} onClick={() => void turnOn()}>
          {t('mine.push.turnOn')}
        </Button>
      )}
    </section>
  );
}
