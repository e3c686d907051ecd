import { normalizeEmail, normalizePhone } from '../../contracts/identity.js';
import type { SealedColumns } from '../../platform/crypto/data-keys.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Profile } from '../../platform/profile/profile.js';
import type { IdentityDeps } from '../identity/index.js';

/** What feedback use cases need. */
export interface FeedbackDeps extends IdentityDeps {
  profile: Profile;
  jobs: JobQueue | null;
}

/** Jobs the feedback module queues (always inside the transaction that made them necessary). */
export const FEEDBACK_JOBS = {
  notifyReporter: 'feedback.notify-reporter',
  checkDeadlines: 'feedback.check-deadlines',
  closeQuietReports: 'feedback.close-quiet-reports',
  anonymiseOldReports: 'feedback.anonymise-old-reports',
  /** The email copy of one staff deadline notice (staff-notifications.ts). */
  emailStaff: 'feedback.email-staff-notification',
  /** Acknowledgement and outcome of a data subject request (use-cases/data-requests.ts). */
  notifyDataRequest: 'feedback.notify-data-request',
} as const;

export interface NotifyReporterJob {
  reportId: string;
  eventId: number;
}

/** Channel on which committed report changes are announced (LISTEN/NOTIFY), for live queues. */
export const REPORT_CHANNEL = 'report_changes';

/** The feedback module's encrypted columns (start-up step: encrypt clear rows, re-encrypt after a rotation). */
export const FEEDBACK_SEALED_COLUMNS: SealedColumns[] = [
  {
    table: 'reports',
    columns: [
      { column: 'reporter_name' },
      { column: 'reporter_phone', hashColumn: 'reporter_phone_hash', normalise: normalizePhone },
      { column: 'reporter_email', hashColumn: 'reporter_email_hash', normalise: normalizeEmail },
    ],
  },
  {
    table: 'data_requests',
    columns: [
      { column: 'contact_phone' },
      { column: 'contact_email' },
      { column: 'details' },
      { column: 'correction' },
    ],
  },
];
