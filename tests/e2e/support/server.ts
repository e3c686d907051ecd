import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ADMIN_PASSWORD = 'Admin-Test-2026!';
export const DEMO_PASSWORD = 'Demo-Test-2026!';
const START_TIMEOUT_MS = Number(process.env.E2E_START_TIMEOUT_MS ?? 240_000);

export interface RunningServer {
  baseUrl: string;
  /** The server's data folder (null for an external server): the dev SMS adapter writes sms-outbox.log there. */
  dataDir: string | null;
  stop: () => Promise<void>;
  /** Kills the whole server process group with SIGKILL (a crash: nothing is closed) and waits until it is gone. */
  kill: () => Promise<void>;
  /** What the server printed so far (empty for an external server): for failure messages. */
  output: () => string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitReady(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  // First start migrates and seeds a fresh database: slow when the machine is busy.
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Server exited (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`Server not ready after ${START_TIMEOUT_MS / 1000} s:\n${output()}`);
}

export interface ServerOptions {
  /** Reuse this data folder (a restart after a crash); the caller removes it. Default: a fresh one, removed on stop. */
  dataDir?: string;
  /** Extra environment (DATABASE_URL for a PostgreSQL server, RATE_LIMIT_SCALE, …). */
  env?: Record<string, string>;
}

/** A worker process serves no HTTP: it is ready when it says so. */
async function waitForLog(child: ChildProcess, output: () => string, text: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Worker exited (${child.exitCode}):\n${output()}`);
    if (output().includes(text)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`Worker not ready after ${START_TIMEOUT_MS / 1000} s:\n${output()}`);
}

/** Starts the real server (tsx src/main.ts) on a free port with a fresh data folder and demo seed (or uses E2E_BASE_URL). */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  // Run the journeys against a server you already started (it must hold the same seed and passwords).
  const external = process.env.E2E_BASE_URL;
  if (external)
    return {
      baseUrl: external.replace(/\/+$/, ''),
      dataDir: null,
      stop: async () => undefined,
      kill: async () => {
        throw new Error('Cannot kill an external server');
      },
      output: () => '',
    };
  const root = path.resolve(import.meta.dirname, '../../..');
  const ownsDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'tinhso-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn('npx', ['tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PUBLIC_URL: baseUrl,
      ADMIN_PASSWORD,
      DEMO_PASSWORD,
      SEED: 'demo',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: npx → tsx → node, and a signal to npx alone would leave the server running.
    detached: true,
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  try {
    if (options.env?.PROCESS_ROLE === 'worker') await waitForLog(child, () => log, 'worker process running');
    else await waitReady(baseUrl, child, () => log);
  } catch (error) {
    signalGroup('SIGKILL');
    if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const groupGone = async () => {
    // Wait for the whole group (the server itself), not only npx.
    const deadline = Date.now() + 10_000;
    while (child.pid && Date.now() < deadline) {
      try {
        process.kill(-child.pid, 0);
      } catch {
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return {
    baseUrl,
    dataDir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        signalGroup('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) signalGroup('SIGKILL');
      }
      // The database must be closed before its folder is removed.
      await groupGone();
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    kill: async () => {
      signalGroup('SIGKILL');
      await groupGone();
    },
    output: () => log,
  };
}
