import { createContext, useContext } from 'react';
import type { SessionUser } from '../../contracts/identity.js';
import type { Permission } from '../../contracts/roles.js';

export interface SessionState {
  user: SessionUser;
  /** Replaces the signed-in person (after 2FA enablement, for example). */
  setUser: (user: SessionUser) => void;
  /** Forgets the session locally and shows the sign-in page. */
  signedOut: () => void;
}

export const SessionContext = createContext<SessionState | null>(null);

/** The signed-in staff member; only used below the console shell. */
export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the console shell');
  return session;
}

/** Whether the person holds at least one of the permissions. */
export function hasAny(user: SessionUser, permissions: readonly Permission[]): boolean {
  return permissions.some((p) => user.permissions.includes(p));
}
