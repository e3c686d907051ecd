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
import { HomePage, TILES } from './home/home-page.js';
import { UnderConstructionPage } from './home/under-construction-page.js';
import { PhoneSignInPage } from './sign-in/phone-sign-in-page.js';

/** The citizen app shell: brand header, phone sign-in, home tiles. */
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
    api<SessionResponse>('GET', '/auth/session')
      .then((s) => {
        setCsrfToken(s.csrfToken);
        setUser(s.user);
      })
      .catch(() => undefined);
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
          navigate('/app/', { replace: true });
        }}
      />
    );
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
          {user ? (
            <Button variant="link" onClick={signOut}>
              {t('common.signOut')}
            </Button>
          ) : path !== '/app/dang-nhap' ? (
            <Link href="/app/dang-nhap">{t('app.signIn')}</Link>
          ) : null}
        </div>
      </header>
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
