import { z } from 'zod';
import { AGENCY_KINDS } from './agencies.js';
import { ROLES, type Permission, type Role } from './roles.js';

/** Vietnamese mobile number as typed (0912 345 678, +84912345678); normalised to +84XXXXXXXXX by `normalizePhone`. */
export const phoneInput = z
  .string()
  .trim()
  .regex(/^(\+?84|0)[\s.-]?\d(?:[\s.-]?\d){8}$/, {
    error: 'Số điện thoại không hợp lệ / Invalid phone number',
  });

/** Canonical +84 form of a Vietnamese phone number. */
export function normalizePhone(input: string): string {
  const digits = input.replace(/[^\d]/g, '');
  if (digits.startsWith('84')) return `+${digits}`;
  if (digits.startsWith('0')) return `+84${digits.slice(1)}`;
  return `+84${digits}`;
}

/** An email address as compared and indexed: trimmed, lower-case. */
export function normalizeEmail(input: string): string {
  return input.trim().toLowerCase();
}

export const loginRequest = z.strictObject({
  login: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(500),
});

export const totpCodeRequest = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: 'Mã gồm 6 chữ số / The code has 6 digits' }),
});

export const otpRequest = z.strictObject({ phone: phoneInput });
export const otpVerifyRequest = z.strictObject({
  phone: phoneInput,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: 'Mã gồm 6 chữ số / The code has 6 digits' }),
});

export const roleAssignment = z.strictObject({
  role: z.enum(ROLES),
  agencyId: z.uuid().nullable().optional(),
  unitCode: z.string().max(10).nullable().optional(),
});

export interface RoleView {
  role: Role;
  agencyId: string | null;
  agencyName: string | null;
  unitCode: string | null;
  unitName: string | null;
}

/** Who is signed in, as the web app sees it. */
export interface SessionUser {
  id: string;
  kind: 'staff' | 'citizen';
  fullName: string;
  username: string | null;
  email: string | null;
  phoneMasked: string | null;
  /** The person's language (`users.locale`): the console switches to it at sign-in; their notices use it. */
  locale: 'vi' | 'en';
  roles: RoleView[];
  permissions: Permission[];
  totpEnabled: boolean;
  mfaVerified: boolean;
  /** The person holds a role that needs two-factor and has not enabled it yet. */
  mfaEnrollmentRequired: boolean;
}

export interface SessionResponse {
  user: SessionUser;
  csrfToken: string;
}

export interface LoginResponse {
  mfaRequired: boolean;
  csrfToken: string;
  user: SessionUser | null;
}

export interface TotpSetupResponse {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

export const createUserRequest = z.strictObject({
  username: z
    .string()
    .trim()
    .min(3)
    .max(64)
    .regex(/^[a-zA-Z0-9._-]+$/, {
      error: 'Chỉ gồm chữ, số, dấu chấm, gạch / Letters, digits, dot, dash only',
    }),
  email: z.email().max(200).nullable().optional(),
  fullName: z.string().trim().min(2).max(200),
  password: z.string().min(10).max(500),
  roles: z.array(roleAssignment).min(1).max(20),
  /** The language of the person's notices (console and mail); Vietnamese when not given. */
  locale: z.enum(['vi', 'en']).optional(),
});

export const updateUserRequest = z.strictObject({
  fullName: z.string().trim().min(2).max(200).optional(),
  email: z.email().max(200).nullable().optional(),
  active: z.boolean().optional(),
  password: z.string().min(10).max(500).optional(),
  roles: z.array(roleAssignment).min(1).max(20).optional(),
  locale: z.enum(['vi', 'en']).optional(),
});

export interface UserView {
  id: string;
  kind: 'staff' | 'citizen';
  username: string | null;
  email: string | null;
  fullName: string;
  active: boolean;
  /** The language of their notices (console and mail). */
  locale: 'vi' | 'en';
  totpEnabled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  roles: RoleView[];
}

export const listUsersQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  agencyId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** The agency kinds (same list as contracts/agencies.ts), under the name the web app uses. */
export const AGENCY_KIND_VALUES = AGENCY_KINDS;

export const createAgencyRequest = z.strictObject({
  code: z
    .string()
    .trim()
    .min(2)
    .max(64)
    .regex(/^[a-z0-9_.-]+$/, {
      error: 'Mã chỉ gồm chữ thường, số, . _ - / lower-case letters, digits, . _ -',
    }),
  name: z.string().trim().min(2).max(300),
  shortName: z.string().trim().min(1).max(100),
  kind: z.enum(AGENCY_KIND_VALUES),
  parentId: z.uuid().nullable().optional(),
  unitCode: z.string().max(10).nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  phone: z.string().max(30).nullable().optional(),
});

export const updateAgencyRequest = createAgencyRequest.omit({ code: true }).partial().extend({
  active: z.boolean().optional(),
});

export interface AgencyView {
  id: string;
  code: string;
  name: string;
  shortName: string;
  kind: (typeof AGENCY_KIND_VALUES)[number];
  parentId: string | null;
  unitCode: string | null;
  email: string | null;
  phone: string | null;
  active: boolean;
}

export interface UnitView {
  code: string;
  name: string;
  shortName: string;
  type: string;
  level: number;
  parentCode: string | null;
}

export const listAuditQuery = z.strictObject({
  actorId: z.uuid().optional(),
  action: z.string().max(100).optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  beforeId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export interface AuditEntryView {
  id: number;
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: Record<string, unknown>;
  ip: string | null;
  requestId: string | null;
}

/** A citizen corrects their own account (the phone number is their sign-in and cannot change here). */
/** The language a signed-in person's notices (console notices, mails) are written in. */
export const setMyLocaleRequest = z.strictObject({ locale: z.enum(['vi', 'en']) });

export const updateMyAccountRequest = z.strictObject({
  fullName: z.string().trim().min(1).max(120).optional(),
  email: z.email().max(200).nullable().optional(),
  locale: z.enum(['vi', 'en']).optional(),
});
