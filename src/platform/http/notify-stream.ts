import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Database } from '../db/database.js';

export interface NotifyStreamOptions<M> {
  url: string;
  /** The PostgreSQL NOTIFY channel whose JSON payloads are relayed. */
  channel: string;
  /** The server-sent event's name (`event: …`). */
  event: string;
  database: Database;
  preHandler: preHandlerAsyncHookHandler[];
  /**
   * Called once per connection after the pre-handlers: authorizes the caller (throw to refuse, before
   * anything is sent) and returns which messages this caller may receive.
   */
  open(req: FastifyRequest): (msg: M) => boolean;
}

/**
 * A live stream over server-sent events of the messages NOTIFYed on one channel. NOTIFY is sent inside
 * each transaction, so listeners hear only committed changes, from this process or any other on the same
 * database. One LISTEN per process feeds every open stream; each stream filters for its caller; a comment
 * every 25 s keeps proxies from closing an idle stream; the browser reconnects after 3 s.
 */
export function registerNotifyStream<M>(app: FastifyInstance, options: NotifyStreamOptions<M>): void {
  const subscribers = new Set<(msg: M) => void>();
  const open = new Set<{ end(): void }>();
  let unlisten: (() => Promise<void>) | null = null;

  app.addHook('onReady', async () => {
    unlisten = await options.database.listen(options.channel, (payload) => {
      let msg: M;
      try {
        msg = JSON.parse(payload) as M;
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

  app.get(options.url, { preHandler: options.preHandler }, async (req, reply) => {
    const allowed = options.open(req);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(`retry: 3000\n\n`);
    const send = (msg: M) => {
      if (allowed(msg)) res.write(`event: ${options.event}\ndata: ${JSON.stringify(msg)}\n\n`);
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
