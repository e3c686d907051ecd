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

/** Subscriptions per push-batch job. */
export const PUSH_BATCH_SIZE = 500;
