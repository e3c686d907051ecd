// npm run data:generate -- [options]: fills a database with province-scale generated data — reports in every
// status over three years with their timelines, attachments' metadata, alert subscriptions and portal
// content — with a progress bar. See `--help`.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../src/platform/config/config.js';
import { openPglite, openPostgres, type Database } from '../src/platform/db/database.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { loadProfile } from '../src/platform/profile/profile.js';
import { seedDatabase } from '../src/seed/seed.js';
import { generateReports } from './generate-reports.js';
import {
  generateAttachments,
  generateContent,
  generatedCount,
  generateSubscriptions,
  generateTimelines,
  type Progress,
} from './generate-province.js';

const HELP = `Sinh dữ liệu quy mô tỉnh / generate province-scale data

  npm run data:generate -- [--reports N] [--notes N] [--subscriptions N] [--content N] [--fresh NAME]

  --reports N        phản ánh / reports (mặc định / default 100000), mọi trạng thái trong 3 năm, kèm dòng thời gian
  --notes N          ghi chú nội bộ trung bình mỗi phản ánh / internal notes per report on average (default 2)
  --subscriptions N  đăng ký nhận cảnh báo / alert push subscriptions (default 50000)
  --content N        bài viết, văn bản, dịch vụ / portal content items (default 5000)
  --fresh NAME       tạo CSDL mới NAME trên máy chủ của DATABASE_URL (hoặc postgres://postgres@127.0.0.1:5432)
                     create a new database NAME on the server first

Đích / target: DATABASE_URL (PostgreSQL) if set, else the embedded database in DATA_DIR (stop the server
first: the folder is locked). Migrations and the base seed (PROFILE) are applied first. Then start the
application on the same database (\`DATABASE_URL=… npm start\` or \`npm start\`) to explore the data.`;

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '100000' },
    notes: { type: 'string', default: '2' },
    subscriptions: { type: 'string', default: '50000' },
    content: { type: 'string', default: '5000' },
    fresh: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const count = (name: keyof typeof values) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name}: cần một số nguyên ≥ 0 / a whole number ≥ 0 is required`);
    process.exit(1);
  }
  return n;
};
const reports = count('reports');
const notes = Number(values.notes);
const subscriptions = count('subscriptions');
const content = count('content');

/** A one-line progress bar on a terminal (redrawn in place), a line per quarter otherwise. */
function bar(label: string): Progress & { end(note?: string): void } {
  const started = Date.now();
  let lastQuarter = -1;
  const secs = () => ((Date.now() - started) / 1000).toFixed(1);
  const draw = (done: number, total: number) => {
    const share = total ? Math.min(1, done / total) : 1;
    const text = `${label.padEnd(28)} [${'#'.repeat(Math.round(share * 30)).padEnd(30, '.')}] ${(share * 100).toFixed(0).padStart(3)} % ${done.toLocaleString('vi-VN')}/${total.toLocaleString('vi-VN')} · ${secs()} s`;
    if (process.stdout.isTTY) process.stdout.write(`\r${text}`);
    else if (Math.floor(share * 4) !== lastQuarter) {
      lastQuarter = Math.floor(share * 4);
      console.log(text);
    }
  };
  return Object.assign(draw, {
    end(note = '') {
      if (process.stdout.isTTY) process.stdout.write('\n');
      console.log(`  ✓ ${label}: ${secs()} s${note ? ` — ${note}` : ''}`);
    },
  });
}

async function openTarget(): Promise<{ database: Database; url: string | null; where: string }> {
  const config = loadConfig();
  let url = config.databaseUrl ?? null;
  if (values.fresh) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(values.fresh)) {
      console.error('--fresh: tên CSDL chỉ gồm a-z, 0-9, _ / database name: a-z, 0-9, _ only');
      process.exit(1);
    }
    const server = new URL(url ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    const admin = new pg.Client({ connectionString: server.toString() });
    await admin.connect();
    await admin.query(`create database ${values.fresh}`);
    await admin.end();
    server.pathname = `/${values.fresh}`;
    url = server.toString();
  }
  if (url) {
    const database = await openPostgres(url);
    return { database, url, where: `PostgreSQL ${new URL(url).pathname.slice(1)}` };
  }
  const database = await openPglite(config.dataDir);
  return { database, url: null, where: `PGlite ${config.dataDir}` };
}

const started = Date.now();
const config = loadConfig();
const profile = loadProfile(config.profile);
const { database, url, where } = await openTarget();
console.log(`Đích / target: ${where} · hồ sơ / profile ${profile.id}`);
try {
  await migrateDatabase(database, url);
  await seedDatabase(database, profile, 'base', { admin: config.adminPassword, demo: config.demoPassword });

  const first = (await generatedCount(database)) + 1;
  if (reports > 0) {
    const p = bar('Phản ánh / reports');
    await generateReports(database, reports, (g) => {
      if (g.phase === 'insert') p(g.done, g.total);
    });
    p.end();
    const t = bar('Dòng thời gian / timelines');
    const events = await generateTimelines(database, { first, count: reports }, notes, t);
    t.end(`${events.toLocaleString('vi-VN')} sự kiện / events`);
    const a = bar('Tệp đính kèm / attachments');
    const files = await generateAttachments(database, { first, count: reports }, a);
    a.end(`${files.toLocaleString('vi-VN')} tệp (chỉ siêu dữ liệu / metadata only)`);
  }
  if (subscriptions > 0) {
    const communes = profile.units.filter((u) => u.level === Math.max(...profile.units.map((x) => x.level)));
    const s = bar('Đăng ký cảnh báo / push');
    await generateSubscriptions(
      database,
      subscriptions,
      communes.map((u) => u.code),
      s,
    );
    s.end();
  }
  if (content > 0) {
    const c = bar('Nội dung cổng / content');
    await generateContent(database, content, c);
    c.end();
  }
  const sizes = await database.query<{ table: string; rows: string }>(
    `select relname as table, n_live_tup::text as rows from pg_stat_user_tables
      where relname in ('reports', 'report_events', 'report_attachments', 'push_subscriptions', 'content_items')
      order by relname`,
  );
  console.log(`\nXong / done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const r of sizes) console.log(`  ${r.table.padEnd(20)} ≈ ${Number(r.rows).toLocaleString('vi-VN')}`);
  if (url) console.log(`\nDATABASE_URL=${url} npm start`);
} finally {
  await database.close();
}
