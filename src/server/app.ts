import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createHttpServer } from '../platform/http/http-server.js';
import { buildOpenApi } from '../platform/http/openapi.js';
import { routeRegistry } from '../platform/http/route.js';
import type { Config } from '../platform/config/config.js';
import { openPglite, openPostgres, type Database } from '../platform/db/database.js';
import { migrateDatabase } from '../platform/db/migrate.js';
import { createJobQueue, type JobQueue } from '../platform/jobs/job-queue.js';
import { loadProfile, type Profile } from '../platform/profile/profile.js';
import { devSmsSender, httpSmsSender, type SmsSender } from '../platform/sms/sms.js';
import type { IdentityDeps } from '../modules/identity/identity-deps.js';
import { deleteExpiredSessions } from '../modules/identity/identity.repository.js';
import { registerIdentityRoutes } from '../modules/identity/identity.routes.js';
import { seedDatabase, type SeedResult } from '../seed/seed.js';
import {
  FEEDBACK_JOBS,
  type FeedbackDeps,
  type NotifyReporterJob,
} from '../modules/feedback/feedback-deps.js';
import { registerFeedbackRoutes } from '../modules/feedback/feedback.routes.js';
import { seedDemoReports } from '../modules/feedback/feedback-seed.js';
import { registerRoutingRoutes } from '../modules/routing/routing.routes.js';
import { localFileStorage } from '../platform/storage/storage.js';
import { registerAttachmentRoutes } from '../modules/feedback/attachments/attachments.routes.js';
import { canSee } from '../modules/feedback/use-cases/transition-report.js';
import { findReport } from '../modules/feedback/feedback.repository.js';
import { notifyReporter, type ReporterNotifier } from '../modules/feedback/jobs/notify-reporter.js';
import { outboxNotifier } from '../modules/feedback/jobs/outbox-notifier.js';
import { checkDeadlines, closeQuietReports } from '../modules/feedback/jobs/deadline-jobs.js';
import { registerWebRoutes } from './web.js';
import { registerPublicPages } from './public-pages.js';
import { ANALYTICS_JOBS, registerAnalytics } from '../modules/analytics/analytics-module.js';

export interface App {
  http: FastifyInstance;
  database: Database;
  profile: Profile;
  jobs: JobQueue | null;
  seed: SeedResult | null;
  /** The feedback module's dependencies, for jobs and tests that call its use cases directly. */
  feedbackDeps: FeedbackDeps;
  close(): Promise<void>;
}

export interface AppOptions {
  /** An already-open database (tests share one); otherwise opened from the configuration. */
  database?: Database;
  /** Start the job queue (pg-boss). Tests of plain HTTP turn it off to stay fast. */
  jobs?: boolean;
  sms?: SmsSender;
  notifier?: ReporterNotifier;
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
  try {
    await migrateDatabase(database, config.databaseUrl);
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
      await jobs.declare([...Object.values(FEEDBACK_JOBS), ...Object.values(ANALYTICS_JOBS)]);
    }
    const feedback: FeedbackDeps = { ...identity, profile, jobs };
    if (config.seed === 'demo' && seed) await seedDemoReports(feedback);
    registerFeedbackRoutes(http, feedback);
    registerRoutingRoutes(http, identity);
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
    http.get('/api/v1/profile', async () => ({
      id: profile.id,
      province: profile.province,
      brand: profile.brand,
      levels: profile.levels,
      map: profile.map,
    }));
    http.get('/api/v1/openapi.json', async () =>
      buildOpenApi(routeRegistry, {
        title: `${profile.brand.appName} — Tỉnh Số API`,
        version: '1',
        serverUrl: config.publicUrl,
      }),
    );
    await registerWebRoutes(http, { config, profile });
    await registerPublicPages(http, { feedback, profile, config });
    // Analytics: IOC dashboard, agency ranking, public statistics (/thong-ke), open data, exports.
    await registerAnalytics(http, { ...identity, profile }, jobs);

    if (jobs) {
      const notifier = options.notifier ?? outboxNotifier(config.dataDir, sms);
      await jobs.work<NotifyReporterJob>(FEEDBACK_JOBS.notifyReporter, (job) =>
        notifyReporter(feedback, notifier, job),
      );
      await jobs.work(FEEDBACK_JOBS.checkDeadlines, () => checkDeadlines(feedback));
      await jobs.schedule(FEEDBACK_JOBS.checkDeadlines, '*/10 * * * *');
      await jobs.work(FEEDBACK_JOBS.closeQuietReports, () => closeQuietReports(feedback));
      await jobs.schedule(FEEDBACK_JOBS.closeQuietReports, '30 2 * * *');
      await jobs.work<Record<string, never>>('identity.purge-expired-sessions', async () => {
        const n = await deleteExpiredSessions(database.db, new Date());
        return n > 0 ? 'done' : 'skipped';
      });
      await jobs.schedule('identity.purge-expired-sessions', '17 * * * *');
    }

    return {
      http,
      database,
      profile,
      jobs,
      seed,
      feedbackDeps: feedback,
      async close() {
        await http.close();
        await jobs?.stop();
        if (!options.database) await database.close();
      },
    };
  } catch (err) {
    if (!options.database) await database.close().catch(() => {});
    throw err;
  }
}
