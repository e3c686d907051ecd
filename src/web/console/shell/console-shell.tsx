import { useState } from 'react';
import { ROLE_LABELS } from '../../../contracts/roles.js';
import { api } from '../../shared/api.js';
import { getLang, setLang, t } from '../../shared/i18n.js';
import { usePath } from '../../shared/router.js';
import { Alert } from '../../shared/ui/alert.js';
import { Button } from '../../shared/ui/button.js';
import { LanguageSwitch } from '../../shared/ui/language-switch.js';
import { Link } from '../../shared/ui/link.js';
import { SkipLink } from '../../shared/ui/skip-link.js';
import { NAV, type NavEntry } from '../routes.js';
import { hasAny, useSession } from '../session.js';
import { ConsoleRoutes } from './console-routes.js';
import { NotificationBell } from './notifications.js';

function visibleEntries(entries: NavEntry[], permissions: (e: NavEntry) => boolean): NavEntry[] {
  return entries.filter(permissions).map((e) => ({ ...e, children: e.children?.filter(permissions) }));
}

/** Header, role-aware navigation and the current page. */
export function ConsoleShell() {
  const { user, signedOut } = useSession();
  const path = usePath();
  const [signingOut, setSigningOut] = useState(false);
  const entries = visibleEntries(NAV, (e) => hasAny(user, e.permissions));
  const lang = getLang();

  /** The screen switches at once; the person's notices (console and mail) follow from now on. */
  function switchLanguage(next: typeof lang) {
    setLang(next);
    void api('PUT', '/me/locale', { body: { locale: next } }).catch(() => undefined);
  }

  async function signOut() {
    setSigningOut(true);
    try {
      await api('POST', '/auth/logout');
    } catch {
      // The session may already be gone; the person is signed out here either way.
    }
    signedOut();
  }

  function linkProps(href: string) {
    const current = path === href || (href !== '/console/' && path.startsWith(href + '/'));
    return { href, 'aria-current': current ? ('page' as const) : undefined };
  }

  return (
    <div className="console">
      <SkipLink label={t('common.skipToContent')} />
      <header className="console-header">
        <Link href="/console/" className="brand">
          {t('console.brand')}
        </Link>
        <div className="console-user">
          <span>
            {user.fullName}
            <span className="muted"> ({user.roles.map((r) => ROLE_LABELS[r.role][lang]).join(', ')})</span>
          </span>
          <NotificationBell followsReports={hasAny(user, ['reports.read'])} />
          <LanguageSwitch lang={lang} onChange={switchLanguage} label={t('common.switchLanguage')} />
          <Link {...linkProps('/console/security')}>{t('nav.security')}</Link>
          <Button variant="secondary" onClick={signOut} busy={signingOut}>
            {t('common.signOut')}
          </Button>
        </div>
      </header>
      <div className="console-body">
        <nav className="console-nav" aria-label={t('nav.label')}>
          <ul>
            <li>
              <Link {...linkProps('/console/')}>{t('nav.home')}</Link>
            </li>
            {entries.map((entry) => (
              <li key={entry.path}>
                {entry.children?.length ? (
                  <>
                    <span className="nav-group">{t(entry.label)}</span>
                    <ul>
                      {entry.children.map((child) => (
                        <li key={child.path}>
                          <Link {...linkProps(child.path)}>{t(child.label)}</Link>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <Link {...linkProps(entry.path)}>{t(entry.label)}</Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="console-main">
          {user.mfaEnrollmentRequired && path !== '/console/security' ? (
            <Alert tone="info" title={t('security.enrollRequiredTitle')}>
              <p>
                {t('security.enrollRequiredText')}{' '}
                <Link href="/console/security">{t('security.enrollNow')}</Link>
              </p>
            </Alert>
          ) : null}
          <ConsoleRoutes key={path} path={path} entries={entries} />
        </main>
      </div>
    </div>
  );
}
