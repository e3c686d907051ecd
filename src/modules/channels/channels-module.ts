import type { FastifyInstance } from 'fastify';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { SmsSender } from '../../platform/sms/sms.js';
import type { ReporterNotifier } from '../feedback/jobs/notify-reporter.js';
import { outboxNotifier } from '../feedback/jobs/outbox-notifier.js';
import type { ChannelsDeps } from './channels-deps.js';
import { smtpNotifier, smtpTransport, type MailTransport } from './mail/smtp-notifier.js';

export interface ChannelsModule {
  /** How reporters hear from us: SMTP when SMTP_URL is set, else the DATA_DIR/mail-outbox.log file. */
  notifier: ReporterNotifier;
  /** Registers the channels' workers and schedules (call when the job queue runs). */
  startJobs(jobs: JobQueue): Promise<void>;
  close(): Promise<void>;
}

/** Wires the channels module: mail out, the mailbox poller, Open311 and the call centre. */
export function registerChannels(
  _http: FastifyInstance,
  deps: ChannelsDeps,
  options: {
    sms: SmsSender;
    dataDir: string;
    transport?: MailTransport;
    /** The demo seed's Open311 key (DEMO_API_KEY), when seeding demo data. */
    demoApiKey?: string | undefined;
  },
): ChannelsModule {
  const transport = options.transport ?? (deps.mail.smtpUrl ? smtpTransport(deps.mail.smtpUrl) : null);
  const from = deps.mail.from ?? `"${deps.profile.brand.hotlineName}" <${deps.profile.brand.mailbox}>`;
  const notifier = transport
    ? smtpNotifier({
        database: deps.database,
        transport,
        from,
        sms: options.sms,
        autoCapPerHour: deps.mail.autoCapPerHour,
        brand: deps.profile.brand.hotlineName,
        now: deps.now,
      })
    : outboxNotifier(options.dataDir, options.sms);
  return {
    notifier,
    async startJobs(_jobs: JobQueue) {},
    async close() {
      transport?.close?.();
    },
  };
}
