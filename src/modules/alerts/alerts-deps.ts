import type { Config } from '../../platform/config/config.js';
import type { SealedColumns } from '../../platform/crypto/data-keys.js';
import type { Database } from '../../platform/db/database.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Profile } from '../../platform/profile/profile.js';
import type { SmsSender } from '../../platform/sms/sms.js';
import type { UnitTree } from './alert-rules.js';

/** The part of a nodemailer transport the alerts module uses. */
export interface AlertMailTransport {
  sendMail(mail: Record<string, unknown>): Promise<unknown>;
}

/** What the alerts use cases and jobs need. */
export interface AlertsDeps {
  database: Database;
  config: Pick<Config, 'publicUrl' | 'secureCookies'>;
  profile: Profile;
  jobs: JobQueue | null;
  units: UnitTree;
  now: () => Date;
  /** Sender address in CAP (`sender`), e.g. canhbao@1022.longan.gov.vn. */
  capSender: string;
  /** http:// and loopback push endpoints are accepted only on a local (http://localhost) installation. */
  allowLocalPushEndpoints: boolean;
  /** SMS adapter (the platform's: dev outbox or HTTP gateway) for citizens who chose SMS. */
  sms: SmsSender;
  /** Outgoing mail (SMTP via nodemailer) for citizens who chose email; null when SMTP_URL is unset. */
  mail: { transport: AlertMailTransport; from: string } | null;
}

/** The alerts module's encrypted columns (see FEEDBACK_SEALED_COLUMNS): where SMS and email alerts go. */
export const ALERTS_SEALED_COLUMNS: SealedColumns[] = [
  { table: 'alert_contacts', columns: [{ column: 'address' }] },
];

export const ALERTS_JOBS = {
  fanOut: 'alerts.fan-out',
  pushBatch: 'alerts.push-batch',
  contactBatch: 'alerts.contact-batch',
  expire: 'alerts.expire',
} as const;

export interface FanOutJob {
  alertId: string;
}

export interface PushBatchJob {
  alertId: string;
  subscriptionIds: string[];
}

export interface ContactBatchJob {
  alertId: string;
  contactIds: string[];
}

/** Contacts (SMS, email) per contact-batch job, and messages in flight within one. */
export const CONTACT_BATCH_SIZE = 100;
export const CONTACT_CONCURRENCY = 8;
/** An SMS or mail that failed this many times (gateway or SMTP errors) is given up as failed. */
export const CONTACT_MAX_ATTEMPTS = 3;

/**
 * A push-batch job still 'active' after this is given up and retried: after a crash, batches the dead
 * process had fetched but not finished run again within minutes instead of pg-boss's default 15 min.
 * A batch sends 500 requests 64 at a time with a 10 s timeout (≤ 80 s). A retry never sends twice:
 * deliveries are claimed first.
 */
export const PUSH_BATCH_EXPIRE_SECONDS = 120;

/** Subscriptions per push-batch job. */
export const PUSH_BATCH_SIZE = 500;
