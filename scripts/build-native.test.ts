import { spawnSync } from 'node:child_process';
import { createECDH, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The install step of the native Web Push encryption: `npm ci` (prepare) and `npm start` run it.
const script = path.join(import.meta.dirname, 'build-native.mjs');
const dir = mkdtempSync(path.join(os.tmpdir(), 'tinhso-native-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function build(out: string, env: Record<string, string | undefined>) {
  const { CI: _ci, ...rest } = process.env;
  return spawnSync(process.execPath, [script], {
    env: { ...rest, TINHSO_NATIVE_OUT: out, ...env },
    encoding: 'utf8',
  });
}

describe('scripts/build-native.mjs', () => {
  it('builds an addon that Node loads and that encrypts', () => {
    const out = path.join(dir, 'ok.node');
    const run = build(out, {});
    expect(run.status, run.stderr).toBe(0);
    const addon = createRequire(import.meta.url)(out) as {
      encrypt(ua: Buffer, auth: Buffer, payload: Buffer): Buffer;
    };
    const ua = createECDH('prime256v1');
    const body = addon.encrypt(ua.generateKeys(), randomBytes(16), Buffer.from('Cảnh báo'));
    expect(body.length).toBe(86 + Buffer.byteLength('Cảnh báo') + 1 + 16);
    // A second run finds it up to date and leaves it alone.
    expect(build(out, {}).stdout).not.toContain('Built');
  });

  it('warns and lets the install go on without a compiler, but fails under CI', () => {
    const out = path.join(dir, 'none.node');
    const plain = build(out, { CC: path.join(dir, 'no-such-compiler') });
    expect(plain.status).toBe(0);
    expect(plain.stderr).toContain('Không build được mã hoá Web Push gốc');
    expect(plain.stderr).toContain('Could not build the native Web Push encryption');
    expect(existsSync(out)).toBe(false);
    expect(build(out, { CC: path.join(dir, 'no-such-compiler'), CI: 'true' }).status).toBe(1);
  });
});
