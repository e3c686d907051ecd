import { createRequire } from 'node:module';
import type { Server } from 'node:http';

// Test support: web-push-testing (a real push service that checks VAPID, decrypts and stores what it
// receives) run in this process on a free loopback port, with a recorder of the request headers it got.

const require = createRequire(import.meta.url);

interface PushApiModel {
  notifyUrl: string;
  expireSubscription(clientHash: string): void;
  getNotifications(body: { clientHash: string }): { messages: string[] };
}

interface MiniReq {
  path: string;
  get(name: string): string | undefined;
}
interface MiniRes {
  status(code: number): { send(body: unknown): void };
}
interface MiniExpress {
  use(fn: (req: MiniReq, res: MiniRes, next: () => void) => void): void;
  listen(port: number, host: string, cb: () => void): Server;
}

export interface LocalPushService {
  url: string;
  /** Headers of every notification request received, in order. */
  requests: { clientHash: string; headers: Record<string, string | undefined> }[];
  /** Makes the service answer the next `n` notification requests with this status (429, 503…). */
  failNext(n: number, status: number): void;
  /** Holds every notification request this long before accepting it (deliveries stay in flight). */
  slowDown(ms: number): void;
  subscribe(applicationServerKey: string): Promise<{
    endpoint: string;
    keys: { p256dh: string; auth: string };
    clientHash: string;
  }>;
  expire(clientHash: string): void;
  messages(clientHash: string): string[];
  close(): Promise<void>;
}

export async function startLocalPushService(): Promise<LocalPushService> {
  const Model = require('web-push-testing/src/PushApiModel.js') as { PushApiModel: new () => PushApiModel };
  const ServerClass = require('web-push-testing/src/server.js') as new (
    model: PushApiModel,
    port: number,
  ) => { _app: MiniExpress; setRequestHandlers(): void };
  const model = new Model.PushApiModel();
  const wrapper = new ServerClass(model, 0);
  const requests: LocalPushService['requests'] = [];
  let failures: { left: number; status: number } = { left: 0, status: 0 };
  let delayMs = 0;
  wrapper._app.use((req, res, next) => {
    const m = /^\/notify\/([0-9a-f]+)$/.exec(req.path);
    if (m) {
      requests.push({
        clientHash: m[1]!,
        headers: {
          ttl: req.get('TTL'),
          urgency: req.get('Urgency'),
          topic: req.get('Topic'),
          authorization: req.get('Authorization'),
          encoding: req.get('X-Content-Encoding') ?? req.get('Content-Encoding'),
        },
      });
      if (failures.left > 0) {
        failures.left--;
        res.status(failures.status).send({ error: 'busy' });
        return;
      }
      if (delayMs > 0) {
        setTimeout(next, delayMs);
        return;
      }
    }
    next();
  });
  const server: Server = await new Promise((resolve) => {
    const s = wrapper._app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}`;
  model.notifyUrl = `${url}/notify/`;
  wrapper.setRequestHandlers();
  return {
    url,
    requests,
    failNext(n, status) {
      failures = { left: n, status };
    },
    slowDown(ms) {
      delayMs = ms;
    },
    async subscribe(applicationServerKey) {
      const res = await fetch(`${url}/subscribe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userVisibleOnly: 'true', applicationServerKey }),
      });
      const json = (await res.json()) as {
        data: { endpoint: string; keys: { p256dh: string; auth: string }; clientHash: string };
      };
      return json.data;
    },
    expire(clientHash) {
      model.expireSubscription(clientHash);
    },
    messages(clientHash) {
      try {
        return model.getNotifications({ clientHash }).messages;
      } catch {
        return [];
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
