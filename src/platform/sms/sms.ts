import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';

/** Sends a text message to a phone number (E.164, +84…). */
export interface SmsSender {
  send(to: string, text: string): Promise<void>;
}

/** Masks a phone number for logs: +8491*****78. */
export function maskPhone(phone: string): string {
  return phone.length <= 6 ? '***' : `${phone.slice(0, 5)}${'*'.repeat(phone.length - 7)}${phone.slice(-2)}`;
}

/**
 * Development adapter: appends each message to DATA_DIR/sms-outbox.log (one JSON line: to, text, at)
 * and logs that a message went out, with the number masked.
 */
export function devSmsSender(dataDir: string, log: Pick<FastifyBaseLogger, 'info'>): SmsSender {
  const file = path.join(dataDir, 'sms-outbox.log');
  return {
    async send(to, text) {
      await mkdir(dataDir, { recursive: true });
      await appendFile(file, JSON.stringify({ to, text, at: new Date().toISOString() }) + '\n');
      log.info({ to: maskPhone(to), file }, `SMS (dev) ${text}`);
    },
  };
}

/**
 * Generic HTTP gateway adapter: POSTs {to, text} as JSON with a bearer token, the shape most Vietnamese
 * SMS brandname gateways accept through a thin proxy.
 */
export function httpSmsSender(url: string, token: string | undefined): SmsSender {
  return {
    async send(to, text) {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ to, text }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}
