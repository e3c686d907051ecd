import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SessionResponse, SessionUser } from '../../contracts/identity.js';
import { api, onApiProblem, setCsrfToken, type ApiError } from '../shared/api.js';
import { getLang, setLang, t, useLang } from '../shared/i18n.js';
import { navigate } from '../shared/router.js';
import { ConsoleShell } from './shell/console-shell.js';
import { SessionContext, type SessionState } from './session.js';
import { SignInPage } from './sign-in/sign-in-page.js';

type Status = { kind: 'loading' } | { kind: 'signed-out' } | { kind: 'signed-in'; user: SessionUser };

/** The staff console: loads the session, then shows sign-in or the shell. */
export function ConsoleApp() {
  useLang();
  const [status, setStatus] = useState<Status>({ kind: 'loading' });

  useEffect(() => {
    document.title = t('console.documentTitle');
  });

  // The language a person chose (users.locale, saved by their language switch) follows them to any
  // browser: applied when the session is loaded and at sign-in, not on later user updates, so that a
  // switch made meanwhile is never undone by an older copy of the user.
  const signedIn = useCallback((user: SessionUser) => {
    if (user.locale !== getLang()) setLang(user.locale);
    setStatus({ kind: 'signed-in', user });
  }, []);

  useEffect(() => {
    api<SessionResponse>('GET', '/auth/session')
      .then((session) => {
        setCsrfToken(session.csrfToken);
        if (session.user.kind === 'staff') signedIn(session.user);
        else setStatus({ kind: 'signed-out' });
      })
      .catch(() => setStatus({ kind: 'signed-out' }));
  }, [signedIn]);

  useEffect(
    () =>
      onApiProblem((error: ApiError) => {
        if (error.code === 'mfa_enrollment_required') navigate('/console/security');
        else if (error.status === 401 && error.code === 'unauthenticated') setStatus({ kind: 'signed-out' });
      }),
    [],
  );

  const setUser = useCallback((user: SessionUser) => setStatus({ kind: 'signed-in', user }), []);
  const signedOut = useCallback(() => {
    setCsrfToken(null);
    setStatus({ kind: 'signed-out' });
  }, []);
  const session = useMemo<SessionState | null>(
    () => (status.kind === 'signed-in' ? { user: status.user, setUser, signedOut } : null),
    [status, setUser, signedOut],
  );

  if (status.kind === 'loading') {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (!session) return <SignInPage onSignedIn={signedIn} />;
  return (
    <SessionContext.Provider value={session}>
      <ConsoleShell />
    </SessionContext.Provider>
  );
}
