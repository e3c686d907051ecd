// Child process of bench/alerts.bench.ts. Modes (argv[2]):
//  - sink: a local push endpoint (HTTP, keep-alive) answering 201 to every POST; reports its port and count.
//  - baseline: web-push's own request generation (generateRequestDetails, VAPID header cached) for a share
//    of the subscriptions, no sending.
//  - deliver: the alerts module's deliverBatch (claim in the database, encrypt, send, settle) on batches
//    received from the parent.
import http from 'node:http';
import webpush from 'web-push';
import { openPostgres } from '../src/platform/db/database.js';
import { loadProfile } from '../src/platform/profile/profile.js';
import { UnitTree } from '../src/modules/alerts/alert-rules.js';
import type { AlertsDeps, PushBatchJob } from '../src/modules/alerts/alerts-deps.js';
import { deliverBatch, PUSH_PARALLEL_BATCHES } from '../src/modules/alerts/jobs/deliver-alert.js';
import { PushSender } from '../src/modules/alerts/push/push-sender.js';
import { cpuSecondsSince } from './lib.js';

const mode = process.argv[2];
const send = (msg: unknown) => process.send!(msg);
let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
setInterval(sample, 200).unref();

if (mode === 'sink') {
  let count = 0;
  let cpuFrom = process.cpuUsage();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      count++;
      res.writeHead(201, { 'content-length': '0' });
      res.end();
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => send({ port: (server.address() as { port: number }).port }));
  process.on('message', (m: { type: string }) => {
    if (m.type === 'mark') cpuFrom = process.cpuUsage();
    if (m.type === 'count') send({ count, peakRss: sample(), cpuSeconds: cpuSecondsSince(cpuFrom) });
    if (m.type === 'stop') server.close(() => process.exit(0));
  });
}

interface KeySet {
  p256dh: string[];
  auth: string[];
  vapid: { publicKey: string; privateKey: string };
  sinkPort: number;
}

if (mode === 'baseline') {
  send({ ready: true });
  process.on('message', (m: { type: string; keys: KeySet; from: number; to: number; payload: string }) => {
    if (m.type !== 'run') return;
    const { keys } = m;
    const audience = `http://127.0.0.1:${keys.sinkPort}`;
    const auth = webpush.getVapidHeaders(
      audience,
      'mailto:bench@example.vn',
      keys.vapid.publicKey,
      keys.vapid.privateKey,
      'aes128gcm',
    ).Authorization;
    const started = performance.now();
    const cpuFrom = process.cpuUsage();
    let bytes = 0;
    for (let i = m.from; i < m.to; i++) {
      const k = i % keys.p256dh.length;
      const d = webpush.generateRequestDetails(
        { endpoint: `${audience}/p/${i}`, keys: { p256dh: keys.p256dh[k]!, auth: keys.auth[k]! } },
        m.payload,
        { TTL: 3600, urgency: 'high', topic: 'abc', contentEncoding: 'aes128gcm' },
      );
      (d.headers as Record<string, string>).Authorization = auth;
      bytes += (d.body as Buffer).length;
    }
    sample();
    send({
      done: m.to - m.from,
      ms: performance.now() - started,
      bytes,
      peakRss,
      cpuSeconds: cpuSecondsSince(cpuFrom),
    });
  });
}

if (mode === 'deliver') {
  const url = process.argv[3]!;
  void (async () => {
    const database = await openPostgres(url, 4);
    const profile = loadProfile('long-an-2022');
    const deps: AlertsDeps = {
      database,
      config: { publicUrl: 'http://127.0.0.1', secureCookies: false },
      profile,
      jobs: null,
      units: new UnitTree(
        profile.units.map((u) => ({ code: u.code, name: u.name, level: u.level, parentCode: u.parent_code })),
      ),
      now: () => new Date(),
      capSender: 'bench@example.vn',
      allowLocalPushEndpoints: true,
    };
    let sender: PushSender | null = null;
    const queue: PushBatchJob[] = [];
    let running = 0;
    let sent = 0;
    let finishing = false;
    let cpuFrom = process.cpuUsage();
    const pump = () => {
      while (running < PUSH_PARALLEL_BATCHES && queue.length) {
        const job = queue.shift()!;
        running++;
        void deliverBatch(deps, sender!, job)
          .then((c) => (sent += c.sent))
          .catch((err: Error) => send({ error: err.message }))
          .finally(() => {
            running--;
            pump();
            if (finishing && running === 0 && queue.length === 0) void finish();
          });
      }
    };
    const finish = async () => {
      sample();
      send({ sent, peakRss, cpuSeconds: cpuSecondsSince(cpuFrom) });
      await database.close();
      process.exit(0);
    };
    process.on(
      'message',
      (m: { type: string; vapid?: { publicKey: string; privateKey: string }; job?: PushBatchJob }) => {
        if (m.type === 'vapid') {
          sender = new PushSender({ ...m.vapid!, subject: 'mailto:bench@example.vn' });
          cpuFrom = process.cpuUsage(); // the measured work starts with the first batch, after this
        }
        if (m.type === 'job') {
          queue.push(m.job!);
          pump();
        }
        if (m.type === 'end') {
          finishing = true;
          if (running === 0 && queue.length === 0) void finish();
        }
      },
    );
    send({ ready: true });
  })();
}
