import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Encryption of personal data at rest (reporters' and callers' contacts): AES-256-GCM with a random 96-bit
 * IV per value, stored as `ts1.<key id>.<base64url(iv ‖ ciphertext ‖ tag)>`, so a key can be replaced and
 * old values still read with the previous key until the start-up step has re-encrypted them. Equality
 * look-ups go through a keyed HMAC-SHA256 "blind index" of the normalised value, never through the text.
 *
 * The key ring is installed once per process by the composition root (`installKeyRing`): drizzle column
 * types (`sealedText`) cannot receive dependencies, so this is the one piece of process-wide state.
 */

const PREFIX = 'ts1';
const SEALED_RE = /^ts1\.([0-9a-f]{8})\.([A-Za-z0-9_-]+)$/;

export interface DataKey {
  /** First 8 hex digits of HMAC(key, "key-id"): names the key without revealing it. */
  id: string;
  key: Buffer;
}

export interface KeyRing {
  current: DataKey;
  /** Older keys, for reading values written before a rotation. */
  previous: DataKey[];
  /** The blind-index key, derived from the current key. */
  indexKey: Buffer;
}

/** A key from its 32 bytes. */
export function dataKey(key: Buffer): DataKey {
  if (key.length !== 32) throw new Error('data encryption key must be 32 bytes');
  return { id: createHmac('sha256', key).update('tinhso key id').digest('hex').slice(0, 8), key };
}

export function keyRing(current: Buffer, previous: Buffer[] = []): KeyRing {
  return {
    current: dataKey(current),
    previous: previous.map(dataKey),
    indexKey: createHmac('sha256', current).update('tinhso blind index').digest(),
  };
}

let ring: KeyRing | null = null;

/** Sets the process's key ring (composition root; tests through createTestApp). */
export function installKeyRing(r: KeyRing): void {
  ring = r;
}

export function installedKeyRing(): KeyRing {
  if (!ring) throw new Error('no data encryption key installed (installKeyRing)');
  return ring;
}

/** The key id a stored value was sealed with, or null when the value is not sealed (clear text). */
export function sealedKeyId(stored: string): string | null {
  return SEALED_RE.exec(stored)?.[1] ?? null;
}

export function encryptText(clear: string, r: KeyRing = installedKeyRing()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', r.current.key, iv);
  const body = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final()]);
  return `${PREFIX}.${r.current.id}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
}

export function decryptText(stored: string, r: KeyRing = installedKeyRing()): string {
  const m = SEALED_RE.exec(stored);
  if (!m) throw new Error('not an encrypted value');
  const k = [r.current, ...r.previous].find((x) => x.id === m[1]);
  if (!k) throw new Error(`value encrypted with key ${m[1]}, which is not configured`);
  const raw = Buffer.from(m[2]!, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', k.key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString(
    'utf8',
  );
}

/** Keyed HMAC-SHA256 of an already normalised value (phone +84…, lower-case email), hex. */
export function blindIndex(normalised: string, r: KeyRing = installedKeyRing()): string {
  return createHmac('sha256', r.indexKey).update(normalised).digest('hex');
}

/**
 * A personal value as stored: encrypted. `open()` is the only way to the clear text, so every place that
 * reads a contact is a grep for `.open()`. Serialised (JSON, logs) it shows nothing.
 */
export class Sealed {
  private constructor(readonly stored: string) {}

  /** Encrypts a clear value (null stays null). */
  static of(clear: string): Sealed;
  static of(clear: string | null | undefined): Sealed | null;
  static of(clear: string | null | undefined): Sealed | null {
    return clear === null || clear === undefined ? null : new Sealed(encryptText(clear));
  }

  /** Wraps a value read from the database (clear rows not yet migrated are wrapped too, and open as is). */
  static fromStored(stored: string): Sealed {
    return new Sealed(stored);
  }

  open(): string {
    return sealedKeyId(this.stored) === null ? this.stored : decryptText(this.stored);
  }

  toJSON(): string {
    return '[encrypted]';
  }

  toString(): string {
    return '[encrypted]';
  }
}

/** Opens a possibly null sealed value. */
export function openSealed(s: Sealed | null | undefined): string | null {
  return s ? s.open() : null;
}
