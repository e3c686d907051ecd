import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import type { SmsSender } from '../../platform/sms/sms.js';

/** What identity use cases need from the outside world. */
export interface IdentityDeps {
  database: Database;
  config: Pick<Config, 'publicUrl' | 'secureCookies'>;
  sms: SmsSender;
  brandName: string;
  now: () => Date;
}

/** Request facts recorded with each change. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export const STAFF_SESSION_HOURS = 8;
export const CITIZEN_SESSION_DAYS = 30;
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const OTP_TTL_SECONDS = 300;
export const OTP_RESEND_SECONDS = 60;
export const OTP_MAX_PER_HOUR = 5;
export const OTP_MAX_ATTEMPTS = 5;
