import { createCipheriv, createECDH, createHmac, randomFillSync } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// RFC 8291 message encryption (aes128gcm content coding, RFC 8188): the same result web-push produces
// through http_ece, with a fresh ECDH key pair and a random salt per message, as RFC 8291 requires; no key
// or salt is shared between messages.
//
// Two implementations of the same steps:
//  - `native/rfc8291.c`, built at install (`scripts/build-native.mjs`, into dist/native), calls the OpenSSL
//    inside Node.js directly: ≈ 70 µs per message on the bench machine. Node's `ECDH.computeSecret()`
//    re-checks the object's own key pair with two more scalar multiplications before every derivation
//    (≈ 115 µs per message with `generateKeys()`), and each HMAC and cipher is a new object in Node.
//  - the JavaScript below on Node's crypto: the fallback when the addon is not built (no C compiler) or
//    TINHSO_NATIVE_PUSH=0, and the readable reference. It skips web-push's per-message option parsing,
//    string↔buffer round trips and generic multi-record loop, reuses one ECDH object (re-keyed per
//    message) and cuts salts from a CSPRNG buffer refilled when used up.
// Both refuse a subscriber key that is not a point on P-256; tests decrypt both with http_ece.

/** One record of 4096 bytes holds any payload the push services accept (≤ 4078 bytes of plaintext). */
const RECORD_SIZE = 4096;
export const MAX_PUSH_PAYLOAD = RECORD_SIZE - 16 - 1 - 1; // tag, delimiter, idlen
const KEY_INFO_PREFIX = Buffer.from('WebPush: info\0', 'latin1');
const CEK_INFO = Buffer.from('Content-Encoding: aes128gcm\0\x01', 'latin1');
const NONCE_INFO = Buffer.from('Content-Encoding: nonce\0\x01', 'latin1');
const ONE = Buffer.from([1]);
const LAST_RECORD = Buffer.from([2]);

/** Keys of a subscription decoded once (65-byte uncompressed P-256 point, 16 to 64-byte auth secret). */
export interface UaKeys {
  p256dh: Buffer;
  auth: Buffer;
}

export function decodeUaKeys(p256dh: string, auth: string): UaKeys {
  const key = Buffer.from(p256dh, 'base64url');
  const secret = Buffer.from(auth, 'base64url');
  if (key.length !== 65 || key[0] !== 4) throw new Error('p256dh must be a 65-byte uncompressed P-256 point');
  if (secret.length < 16 || secret.length > 64) throw new Error('auth must be 16 to 64 bytes');
  return { p256dh: key, auth: secret };
}

/** A fresh sender key pair agreed with the subscriber's public key: our public key and the shared secret. */
export type KeyAgreement = (uaPublic: Buffer) => { asPublic: Buffer; shared: Buffer };
export type Encryption = (ua: UaKeys, payload: Buffer) => Buffer;

interface NativeRfc8291 {
  ecdh(uaPublic: Buffer, out: Buffer): void;
  encrypt(uaPublic: Buffer, auth: Buffer, payload: Buffer): Buffer;
}

export const NATIVE_PUSH_PATH = fileURLToPath(
  new URL('../../../../dist/native/rfc8291.node', import.meta.url),
);

function loadNative(): NativeRfc8291 | null {
  if (process.env.TINHSO_NATIVE_PUSH === '0') return null;
  try {
    return createRequire(import.meta.url)(NATIVE_PUSH_PATH) as NativeRfc8291;
  } catch {
    return null;
  }
}
const native = loadNative();

/** Node's ECDH: one object whose key pair `generateKeys()` replaces for every message. */
function nodeAgreement(): KeyAgreement {
  const ecdh = createECDH('prime256v1');
  return (uaPublic) => {
    const asPublic = ecdh.generateKeys();
    return { asPublic, shared: ecdh.computeSecret(uaPublic) };
  };
}

/** The addon's agreement; its output buffer is reused, so callers use the result before the next call. */
function nativeAgreement(addon: NativeRfc8291): KeyAgreement {
  const out = Buffer.alloc(65 + 32);
  const asPublic = out.subarray(0, 65);
  const shared = out.subarray(65);
  return (uaPublic) => {
    addon.ecdh(uaPublic, out);
    return { asPublic, shared };
  };
}

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

/** The JavaScript implementation with a given key agreement. */
export function encryptWith(agree: KeyAgreement): Encryption {
  return (ua, payload) => {
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
  };
}

/** Both key agreements and both implementations, for tests; the native ones are null when not built. */
export const keyAgreements = { node: nodeAgreement(), native: native ? nativeAgreement(native) : null };
export const encryptions: { javascript: Encryption; native: Encryption | null } = {
  javascript: encryptWith(keyAgreements.node),
  native: native ? (ua, payload) => native.encrypt(ua.p256dh, ua.auth, payload) : null,
};
/** Which one encryptPayload uses (the benchmark reports it). */
export const encryptionEngine: 'native' | 'javascript' = encryptions.native ? 'native' : 'javascript';
const encryption = encryptions.native ?? encryptions.javascript;

/** The aes128gcm body for one subscription: header (salt, record size, sender key) then one record. */
export function encryptPayload(ua: UaKeys, payload: Buffer): Buffer {
  if (payload.length > MAX_PUSH_PAYLOAD) throw new Error(`payload over ${MAX_PUSH_PAYLOAD} bytes`);
  return encryption(ua, payload);
}
