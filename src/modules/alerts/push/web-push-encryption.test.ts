import { createECDH, randomBytes, type ECDH } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  decodeUaKeys,
  ecdhEngine,
  encryptPayload,
  keyAgreements,
  MAX_PUSH_PAYLOAD,
  type KeyAgreement,
} from './web-push-encryption.js';

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

const engines = Object.entries(keyAgreements).filter((e): e is [string, KeyAgreement] => e[1] !== null);

describe.each(engines)('RFC 8291 encryption, %s key agreement', (_name, agree) => {
  it('produces what a browser decrypts (http_ece as the receiver), fresh sender key and salt per message', () => {
    const { ua, keys, auth } = browserKeys();
    const payload = Buffer.from(JSON.stringify({ title: 'Cảnh báo lũ', body: 'Di chuyển lên nơi cao' }));
    const a = encryptPayload(keys, payload, agree);
    const b = encryptPayload(keys, payload, agree);
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

  it('agrees on the secret the subscriber derives, with a new key pair every time', () => {
    const { ua, keys } = browserKeys();
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const { asPublic, shared } = agree(keys.p256dh);
      expect(asPublic.length).toBe(65);
      expect(shared.equals(ua.computeSecret(asPublic))).toBe(true);
      seen.add(asPublic.toString('hex'));
    }
    expect(seen.size).toBe(50);
  });

  it('refuses a subscriber key that is not a point on P-256', () => {
    const { keys } = browserKeys();
    const offCurve = Buffer.from(keys.p256dh);
    offCurve[64]! ^= 1; // y changed: no longer on the curve
    expect(() => agree(offCurve)).toThrow();
    const outsideField = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 0xff)]);
    expect(() => agree(outsideField)).toThrow();
    expect(() => encryptPayload({ ...keys, p256dh: offCurve }, Buffer.from('x'), agree)).toThrow();
  });
});

describe('RFC 8291 encryption', () => {
  it('uses OpenSSL directly where the addon is built (npm ci builds it; CI must have it)', () => {
    if (process.env.CI && process.env.TINHSO_NATIVE_ECDH !== '0') expect(ecdhEngine).toBe('openssl');
    expect(ecdhEngine).toBe(keyAgreements.openssl ? 'openssl' : 'node');
  });

  it('refuses malformed keys and payloads over one record', () => {
    expect(() =>
      decodeUaKeys(randomBytes(33).toString('base64url'), randomBytes(16).toString('base64url')),
    ).toThrow();
    expect(() => decodeUaKeys(browserKeys().keys.p256dh.toString('base64url'), 'AAAA')).toThrow();
    expect(() => encryptPayload(browserKeys().keys, Buffer.alloc(MAX_PUSH_PAYLOAD + 1))).toThrow();
  });
});
