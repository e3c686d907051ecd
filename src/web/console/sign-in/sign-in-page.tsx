import { useState, type FormEvent } from 'react';
import type { LoginResponse, SessionResponse, SessionUser } from '../../../contracts/identity.js';
import { api, setCsrfToken } from '../../shared/api.js';
import { getLang, setLang, t } from '../../shared/i18n.js';
import { fieldErrors, problemText } from '../../shared/problem-text.js';
import { Button } from '../../shared/ui/button.js';
import { LanguageSwitch } from '../../shared/ui/language-switch.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { SkipLink } from '../../shared/ui/skip-link.js';
import { TextField } from '../../shared/ui/text-field.js';

/** Staff sign-in: username or email and password, then the 6-digit code when 2FA is on. */
export function SignInPage({ onSignedIn }: { onSignedIn: (user: SessionUser) => void }) {
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function submitPassword(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setFields({});
    try {
      const res = await api<LoginResponse>('POST', '/auth/login', {
        body: { login: login.trim(), password },
      });
      setCsrfToken(res.csrfToken);
      setPassword('');
      if (res.mfaRequired || !res.user) setStep('code');
      else onSignedIn(res.user);
    } catch (error) {
      setProblem(problemText(error));
      setFields(fieldErrors(error));
    } finally {
      setBusy(false);
    }
  }

  async function submitCode(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const res = await api<SessionResponse>('POST', '/auth/totp/verify', { body: { code: code.trim() } });
      setCsrfToken(res.csrfToken);
      onSignedIn(res.user);
    } catch (error) {
      setProblem(problemText(error));
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <SkipLink label={t('common.skipToContent')} />
      <header className="signin-header">
        <span className="brand">{t('console.brand')}</span>
        <LanguageSwitch lang={getLang()} onChange={setLang} label={t('common.switchLanguage')} />
      </header>
      <main id="main" className="signin">
        {step === 'password' ? (
          <form onSubmit={submitPassword} noValidate className="card">
            <PageHeading>{t('signIn.title')}</PageHeading>
            <ProblemAlert problem={problem} />
            <TextField
              label={t('signIn.login')}
              name="login"
              autoComplete="username"
              required
              value={login}
              onChange={(e) => setLogin(e.target.value)}
              error={fields.login}
            />
            <TextField
              label={t('signIn.password')}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={fields.password}
            />
            <Button type="submit" busy={busy}>
              {t('signIn.submit')}
            </Button>
          </form>
        ) : (
          <form onSubmit={submitCode} noValidate className="card">
            <PageHeading>{t('signIn.codeTitle')}</PageHeading>
            <ProblemAlert problem={problem} />
            <TextField
              label={t('signIn.code')}
              hint={t('signIn.codeHint')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\d{6}"
              maxLength={6}
              required
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            />
            <div className="actions">
              <Button type="submit" busy={busy}>
                {t('signIn.verify')}
              </Button>
              <Button variant="secondary" onClick={() => setStep('password')}>
                {t('signIn.back')}
              </Button>
            </div>
          </form>
        )}
      </main>
    </>
  );
}
