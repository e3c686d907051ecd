import { createECDH, randomBytes, type ECDH } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { decodeUaKeys, encryptPayload, MAX_PUSH_PAYLOAD } from './web-push-encryption.js';

// The receiving side: http_ece (web-push's dependency, the decryption web-push-testing uses too).
const ece = createRequire(import.meta.url)('http_ece') as {
  decrypt(body: Buffer, opts: { version: string; privateKey: ECDH; authSecret: string }): Buffer;
};

function browserKeys() {
  const ua = createECDH('prime256v1');
  const pub = ua.generateKeys();
  const auth = randomBytes(16);
  return { ua, keys: decodeUaKeys(pub.toString('base64url'), auth.toString('base64url')), auth };
}

describe('RFC 8291 encryption', () => {
  it('produces what a browser decrypts (http_ece as the receiver), fresh sender key and salt per message', () => {
    const { ua, keys, auth } = browserKeys();
    const payload = Buffer.from(JSON.stringify({ title: 'Cảnh báo lũ', body: 'Di chuyển lên nơi cao' }));
    const a = encryptPayload(keys, payload);
    const b = encryptPayload(keys, payload);
    for (const body of [a, b]) {
      const plain = ece.decrypt(body, {
        version: 'aes128gcm',
        privateKey: ua,
        authSecret: auth.toString('base64url'),
      });
      expect(plain.equals(payload)).toBe(true);
    }
    expect(a.subarray(0, 16).equals(b.subarray(0, 16))).toBe(false); // salt
    expect(a.subarray(21, 86).equals(b.subarray(21, 86))).toBe(false); // sender public key
    expect(a.readUInt32BE(16)).toBe(4096);
    expect(a[20]).toBe(65);
  });

  it('refuses malformed keys and payloads over one record', () => {
    expect(() =>
      decodeUaKeys(randomBytes(33).toString('base64url'), randomBytes(16).toString('base64url')),
    ).toThrow();
    expect(() => decodeUaKeys(browserKeys().keys.p256dh.toString('base64url'), 'AAAA')).toThrow();
    expect(() => encryptPayload(browserKeys().keys, Buffer.alloc(MAX_PUSH_PAYLOAD + 1))).toThrow();
  });
});
