import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { SmsSender } from '../../../platform/sms/sms.js';
import type { ReporterMessage, ReporterNotifier } from './notify-reporter.js';

/**
 * Reporter notices until the mail channel is wired (issue 5): email goes to DATA_DIR/mail-outbox.log as
 * one JSON line each (to, subject, text); SMS goes through the configured SMS adapter.
 */
export function outboxNotifier(dataDir: string, sms: SmsSender): ReporterNotifier {
  const file = path.join(dataDir, 'mail-outbox.log');
  return {
    async deliver(m: ReporterMessage) {
      if (m.to.email) {
        await mkdir(dataDir, { recursive: true });
        await appendFile(
          file,
          JSON.stringify({ to: m.to.email, subject: m.subject, text: m.text, at: new Date().toISOString() }) +
            '\n',
        );
        return { channel: 'email', recipient: m.to.email };
      }
      await sms.send(m.to.phone!, m.text);
      return { channel: 'sms', recipient: m.to.phone! };
    },
  };
}
