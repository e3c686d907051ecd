import type { SealedColumns } from '../../platform/crypto/data-keys.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Profile } from '../../platform/profile/profile.js';
import type { FileStorage } from '../../platform/storage/storage.js';
import type { IdentityDeps } from '../identity/index.js';
import type { ReporterNotifier } from '../feedback/jobs/notify-reporter.js';

/** What campaigns use cases need. */
export interface CampaignsDeps extends IdentityDeps {
  profile: Profile;
  jobs: JobQueue | null;
  storage: FileStorage;
  /**
   * Mail out (the channels module's SMTP notifier, or the DATA_DIR/mail-outbox.log file): set by the
   * composition root once the channels module is wired; reminders are in-app only without it.
   */
  notifier?: ReporterNotifier | null;
}

/** Jobs of the campaigns module. */
export const CAMPAIGNS_JOBS = {
  remind: 'campaigns.remind-reports',
} as const;

/** The campaigns module's encrypted columns (see FEEDBACK_SEALED_COLUMNS): volunteers' phones. */
export const CAMPAIGNS_SEALED_COLUMNS: SealedColumns[] = [
  { table: 'community_team_members', columns: [{ column: 'phone' }] },
];
