import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KEY_FILE, resolveKeyRing } from './data-keys.js';
import { describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from '../config/config.js';
import {
  blindIndex,
  decryptText,
  encryptText,
  keyRing,
  sealedKeyId,
  Sealed,
  installKeyRing,
} from './field-cipher.js';

const k1 = randomBytes(32);
const k2 = randomBytes(32);

describe('field cipher (AES-256-GCM, key ids, blind index)', () => {
  it('round-trips, uses a fresh IV each time and names the key', () => {
    const r = keyRing(k1);
    const a = encryptText('+84912345678', r);
    const b = encryptText('+84912345678', r);
    expect(a).not.toBe(b);
    expect(sealedKeyId(a)).toBe(r.current.id);
    expect(decryptText(a, r)).toBe('+84912345678');
    expect(decryptText(encryptText('Nguyễn Văn Á', r), r)).toBe('Nguyễn Văn Á');
  });

  it('refuses a tampered value and an unknown key; reads old values with a previous key', () => {
    const r1 = keyRing(k1);
    const sealed = encryptText('a@b.vn', r1);
    const last = sealed.at(-2) === 'A' ? 'B' : 'A';
    expect(() => decryptText(sealed.slice(0, -2) + last + sealed.at(-1), r1)).toThrow();
    expect(() => decryptText(sealed, keyRing(k2))).toThrow(/not configured/);
    expect(decryptText(sealed, keyRing(k2, [k1]))).toBe('a@b.vn');
  });

  it('indexes equal values equally under one key, differently under another', () => {
    expect(blindIndex('+84912345678', keyRing(k1))).toBe(blindIndex('+84912345678', keyRing(k1)));
    expect(blindIndex('+84912345678', keyRing(k1))).not.toBe(blindIndex('+84912345678', keyRing(k2)));
    expect(blindIndex('+84912345678', keyRing(k1))).not.toBe(blindIndex('+84912345679', keyRing(k1)));
  });

  it('Sealed never shows its value when serialised', () => {
    installKeyRing(keyRing(k1));
    const s = Sealed.of('0909000111');
    expect(JSON.stringify({ s })).toBe('{"s":"[encrypted]"}');
    expect(`${s}`).toBe('[encrypted]');
    expect(s.open()).toBe('0909000111');
    expect(Sealed.fromStored('clear, not yet migrated').open()).toBe('clear, not yet migrated');
  });

  it('config: a bad key is refused with a bilingual message', () => {
    expect(() => loadConfig({ DATA_ENCRYPTION_KEY: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_ENCRYPTION_KEY: 'short' })).toThrow(/32 byte.*must be 32 bytes/);
    expect(loadConfig({ DATA_ENCRYPTION_KEY: k1.toString('base64') }).dataKeys.current).toEqual(k1);
    expect(() => loadConfig({ DATA_ENCRYPTION_PREVIOUS_KEYS: `${k1.toString('base64')},nope` })).toThrow(
      ConfigError,
    );
  });
});

describe('the key kept in DATA_DIR', () => {
  it('is generated once, private, and the same for every process that reads it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tinhso-key-'));
    const config = { dataDir: dir, dataKeys: { current: undefined, previous: [] } };
    const rings = [resolveKeyRing(config), resolveKeyRing(config)];
    expect(rings[0]!.current.id).toBe(rings[1]!.current.id);
    expect(statSync(path.join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual([KEY_FILE]);
    // An explicit key wins over the file.
    expect(resolveKeyRing({ ...config, dataKeys: { current: k2, previous: [] } }).current.key).toEqual(k2);
  });
});
