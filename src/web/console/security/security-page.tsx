import { useState, type FormEvent } from 'react';
import type { SessionResponse, TotpSetupResponse } from '../../../contracts/identity.js';
import { api, setCsrfToken } from '../../shared/api.js';
import { t } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { Alert } from '../../shared/ui/alert.js';
import { Button } from '../../shared/ui/button.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { TextField } from '../../shared/ui/text-field.js';
import { useSession } from '../session.js';

/** Account security: two-factor set-up and signing out of every device. */
export function SecurityPage() {
  const { user, setUser, signedOut } = useSession();
  const [setup, setSetup] = useState<TotpSetupResponse | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);
  const [enabled, setEnabled] = useState(false);

  async function startSetup() {
    setBusy(true);
    setProblem(null);
    try {
      setSetup(await api<TotpSetupResponse>('POST', '/auth/totp/setup'));
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setBusy(false);
    }
  }

  async function enable(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const session = await api<SessionResponse>('POST', '/auth/totp/enable', {
        body: { code: code.trim() },
      });
      setCsrfToken(session.csrfToken);
      setSetup(null);
      setCode('');
      setEnabled(true);
      setUser(session.user);
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setBusy(false);
    }
  }

  async function signOutEverywhere() {
    setBusy(true);
    try {
      await api('POST', '/auth/logout-all');
      signedOut();
    } catch (error) {
      setProblem(problemText(error));
      setBusy(false);
    }
  }

  return (
    <section>
      <PageHeading>{t('security.title')}</PageHeading>
      <ProblemAlert problem={problem} />
      <h2>{t('security.twoFactor')}</h2>
      {enabled ? <Alert tone="success" title={t('security.enabledNow')} /> : null}
      {user.totpEnabled ? (
        <p>{t('security.isOn')}</p>
      ) : setup ? (
        <div className="card">
          <ol>
            <li>{t('security.step1')}</li>
            <li>{t('security.step2')}</li>
          </ol>
          <img
            className="qr"
            src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`}
            alt={t('security.qrAlt')}
            width={200}
            height={200}
          />
          <p>
            {t('security.secretLabel')}{' '}
            <code className="secret" data-testid="totp-secret">
              {setup.secret}
            </code>
          </p>
          <form onSubmit={enable} noValidate>
            <TextField
              label={t('security.code')}
              hint={t('signIn.codeHint')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            />
            <Button type="submit" busy={busy}>
              {t('security.enable')}
            </Button>
          </form>
        </div>
      ) : (
        <>
          <p>{t(user.mfaEnrollmentRequired ? 'security.requiredOff' : 'security.isOff')}</p>
          <Button onClick={startSetup} busy={busy}>
            {t('security.start')}
          </Button>
        </>
      )}
      <h2>{t('security.sessions')}</h2>
      <p>{t('security.sessionsText')}</p>
      <Button variant="danger" onClick={signOutEverywhere} busy={busy}>
        {t('security.signOutAll')}
      </Button>
    </section>
  );
}
