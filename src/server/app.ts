import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createHttpServer } from '../platform/http/http-server.js';
import { buildOpenApi } from '../platform/http/openapi.js';
import { routeRegistry } from '../platform/http/route.js';
import type { Config } from '../platform/config/config.js';
import { openPglite, openPostgres, type Database } from '../platform/db/database.js';
import { acquireStartupLock, migrateDatabase } from '../platform/db/migrate.js';
import { createJobQueue, type JobQueue } from '../platform/jobs/job-queue.js';
import { loadProfile, type Profile } from '../platform/profile/profile.js';
import { devSmsSender, httpSmsSender, type SmsSender } from '../platform/sms/sms.js';
import type { IdentityDeps } from '../modules/identity/identity-deps.js';
import { deleteExpiredSessions } from '../modules/identity/identity.repository.js';
import { registerIdentityRoutes } from '../modules/identity/identity.routes.js';
import { IDENTITY_SEALED_COLUMNS, validateUserContactChecks } from '../modules/identity/user-contacts.js';
import { seedDatabase, type SeedResult } from '../seed/seed.js';
import {
  FEEDBACK_JOBS,
  FEEDBACK_SEALED_COLUMNS,
  type FeedbackDeps,
  type NotifyReporterJob,
} from '../modules/feedback/feedback-deps.js';
import { registerFeedbackRoutes } from '../modules/feedback/feedback.routes.js';
import { registerDataRequestRoutes } from '../modules/feedback/data-requests.routes.js';
import { notifyDataRequest, type DataRequestNoticeJob } from '../modules/feedback/use-cases/data-requests.js';
import { seedDemoReports } from '../modules/feedback/feedback-seed.js';
import { registerRoutingRoutes } from '../modules/routing/routing.routes.js';
import { localFileStorage } from '../platform/storage/storage.js';
import { registerAttachmentRoutes } from '../modules/feedback/attachments/attachments.routes.js';
import { canSee } from '../modules/feedback/use-cases/transition-report.js';
import { findReport } from '../modules/feedback/feedback.repository.js';
import { notifyReporter, type ReporterNotifier } from '../modules/feedback/jobs/notify-reporter.js';
import type { ReporterPush } from '../modules/feedback/jobs/push-reporter.js';
import {
  anonymiseOldReports,
  checkDeadlines,
  closeQuietReports,
} from '../modules/feedback/jobs/deadline-jobs.js';
import { emailStaffNotification, type EmailStaffJob } from '../modules/feedback/staff-notifications.js';
import { registerChannels, type ChannelsModule } from '../modules/channels/channels-module.js';
import { CHANNELS_JOBS, CHANNELS_SEALED_COLUMNS } from '../modules/channels/channels-deps.js';
import {
  checkDataKeys,
  forgetOldDataKeys,
  recordDataKey,
  resealColumns,
  resolveKeyRing,
} from '../platform/crypto/data-keys.js';
import { installKeyRing } from '../platform/crypto/field-cipher.js';
import type { MailTransport } from '../modules/channels/mail/smtp-notifier.js';
import { registerWebRoutes } from './web.js';
import { registerPublicPages } from './public-pages.js';
import { ALERTS_JOBS, ALERTS_SEALED_COLUMNS } from '../modules/alerts/alerts-deps.js';
import { registerAlerts, type AlertsModule } from '../modules/alerts/alerts-module.js';
import { registerAlertPages } from './alert-pages.js';
import { registerTriage, TRIAGE_JOBS } from '../modules/triage/triage-module.js';
import { registerContent, seedDemoContent, type ContentDeps } from '../modules/content/content-module.js';
import { CAMPAIGNS_JOBS, registerCampaigns } from '../modules/campaigns/campaigns-module.js';
import { CAMPAIGNS_SEALED_COLUMNS } from '../modules/campaigns/campaigns-deps.js';
import { ANALYTICS_JOBS, registerAnalytics } from '../modules/analytics/analytics-module.js';

export interface App {
  http: FastifyInstance;
  database: Database;
  profile: Profile;
  jobs: JobQueue | null;
  seed: SeedResult | null;
  /** The feedback module's dependencies, for jobs and tests that call its use cases directly. */
  feedbackDeps: FeedbackDeps;
  alerts: AlertsModule;
  channels: ChannelsModule;
  close(): Promise<void>;
}

export interface AppOptions {
  /** An already-open database (tests share one); otherwise opened from the configuration. */
  database?: Database;
  /** Start the job queue (pg-boss). Tests of plain HTTP turn it off to stay fast. */
  jobs?: boolean;
  sms?: SmsSender;
  notifier?: ReporterNotifier;
  /** The SMTP transport (tests pass one bound to a loopback server); from SMTP_URL otherwise. */
  mailTransport?: MailTransport;
  now?: () => Date;
}

/** Opens the configured database: PGlite in DATA_DIR by default, the PostgreSQL server when DATABASE_URL is set. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}

/**
 * Composition root: database (migrated and seeded), HTTP server with every module's routes, job queue.
 * The same code serves both sizes; PROCESS_ROLE picks web, worker or both.
 */
export async function buildApp(config: Config, options: AppOptions = {}): Promise<App> {
  const profile = loadProfile(config.profile);
  const database = options.database ?? (await openConfiguredDatabase(config));
  // Processes starting together on one server migrate and seed one after the other.
  let releaseStartup: (() => Promise<void>) | null = await acquireStartupLock(database, config.databaseUrl);
  try {
    await migrateDatabase(database, config.databaseUrl);
    // Personal data at rest: refuse a key that cannot read this database, then encrypt rows written before
    // encryption (or under a previous key) before anything else reads them.
    const ring = resolveKeyRing(config);
    await checkDataKeys(database.db, ring);
    installKeyRing(ring);
    await recordDataKey(database.db, ring);
    for (const spec of [
      ...IDENTITY_SEALED_COLUMNS,
      ...FEEDBACK_SEALED_COLUMNS,
      ...CHANNELS_SEALED_COLUMNS,
      ...CAMPAIGNS_SEALED_COLUMNS,
      ...ALERTS_SEALED_COLUMNS,
    ])
      await resealColumns(database, spec, ring);
    await validateUserContactChecks(database.db);
    await forgetOldDataKeys(database.db, ring);
    const seed =
      config.seed === 'none'
        ? null
        : await seedDatabase(database, profile, config.seed, {
            admin: config.adminPassword,
            demo: config.demoPassword,
          });

    const http = await createHttpServer(config, database);
    const sms =
      options.sms ??
      (config.sms.adapter === 'http'
        ? httpSmsSender(config.sms.url!, config.sms.token)
        : devSmsSender(config.dataDir, http.log));
    const identity: IdentityDeps = {
      database,
      config,
      sms,
      brandName: profile.brand.appName,
      now: options.now ?? (() => new Date()),
    };
    registerIdentityRoutes(http, identity);

    let jobs: JobQueue | null = null;
    if (options.jobs ?? true) {
      jobs = createJobQueue(database, http.log, { worker: config.processRole !== 'web' });
      await jobs.start();
      // Mail to reporters waits out an SMTP server that is down for hours: 14 retries, doubling from 10 s,
      // span two to four days (the first go of jobs of the other queues are retried 5 times, over a few minutes).
      await jobs.declare([FEEDBACK_JOBS.notifyReporter], { retryLimit: 14 });
      await jobs.declare([
        ...Object.values(FEEDBACK_JOBS),
        ...Object.values(ALERTS_JOBS),
        ...Object.values(TRIAGE_JOBS),
        ...Object.values(CAMPAIGNS_JOBS),
        ...Object.values(CHANNELS_JOBS),
        ...Object.values(ANALYTICS_JOBS),
      ]);
    }
    const feedback: FeedbackDeps = { ...identity, profile, jobs };
    if (config.seed === 'demo' && seed) await seedDemoReports(feedback);
    registerFeedbackRoutes(http, feedback);
    registerDataRequestRoutes(http, feedback);
    registerRoutingRoutes(http, identity);
    // Smart triage (issue 10): suggestions, model versions and training, hotspots.
    await registerTriage(http, feedback);
    const storage = localFileStorage(path.join(config.dataDir, 'files'));
    await registerAttachmentRoutes(
      http,
      { ...identity, storage },
      {
        canSee: async (p, reportId) => {
          const r = await findReport(database.db, reportId);
          return !!r && canSee(p, r);
        },
      },
    );
    const campaigns = await registerCampaigns(http, {
      identity,
      profile,
      jobs,
      storage,
      seedDemo: config.seed === 'demo' && !!seed,
    });
    http.get('/api/v1/profile', async () => ({
      id: profile.id,
      province: profile.province,
      brand: profile.brand,
      levels: profile.levels,
      map: profile.map,
    }));
    // District outlines for the citizen's place picker (and any public map): coordinates rounded to ~11 m.
    const publicBoundaries = JSON.stringify(
      profile.boundaries ?? { type: 'FeatureCollection', features: [] },
      (_key, value: unknown) => (typeof value === 'number' ? Math.round(value * 1e4) / 1e4 : value),
    );
    http.get('/api/v1/units/boundaries', async (_req, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .header('cache-control', 'public, max-age=86400')
        .send(publicBoundaries),
    );
    http.get('/api/v1/openapi.json', async () =>
      buildOpenApi(routeRegistry, {
        title: `${profile.brand.appName} — Tỉnh Số API`,
        version: '1',
        serverUrl: config.publicUrl,
      }),
    );
    const alerts = await registerAlerts({
      http,
      database,
      profile,
      jobs,
      config,
      identity,
      seedDemo: config.seed === 'demo' && !!seed,
      ...(options.now ? { now: options.now } : {}),
      sms,
      ...(options.mailTransport ? { mailTransport: options.mailTransport } : {}),
    });
    registerAlertPages(http, alerts.deps);
    // Content (issue 7): the digital-transformation portal, news, documents, services, media library.
    const content: ContentDeps & { profile: Profile } = { ...identity, storage, profile };
    if (config.seed === 'demo' && seed) await seedDemoContent(content);
    await registerContent(http, content);
    // Channels: mail in and out, Open311, the call centre (issue 5).
    const channels = registerChannels(
      http,
      { ...feedback, storage, mail: config.mail, cti: config.cti, log: http.log },
      {
        sms,
        dataDir: config.dataDir,
        demoApiKey: config.seed === 'demo' ? config.demoApiKey : undefined,
        ...(options.mailTransport ? { transport: options.mailTransport } : {}),
      },
    );
    if (config.seed === 'demo' && seed) await channels.seedDemo();
    // Campaign report reminders are mailed through the same notifier as reporter notices.
    campaigns.notifier = channels.notifier;
    // Every module has seeded its data: the next process may start.
    await releaseStartup();
    releaseStartup = null;
    await registerWebRoutes(http, { config, profile });
    await registerPublicPages(http, { feedback, profile, config });
    // Analytics: IOC dashboard, agency ranking, public statistics (/thong-ke), open data, exports.
    await registerAnalytics(http, { ...identity, profile }, jobs);

    if (jobs) {
      const notifier = options.notifier ?? channels.notifier;
      // Pushes to the reporter's devices go through the alerts module's sender (the installation's VAPID keys).
      const reporterPush: ReporterPush = {
        send: async (target, payload, opts) => (await alerts.sender()).send(target, payload, opts),
      };
      await jobs.work<NotifyReporterJob>(FEEDBACK_JOBS.notifyReporter, (job) =>
        notifyReporter(feedback, notifier, job, reporterPush),
      );
      await jobs.work<DataRequestNoticeJob>(FEEDBACK_JOBS.notifyDataRequest, (job) =>
        notifyDataRequest(feedback, notifier, job),
      );
      await jobs.work<EmailStaffJob>(FEEDBACK_JOBS.emailStaff, (job) =>
        emailStaffNotification(feedback, notifier, job),
      );
      await jobs.work(FEEDBACK_JOBS.checkDeadlines, () => checkDeadlines(feedback));
      await jobs.schedule(FEEDBACK_JOBS.checkDeadlines, '*/10 * * * *');
      await jobs.work(FEEDBACK_JOBS.closeQuietReports, () => closeQuietReports(feedback));
      await jobs.schedule(FEEDBACK_JOBS.closeQuietReports, '30 2 * * *');
      await jobs.work(FEEDBACK_JOBS.anonymiseOldReports, () =>
        anonymiseOldReports(feedback, config.anonymiseAfterDays),
      );
      await jobs.schedule(FEEDBACK_JOBS.anonymiseOldReports, '10 3 * * *');
      await jobs.work<Record<string, never>>('identity.purge-expired-sessions', async () => {
        const n = await deleteExpiredSessions(database.db, new Date());
        return n > 0 ? 'done' : 'skipped';
      });
      await jobs.schedule('identity.purge-expired-sessions', '17 * * * *');
      await channels.startJobs(jobs);
    }

    return {
      http,
      database,
      profile,
      jobs,
      seed,
      feedbackDeps: feedback,
      alerts,
      channels,
      async close() {
        await http.close();
        await channels.close();
        await jobs?.stop();
        if (!options.database) await database.close();
      },
    };
  } catch (err) {
    await releaseStartup?.();
    if (!options.database) await database.close().catch(() => {});
    throw err;
  }
}
