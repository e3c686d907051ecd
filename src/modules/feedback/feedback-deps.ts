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
} as const;

export interface NotifyReporterJob {
  reportId: string;
  eventId: number;
}

/** Channel on which committed report changes are announced (LISTEN/NOTIFY), for live queues. */
export const REPORT_CHANNEL = 'report_changes';
