import { createECDH, randomBytes, type ECDH } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  decodeUaKeys,
  encryptionEngine,
  encryptions,
  encryptPayload,
  encryptWith,
  keyAgreements,
  MAX_PUSH_PAYLOAD,
  type Encryption,
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

const present = <T>(entries: [string, T | null][]) => entries.filter((e): e is [string, T] => e[1] !== null);
const implementations = present<Encryption>([
  ...Object.entries(encryptions),
  ['javascript with the native key agreement', keyAgreements.native && encryptWith(keyAgreements.native)],
]);

describe.each(implementations)('RFC 8291 encryption, %s', (_name, encrypt) => {
  it('produces what a browser decrypts (http_ece as the receiver), fresh sender key and salt per message', () => {
    const { ua, keys, auth } = browserKeys();
    for (const payload of [
      Buffer.from(JSON.stringify({ title: 'Cảnh báo lũ', body: 'Di chuyển lên nơi cao' })),
      Buffer.alloc(0),
      Buffer.alloc(MAX_PUSH_PAYLOAD, 'ạ'),
    ]) {
      const a = encrypt(keys, payload);
      const b = encrypt(keys, payload);
      for (const body of [a, b]) {
        expect(body.length).toBe(86 + payload.length + 1 + 16);
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
    }
  });

  it('refuses a subscriber key that is not a point on P-256', () => {
    const { keys } = browserKeys();
    const offCurve = Buffer.from(keys.p256dh);
    offCurve[64]! ^= 1; // y changed: no longer on the curve
    expect(() => encrypt({ ...keys, p256dh: offCurve }, Buffer.from('x'))).toThrow();
    const outsideField = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 0xff)]);
    expect(() => encrypt({ ...keys, p256dh: outsideField }, Buffer.from('x'))).toThrow();
  });
});

describe.each(present<KeyAgreement>(Object.entries(keyAgreements)))('%s key agreement', (_name, agree) => {
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
});

describe('RFC 8291 encryption', () => {
  it('runs natively where the addon is built (npm ci builds it; CI must have it)', () => {
    if (process.env.CI && process.env.TINHSO_NATIVE_PUSH !== '0') expect(encryptionEngine).toBe('native');
    expect(encryptionEngine).toBe(encryptions.native ? 'native' : 'javascript');
  });

  it('refuses malformed keys and payloads over one record', () => {
    expect(() =>
      decodeUaKeys(randomBytes(33).toString('base64url'), randomBytes(16).toString('base64url')),
    ).toThrow();
    expect(() => decodeUaKeys(browserKeys().keys.p256dh.toString('base64url'), 'AAAA')).toThrow();
    expect(() => encryptPayload(browserKeys().keys, Buffer.alloc(MAX_PUSH_PAYLOAD + 1))).toThrow();
    if (encryptions.native) {
      const { keys } = browserKeys();
      expect(() => encryptions.native!(keys, Buffer.alloc(MAX_PUSH_PAYLOAD + 1))).toThrow(/record/);
      expect(() => encryptions.native!({ ...keys, auth: Buffer.alloc(8) }, Buffer.from('x'))).toThrow(/auth/);
      expect(() => encryptions.native!(keys, 'not a buffer' as never)).toThrow(/three buffers/);
    }
  });
});
