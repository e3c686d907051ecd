import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';

/** Sends a text message to a phone number (E.164, +84…). */
export interface SmsSender {
  send(to: string, text: string): Promise<void>;
}

// How the phone network carries a text: GSM-7 (160 characters a segment, 153 when concatenated) when every
// character is in the GSM 03.38 alphabet, else UCS-2 (70 UTF-16 code units, 67 when concatenated) —
// Vietnamese with diacritics needs UCS-2.
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';
const gsmBasic = new Set(GSM_BASIC);
const gsmExt = new Set(GSM_EXTENDED);

export interface SmsBudget {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7, an extended character counts 2) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

export function smsBudget(text: string): SmsBudget {
  let septets = 0;
  let gsm = true;
  for (const ch of text) {
    if (gsmBasic.has(ch)) septets += 1;
    else if (gsmExt.has(ch)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm)
    return { encoding: 'GSM-7', units: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
  const units = text.length; // UTF-16 code units
  return { encoding: 'UCS-2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
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
 * Generic HTTP gateway adapter: POSTs {to, text, encoding, segments} as JSON with a bearer token, the shape
 * most Vietnamese SMS brandname gateways accept through a thin proxy. `encoding` ('GSM-7' or 'UCS-2') tells
 * the gateway how to send the text (a gateway that guesses GSM-7 mangles diacritics); `segments` is what the
 * message costs.
 */
function encodingOf(text: string): { encoding: SmsBudget['encoding']; segments: number } {
  const { encoding, segments } = smsBudget(text);
  return { encoding, segments };
}

export function httpSmsSender(url: string, token: string | undefined): SmsSender {
  return {
    async send(to, text) {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ to, text, ...encodingOf(text) }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}
