// npm run bench:alerts — fan-out of one alert to BENCH_SUBSCRIPTIONS (default 1,000,000) generated push
// subscriptions through a local push endpoint, with the alerts module's own delivery code (claim in the
// database, RFC 8291 aes128gcm encryption, cached VAPID header, keep-alive sending, settle), spread over
// the machine's cores with bounded concurrency. Baseline in the same run: web-push's own request generation
// (generateRequestDetails with a cached VAPID header, no database, no network) over the same subscriptions
// and the same number of processes. Writes its section of docs/benchmarks.md; prints `ratio: <n>` last
// (our rate ÷ baseline rate; the issue's target is ≥ 0.8).
import { fork, type ChildProcess } from 'node:child_process';
import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import webpush from 'web-push';
import { openPostgres } from '../src/platform/db/database.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { UnitTree } from '../src/modules/alerts/alert-rules.js';
import { PUSH_BATCH_SIZE, type PushBatchJob } from '../src/modules/alerts/alerts-deps.js';
import { insertAlert, reachPage } from '../src/modules/alerts/alerts.repository.js';
import { PUSH_CONCURRENCY, PUSH_PARALLEL_BATCHES } from '../src/modules/alerts/jobs/deliver-alert.js';
import { encryptionEngine } from '../src/modules/alerts/push/web-push-encryption.js';
import { loadProfile } from '../src/platform/profile/profile.js';
import {
  cpuSecondsSince,
  createScratchDatabase,
  machine,
  machineLines,
  mib,
  postgresCpuSeconds,
  table,
  writeSection,
} from './lib.js';

const COUNT = Number(process.env.BENCH_SUBSCRIPTIONS ?? 1_000_000);
const PROCS = Number(process.env.BENCH_PROCESSES ?? os.availableParallelism());
const KEYS = 64;
const WORKER = path.join(import.meta.dirname, 'alerts-worker.ts');

function child(mode: string, ...args: string[]): ChildProcess {
  return fork(WORKER, [mode, ...args], {
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_PROF && mode === 'deliver'
        ? ['--cpu-prof', '--cpu-prof-dir=/tmp/alertch-prof']
        : []),
    ],
    stdio: 'inherit',
  });
}

function next<T>(p: ChildProcess, pick: (m: Record<string, unknown>) => boolean = () => true): Promise<T> {
  return new Promise((resolve, reject) => {
    const on = (m: Record<string, unknown>) => {
      if (m.error) return reject(new Error(String(m.error)));
      if (!pick(m)) return;
      p.off('message', on);
      resolve(m as T);
    };
    p.on('message', on);
  });
}

async function main() {
  const runStarted = Date.now();
  const m = await machine();
  const scratch = await createScratchDatabase();
  const sink = child('sink');
  try {
    const { port } = await next<{ port: number }>(sink, (x) => 'port' in x);
    const database = await openPostgres(scratch.url, 4);
    await migrateDatabase(database, scratch.url);
    const profile = loadProfile('long-an-2022');
    const units = new UnitTree(
      profile.units.map((u) => ({ code: u.code, name: u.name, level: u.level, parentCode: u.parent_code })),
    );

    // Generated subscriptions: real P-256 keys (64 distinct pairs, reused), unique endpoints on the sink,
    // units spread over the province's communes; the alert is province-wide so every one is reached.
    const p256dh: string[] = [];
    const auth: string[] = [];
    for (let i = 0; i < KEYS; i++) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      p256dh.push(ecdh.getPublicKey().toString('base64url'));
      auth.push(randomBytes(16).toString('base64url'));
    }
    const communes = profile.units.filter((u) => u.level === 3).map((u) => u.code);
    const genStarted = Date.now();
    await database.query(
      `insert into push_subscriptions (endpoint, p256dh, auth, unit_codes, lang)
       select $1 || g, ($2::text[])[1 + g % $4], ($3::text[])[1 + g % $4], array[($5::text[])[1 + g % cardinality($5::text[])]], 'vi'
         from generate_series(1, $6) g`,
      [`http://127.0.0.1:${port}/p/`, p256dh, auth, KEYS, communes, COUNT],
    );
    const genSeconds = (Date.now() - genStarted) / 1000;
    // A live installation's table has long been vacuumed and analysed; do it now so autovacuum's pass over
    // the freshly generated rows does not land in the measured window (it would be charged to us).
    await database.query('vacuum analyze push_subscriptions');
    await database.query('checkpoint');
    const vapid = webpush.generateVAPIDKeys();
    const id = randomUUID();
    const alert = await insertAlert(database.db, {
      id,
      rootId: id,
      identifier: `urn:uuid:${id}`,
      sender: 'bench@example.vn',
      state: 'published',
      status: 'Actual',
      msgType: 'Alert',
      category: 'Met',
      responseType: 'Evacuate',
      urgency: 'Immediate',
      severity: 'Severe',
      certainty: 'Observed',
      expires: new Date(Date.now() + 6 * 3600_000),
      sent: new Date(),
      textsVi: {
        event: 'Lũ, ngập lụt',
        headline: 'Cảnh báo ngập lụt, triều cường dâng cao toàn tỉnh',
        description:
          'Mực nước sông đang lên nhanh, nhiều tuyến đường và khu dân cư thấp trũng có nguy cơ ngập sâu.',
        instruction: 'Di chuyển người già, trẻ em và tài sản lên nơi cao; gọi 1022 hoặc 112 khi cần cứu hộ.',
      },
      areaDesc: profile.province.name,
      unitCodes: [profile.province.code],
      createdBy: randomUUID(),
      createdByLabel: 'bench',
    });
    const payload = JSON.stringify({
      title: alert.textsVi.headline,
      body: `${alert.textsVi.description}\n${alert.textsVi.instruction}`,
      url: `http://127.0.0.1/app/canh-bao/${id}`,
      tag: `alert-${id}`,
      severity: 'Severe',
      status: 'Actual',
    });

    // Baseline: web-push's request generation only, same subscriptions, same number of processes. Run on
    // half the subscriptions before the fan-out and on the other half after it, so a change in the
    // machine's load during the run weighs on both sides.
    const keys = { p256dh, auth, vapid, sinkPort: port };
    const baseline = async (from: number, to: number) => {
      const baseWorkers = Array.from({ length: PROCS }, () => child('baseline'));
      await Promise.all(baseWorkers.map((w) => next(w, (x) => 'ready' in x)));
      const share = Math.ceil((to - from) / PROCS);
      const t0 = performance.now();
      const results = await Promise.all(
        baseWorkers.map((w, i) => {
          const done = next<{ done: number; ms: number; peakRss: number; cpuSeconds: number }>(
            w,
            (x) => 'done' in x,
          );
          w.send({
            type: 'run',
            keys,
            from: from + i * share,
            to: Math.min(to, from + (i + 1) * share),
            payload,
          });
          return done;
        }),
      );
      const secs = (performance.now() - t0) / 1000;
      for (const w of baseWorkers) w.kill();
      return {
        seconds: secs,
        rate: (to - from) / secs,
        peakRss: Math.max(...results.map((r) => r.peakRss)),
        cpuSeconds: results.reduce((sum, r) => sum + r.cpuSeconds, 0),
      };
    };
    const half = Math.floor(COUNT / 2);
    const before = await baseline(0, half);

    // Ours: page the audience (the fan-out job's query), hand batches of 500 to the delivery processes.
    const workers = Array.from({ length: PROCS }, () => child('deliver', scratch.url));
    await Promise.all(workers.map((w) => next(w, (x) => 'ready' in x)));
    for (const w of workers) w.send({ type: 'vapid', vapid });
    const finished = workers.map((w) =>
      next<{ sent: number; peakRss: number; cpuSeconds: number }>(w, (x) => 'sent' in x),
    );
    sink.send({ type: 'mark' });
    const pgCpuFrom = postgresCpuSeconds(m.postmasterPid);
    const parentCpuFrom = process.cpuUsage();
    const started = performance.now();
    const reach = units.reachCodes(alert.unitCodes);
    let afterId: string | null = null;
    let batches = 0;
    for (;;) {
      const page = await reachPage(database.db, reach, false, afterId, PUSH_BATCH_SIZE * 20);
      if (page.length === 0) break;
      for (let i = 0; i < page.length; i += PUSH_BATCH_SIZE) {
        const job: PushBatchJob = { alertId: id, subscriptionIds: page.slice(i, i + PUSH_BATCH_SIZE) };
        workers[batches++ % PROCS]!.send({ type: 'job', job });
      }
      afterId = page.at(-1)!;
    }
    for (const w of workers) w.send({ type: 'end' });
    const results = await Promise.all(finished);
    const seconds = (performance.now() - started) / 1000;
    const parentCpu = cpuSecondsSince(parentCpuFrom);
    const pgCpuTo = postgresCpuSeconds(m.postmasterPid);
    const pgCpu = pgCpuFrom === null || pgCpuTo === null ? null : pgCpuTo - pgCpuFrom;
    const rate = COUNT / seconds;
    const after = await baseline(half, COUNT);
    const baseSeconds = before.seconds + after.seconds;
    const baseRate = COUNT / baseSeconds;
    sink.send({ type: 'count' });
    const {
      count: received,
      peakRss: sinkRss,
      cpuSeconds: sinkCpu,
    } = await next<{ count: number; peakRss: number; cpuSeconds: number }>(sink, (x) => 'count' in x);
    const [row] = await database.query<{ n: number }>(
      `select count(*)::int as n from alert_deliveries where alert_id = $1 and status = 'sent'`,
      [id],
    );
    const sentTotal = results.reduce((s, r) => s + r.sent, 0);
    await database.close();
    const ratio = rate / baseRate;
    // Per CPU-second: the same messages, charged with the CPU our side used (delivery processes, the
    // paging parent, every PostgreSQL process) against the CPU web-push's generation used. The sink stands
    // for the browsers' push services (FCM, Mozilla, Apple), which run elsewhere in production.
    const deliveryCpu = results.reduce((sum, r) => sum + r.cpuSeconds, 0);
    const ourCpu = deliveryCpu + parentCpu + (pgCpu ?? 0);
    const baseCpu = before.cpuSeconds + after.cpuSeconds;
    const cpuRatio = baseCpu / ourCpu;
    const us = (cpu: number) => `${((cpu / COUNT) * 1e6).toFixed(1)} µs`;

    const body = [
      `## Alert fan-out by Web Push to ${COUNT.toLocaleString('en')} subscriptions (\`npm run bench:alerts\`)`,
      '',
      ...machineLines(m),
      `- Inputs: fresh database, migrations, ${COUNT.toLocaleString('en')} generated subscriptions (${KEYS} real P-256 key pairs reused, unique endpoints on a local HTTP push sink answering 201 with keep-alive, units spread over ${communes.length} communes) inserted in ${genSeconds.toFixed(1)} s; one province-wide Severe alert (every subscription reached).`,
      `- ${PROCS} delivery processes (= cores), each running the module's \`deliverBatch\` on batches of ${PUSH_BATCH_SIZE} (${PUSH_PARALLEL_BATCHES} batches at a time as the module's worker runs them, ${PUSH_CONCURRENCY} requests in flight per batch): claim rows in \`alert_deliveries\`, encrypt each payload (RFC 8291 aes128gcm, \`push/web-push-encryption.ts\`, fresh key pair and salt per message; implementation: ${encryptionEngine === 'native' ? "native, `push/native/rfc8291.c` on Node's own OpenSSL" : "JavaScript on Node's crypto (the native addon is not built here)"}), VAPID header cached per origin, send over a keep-alive undici pool per push service, record outcomes. The parent pages the audience with the fan-out query. The sink runs in its own process on the same machine.`,
      `- Baseline in the same run: ${PROCS} processes calling web-push's \`generateRequestDetails()\` with a cached VAPID header for the same subscriptions and payload, nothing else: the first half of the subscriptions before the fan-out (${before.rate.toFixed(0)}/s), the second half after it (${after.rate.toFixed(0)}/s), so load changes during the run weigh on both sides.`,
      '',
      table(
        ['', 'time (s)', 'messages/s', 'peak RSS per process'],
        [
          [
            'baseline: request generation only',
            baseSeconds.toFixed(1),
            Math.round(baseRate).toLocaleString('en'),
            mib(Math.max(before.peakRss, after.peakRss)),
          ],
          [
            'fan-out: claim + encrypt + send + record',
            seconds.toFixed(1),
            Math.round(rate).toLocaleString('en'),
            mib(Math.max(...results.map((r) => r.peakRss))),
          ],
        ],
      ),
      '',
      `- Delivered: ${sentTotal.toLocaleString('en')} sent by the workers, ${received.toLocaleString('en')} received by the sink, ${row!.n.toLocaleString('en')} rows \`sent\` in \`alert_deliveries\` (${batches} batches). Sink peak RSS ${mib(sinkRss)}.`,
      `- Time to deliver to all: ${seconds.toFixed(1)} s.`,
      '',
      "CPU per message (user + system, from each process's `cpuUsage()` and, for PostgreSQL, `/proc/<pid>/stat` of the measured server's processes, over the measured window):",
      '',
      table(
        ['', 'CPU s', 'per message'],
        [
          ['baseline: web-push generation processes', baseCpu.toFixed(1), us(baseCpu)],
          ['fan-out: delivery processes', deliveryCpu.toFixed(1), us(deliveryCpu)],
          ['fan-out: parent (paging the audience, handing out batches)', parentCpu.toFixed(1), us(parentCpu)],
          [
            'fan-out: PostgreSQL (claim, settle, paging, autovacuum, checkpoints: every process of the server)',
            pgCpu === null ? 'n/a' : pgCpu.toFixed(1),
            pgCpu === null ? 'n/a' : us(pgCpu),
          ],
          ['fan-out: our side in all', ourCpu.toFixed(1), us(ourCpu)],
          ['(the local push sink, standing for the push services)', sinkCpu.toFixed(1), us(sinkCpu)],
        ],
      ),
      '',
      `**ratio = fan-out rate ÷ baseline rate = ${ratio.toFixed(3)}** (wall clock, everything on the same ${m.cores} cores; target ≥ 0.8).`,
      `**ratio per CPU-second = baseline CPU ÷ our CPU for the same messages = ${cpuRatio.toFixed(3)}**${pgCpu === null ? ' (PostgreSQL CPU not readable here, left out)' : ''}.`,
      `Run took ${Math.round((Date.now() - runStarted) / 1000)} s.`,
    ].join('\n');
    writeSection('alerts', body);
    console.log(body);
    console.log(`ratio per CPU-second: ${cpuRatio.toFixed(3)}`);
    console.log(`ratio: ${ratio.toFixed(3)}`);
  } finally {
    sink.send({ type: 'stop' });
    await scratch.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
