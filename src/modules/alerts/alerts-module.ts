import type { FastifyInstance } from 'fastify';
import { SYSTEM_ACTOR } from '../../platform/audit/audit.js';
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Profile } from '../../platform/profile/profile.js';
import { localInstallation } from '../../platform/push/endpoint.js';
import type { IdentityDeps } from '../identity/index.js';
import { UnitTree } from './alert-rules.js';
import nodemailer from 'nodemailer';
import type { SmsSender } from '../../platform/sms/sms.js';
import {
  ALERTS_JOBS,
  type AlertMailTransport,
  type AlertsDeps,
  type ContactBatchJob,
  type FanOutJob,
  type PushBatchJob,
} from './alerts-deps.js';
import { vapidKeyPair } from './alerts.repository.js';
import { registerAlertRoutes } from './alerts.routes.js';
import { seedDemoAlerts } from './alerts-seed.js';
import {
  deliverBatch,
  deliverContactBatch,
  fanOutAlert,
  PUSH_PARALLEL_BATCHES,
} from './jobs/deliver-alert.js';
import { generateVapidKeys, PushSender } from './push/push-sender.js';
import { expireAlerts } from './use-cases/alert-workflow.js';

export interface AlertsModule {
  deps: AlertsDeps;
  /** The sender (created on first use, with the installation's VAPID keys). */
  sender(): Promise<PushSender>;
}

/** Wires the alerts module: routes, demo seed, jobs (fan-out, push batches, expiry). */
export async function registerAlerts(input: {
  http: FastifyInstance;
  database: Database;
  profile: Profile;
  jobs: JobQueue | null;
  config: Config;
  identity: IdentityDeps;
  seedDemo: boolean;
  now?: () => Date;
  sms: SmsSender;
  /** Test override of the SMTP transport (else from SMTP_URL; none → no email channel). */
  mailTransport?: AlertMailTransport;
}): Promise<AlertsModule> {
  const { http, database, profile, jobs, config, identity } = input;
  const deps: AlertsDeps = {
    database,
    config,
    profile,
    jobs,
    units: new UnitTree(
      profile.units.map((u) => ({ code: u.code, name: u.name, level: u.level, parentCode: u.parent_code })),
    ),
    now: input.now ?? (() => new Date()),
    capSender: `canhbao@${profile.brand.portalHost}`,
    allowLocalPushEndpoints: localInstallation(config.publicUrl),
    sms: input.sms,
    mail: null,
  };
  const transport =
    input.mailTransport ?? (config.mail.smtpUrl ? nodemailer.createTransport(config.mail.smtpUrl) : null);
  if (transport)
    deps.mail = {
      transport,
      from: config.mail.from ?? `"${profile.brand.appName}" <${profile.brand.mailbox}>`,
    };
  let keys: Promise<{ publicKey: string; privateKey: string }> | null = null;
  const vapid = () => (keys ??= vapidKeyPair(database.db, generateVapidKeys));
  let sender: Promise<PushSender> | null = null;
  const getSender = () =>
    (sender ??= vapid().then((k) => new PushSender({ ...k, subject: `mailto:${profile.brand.mailbox}` })));

  if (input.seedDemo) await seedDemoAlerts(deps);
  registerAlertRoutes(http, deps, identity, async () => (await vapid()).publicKey);

  if (jobs) {
    await jobs.work<FanOutJob>(ALERTS_JOBS.fanOut, (job) => fanOutAlert(deps, job));
    await jobs.work<PushBatchJob>(
      ALERTS_JOBS.pushBatch,
      async (job) => {
        const counts = await deliverBatch(deps, await getSender(), job);
        return counts.sent + counts.removed + counts.failed > 0 ? 'done' : 'skipped';
      },
      { concurrency: PUSH_PARALLEL_BATCHES },
    );
    await jobs.work<ContactBatchJob>(ALERTS_JOBS.contactBatch, async (job) => {
      const counts = await deliverContactBatch(deps, job);
      return counts.sent + counts.failed + counts.removed > 0 ? 'done' : 'skipped';
    });
    await jobs.work(ALERTS_JOBS.expire, async () =>
      (await expireAlerts(deps, SYSTEM_ACTOR)) > 0 ? 'done' : 'skipped',
    );
    await jobs.schedule(ALERTS_JOBS.expire, '*/5 * * * *');
  }
  return { deps, sender: getSender };
}
