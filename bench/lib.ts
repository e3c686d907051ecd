// Shared helpers for the benchmarks: machine facts, percentiles, scratch databases, the results document.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const ROOT = path.resolve(import.meta.dirname, '..');
// `npm run bench:all` writes its quick, smaller runs to their own file (BENCH_DOC) so the full figures stay.
const docPath = () => path.resolve(ROOT, process.env.BENCH_DOC ?? path.join('docs', 'benchmarks.md'));
export const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  postgres: string;
  /** The server's memory and WAL settings that weigh most on the figures (docs/deployment.md sizes them). */
  postgresSettings: string;
  /** The postmaster's process id when the server runs on this machine (its processes' CPU is charged). */
  postmasterPid: number | null;
  date: string;
  loadAvg: string;
}

export async function machine(): Promise<Machine> {
  const c = new pg.Client({ connectionString: SERVER_URL });
  await c.connect();
  const { rows } = await c.query<{ v: string; settings: string; pid: number }>(
    `select current_setting('server_version') as v,
            'shared_buffers ' || current_setting('shared_buffers') || ', max_wal_size ' ||
            current_setting('max_wal_size') || ', work_mem ' || current_setting('work_mem') as settings,
            pg_backend_pid() as pid`,
  );
  // The backend's parent is the postmaster; read it while the backend still exists.
  const postmasterPid = rows[0] ? parentPid(rows[0].pid) : null;
  await c.end();
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres: rows[0]?.v ?? '?',
    postgresSettings: rows[0]?.settings ?? '?',
    postmasterPid,
    date: new Date().toISOString(),
    loadAvg: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / '),
  };
}

export function machineLines(m: Machine): string[] {
  return [
    `- Date: ${m.date}`,
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM; Node ${m.node}; PostgreSQL ${m.postgres} (${m.postgresSettings}; \`BENCH_DATABASE_URL\` picks the server) (load generator on the same machine)`,
    `- Load average (1/5/15 min) when the run started: ${m.loadAvg} — the machine is shared with other sessions (tests, builds), so figures move between runs`,
  ];
}

/** Nearest-rank percentile of an unsorted sample (sorted copy). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : 'n/a');
export const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Creates `tinhso_bench_<random>` on the server; drop() removes it (forcing out leftover connections). */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const name = `tinhso_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: SERVER_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * Replaces this benchmark's section of docs/benchmarks.md (between its markers) and keeps the others.
 */
export function writeSection(id: string, body: string): void {
  const start = `<!-- bench:${id}:start -->`;
  const end = `<!-- bench:${id}:end -->`;
  const header =
    '# Benchmarks\n\nWritten by `npm run bench:intake` and `npm run bench:queue` (each replaces only its own section). ' +
    'Figures are from one run on the machine named in each section; rerun to refresh.\n';
  const file = docPath();
  let doc = existsSync(file) ? readFileSync(file, 'utf8') : header;
  const block = `${start}\n\n${body.trim()}\n\n${end}`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i !== -1 && j > i) doc = doc.slice(0, i) + block + doc.slice(j + end.length);
  else doc = `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, doc);
}

/** A markdown table. */
export function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** USER_HZ: /proc reports CPU time in these ticks; 100 on Linux x86-64 (`getconf CLK_TCK`). */
const CLOCK_TICKS = 100;

/** The parent process id of a process on this machine (from /proc), or null. */
function parentPid(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null; // the server is on another machine
  }
}

/**
 * CPU seconds (user + system) used so far by one PostgreSQL server on this machine: its postmaster and
 * every process the postmaster started (backends, WAL writer, checkpointer, autovacuum), read from /proc;
 * null where that cannot be read (the server is elsewhere). Benchmarks take it before and after a measured
 * window to charge the database's work to the system; another cluster on the machine is not counted.
 */
export function postgresCpuSeconds(postmasterPid: number | null): number | null {
  if (postmasterPid === null) return null;
  let ticks = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // the process ended while we read
      }
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pid) !== postmasterPid && Number(fields[1]) !== postmasterPid) continue;
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    }
  } catch {
    return null;
  }
  return ticks / CLOCK_TICKS;
}

/** CPU seconds (user + system) used by this process since `since` (a `process.cpuUsage()` snapshot). */
export function cpuSecondsSince(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1e6;
}
