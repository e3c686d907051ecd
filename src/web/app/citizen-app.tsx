import { useEffect, useState } from 'react';
import type { SessionResponse, SessionUser } from '../../contracts/identity.js';
import { api, setCsrfToken } from '../shared/api.js';
import { getLang, setLang, t, useLang } from '../shared/i18n.js';
import { localNames, type ProfileResponse } from '../shared/profile.js';
import { navigate, usePath } from '../shared/router.js';
import { Button } from '../shared/ui/button.js';
import { LanguageSwitch } from '../shared/ui/language-switch.js';
import { Link } from '../shared/ui/link.js';
import { SkipLink } from '../shared/ui/skip-link.js';
import { AlertPage, AlertsFeedPage } from './alerts/alerts-pages.js';
import { HomePage, TILES } from './home/home-page.js';
import { NewsPage } from './news/news-page.js';
import { ServicesPage } from './services/services-page.js';
import { UnderConstructionPage } from './home/under-construction-page.js';
import { startDraftSync } from './report/device-store.js';
import { MyReportsPage } from './report/my-reports-page.js';
import { ReportPage } from './report/report-page.js';
import { setAppCsrf } from './session.js';
import { PhoneSignInPage } from './sign-in/phone-sign-in-page.js';
import { InstallButton, OfflineBanner } from './pwa.js';
import { AccountPage } from './account/account-page.js';
import { DataRequestPage } from './account/data-request-page.js';

function loadSession(onUser: (user: SessionUser | null) => void): Promise<void> {
  return api<SessionResponse | { user: null; csrfToken: null }>('GET', '/auth/whoami')
    .then((s) => {
      if (s.csrfToken) {
        setCsrfToken(s.csrfToken);
        setAppCsrf(s.csrfToken);
      }
      onUser(s.user);
    })
    .catch(() => undefined);
}

/** The citizen app shell: brand header, phone sign-in, home tiles, sending and following reports. */
export function CitizenApp() {
  useLang();
  const path = usePath().replace(/\/+$/, '') || '/';
  const [profile, setProfile] = useState<ProfileResponse | null>(null);
  const [user, setUser] = useState<SessionUser | null>(null);
  const names = profile ? localNames(profile.brand, profile.province, getLang()) : null;
  const appName = names?.appName ?? t('app.defaultName');

  useEffect(() => {
    api<ProfileResponse>('GET', '/profile')
      .then(setProfile)
      .catch(() => undefined);
    // Drafts written offline go out once the session (and its CSRF token) is known.
    void loadSession(setUser).finally(startDraftSync);
  }, []);

  useEffect(() => {
    document.title = appName;
  }, [appName]);

  async function signOut() {
    try {
      await api('POST', '/auth/logout');
    } catch {
      // Already signed out on the server: forget it here too.
    }
    setCsrfToken(null);
    setAppCsrf(null);
    setUser(null);
    navigate('/app/');
  }

  const tile = TILES.find((x) => x.path === path);
  let page;
  if (path === '/app/dang-nhap') {
    page = (
      <PhoneSignInPage
        onSignedIn={(u) => {
          setUser(u);
          void loadSession(setUser);
          navigate('/app/', { replace: true });
        }}
      />
    );
  } else if (path === '/app/gui-phan-anh') {
    page = (
      <ReportPage
        user={user}
        province={names?.province ?? ''}
        levels={(profile as { levels?: number } | null)?.levels ?? 3}
      />
    );
  } else if (path === '/app/yeu-cau-du-lieu') {
    page = <DataRequestPage user={user} />;
  } else if (path === '/app/tai-khoan') {
    page = (
      <AccountPage
        user={user}
        onErased={() => {
          setCsrfToken(null);
          setAppCsrf(null);
          setUser(null);
          navigate('/app/', { replace: true });
        }}
      />
    );
  } else if (path === '/app/phan-anh-cua-toi') {
    page = <MyReportsPage user={user} />;
  } else if (path === '/app/canh-bao') {
    page = <AlertsFeedPage />;
  } else if (/^\/app\/canh-bao\/[0-9a-f-]{36}$/i.test(path)) {
    page = <AlertPage id={path.slice('/app/canh-bao/'.length)} />;
  } else if (path === '/app/tin-tuc' || path.startsWith('/app/tin-tuc/')) {
    page = <NewsPage slug={path.split('/')[3] ?? null} />;
  } else if (path === '/app/dich-vu-so') {
    page = <ServicesPage />;
  } else if (tile) {
    page = <UnderConstructionPage title={t(tile.label)} />;
  } else {
    page = <HomePage user={user} appName={appName} />;
  }

  return (
    <>
      <SkipLink label={t('common.skipToContent')} />
      <header className="app-header">
        <Link href="/app/" className="app-brand">
          {appName}
        </Link>
        <div className="app-header-actions">
          <LanguageSwitch lang={getLang()} onChange={setLang} label={t('common.switchLanguage')} />
          {user?.kind === 'citizen' ? <Link href="/app/tai-khoan">{t('account.link')}</Link> : null}
          {user ? (
            <Button variant="link" onClick={signOut}>
              {t('common.signOut')}
            </Button>
          ) : path !== '/app/dang-nhap' ? (
            <Link href="/app/dang-nhap">{t('app.signIn')}</Link>
          ) : null}
        </div>
      </header>
      <OfflineBanner />
      {/* Floating, so its late arrival (the browser's install prompt) moves nothing on the page. */}
      <InstallButton />
      <main id="main" className="app-main" key={path}>
        {page}
      </main>
      {profile ? (
        <footer className="app-footer">
          <p>
            {names?.hotlineName}:{' '}
            <a href={`tel:${profile.brand.hotline.replace(/[^\d+]/g, '')}`}>{profile.brand.hotline}</a>
            {' · '}
            <a href={`mailto:${profile.brand.mailbox}`}>{profile.brand.mailbox}</a>
          </p>
        </footer>
      ) : null}
    </>
  );
}
