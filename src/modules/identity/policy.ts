import {
  AGENCY_SCOPED_ROLES,
  MFA_GUARDED,
  MFA_REQUIRED_ROLES,
  PERMISSIONS,
  type Permission,
  type Role,
} from '../../contracts/roles.js';
import { AppError } from '../../platform/http/problem.js';
import type { RoleGrant } from './identity.repository.js';

/** The signed-in person as every use case sees it. */
export interface Principal {
  userId: string;
  kind: 'staff' | 'citizen';
  label: string;
  grants: RoleGrant[];
  /** For each agency-scoped role: the agencies (with their sub-units) it covers. */
  scopes: Map<Role, Set<string>>;
  totpEnabled: boolean;
  mfaVerified: boolean;
  sessionId: string;
  csrfToken: string;
}

/** A resource an action applies to, for scoping checks. */
export interface ResourceScope {
  agencyId?: string | null;
}

export function hasRole(p: Principal, role: Role): boolean {
  return p.grants.some((g) => g.role === role);
}

export function needsMfa(p: Principal): boolean {
  return p.grants.some((g) => MFA_REQUIRED_ROLES.includes(g.role));
}

/** Permissions the person holds (ignoring resource scope), for the web app's navigation. */
export function permissionsOf(p: Principal): Permission[] {
  const roles = new Set(p.grants.map((g) => g.role));
  return (Object.keys(PERMISSIONS) as Permission[]).filter((perm) =>
    (PERMISSIONS[perm] as readonly Role[]).some((r) => roles.has(r)),
  );
}

/**
 * The one access check: does the person hold a role that allows the permission, and, for a role scoped
 * to an agency, does the resource belong to that agency or one of its sub-units?
 */
export function can(p: Principal | null, permission: Permission, resource?: ResourceScope): boolean {
  if (!p) return false;
  const allowed = PERMISSIONS[permission] as readonly Role[];
  for (const grant of p.grants) {
    if (!allowed.includes(grant.role)) continue;
    if (!AGENCY_SCOPED_ROLES.includes(grant.role)) return true;
    if (!resource || resource.agencyId === undefined) return true;
    if (resource.agencyId && p.scopes.get(grant.role)?.has(resource.agencyId)) return true;
  }
  return false;
}

/** Throws the right problem when `can` says no, or when the permission needs a second factor not yet given. */
export function authorize(p: Principal | null, permission: Permission, resource?: ResourceScope): Principal {
  if (!p) throw new AppError('unauthenticated');
  if (!can(p, permission, resource)) throw new AppError('forbidden');
  if (MFA_GUARDED.includes(permission) && needsMfa(p) && !p.mfaVerified) {
    throw new AppError(p.totpEnabled ? 'mfa_required' : 'mfa_enrollment_required');
  }
  return p;
}
