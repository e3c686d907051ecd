import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, loadConfig } from './platform/config/config.js';
import { verifyAuditChain } from './platform/audit/audit.js';
import { openPglite, openPostgres } from './platform/db/database.js';
import { migrateDatabase } from './platform/db/migrate.js';
import { moveDatabase } from './platform/db/move-database.js';
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from './platform/db/backup.js';
import { loadProfile } from './platform/profile/profile.js';
import { openConfiguredDatabase, buildApp } from './server/app.js';
import { seedDatabase } from './seed/seed.js';
import { buildOpenApi } from './platform/http/openapi.js';
import { routeRegistry } from './platform/http/route.js';

const USAGE = `Tỉnh Số — lệnh quản trị / admin commands
  migrate                     áp dụng migration / apply migrations
  seed [base|demo]            nạp dữ liệu (mặc định SEED) / seed data
  audit-verify                kiểm tra chuỗi băm nhật ký / verify the audit hash chain
  move-to-server --to URL     chuyển CSDL nhúng (DATA_DIR) sang PostgreSQL / move the embedded database to a server
  openapi                     ghi docs/openapi.json / write docs/openapi.json
  backup FILE                 sao lưu CSDL (nhúng: khi máy chủ đã dừng; PostgreSQL: pg_dump) / back up the database
  restore FILE                khôi phục vào CSDL trống (DATA_DIR mới hoặc createdb) / restore into an empty database`;

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'migrate': {
      const db = await openConfiguredDatabase(config);
      await migrateDatabase(db, config.databaseUrl);
      await db.close();
      console.log('Đã áp dụng migration / migrations applied');
      return 0;
    }
    case 'seed': {
      const level = (rest[0] ?? (config.seed === 'none' ? 'base' : config.seed)) as 'base' | 'demo';
      const db = await openConfiguredDatabase(config);
      await migrateDatabase(db, config.databaseUrl);
      const result = await seedDatabase(db, loadProfile(config.profile), level, {
        admin: config.adminPassword,
        demo: config.demoPassword,
      });
      await db.close();
      console.log(
        JSON.stringify({
          ...result,
          generatedAdminPassword: result.generatedAdminPassword ? '(printed below)' : null,
        }),
      );
      if (result.generatedAdminPassword) console.log(`admin password: ${result.generatedAdminPassword}`);
      return 0;
    }
    case 'audit-verify': {
      const db = await openConfiguredDatabase(config);
      const result = await verifyAuditChain(db);
      await db.close();
      if (result.ok) {
        console.log(`Chuỗi nhật ký nguyên vẹn / audit chain intact: ${result.rows} rows`);
        return 0;
      }
      console.error(`Chuỗi nhật ký bị sửa hoặc xóa / audit chain broken (${result.rows} rows):`);
      for (const p of result.problems.slice(0, 50)) console.error(`  row ${p.id}: ${p.problem}`);
      return 2;
    }
    case 'backup':
    case 'restore': {
      const file = rest[0];
      if (!file) {
        console.error('Cần tên tệp / a file name is required');
        return 1;
      }
      const target = path.resolve(file);
      if (command === 'backup') {
        if (config.databaseUrl) await backupPostgres(config.databaseUrl, target);
        else await backupPglite(config.dataDir, target);
        console.log(`Đã sao lưu / backed up to ${target}`);
      } else {
        if (config.databaseUrl) await restorePostgres(target, config.databaseUrl);
        else await restorePglite(target, config.dataDir);
        const db = await openConfiguredDatabase(config);
        const audit = await verifyAuditChain(db);
        await db.close();
        console.log(`Đã khôi phục / restored from ${target}; audit chain ${audit.ok ? 'intact' : 'BROKEN'}`);
        if (!audit.ok) return 2;
      }
      return 0;
    }
    case 'move-to-server': {
      const i = rest.indexOf('--to');
      const url = i >= 0 ? rest[i + 1] : undefined;
      if (!url || !/^postgres(ql)?:\/\//.test(url)) {
        console.error('Cần --to postgres://... / --to postgres://... is required');
        return 1;
      }
      const source = await openPglite(config.dataDir);
      const target = await openPostgres(url, 1); // one connection: the copy is one transaction
      try {
        await migrateDatabase(target, url);
        const counts = await moveDatabase(source, target, { force: rest.includes('--force') });
        console.log('Đã chuyển / moved:', counts);
      } finally {
        await source.close();
        await target.close();
      }
      return 0;
    }
    case 'openapi': {
      const app = await buildApp(
        { ...config, seed: 'none' },
        { jobs: false, database: await openPglite(null) },
      );
      const doc = buildOpenApi(routeRegistry, {
        title: 'Tỉnh Số API',
        version: '1',
        serverUrl: config.publicUrl,
      });
      await writeFile(path.resolve('docs/openapi.json'), JSON.stringify(doc, null, 2) + '\n');
      await app.close();
      await app.database.close();
      console.log('docs/openapi.json');
      return 0;
    }
    default:
      console.log(USAGE);
      return command ? 1 : 0;
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  },
);
