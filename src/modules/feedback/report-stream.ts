import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { authorize, type Principal } from '../identity/index.js';
import { REPORT_CHANNEL, type FeedbackDeps } from './feedback-deps.js';
import { scopeOf } from './use-cases/read-reports.js';

interface ReportChangeMessage {
  id: string;
  status: string;
  agencyId: string | null;
  version: number;
  action: string;
}

type Subscriber = (msg: ReportChangeMessage) => void;

/**
 * Live queue over server-sent events. Changes are announced with NOTIFY inside each transaction, so a
 * subscriber hears only committed changes, from this process or any other on the same server.
 * Agency staff hear only about their agencies' reports; the message carries no personal data.
 */
export function registerReportStream(
  app: FastifyInstance,
  deps: FeedbackDeps,
  signedIn: preHandlerAsyncHookHandler,
) {
  const subscribers = new Set<Subscriber>();
  const open = new Set<{ end(): void }>();
  let unlisten: (() => Promise<void>) | null = null;

  app.addHook('onReady', async () => {
    unlisten = await deps.database.listen(REPORT_CHANNEL, (payload) => {
      let msg: ReportChangeMessage;
      try {
        msg = JSON.parse(payload) as ReportChangeMessage;
      } catch {
        return;
      }
      for (const s of subscribers) s(msg);
    });
  });
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
    subscribers.clear();
    await unlisten?.();
  });

  app.get('/api/v1/reports/stream', { preHandler: [signedIn] }, async (req, reply) => {
    const p = authorize(req.principal as Principal | null, 'reports.read');
    const scope = scopeOf(p);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(`retry: 3000\n\n`);
    const send: Subscriber = (msg) => {
      if (scope && (!msg.agencyId || !scope.includes(msg.agencyId))) return;
      res.write(`event: report\ndata: ${JSON.stringify(msg)}\n\n`);
    };
    subscribers.add(send);
    open.add(res);
    const heartbeat = setInterval(() => res.write(`: ping\n\n`), 25_000);
    req.raw.on('close', () => {
      clearInterval(heartbeat);
      subscribers.delete(send);
      open.delete(res);
    });
  });
}
