import { createCipheriv, createECDH, createHmac, randomFillSync } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// RFC 8291 message encryption (aes128gcm content coding, RFC 8188) written out: the same result web-push
// produces through http_ece, without its per-message option parsing, string↔buffer round trips, the second
// public-key export and the generic multi-record loop. A fresh ECDH key pair and a random salt per message,
// as RFC 8291 requires; no key or salt is shared between messages. Two costs are cut without weakening
// that: the key agreement (below), and salts cut from a buffer of random bytes refilled when used up.
//
// Key agreement: `native/p256-ecdh.c`, built at install (`scripts/build-native.mjs`, into dist/native), calls
// the OpenSSL inside Node.js directly: a fresh key pair and the shared secret in ≈ 60 µs. Node's own
// `ECDH.computeSecret()` re-checks the object's key pair with two more scalar multiplications before every
// derivation (≈ 115 µs per message with `generateKeys()`); it stays as the fallback when the addon is not
// built (no C compiler) or TINHSO_NATIVE_ECDH=0. Both refuse a subscriber key that is not on the curve.

/** One record of 4096 bytes holds any payload the push services accept (≤ 4078 bytes of plaintext). */
const RECORD_SIZE = 4096;
export const MAX_PUSH_PAYLOAD = RECORD_SIZE - 16 - 1 - 1; // tag, delimiter, idlen
const KEY_INFO_PREFIX = Buffer.from('WebPush: info\0', 'latin1');
const CEK_INFO = Buffer.from('Content-Encoding: aes128gcm\0\x01', 'latin1');
const NONCE_INFO = Buffer.from('Content-Encoding: nonce\0\x01', 'latin1');
const ONE = Buffer.from([1]);
const LAST_RECORD = Buffer.from([2]);

/** A fresh sender key pair agreed with the subscriber's public key: our public key and the shared secret. */
export type KeyAgreement = (uaPublic: Buffer) => { asPublic: Buffer; shared: Buffer };

/** Node's ECDH: one object whose key pair `generateKeys()` replaces for every message. */
function nodeAgreement(): KeyAgreement {
  const ecdh = createECDH('prime256v1');
  return (uaPublic) => {
    const asPublic = ecdh.generateKeys();
    return { asPublic, shared: ecdh.computeSecret(uaPublic) };
  };
}

export const NATIVE_ECDH_PATH = fileURLToPath(
  new URL('../../../../dist/native/p256-ecdh.node', import.meta.url),
);

/** The addon's agreement; its output buffer is reused, so callers use the result before the next call. */
function opensslAgreement(): KeyAgreement | null {
  if (process.env.TINHSO_NATIVE_ECDH === '0') return null;
  let addon: { ecdh(uaPublic: Buffer, out: Buffer): void };
  try {
    addon = createRequire(import.meta.url)(NATIVE_ECDH_PATH) as typeof addon;
  } catch {
    return null;
  }
  const out = Buffer.alloc(65 + 32);
  const asPublic = out.subarray(0, 65);
  const shared = out.subarray(65);
  return (uaPublic) => {
    addon.ecdh(uaPublic, out);
    return { asPublic, shared };
  };
}

/** Both implementations, for tests; `openssl` is null when the addon is not built. */
export const keyAgreements = { node: nodeAgreement(), openssl: opensslAgreement() };
/** Which one encryptPayload uses by default (the benchmark reports it). */
export const ecdhEngine: 'openssl' | 'node' = keyAgreements.openssl ? 'openssl' : 'node';
const defaultAgreement = keyAgreements.openssl ?? keyAgreements.node;

const SALT_POOL_BYTES = 16 * 256;
const saltPool = Buffer.alloc(SALT_POOL_BYTES);
let saltOffset = SALT_POOL_BYTES;
/** 16 random bytes, never handed out twice (the pool is refilled from the CSPRNG once it is used up). */
function nextSalt(): Buffer {
  if (saltOffset === SALT_POOL_BYTES) {
    randomFillSync(saltPool);
    saltOffset = 0;
  }
  saltOffset += 16;
  return saltPool.subarray(saltOffset - 16, saltOffset);
}

const hmac = (key: Buffer, ...data: Buffer[]) => {
  const h = createHmac('sha256', key);
  for (const d of data) h.update(d);
  return h.digest();
};

/** Keys of a subscription decoded once (65-byte uncompressed P-256 point, ≥ 16-byte auth secret). */
export interface UaKeys {
  p256dh: Buffer;
  auth: Buffer;
}

export function decodeUaKeys(p256dh: string, auth: string): UaKeys {
  const key = Buffer.from(p256dh, 'base64url');
  const secret = Buffer.from(auth, 'base64url');
  if (key.length !== 65 || key[0] !== 4) throw new Error('p256dh must be a 65-byte uncompressed P-256 point');
  if (secret.length < 16) throw new Error('auth must be at least 16 bytes');
  return { p256dh: key, auth: secret };
}

/** The aes128gcm body for one subscription: header (salt, record size, sender key) then one record. */
export function encryptPayload(ua: UaKeys, payload: Buffer, agree: KeyAgreement = defaultAgreement): Buffer {
  if (payload.length > MAX_PUSH_PAYLOAD) throw new Error(`payload over ${MAX_PUSH_PAYLOAD} bytes`);
  const { asPublic, shared } = agree(ua.p256dh);
  // IKM = HKDF(auth, ecdh secret, "WebPush: info" || 0 || ua_public || as_public, 32)
  const prkKey = hmac(ua.auth, shared);
  const ikm = hmac(prkKey, KEY_INFO_PREFIX, ua.p256dh, asPublic, ONE);
  const salt = nextSalt();
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, CEK_INFO).subarray(0, 16);
  const nonce = hmac(prk, NONCE_INFO).subarray(0, 12);
  const cipher = createCipheriv('aes-128-gcm', cek, nonce);
  const head = Buffer.allocUnsafe(16 + 4 + 1 + 65);
  salt.copy(head, 0);
  head.writeUInt32BE(RECORD_SIZE, 16);
  head[20] = 65;
  asPublic.copy(head, 21);
  const a = cipher.update(payload);
  const b = cipher.update(LAST_RECORD);
  const c = cipher.final();
  return Buffer.concat([head, a, b, c, cipher.getAuthTag()]);
}
