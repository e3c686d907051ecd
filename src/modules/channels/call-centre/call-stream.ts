import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { authorize, type Principal } from '../../identity/index.js';
import type { ChannelsDeps } from '../channels-deps.js';
import { CALL_CHANNEL, type CallChangeMessage } from './calls.js';

type Subscriber = (msg: CallChangeMessage) => void;

/**
 * Calls as they ring, are answered and end, over server-sent events for the agents' screens. The
 * messages come from NOTIFY inside each transaction (only committed changes, from any process) and carry
 * no personal data: the screen fetches the call (and the caller's history) when it pops. A call the
 * telephony system rings on named agents (newCall `user[]`) pops only on their screens.
 */
export function registerCallStream(
  app: FastifyInstance,
  deps: ChannelsDeps,
  signedIn: preHandlerAsyncHookHandler,
) {
  const subscribers = new Set<Subscriber>();
  const open = new Set<{ end(): void }>();
  let unlisten: (() => Promise<void>) | null = null;

  app.addHook('onReady', async () => {
    unlisten = await deps.database.listen(CALL_CHANNEL, (payload) => {
      let msg: CallChangeMessage;
      try {
        msg = JSON.parse(payload) as CallChangeMessage;
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

  app.get('/api/v1/call-centre/stream', { preHandler: [signedIn] }, async (req, reply) => {
    const me = authorize(req.principal as Principal | null, 'reports.record_for_caller');
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
      if (msg.agentIds && !msg.agentIds.includes(me.userId) && msg.event !== 'answer') return;
      res.write(`event: call\ndata: ${JSON.stringify(msg)}\n\n`);
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
