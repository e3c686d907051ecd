import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The last one-time code the dev SMS adapter "sent" to a phone (+84…), read from the server's outbox file. */
export async function lastSmsCode(dataDir: string | null, phone: string): Promise<string> {
  if (!dataDir) throw new Error('The SMS outbox is only readable for a server started by the tests');
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      const lines = readFileSync(path.join(dataDir, 'sms-outbox.log'), 'utf8').trim().split('\n');
      const mine = lines
        .map((l) => JSON.parse(l) as { to: string; text: string })
        .filter((m) => m.to === phone);
      const code = mine.at(-1)?.text.match(/\d{6}/)?.[0];
      if (code) return code;
    } catch {
      // Not written yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No SMS code for ${phone}`);
}
