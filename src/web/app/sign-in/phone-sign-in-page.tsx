import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SessionResponse, SessionUser } from '../../../contracts/identity.js';
import { api, setCsrfToken } from '../../shared/api.js';
import { t } from '../../shared/i18n.js';
import { fieldErrors, problemText } from '../../shared/problem-text.js';
import { Alert } from '../../shared/ui/alert.js';
import { Button } from '../../shared/ui/button.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { ProblemAlert } from '../../shared/ui/problem-alert.js';
import { TextField } from '../../shared/ui/text-field.js';

interface OtpRequested {
  expiresInSeconds: number;
  resendAfterSeconds: number;
}

/** Citizen sign-in: phone number, then the 6-digit code sent by SMS, with a resend countdown. */
export function PhoneSignInPage({ onSignedIn }: { onSignedIn: (user: SessionUser) => void }) {
  const [step, setStep] = useState<'phone' | 'code'>('phone');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [resendIn, setResendIn] = useState(0);
  const [sent, setSent] = useState(false);
  const codeHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (resendIn <= 0) return;
    const timer = window.setTimeout(() => setResendIn((s) => s - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [resendIn]);

  async function requestCode() {
    setBusy(true);
    setProblem(null);
    setFields({});
    try {
      const res = await api<OtpRequested>('POST', '/auth/otp/request', { body: { phone: phone.trim() } });
      setResendIn(res.resendAfterSeconds);
      setSent(true);
      setStep('code');
    } catch (error) {
      setProblem(problemText(error));
      setFields(fieldErrors(error));
    } finally {
      setBusy(false);
    }
  }

  function submitPhone(event: FormEvent) {
    event.preventDefault();
    if (!phone.trim()) {
      setFields({ phone: t('app.phoneRequired') });
      return;
    }
    void requestCode();
  }

  async function submitCode(event: FormEvent) {
    event.preventDefault();
    if (!/^\d{6}$/.test(code)) {
      setFields({ code: t('app.codeHint') });
      return;
    }
    setBusy(true);
    setProblem(null);
    setFields({});
    try {
      const res = await api<SessionResponse>('POST', '/auth/otp/verify', {
        body: { phone: phone.trim(), code },
      });
      setCsrfToken(res.csrfToken);
      onSignedIn(res.user);
    } catch (error) {
      setProblem(problemText(error));
      setFields(fieldErrors(error));
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (step === 'code') codeHeading.current?.focus();
  }, [step]);

  if (step === 'phone') {
    return (
      <form onSubmit={submitPhone} noValidate>
        <PageHeading>{t('app.signInTitle')}</PageHeading>
        <ProblemAlert problem={problem} />
        <TextField
          label={t('app.phone')}
          hint={t('app.phoneHint')}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          required
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          error={fields.phone}
        />
        <Button type="submit" busy={busy} className="btn-block">
          {t('app.sendCode')}
        </Button>
      </form>
    );
  }

  return (
    <form onSubmit={submitCode} noValidate>
      <h1 ref={codeHeading} tabIndex={-1} className="page-heading">
        {t('app.codeTitle')}
      </h1>
      {sent && !problem ? <Alert tone="info" title={t('app.codeSent', { phone: phone.trim() })} /> : null}
      <ProblemAlert problem={problem} />
      <TextField
        label={t('app.code')}
        hint={t('app.codeHint')}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        required
        value={code}
        onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
        error={fields.code}
      />
      <Button type="submit" busy={busy} className="btn-block">
        {t('app.verify')}
      </Button>
      <div className="actions">
        <Button variant="secondary" onClick={() => void requestCode()} disabled={resendIn > 0 || busy}>
          {resendIn > 0 ? t('app.resendIn', { seconds: resendIn }) : t('app.resend')}
        </Button>
        <Button
          variant="link"
          onClick={() => {
            setStep('phone');
            setCode('');
            setProblem(null);
          }}
        >
          {t('app.changePhone')}
        </Button>
      </div>
    </form>
  );
}
