import type { FastifyInstance } from 'fastify';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { SmsSender } from '../../platform/sms/sms.js';
import type { ReporterNotifier } from '../feedback/jobs/notify-reporter.js';
import { outboxNotifier } from '../feedback/jobs/outbox-notifier.js';
import { CHANNELS_JOBS, type ChannelsDeps } from './channels-deps.js';
import { registerMailRoutes } from './mail/mail.routes.js';
import { pollMailbox } from './mail/poll-mailbox.js';
import { registerOpen311Routes } from './open311/open311.routes.js';
import { registerCallCentreRoutes } from './call-centre/call-centre.routes.js';
import { createClient } from './open311/open311-requests.js';
import { randomBytes } from 'node:crypto';
import { smtpNotifier, smtpTransport, type MailTransport } from './mail/smtp-notifier.js';

export interface ChannelsModule {
  deps: ChannelsDeps;
  /** How reporters hear from us: SMTP when SMTP_URL is set, else the DATA_DIR/mail-outbox.log file. */
  notifier: ReporterNotifier;
  /** Registers the channels' workers and schedules (call when the job queue runs). */
  startJobs(jobs: JobQueue): Promise<void>;
  /** Demo data: one Open311 client whose key is DEMO_API_KEY when set (else random, logged once). */
  seedDemo(): Promise<void>;
  close(): Promise<void>;
}

/** Wires the channels module: mail out, the mailbox poller, Open311 and the call centre. */
export function registerChannels(
  http: FastifyInstance,
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
        sender: {
          hotline: deps.profile.brand.hotlineName,
          hotlineEn: deps.profile.brand.hotlineNameEn ?? deps.profile.brand.hotlineName,
          department: deps.profile.brand.departmentName,
          departmentEn: deps.profile.brand.departmentNameEn ?? deps.profile.brand.departmentName,
          publicUrl: deps.config.publicUrl,
        },
        now: deps.now,
      })
    : outboxNotifier(options.dataDir, options.sms);
  registerMailRoutes(http, deps);
  registerOpen311Routes(http, deps);
  registerCallCentreRoutes(http, deps);
  return {
    deps,
    notifier,
    async seedDemo() {
      const { rows } = await deps.database.executeSql('select count(*)::int as n from open311_clients');
      if ((rows[0] as { n: number }).n > 0) return;
      const key = options.demoApiKey ?? `o311_${randomBytes(18).toString('base64url')}`;
      await createClient(deps, null, { name: 'Ứng dụng demo Open311' }, { id: null, label: 'seed' }, key);
      if (!options.demoApiKey)
        deps.log.info({}, `Khóa Open311 demo / demo Open311 api_key (shown once): ${key}`);
    },
    async startJobs(jobs: JobQueue) {
      const imapUrl = deps.mail.imapUrl;
      if (imapUrl) {
        await jobs.work(CHANNELS_JOBS.pollMailbox, async () => {
          const r = await pollMailbox(deps, imapUrl, deps.mail.imapMailbox);
          return r.seen > 0 ? 'done' : 'skipped';
        });
        await jobs.schedule(CHANNELS_JOBS.pollMailbox, deps.mail.imapPollCron);
      }
    },
    async close() {
      transport?.close?.();
    },
  };
}
