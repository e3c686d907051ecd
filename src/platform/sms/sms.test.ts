import { createServer } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { devSmsSender, httpSmsSender, maskPhone } from './sms.js';

describe('SMS adapters', () => {
  it('masks numbers for logs', () => {
    expect(maskPhone('+84912345678')).toBe('+8491*****78');
  });

  it('dev adapter writes the message to a file and logs only the masked number', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tinhso-sms-'));
    const lines: unknown[] = [];
    await devSmsSender(dir, { info: (obj: unknown) => lines.push(obj) } as never).send(
      '+84912345678',
      '123456 la ma',
    );
    expect(JSON.parse(readFileSync(path.join(dir, 'sms-outbox.log'), 'utf8'))).toMatchObject({
      to: '+84912345678',
      text: '123456 la ma',
    });
    expect(JSON.stringify(lines)).not.toContain('+84912345678');
  });

  it('HTTP gateway adapter posts JSON with the bearer token and fails on a refusal', async () => {
    const received: { auth?: string; body: string }[] = [];
    let status = 200;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ auth: req.headers.authorization, body });
        res.statusCode = status;
        res.end('{}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    try {
      const sms = httpSmsSender(`http://127.0.0.1:${port}/send`, 'tok');
      await sms.send('+84912345678', 'xin chao');
      expect(received[0]).toEqual({
        auth: 'Bearer tok',
        body: JSON.stringify({ to: '+84912345678', text: 'xin chao', encoding: 'GSM-7', segments: 1 }),
      });
      // Vietnamese with diacritics must go as UCS-2: 71 code units are two segments of 67.
      const vi = 'Cảnh báo lũ: ' + 'ả'.repeat(58);
      await sms.send('+84912345678', vi);
      expect(JSON.parse(received[1]!.body)).toEqual({
        to: '+84912345678',
        text: vi,
        encoding: 'UCS-2',
        segments: 2,
      });
      status = 503;
      await expect(sms.send('+84912345678', 'x')).rejects.toThrow(/503/);
    } finally {
      server.close();
    }
  });
});
