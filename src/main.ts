import { ConfigError, loadConfig } from './platform/config/config.js';
import { DatabaseUnreachableError, isConnectionError } from './platform/db/database.js';
import { DataDirLockedError, DataDirUnusableError } from './platform/lock/data-dir-lock.js';
import { buildApp } from './server/app.js';

/** Starts Tỉnh Số: one process with the web app, API and jobs (or one role of it, PROCESS_ROLE). */
async function main() {
  // pg-boss (10.x) marks a job complete or failed without awaiting it: while the database server restarts
  // that promise rejects with nobody listening, which would end the process. A lost database connection
  // is survivable (the pool reconnects; the job is retried after its expiry): log it and go on. Anything
  // else still ends the process, as Node does by default.
  process.on('unhandledRejection', (reason) => {
    if (!isConnectionError(reason)) throw reason;
    console.error(
      JSON.stringify({
        level: 40,
        msg: 'database connection lost',
        err: { message: (reason as Error)?.message },
      }),
    );
  });
  const config = loadConfig();
  const app = await buildApp(config);
  const { brand } = app.profile;
  if (app.seed?.generatedAdminPassword) {
    console.log(
      `\n  Mật khẩu quản trị viên đầu tiên (chỉ in một lần) / First administrator password (printed once):\n` +
        `    tên đăng nhập / username: admin\n    mật khẩu / password: ${app.seed.generatedAdminPassword}\n`,
    );
  }
  if (config.processRole !== 'worker') {
    await app.http.listen({ port: config.port, host: config.host });
    console.log(
      `\n  ${brand.appName} · ${brand.hotlineName} — Tỉnh Số\n` +
        `  Cổng 1022 / Portal:        ${config.publicUrl}/\n` +
        `  Ứng dụng / Citizen app:    ${config.publicUrl}/app/\n` +
        `  Bàn làm việc / Console:    ${config.publicUrl}/console/\n` +
        `  API:                       ${config.publicUrl}/api/v1/docs\n` +
        `  CSDL / Database:           ${app.database.kind === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL'}\n`,
    );
  } else {
    console.log('  Tiến trình worker đang chạy / worker process running');
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.http.log.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (
    err instanceof ConfigError ||
    err instanceof DataDirLockedError ||
    err instanceof DataDirUnusableError ||
    err instanceof DatabaseUnreachableError
  ) {
    console.error(`\n${err.message}\n`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
