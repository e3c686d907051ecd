import { useEffect, useId, useState, type FormEvent } from 'react';
import type { SessionUser } from '../../../contracts/identity.js';
import { api } from '../../shared/api.js';
import { setLang, t, type Lang } from '../../shared/i18n.js';
import { problemText } from '../../shared/problem-text.js';
import { Alert } from '../../shared/ui/alert.js';
import { Button } from '../../shared/ui/button.js';
import { Link } from '../../shared/ui/link.js';
import { PageHeading } from '../../shared/ui/page-heading.js';
import { SelectField } from '../../shared/ui/select-field.js';
import { TextField } from '../../shared/ui/text-field.js';

interface MyAccount {
  phone: string | null;
  fullName: string;
  email: string | null;
  locale: Lang;
  createdAt: string;
  reportCount: number;
}

type Problem = { title: string; detail?: string | undefined };

/**
 * "Tài khoản": the citizen sees what the platform holds about them, corrects it, downloads a copy and can
 * delete the account (their reports stay, without their name or contact).
 */
export function AccountPage({ user, onErased }: { user: SessionUser | null; onErased: () => void }) {
  const [account, setAccount] = useState<MyAccount | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [confirmErase, setConfirmErase] = useState(false);
  const confirmId = useId();

  useEffect(() => {
    if (user?.kind !== 'citizen') return;
    api<MyAccount>('GET', '/me/account')
      .then(setAccount)
      .catch((e) => setProblem(problemText(e)));
  }, [user]);

  if (user?.kind !== 'citizen') {
    return (
      <>
        <PageHeading>{t('account.title')}</PageHeading>
        <p>
          {t('account.signInFirst')} <Link href="/app/dang-nhap">{t('app.signIn')}</Link>
        </p>
      </>
    );
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const locale = String(form.get('locale')) as Lang;
    setBusy(true);
    setSaved(false);
    setProblem(null);
    try {
      const next = await api<MyAccount>('PATCH', '/me/account', {
        body: { fullName: String(form.get('fullName') ?? '').trim(), email: email || null, locale },
      });
      setAccount(next);
      setLang(locale);
      setSaved(true);
    } catch (e) {
      setProblem(problemText(e));
    } finally {
      setBusy(false);
    }
  }

  async function erase() {
    setBusy(true);
    setProblem(null);
    try {
      await api('DELETE', '/me/account');
      onErased();
    } catch (e) {
      setProblem(problemText(e));
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading>{t('account.title')}</PageHeading>
      {problem ? <Alert title={problem.title}>{problem.detail}</Alert> : null}
      {saved ? <Alert tone="success" title={t('account.saved')} /> : null}
      {account ? (
        <>
          <section aria-labelledby="account-details">
            <h2 id="account-details">{t('account.details')}</h2>
            <p>
              {t('account.phone')}: <strong className="mono">{account.phone}</strong>
              <br />
              <span className="muted">{t('account.phoneHint')}</span>
            </p>
            <form onSubmit={save} noValidate>
              <TextField
                label={t('account.fullName')}
                name="fullName"
                defaultValue={account.fullName}
                autoComplete="name"
                required
                maxLength={120}
              />
              <TextField
                label={t('account.email')}
                hint={t('account.emailHint')}
                name="email"
                type="email"
                defaultValue={account.email ?? ''}
                autoComplete="email"
                maxLength={200}
              />
              <SelectField label={t('account.language')} name="locale" defaultValue={account.locale}>
                <option value="vi">Tiếng Việt</option>
                <option value="en">English</option>
              </SelectField>
              <Button type="submit" busy={busy}>
                {t('common.save')}
              </Button>
            </form>
          </section>

          <section aria-labelledby="account-areas">
            <h2 id="account-areas">{t('account.areas')}</h2>
            <p>
              {t('account.areasHint')} <Link href="/app/canh-bao">{t('app.tile.alerts')}</Link>
            </p>
          </section>

          <section aria-labelledby="account-data">
            <h2 id="account-data">{t('account.myData')}</h2>
            <p>{t('account.myDataHint', { count: account.reportCount })}</p>
            <p>
              <a className="btn btn-secondary" href="/api/v1/me/data" download="du-lieu-ca-nhan.json">
                {t('account.download')}
              </a>
            </p>
            <p>
              <Link href="/app/yeu-cau-du-lieu">{t('dataRequests.app.link')}</Link>
            </p>
          </section>

          <section aria-labelledby="account-delete">
            <h2 id="account-delete">{t('account.delete')}</h2>
            <p>{t('account.deleteHint')}</p>
            <p>
              <input
                id={confirmId}
                type="checkbox"
                checked={confirmErase}
                onChange={(e) => setConfirmErase(e.target.checked)}
              />{' '}
              <label htmlFor={confirmId}>{t('account.deleteConfirm')}</label>
            </p>
            <Button variant="danger" disabled={!confirmErase} busy={busy} onClick={() => void erase()}>
              {t('account.deleteButton')}
            </Button>
          </section>
        </>
      ) : problem ? null : (
        <p>{t('common.loading')}</p>
      )}
    </>
  );
}
