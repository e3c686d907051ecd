import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Profile } from '../../platform/profile/profile.js';
import type { UnitTree } from './alert-rules.js';

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
}

export const ALERTS_JOBS = {
  fanOut: 'alerts.fan-out',
  pushBatch: 'alerts.push-batch',
  expire: 'alerts.expire',
} as const;

export interface FanOutJob {
  alertId: string;
}

export interface PushBatchJob {
  alertId: string;
  subscriptionIds: string[];
}

/**
 * A push-batch job still 'active' after this is given up and retried: after a crash, batches the dead
 * process had fetched but not finished run again within minutes instead of pg-boss's default 15 min.
 * A batch sends 500 requests 64 at a time with a 10 s timeout (≤ 80 s). A retry never sends twice:
 * deliveries are claimed first.
 */
export const PUSH_BATCH_EXPIRE_SECONDS = 120;

/** Subscriptions per push-batch job. */
export const PUSH_BATCH_SIZE = 500;
